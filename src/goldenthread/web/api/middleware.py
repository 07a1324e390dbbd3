"""Who is calling the API, before the sign-in and child access middleware run.

For paths under ``/api/`` only: a bearer token signs the request in as the token's owner, so
``ChildAccessMiddleware`` checks and logs API reads exactly as it does pages (ADR 0015). With
neither a token nor a signed-in session the answer is 401, not a redirect to the sign-in page,
and every error the pages would show as HTML (404, 403) goes back as problem details (JSON).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from goldenthread.web.api.problems import FORBIDDEN, NOT_FOUND, PROBLEM_TYPE, problem_response
from goldenthread.web.api.tokens import (
    BEARER_CHALLENGE,
    MSG_MISSING,
    TokenError,
    api_token_check,
    secret_from_header,
)

API_PREFIX = "/api/"
JSON_TYPES = ("application/json", PROBLEM_TYPE, "application/fhir+json", "application/vnd.oai")
ERROR_DETAILS = {403: FORBIDDEN, 404: NOT_FOUND}


def _unauthorised(detail: str) -> HttpResponse:
    response = problem_response(401, detail)
    response["WWW-Authenticate"] = BEARER_CHALLENGE
    return response


class ApiAuthenticationMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        header = request.headers.get("Authorization", "")
        if header:
            try:
                token = api_token_check(secret_from_header(header))
            except TokenError as error:
                return _unauthorised(str(error))
            request.user = token.owner
            request.api_token = token  # type: ignore[attr-defined]  # read by the DRF class
        elif not request.user.is_authenticated:
            return _unauthorised(MSG_MISSING)
        response = self.get_response(request)
        return self._as_problem(response)

    @staticmethod
    def _as_problem(response: HttpResponse) -> HttpResponse:
        """An error page made outside the API's views (the access middleware's 404 or 403, an
        unknown address) comes back as problem details, like every other API error."""
        content_type = response.get("Content-Type", "")
        if response.status_code < 400 or content_type.startswith(JSON_TYPES):
            return response
        status = response.status_code
        problem = problem_response(status, ERROR_DETAILS.get(status, ""))
        if response.has_header("Allow"):  # a 405 still says which methods the address takes
            problem["Allow"] = response["Allow"]
        return problem
