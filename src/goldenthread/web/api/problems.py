"""Errors as problem details (RFC 9457): ``application/problem+json`` with a title, the status,
what went wrong in words, and for invalid input a list of problems, each with a path (a JSON
Pointer into what was sent) and a message."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpResponse
from rest_framework import exceptions, status
from rest_framework.views import exception_handler

from goldenthread.web.plans.fixed import PlanFixedError
from goldenthread.web.plans.services.common import EDITED_ELSEWHERE, ConcurrentEditError

PROBLEM_TYPE = "application/problem+json"
TITLES = {
    400: "Some of what you sent is not right",
    401: "Sign in or send a token",
    403: "You cannot do this",
    404: "Not found",
    405: "This address does not take that method",
    406: "We cannot answer in that format",
    409: "Someone else saved a change first",
    415: "Send JSON",
    429: "Too many requests: wait a little",
    500: "Something went wrong on our side",
}
NOT_FOUND = "There is nothing at this address that you can see."
FORBIDDEN = "You may see this child's record, but not do this."


PLAN_FIXED_TITLE = "This plan has been issued and cannot be changed"


class PlanFixed(exceptions.APIException):  # type: ignore[misc]
    """A change to an issued version (docs/adr/0025): 409, nothing written."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "plan_fixed"


class Conflict(exceptions.APIException):  # type: ignore[misc]
    status_code = status.HTTP_409_CONFLICT
    default_detail = EDITED_ELSEWHERE
    default_code = "conflict"


def problem_body(
    status_code: int, detail: str = "", problems: Iterable[Mapping[str, str]] = ()
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": TITLES.get(status_code, "Something went wrong"),
        "status": status_code,
    }
    if detail:
        body["detail"] = detail
    listed = [dict(p) for p in problems]
    if listed:
        body["problems"] = listed
    return body


def problem_response(
    status_code: int, detail: str = "", problems: Iterable[Mapping[str, str]] = ()
) -> HttpResponse:
    """A plain Django response, for middleware (outside DRF)."""
    body = problem_body(status_code, detail, problems)
    return HttpResponse(json.dumps(body), status=status_code, content_type=PROBLEM_TYPE)


def flatten_errors(errors: Any, path: str = "") -> list[dict[str, str]]:
    """DRF's nested error dict and lists as a flat list of {path, message} (JSON Pointers)."""
    if isinstance(errors, Mapping):
        found: list[dict[str, str]] = []
        for key, value in errors.items():
            where = path if key in {"non_field_errors", "__all__"} else f"{path}/{key}"
            found += flatten_errors(value, where)
        return found
    if isinstance(errors, list):
        if all(not isinstance(e, Mapping | list) for e in errors):
            return [{"path": path or "/", "message": str(e)} for e in errors]
        found = []
        for index, value in enumerate(errors):
            found += flatten_errors(value, f"{path}/{index}")
        return found
    return [{"path": path or "/", "message": str(errors)}]


def api_exception_handler(error: Exception, context: dict[str, Any]) -> HttpResponse | None:
    """DRF's handler, then every answer reshaped as problem details."""
    if isinstance(error, PlanFixedError):
        error = PlanFixed(str(error))
    elif isinstance(error, ConcurrentEditError):
        error = Conflict(str(error))
    elif isinstance(error, DjangoValidationError):
        error = exceptions.ValidationError(
            error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
        )
    elif isinstance(error, Http404):
        error = exceptions.NotFound(NOT_FOUND)
    elif isinstance(error, DjangoPermissionDenied):
        error = exceptions.PermissionDenied(str(error) or FORBIDDEN)
    response: Any = exception_handler(error, context)  # a DRF Response
    if response is None:
        return None
    problems: list[dict[str, str]] = []
    detail = ""
    if isinstance(error, exceptions.ValidationError):
        problems = flatten_errors(error.detail)
        detail = f"{len(problems)} problem(s) with what you sent: see the list."
    elif isinstance(error, exceptions.APIException):
        detail = str(error.detail)
    response.data = problem_body(response.status_code, detail, problems)
    if isinstance(error, PlanFixed):
        response.data["title"] = PLAN_FIXED_TITLE
    response.content_type = PROBLEM_TYPE
    answer: HttpResponse = response
    return answer
