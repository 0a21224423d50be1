"""Settings shared by every environment. Everything that differs between machines comes from the environment."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("HOCVUSO_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # hocvuso
    "lms",
    "cms",
    "courses",
    "assessments",
    "certificates",
    "media",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # django-filer (documents and learning files)
    "filer",
    "easy_thumbnails",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "lms.middleware.LanguageCookieMiddleware",
    "django.middleware.common.CommonMiddleware",
    "cms.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "lms.context_processors.portal",
                "cms.menu.menu",
            ],
        },
    },
]

# --- Data ---------------------------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'hocvuso.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the one writer work at once (dev server, live-server browser tests)
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "lms.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "hocvuso",
            # a dead Redis must make pages slower, never fail them (see lms/cache.py)
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Sessions live in the database (the truth) with the cache in front, so losing Redis loses no session.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 30
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# --- Background tasks ---------------------------------------------------------------------------------
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND", REDIS_URL or "cache+memory://")
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_DEFAULT_QUEUE = "hocvuso"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "Asia/Ho_Chi_Minh"
# Run by `celery beat` (./run worker starts one inside the worker).
CELERY_BEAT_SCHEDULE = {
    "publish-scheduled-pages": {"task": "hocvuso.cms.publish_scheduled", "schedule": 60.0},
    "close-expired-attempts": {"task": "hocvuso.assessments.close_expired_attempts", "schedule": 60.0},
    "recalibrate-items": {"task": "hocvuso.assessments.recalibrate_items", "schedule": 24 * 60 * 60.0},
    # certificates whose signing task ran out of retries (e.g. no issuer key yet) are signed when it is back
    "certificates-sign-pending": {"task": "hocvuso.certificates.sign_pending", "schedule": 300.0},
}

# --- People -------------------------------------------------------------------------------------------
AUTH_USER_MODEL = "hocvuso_lms.User"
AUTHENTICATION_BACKENDS = ["lms.backends.EmailOrPhoneBackend"]
LOGIN_URL = "lms:sign_in"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

# --- Language, time, formats --------------------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LANGUAGE_COOKIE_NAME = "hocvuso_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["lms.formats"]

# --- Files --------------------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
# The H5P player, installed from npm by ./run (package.json): its built files under /static/h5p-standalone/.
STATICFILES_DIRS = [("h5p-standalone", BASE_DIR / "node_modules" / "h5p-standalone" / "dist")]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# H5P packages, learner uploads and certificate PDFs: never under a public URL, served by a checking view.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
# Private files leave through the web server (X-Accel-Redirect to this internal prefix) once a view has checked
# the right; empty = streamed by Django (development, tests).
HOCVUSO_PRIVATE_MEDIA_ACCEL_PREFIX = env_str("HOCVUSO_PRIVATE_MEDIA_ACCEL_PREFIX", "")
# Certificate issuer keys (Ed25519) live in files here: never in the database or the repository.
HOCVUSO_ISSUER_KEY_DIR = Path(env_str("HOCVUSO_ISSUER_KEY_DIR", str(VAR_DIR / "keys")))
# The host of the issuer's did:web and of the verification links printed on certificates (empty: the request's).
HOCVUSO_SITE_HOST = env_str("HOCVUSO_SITE_HOST", "")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640

# --- Email --------------------------------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Bình dân học vụ số <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Wagtail ------------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = env_str("HOCVUSO_PORTAL_NAME", "Bình dân học vụ số")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAIL_CONTENT_LANGUAGES = [("vi", "Tiếng Việt")]
WAGTAIL_I18N_ENABLED = False
# ASCII addresses ("lop-hoc-vu-so"): shared by SMS and Zalo without turning into %E1%BB%8D…
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# PostgreSQL full-text search in production, the database fallback on SQLite. "simple": no English stemming or
# stop words on Vietnamese text (the index holds a copy without diacritics, see cms.models.FoldedSearchMixin).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods"]
WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAILUSERS_PASSWORD_REQUIRED = True

# --- Portal identity (shown in the header and footer) -------------------------------------------------
HOCVUSO_PORTAL = {
    "name": env_str("HOCVUSO_PORTAL_NAME", "Bình dân học vụ số"),
    "owner": env_str("HOCVUSO_PORTAL_OWNER", "Ủy ban nhân dân phường Ba Đình"),
    "address": env_str("HOCVUSO_PORTAL_ADDRESS", "Số 25 phố Liễu Giai, phường Ba Đình, Hà Nội"),
    "phone": env_str("HOCVUSO_PORTAL_PHONE", "024 3823 0000"),
    "email": env_str("HOCVUSO_PORTAL_EMAIL", "hocvuso@localhost"),
}

# --- Logging: one line per event on stderr; the process manager keeps it ------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    "loggers": {
        "hocvuso": {"level": env_str("HOCVUSO_LOG_LEVEL", "INFO"), "propagate": True},
        # replaces Django's own "django" logger so nothing is printed twice
        "django": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING"), "propagate": False},
    },
}

# How often an open lesson page reports study time and video played (seconds). Shorter costs requests, longer
# only delays the "lesson done" moment: the server bounds what each report may add by its own clock either way.
HOCVUSO_LESSON_HEARTBEAT_SECONDS = env_int("HOCVUSO_LESSON_HEARTBEAT_SECONDS", 15)

# The bare view a benchmark uses as its floor; off unless a benchmark run turns it on.
HOCVUSO_BENCHMARK_FLOOR_VIEW = env_bool("HOCVUSO_BENCHMARK_FLOOR_VIEW", False)

# Set when a reverse proxy in front of the site appends the visitor's address to X-Forwarded-For.
HOCVUSO_TRUST_X_FORWARDED_FOR = env_bool("HOCVUSO_TRUST_X_FORWARDED_FOR", False)
WAGTAILADMIN_USER_LOGIN_FORM = "lms.forms.AdminSignInForm"
