"""Add, edit, archive and see the history of each part of a plan's golden thread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods

from goldenthread.web.plans import forms as part_forms
from goldenthread.web.plans.due_warnings import SAVE_ANYWAY, DueDateWarnings
from goldenthread.web.plans.history import history_rows
from goldenthread.web.plans.models import Aspiration, Need, Outcome, Plan, Provision, Step
from goldenthread.web.plans.models.base import TrackedModel
from goldenthread.web.plans.models.contribution import ContributedPart, ContributionStatus
from goldenthread.web.plans.selectors import plan_get_for
from goldenthread.web.plans.services.common import ConcurrentEditError, record_archive
from goldenthread.web.plans.services.contributions import contribution_fields
from goldenthread.web.plans.services.links import part_save
from goldenthread.web.plans.views.common import AuthedRequest, conflict_show_saved, render
from goldenthread.web.plans.views.fixed import fixed_refusal
from goldenthread.web.plans.views.linking import linking_context, suggest_form, wants_suggestions


@dataclass(frozen=True)
class PartSpec:
    model: type[TrackedModel]
    form: type[part_forms.VersionedForm]
    singular: str
    links: tuple[str, ...] = ()


PARTS: dict[str, PartSpec] = {
    "aspirations": PartSpec(Aspiration, part_forms.AspirationForm, "hope (aspiration)"),
    "needs": PartSpec(Need, part_forms.NeedForm, "need"),
    "outcomes": PartSpec(
        Outcome, part_forms.OutcomeForm, "outcome", ("themes", "needs", "aspirations")
    ),
    "provision": PartSpec(Provision, part_forms.ProvisionForm, "provision", ("outcomes", "needs")),
    "steps": PartSpec(Step, part_forms.StepForm, "step"),
}


def _spec(kind: str) -> PartSpec:
    if kind not in PARTS:
        raise Http404
    return PARTS[kind]


def _part(plan: Plan, kind: str, pk: int) -> TrackedModel:
    spec = _spec(kind)
    if spec.model is Step:
        return get_object_or_404(Step, pk=pk, outcome__plan=plan)
    return get_object_or_404(spec.model, pk=pk, plan=plan)


def _back_to_plan(plan: Plan) -> HttpResponse:
    return redirect(f"/children/{plan.child_id}/?plan={plan.pk}")


def _split(form: part_forms.VersionedForm, spec: PartSpec) -> tuple[dict[str, Any], dict[str, Any]]:
    data = {k: v for k, v in form.cleaned_data.items() if k != "row_version"}
    links = {name: data.pop(name) for name in spec.links if name in data}
    return data, links


def _unconfirmed_warnings(form: part_forms.VersionedForm) -> dict[str, Any] | None:
    """The due-date warnings still to confirm (``plans.due_warnings``), for the page."""
    if not isinstance(form, DueDateWarnings) or not form.needs_confirming():
        return None
    return {"lines": form.warning_lines(), "token": form.warnings_token, "name": SAVE_ANYWAY}


def _saved_message(record: TrackedModel, spec: PartSpec) -> str:
    if isinstance(record, ContributedPart) and record.contribution_status == (
        ContributionStatus.PROPOSED
    ):
        return (
            f"{spec.singular.capitalize()} sent to the plan's coordinator. "
            "It goes into the plan when they accept it."
        )
    return f"{spec.singular.capitalize()} saved"


@require_http_methods(["GET", "POST"])
def part_form(
    request: AuthedRequest,
    plan_id: int,
    kind: str,
    pk: int | None = None,
    outcome_id: int | None = None,
) -> HttpResponse:
    plan = plan_get_for(request.user, plan_id)
    spec = _spec(kind)
    if plan.is_fixed:
        return fixed_refusal(request, plan)
    if pk is not None:
        record = _part(plan, kind, pk)
    elif spec.model is Step:
        record = Step(outcome=get_object_or_404(Outcome, pk=outcome_id, plan=plan))
    else:
        record = spec.model(plan=plan)  # type: ignore[misc]  # every part but Step has a plan
    kwargs: dict[str, Any] = {"instance": record}
    linked_outcome = request.GET.get("outcome", "")
    if kind == "provision" and pk is None and linked_outcome.isdigit():
        # From the builder: the outcome just saved, ticked ready.
        kwargs["initial"] = {"outcomes": [int(linked_outcome)]}
    if issubclass(spec.form, part_forms.PlanPartForm):
        kwargs["plan"] = plan
    suggested = None
    if wants_suggestions(request.POST, kind):
        form, suggested = suggest_form(
            spec.form, request.POST, kind=kind, user=request.user, **kwargs
        )
    else:
        form = spec.form(request.POST or None, **kwargs)
    saved_now = None
    ready = suggested is None and request.method == "POST" and form.is_valid()
    warned = _unconfirmed_warnings(form) if ready else None
    if ready and warned is None:
        fields, links = _split(form, spec)
        if isinstance(record, ContributedPart):
            fields |= contribution_fields(record, plan=plan, user=request.user)
        try:
            part_save(
                record,
                user=request.user,
                fields=fields,
                links=links,
                expected_version=form.cleaned_data.get("row_version"),
            )
        except ConcurrentEditError as error:
            form.add_error(None, str(error))
            saved_now = conflict_show_saved(form, record)
        else:
            messages.success(request, _saved_message(record, spec))
            return _back_to_plan(plan)
    verb = "Edit" if pk is not None else "Add"
    article = "an" if spec.singular[0] in "aeiou" else "a"
    extra = linking_context(
        form, kind=kind, plan=plan, record=record, user=request.user, suggested=suggested
    )
    return render(
        request,
        "plans/part_form.html" if extra else "plans/form.html",
        title=f"{verb} {article} {spec.singular}",
        form=form,
        forms_=(form,),
        back=("child", plan.child_id),
        plan=plan,
        kind=kind,
        record=record,
        saved_now=saved_now,
        due_warnings=warned,
        **extra,
    )


@require_http_methods(["GET", "POST"])
def part_archive(request: AuthedRequest, plan_id: int, kind: str, pk: int) -> HttpResponse:
    plan = plan_get_for(request.user, plan_id)
    record = _part(plan, kind, pk)
    spec = _spec(kind)
    if plan.is_fixed:
        return fixed_refusal(request, plan)
    if request.method == "POST":
        record_archive(record, user=request.user)
        messages.success(
            request, f"{spec.singular.capitalize()} archived. It is kept in the history."
        )
        return _back_to_plan(plan)
    return render(
        request,
        "plans/confirm.html",
        title=f"Archive this {spec.singular}",
        plan=plan,
        quote=str(record),
        body="It will no longer show in the plan. Nothing is deleted, "
        "and you can see it in the history.",
        button=f"Archive {spec.singular}",
        back=("child", plan.child_id),
        warning=True,
    )


def part_history(request: AuthedRequest, plan_id: int, kind: str, pk: int) -> HttpResponse:
    plan = plan_get_for(request.user, plan_id)
    record = _part(plan, kind, pk)
    spec = _spec(kind)
    return render(
        request,
        "plans/history.html",
        title=f"History of this {spec.singular}",
        plan=plan,
        record=record,
        rows=history_rows(record),
        back=("child", plan.child_id),
    )
