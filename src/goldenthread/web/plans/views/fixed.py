"""Pages for issued versions: the refusal when someone tries to change one (with the way to
amend), and the list of every issued version of a plan with its stored documents."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpResponse

from goldenthread.web.plans.fixed import PlanFixedError
from goldenthread.web.plans.models import IssuedDocument, Plan
from goldenthread.web.plans.selectors import plan_get_for
from goldenthread.web.plans.views.common import AuthedRequest, render


def fixed_refusal(request: AuthedRequest, plan: Plan) -> HttpResponse:
    """409: the version is issued; nothing was saved. Offers "Amend: start a new version"."""
    return render(
        request,
        "plans/fixed.html",
        title="This plan has been issued",
        plan=plan,
        message=str(PlanFixedError(plan)),
        newer=plan.next_version if hasattr(plan, "next_version") else None,
        back=("child", plan.child_id),
        status=409,
    )


@dataclass(frozen=True)
class VersionRow:
    plan: Plan
    documents: list[IssuedDocument]


def plan_versions_chain(plan: Plan) -> list[Plan]:
    """Every version of this plan, newest first, from the latest back to version 1."""
    latest = plan
    while hasattr(latest, "next_version"):
        latest = latest.next_version
    chain = []
    current: Plan | None = latest
    while current is not None:
        chain.append(current)
        current = current.previous_version
    return chain


def plan_history_view(request: AuthedRequest, plan_id: int) -> HttpResponse:
    """Every version of the plan; each issued one with its Word and PDF documents and their
    SHA-256, so anyone can check a copy they hold is the one that was issued."""
    plan = plan_get_for(request.user, plan_id)
    chain = plan_versions_chain(plan)
    documents: dict[int, list[IssuedDocument]] = {}
    stored = IssuedDocument.objects.filter(plan__in=chain).defer("content")
    for document in stored.order_by("format"):
        documents.setdefault(document.plan_id, []).append(document)
    return render(
        request,
        "plans/versions.html",
        title=f"Versions of the {plan.get_kind_display()}",
        plan=plan,
        rows=[VersionRow(version, documents.get(version.pk, [])) for version in chain],
        back=("child", plan.child_id),
    )
