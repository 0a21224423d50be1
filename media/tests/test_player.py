"""The sandboxed H5P player: play tokens, the player page, the files it reads, and their headers."""

import json
import re
import time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from media import access
from media.api import PLAY_TOKEN_MAX_AGE, build_quiz_package, package_by_sha, player_url, register_play_check
from media.services import store_h5p_package
from media.tokens import user_id_from_token

pytestmark = pytest.mark.django_db

LIBRARY = "H5P.HocVuSoQuiz-1.0"
PLAYER = re.compile(r"^/hoc-lieu/h5p/(?P<sha256>[0-9a-f]{64})/choi/(?P<token>[^/]+)/$")


def make_quiz(title="Nhận biết lừa đảo"):
    data = build_quiz_package(
        title=title,
        questions=[{"question": "Người lạ xin mã OTP. Bạn làm gì?", "answers": ["Đọc mã", "Không đọc"], "correct": 1}],
    )
    return store_h5p_package(upload=SimpleUploadedFile("quiz.h5p", data))[0]


@pytest.fixture
def quiz():
    return make_quiz()


@pytest.fixture
def editor():
    from lms.roles import Role
    from lms.tests.factories import staff

    return staff(Role.EDITOR)


def token_of(url: str) -> str:
    return PLAYER.match(url)["token"]


def file_url(sha256: str, token: str, path: str) -> str:
    return f"/hoc-lieu/h5p/{sha256}/t/{token}/{path}"


def options_of(response) -> dict:
    found = re.search(r'<script id="h5p-player-options" type="application/json">(.*?)</script>', response.text)
    assert found, response.text[:1000]
    return json.loads(found[1])


def csp_of(response) -> dict[str, list[str]]:
    directives = [part.split() for part in response["Content-Security-Policy"].split(";")]
    return {name: values for name, *values in directives}


# --- media.api -----------------------------------------------------------------------------------------


def test_player_url_costs_no_query_and_takes_a_package_or_its_hash(quiz, editor, django_assert_num_queries):
    with django_assert_num_queries(0):
        by_package = player_url(user=editor, package=quiz)
        by_hash = player_url(user=editor, package=quiz.sha256)
    assert by_package == by_hash
    assert PLAYER.match(by_package)["sha256"] == quiz.sha256
    assert user_id_from_token(token_of(by_package), sha256=quiz.sha256) == editor.pk


def test_player_url_needs_a_signed_in_user(quiz):
    with pytest.raises(ValueError, match="signed-in"):
        player_url(user=AnonymousUser(), package=quiz)


def test_the_api_finds_packages_by_hash(quiz):
    assert package_by_sha(quiz.sha256) == quiz
    assert package_by_sha("0" * 64) is None
    assert PLAY_TOKEN_MAX_AGE == 12 * 60 * 60


# --- the player page -----------------------------------------------------------------------------------


def test_the_player_page_plays_the_package_from_token_urls_without_any_cookie(quiz, editor):
    url = player_url(user=editor, package=quiz)
    token = token_of(url)
    response = Client().get(url)  # nobody signed in: the token is the authorisation
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    html = response.text
    assert '<html lang="vi">' in html
    assert "<title>Nhận biết lừa đảo</title>" in html
    assert '<script src="http://testserver/static/h5p-standalone/main.bundle.js" defer></script>' in html
    assert '<script src="/static/media/h5p_player.js" defer></script>' in html
    options = options_of(response)
    files = f"http://testserver/hoc-lieu/h5p/{quiz.sha256}/t/{token}"
    assert options["h5pJsonPath"] == files
    assert options["contentJsonPath"] == f"{files}/content"
    assert options["librariesPath"] == files
    assert options["frameJs"] == "http://testserver/static/h5p-standalone/frame.bundle.js"
    assert options["frameCss"] == "http://testserver/static/h5p-standalone/styles/h5p.css"
    assert options["embedType"] == "div"
    assert options["preventH5PInit"] is False
    assert options["xAPIObjectIRI"] == f"http://testserver/hoc-lieu/h5p/{quiz.sha256}/"
    assert options["metadata"]["defaultLanguage"] == "vi"
    # what h5p-standalone then fetches, and the player's own files, all exist
    client = Client()
    for path in ("h5p.json", "content/content.json", f"{LIBRARY}/library.json", f"{LIBRARY}/quiz.js"):
        assert client.get(file_url(quiz.sha256, token, path)).status_code == 200, path
    for static in ("h5p-standalone/main.bundle.js", "h5p-standalone/frame.bundle.js", "h5p-standalone/styles/h5p.css"):
        assert finders.find(static), f"{static} is missing: run ./run setup (npm ci)"
    for static in ("media/h5p_player.js", "media/h5p_player.css", "media/h5p_host.js"):
        assert finders.find(static), static


