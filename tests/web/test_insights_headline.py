"""The leaders' headline page (issue 22): each figure equals an independent count over the demo
area, small numbers are withheld, and the self-evaluation report opens with the summary.

The independent counts below are plain SQL and Python written apart from
``goldenthread.web.insights.headline``; the published value is then worked out by the rules of
docs/disclosure-control.md (withhold when the part in, the whole or the part left out is 1 to 9;
round each count up or down to a multiple of 5 by the keyed draw for its place (ADR 0019); the
percentage to 1 decimal place of the rounded counts; a mean T-score to a whole number).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta
from django.db import connection, transaction
from pypdf import PdfReader

from goldenthread.core.insights.policy import count_round
from goldenthread.web.accounts.models import Organisation, User
from goldenthread.web.assessments.demo import demo_assessments_add
from goldenthread.web.insights.filters import area_of
from goldenthread.web.insights.headline import headline_build
from goldenthread.web.insights.headline.answers import share_publish
from goldenthread.web.insights.views import disclosure_policy
from goldenthread.web.plans.demo.builder import area_seed
from tests.web.conftest import PageClient
from tests.web.shared_rows import deferred_checks_run

DEMO_CHILDREN = 400
TODAY = dt.date(2026, 12, 5)
LATEST = 2025  # the last whole school year on TODAY: 2025 to 2026


@pytest.fixture(scope="module")
def demo_area(django_db_setup: None, django_db_blocker: Any) -> Iterator[Organisation]:
    with django_db_blocker.unblock(), transaction.atomic():
        area_seed(children=DEMO_CHILDREN, seed=22, today=TODAY)
        demo_assessments_add(seed=22, today=TODAY)  # as `goldenthread seed` does
        area = area_of(User.objects.get(username="leader"))
        assert area is not None
        deferred_checks_run()
        yield area
        transaction.set_rollback(True)


def _published(part: int, whole: int, key: str, year: int) -> str:
    """The published share of two independently counted numbers, by the policy's rules: withheld
    when the part, the whole or the part left out is small; each count rounded as the policy
    rounds it at its place; the percentage of the rounded numbers to 1 decimal place."""
    policy = disclosure_policy()
    if whole == 0:
        return "none to count"
    if any(policy.is_small(n) for n in (part, whole, whole - part)):
        return "too few to show"
    cell = ("headline", key, f"{year} to {year + 1}")
    rounded = [
        count_round(count=n, policy=policy, cell=(*cell, side)) if n else 0
        for n, side in ((part, "part"), (whole, "whole"))
    ]
    if rounded[1] == 0:
        return "too few to show"
    share = Decimal(rounded[0] * 100) / Decimal(rounded[1])
    return str(share.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _rows(sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def _span(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 9, 1), dt.date(year + 1, 8, 31)


def _met(area_id: int, year: int) -> str:
    start, end = _span(year)
    ((met, rated),) = _rows(
        "SELECT SUM(CASE WHEN p.gas_level >= 0 THEN 1 ELSE 0 END), COUNT(*)"
        " FROM reviews_outcomeprogress p JOIN reviews_review r ON r.id = p.review_id"
        " JOIN plans_plan pl ON pl.id = r.plan_id JOIN plans_child c ON c.id = pl.child_id"
        " WHERE c.local_authority_id = %s AND c.archived_at IS NULL AND r.archived_at IS NULL"
        " AND r.meeting_on BETWEEN %s AND %s",
        [area_id, start, end],
    )
    return _published(int(met or 0), int(rated), "met", year)


def _on_time(area_id: int, year: int) -> str:
    start, end = _span(year)
    rows = _rows(
        "SELECT pl.child_id, r.meeting_on, pl.issued_on FROM reviews_review r"
        " JOIN plans_plan pl ON pl.id = r.plan_id JOIN plans_child c ON c.id = pl.child_id"
        " WHERE c.local_authority_id = %s AND c.archived_at IS NULL AND r.archived_at IS NULL"
        " AND pl.kind = 'ehc_plan' ORDER BY pl.child_id, r.meeting_on",
        [area_id],
    )
    last: dict[int, dt.date] = {}
    held = on_time = 0
    for child, meeting, issued in rows:
        held_on, previous = _date(meeting), last.get(child) or _date(issued)
        assert held_on is not None
        last[child] = held_on
        if start <= held_on <= end and previous is not None:
            held += 1
            on_time += held_on <= previous + relativedelta(months=12)
    return _published(on_time, held, "on-time", year)


def _date(value: Any) -> dt.date | None:
    """SQLite gives dates back as text, PostgreSQL as dates."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def _all_services(area_id: int, year: int) -> str:
    start, end = _span(year)
    rows = _rows(
        "SELECT pl.id, COUNT(DISTINCT pr.domain) FROM plans_plan pl"
        " JOIN plans_child c ON c.id = pl.child_id"
        " LEFT JOIN plans_provision pr ON pr.plan_id = pl.id AND pr.archived_at IS NULL"
        " AND pr.contribution_status = 'accepted'"
        " WHERE c.local_authority_id = %s AND c.archived_at IS NULL AND pl.archived_at IS NULL"
        " AND pl.kind = 'ehc_plan' AND pl.status <> 'draft' AND pl.issued_on BETWEEN %s AND %s"
        " GROUP BY pl.id",
        [area_id, start, end],
    )
    return _published(
        sum(1 for _, domains in rows if domains == 3), len(rows), "all-services", year
    )


