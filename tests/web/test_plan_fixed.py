"""Issued means fixed (issue 16): an issued version and its parts cannot change, through the
pages, the API, the services or the database itself; its documents are stored at issue and
every download returns those very bytes (read back with pypdf and python-docx)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from typing import Any

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import Client
from docx import Document
from pypdf import PdfReader

from goldenthread.web.api.problems import PLAN_FIXED_TITLE
from goldenthread.web.plans.fixed import PlanFixedError, fixed_records_release
from goldenthread.web.plans.models import (
    IssuedDocument,
    Need,
    Outcome,
    Plan,
    PlanStatus,
    Provision,
    Step,
    ThemeTag,
)
from goldenthread.web.plans.services.common import record_save
from goldenthread.web.plans.services.contributions import plan_issue
from goldenthread.web.reviews.models import OutcomeDecision, OutcomeProgress, ReviewKind
from goldenthread.web.reviews.services.record import (
    ProgressEntry,
    ReviewDetails,
    live_outcomes,
    review_record,
)
from tests.web import factories
from tests.web.conftest import PageClient
from tests.web.factories import Area

NEW_WORDS = "By July 2027, I will read a whole page to my class."


def _issued(area: Area) -> Plan:
    """The area's plan, made a draft again and then issued through the service."""
    plan = area.thread.plan
    Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.DRAFT, issued_on=None)
    plan.refresh_from_db()
    return plan_issue(plan, user=area.coordinator)


def _refused(write: Any) -> None:
    with pytest.raises(DatabaseError), transaction.atomic():
        write()


def _counts(plan: Plan) -> tuple[int, ...]:
    return (
        Outcome.objects.filter(plan=plan).count(),
        Need.objects.filter(plan=plan).count(),
        Provision.objects.filter(plan=plan).count(),
        Step.objects.filter(outcome__plan=plan).count(),
        Outcome.objects.filter(plan=plan, archived_at__isnull=True).count(),
    )


@pytest.mark.django_db
def test_the_database_refuses_every_change_to_an_issued_versions_parts() -> None:
    area = factories.area_create()
    plan = _issued(area)
    thread = area.thread
    outcome = Outcome.objects.get(pk=thread.outcome.pk)
    _refused(lambda: Outcome.objects.create(plan=plan, text="Sneaked in", domain="education"))
    _refused(lambda: Outcome.objects.filter(pk=outcome.pk).update(text="Changed"))
    _refused(lambda: Need.objects.filter(pk=thread.need.pk).delete())
    _refused(lambda: Step.objects.create(outcome=outcome, text="A new step"))
    _refused(lambda: Step.objects.filter(pk=thread.step.pk).update(text="Changed"))
    _refused(lambda: outcome.themes.add(ThemeTag.objects.get(number=1)))
    _refused(outcome.needs.clear)
    _refused(Provision.objects.get(pk=thread.help.pk).outcomes.clear)
    _refused(lambda: Plan.objects.filter(pk=plan.pk).update(kind="sen_support"))
    _refused(lambda: Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.DRAFT))
    _refused(lambda: Plan.objects.filter(pk=plan.pk).update(issued_on=dt.date(2020, 1, 1)))
    _refused(lambda: Plan.objects.filter(pk=plan.pk).update(fixed_at=None))
    _refused(lambda: Plan.objects.filter(pk=plan.pk).delete())
    _refused(lambda: IssuedDocument.objects.filter(plan=plan).update(content=b"forged"))
    _refused(lambda: IssuedDocument.objects.filter(plan=plan).delete())
    with connection.cursor() as cursor:
        _refused(
            lambda: cursor.execute(
                "UPDATE plans_need SET text = 'raw' WHERE plan_id = %s", [plan.pk]
            )
        )
    assert Outcome.objects.get(pk=outcome.pk).text == thread.outcome.text
    assert IssuedDocument.objects.filter(plan=plan).count() == 2


@pytest.mark.django_db
def test_the_database_lets_through_what_may_change_and_a_retention_release() -> None:
    area = factories.area_create()
    plan = _issued(area)
    # Reviews move the schedule; ceasing is allowed; a draft's parts are untouched by it all.
    Plan.objects.filter(pk=plan.pk).update(
        last_reviewed_on=dt.date(2026, 6, 1), next_review_due=dt.date(2027, 6, 1)
    )
    Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.CEASED, end_date=dt.date(2026, 7, 1))
    other = area.other_thread.plan
    Outcome.objects.filter(plan=other).update(text="A draft can change")
    with fixed_records_release():
        Outcome.objects.filter(plan=plan).update(text="Anonymised")
        Plan.objects.filter(pk=plan.pk).delete()
    assert not Plan.objects.filter(pk=plan.pk).exists()
    # The release ends with its block.
    plan2 = _issued_plan_of(area.other_thread.plan, area)
    _refused(lambda: Outcome.objects.filter(plan=plan2).update(text="Changed again"))


