"""DRF authentication: a bearer token (checked by ``ApiAuthenticationMiddleware``), else the
browser's session, which DRF's ``SessionAuthentication`` holds to CSRF for every change."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from goldenthread.web.api.tokens import (
    BEARER_CHALLENGE,
    TokenError,
    api_token_check,
    secret_from_header,
)


class ApiTokenAuthentication(BaseAuthentication):  # type: ignore[misc]
    def authenticate(self, request: Any) -> tuple[Any, Any] | None:
        token = getattr(request._request, "api_token", None)
        if token is not None:
            return token.owner, token
        header = get_authorization_header(request).decode("latin-1")
        if not header:
            return None
        try:
            token = api_token_check(secret_from_header(header))
        except TokenError as error:
            raise exceptions.AuthenticationFailed(str(error)) from error
        return token.owner, token

    def authenticate_header(self, request: Any) -> str:
        """Makes "not signed in" a 401 with a challenge, as RFC 9110 asks."""
        return BEARER_CHALLENGE


class ApiTokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "goldenthread.web.api.authentication.ApiTokenAuthentication"
    name = "token"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A token made with `goldenthread api-token create`.",
        }
