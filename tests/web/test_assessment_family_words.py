"""The family's words are given once and reused: professionals asked for advice see them, and
they are carried into the draft plan's Section A naming where they came from, once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from goldenthread.web.accounts.models import Role
from goldenthread.web.assessments import services
from goldenthread.web.assessments.advice import PartEntry, advice_decide, advice_give
from goldenthread.web.assessments.models import FamilyWordsCarried
from goldenthread.web.plans.selectors import golden_thread_get
from goldenthread.web.workspace.document import plan_document
from tests.web import factories

pytestmark = pytest.mark.django_db
LIKED = "Ada is kind and notices when friends are sad"
STORY = "Ada loved nursery and found the move to Year 1 hard"


def _assessment_with_advice(area, adviser):
    today = timezone.localdate()
    start = today - dt.timedelta(days=60)
    assessment = services.assessment_request_log(
        child=area.child, user=area.coordinator, received_on=start, source="parent"
    )
    services.request_decide(
        assessment, user=area.coordinator, outcome="assess", on=start + dt.timedelta(days=10)
    )
    advice = services.advice_request_add(
        assessment,
        user=area.coordinator,
        service="education",
        service_name="Brook Lane Primary",
        requested_on=start + dt.timedelta(days=11),
        adviser=adviser,
    )
    return assessment, advice


def _give_and_accept(area, advice, adviser):
    advice_give(
        advice,
        user=adviser,
        needs_seen="Finds it hard to join in",
        summary="",
        parts=[PartEntry("provision", "Small group talk, 3 times a week")],
        given_on=timezone.localdate(),
    )
    advice.refresh_from_db()
    advice_decide(advice, user=area.coordinator, accept=True)


def test_the_adviser_sees_all_about_me_and_is_told_not_to_ask_again(page, area):
    factories.all_about_me_create(child=area.child, liked_about_me=LIKED, my_story=STORY)
    adviser = factories.user_create(role=Role.EDUCATION, organisation=area.local_authority)
    assessment, advice = _assessment_with_advice(area, adviser)
    page.sign_in(adviser)
    shown = page.get(reverse("advice-give", args=[area.child.pk, assessment.pk, advice.pk]))
    assert LIKED in shown.text and STORY in shown.text
    assert "do not ask them to tell it again" in shown.text
    assert "From all about me" in shown.text


def test_the_coordinator_is_offered_to_write_it_only_when_not_given(page, area):
    adviser = factories.user_create(role=Role.EDUCATION, organisation=area.local_authority)
    assessment, _ = _assessment_with_advice(area, adviser)
    page.sign_in(area.coordinator)
    url = reverse("assessment", args=[area.child.pk, assessment.pk])
    assert "Write it down with them once" in page.get(url).text
    factories.all_about_me_create(child=area.child, liked_about_me=LIKED)
    shown = page.get(url)
    assert "Write it down with them once" not in shown.text
    assert LIKED in shown.text


def test_words_are_carried_into_section_a_once_with_their_source(area):
    factories.all_about_me_create(child=area.child, liked_about_me=LIKED, my_story=STORY)
    adviser = factories.user_create(role=Role.EDUCATION, organisation=area.local_authority)
    assessment, advice = _assessment_with_advice(area, adviser)
    _give_and_accept(area, advice, adviser)
    assessment.refresh_from_db()
    plan = assessment.draft_plan
    carried = FamilyWordsCarried.objects.filter(plan=plan)
    assert sorted(carried.values_list("field", flat=True)) == ["liked_about_me", "my_story"]
    assert {c.source for c in carried} == {"all_about_me"}
    # Carrying again (more advice accepted) adds nothing.
    second = services.advice_request_add(
        assessment,
        user=area.coordinator,
        service="health",
        service_name="Speech and language therapy",
        requested_on=timezone.localdate() - dt.timedelta(days=40),
        adviser=adviser,
    )
    _give_and_accept(area, second, adviser)
    assert FamilyWordsCarried.objects.filter(plan=plan).count() == 2
    # The family's views on the draft are carried too, once.
    services.issue_decide(
        assessment, user=area.coordinator, outcome="plan", on=timezone.localdate()
    )
    assessment.refresh_from_db()
    services.draft_sent_record(
        assessment, user=area.coordinator, sent_on=timezone.localdate(), served_by="email"
    )
    assessment.refresh_from_db()
    services.family_views_record(
        assessment,
        user=area.coordinator,
        received_on=timezone.localdate(),
        views="We agree with the plan",
        preferred_setting_name="",
        meeting_requested=False,
    )
    views = FamilyWordsCarried.objects.get(plan=plan, source="family_views")
    assert views.text == "We agree with the plan"
    assert views.source_note.startswith("From the family's views on the draft plan, given on")
    # Section A names where each came from.
    document = plan_document(
        golden_thread_get(plan, accepted_only=True),
        about=area.child.all_about_me,
        carried=list(FamilyWordsCarried.objects.filter(plan=plan)),
    )
    section_a = document.sections[0]
    about = next(g for g in section_a.groups if g.heading == "All about me")
    assert all(e.notes and e.notes[0].startswith("From all about me") for e in about.entries)
    family = next(g for g in section_a.groups if g.heading == "The family's views")
    assert family.entries[0].text == "We agree with the plan"