def _issued_plan_of(plan: Plan, area: Area) -> Plan:
    Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.DRAFT, coordinator=None)
    plan.refresh_from_db()
    return plan_issue(plan, user=area.coordinator)


@pytest.mark.django_db
def test_the_services_refuse_before_the_database_is_asked() -> None:
    area = factories.area_create()
    plan = _issued(area)
    outcome = Outcome.objects.get(pk=area.thread.outcome.pk)
    with pytest.raises(PlanFixedError, match="start a new version"):
        record_save(outcome, user=area.coordinator, fields={"text": "Changed"})
    with pytest.raises(PlanFixedError):
        record_save(Need(plan=plan), user=area.coordinator, fields={"text": "New"})
    with pytest.raises(PlanFixedError):
        record_save(plan, user=area.coordinator, fields={"start_date": dt.date(2025, 1, 1)})
    saved = record_save(plan, user=area.coordinator, fields={"last_reviewed_on": dt.date.today()})
    assert saved.last_reviewed_on == dt.date.today()


def _pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_issuing_stores_both_documents_and_downloads_return_those_bytes(
    coordinator_page: PageClient, area: Area
) -> None:
    plan = area.thread.plan
    Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.DRAFT, issued_on=None)
    coordinator_page.post(f"/plans/{plan.pk}/issue/", {})
    plan.refresh_from_db()
    assert plan.is_fixed and plan.status == PlanStatus.FINAL
    stored = {d.format: d for d in IssuedDocument.objects.filter(plan=plan)}
    pdf = coordinator_page.client.get(f"/plans/{plan.pk}/issue.pdf")
    docx = coordinator_page.client.get(f"/plans/{plan.pk}/issue.docx")
    assert pdf.content == bytes(stored["pdf"].content)
    assert docx.content == bytes(stored["docx"].content)
    assert hashlib.sha256(pdf.content).hexdigest() == stored["pdf"].sha256
    assert hashlib.sha256(docx.content).hexdigest() == stored["docx"].sha256
    assert stored["pdf"].is_intact and stored["docx"].is_intact
    assert area.thread.outcome.text in _pdf_text(pdf.content)
    words = [p.text for p in Document(io.BytesIO(docx.content)).paragraphs]
    assert area.thread.outcome.text in words


def test_pages_refuse_every_change_to_an_issued_plan_and_offer_to_amend(
    coordinator_page: PageClient, area: Area
) -> None:
    plan = _issued(area)
    thread = area.thread
    before = _counts(plan)
    child_page = coordinator_page.get(f"/children/{area.child.pk}/?plan={plan.pk}")
    assert child_page.html.select_one(f"a[href='/plans/{plan.pk}/amend/']") is not None
    assert child_page.html.select_one(f"a[href='/plans/{plan.pk}/outcomes/add/']") is None
    attempts = [
        f"/plans/{plan.pk}/outcomes/add/",
        f"/plans/{plan.pk}/outcomes/{thread.outcome.pk}/edit/",
        f"/plans/{plan.pk}/outcomes/{thread.outcome.pk}/archive/",
        f"/plans/{plan.pk}/needs/{thread.need.pk}/edit/",
        f"/plans/{plan.pk}/steps/{thread.step.pk}/edit/",
        f"/plans/{plan.pk}/edit/",
        f"/plans/{plan.pk}/outcomes/build/",
    ]
    for url in attempts:
        shown = coordinator_page.get(url, status=409)
        assert "start a new version" in shown.text
        assert shown.html.select_one(f"a[href='/plans/{plan.pk}/amend/']") is not None
        posted = coordinator_page.post(
            url, {"text": "Sneaked in", "domain": "education", "row_version": 1}, status=409
        )
        assert "Nothing was saved" in posted.text
    assert _counts(plan) == before
    assert Outcome.objects.get(pk=thread.outcome.pk).text == thread.outcome.text


