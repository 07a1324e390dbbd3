"""A plan's review schedule, recording a review, and the dates after the meeting."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from goldenthread.web.plans.models import Outcome, Plan
from goldenthread.web.plans.quality import quality_preview
from goldenthread.web.plans.selectors import plan_get_checked, plan_get_for
from goldenthread.web.plans.services.common import ConcurrentEditError
from goldenthread.web.plans.views.common import AuthedRequest, render
from goldenthread.web.reviews.forms import (
    PROFESSIONAL_SLOTS,
    AfterMeetingForm,
    ContributionForm,
    GasLevelsForm,
    ProgressForm,
    ReviewForm,
)
from goldenthread.web.reviews.models import OutcomeGasLevels
from goldenthread.web.reviews.selectors import review_get, reviews_for_plan
from goldenthread.web.reviews.services.after import outcome_gas_levels_save, review_after_save
from goldenthread.web.reviews.services.record import (
    ContributionEntry,
    ProgressEntry,
    ReviewDetails,
    ReviewError,
    gas_settings,
    live_outcomes,
    review_record,
)
from goldenthread.web.reviews.services.schedule import plan_deadlines
from goldenthread.web.reviews.views.common import (
    STATE_WORDS,
    days_words,
    deadline_words,
    require_change,
)


def plan_reviews(request: AuthedRequest, plan_id: int) -> HttpResponse:
    """Every deadline for the plan (worked out now) and the reviews held so far."""
    plan = plan_get_checked(request, plan_id)
    today = timezone.localdate()
    return render(
        request,
        "reviews/plan.html",
        title="Reviews and deadlines",
        plan=plan,
        child=plan.child,
        deadlines=plan_deadlines(plan, today=today),
        reviews=list(reviews_for_plan(plan)),
        words=deadline_words,
        states=STATE_WORDS,
        days_words=days_words,
        can_change=getattr(request, "child_access", None) is not None
        and request.child_access.can_change_plan,  # type: ignore[attr-defined]
        back=("child", plan.child_id),
    )


def _review_forms(request: AuthedRequest, plan: Plan) -> dict[str, Any]:
    data = request.POST if request.method == "POST" else None
    outcomes = live_outcomes(plan)
    return {
        "review": ReviewForm(data),
        "professionals": [
            ContributionForm(data, prefix=f"pro{n}") for n in range(1, PROFESSIONAL_SLOTS + 1)
        ],
        "progress": [ProgressForm(data, prefix=f"o{o.pk}", outcome=o) for o in outcomes],
    }


def _gas_hints(form: ProgressForm) -> dict[str, str]:
    return {key: text for key, text in gas_settings(form.outcome).levels.items() if text}


@require_http_methods(["GET", "POST"])
def review_add(request: AuthedRequest, plan_id: int) -> HttpResponse:
    require_change(request)
    plan = plan_get_for(request.user, plan_id)
    forms_ = _review_forms(request, plan)
    every = [forms_["review"], *forms_["professionals"], *forms_["progress"]]
    checks: dict[int, Any] = {}
    if request.method == "POST":
        valid = all([f.is_valid() for f in every])  # noqa: C419 - validate every form
        if request.POST.get("action") == "check":
            checks = _quality_checks(plan, forms_["progress"])
        elif valid:
            try:
                review = _save(request, plan, forms_)
            except ReviewError as error:
                forms_["review"].add_error(None, str(error))
            else:
                messages.success(request, "Review saved. The next review date is updated.")
                return redirect("review", plan_id=plan.pk, review_id=review.pk)
    return render(
        request,
        "reviews/review_form.html",
        title="Record a review",
        plan=plan,
        forms=forms_,
        forms_=tuple(every),
        checks=checks,
        gas_hints=_gas_hints,
        back=("plan-reviews", plan.pk),
    )


def _quality_checks(plan: Plan, progress: list[ProgressForm]) -> dict[int, Any]:
    """What the quality engine says about each new outcome's words (nothing is saved)."""
    found = {}
    for form in progress:
        text = str(form.data.get(f"{form.prefix}-new_text", ""))
        preview = quality_preview(text, plan=plan)
        if preview is not None:
            found[form.outcome.pk] = preview
    return found


def _save(request: AuthedRequest, plan: Plan, forms_: dict[str, Any]) -> Any:
    data = forms_["review"].cleaned_data
    details = ReviewDetails(
        kind=data["kind"],
        meeting_on=data["meeting_on"],
        decision=data["decision"],
        invited=data["invited"],
        invitations_sent_on=data["invitations_sent_on"],
        child_views=data["child_views"],
        parent_views=data["parent_views"],
        decision_made_on=data["decision_made_on"],
    )
    contributions = [
        ContributionEntry(f.cleaned_data["name"], f.cleaned_data["role"], f.cleaned_data["text"])
        for f in forms_["professionals"]
        if f.cleaned_data.get("text")
    ]
    progress = [ProgressEntry(outcome=f.outcome, **f.cleaned_data) for f in forms_["progress"]]
    return review_record(
        plan=plan,
        user=request.user,
        details=details,
        progress=progress,
        contributions=contributions,
    )


@require_http_methods(["GET", "POST"])
def review_after(request: AuthedRequest, plan_id: int, review_id: int) -> HttpResponse:
    require_change(request)
    plan = plan_get_for(request.user, plan_id)
    review = review_get(plan, review_id)
    initial = {
        "row_version": review.row_version,
        "report_sent_on": review.report_sent_on,
        "decision": review.decision,
        "decision_made_on": review.decision_made_on,
        "amended_plan_issued_on": review.amended_plan_issued_on,
    }
    form = AfterMeetingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "row_version"}
        try:
            review_after_save(
                review=review,
                user=request.user,
                fields=fields,
                expected_version=form.cleaned_data["row_version"],
            )
        except ConcurrentEditError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Saved. The deadlines are updated.")
            return redirect("plan-reviews", plan_id=plan.pk)
    return render(
        request,
        "plans/form.html",
        title="After the meeting",
        lead="Record when the report went out, the local authority's decision and the "
        "changed plan. The deadlines are worked out again when you save.",
        plan=plan,
        form=form,
        forms_=(form,),
        back=("review", plan.pk, review.pk),
    )


@require_http_methods(["GET", "POST"])
def outcome_gas_levels(request: AuthedRequest, plan_id: int, outcome_id: int) -> HttpResponse:
    require_change(request)
    plan = plan_get_for(request.user, plan_id)
    outcome = get_object_or_404(Outcome, plan=plan, pk=outcome_id, archived_at__isnull=True)
    levels = gas_settings(outcome)
    initial: dict[str, Any] = {"baseline": str(levels.baseline), "weight": levels.weight}
    initial.update({f"level_{key}": text for key, text in levels.levels.items()})
    form = GasLevelsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        descriptions = {
            name.removeprefix("level_"): data[name] for name in data if name.startswith("level_")
        }
        if levels.pk is None:
            levels = OutcomeGasLevels(outcome=outcome)
        outcome_gas_levels_save(
            levels=levels,
            descriptions=descriptions,
            baseline=data["baseline"],
            weight=data["weight"],
        )
        messages.success(request, "Saved what each level would look like.")
        return redirect("plan-reviews", plan_id=plan.pk)
    return render(
        request,
        "plans/form.html",
        title="What each level would look like",
        lead=f"Outcome: {outcome.text}",
        plan=plan,
        form=form,
        forms_=(form,),
        back=("plan-reviews", plan.pk),
    )
