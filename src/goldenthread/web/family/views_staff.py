"""Pages for the people who work with the young person: record a capacity decision, and
accept or send back what the family sent (the plan's coordinator, as for any contribution)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods

from goldenthread.web.family.capacity import (
    CapacityError,
    CapacityFacts,
    capacity_of,
    capacity_record,
)
from goldenthread.web.family.forms import ACCEPT, CapacityForm, IdeaDecisionForm
from goldenthread.web.family.models import FamilyIdea, FamilyIdeaKind
from goldenthread.web.family.services import FamilyError, idea_decide
from goldenthread.web.plans.models import ContributionStatus, PlanStatus
from goldenthread.web.plans.selectors import child_get_for, plan_get_for
from goldenthread.web.plans.services.contributions import plan_decider
from goldenthread.web.plans.views.common import AuthedRequest, render

CAPACITY_SAVED = (
    "Capacity decision saved. It now decides what the young person and their parents can see "
    "and do."
)
ACCEPTED = "Accepted."
ACCEPTED_INTO_PLAN = "Accepted and added to the draft plan."
ACCEPTED_FOR_NEXT = (
    "Accepted. The plan is issued and cannot change: add it when you next change the plan."
)
RETURNED = "Sent back with your comment. The family will see it."


@require_http_methods(["GET", "POST"])
def capacity(request: AuthedRequest, child_id: int) -> HttpResponse:
    child = child_get_for(request.user, child_id)
    current = capacity_of(child)
    initial = {}
    if current is not None:
        initial = {
            "has_capacity": "yes" if current.has_capacity else "no",
            "decided_on": current.decided_on,
            "decided_by": current.decided_by,
            "how_decided": current.how_decided,
            "supporter_kind": current.supporter_kind,
            "supporter_name": current.supporter_name,
        }
    data = request.POST if request.method == "POST" else None
    form = CapacityForm(data, initial=initial)
    if form.is_bound and form.is_valid():
        try:
            capacity_record(child=child, by=request.user, facts=CapacityFacts(**form.cleaned_data))
        except CapacityError as error:
            form.add_error(error.field or None, str(error))
        else:
            messages.success(request, CAPACITY_SAVED)
            return redirect("child", child_id=child.pk)
    return render(
        request,
        "family/capacity.html",
        title=f"Capacity to make decisions: {child.full_name}",
        child=child,
        current=current,
        form=form,
        forms_=(form,),
        back=("child", child.pk),
    )


def ideas(request: AuthedRequest, plan_id: int) -> HttpResponse:
    plan = plan_get_for(request.user, plan_id)
    rows = list(FamilyIdea.objects.filter(plan=plan).select_related("author", "decided_by"))
    return render(
        request,
        "family/ideas.html",
        title="What the family sent",
        plan=plan,
        child=plan.child,
        waiting=[r for r in rows if r.status == ContributionStatus.PROPOSED],
        decided=[r for r in rows if r.status != ContributionStatus.PROPOSED],
        decider=plan_decider(plan, request.user),
        back=("child", plan.child_id),
    )


@require_http_methods(["GET", "POST"])
def idea_decide_view(request: AuthedRequest, plan_id: int, idea_id: int) -> HttpResponse:
    plan = plan_get_for(request.user, plan_id)
    idea = get_object_or_404(FamilyIdea.objects.select_related("author"), pk=idea_id, plan=plan)
    if not plan_decider(plan, request.user):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    form = IdeaDecisionForm(data)
    if form.is_bound and form.is_valid():
        accept = form.cleaned_data["decision"] == ACCEPT
        try:
            idea = idea_decide(
                idea,
                by=request.user,
                accept=accept,
                comment=form.cleaned_data["comment"],
                domain=form.cleaned_data["domain"],
            )
        except FamilyError as error:
            form.add_error(error.field or None, str(error))
        else:
            if not accept:
                messages.success(request, RETURNED)
            elif idea.part_id:
                messages.success(request, ACCEPTED_INTO_PLAN)
            elif idea.kind in {FamilyIdeaKind.HOPE, FamilyIdeaKind.OUTCOME}:
                messages.success(request, ACCEPTED_FOR_NEXT)
            else:
                messages.success(request, ACCEPTED)
            return redirect("family-ideas", plan_id=plan.pk)
    return render(
        request,
        "family/idea_decide.html",
        title="Accept or send back",
        plan=plan,
        idea=idea,
        is_draft=plan.status == PlanStatus.DRAFT,
        form=form,
        forms_=(form,),
        back=("family-ideas", plan.pk),
    )
