"""Recording a review: progress per outcome, revised outcomes, new targets, the plan's decision,
the T-score, and the schedule and late lists that follow."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from goldenthread.core.reviews import gas_t_score
from goldenthread.web.plans.models import Outcome, Step
from goldenthread.web.reviews.forms import CHOOSE_GAS, NEW_WORDS
from goldenthread.web.reviews.models import OutcomeProgress, PlanDeadline, Review
from tests.web.conftest import PageClient
from tests.web.factories import Area
from tests.web.reviews_helpers import CHILD_WORDS, NEW_STEP, REVISED, make_late, review_post

pytestmark = pytest.mark.django_db


def test_late_plan_leaves_the_late_lists_once_reviewed(
    coordinator_page: PageClient, area: Area
) -> None:
    plan = make_late(area.thread.plan)
    mine = coordinator_page.get("/reviews/late/")
    assert area.child.full_name in mine.text
    assert "Hold the next review meeting" in mine.text
    area_list = coordinator_page.get("/reviews/late/area/")
    assert area.child.full_name in area_list.text

    response = coordinator_page.post(f"/plans/{plan.pk}/reviews/new/", review_post(plan))
    assert response.redirect_url.startswith(f"/plans/{plan.pk}/reviews/")

    plan.refresh_from_db()
    today = timezone.localdate()
    assert plan.last_reviewed_on == today
    assert plan.next_review_due == today.replace(year=today.year + 1)
    assert not PlanDeadline.objects.filter(plan=plan, kind="next_review", due__lt=today).exists()
    after = coordinator_page.get("/reviews/late/")
    assert "Hold the next review meeting" not in after.text
    schedule = coordinator_page.get(f"/plans/{plan.pk}/reviews/")
    shown = schedule.html.select_one("#next-review-due")
    assert shown is not None
    assert plan.next_review_due is not None
    assert shown.get_text(strip=True) == f"{plan.next_review_due.day} {plan.next_review_due:%B %Y}"


def test_progress_is_saved_for_every_outcome(coordinator_page: PageClient, area: Area) -> None:
    plan = area.thread.plan
    levels = {area.thread.outcome.pk: 1, area.thread.unhelped_outcome.pk: -1}
    coordinator_page.post(f"/plans/{plan.pk}/reviews/new/", review_post(plan, levels=levels))
    review = Review.objects.get(plan=plan)
    saved = {p.outcome_id: p for p in OutcomeProgress.objects.filter(review=review)}
    assert {k: p.gas_level for k, p in saved.items()} == levels
    assert saved[area.thread.outcome.pk].achievement_status == "achieved"
    assert saved[area.thread.unhelped_outcome.pk].achievement_status == "no-change"
    assert review.child_views == CHILD_WORDS
    assert review.contributions.get().name == "Ms Patel"


def test_t_score_shown_matches_the_core(coordinator_page: PageClient, area: Area) -> None:
    plan = area.thread.plan
    levels = {area.thread.outcome.pk: 2, area.thread.unhelped_outcome.pk: -1}
    response = coordinator_page.post(
        f"/plans/{plan.pk}/reviews/new/", review_post(plan, levels=levels)
    )
    report = coordinator_page.follow(response)
    expected = gas_t_score([2, -1])
    shown = report.html.select_one("#t-score")
    assert shown is not None
    assert shown.get_text() == f"{expected:.1f}"
    progress = coordinator_page.get(f"/children/{area.child.pk}/progress/")
    assert f"{expected:.1f}" in progress.text
    assert progress.html.select_one("svg.gt-chart title") is not None
    assert progress.html.select_one("svg.gt-chart desc") is not None


def test_revised_outcome_is_a_new_version_and_the_old_is_kept(
    coordinator_page: PageClient, area: Area
) -> None:
    plan = area.thread.plan
    old = area.thread.outcome
    coordinator_page.post(f"/plans/{plan.pk}/reviews/new/", review_post(plan, revise=old))
    old.refresh_from_db()
    assert old.archived_at is not None
    new = Outcome.objects.get(plan=plan, text=REVISED)
    assert new.archived_at is None
    assert set(new.needs.all()) == set(old.needs.all())
    assert new in area.thread.help.outcomes.all()
    progress = OutcomeProgress.objects.get(outcome=old)
    assert progress.new_outcome == new
    assert progress.decision == "revise"
    assert old.history.count() >= 2


def test_new_target_is_created(coordinator_page: PageClient, area: Area) -> None:
    plan = area.thread.plan
    outcome = area.thread.unhelped_outcome
    coordinator_page.post(f"/plans/{plan.pk}/reviews/new/", review_post(plan, step_for=outcome))
    step = Step.objects.get(outcome=outcome, text=NEW_STEP)
    assert step.due_date == dt.date(timezone.localdate().year + 1, 3, 1)


def test_plan_decision_is_recorded_and_sets_the_amended_plan_deadline(
    coordinator_page: PageClient, area: Area
) -> None:
    plan = area.thread.plan
    coordinator_page.post(f"/plans/{plan.pk}/reviews/new/", review_post(plan, decision="amend"))
    review = Review.objects.get(plan=plan)
    assert review.decision == "amend"
    assert PlanDeadline.objects.filter(plan=plan, kind="amended_plan").exists()
    assert not PlanDeadline.objects.filter(plan=plan, kind="la_decision").exists()


def test_missing_answers_show_an_error_summary(coordinator_page: PageClient, area: Area) -> None:
    plan = area.thread.plan
    data = review_post(plan, revise=area.thread.outcome)
    del data[f"o{area.thread.unhelped_outcome.pk}-gas_level"]
    data[f"o{area.thread.outcome.pk}-new_text"] = ""
    page = coordinator_page.post(f"/plans/{plan.pk}/reviews/new/", data, status=400)
    links = {a["href"]: a.get_text(strip=True) for a in page.html.select(".govuk-error-summary a")}
    assert links[f"#o{area.thread.unhelped_outcome.pk}-gas_level"] == CHOOSE_GAS
    assert links[f"#o{area.thread.outcome.pk}-new_text"] == NEW_WORDS
    assert not Review.objects.exists()


def test_check_button_shows_the_quality_check_without_saving(
    coordinator_page: PageClient, area: Area
) -> None:
    plan = area.thread.plan
    data = {**review_post(plan, revise=area.thread.outcome), "action": "check"}
    page = coordinator_page.post(f"/plans/{plan.pk}/reviews/new/", data, status=200)
    assert "Check of the new words" in page.text
    assert not Review.objects.exists()


def test_the_check_says_what_the_judge_is_unsure_of(
    coordinator_page: PageClient, area: Area
) -> None:
    plan, outcome = area.thread.plan, area.thread.outcome
    data = {**review_post(plan, revise=outcome), "action": "check"}
    # The learned judge is unsure whether this says exactly what will change.
    data[f"o{outcome.pk}-new_text"] = "Sam will take part in group work in class."
    page = coordinator_page.post(f"/plans/{plan.pk}/reviews/new/", data, status=200)
    unsure = page.html.select_one(f"#check-{outcome.pk} .gt-second-look")
    assert unsure is not None
    assert "whether it says exactly what will change" in unsure.get_text()


@pytest.mark.parametrize(
    "url",
    [
        "/plans/{plan}/reviews/",
        "/plans/{plan}/reviews/new/",
        "/plans/{plan}/reviews/{review}/",
        "/plans/{plan}/reviews/{review}/report.pdf",
        "/plans/{plan}/reviews/{review}/after/",
        "/plans/{plan}/outcomes/{outcome}/gas-levels/",
        "/children/{child}/progress/",
    ],
)
def test_someone_with_no_reason_to_see_the_child_gets_not_found(
    page: PageClient, area: Area, url: str
) -> None:
    plan = area.thread.plan
    page.sign_in(area.coordinator)
    page.post(f"/plans/{plan.pk}/reviews/new/", review_post(plan))
    review = Review.objects.get(plan=plan)
    page.sign_in(area.stranger)
    address = url.format(
        plan=plan.pk, review=review.pk, outcome=area.thread.outcome.pk, child=area.child.pk
    )
    page.get(address, status=404)
