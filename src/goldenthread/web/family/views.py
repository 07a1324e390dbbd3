"""The family's pages: their plan in plain words, their views, their ideas, and (for a young
person with capacity) which parts their parents see. ``ChildAccessMiddleware`` has already
checked who may open each page and logged the look; the services check again."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.html import format_html
from django.views.decorators.http import require_http_methods

from goldenthread.web.access.policy import ChildAccess, Reason, child_access
from goldenthread.web.accounts.models import Role
from goldenthread.web.family.capacity import capacity_of
from goldenthread.web.family.forms import VIEW_CHOICES, HideForm, ProposeForm, ViewsForm
from goldenthread.web.family.meetings import next_meeting_due
from goldenthread.web.family.models import FamilyIdeaKind, PartKind, SupporterKind
from goldenthread.web.family.selectors import FamilyPlan, current_plan, family_plan, ideas_of
from goldenthread.web.family.services import (
    FamilyError,
    hidden_parts,
    idea_send,
    may_propose,
    parts_hide,
)
from goldenthread.web.plans.models import Child, Plan, PlanStatus
from goldenthread.web.plans.selectors import child_get_for, children_visible_to
from goldenthread.web.plans.views.common import AuthedRequest, render

SENT = "Thank you. We have sent this to the person who writes the plan. They will read it."
HIDE_SAVED = "Saved. Your parents now see only what you chose."
NOTHING_TO_ASK = (
    "There is no meeting about the plan coming up, and no new plan to read. "
    "We will ask you what you think before the next one."
)
NO_PLAN = "There is no plan to send this about yet"
OWN_WORDS = '<span class="gt-family__text gt-family__own-words" data-own-words>{}</span>'
PLAN_WORDS = '<span class="gt-family__text">{}</span>'
PART_WORDS: dict[str, str] = {
    PartKind.ASPIRATION: "A hope for my future",
    PartKind.NEED: "Something that is hard for me",
    PartKind.OUTCOME: "Something that will change",
    PartKind.PROVISION: "Help I get",
}


def _access(request: AuthedRequest, child: Child) -> ChildAccess:
    access = getattr(request, "child_access", None)
    return access if access is not None else child_access(request.user, child.pk)


def family_home(request: AuthedRequest) -> HttpResponse:
    """Where a parent or young person lands: their plan, or a choice of their children."""
    children = list(children_visible_to(request.user).order_by("first_name", "pk"))
    if len(children) == 1:
        return redirect("family-plan", child_id=children[0].pk)
    return render(
        request,
        "family/home.html",
        title="Your family" if request.user.role == Role.PARENT else "Your plan",
        children=children,
        nav_active="family-home",
    )


def _supporter(child: Child) -> dict[str, object] | None:
    decision = capacity_of(child)
    if decision is None:
        return None
    kind = SupporterKind(decision.supporter_kind)
    return {
        "has_capacity": decision.has_capacity,
        "who": decision.supporter_name if kind != SupporterKind.NONE else "",
        "kind": {
            SupporterKind.PARENT: "a parent or carer",
            SupporterKind.ADVOCATE: "an advocate",
            SupporterKind.DEPUTY: "a deputy",
            SupporterKind.ATTORNEY: "an attorney",
            SupporterKind.OTHER: "someone else",
        }.get(kind, ""),
    }


def family_plan_view(request: AuthedRequest, child_id: int) -> HttpResponse:
    child = child_get_for(request.user, child_id)
    access = _access(request, child)
    plan: FamilyPlan = family_plan(child, access)
    young_person = Reason.SELF in access.reasons
    return render(
        request,
        "family/plan.html",
        title="My plan" if young_person else f"{child.known_as}'s plan",
        child=child,
        family=plan,
        young_person=young_person,
        me="I" if young_person else child.known_as,
        supporter=_supporter(child),
        acts_for=Reason.PARENT in access.reasons and access.lacks_capacity,
        can_propose=may_propose(request.user, child),
        can_hide=access.can_choose_what_parents_see and plan.plan is not None,
        can_give_views=plan.plan is not None and bool(plan.next_meeting or plan.is_draft),
        ideas=ideas_of(plan.plan, {request.user.pk}),
        nav_active="family-plan",
    )


def _plan_or_404(child: Child) -> Plan:
    plan = current_plan(child)
    if plan is None:
        raise Http404(NO_PLAN)
    return plan


def _view_choices(plan: Plan) -> list[tuple[str, str]]:
    kinds = []
    if next_meeting_due(plan) is not None:
        kinds.append(FamilyIdeaKind.REVIEW_VIEWS)
    if plan.status == PlanStatus.DRAFT:
        kinds.append(FamilyIdeaKind.DRAFT_VIEWS)
    return [(kind.value, VIEW_CHOICES[kind]) for kind in kinds]


@require_http_methods(["GET", "POST"])
def family_views(request: AuthedRequest, child_id: int) -> HttpResponse:
    child = child_get_for(request.user, child_id)
    plan = _plan_or_404(child)
    choices = _view_choices(plan)
    if not choices:  # nothing to give views on yet: say so, with no form to fill in
        return render(
            request,
            "family/form.html",
            title="Tell us what you think",
            lead=NOTHING_TO_ASK,
            form=None,
            back=("family-plan", child.pk),
            nav_active="family-plan",
        )
    initial = {"kind": choices[0][0]} if len(choices) == 1 else {}
    data = request.POST if request.method == "POST" else None
    form = ViewsForm(data, choices=choices, initial=initial)
    if form.is_bound and form.is_valid():
        try:
            idea_send(plan=plan, by=request.user, **form.cleaned_data)
        except FamilyError as error:
            form.add_error(error.field or None, str(error))
        else:
            messages.success(request, SENT)
            return redirect("family-plan", child_id=child.pk)
    return render(
        request,
        "family/form.html",
        title="Tell us what you think",
        lead="Before a meeting about the plan, tell us what you think. "
        "The person who writes the plan will read it and use it at the meeting.",
        meeting=next_meeting_due(plan),
        form=form,
        forms_=(form,),
        button="Send",
        back=("family-plan", child.pk),
        nav_active="family-plan",
    )


@require_http_methods(["GET", "POST"])
def family_propose(request: AuthedRequest, child_id: int) -> HttpResponse:
    child = child_get_for(request.user, child_id)
    plan = _plan_or_404(child)
    if not may_propose(request.user, child):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    form = ProposeForm(data)
    if form.is_bound and form.is_valid():
        try:
            idea_send(plan=plan, by=request.user, **form.cleaned_data)
        except FamilyError as error:
            form.add_error(error.field or None, str(error))
        else:
            messages.success(request, SENT)
            return redirect("family-plan", child_id=child.pk)
    return render(
        request,
        "family/form.html",
        title="Add a hope or a change",
        lead="Write it in your own words. The person who writes the plan will read it. "
        "They will add it to the plan or talk to you about it.",
        form=form,
        forms_=(form,),
        button="Send",
        back=("family-plan", child.pk),
        nav_active="family-plan",
    )


@require_http_methods(["GET", "POST"])
def family_hide(request: AuthedRequest, child_id: int) -> HttpResponse:
    child = child_get_for(request.user, child_id)
    access = _access(request, child)
    plan = family_plan(child, access)
    choices = [(f"{item.kind}:{item.pk}", item.text) for item in plan.parts]
    hidden = hidden_parts(child)
    initial = [f"{kind}:{pk}" for kind, pk in hidden]
    data = request.POST if request.method == "POST" else None
    form = HideForm(data, choices=choices, initial={"hide": initial})
    if form.is_bound and form.is_valid():
        chosen = [value.split(":", 1) for value in form.cleaned_data["hide"]]
        # parts hidden that are no longer in the plan stay hidden
        shown = {f"{i.kind}:{i.pk}" for i in plan.parts}
        kept = [(k, int(pk)) for k, pk in hidden if f"{k}:{pk}" not in shown]
        try:
            parts_hide(child=child, by=request.user, hide=[(k, int(pk)) for k, pk in chosen] + kept)
        except FamilyError as error:
            form.add_error("hide", str(error))
        else:
            messages.success(request, HIDE_SAVED)
            return redirect("family-plan", child_id=child.pk)
    checked = set(form["hide"].value() or [])
    items = [
        {
            "value": f"{item.kind}:{item.pk}",
            "html": format_html(OWN_WORDS if item.own_words else PLAN_WORDS, item.text),
            "hint": {"text": PART_WORDS[item.kind]},
            "checked": f"{item.kind}:{item.pk}" in checked,
        }
        for item in plan.parts
    ]
    return render(
        request,
        "family/hide.html",
        items=items,
        title="Parts of my plan my parents do not see",
        lead="You are 16 or over, so you choose. Your parents still see the rest of your plan.",
        form=form,
        forms_=(form,),
        button="Save",
        back=("family-plan", child.pk),
        nav_active="family-plan",
    )
