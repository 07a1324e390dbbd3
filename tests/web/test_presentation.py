"""Presentation defects from issue 18, each with a test: a part never shown above its whole
("2176 of 2175"), symbols explained in words, and one date style everywhere."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from goldenthread.core.insights import DisclosurePolicy, Rounding
from goldenthread.web.formfields import date_uk
from goldenthread.web.insights.headline.answers import share_publish
from goldenthread.web.insights.protection import counts_protect
from goldenthread.web.insights.views import ROUNDING_NOTES


def _random_policy(key: str) -> DisclosurePolicy:
    return DisclosurePolicy(rounding=Rounding.RANDOM, rounding_key=key)


def test_the_page_says_a_total_can_be_below_a_part() -> None:
    """Totals keep their own rounding (so differencing gains nothing, ADR 0019); the note under
    every dashboard says so, instead of a part silently shown above its whole."""
    note = ROUNDING_NOTES[Rounding.RANDOM]
    assert "may not add up" in note and "a total can be a little less" in note


def test_every_share_is_at_most_100_percent() -> None:
    draw = random.Random(18)
    for trial in range(300):
        rows, cols = draw.randint(1, 4), draw.randint(1, 3)
        units = [
            [draw.choice([0, draw.randint(10, 3000)]) for _ in range(cols)] for _ in range(rows)
        ]
        children = [[max(0, u // 2) if u else 0 for u in row] for row in units]
        protected = counts_protect(
            labels=[f"r{i}" for i in range(rows)],
            columns=[f"c{j}" for j in range(cols)],
            units=units,
            children=children,
            policy=_random_policy(f"key{trial}"),
            share_column=0,
        )
        lines = [*protected.lines, *([protected.totals] if protected.totals else [])]
        for line in lines:
            assert line.total is not None
            if line.share is not None and line.share.number is not None:
                assert line.share.number <= 100


def test_a_headline_share_is_never_over_100_percent() -> None:
    for key in range(200):
        policy = _random_policy(f"k{key}")
        share = share_publish(2176, 2176, policy, cell=("headline", "m", str(key)))
        assert share.value is not None and share.value <= Decimal(100)


def test_dates_are_written_the_gov_uk_way() -> None:
    assert date_uk(dt.date(2026, 12, 6)) == "6 December 2026"
    assert date_uk(dt.datetime(2026, 3, 1, 9, 5)) == "1 March 2026"


def test_a_moment_is_written_one_way_everywhere() -> None:
    from goldenthread.web.formfields import datetime_uk

    assert datetime_uk(dt.datetime(2026, 12, 6, 9, 5)) == "6 December 2026 at 09:05"
    assert datetime_uk(None) == ""


def test_no_template_writes_a_date_its_own_way() -> None:
    """Every date goes through ``date_uk`` or ``datetime_uk``: no "06/12/2026", "06 December"
    or ISO dates made in a template."""
    from pathlib import Path

    import goldenthread.web

    templates = Path(goldenthread.web.__file__).parent / "templates"
    for path in templates.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for pattern in ("%d", "%m/%Y", "%b", "isoformat"):
            assert pattern not in text, f"{path.name} writes a date with {pattern}"
