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

__all__ = [
    "ADMINS",
    "AUTHENTICATION_BACKENDS",
    "AXES_COOLOFF_TIME",
    "AXES_FAILURE_LIMIT",
    "AXES_LOCKOUT_CALLABLE",
    "AXES_LOCKOUT_PARAMETERS",
    "AXES_RESET_ON_SUCCESS",
    "CONTENT_SECURITY_POLICY",
    "DEBUG_PROPAGATE_EXCEPTIONS",
    "MANAGERS",
    "PERMISSIONS_POLICY",
    "RETENTION",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SESSION_IDLE_TIMEOUT",
    "SIGN_IN_CODE_ISSUER",
    "SIGN_IN_CODE_VALID_WINDOW",
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

SESSION_IDLE_TIMEOUT = int(os.environ.get("SESSION_IDLE_TIMEOUT", str(30 * 60)))

SIGN_IN_CODE_ISSUER = os.environ.get("SIGN_IN_CODE_ISSUER", "Golden Thread")
# One 30-second step either side, for a phone clock that is a little out.
SIGN_IN_CODE_VALID_WINDOW = 1

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
