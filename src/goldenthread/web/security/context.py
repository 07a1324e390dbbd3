"""The request being answered, for code (the log filter) that is not handed it."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

# Typed loosely: this module is imported while logging is configured, before Django is ready.
current_request: ContextVar[Any] = ContextVar("current_request", default=None)
