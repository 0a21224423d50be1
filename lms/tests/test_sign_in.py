import email
import email.policy
import os
import time
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse

from lms.tests.factories import PASSWORD, LearnerProfileFactory, UserFactory, learner

pytestmark = pytest.mark.django_db
SIGN_IN = reverse("lms:sign_in")


@pytest.mark.parametrize("typed", ["0987654321", "+84 987 654 321", "098.765.4321", "mai@example.vn", "MAI@Example.VN"])
def test_sign_in_with_email_or_phone_in_any_common_spelling(client, typed):
    UserFactory(email="mai@example.vn", phone="0987654321")
    response = client.post(SIGN_IN, {"username": typed, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert "_auth_user_id" in client.session


def test_wrong_password_gets_one_plain_vietnamese_message(client):
    UserFactory(email="mai@example.vn")
    response = client.post(SIGN_IN, {"username": "mai@example.vn", "password": "sai-mat-khau"})
    assert response.status_code == 200
    assert "Email, số điện thoại hoặc mật khẩu chưa đúng." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_unknown_account_gets_the_same_message_as_a_wrong_password(client):
    response = client.post(SIGN_IN, {"username": "0911111111", "password": "bat-ky-2026"})
    assert "Email, số điện thoại hoặc mật khẩu chưa đúng." in response.content.decode()


def test_inactive_account_cannot_sign_in(client):
    UserFactory(email="mai@example.vn", is_active=False)
    client.post(SIGN_IN, {"username": "mai@example.vn", "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_sign_in_remembers_the_preferred_text_size(client):
    profile = LearnerProfileFactory(preferred_text_size="larger")
    response = client.post(SIGN_IN, {"username": profile.user.email, "password": PASSWORD})
    assert response.cookies["hocvuso_text_size"].value == "larger"
    assert 'class="text-larger"' in client.get("/tai-khoan/ho-so/").content.decode()


def test_next_is_followed_only_within_the_site(client):
    user = UserFactory()
    ok = client.post(
        f"{SIGN_IN}?next=/tai-khoan/ho-so/", {"username": user.email, "password": PASSWORD, "next": "/tai-khoan/ho-so/"}
    )
    assert ok["Location"] == "/tai-khoan/ho-so/"
    client.logout()
    evil = client.post(SIGN_IN, {"username": user.email, "password": PASSWORD, "next": "https://evil.example/"})
    assert evil["Location"] == "/"


def test_sign_out_needs_a_post_and_ends_the_session(client):
    client.force_login(learner())
    assert client.get(reverse("lms:sign_out")).status_code == 405
    assert client.post(reverse("lms:sign_out")).status_code == 302
    assert "_auth_user_id" not in client.session


def sent_mail(recipient: str, *, wait: float = 0) -> list[tuple[str, str]]:
    """(subject, body) of each email sent to recipient: from the in-process outbox, or, when a real Celery
    worker sends them (.ci/run points its file email backend at HOCVUSO_WORKER_MAIL_DIR), from its files."""
    worker_dir = os.environ.get("HOCVUSO_WORKER_MAIL_DIR")
    if not worker_dir:
        return [(m.subject, m.body) for m in mail.outbox if recipient in m.to]
    deadline = time.monotonic() + wait
    while True:
        found = []
        for path in Path(worker_dir).glob("*.log"):
            for chunk in path.read_bytes().split(b"-" * 79):
                if chunk.strip():
                    message = email.message_from_bytes(chunk.strip(), policy=email.policy.default)
                    if message["To"] == recipient:
                        found.append((str(message["Subject"]), message.get_body().get_content()))
        if found or time.monotonic() >= deadline:
            return found
        time.sleep(0.2)


def test_password_reset_mails_a_working_link(client, django_capture_on_commit_callbacks):
    user = UserFactory(email="mai@example.vn")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("lms:password_reset"), {"email": "MAI@example.vn"})
    assert len(callbacks) == 1, "the email is queued only once the request's data is committed"
    assert response["Location"] == reverse("lms:password_reset_done")
    messages = sent_mail("mai@example.vn", wait=30)
    assert len(messages) == 1
    subject, body = messages[0]
    assert "Đặt mật khẩu mới" in subject
    link = next(line for line in body.splitlines() if "/tai-khoan/dat-lai/" in line)
    path = link.split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": "cay-tre-xanh-2027", "new_password2": "cay-tre-xanh-2027"}
    )
    assert done["Location"] == reverse("lms:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password("cay-tre-xanh-2027")


def test_password_reset_for_unknown_email_reveals_nothing(client):
    response = client.post(reverse("lms:password_reset"), {"email": "khong-co@example.vn"})
    assert response["Location"] == reverse("lms:password_reset_done")
    assert sent_mail("khong-co@example.vn", wait=2) == []


def test_too_many_wrong_passwords_lock_that_account_from_that_place_for_a_while(client):
    UserFactory(email="mai@example.vn")
    for _ in range(10):
        client.post(SIGN_IN, {"username": "mai@example.vn", "password": "doan-mo-2026"})
    # now even the right password is refused, before it is checked
    response = client.post(SIGN_IN, {"username": "Mai@Example.vn", "password": PASSWORD})
    assert "Bạn đã nhập sai quá nhiều lần" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # another place is not locked out by someone else's guessing
    other = client.post(SIGN_IN, {"username": "mai@example.vn", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_a_successful_sign_in_clears_the_failures(client):
    UserFactory(email="mai@example.vn")
    for _ in range(9):
        client.post(SIGN_IN, {"username": "mai@example.vn", "password": "doan-mo-2026"})
    assert client.post(SIGN_IN, {"username": "mai@example.vn", "password": PASSWORD}).status_code == 302
    client.logout()
    for _ in range(9):
        client.post(SIGN_IN, {"username": "mai@example.vn", "password": "doan-mo-2026"})
    assert client.post(SIGN_IN, {"username": "mai@example.vn", "password": PASSWORD}).status_code == 302


def test_admin_sign_in_has_the_same_throttle(client):
    UserFactory(email="bientap@example.vn")
    for _ in range(10):
        client.post("/quan-tri/login/", {"username": "bientap@example.vn", "password": "doan-mo-2026"})
    response = client.post("/quan-tri/login/", {"username": "bientap@example.vn", "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_cached_account_follows_a_password_change_and_a_deactivation(client):
    """The signed-in account is read from the cache; any change to it must count on the very next request."""
    from django.urls import reverse

    from lms.tests.factories import learner

    person = learner()
    client.force_login(person)
    profile_url = reverse("lms:profile")
    assert client.get(profile_url).status_code == 200
    assert client.get(profile_url).status_code == 200  # now from the cache
    person.set_password("mot-mat-khau-moi-2026")
    person.save()
    assert client.get(profile_url).status_code == 302  # the old session no longer matches the password

    client.force_login(person)
    assert client.get(profile_url).status_code == 200
    person.is_active = False
    person.save(update_fields=["is_active"])
    assert client.get(profile_url).status_code == 302


def test_another_process_copy_of_the_account_lasts_at_most_a_second(monkeypatch):
    """A worker reuses the account it read for a second; after that it asks the cache again, where a save in
    another worker has already dropped it."""
    from django.core.cache import cache

    from lms import backends
    from lms.tests.factories import learner

    person = learner()
    backend = backends.EmailOrPhoneBackend()
    now = [1000.0]
    monkeypatch.setattr(backends.time, "monotonic", lambda: now[0])
    assert backend.get_user(person.pk).is_active
    # another worker deactivates the account: it drops the shared copy, not this process's
    type(person).objects.filter(pk=person.pk).update(is_active=False)
    cache.delete(backends.cached_user_key(person.pk))
    now[0] += 0.5
    assert backend.get_user(person.pk) is not None
    now[0] += 0.6
    assert backend.get_user(person.pk) is None
