"""The guided outcome builder page: check as it forms, then save it linked to where it came from."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from goldenthread.web.plans.models import Aspiration, Need, Outcome, Plan
from goldenthread.web.plans.selectors import plan_get_for
from goldenthread.web.plans.services.common import ConcurrentEditError
from goldenthread.web.plans.services.contributions import contribution_fields
from goldenthread.web.plans.services.links import part_save
from goldenthread.web.plans.views.common import AuthedRequest, render
from goldenthread.web.plans.views.fixed import fixed_refusal
from goldenthread.web.plans.views.linking import shows_percent
from goldenthread.web.workspace.builder import BuilderForm
from goldenthread.web.workspace.feedback import outcome_feedback

SAVE = "save"


@require_http_methods(["GET", "POST"])
def outcome_build(request: AuthedRequest, plan_id: int) -> HttpResponse:
    plan = plan_get_for(request.user, plan_id)
    if plan.is_fixed:
        return fixed_refusal(request, plan)
    editing = _opened(plan, request.GET.get("outcome", ""))
    initial = {"start": request.GET["start"]} if request.GET.get("start") else {}
    form = BuilderForm(request.POST or None, plan=plan, editing=editing, initial=initial)
    feedback = None
    text = form.initial.get("text", "") if request.method == "GET" else ""
    if request.method == "POST" and form.is_valid():
        text = form.outcome_text()
        start = form.ready_to_save() if request.POST.get("go") == SAVE else None
        if start is not None and editing is not None:
            try:
                _outcome_change(request, editing, form, start, text)
            except ConcurrentEditError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, "Outcome changed. The history keeps the old words.")
                return redirect("child", plan.child_id)
        elif start is not None:
            position = plan.outcomes.aggregate(top=Max("position"))["top"] or 0
            due, themes = form.due_and_themes(text, today=timezone.localdate())
            outcome = Outcome(plan=plan)
            outcome = part_save(
                outcome,
                user=request.user,
                fields={
                    "text": text,
                    "domain": form.cleaned_data["domain"],
                    "position": position + 1,
                    "in_own_words": form.cleaned_data["in_own_words"],
                    "due_date": due,
                    **contribution_fields(outcome, plan=plan, user=request.user),
                },
                links={
                    "needs" if isinstance(start, Need) else "aspirations": [start],
                    "themes": themes,
                },
            )
            messages.success(
                request, "Outcome saved. Now add the help (provision) that supports it."
            )
            return redirect(f"{request.path}?saved={outcome.pk}")
    if text:
        feedback = outcome_feedback(text, plan=plan, with_percent=shows_percent(request.user))
    saved = None
    if request.method == "GET" and str(request.GET.get("saved", "")).isdigit():
        saved = plan.outcomes.filter(pk=request.GET["saved"]).first()
    return render(
        request,
        "workspace/build.html",
        title="Change an outcome step by step" if editing else "Build an outcome step by step",
        editing=editing,
        form=form,
        forms_=(form,),
        plan=plan,
        text=text,
        feedback=feedback,
        saved=saved,
        back=("child", plan.child_id),
    )


def _opened(plan: Plan, value: str) -> Outcome | None:
    """The outcome of this plan opened to change (``?outcome=``), or None for a new one."""
    if not value:
        return None
    found = (
        Outcome.objects.filter(plan=plan, pk=value, archived_at__isnull=True).first()
        if value.isdigit()
        else None
    )
    if found is None:
        raise Http404("No such outcome in this plan")
    return found


def _outcome_change(
    request: AuthedRequest, outcome: Outcome, form: BuilderForm, start: Need | Aspiration, text: str
) -> None:
    """Save the opened outcome's new words, service, date and themes, keeping every link it had
    and adding the hope or need it now starts from; refused if someone saved it meanwhile."""
    due, themes = form.due_and_themes(text, today=timezone.localdate())
    kind = "needs" if isinstance(start, Need) else "aspirations"
    linked = {part.pk: part for part in getattr(outcome, kind).all()} | {start.pk: start}
    part_save(
        outcome,
        user=request.user,
        fields={
            "text": text,
            "domain": form.cleaned_data["domain"],
            "in_own_words": form.cleaned_data["in_own_words"],
            "due_date": due,
            **contribution_fields(outcome, plan=outcome.plan, user=request.user),
        },
        links={kind: list(linked.values()), "themes": themes},
        expected_version=form.cleaned_data.get("row_version"),
    )
