"""Why the engine refused a request: a stable code for programs and a plain Vietnamese reason for people."""

from django.utils.translation import gettext_lazy as _


class AttemptError(Exception):
    MESSAGES = {
        "not_found": _("This test attempt does not exist."),
        "not_yours": _("This attempt belongs to someone else."),
        "closed": _("This attempt is already closed. Your answers were kept as they were."),
        "late": _("Time is up: the attempt was closed at its deadline, so this answer was not saved."),
        "stale": _(
            "This page is out of date (the test was changed in another tab or the same button was pressed twice). "
            "Nothing was changed. Reload the page to continue."
        ),
        "unknown_item": _("The answer names a question that is not in this attempt. Nothing was saved."),
        "bad_answer": _("An answer could not be read. Nothing was saved."),
        "no_attempts_left": _("You have used all the attempts allowed for this test."),
        "not_open": _("This test is not open."),
        "bank_too_small": _("The question bank does not have enough questions for this test. Tell the organisers."),
        "not_claimed": _("Claim this answer before grading it; another examiner may hold it."),
        "not_reviewable": _("This answer does not wait for an examiner."),
        "bad_grade": _("The grade is incomplete: choose a level for every criterion."),
        "same_examiner": _("The second marking must be done by a different examiner."),
        "not_allowed": _("You are not allowed to do this."),
    }

    def __init__(self, code: str, message: str | None = None):
        self.code = code
        self.message = message or self.MESSAGES.get(code, code)
        super().__init__(f"{code}: {self.message}")
