"""Services for two-factor sign-in: a 6-digit code from an authenticator app (TOTP, RFC 6238)."""

from __future__ import annotations

import datetime as dt
import hmac

import pyotp
import segno
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from goldenthread.web.accounts.models import Role, User
from goldenthread.web.security.models import SignInCode

CODE_DIGITS = 6
CODE_WRONG = "Enter the 6-digit code your app shows now"
CODE_USED = "That code has been used. Wait for your app to show a new one"
# Families may choose a code; everyone who sees other people's children must use one.
CODE_OPTIONAL_ROLES = frozenset({Role.CHILD, Role.PARENT})


def sign_in_code_required(*, user: User) -> bool:
    """Whether this person must use a sign-in code (``SIGN_IN_CODE_REQUIRED``, ADR 0016).

    Reason: a professional's password alone opens many children's records; staff and
    superusers open the admin, whatever their role says.
    """
    if not settings.SIGN_IN_CODE_REQUIRED:
        return False
    return bool(user.is_staff or user.is_superuser or user.role not in CODE_OPTIONAL_ROLES)


def sign_in_code_start(*, user: User) -> SignInCode:
    """The secret being set up (a new one if none), not in use until a code confirms it."""
    code, _ = SignInCode.objects.get_or_create(
        user=user, defaults={"secret": pyotp.random_base32(), "last_used_step": 0}
    )
    return code


def sign_in_code_for(*, user: User) -> SignInCode | None:
    """The person's sign-in code if it is switched on, else None."""
    return SignInCode.objects.filter(user=user, confirmed_at__isnull=False).first()


def provisioning_uri(*, code: SignInCode) -> str:
    return pyotp.TOTP(code.secret).provisioning_uri(
        name=code.user.username, issuer_name=settings.SIGN_IN_CODE_ISSUER
    )


def qr_data_uri(*, code: SignInCode) -> str:
    """The set-up QR code as an SVG data URI: drawn here, nothing fetched from elsewhere."""
    return str(segno.make(provisioning_uri(code=code), error="m").svg_data_uri(scale=5, border=4))


def _matching_step(secret: str, typed: str, *, at: dt.datetime) -> int | None:
    totp = pyotp.TOTP(secret)
    window = int(settings.SIGN_IN_CODE_VALID_WINDOW)
    for offset in range(-window, window + 1):
        moment = at + dt.timedelta(seconds=offset * totp.interval)
        if hmac.compare_digest(totp.at(moment), typed):
            return int(totp.timecode(moment))
    return None


def clean_typed_code(typed: str) -> str:
    return "".join(typed.split()).replace("-", "")


def sign_in_code_check(*, code: SignInCode, typed: str, at: dt.datetime | None = None) -> str:
    """Accept the typed code once; returns "" when accepted, else the error to show.

    The code's step is stored, and a code from that step or earlier is refused, so a code seen
    over someone's shoulder cannot be used again.
    """
    typed = clean_typed_code(typed)
    if len(typed) != CODE_DIGITS or not typed.isdigit():
        return CODE_WRONG
    with transaction.atomic():
        locked = SignInCode.objects.select_for_update().get(pk=code.pk)
        step = _matching_step(locked.secret, typed, at=at or timezone.now())
        if step is None:
            return CODE_WRONG
        if step <= locked.last_used_step:
            return CODE_USED
        locked.last_used_step = step
        if locked.confirmed_at is None:
            locked.confirmed_at = timezone.now()
        locked.save(update_fields=["last_used_step", "confirmed_at"])
    code.refresh_from_db()
    return ""


def sign_in_code_turn_off(*, user: User) -> None:
    SignInCode.objects.filter(user=user).delete()
