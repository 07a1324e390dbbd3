"""The browsers a person is signed in on: recorded at sign-in, seen on each request, ended at will.

A session is valid only while its ``SignedInSession`` row has no ``ended_at``, so ending a row
signs that browser out on its next request, without this table ever holding a session key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest
from django.utils import timezone

from goldenthread.web.accounts.models import User
from goldenthread.web.security.models import SignedInSession

# Saving on every click costs a write; a minute's slack in "last seen" does not.
LAST_SEEN_RESOLUTION = dt.timedelta(seconds=60)
BROWSERS = (("Edg/", "Edge"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari"))
SYSTEMS = (
    ("Windows", "Windows"),
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Mac OS X", "Mac"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
)


def browser_summary(user_agent: str) -> str:
    """ "Firefox on Windows": enough to recognise a browser, nothing that identifies one."""
    browser = next((name for mark, name in BROWSERS if mark in user_agent), "A browser")
    system = next((name for mark, name in SYSTEMS if re.search(mark, user_agent)), "")
    return f"{browser} on {system}" if system else browser


def session_key_hash(request: HttpRequest) -> str:
    key = request.session.session_key or ""
    return hashlib.sha256(key.encode()).hexdigest() if key else ""


def session_record(*, request: HttpRequest, user: User) -> SignedInSession | None:
    """The row for this browser's session, made now if the session began without one."""
    key_hash = session_key_hash(request)
    if not key_hash:
        return None
    now = timezone.now()
    row, _ = SignedInSession.objects.get_or_create(
        key_hash=key_hash,
        defaults={
            "user": user,
            "signed_in_at": now,
            "last_seen_at": now,
            "browser": browser_summary(request.headers.get("User-Agent", "")),
        },
    )
    return row


def session_seen(*, row: SignedInSession) -> None:
    now = timezone.now()
    if now - row.last_seen_at >= LAST_SEEN_RESOLUTION:
        SignedInSession.objects.filter(pk=row.pk).update(last_seen_at=now)


def sessions_active(*, user: User) -> list[SignedInSession]:
    return list(SignedInSession.objects.filter(user=user, ended_at__isnull=True))


def sessions_end(*, user: User, keep_key_hash: str = "", only_key_hash: str = "") -> int:
    """End the person's sessions: all, all but one (``keep_key_hash``), or one."""
    rows = SignedInSession.objects.filter(user=user, ended_at__isnull=True)
    if keep_key_hash:
        rows = rows.exclude(key_hash=keep_key_hash)
    if only_key_hash:
        rows = rows.filter(key_hash=only_key_hash)
    return rows.update(ended_at=timezone.now())


def on_signed_in(sender: Any, request: HttpRequest, user: AbstractBaseUser, **kwargs: Any) -> None:
    if isinstance(user, User) and hasattr(request, "session"):
        session_record(request=request, user=user)


def on_signed_out(
    sender: Any, request: HttpRequest, user: AbstractBaseUser | None, **kwargs: Any
) -> None:
    key_hash = session_key_hash(request) if hasattr(request, "session") else ""
    if key_hash:
        SignedInSession.objects.filter(key_hash=key_hash, ended_at__isnull=True).update(
            ended_at=timezone.now()
        )
