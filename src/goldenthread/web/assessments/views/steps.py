"""Each step of an assessment: one form page per step, each calling its service."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods

from goldenthread.web.assessments import forms as f
from goldenthread.web.assessments import services as s
from goldenthread.web.assessments.models import AdviceRequest, Assessment, ClockException
from goldenthread.web.assessments.selectors import assessment_get
from goldenthread.web.assessments.views.common import errors_onto, require_change
from goldenthread.web.plans.views.common import AuthedRequest, render


@dataclass(frozen=True)
class Step:
    title: str
    form: type[forms.Form]
    save: Callable[[Assessment, AuthedRequest, dict[str, Any]], object]
    done: str
    # service field name -> form field name, for errors named by the service
    fields: dict[str, str]


def _request_decide(a: Assessment, r: AuthedRequest, d: dict[str, Any]) -> object:
    return s.request_decide(
        a, user=r.user, outcome=d["outcome"], on=d["decided_on"], reason=d["reason"]
    )


def _advice_add(a: Assessment, r: AuthedRequest, d: dict[str, Any]) -> object:
    return s.advice_request_add(
        a,
        user=r.user,
        service=d["service"],
        service_name=d["service_name"],
        requested_on=d["requested_on"],
        adviser=d["adviser"],
    )


def _issue_decide(a: Assessment, r: AuthedRequest, d: dict[str, Any]) -> object:
    return s.issue_decide(
        a, user=r.user, outcome=d["outcome"], on=d["decided_on"], reason=d["reason"]
    )


def _draft_sent(a: Assessment, r: AuthedRequest, d: dict[str, Any]) -> object:
    return s.draft_sent_record(a, user=r.user, sent_on=d["sent_on"], served_by=d["served_by"])


def _views(a: Assessment, r: AuthedRequest, d: dict[str, Any]) -> object:
    return s.family_views_record(
        a,
        user=r.user,
        received_on=d["received_on"],
        views=d["views"],
        preferred_setting_name=d["preferred_setting_name"],
        meeting_requested=d["meeting_requested"],
    )


def _final(a: Assessment, r: AuthedRequest, d: dict[str, Any]) -> object:
    return s.final_plan_issue(a, user=r.user, issued_on=d["issued_on"])


def _exception(a: Assessment, r: AuthedRequest, d: dict[str, Any]) -> object:
    return s.exception_add(
        a,
        user=r.user,
        reason=d["reason"],
        starts_on=d["starts_on"],
        ends_on=d["ends_on"],
        note=d["note"],
    )


def _withdraw(a: Assessment, r: AuthedRequest, d: dict[str, Any]) -> object:
    return s.assessment_withdraw(a, user=r.user, on=d["on"], reason=d["reason"])


STEPS: dict[str, Step] = {
    "decide-request": Step(
        "Decide whether to assess",
        f.RequestDecisionForm,
        _request_decide,
        "Decision recorded",
        {"request_outcome_on": "decided_on", "not_assess_reason": "reason"},
    ),
    "advice-request": Step(
        "Ask for advice",
        f.AdviceRequestForm,
        _advice_add,
        "Advice asked for",
        {},
    ),
    "decide-plan": Step(
        "Decide whether to issue a plan",
        f.IssueDecisionForm,
        _issue_decide,
        "Decision recorded",
        {"assessment_outcome_on": "decided_on", "not_issue_reason": "reason"},
    ),
    "draft-sent": Step(
        "Record that the draft plan was sent", f.DraftSentForm, _draft_sent, "Saved", {}
    ),
    "family-views": Step(
        "The family's views on the draft",
        f.FamilyViewsForm,
        _views,
        "Views recorded",
        {"views_received_on": "received_on"},
    ),
    "final-plan": Step("Issue the final plan", f.FinalPlanForm, _final, "Final plan issued", {}),
    "exception": Step(
        "Record a reason the time limit cannot be kept",
        f.ExceptionForm,
        _exception,
        "Exception recorded",
        {},
    ),
    "withdraw": Step(
        "Withdraw or stop the assessment",
        f.WithdrawForm,
        _withdraw,
        "Assessment closed",
        {"withdrawn_on": "on", "withdrawn_reason": "reason"},
    ),
}


@require_http_methods(["GET", "POST"])
def assessment_step(
    request: AuthedRequest, child_id: int, assessment_id: int, step: str
) -> HttpResponse:
    require_change(request)
    chosen = STEPS.get(step)
    if chosen is None:
        raise Http404
    assessment = assessment_get(child_id, assessment_id)
    form = chosen.form(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            chosen.save(assessment, request, form.cleaned_data)
        except ValidationError as error:
            errors_onto(form, error, chosen.fields)
        except (ValueError, PermissionError) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, chosen.done)
            return redirect("assessment", child_id, assessment_id)
    return render(
        request,
        "assessments/step.html",
        title=chosen.title,
        assessment=assessment,
        child=assessment.child,
        form=form,
        forms_=(form,),
        back=("assessment", child_id, assessment_id),
    )


@require_http_methods(["GET", "POST"])
def advice_received(
    request: AuthedRequest, child_id: int, assessment_id: int, advice_id: int
) -> HttpResponse:
    """Advice that came in outside Golden Thread: record the date it arrived."""
    require_change(request)
    assessment = assessment_get(child_id, assessment_id)
    advice = get_object_or_404(AdviceRequest, pk=advice_id, assessment=assessment)
    form = f.AdviceReceivedForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            s.advice_received_record(
                advice, user=request.user, received_on=form.cleaned_data["received_on"]
            )
        except ValidationError as error:
            errors_onto(form, error, {})
        else:
            messages.success(request, "Date the advice came in recorded")
            return redirect("assessment", child_id, assessment_id)
    return render(
        request,
        "assessments/step.html",
        title=f"When did the {advice.service_name or advice.get_service_display()} advice come in",
        assessment=assessment,
        child=assessment.child,
        form=form,
        forms_=(form,),
        back=("assessment", child_id, assessment_id),
    )


@require_http_methods(["GET", "POST"])
def exception_end_view(
    request: AuthedRequest, child_id: int, assessment_id: int, exception_id: int
) -> HttpResponse:
    require_change(request)
    assessment = assessment_get(child_id, assessment_id)
    exception = get_object_or_404(ClockException, pk=exception_id, assessment=assessment)
    form = f.AdviceReceivedForm(request.POST if request.method == "POST" else None)
    form.fields["received_on"].label = "Date it ended"
    if request.method == "POST" and form.is_valid():
        try:
            s.exception_end(exception, user=request.user, ends_on=form.cleaned_data["received_on"])
        except ValidationError as error:
            errors_onto(form, error, {"ends_on": "received_on"})
        else:
            messages.success(request, "Exception ended")
            return redirect("assessment", child_id, assessment_id)
    return render(
        request,
        "assessments/step.html",
        title="When did it end",
        assessment=assessment,
        child=assessment.child,
        form=form,
        forms_=(form,),
        back=("assessment", child_id, assessment_id),
    )
