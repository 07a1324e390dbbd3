"""Every page needs a signed-in person, except the few listed here."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.urls import resolve

# "passport-link-view": a passport link's secret token is its permission (docs/adr/0014).
PUBLIC_URL_NAMES = frozenset(
    {
        "sign-in",
        "sign-in-code",
        "health",
        "health-live",
        "health-ready",
        "metrics",  # its own check: the scraper's token or an administrator (web.ops.metrics)
        "accessibility",
        "passport-link-view",
        # Password reset by e-mail (ADR 0016): the link's token is the permission.
        "password-reset",
        "password-reset-sent",
        "password-reset-confirm",
    }
)


class SignInRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.user.is_authenticated and not self._is_public(request):
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        return self.get_response(request)

    @staticmethod
    def _is_public(request: HttpRequest) -> bool:
        if request.path.startswith((settings.STATIC_URL, "/admin/")):
            return True
        try:
            match = resolve(request.path_info)
        except Exception:
            return False
        return match.url_name in PUBLIC_URL_NAMES
