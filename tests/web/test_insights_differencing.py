"""Disclosure control holds across queries: a differencing attacker recovers no withheld count.

Issue 14, finding "High — withheld counts recovered by differencing" (ADR 0019). The area is
the demo seed (a few hundred children), built once for the module and rolled back after.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone
from openpyxl import load_workbook

from goldenthread.web.accounts.models import Organisation, User
from goldenthread.web.insights.dashboards import DASHBOARDS
from goldenthread.web.insights.filters import InsightFilter, area_of
from goldenthread.web.insights.forms import InsightFilterForm
from goldenthread.web.insights.refresh import facts_refresh
from goldenthread.web.insights.views import build, disclosure_policy
from goldenthread.web.plans.demo.builder import area_seed
from tests.web.conftest import PageClient
from tests.web.differencing_attack import (
    UNKNOWN,
    Published,
    attack_run,
    relations_find,
    views_fetch,
)
from tests.web.shared_rows import deferred_checks_run

DEMO_CHILDREN = 300
TODAY = dt.date(2026, 3, 2)


@pytest.fixture(scope="module")
def demo_area(django_db_setup: None, django_db_blocker: Any) -> Iterator[Organisation]:
    """The demo area, its nightly facts worked out, shared by the module and rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        area_seed(children=DEMO_CHILDREN, seed=2026, today=TODAY)
        facts_refresh()
        area = area_of(User.objects.get(username="leader"))
        assert area is not None
        deferred_checks_run()
        yield area
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def fetched(
    demo_area: Organisation, django_db_blocker: Any
) -> tuple[Published, list[Any], dict[str, list[str]]]:
    with django_db_blocker.unblock():
        return views_fetch(
            area_id=demo_area.pk, today=TODAY, policy=disclosure_policy(), area=demo_area
        )


@pytest.mark.django_db
def test_differencing_over_every_filter_combination_recovers_no_withheld_count(
    fetched: tuple[Published, list[Any], dict[str, list[str]]],
) -> None:
    """The attack, precisely.

    Views fetched: all six dashboards for the whole area; for every value of every filter
    (school year, phase, year group, setting, primary need, theme, Education/Health/Care,
    coordinating service) alone; and for every value of every filter other than phase and
    year group, split by each phase; and, for each of those, the views each figure's year on
    year table is read from (the same filters with each of the three school years compared
    chosen; issue 22). From each view the attacker reads every published count
    (cells, row totals, total rows; the same text the page, CSV and XLSX carry) and knows
    what each text can stand for under the published rules: ``0`` is 0; ``c`` is 1 or more;
    a number is the range of true counts the rules publish as that number (one value for an
    exact count, five for a count rounded to 5, none of them a hidden count).

    Sums used (each only if it holds on the true counts, as an informed attacker would know):
    a row's cells add up to its total and a column to its total row; a view's cell equals
    the sum of the same cell over every value of a filter that splits it (phase, primary
    need, setting, service, domain), e.g. the whole area = the sum of its phases, and need
    ASD = the sum of ASD by phase; and a phase equals the sum of its year groups.

    Each sum is used on its own, as differencing does: withheld = whole - the other parts,
    narrowed to the values every published range allows (``attack_run(chained=False)``).
    A withheld ``c`` is recovered when one sum leaves it one possible value. Before ADR 0019
    (exact cells, rounded totals) this recovered hundreds (see the ADR); with every count
    rounded to 5 and 1 to 7 hidden it must recover none.
    """
    published, combos, values = fetched
    relations = relations_find(published, combos, values)
    attack = attack_run(published, relations, disclosure_policy(), chained=False)
    assert len(combos) > 200 and attack.relations > 10_000  # the attack really ran
    assert published.trend_values > 10_000  # with every year on year table (issue 22)
    assert attack.withheld > 1_000
    assert not attack.recovered, (
        f"{len(attack.recovered)} of {attack.withheld} withheld counts recovered "
        f"({attack.small_recovered} of them 1 to {disclosure_policy().threshold}), "
        f"e.g. {attack.recovered[:3]}"
    )


