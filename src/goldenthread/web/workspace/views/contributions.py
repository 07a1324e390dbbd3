"""Contributions: the coordinator sees what each service proposed, and accepts or returns it."""

from __future__ import annotations

from collections import defaultdict

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods

from goldenthread.web.formfields import error_summary_of
from goldenthread.web.plans.models import (
    ContributionStatus,
    DomainChoice,
    Need,
    Outcome,
    Plan,
    Provision,
)
from goldenthread.web.plans.models.contribution import ContributedPart
from goldenthread.web.plans.selectors import plan_get_for
from goldenthread.web.plans.services.contributions import (
    COMMENT_NEEDED,
    contribution_decide,
    plan_contributions,
    plan_decider,
)
from goldenthread.web.plans.views.common import AuthedRequest, render
from goldenthread.web.plans.views.fixed import fixed_refusal

KINDS: dict[str, tuple[type[ContributedPart], str]] = {
    "needs": (Need, "Need"),
    "outcomes": (Outcome, "Outcome"),
    "provision": (Provision, "Help (provision)"),
}
KIND_OF = {model: (kind, word) for kind, (model, word) in KINDS.items()}
ACCEPT, RETURN = "accept", "return"


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Does this go into the plan?",
        choices=[(ACCEPT, "Yes, accept it into the plan"), (RETURN, "No, send it back")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to accept it or send it back"},
    )
    comment = forms.CharField(
        label="Comment",
        help_text="Needed if you send it back: say what should change. "
        "The person who wrote it will see this.",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("decision") == RETURN and not str(data.get("comment") or "").strip():
            self.add_error("comment", COMMENT_NEEDED)
        return data


def _text(part: ContributedPart) -> str:
    return str(getattr(part, "description", None) or getattr(part, "text", ""))


def _row(part: ContributedPart) -> dict[str, object]:
    kind, word = KIND_OF[type(part)]
    return {"part": part, "kind": kind, "word": word, "text": _text(part)}


def plan_contributions_view(request: AuthedRequest, plan_id: int) -> HttpResponse:
    """Every part another service proposed, grouped by service, with where it stands."""
    plan = plan_get_for(request.user, plan_id)
    by_service: dict[str, list[dict[str, object]]] = defaultdict(list)
    for part in plan_contributions(plan):
        by_service[str(part.get_domain_display())].append(_row(part))  # type: ignore[attr-defined]
    groups = [
        (label, by_service[str(label)])
        for _, label in DomainChoice.choices
        if by_service.get(str(label))
    ]
    waiting = len(
        [
            row
            for _, rows in groups
            for row in rows
            if getattr(row["part"], "contribution_status", "") == ContributionStatus.PROPOSED
        ]
    )
    return render(
        request,
        "workspace/contributions.html",
        title="Contributions from other services",
        plan=plan,
        groups=groups,
        waiting=waiting,
        decider=plan_decider(plan, request.user),
        back=("child", plan.child_id),
    )


def _part(plan: Plan, kind: str, pk: int) -> ContributedPart:
    if kind not in KINDS:
        raise Http404
    model = KINDS[kind][0]
    return get_object_or_404(
        model._default_manager.select_related("proposed_by", "decided_by"),
        pk=pk,
        plan=plan,
        archived_at__isnull=True,
    )


def _decided_message(part: ContributedPart, word: str, *, accept: bool) -> str:
    if accept:
        return f"{word} accepted into the plan"
    author = part.proposed_by.display_name if part.proposed_by else "its author"
    return f"{word} sent back to {author} with your comment"


@require_http_methods(["GET", "POST"])
def contribution_decide_view(
    request: AuthedRequest, plan_id: int, kind: str, pk: int
) -> HttpResponse:
    """Accept one proposed part into the plan, or send it back with a comment."""
    plan = plan_get_for(request.user, plan_id)
    part = _part(plan, kind, pk)
    if not plan_decider(plan, request.user):
        raise PermissionDenied
    if plan.is_fixed:
        return fixed_refusal(request, plan)
    form = DecisionForm(request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        accept = form.cleaned_data["decision"] == ACCEPT
        try:
            contribution_decide(
                part,
                plan=plan,
                user=request.user,
                accept=accept,
                comment=form.cleaned_data["comment"],
            )
        except ValueError as problem:
            error = str(problem)
        else:
            messages.success(request, _decided_message(part, KINDS[kind][1], accept=accept))
            return redirect("plan-contributions", plan_id=plan.pk)
    extra: dict[str, object] = {}
    if error:
        extra = {
            "page_errors": error_summary_of([error], href="#decision-form"),
            "status": 400,
        }
    return render(
        request,
        "workspace/contribution_decide.html",
        title=f"Accept or send back this {KINDS[kind][1].lower()}",
        plan=plan,
        row=_row(part),
        form=form,
        forms_=(form,),
        back=("plan-contributions", plan.pk),
        **extra,  # type: ignore[arg-type]
    )
