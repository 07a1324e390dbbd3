"""Logging a request, an assessment's own page, and the late and at-risk lists."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from goldenthread.core.vocabulary import PlanKind
from goldenthread.web.accounts.models import PROFESSIONAL_ROLES
from goldenthread.web.assessments.advice import may_decide, may_give, outcome_check
from goldenthread.web.assessments.choices import AdvicePartKind, AdviceStatus, AssessmentStage
from goldenthread.web.assessments.clock import clock_for
from goldenthread.web.assessments.family_words import carried_into, family_words
from goldenthread.web.assessments.forms import AdviceDecisionForm, RequestForm
from goldenthread.web.assessments.selectors import (
    STEP_WORDS,
    assessment_get,
    assessments_for_child,
    late_and_at_risk,
)
from goldenthread.web.assessments.services import assessment_request_log
from goldenthread.web.assessments.views.common import (
    STATUS_TAGS,
    can_change,
    errors_onto,
    require_change,
)
from goldenthread.web.plans.models import Child, Plan, PlanStatus
from goldenthread.web.plans.views.common import AuthedRequest, render

PAGE_SIZE = 50
LIST_TITLES = {
    "mine": "Assessments you coordinate: late or due in the next 2 weeks",
    "team": "Your teams' assessments: late or due in the next 2 weeks",
}


def _current_ehc_plan(child: Child) -> Plan | None:
    return (
        Plan.objects.filter(
            child=child, kind=PlanKind.EHC_PLAN, status=PlanStatus.FINAL, archived_at__isnull=True
        )
        .order_by("-issued_on", "-pk")
        .first()
    )


@require_http_methods(["GET", "POST"])
def assessment_new(request: AuthedRequest, child_id: int) -> HttpResponse:
    """Log a request for an EHC needs assessment (or a re-assessment)."""
    require_change(request)
    child = get_object_or_404(Child, pk=child_id)
    form = RequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        plan = _current_ehc_plan(child) if data["reassessment"] else None
        if data["reassessment"] and plan is None:
            form.add_error("reassessment", "This child has no issued EHC plan to re-assess")
        else:
            try:
                assessment = assessment_request_log(
                    child=child,
                    user=request.user,
                    received_on=data["received_on"],
                    source=data["source"],
                    detail=data["detail"],
                    reassessment_of=plan,
                )
            except ValidationError as error:
                errors_onto(form, error, {"request_received_on": "received_on"})
            else:
                messages.success(request, "Request logged. The 20 weeks started on that date.")
                return redirect("assessment", child_id, assessment.pk)
    return render(
        request,
        "assessments/step.html",
        title="Log a request for an EHC needs assessment",
        child=child,
        assessment=None,
        form=form,
        forms_=(form,),
        back=("child", child_id),
    )


def assessment_detail(request: AuthedRequest, child_id: int, assessment_id: int) -> HttpResponse:
    """The assessment's timeline: every deadline, its date and whether it was kept."""
    assessment = assessment_get(child_id, assessment_id)
    today = timezone.localdate()
    clock = clock_for(assessment, today=today)
    advice = [a for a in assessment.advice.all() if a.archived_at is None]
    checks = {
        part.pk: outcome_check(part.text, assessment=assessment)
        for a in advice
        if a.status == AdviceStatus.SUBMITTED
        for part in a.parts.all()
        if part.kind == AdvicePartKind.OUTCOME
    }
    return render(
        request,
        "assessments/assessment.html",
        title="EHC needs assessment",
        assessment=assessment,
        child=assessment.child,
        clock=clock,
        tags=STATUS_TAGS,
        advice=advice,
        checks=checks,
        exceptions=[e for e in assessment.exceptions.all() if e.archived_at is None],
        others=assessments_for_child(child_id).exclude(pk=assessment.pk),
        can_change=can_change(request),
        may_decide=may_decide(assessment, request.user),
        may_give={a.pk: may_give(a, request.user) for a in advice},
        decision_forms={a.pk: AdviceDecisionForm(prefix=f"d{a.pk}") for a in advice},
        stage=AssessmentStage,
        today=today,
        family_words=family_words(assessment),
        about_me_href=reverse("all-about-me", args=[child_id]) if can_change(request) else "",
        carried=carried_into(assessment.draft_plan) if assessment.draft_plan else [],
        back=("child", child_id),
    )


def assessments_late(request: AuthedRequest) -> HttpResponse:
    """Late and at-risk assessments: the person's own, or their teams'."""
    if request.user.role not in PROFESSIONAL_ROLES:
        raise PermissionDenied
    scope = "team" if request.GET.get("scope") == "team" else "mine"
    today = timezone.localdate()
    rows = late_and_at_risk(request.user, scope=scope, today=today)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "assessments/late.html",
        title=LIST_TITLES[scope],
        scope=scope,
        page=page,
        rows=list(page.object_list),
        today=today,
        step_words=STEP_WORDS,
    )