def test_the_api_refuses_changes_to_an_issued_plan_with_409(client: Client, area: Area) -> None:
    plan = _issued(area)
    client.force_login(area.coordinator)
    before = _counts(plan)
    added = client.post(
        f"/api/plans/{plan.pk}/outcomes/",
        {"text": "Sneaked in", "domain": "education"},
        content_type="application/json",
    )
    assert added.status_code == 409
    assert added.json()["title"] == PLAN_FIXED_TITLE
    assert "start a new version" in added.json()["detail"]
    changed = client.patch(
        f"/api/plans/{plan.pk}/outcomes/{area.thread.outcome.pk}/",
        {"text": "Changed", "row_version": 1},
        content_type="application/json",
    )
    assert changed.status_code == 409
    assert _counts(plan) == before


def test_amend_then_issue_keeps_each_versions_documents(
    coordinator_page: PageClient, area: Area
) -> None:
    v1 = _issued(area)
    coordinator_page.get(f"/children/{area.child.pk}/")
    v1_pdf = coordinator_page.client.get(f"/plans/{v1.pk}/issue.pdf").content
    coordinator_page.follow(coordinator_page.post(f"/plans/{v1.pk}/amend/", {}))
    v2 = Plan.objects.get(previous_version=v1)
    assert not v2.is_fixed and v2.status == PlanStatus.DRAFT
    added = coordinator_page.post(
        f"/plans/{v2.pk}/outcomes/add/",
        {
            "text": NEW_WORDS,
            "domain": "education",
            "term": "long",
            "lifecycle_status": "active",
            "achievement_status": "in-progress",
        },
    )
    coordinator_page.follow(added)
    coordinator_page.follow(coordinator_page.post(f"/plans/{v2.pk}/issue/", {}))
    v2.refresh_from_db()
    assert v2.is_fixed
    v2_pdf = coordinator_page.client.get(f"/plans/{v2.pk}/issue.pdf").content
    assert coordinator_page.client.get(f"/plans/{v1.pk}/issue.pdf").content == v1_pdf
    assert NEW_WORDS in _pdf_text(v2_pdf) and NEW_WORDS not in _pdf_text(v1_pdf)
    history = coordinator_page.get(f"/plans/{v1.pk}/versions/")
    rows = history.html.select("#versions tbody tr")
    assert [r.th.get_text(strip=True) for r in rows] == ["Version 2", "Version 1"]
    for version in (v1, v2):
        for document in IssuedDocument.objects.filter(plan=version):
            assert document.sha256 in history.text


@pytest.mark.django_db
def test_a_review_records_progress_against_an_issued_plan_without_changing_it() -> None:
    area = factories.area_create()
    plan = _issued(area)
    outcomes = live_outcomes(plan)
    revised = area.thread.outcome
    entries = [
        ProgressEntry(
            outcome=o,
            gas_level=0,
            decision=OutcomeDecision.REVISE if o.pk == revised.pk else OutcomeDecision.CONTINUE,
            new_text=NEW_WORDS if o.pk == revised.pk else "",
        )
        for o in outcomes
    ]
    before = _counts(plan)
    review_record(
        plan=plan,
        user=area.coordinator,
        details=ReviewDetails(kind=ReviewKind.ANNUAL, meeting_on=dt.date.today(), decision="amend"),
        progress=entries,
    )
    assert _counts(plan) == before
    assert Outcome.objects.get(pk=revised.pk).text == revised.text
    assert OutcomeProgress.objects.filter(outcome__plan=plan).count() == len(outcomes)
    draft = Plan.objects.get(previous_version=plan)
    assert draft.status == PlanStatus.DRAFT
    assert list(
        draft.outcomes.filter(archived_at__isnull=True, text=NEW_WORDS).values_list(
            "text", flat=True
        )
    ) == [NEW_WORDS]


@pytest.mark.django_db
def test_a_stale_quality_verdict_on_an_issued_plan_is_judged_again_and_nothing_else_changes() -> (
    None
):
    """The verdict is worked out from the words (issue 15), not what the plan says: the database
    lets the nightly re-judging write it, and still refuses the words and the rest."""
    from goldenthread.web.quality_jobs import rejudge_stale_verdicts

    area = factories.area_create()
    plan = _issued(area)
    outcome = Outcome.objects.filter(plan=plan).first()
    assert outcome is not None
    Outcome.objects.filter(pk=outcome.pk).update(quality_engine="an-old-engine")
    assert rejudge_stale_verdicts() >= 1
    judged = Outcome.objects.get(pk=outcome.pk)
    assert judged.quality_engine not in {"", "an-old-engine"}
    assert judged.text == outcome.text
    _refused(
        lambda: Outcome.objects.filter(pk=outcome.pk).update(
            quality_engine="x", text="Changed with the verdict"
        )
    )
