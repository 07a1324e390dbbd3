"""Django settings, read from the environment (twelve-factor).

Nothing secret or unsafe is baked in: with no environment at all the app refuses to start
unless ``GOLDENTHREAD_ENV`` is ``development`` or ``test``, where safe local defaults apply.
See ``docs/settings.md`` for every variable.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured

django_stubs_ext.monkeypatch()  # lets admin and querysets take type parameters at run time

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parents[2]
VAR_DIR = Path(os.environ.get("GOLDENTHREAD_VAR_DIR", PROJECT_DIR / "var"))
# Issued documents kept on disk; `goldenthread backup` takes everything under it.
DOCUMENTS_DIR = Path(os.environ.get("GOLDENTHREAD_DOCUMENTS_DIR", VAR_DIR / "documents"))

ENVIRONMENT = os.environ.get("GOLDENTHREAD_ENV", "production")
LOCAL = ENVIRONMENT in {"development", "test"}


def _env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not LOCAL:
        raise ImproperlyConfigured(
            "Set SECRET_KEY (or GOLDENTHREAD_ENV=development for local use)."
        )
    SECRET_KEY = "local-only-not-secret-" + ENVIRONMENT

DEBUG = os.environ.get("DEBUG", "0") == "1"
ALLOWED_HOSTS = _env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if LOCAL else "")
CSRF_TRUSTED_ORIGINS = _env_list("CSRF_TRUSTED_ORIGINS", "")

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'goldenthread.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
# A read replica for the insights refresh's reads (ADR 0032); the test settings always have
# the alias, as a mirror of the primary, so the router can be tested.
_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
if _REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        _REPLICA_URL, conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))
    )
elif ENVIRONMENT == "test":
    DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}
READ_REPLICA = "replica" if _REPLICA_URL else None
DATABASE_ROUTERS = ["goldenthread.web.ops.replica.ReplicaRouter"]
# Sessions in the database: any web process answers any request (no sticky sessions).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    # A fresh clone has no var/ yet (it is not in git); SQLite cannot make the folder itself.
    sqlite_file = str(DATABASES["default"]["NAME"])
    if sqlite_file and sqlite_file != ":memory:":
        Path(sqlite_file).parent.mkdir(parents=True, exist_ok=True)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "axes",
    "goldenthread.web.accounts",
    "goldenthread.web.plans",
    "goldenthread.web.access",
    "goldenthread.web.reviews",
    "goldenthread.web.setting_plans",
    "goldenthread.web.security",
    "goldenthread.web.insights",
    "goldenthread.web.passport",
    "goldenthread.web.workspace",
    "goldenthread.web.notifications",
    "goldenthread.web.jobs",
    "goldenthread.web.assessments",
    "goldenthread.web.family",
    "goldenthread.web.workbench",
    "django_q",
    "rest_framework",
    "drf_spectacular",
    "goldenthread.web.api",
    "goldenthread.web.returns",
]

MIDDLEWARE = [
    # First: every answer counted and timed, and given a request id (goldenthread.web.ops).
    "goldenthread.web.ops.metrics.MetricsMiddleware",
    "goldenthread.web.ops.requests.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "goldenthread.web.security.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "goldenthread.web.security.middleware.NoStoreMiddleware",  # after static files (ADR 0016)
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "goldenthread.web.security.middleware.IdleTimeoutMiddleware",
    # Rate limits in the database; ended sessions; the required sign-in code (ADR 0016).
    "goldenthread.web.security.ratelimits.RateLimitMiddleware",
    "goldenthread.web.security.middleware.SessionAndSignInCodeMiddleware",
    # A bearer token signs an /api/ request in; no session means 401 there (ADR 0015).
    "goldenthread.web.api.middleware.ApiAuthenticationMiddleware",
    "goldenthread.web.middleware.SignInRequiredMiddleware",
    # Decides access to every page about a child and logs each look (ADR 0007).
    "goldenthread.web.access.middleware.ChildAccessMiddleware",
    "axes.middleware.AxesMiddleware",  # must stay last: it turns a lockout into our page
]

ROOT_URLCONF = "goldenthread.web.urls"
WSGI_APPLICATION = "goldenthread.web.wsgi.application"

TEMPLATES = [
    {
        # Pages: Jinja2 with the official GOV.UK Frontend macros (govuk-frontend-jinja).
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "goldenthread.web.jinja.environment"},
    },
    {
        # The Django admin, for staff only, keeps Django's own templates.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    },
]

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "sign-in"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "sign-in"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not LOCAL
CSRF_COOKIE_SECURE = not LOCAL
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_HSTS_SECONDS = 0 if LOCAL else 31536000

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = (
    "/assets/"  # GOV.UK Frontend's compiled CSS expects its fonts and images under /assets/
)
STATICFILES_DIRS = [PACKAGE_DIR / "static", PACKAGE_DIR / "static_vendor"]
# Locally WhiteNoise serves straight from the finders; production runs collectstatic first.
STATIC_ROOT = None if LOCAL else VAR_DIR / "staticfiles"
WHITENOISE_USE_FINDERS = LOCAL

# How long an administrator's emergency ("break glass") access to one child lasts.
BREAK_GLASS_MINUTES = int(os.environ.get("BREAK_GLASS_MINUTES", "60"))
# Area dashboards: counts 1 to 9 hidden (1 to 5, and any that could round to 5), every count
# rounded up or down to a multiple of 5 by a keyed draw (docs/disclosure-control.md, ADR 0019).
INSIGHTS_DISCLOSURE = {"threshold": 5, "rounding_base": 5, "rounding": "random"}
# A live dashboard (review timeliness, trends and demand) is drawn once and kept this many
# seconds in each server process; 0 keeps nothing (tests, unless they set it). ADR 0051.
INSIGHTS_LIVE_SECONDS = int(
    os.environ.get("INSIGHTS_LIVE_SECONDS", "0" if ENVIRONMENT == "test" else "60")
)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Bearer token for the Prometheus scraper at /metrics; empty: only administrators see it.
METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")
# JSON lines in production (for a log shipper), plain text locally; LOG_FORMAT chooses.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "plain" if LOCAL else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        # Every line goes through it: no query strings, no personal values (docs/data-protection.md)
        "personal_data": {"()": "goldenthread.web.security.logfilters.PersonalDataFilter"},
        "ids_in_paths": {"()": "goldenthread.web.ops.logfields.IdsInPathsFilter"},
        "request_id": {"()": "goldenthread.web.ops.logfields.RequestIdFilter"},
    },
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["personal_data", "ids_in_paths", "request_id"],
        }
    },
    # Django's own "django" logger would also e-mail ADMINS; it only passes lines to the root.
    "loggers": {"django": {"handlers": [], "propagate": True}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# The REST API: DRF and drf-spectacular (docs/adr/0015-rest-api.md).
from goldenthread.web.api.config import REST_FRAMEWORK, SPECTACULAR_SETTINGS  # noqa: E402, F401

# Notifications, e-mail senders and scheduled jobs (docs/adr/0023, 0024).
from goldenthread.web.notifications.config import *  # noqa: E402, F403

# Sign-in, sessions and data protection: goldenthread.web.security (docs/adr/0008).
from goldenthread.web.security.config import *  # noqa: E402, F403
