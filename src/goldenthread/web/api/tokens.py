"""Making, checking and revoking API tokens (services; the model keeps only a hash)."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.utils import timezone

from goldenthread.web.accounts.models import User
from goldenthread.web.api.models import ApiToken

KEY_START = "gt_"
BEARER_CHALLENGE = 'Bearer realm="api"'
PREFIX_LENGTH = 10
# Saving "last used" on every request costs a write; a minute's slack does not matter.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)

MSG_MISSING = "Send a token in the Authorization header: Bearer <token>."
MSG_UNKNOWN = "This token is not known. Check it, or ask for a new one."
MSG_REVOKED = "This token was revoked. Ask for a new one."
MSG_EXPIRED = "This token has expired. Ask for a new one."
MSG_OWNER_INACTIVE = "The account this token belongs to is switched off."


class TokenError(Exception):
    """A token that cannot be used; the message says why, in plain words."""


def token_hash(secret: str) -> str:
    """SHA-256 is enough here: tokens are 256 random bits, so there is nothing to guess."""
    return hashlib.sha256(secret.encode()).hexdigest()


def api_token_create(
    *, owner: User, name: str, expires_at: dt.datetime | None = None
) -> tuple[ApiToken, str]:
    """A new token for ``owner``; returns the record and the token, which is never kept."""
    secret = KEY_START + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        owner=owner,
        name=name,
        prefix=secret[:PREFIX_LENGTH],
        key_hash=token_hash(secret),
        expires_at=expires_at,
    )
    return token, secret


def api_token_revoke(*, token: ApiToken) -> ApiToken:
    """Stop a token working at once (kept, not deleted, for the record)."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_check(secret: str) -> ApiToken:
    """The live token for ``secret``, with its owner; ``TokenError`` says why not."""
    token = ApiToken.objects.select_related("owner").filter(key_hash=token_hash(secret)).first()
    if token is None:
        raise TokenError(MSG_UNKNOWN)
    now = timezone.now()
    if token.revoked_at is not None:
        raise TokenError(MSG_REVOKED)
    if token.expires_at is not None and token.expires_at <= now:
        raise TokenError(MSG_EXPIRED)
    if not token.owner.is_active:
        raise TokenError(MSG_OWNER_INACTIVE)
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def secret_from_header(header: str) -> str:
    """The token in an ``Authorization: Bearer <token>`` header."""
    scheme, _, secret = header.strip().partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        raise TokenError(MSG_MISSING)
    return secret.strip()