@pytest.mark.django_db
def test_a_chained_attacker_recovers_no_withheld_count(
    fetched: tuple[Published, list[Any], dict[str, list[str]]],
) -> None:
    """The same sums, all at once: every count narrowed through every sum it is in, again and
    again until nothing changes (``attack_run(chained=True)``, interval constraint propagation).

    With nearest rounding (a published number is the true count ±2) this pinned 206 of 41,848
    withheld cells on this area, 199 of them 1 to 5. With each count rounded up or down by a
    keyed draw (±4; ADR 0019) it must pin none.
    """
    published, combos, values = fetched
    relations = relations_find(published, combos, values)
    policy = disclosure_policy()
    assert policy.rounding == "random"
    attack = attack_run(published, relations, policy, chained=True)
    assert attack.withheld > 1_000 and attack.relations > 10_000
    narrowed = sum(1 for low, high in attack.bounds.values() if high - low < UNKNOWN // 2)
    assert narrowed > 10_000  # the attack really narrowed counts
    assert not attack.recovered, (
        f"{len(attack.recovered)} of {attack.withheld} withheld counts recovered by chaining "
        f"({attack.small_recovered} of them 1 to {policy.threshold}), e.g. {attack.recovered[:3]}"
    )


@pytest.mark.django_db
def test_the_same_count_in_the_same_place_is_always_published_the_same_way(
    fetched: tuple[Published, list[Any], dict[str, list[str]]],
) -> None:
    """Random rounding is drawn once per place and count, not per request or filter, so
    asking again (or through another filter that gives the same children) draws nothing new.
    """
    published, _, _ = fetched
    seen: dict[tuple[str, str, str, int], set[str]] = {}
    for node, text in published.texts.items():
        if text.isdigit() and int(text) > 0:
            _, _, key, row, column = node
            seen.setdefault((key, row, column, published.value(node)), set()).add(text)
    assert len(seen) > 1_000
    assert all(len(texts) == 1 for texts in seen.values())
    moved = [int(min(texts)) - count for (*_, count), texts in seen.items() if count % 5]
    assert sum(1 for m in moved if m > 0) > 100 and sum(1 for m in moved if m < 0) > 100


@pytest.mark.django_db
def test_no_count_from_1_to_9_is_published_and_every_count_is_a_multiple_of_5(
    fetched: tuple[Published, list[Any], dict[str, list[str]]],
) -> None:
    """A published 5 could only be 6 to 9 (1–5 are hidden): a small bucket that differencing
    narrows, so anything that could round to 5 (6 to 9) is hidden too; the smallest number
    shown is 10."""
    published, _, _ = fetched
    numbers = [int(text) for text in published.texts.values() if text.isdigit()]
    assert numbers
    assert all(number % 5 == 0 for number in numbers)
    assert not [number for number in numbers if 1 <= number <= 9]
    hidden = [published.value(node) for node, text in published.texts.items() if text == "c"]
    assert {8, 9} & set(hidden)  # counts that would have been shown as 10 before


@pytest.mark.django_db
def test_every_percentage_is_worked_out_from_the_rounded_numbers_shown(
    fetched: tuple[Published, list[Any], dict[str, list[str]]],
) -> None:
    """A percentage of the exact counts, beside a rounded total, gives the exact counts back
    (33.3% of a total shown as 30 can only be 10 of 30); one of the shown numbers adds nothing.
    """
    published, _, _ = fetched
    checked = 0
    for share, count, total in published.shares:
        if not (count.isdigit() and total.isdigit()) or int(total) == 0:
            assert share in {"c", "z"}, (share, count, total)
            continue
        # Rounded apart, a part can be shown above its total: the share is capped at 100%.
        exact = min(Decimal(100 * int(count)) / Decimal(int(total)), Decimal(100))
        expected = exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        assert share == str(expected), (share, count, total)
        checked += 1
    assert checked > 100


@pytest.mark.django_db
def test_the_page_csv_and_xlsx_publish_what_the_attacker_read(
    page: PageClient, demo_area: Organisation
) -> None:
    """The attack reads the figures; every download and page carries the same text."""
    leader = User.objects.get(username="leader")
    page.sign_in(leader)
    query = {"phase": "secondary"}
    form_chosen = _chosen(demo_area, query)
    for slug, board in DASHBOARDS.items():
        built = build(board, form_chosen, disclosure_policy())
        xlsx = page.client.get(f"/insights/{slug}/download/", data=query)
        book = load_workbook(io.BytesIO(xlsx.content), read_only=True)
        shown = page.get(f"/insights/{slug}/", data=query)
        cells = [cell.get_text(strip=True) for cell in shown.html.select("table td")]
        for figure in built:
            rows = [[_text(value) for value in row] for row in book[figure.key[:31]].values]
            for row in figure.rows_as_text():
                assert row in rows, (slug, figure.key, row)
                assert set(row[1:]) <= {*cells, ""}, (slug, figure.key, row)
            download = page.client.get(f"/insights/{slug}/{figure.key}.csv", data=query)
            assert download.status_code == 200
            read_back = list(csv.reader(io.StringIO(download.content.decode())))
            assert read_back[1:] == figure.rows_as_text(), (slug, figure.key)


def _chosen(area: Organisation, query: dict[str, str]) -> InsightFilter:
    """What the views choose for this query today (the pages use today's date)."""
    today = timezone.localdate()
    return InsightFilterForm(query, area=area, today=today).chosen(area_id=area.pk, today=today)


def _text(value: Any) -> str:
    return "" if value is None else str(value)
