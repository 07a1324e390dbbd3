"""``assess_many`` (the audit's batched judging) gives exactly what ``assess`` gives."""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

import pytest

from goldenthread.core.quality import StatementContext, assess, assessment_to_record, engine
from goldenthread.core.quality.engine import assess_many

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_quality_golden import _context, golden_cases


def _record(assessment):  # type: ignore[no-untyped-def]
    return assessment_to_record(assessment, None)


def test_a_batch_gives_what_one_at_a_time_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "_CACHE", {})
    cases = [(text, _context(raw)) for text, raw in golden_cases()]
    # Repeats, in another order, as an audit of a real area has them.
    items = cases + random.Random(3).sample(cases, 60)
    random.Random(4).shuffle(items)
    expected = [_record(assess(text, context)) for text, context in items]
    assert [_record(a) for a in assess_many(items)] == expected
    # A second batch is answered from the cache, with the same verdicts.
    assert [_record(a) for a in assess_many(items)] == expected


def test_the_cache_tells_contexts_apart_and_stays_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engine, "_CACHE", {})
    monkeypatch.setattr(engine, "CACHE_SIZE", 3)
    text = "By the end of the summer term I will count to 20 at home every day."
    spring = StatementContext(today=dt.date(2026, 3, 1))
    august = StatementContext(today=dt.date(2026, 8, 30))
    first, second = assess_many([(text, spring), (text, august)])
    assert first.due_date != second.due_date
    assert _record(first) == _record(assess(text, spring))
    assess_many([(f"I will read {n} words.", spring) for n in range(5)])
    assert len(engine._CACHE) <= 5  # emptied when full, never grows past a batch beyond it


def test_an_empty_batch() -> None:
    assert assess_many([]) == []