ISSUED = (
    " FROM plans_plan pl JOIN plans_child c ON c.id = pl.child_id"
    " WHERE c.local_authority_id = %s AND c.archived_at IS NULL AND pl.archived_at IS NULL"
    " AND pl.kind = 'ehc_plan' AND pl.status <> 'draft' AND pl.issued_on BETWEEN %s AND %s"
)


def _live(alias: str) -> str:
    """A live, accepted contribution (not archived, accepted into the plan)."""
    return f"{alias}.archived_at IS NULL AND {alias}.contribution_status = 'accepted'"


def _issued_outcomes(area_id: int, year: int) -> list[tuple[int, int, bool]]:
    """(outcome, linked to an aspiration, judged SMART) for outcomes in plans issued in the year."""
    rows = _rows(
        "SELECT o.id, o.quality_smart, (SELECT COUNT(*) FROM plans_outcome_aspirations oa"
        f" WHERE oa.outcome_id = o.id) FROM plans_outcome o WHERE {_live('o')}"
        f" AND o.plan_id IN (SELECT pl.id{ISSUED})",
        [area_id, *_span(year)],
    )
    return [(outcome, int(linked), bool(smart)) for outcome, smart, linked in rows]


def _aspiration(area_id: int, year: int) -> str:
    rows = _issued_outcomes(area_id, year)
    return _published(sum(1 for _, linked, _ in rows if linked), len(rows), "aspiration", year)


def _smart(area_id: int, year: int) -> str:
    rows = _issued_outcomes(area_id, year)
    return _published(sum(1 for *_, smart in rows if smart), len(rows), "smart", year)


def _told_once(area_id: int, year: int) -> str:
    children = {
        child for (child,) in _rows(f"SELECT DISTINCT pl.child_id{ISSUED}", [area_id, *_span(year)])
    }
    written = {
        child
        for child, important, support, story in _rows(
            "SELECT child_id, important_to_me, how_to_support_me, my_story FROM plans_allaboutme",
            [],
        )
        if child in children and (important or support or story)
    }
    return _published(len(written), len(children), "told-once", year)


def _gaps(area_id: int, year: int) -> str:
    """Needs with no live provision meeting them, directly or through a live outcome."""
    span = [area_id, *_span(year)]
    needs = [
        need
        for (need,) in _rows(
            f"SELECT n.id FROM plans_need n WHERE {_live('n')}"
            f" AND n.plan_id IN (SELECT pl.id{ISSUED})",
            span,
        )
    ]
    live_provision = f"SELECT p.id FROM plans_provision p WHERE {_live('p')}"
    direct = {
        n
        for (n,) in _rows(
            f"SELECT need_id FROM plans_provision_needs WHERE provision_id IN ({live_provision})",
            [],
        )
    }
    through = {
        n
        for (n,) in _rows(
            "SELECT on_.need_id FROM plans_outcome_needs on_ JOIN plans_outcome o"
            f" ON o.id = on_.outcome_id AND {_live('o')}"
            " WHERE on_.outcome_id IN (SELECT outcome_id FROM plans_provision_outcomes"
            f" WHERE provision_id IN ({live_provision}))",
            [],
        )
    }
    gaps = [need for need in needs if need not in direct | through]
    return _published(len(gaps), len(needs), "gaps", year)


