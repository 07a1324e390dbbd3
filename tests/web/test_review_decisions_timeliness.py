"""The timeliness page shows annual-review decisions within 4 weeks, by group and term, with
small numbers hidden; leaders only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from goldenthread.web.accounts.models import Role
from goldenthread.web.reviews.models import Review
from tests.web import factories

pytestmark = pytest.mark.django_db
URL = "/assessments/timeliness/"


def _reviews(plan, n, meeting, decided, kind="annual"):
    Review.objects.bulk_create(
        [
            Review(
                plan=plan, kind=kind, meeting_on=meeting, decision="keep", decision_made_on=decided
            )
            for _ in range(n)
        ]
    )


def _table(html: str) -> str:
    return html.split('id="review-decisions"', 1)[1].split("</table>", 1)[0]


def test_decisions_within_4_weeks_by_team_service_and_setting(page, area):
    meeting = timezone.localdate() - dt.timedelta(days=120)
    plan = area.thread.plan
    _reviews(plan, 20, meeting, meeting + dt.timedelta(days=28))  # the last day on time
    _reviews(plan, 10, meeting, meeting + dt.timedelta(days=29))  # a day late
    _reviews(plan, 10, meeting, None)  # never decided: late
    _reviews(plan, 7, meeting, meeting, kind="interim")  # not an annual review
    leader = factories.user_create(role=Role.STRATEGIC_LEADER)
    page.sign_in(leader)
    html = page.get(URL).response.content.decode()
    table = _table(html)
    assert ">40<" in table
    assert ">50.0<" in table  # 20 of 40
    assert ">10<" in table  # no decision yet
    setting = _table(page.get(URL + "?by=setting").response.content.decode())
    assert "Brook Lane Primary" in setting
    service = _table(page.get(URL + "?by=service").response.content.decode())
    assert area.coordinator.organisation.name in service
    team = _table(page.get(URL + "?by=team").response.content.decode())
    assert "No team" in team or ">40<" in team


def test_small_numbers_are_hidden(page, area):
    meeting = timezone.localdate() - dt.timedelta(days=120)
    _reviews(area.thread.plan, 3, meeting, meeting + dt.timedelta(days=3))
    page.sign_in(factories.user_create(role=Role.STRATEGIC_LEADER))
    table = _table(page.get(URL).response.content.decode())
    assert ">c<" in table
    assert ">3<" not in table


def test_not_for_coordinators(page, area):
    page.sign_in(area.coordinator)
    page.get(URL, status=403)
