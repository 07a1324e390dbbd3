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

from django.http import HttpRequest, HttpResponse

from goldenthread.web.ops.logfields import current_request_id
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


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_for(request.headers.get(HEADER))
        request.request_id = request_id  # type: ignore[attr-defined]
        token = current_request_id.set(request_id)
        started = time.perf_counter()
        try:
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
        finally:
            current_request_id.reset(token)