def _met_by_theme(area_id: int, year: int, theme: int) -> str:
    start, end = _span(year)
    ((met, rated),) = _rows(
        "SELECT SUM(CASE WHEN p.gas_level >= 0 THEN 1 ELSE 0 END), COUNT(*)"
        " FROM reviews_outcomeprogress p JOIN reviews_review r ON r.id = p.review_id"
        " JOIN plans_plan pl ON pl.id = r.plan_id JOIN plans_child c ON c.id = pl.child_id"
        " JOIN plans_outcome_themes t ON t.outcome_id = p.outcome_id AND t.themetag_id = %s"
        " WHERE c.local_authority_id = %s AND c.archived_at IS NULL AND r.archived_at IS NULL"
        " AND r.meeting_on BETWEEN %s AND %s",
        [theme, area_id, start, end],
    )
    return _published(int(met or 0), int(rated), f"met-theme-{theme}", year)


def _t_score(area_id: int, year: int) -> str:
    """Each child's T-score at their latest review in the year, averaged, to a whole number;
    withheld when 1 to 9 children are behind it."""
    start, end = _span(year)
    rows = _rows(
        "SELECT pl.child_id, r.meeting_on, r.id, r.t_score FROM reviews_review r"
        " JOIN plans_plan pl ON pl.id = r.plan_id JOIN plans_child c ON c.id = pl.child_id"
        " WHERE c.local_authority_id = %s AND c.archived_at IS NULL AND r.archived_at IS NULL"
        " AND r.t_score IS NOT NULL AND r.meeting_on BETWEEN %s AND %s",
        [area_id, start, end],
    )
    latest: dict[int, tuple[dt.date, int, float]] = {}
    for child, meeting, review, score in rows:
        held = _date(meeting)
        assert held is not None
        if child not in latest or (held, review) > latest[child][:2]:
            latest[child] = (held, review, score)
    if not latest:
        return "none to count"
    if disclosure_policy().is_small(len(latest)):
        return "too few to show"
    mean = sum(score for *_, score in latest.values()) / len(latest)
    return str(Decimal(mean).quantize(Decimal(1)))


def _twenty_weeks(area_id: int, year: int) -> str:
    """Final plans issued in the year from an assessment with no live exception: the share
    issued no more than 140 days after the request."""
    rows = _rows(
        "SELECT a.request_received_on, a.plan_issued_on FROM assessments_assessment a"
        " JOIN plans_child c ON c.id = a.child_id"
        " WHERE c.local_authority_id = %s AND c.archived_at IS NULL AND a.archived_at IS NULL"
        " AND a.plan_issued_on BETWEEN %s AND %s AND NOT EXISTS (SELECT 1 FROM"
        " assessments_clockexception e WHERE e.assessment_id = a.id AND e.archived_at IS NULL)",
        [area_id, *_span(year)],
    )
    within = 0
    for received, issued in rows:
        start, end = _date(received), _date(issued)
        assert start is not None and end is not None
        within += (end - start).days <= 140
    return _published(within, len(rows), "twenty-weeks", year)


@pytest.mark.django_db
def test_each_headline_figure_equals_an_independent_count(demo_area: Organisation) -> None:
    headline = headline_build(area_id=demo_area.pk, latest_year=LATEST, policy=disclosure_policy())
    measures = {m.key: m for q in headline.questions for m in q.measures}
    years = range(LATEST - 2, LATEST + 1)
    expected = {
        "met": [_met(demo_area.pk, y) for y in years],
        "on-time": [_on_time(demo_area.pk, y) for y in years],
        "all-services": [_all_services(demo_area.pk, y) for y in years],
        "aspiration": [_aspiration(demo_area.pk, y) for y in years],
        "smart": [_smart(demo_area.pk, y) for y in years],
        "told-once": [_told_once(demo_area.pk, y) for y in years],
        "gaps": [_gaps(demo_area.pk, y) for y in years],
        "t-score": [_t_score(demo_area.pk, y) for y in years],
        "twenty-weeks": [_twenty_weeks(demo_area.pk, y) for y in years],
        **{
            f"met-theme-{theme}": [_met_by_theme(demo_area.pk, y, theme) for y in years]
            for theme in (1, 2, 3, 4)
        },
    }
    assert set(expected) == set(measures)  # every headline measure has its independent count
    for key, figures in expected.items():
        assert [f.text for f in measures[key].figures] == figures, key
    # The demo is big enough for the leader's main figure to be shown in every year.
    assert all(f.number is not None for f in measures["met"].figures)
    assert all(f.number is not None for f in measures["t-score"].figures)
    assert measures["twenty-weeks"].figures[-1].number is not None
    assert headline.years == ("2023 to 2024", "2024 to 2025", "2025 to 2026")


