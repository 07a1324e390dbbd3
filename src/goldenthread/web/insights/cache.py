"""Published figures kept between refreshes (``FigureCache``), as JSON.

Only protected figures are stored (the same objects the page shows), never a raw count, and a
new refresh empties the cache, so a cached page says exactly what a fresh one would.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable
from typing import Any

from django.db import IntegrityError, transaction

from goldenthread.core.insights import DisclosurePolicy
from goldenthread.web.insights.figures import Bar, Figure
from goldenthread.web.insights.filters import InsightFilter
from goldenthread.web.insights.models import FactsRefresh, FigureCache
from goldenthread.web.insights.protection import Line, Value


def figures_key(slug: str, chosen: InsightFilter, policy: DisclosurePolicy, **more: object) -> str:
    """SHA-256 of a dashboard, its filter, the disclosure policy and ``more`` (JSON values)."""
    about = {
        "slug": slug,
        "filter": {k: str(v) for k, v in dataclasses.asdict(chosen).items()},
        "policy": dataclasses.asdict(policy),
        **more,
    }
    return hashlib.sha256(json.dumps(about, sort_keys=True).encode()).hexdigest()


def cache_key(
    slug: str, chosen: InsightFilter, policy: DisclosurePolicy, refresh: FactsRefresh
) -> str:
    return figures_key(slug, chosen, policy, refresh=refresh.pk)


def _value(data: dict[str, Any] | None) -> Value | None:
    return None if data is None else Value(**data)


def _line(data: dict[str, Any] | None) -> Line | None:
    if data is None:
        return None
    return Line(
        label=data["label"],
        cells=tuple(Value(**cell) for cell in data["cells"]),
        total=_value(data["total"]),
        share=_value(data["share"]),
        extras=tuple(Value(**cell) for cell in data["extras"]),
    )


def figure_from_json(data: dict[str, Any]) -> Figure:
    lines = tuple(line for line in (_line(item) for item in data["lines"]) if line is not None)
    return Figure(
        **{
            **data,
            "columns": tuple(data["columns"]),
            "lines": lines,
            "totals": _line(data["totals"]),
            "bars": tuple(Bar(**bar) for bar in data["bars"]),
            "notes": tuple(data["notes"]),
            "extra_headings": tuple(data["extra_headings"]),
        }
    )


def figures_cached(
    *,
    slug: str,
    chosen: InsightFilter,
    policy: DisclosurePolicy,
    refresh: FactsRefresh,
    build: Callable[[], list[Figure]],
) -> list[Figure]:
    """The figures for this filter since this refresh: kept ones, or built now and kept."""
    key = cache_key(slug, chosen, policy, refresh)
    kept = FigureCache.objects.filter(key=key).values_list("figures", flat=True).first()
    if kept is not None:
        return [figure_from_json(item) for item in kept]
    figures = build()
    try:
        with transaction.atomic():
            FigureCache.objects.create(
                key=key,
                refresh=refresh,
                figures=[dataclasses.asdict(figure) for figure in figures],
            )
    except IntegrityError:  # another request kept the same figures first
        pass
    return figures
