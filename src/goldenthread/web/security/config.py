"""Settings for sign-in, sessions, headers and retention, read from the environment.

``goldenthread.web.settings`` imports every name in ``__all__``. Each variable is described in
``docs/settings.md``; the reasons are in ``docs/adr/0008-sign-in-and-sessions.md``.
"""

from __future__ import annotations

import datetime as dt
import json
import os

from django.core.exceptions import ImproperlyConfigured

from goldenthread.web.security.periods import RetentionPeriod

ENVIRONMENT = os.environ.get("GOLDENTHREAD_ENV", "production")
LOCAL = ENVIRONMENT in {"development", "test"}


def _flag(name: str, default: bool) -> bool:
    return os.environ.get(name, "1" if default else "0") == "1"


__all__ = [
    "ADMINS",
    "AUTHENTICATION_BACKENDS",
    "AXES_CLIENT_IP_CALLABLE",
    "AXES_COOLOFF_TIME",
    "AXES_FAILURE_LIMIT",
    "AXES_LOCKOUT_CALLABLE",
    "AXES_LOCKOUT_PARAMETERS",
    "AXES_RESET_ON_SUCCESS",
    "CONTENT_SECURITY_POLICY",
    "DEBUG_PROPAGATE_EXCEPTIONS",
    "DEFAULT_FROM_EMAIL",
    "EMAIL_BACKEND",
    "EMAIL_HOST",
    "EMAIL_HOST_PASSWORD",
    "EMAIL_HOST_USER",
    "EMAIL_PORT",
    "EMAIL_TIMEOUT",
    "EMAIL_USE_TLS",
    "MANAGERS",
    "PASSWORD_RESET_TIMEOUT",
    "PERMISSIONS_POLICY",
    "RATE_LIMITS",
    "RETENTION",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_SSL_REDIRECT",
    "SESSION_IDLE_TIMEOUT",
    "SIGN_IN_CODE_ISSUER",
    "SIGN_IN_CODE_REQUIRED",
    "SIGN_IN_CODE_VALID_WINDOW",
    "TRUSTED_PROXY",
]

# Axes first: it refuses a locked-out username and address before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("SIGN_IN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("SIGN_IN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "goldenthread.web.security.views.locked_out"
AXES_RESET_ON_SUCCESS = True
# The same address the rate limits use: behind a trusted proxy, the one it added (ADR 0016).
AXES_CLIENT_IP_CALLABLE = "goldenthread.web.security.ratelimits.client_address"

SESSION_IDLE_TIMEOUT = int(os.environ.get("SESSION_IDLE_TIMEOUT", str(30 * 60)))

SIGN_IN_CODE_ISSUER = os.environ.get("SIGN_IN_CODE_ISSUER", "Golden Thread")
# One 30-second step either side, for a phone clock that is a little out.
SIGN_IN_CODE_VALID_WINDOW = 1

# Professionals (every role but children and parents) must use a sign-in code (ADR 0016). Only
# the test settings start with it off; tests that need it turn it on (tests/web/test_mfa_*.py).
SIGN_IN_CODE_REQUIRED = _flag("SIGN_IN_CODE_REQUIRED", ENVIRONMENT != "test")
if not SIGN_IN_CODE_REQUIRED and not LOCAL:
    raise ImproperlyConfigured("SIGN_IN_CODE_REQUIRED=0 is refused in production (ADR 0016).")

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto (docs/deploy.md). Only set it when
# the proxy overwrites the header a client sends: otherwise a client could claim https.
TRUSTED_PROXY = _flag("TRUSTED_PROXY", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if TRUSTED_PROXY else None
# Redirect http to https in production once the app can tell (its own TLS or a trusted proxy).
SECURE_SSL_REDIRECT = _flag("SECURE_SSL_REDIRECT", TRUSTED_PROXY and not LOCAL)
SECURE_REDIRECT_EXEMPT = [r"^health/", r"^metrics$"]  # the proxy's health check may use plain http
# Off by default: the service may share a parent domain with sites not (yet) on https.
SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("HSTS_INCLUDE_SUBDOMAINS", False)


def _rate(name: str, default: str) -> tuple[int, int]:
    """ "20/900" from the environment: at most 20 requests in 900 seconds."""
    raw = os.environ.get(name, default)
    try:
        count, seconds = (int(part) for part in raw.split("/"))
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must look like 20/900 (requests/seconds)") from error
    if count < 1 or seconds < 1:
        raise ImproperlyConfigured(f"{name}: both numbers must be 1 or more")
    return count, seconds


# Counted in the database, so every server process shares them (security.ratelimits).
RATE_LIMITS = {
    "sign-in-address": _rate("RATE_LIMIT_SIGN_IN_ADDRESS", "50/900"),
    "sign-in-account": _rate("RATE_LIMIT_SIGN_IN_ACCOUNT", "20/900"),
    "code-account": _rate("RATE_LIMIT_CODE_ACCOUNT", "10/900"),
    "reset-address": _rate("RATE_LIMIT_RESET_ADDRESS", "10/3600"),
    "reset-account": _rate("RATE_LIMIT_RESET_ACCOUNT", "3/3600"),
    "api-address": _rate("RATE_LIMIT_API_ADDRESS", "600/60"),
    "api-token": _rate("RATE_LIMIT_API_TOKEN", "300/60"),
}

# E-mail, for password reset links only. Locally, messages are printed, not sent.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if LOCAL
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _flag("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Golden Thread <no-reply@localhost>")
# A reset link works once, for an hour.
PASSWORD_RESET_TIMEOUT = int(os.environ.get("PASSWORD_RESET_TIMEOUT", "3600"))

# No inline script or style anywhere: every page passes this policy (tests/web/test_security_*).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'none'",
    ]
)
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
    )
)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Errors never leave the app by e-mail or as a debug page (personal data could ride along).
ADMINS: list[tuple[str, str]] = []
MANAGERS: list[tuple[str, str]] = []
DEBUG_PROPAGATE_EXCEPTIONS = False

# How long each kind of record is kept. "dob+25": until 25 years after the child's date of
# birth; "event+6y": until 6 years after the event. See docs/data-protection.md.
RETENTION_DEFAULTS = {"child_record": "dob+25", "plan": "dob+31", "audit_log": "event+6y"}


def _retention_from_environment() -> dict[str, str]:
    raw = os.environ.get("GOLDENTHREAD_RETENTION", "")
    if not raw:
        return dict(RETENTION_DEFAULTS)
    try:
        given = json.loads(raw)
    except json.JSONDecodeError as error:
        raise ImproperlyConfigured(f"GOLDENTHREAD_RETENTION is not JSON: {error}") from error
    if not isinstance(given, dict) or not all(isinstance(v, str) for v in given.values()):
        raise ImproperlyConfigured(
            'GOLDENTHREAD_RETENTION must be a JSON object such as {"plan": "dob+35"}'
        )
    unknown = set(given) - set(RETENTION_DEFAULTS)
    if unknown:
        raise ImproperlyConfigured(
            f"GOLDENTHREAD_RETENTION: unknown record types {sorted(unknown)}; "
            f"known: {sorted(RETENTION_DEFAULTS)}"
        )
    for rule in given.values():
        try:
            RetentionPeriod.parse(rule)
        except ValueError as error:
            raise ImproperlyConfigured(f"GOLDENTHREAD_RETENTION: {error}") from error
    return {**RETENTION_DEFAULTS, **given}


RETENTION = _retention_from_environment()
