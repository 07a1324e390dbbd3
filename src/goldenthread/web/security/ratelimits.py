"""Rate limits per address and per account, counted in the database (ADR 0016).

django-axes locks one username from one address after a few wrong passwords. These limits sit
beside it and count every attempt: per address (one place trying many accounts) and per account
(many places trying one account), on sign-in, the sign-in code, password reset requests and the
API. The counts live in ``RateLimitCount`` so every server process sees the same numbers.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone

from goldenthread.web.security.models import RateLimitCount

TOO_MANY = "You have made too many requests. Wait {minutes} minutes and try again."
TOO_MANY_STATUS = 429
HALF_SIGNED_IN = "security_half_signed_in"  # the same key as security.views (no import cycle)
API_PREFIX = "/api/"
# Which form field names the account on each page that is limited per account.
ACCOUNT_FIELDS = {"sign-in": "username", "password-reset": "email"}
PAGE_SCOPES = {
    "sign-in": ("sign-in-address", "sign-in-account"),
    "sign-in-code": ("sign-in-address", "code-account"),
    "password-reset": ("reset-address", "reset-account"),
}


def client_address(request: HttpRequest) -> str:
    """The caller's address: behind a trusted proxy, the one the proxy added last.

    Reason: a client can put anything in X-Forwarded-For, but the proxy appends the address it
    saw, so only the right-most entry can be trusted. Also used by django-axes.
    """
    if settings.TRUSTED_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = str(forwarded).split(",")[-1].strip()
        if last:
            return last
    return str(request.META.get("REMOTE_ADDR", ""))


def _key_hash(scope: str, identity: str) -> str:
    return hashlib.sha256(f"{scope}\0{identity.strip().lower()}".encode()).hexdigest()


def rate_limit_count(*, scope: str, identity: str, now: dt.datetime | None = None) -> int:
    """Count one request; returns 0 when allowed, else the seconds until the window ends."""
    limit, seconds = settings.RATE_LIMITS[scope]
    now = now or timezone.now()
    epoch = int(now.timestamp())
    start = dt.datetime.fromtimestamp(epoch - epoch % seconds, tz=dt.UTC)
    end = start + dt.timedelta(seconds=seconds)
    key = _key_hash(scope, identity)
    counted = RateLimitCount.objects.filter(key_hash=key, window_start=start)
    if not counted.update(count=F("count") + 1):
        try:
            with transaction.atomic():
                RateLimitCount.objects.create(
                    key_hash=key, window_start=start, window_end=end, count=1
                )
        except IntegrityError:  # another process made the row first
            counted.update(count=F("count") + 1)
        else:
            RateLimitCount.objects.filter(window_end__lt=now).delete()
    count = counted.values_list("count", flat=True).first() or 0
    if count <= limit:
        return 0
    return max(1, int((end - now).total_seconds()))


def too_many_response(retry_after: int, *, as_json: bool = False) -> HttpResponse:
    message = TOO_MANY.format(minutes=max(1, -(-retry_after // 60)))
    if as_json:
        from goldenthread.web.api.problems import problem_response

        response = problem_response(TOO_MANY_STATUS, message)
    else:
        response = HttpResponse(message, status=TOO_MANY_STATUS, content_type="text/plain")
    response["Retry-After"] = str(retry_after)
    return response


def _account(request: HttpRequest, url_name: str) -> str:
    if url_name == "sign-in-code":
        state = request.session.get(HALF_SIGNED_IN)
        return str(state.get("user_id", "")) if isinstance(state, dict) else ""
    return str(request.POST.get(ACCOUNT_FIELDS[url_name], ""))


def _api_caller(request: HttpRequest) -> str:
    header = request.headers.get("Authorization", "")
    if header:
        return "token:" + hashlib.sha256(header.encode()).hexdigest()
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return ""


class RateLimitMiddleware:
    """429 with Retry-After once an address or an account passes its limit.

    Pages: POSTs to sign-in, the sign-in code and password reset. API: every request, per
    address and per token (or signed-in person).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        wait = self._wait(request)
        if wait:
            return too_many_response(wait, as_json=request.path_info.startswith(API_PREFIX))
        return self.get_response(request)

    def _wait(self, request: HttpRequest) -> int:
        address = client_address(request)
        if request.path_info.startswith(API_PREFIX):
            checks = [("api-address", address), ("api-token", _api_caller(request))]
        elif request.method == "POST":
            try:
                url_name = resolve(request.path_info).url_name or ""
            except Resolver404:
                return 0
            if url_name not in PAGE_SCOPES:
                return 0
            by_address, by_account = PAGE_SCOPES[url_name]
            checks = [(by_address, address), (by_account, _account(request, url_name))]
        else:
            return 0
        waits = [
            rate_limit_count(scope=scope, identity=identity)
            for scope, identity in checks
            if identity
        ]
        return max(waits, default=0)
