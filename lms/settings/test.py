"""The test run. The same settings serve SQLite (default) and PostgreSQL + Redis + a Celery worker, chosen by
DATABASE_URL / REDIS_URL / CELERY_TASK_ALWAYS_EAGER exactly as in production."""

import os

os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")

from .base import *  # noqa: F403
from .base import DATABASES, VAR_DIR

SECRET_KEY = "test-only-secret-key-not-for-production"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = VAR_DIR / "test" / "media"
PRIVATE_MEDIA_ROOT = VAR_DIR / "test" / "private"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": MEDIA_ROOT}},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# A real Celery worker needs to see what the tests wrote: .ci/run names the test database so the worker can
# point at the same one.
if os.environ.get("TEST_DATABASE_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not SQLite's in-memory default: with an in-memory database Django hands the live server's request
    # threads the test's own connection, and two requests at once (a lesson page's heartbeat beside an H5P
    # statement) would then share one transaction.
    # One file per test process, so two runs on one machine never share it.
    (VAR_DIR / "test").mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test" / f"test-db-{os.getpid()}.sqlite3")}
