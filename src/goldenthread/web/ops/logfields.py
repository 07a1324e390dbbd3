"""Log filters: the request id on every line, and no ids in paths (imported while logging is
configured, before Django is ready, so nothing here imports Django)."""

from __future__ import annotations

import logging
import re
from contextvars import ContextVar

NO_REQUEST = "-"
current_request_id: ContextVar[str] = ContextVar("current_request_id", default=NO_REQUEST)


class RequestIdFilter(logging.Filter):
    """Puts the request id on every log line (``-`` outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get()
        return True


# A number standing alone as a path segment: a child's, plan's or review's id.
ID_IN_PATH = re.compile(r"(?<=/)\d+(?=/|$|\s|\"|')")


class IdsInPathsFilter(logging.Filter):
    """Replaces ids in paths (``/children/123/`` becomes ``/children/{id}/``) in every line,
    such as Django's own "Not Found: /children/123/". Reason: with the database, an id names
    the child; the route name and the request id are enough to follow a problem."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: leave it to the handler's own error report
            return True
        cleaned = ID_IN_PATH.sub("{id}", message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True
