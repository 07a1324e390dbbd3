"""EHC needs assessments through the pages: each step, the clock, advice into the draft plan,
letters, the late lists, the home, the audit trail and who may see what."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from goldenthread.web.access.models import AuditEvent
from goldenthread.web.accounts.models import Role
from goldenthread.web.assessments.models import AdvicePart, AdviceRequest, Assessment
from goldenthread.web.plans.models import Outcome, PlanStatus
from tests.web import factories

pytestmark = pytest.mark.django_db
OUTCOME = "By July 2027 Ada will start a conversation with a friend at play time"


def _date(prefix: str, day: dt.date) -> dict[str, str]:
    return {
        f"{prefix}-day": str(day.day),
        f"{prefix}-month": str(day.month),
        f"{prefix}-year": str(day.year),
    }


def go(page, url, data):
    """Post, and follow the redirect as a browser would (so the message is shown once)."""
    return page.follow(page.post(url, data))


def _step(child_id: int, assessment_id: int, step: str) -> str:
    return reverse("assessment-step", args=[child_id, assessment_id, step])


def _log(page, child, received):
    response = go(
        page,
        reverse("assessment-new", args=[child.pk]),
        {**_date("received_on", received), "source": "setting", "detail": "SENCO"},
    )
    return Assessment.objects.get(child=child), response


def test_whole_assessment_to_a_plan_in_week_19(page, area):
    today = timezone.localdate()
    r = today - dt.timedelta(days=133)
    page.sign_in(area.coordinator)
    child = area.child
    assessment, _ = _log(page, child, r)
    assert assessment.stage == "requested"
    assert assessment.next_due_on == r + dt.timedelta(weeks=6)
    assert assessment.sen2_request_source == "2"
    go(
        page,
        _step(child.pk, assessment.pk, "decide-request"),
        {"outcome": "assess", **_date("decided_on", r + dt.timedelta(days=30))},
    )
    advisers = [
        factories.user_create(role=role, organisation=area.local_authority)
        for role in (Role.EDUCATION, Role.HEALTH, Role.SOCIAL_CARE)
    ]
    for service, name, adviser in zip(
        ("education", "health", "social_care"),
        ("Brook Lane Primary", "Speech and language therapy", "Children's social care"),
        advisers,
        strict=True,
    ):
        go(
            page,
            _step(child.pk, assessment.pk, "advice-request"),
            {
                "service": service,
                "service_name": name,
                "adviser": str(adviser.pk),
                **_date("requested_on", r + dt.timedelta(days=31)),
            },
        )
    advice = list(AdviceRequest.objects.filter(assessment=assessment).order_by("pk"))
    assert [a.due_on for a in advice] == [r + dt.timedelta(days=31 + 42)] * 3
    # Two advisers give their advice on time, in Golden Thread.
    for adviser, item, days in zip(advisers[:2], advice[:2], (60, 70), strict=True):
        page.sign_in(adviser)
        home = page.get("/")
        assert "give your advice" in home.text
        give = reverse("advice-give", args=[child.pk, assessment.pk, item.pk])
        checked = page.post(
            give,
            {
                "needs_seen": "Finds it hard to join in",
                "need_1": "Ada finds it hard to start a conversation",
                "need_1_area": "communication_and_interaction",
                "outcome_1": OUTCOME,
                "action": "check",
            },
            status=200,
        )
        assert "SMART" in checked.text
        go(
            page,
            give,
            {
                "needs_seen": "Finds it hard to join in",
                "need_1": "Ada finds it hard to start a conversation",
                "need_1_area": "communication_and_interaction",
                "outcome_1": OUTCOME,
                "provision_1": "Speech and language therapy, 30 minutes weekly",
                **_date("given_on", r + dt.timedelta(days=days)),
                "action": "send",
            },
        )
    # The third is late, and shows on the coordinator's late list.
    page.sign_in(area.coordinator)
    late = page.get(reverse("assessments-late"))
    assert child.full_name in late.text
    assessment.refresh_from_db()
    assert assessment.next_due_on == r + dt.timedelta(days=73)
    page.sign_in(advisers[2])
    go(
        page,
        reverse("advice-give", args=[child.pk, assessment.pk, advice[2].pk]),
        {
            "outcome_1": "By July 2027 Ada will go to a club after school once a week",
            **_date("given_on", r + dt.timedelta(days=80)),
            "action": "send",
        },
    )
    page.sign_in(area.coordinator)
    detail = page.get(reverse("assessment", args=[child.pk, assessment.pk]))
    assert "Done late" in detail.text
    for item in advice:
        go(
            page,
            reverse("advice-decide", args=[child.pk, assessment.pk, item.pk]),
            {f"d{item.pk}-decision": "accept"},
        )
    assessment.refresh_from_db()
    draft = assessment.draft_plan
    assert draft is not None and draft.status == PlanStatus.DRAFT
    outcomes = Outcome.objects.filter(plan=draft)
    assert outcomes.count() == 3
    assert all("advice for the EHC needs assessment" in o.proposed_service for o in outcomes)
    assert AdvicePart.objects.filter(plan_outcome__in=outcomes).count() == 3
    go(
        page,
        _step(child.pk, assessment.pk, "decide-plan"),
        {"outcome": "plan", **_date("decided_on", r + dt.timedelta(days=95))},
    )
    go(
        page,
        _step(child.pk, assessment.pk, "draft-sent"),
        {"served_by": "email", **_date("sent_on", r + dt.timedelta(days=100))},
    )
    go(
        page,
        _step(child.pk, assessment.pk, "family-views"),
        {
            "views": "We agree, and we would like Brook Lane to be named",
            "preferred_setting_name": "Brook Lane Primary",
            **_date("received_on", r + dt.timedelta(days=110)),
        },
    )
    go(
        page,
        _step(child.pk, assessment.pk, "final-plan"),
        _date("issued_on", r + dt.timedelta(days=130)),
    )
    assessment.refresh_from_db()
    assert assessment.stage == "issued"
    assert assessment.plan_id == draft.pk
    assert assessment.plan.status == PlanStatus.FINAL
    assert assessment.plan.issued_on == r + dt.timedelta(days=130)
    detail = page.get(reverse("assessment", args=[child.pk, assessment.pk]))
    assert "in week 19" in detail.text
    # Every step is on the audit trail, with the person and the child.
    logged = AuditEvent.objects.filter(child_id=child.pk, object_type="assessment")
    assert logged.filter(action="create").count() == 1
    assert logged.filter(action="update").count() >= 5
    assert AuditEvent.objects.filter(object_type="advicerequest", child_id=child.pk).exists()


def test_bad_dates_are_refused_naming_the_field(page, area):
    page.sign_in(area.coordinator)
    future = timezone.localdate() + dt.timedelta(days=3)
    bad = page.post(
        reverse("assessment-new", args=[area.child.pk]),
        {**_date("received_on", future), "source": "parent"},
        status=400,
    )
    assert "cannot be in the future" in bad.text
    assert not Assessment.objects.exists()
    assessment, _ = _log(page, area.child, timezone.localdate() - dt.timedelta(days=20))
    before = page.post(
        _step(area.child.pk, assessment.pk, "decide-request"),
        {"outcome": "assess", **_date("decided_on", timezone.localdate() - dt.timedelta(days=30))},
        status=400,
    )
    assert "cannot be before the date the request was received" in before.text
    assessment.refresh_from_db()
    assert assessment.request_outcome == ""


def test_refusal_needs_reasons_and_makes_a_letter(page, area):
    page.sign_in(area.coordinator)
    assessment, _ = _log(page, area.child, timezone.localdate() - dt.timedelta(days=20))
    step = _step(area.child.pk, assessment.pk, "decide-request")
    on = _date("decided_on", timezone.localdate())
    page.post(step, {"outcome": "not_assess", **on}, status=400)
    go(page, step, {"outcome": "not_assess", "reason": "The school's support is working", **on})
    letter = page.get(
        reverse("assessment-letter", args=[area.child.pk, assessment.pk, "not-assess"])
    )
    assert "The school's support is working" in letter.text
    assert "within 2 months" in letter.text
    page.get(
        reverse("assessment-letter", args=[area.child.pk, assessment.pk, "no-plan"]), status=404
    )


def test_only_people_with_a_reason_see_an_assessment(page, area):
    page.sign_in(area.coordinator)
    assessment, _ = _log(page, area.child, timezone.localdate() - dt.timedelta(days=60))
    url = reverse("assessment", args=[area.child.pk, assessment.pk])
    page.sign_in(area.stranger)
    page.get(url, status=404)
    assert area.child.full_name not in page.get(reverse("assessments-late")).text
    # The wrong child in the address does not open another child's assessment either.
    page.get(reverse("assessment", args=[area.other_child.pk, assessment.pk]), status=404)
    parent = factories.user_create(role=Role.PARENT)
    page.sign_in(parent)
    page.get(reverse("assessments-late"), status=403)
    refused = AuditEvent.objects.filter(person=area.stranger, child_id=area.child.pk)
    assert refused.filter(result="refused").exists()


def test_late_list_and_home_show_the_late_step(page, area):
    page.sign_in(area.coordinator)
    _log(page, area.child, timezone.localdate() - dt.timedelta(days=50))
    home = page.get("/")
    assert "decide whether to assess" in home.text
    late = page.get(reverse("assessments-late"))
    assert "8 days late" in late.text
    team = page.get(reverse("assessments-late"), data={"scope": "team"})
    assert area.child.full_name in team.text


def test_an_open_exception_takes_it_off_the_late_list(page, area):
    page.sign_in(area.coordinator)
    assessment, _ = _log(page, area.child, timezone.localdate() - dt.timedelta(days=50))
    go(
        page,
        _step(area.child.pk, assessment.pk, "exception"),
        {
            "reason": "personal_circumstances",
            **_date("starts_on", timezone.localdate() - dt.timedelta(days=45)),
        },
    )
    assessment.refresh_from_db()
    assert assessment.next_due_on is None
    assert assessment.week20_exceptions
    assert area.child.full_name not in page.get(reverse("assessments-late")).text
