"""Plans: add, edit, amend into a new version (the old one kept and viewable), archive."""

from __future__ import annotations

import datetime as dt

from goldenthread.web.plans.forms import END_BEFORE_START
from goldenthread.web.plans.models import Plan
from goldenthread.web.plans.services.plans import PLAN_NOT_CURRENT
from tests.web.conftest import PageClient
from tests.web.factories import Area
from tests.web.pagecheck import error_summary_links


def test_add_a_plan(coordinator_page: PageClient, area: Area) -> None:
    url = f"/children/{area.child.pk}/plans/add/"
    values = coordinator_page.get(url).form()
    values.update(
        {
            "kind": "sen_support",
            "status": "draft",
            "start_date-day": "2",
            "start_date-month": "9",
            "start_date-year": "2026",
        }
    )
    done = coordinator_page.post(url, values)
    plan = Plan.objects.get(child=area.child, kind="sen_support")
    assert plan.start_date == dt.date(2026, 9, 2)
    assert plan.next_review_due == dt.date(2027, 9, 2)
    assert done.redirect_url == f"/children/{area.child.pk}/?plan={plan.pk}"
    shown = coordinator_page.follow(done)
    headings = " ".join(h2.text for h2 in shown.html.select("h2.govuk-heading-m"))
    assert "SEN support plan for Ada, version 1" in headings
    assert "No outcomes written yet." in shown.text


def test_a_plan_needs_a_kind(coordinator_page: PageClient, area: Area) -> None:
    url = f"/children/{area.child.pk}/plans/add/"
    refused = coordinator_page.post(url, coordinator_page.get(url).form(), status=400)
    assert "kind" in error_summary_links(refused.html).values()


def test_edit_a_plan_and_its_review_date_follows(coordinator_page: PageClient, area: Area) -> None:
    plan = area.thread.plan
    url = f"/plans/{plan.pk}/edit/"
    values = coordinator_page.get(url).form()
    values.update(
        {
            "last_reviewed_on-day": "5",
            "last_reviewed_on-month": "10",
            "last_reviewed_on-year": "2026",
        }
    )
    coordinator_page.post(url, values)
    plan.refresh_from_db()
    assert plan.last_reviewed_on == dt.date(2026, 10, 5)
    assert plan.next_review_due == dt.date(2027, 10, 5)
    assert plan.row_version == 2


def test_a_plan_must_end_after_it_starts(coordinator_page: PageClient, area: Area) -> None:
    url = f"/plans/{area.thread.plan.pk}/edit/"
    values = coordinator_page.get(url).form()
    values.update(
        {
            "start_date-day": "1",
            "start_date-month": "9",
            "start_date-year": "2026",
            "end_date-day": "31",
            "end_date-month": "8",
            "end_date-year": "2026",
        }
    )
    refused = coordinator_page.post(url, values, status=400)
    assert error_summary_links(refused.html) == {END_BEFORE_START: "end_date-day"}


def test_amend_starts_a_new_version_and_keeps_the_old(
    coordinator_page: PageClient, area: Area
) -> None:
    old = area.thread.plan
    confirm = coordinator_page.get(f"/plans/{old.pk}/amend/")
    assert "The current version is kept as it is." in confirm.text
    done = coordinator_page.post(f"/plans/{old.pk}/amend/")
    new = Plan.objects.get(previous_version=old)
    assert (new.version, new.status) == (2, "draft")
    assert done.redirect_url == f"/children/{area.child.pk}/?plan={new.pk}"

    shown = coordinator_page.follow(done)
    assert "Version 2 started. Version 1 is kept." in shown.text
    assert area.thread.outcome.text in shown.text
    assert "This plan has 4 gaps" in shown.text  # links were copied, so the same gaps
    copy = new.outcomes.get(text=area.thread.outcome.text)
    assert [t.number for t in copy.themes.all()] == [2]
    assert [s.text for s in copy.steps.all()] == [area.thread.step.text]
    assert [n.text for n in copy.needs.all()] == [area.thread.need.text]
    assert [p.plan_id for p in copy.provision.all()] == [new.pk]

    old.refresh_from_db()
    assert not old.is_current
    assert old.archived_at is None
    assert old.outcomes.get(pk=area.thread.outcome.pk).text == area.thread.outcome.text
    earlier = coordinator_page.get(f"/children/{area.child.pk}/?plan={old.pk}")
    headings = " ".join(h2.text for h2 in earlier.html.select("h2.govuk-heading-m"))
    assert "Education, health and care plan for Ada, version 1" in headings
    assert earlier.html.select_one(f'a[href="?plan={new.pk}"]') is not None  # the newer one listed
    assert "Amend (start a new version)" not in earlier.text


def test_editing_the_new_version_leaves_the_old_alone(
    coordinator_page: PageClient, area: Area
) -> None:
    old = area.thread.plan
    coordinator_page.post(f"/plans/{old.pk}/amend/")
    new = Plan.objects.get(previous_version=old)
    copy = new.outcomes.get(text=area.thread.outcome.text)
    url = f"/plans/{new.pk}/outcomes/{copy.pk}/edit/"
    values = coordinator_page.get(url).form()
    values["text"] = "Rewritten for version 2."
    coordinator_page.post(url, values)
    area.thread.outcome.refresh_from_db()
    assert area.thread.outcome.text != "Rewritten for version 2."
    assert list(copy.needs.values_list("plan", flat=True)) == [new.pk]


def test_an_old_version_cannot_be_amended_again(coordinator_page: PageClient, area: Area) -> None:
    old = area.thread.plan
    coordinator_page.post(f"/plans/{old.pk}/amend/")
    refused = coordinator_page.post(f"/plans/{old.pk}/amend/", status=400)
    assert PLAN_NOT_CURRENT in error_summary_links(refused.html)
    assert Plan.objects.filter(child=area.child).count() == 2


def test_archive_a_plan_keeps_it(coordinator_page: PageClient, area: Area) -> None:
    plan = area.thread.plan
    confirm = coordinator_page.get(f"/plans/{plan.pk}/archive/")
    assert "Nothing is deleted." in confirm.text
    done = coordinator_page.post(f"/plans/{plan.pk}/archive/")
    plan.refresh_from_db()
    assert plan.archived_at is not None
    shown = coordinator_page.follow(done)
    assert "Plan archived. It is kept in the history." in shown.text
    assert area.thread.outcome.text not in shown.text
    assert plan.history.first().history_user == area.coordinator
