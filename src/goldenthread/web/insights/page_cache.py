"""A dashboard's figures, as the page shows them, kept in each server process (ADR 0051).

Working out and drawing a dashboard takes a quarter to three quarters of a second of the server's
time at 20,000 children (bench/bench_pages.py), and every leader who opens it asks for the same
thing. So the drawn figures (tables, charts, trends) are kept here:

- a dashboard from the nightly facts is kept until the next refresh (the key holds the refresh);
- a live dashboard (review timeliness, trends and demand) is kept for
  ``settings.INSIGHTS_LIVE_SECONDS`` (default 60), and the page says when it was counted.

Only what every leader of the area may see is kept (protected figures, never a raw count or a
child), keyed by a hash of the dashboard, the filter, the disclosure policy and the query. The
store holds at most ``LIMIT`` pages per process and drops the oldest first.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings

from goldenthread.core.insights import DisclosurePolicy
from goldenthread.web.insights.cache import figures_key
from goldenthread.web.insights.filters import InsightFilter

LIMIT = 256
LIVE_SECONDS_DEFAULT = 60


@dataclass(frozen=True)
class DrawnFigures:
    html: str  # the figures' part of the page, already escaped
    counted_at: float  # time.time() when worked out


_store: OrderedDict[str, tuple[float | None, DrawnFigures]] = OrderedDict()
_lock = threading.Lock()


def live_seconds() -> int:
    return int(getattr(settings, "INSIGHTS_LIVE_SECONDS", LIVE_SECONDS_DEFAULT))


def page_key(
    *,
    slug: str,
    chosen: InsightFilter,
    policy: DisclosurePolicy,
    version: str,
    query: str,
    drill: bool,
) -> str:
    return figures_key(slug, chosen, policy, version=version, query=query, drill=drill)


def drawn_cached(key: str, *, live: bool, draw: Callable[[], DrawnFigures]) -> DrawnFigures:
    """The kept drawing for ``key``, or ``draw()`` now and kept. A live drawing is kept for
    ``live_seconds()`` (0: never kept); a facts drawing until its key changes."""
    now = time.monotonic()
    with _lock:
        found = _store.get(key)
        if found is not None and (found[0] is None or found[0] > now):
            _store.move_to_end(key)
            return found[1]
    drawn = draw()
    seconds = live_seconds() if live else None
    if seconds == 0:
        return drawn
    with _lock:
        _store[key] = (None if seconds is None else now + seconds, drawn)
        _store.move_to_end(key)
        while len(_store) > LIMIT:
            _store.popitem(last=False)
    return drawn


def drawn_forget() -> None:
    """Empty this process's store (tests; a refresh needs no call, its key changes)."""
    with _lock:
        _store.clear()