@pytest.mark.django_db
def test_every_question_is_answered_with_a_sentence_that_states_the_change(
    demo_area: Organisation,
) -> None:
    headline = headline_build(area_id=demo_area.pk, latest_year=LATEST, policy=disclosure_policy())
    assert len(headline.questions) == 7
    for question in headline.questions:
        assert question.measures
        for measure in question.measures:
            assert measure.definition
            latest, before = measure.figures[-1], measure.figures[-2]
            if latest.number is not None and before.number is not None:
                word = (
                    "the same"
                    if latest.number == before.number
                    else ("up from" if latest.number > before.number else "down from")
                )
                assert word in measure.sentence


@pytest.mark.django_db
def test_a_small_group_is_withheld_not_shown(demo_area: Organisation) -> None:
    """A year with very few reviews (the earliest demo year) shows "too few to show"."""
    headline = headline_build(area_id=demo_area.pk, latest_year=2022, policy=disclosure_policy())
    met = next(m for q in headline.questions for m in q.measures if m.key == "met")
    assert [f.text for f in met.figures] == [_met(demo_area.pk, y) for y in (2020, 2021, 2022)]
    assert met.figures[0].text == "none to count"


@pytest.mark.parametrize(
    ("part", "whole", "shown"),
    [(3, 50, None), (45, 50, None), (0, 0, None), (9, 60, None)],
)
def test_a_share_is_withheld_when_the_part_in_the_whole_or_the_part_left_out_is_small(
    part: int, whole: int, shown: str | None
) -> None:
    published = share_publish(part, whole, disclosure_policy())
    assert (published.text if published.value is not None else None) == shown


@pytest.mark.django_db
def test_the_leader_reads_the_headline_page_and_the_report_opens_with_the_summary(
    demo_area: Organisation, page: PageClient, settings: Any
) -> None:
    page.sign_in(User.objects.get(username="leader"))
    home = page.get("/insights/")
    assert "How the area is doing" in home.text
    headline = page.get("/insights/headline/")
    assert "Is it supporting children to achieve what they aspire to?" in headline.text
    links = {a["href"] for a in headline.html.select("[data-measure] a")}
    assert "/insights/attainment/" in links and "/insights/reviews/" in links
    report = page.client.get("/insights/report/download/")
    assert report.status_code == 200
    first = PdfReader(io.BytesIO(report.content)).pages[0].extract_text()
    assert "Summary" in first and "What got better" in first


def test_the_docs_state_the_rounding_and_hiding_the_code_uses() -> None:
    """docs/headline-measures.md and docs/disclosure-control.md say what the policy does: counts
    1 to ``largest_hidden`` hidden, each count rounded up or down to a multiple of the base."""
    from pathlib import Path

    policy = disclosure_policy()
    assert policy.rounding == "random"
    docs = Path(__file__).resolve().parents[2] / "docs"
    headline = " ".join((docs / "headline-measures.md").read_text().split())
    assert (
        f"more than {policy.largest_hidden} (counts from 1 to {policy.largest_hidden}" in headline
    )
    assert f"rounded up or down to a multiple of {policy.rounding_base}" in headline
    assert "nearest" not in headline
    control = " ".join((docs / "disclosure-control.md").read_text().split())
    assert f"**1 to {policy.largest_hidden} are hidden**" in control
    assert f"rounded up or down to a multiple of {policy.rounding_base}" in control
