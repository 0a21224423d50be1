"""What other apps use of media. Import from here, not from media's other modules.

Playing an H5P activity in a page
---------------------------------
1. Decide that the user may play the package (an enrolled learner on their lesson, say) and register that rule
   once with `register_play_check`, so the player page agrees (staff who change packages always may).
2. In the page, `{% include "media/h5p_frame.html" with src=<player_url(user=…, package=…)> title=<name> %}`:
   an `<iframe sandbox="allow-scripts">` (no allow-same-origin: the player has an opaque origin, no cookie, no
   access to the page or the site) showing `/hoc-lieu/h5p/<sha256>/choi/<token>/`. The token in the URL is the
   authorisation; it lets this user play this package for 11 to 12 hours. The player reads the package's
   files from `/hoc-lieu/h5p/<sha256>/t/<token>/<path in the .h5p>`.
3. Listen to the player's messages (below). The include loads media/h5p_host.js, which sizes the frame from
   "hocvuso:h5p-resize" and re-sends each statement as a "hocvuso:h5p-xapi" DOM event bubbling from the
   iframe (`event.detail.statement`); a page may instead listen to the messages itself.

Messages the player posts to its parent window (`window.parent.postMessage(message, "*")`)
------------------------------------------------------------------------------------------
- `{type: "hocvuso:h5p-xapi", statement: {...}}` for every xAPI statement the content sends, as H5P makes it:
  `verb.id` (e.g. `http://adlnet.gov/expapi/verbs/answered`, `.../completed`, `.../attempted`), `object.id`
  (`https://<site>/hoc-lieu/h5p/<sha256>/`, plus `?subContentId=…` for a part such as one question),
  `result.score` (`raw`, `min`, `max`, `scaled`), `result.completion`, `result.success`, `result.duration`;
  `context.contextActivities.parent` is set on a part's statement. The actor is H5P's anonymous one.
- `{type: "hocvuso:h5p-resize", height: <CSS pixels>}` whenever the content's height changes: size the iframe.

A sandboxed frame's `event.origin` is the string "null": recognise the player by `event.source ===
iframe.contentWindow`, never by origin. Statements come from the learner's browser: record them as what the
learner did, but never grant anything (a certificate, a pass) on their word alone.

H5P.HocVuSoQuiz (our content type, `build_quiz_package`) sends "attempted" when shown, "answered" for each
checked question (a part: score 0 or 1 out of 1) and "completed" for the quiz once every question is checked
(score: right answers out of questions; success: the pass mark is reached).
"""

from django.urls import reverse

from .access import can_play, register_play_check
from .h5p.authoring import build_quiz_package
from .models import H5PPackage
from .tokens import MAX_AGE as PLAY_TOKEN_MAX_AGE
from .tokens import make_token

__all__ = [
    "PLAY_TOKEN_MAX_AGE",
    "H5PPackage",
    "build_quiz_package",
    "can_play",
    "package_by_sha",
    "player_url",
    "register_play_check",
]


def player_url(*, user, package: H5PPackage | str) -> str:
    """The address of the sandboxed player of `package` (an H5PPackage or its sha256) for `user`, e.g.
    `/hoc-lieu/h5p/<sha256>/choi/<token>/`, to use as the `src` of media/h5p_frame.html.

    The caller has already decided that `user` may play the package (media.access.can_play, or its own rule
    registered with register_play_check); the token carries that decision to the sandboxed frame, which has no
    cookie. No database query: a lesson page may call it on every view. A sha256 that is not 64 hexadecimal
    digits raises NoReverseMatch; a user who is not signed in, ValueError.
    """
    sha256 = package if isinstance(package, str) else package.sha256
    if user is None or not getattr(user, "pk", None):
        raise ValueError("player_url needs a signed-in user")
    token = make_token(user_id=user.pk, sha256=sha256)
    return reverse("media:h5p_player", kwargs={"sha256": sha256, "token": token})


def package_by_sha(sha256: str) -> H5PPackage | None:
    """The package with this content hash, or None."""
    return H5PPackage.objects.filter(sha256=sha256).first()
