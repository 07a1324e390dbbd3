"""A request id on every request and every log line, and one log line per request.

The id comes from the proxy's ``X-Request-ID`` when it looks like an id (so a line here can be
matched to the proxy's), else a new random one; the answer carries it back. The line per
request names the route, never the path: a path holds a child's id (docs/data-protection.md).
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable
from typing import Any

from django.core.signals import request_finished, request_started
from django.http import HttpRequest, HttpResponse

from goldenthread.web.ops.logfields import NO_REQUEST, current_request_id
from goldenthread.web.ops.metrics import route_of

HEADER = "X-Request-ID"
# Letters, digits, dot, dash, underscore; 8 to 64 of them. Reason: anything else could carry
# text a client chose into every log line.
ACCEPTED_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

logger = logging.getLogger("goldenthread.requests")


def request_id_for(sent: str | None) -> str:
    """The proxy's id when it has an id's shape, else a new one."""
    if sent and ACCEPTED_ID.match(sent):
        return sent
    return uuid.uuid4().hex


def _request_began(sender: object, environ: dict[str, Any] | None = None, **kwargs: Any) -> None:
    """Set as the request begins, before any middleware, so that Django's own lines about the
    answer ("Not Found: …", written after the middleware has finished) carry the id too."""
    sent = (environ or {}).get("HTTP_X_REQUEST_ID")
    current_request_id.set(request_id_for(sent if isinstance(sent, str) else None))


def _request_ended(sender: object, **kwargs: Any) -> None:
    current_request_id.set(NO_REQUEST)


request_started.connect(_request_began, dispatch_uid="goldenthread-request-id")
request_finished.connect(_request_ended, dispatch_uid="goldenthread-request-id")


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = current_request_id.get()
        if request_id == NO_REQUEST:  # a request made without the handler's signal
            request_id = request_id_for(request.headers.get(HEADER))
            current_request_id.set(request_id)
        request.request_id = request_id  # type: ignore[attr-defined]
        started = time.perf_counter()
        response = self.get_response(request)
        response[HEADER] = request_id
        logger.info(
            "request",
            extra={
                "route": route_of(request),
                "method": request.method,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            },
        )
        return response
