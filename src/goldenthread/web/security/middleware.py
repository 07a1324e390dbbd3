"""Security headers on every response, and signing out people who have stopped using the app."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse

from goldenthread.web.security.context import current_request

LAST_SEEN_KEY = "security_last_seen"
# Saving the session on every click costs a write; a minute's slack in the idle clock does not.
LAST_SEEN_RESOLUTION_SECONDS = 60
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