def test_the_player_page_is_sandboxed_and_tells_nobody_where_it_came_from(client, quiz, editor):
    response = client.get(player_url(user=editor, package=quiz))
    csp = csp_of(response)
    assert csp["sandbox"] == ["allow-scripts"]  # no allow-same-origin: an opaque origin even when opened directly
    assert csp["default-src"] == ["'none'"]
    assert "http://testserver" in csp["script-src"]
    assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:"} & set(csp["script-src"])
    assert set(csp["connect-src"]) == {"'self'", "http://testserver"}
    assert set(csp["frame-ancestors"]) == {"'self'", "http://testserver"}
    assert csp["base-uri"] == ["'none'"] and csp["form-action"] == ["'none'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Frame-Options"] == "SAMEORIGIN"  # the lesson page frames it
    assert "no-store" in response["Cache-Control"]
    assert "Access-Control-Allow-Origin" not in response


# --- the files the player reads ------------------------------------------------------------------------


def test_token_files_are_shared_with_the_opaque_origin_player_without_credentials(quiz, editor):
    token = token_of(player_url(user=editor, package=quiz))
    client = Client()
    script = client.get(file_url(quiz.sha256, token, f"{LIBRARY}/quiz.js"), HTTP_ORIGIN="null")
    assert script.status_code == 200
    assert script["Content-Type"] == "text/javascript"
    assert script["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in script
    assert script["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert script["Content-Security-Policy"].startswith("sandbox allow-scripts;")
    assert script["X-Content-Type-Options"] == "nosniff"
    assert script["Referrer-Policy"] == "no-referrer"
    assert script.content.startswith(b"/**\n * H5P.HocVuSoQuiz 1.0")
    content = client.get(file_url(quiz.sha256, token, "content/content.json"))
    assert content["Content-Type"] == "application/json"
    assert json.loads(content.content)["questions"][0]["correct"] == 1
    assert client.get(file_url(quiz.sha256, token, f"{LIBRARY}/quiz.css"))["Content-Type"] == "text/css"


@pytest.mark.parametrize("path", ["content/missing.json", "content/", "../../settings.py", "content/../h5p.json"])
def test_unknown_paths_under_a_token_are_404(client, quiz, editor, path):
    token = token_of(player_url(user=editor, package=quiz))
    assert client.get(file_url(quiz.sha256, token, path)).status_code == 404


# --- tokens that must not work -------------------------------------------------------------------------


def both_urls(sha256: str, token: str) -> list[str]:
    return [f"/hoc-lieu/h5p/{sha256}/choi/{token}/", file_url(sha256, token, "h5p.json")]


def tampered(token: str) -> list[str]:
    user_id, timestamp, signature = token.split(":")
    flipped = signature[:-1] + ("A" if signature[-1] != "A" else "B")
    return [
        f"{user_id}:{timestamp}:{flipped}",
        f"{int(user_id) + 1}:{timestamp}:{signature}",  # someone else's account
        f"{user_id}:{timestamp[:-1]}{'0' if timestamp[-1] != '0' else '1'}:{signature}",  # younger than it is
        f"{user_id}:{timestamp}:",
        "not-a-token",
    ]


def test_a_tampered_token_opens_nothing(client, quiz, editor):
    token = token_of(player_url(user=editor, package=quiz))
    for bad in tampered(token):
        for url in both_urls(quiz.sha256, bad):
            assert client.get(url).status_code == 404, url


def test_a_token_expires_after_twelve_hours(client, quiz, editor, monkeypatch):
    token = token_of(player_url(user=editor, package=quiz))
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + PLAY_TOKEN_MAX_AGE - 60 * 60)  # 11 hours on: still good
    for url in both_urls(quiz.sha256, token):
        assert client.get(url).status_code == 200, url
    monkeypatch.setattr(time, "time", lambda: now + PLAY_TOKEN_MAX_AGE + 1)
    for url in both_urls(quiz.sha256, token):
        assert client.get(url).status_code == 404, url


def test_a_token_opens_only_its_own_package(client, quiz, editor):
    from lms.roles import Role
    from lms.tests.factories import staff

    other = make_quiz(title="Một hoạt động khác")
    someone_else = staff(Role.EDITOR)
    for user in (editor, someone_else):
        token = token_of(player_url(user=user, package=quiz))
        for url in both_urls(other.sha256, token):
            assert client.get(url).status_code == 404, url
        for url in both_urls(quiz.sha256, token):
            assert client.get(url).status_code == 200, url


def test_an_unknown_package_is_404_even_with_a_good_signature(client, editor):
    unknown = "0" * 64
    token = token_of(player_url(user=editor, package=unknown))
    for url in both_urls(unknown, token):
        assert client.get(url).status_code == 404, url


def test_a_deactivated_account_plays_no_more(client, quiz, editor):
    token = token_of(player_url(user=editor, package=quiz))
    editor.is_active = False
    editor.save()
    for url in both_urls(quiz.sha256, token):
        assert client.get(url).status_code == 404, url


def test_the_player_page_asks_media_access_again(client, quiz):
    """A token minted for someone media.access no longer lets play (no longer enrolled, say) opens no player."""
    from lms.tests.factories import learner

    person = learner()
    url = player_url(user=person, package=quiz)
    assert client.get(url).status_code == 404
    check = register_play_check(lambda user, package: user.pk == person.pk and package.pk == quiz.pk)
    try:
        assert client.get(url).status_code == 200
    finally:
        access._play_checks.remove(check)


# --- the signed-in route stays as it was -----------------------------------------------------------------


def test_the_cookie_route_is_not_shared_with_other_origins(client, quiz, editor):
    client.force_login(editor)
    response = client.get(f"/hoc-lieu/h5p/{quiz.sha256}/{LIBRARY}/quiz.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["Content-Security-Policy"].startswith("sandbox allow-scripts;")
    assert "Access-Control-Allow-Origin" not in response
    assert Client().get(f"/hoc-lieu/h5p/{quiz.sha256}/{LIBRARY}/quiz.js").status_code == 404


# --- the embedding include -------------------------------------------------------------------------------


def test_the_frame_include_is_a_sandboxed_accessible_iframe():
    from django.template.loader import render_to_string

    html = render_to_string("media/h5p_frame.html", {"src": "/hoc-lieu/h5p/x/choi/y/", "title": "Hoạt động: <b>"})
    iframe = re.search(r"<iframe [^>]*>", html)[0]
    assert 'src="/hoc-lieu/h5p/x/choi/y/"' in iframe
    assert 'title="Hoạt động: &lt;b&gt;"' in iframe
    assert 'sandbox="allow-scripts"' in iframe
    assert "allow-same-origin" not in html
    assert 'loading="lazy"' in iframe and 'referrerpolicy="no-referrer"' in iframe
    assert '<script src="/static/media/h5p_host.js" defer></script>' in html
