"""Security headers, no caching, ending idle or ended sessions, and the required sign-in code."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve

from goldenthread.web.accounts.models import User
from goldenthread.web.security import sessions, signin_codes
from goldenthread.web.security.context import current_request

LAST_SEEN_KEY = "security_last_seen"
# Saving the session on every click costs a write; a minute's slack in the idle clock does not.
LAST_SEEN_RESOLUTION_SECONDS = 60
SECOND_FACTOR = "security_second_factor"  # set once the person has given a sign-in code
SIGNED_OUT_ELSEWHERE = "You were signed out of this browser from another session."
CODE_NEEDED = "Your role needs a sign-in code. Set one up to carry on."
API_CODE_NEEDED = "Sign in with your sign-in code, or use an API token."
# Without a sign-in code a person who needs one reaches only these pages.
WITHOUT_CODE_URL_NAMES = frozenset(
    {"sign-in-code-setup", "sign-out-confirm", "accessibility", "health", "sign-in"}
)
SIGNED_OUT_IDLE = "You were signed out because you had not used the service for {minutes} minutes."


class SecurityHeadersMiddleware:
    """Adds the Content Security Policy and Permissions-Policy to every response.

    Django's SecurityMiddleware already sends X-Content-Type-Options, Referrer-Policy,
    Cross-Origin-Opener-Policy and (in production) Strict-Transport-Security.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            current_request.reset(token)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class IdleTimeoutMiddleware:
    """Signs a person out after ``SESSION_IDLE_TIMEOUT`` seconds without a request.

    Reason: a shared or unlocked computer left open on a child's record must not stay open.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN_KEY)
            timeout = int(settings.SESSION_IDLE_TIMEOUT)
            if isinstance(last_seen, int) and now - last_seen > timeout:
                logout(request)
                messages.info(request, SIGNED_OUT_IDLE.format(minutes=max(1, timeout // 60)))
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            if not isinstance(last_seen, int) or now - last_seen >= LAST_SEEN_RESOLUTION_SECONDS:
                request.session[LAST_SEEN_KEY] = now
        return self.get_response(request)


class NoStoreMiddleware:
    """``Cache-Control: no-store`` on every response the app makes (not static files).

    Reason: pages and API answers hold children's records; a shared computer's browser cache
    or a proxy must not keep them. WhiteNoise answers for static files before this runs.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith(settings.STATIC_URL):
            response["Cache-Control"] = "no-store"
            response["Pragma"] = "no-cache"
        return response


class SessionAndSignInCodeMiddleware:
    """Signs out a session ended elsewhere, and keeps a professional without their sign-in code
    out of everything but setting one up.

    Reason: one place decides, so no page, API call or admin screen is reachable with a password
    alone (``SIGN_IN_CODE_REQUIRED``, ADR 0016).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if not isinstance(user, User) or not user.is_authenticated:
            return self.get_response(request)
        row = sessions.session_record(request=request, user=user)
        if row is not None and row.ended_at is not None:
            logout(request)
            messages.info(request, SIGNED_OUT_ELSEWHERE)
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        if row is not None:
            sessions.session_seen(row=row)
        if signin_codes.sign_in_code_required(user=user) and not request.session.get(SECOND_FACTOR):
            if signin_codes.sign_in_code_for(user=user) is not None:
                # Signed in some way that skipped the code: start again, properly.
                logout(request)
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            if not _reachable_without_code(request):
                return _code_needed(request)
        return self.get_response(request)


def _reachable_without_code(request: HttpRequest) -> bool:
    try:
        name = resolve(request.path_info).url_name
    except Resolver404:
        return False
    return name in WITHOUT_CODE_URL_NAMES


def _code_needed(request: HttpRequest) -> HttpResponse:
    if request.path_info.startswith("/api/"):
        from goldenthread.web.api.problems import problem_response

        return problem_response(403, API_CODE_NEEDED)
    return redirect("sign-in-code-setup")  # the page says why (CODE_NEEDED)
