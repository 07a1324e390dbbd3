"""The guided outcome builder page: check as it forms, then save it linked to where it came from."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Max
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from goldenthread.web.plans.models import Need, Outcome
from goldenthread.web.plans.selectors import plan_get_for
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
    initial = {"start": request.GET.get("start", "")}
    form = BuilderForm(request.POST or None, plan=plan, initial=initial)
    feedback = None
    text = ""
    if request.method == "POST" and form.is_valid():
        text = form.outcome_text()
        start = form.ready_to_save() if request.POST.get("go") == SAVE else None
        if start is not None:
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
        feedback = outcome_feedback(text, plan=plan, with_percent=shows_percent(request.user))
    saved = None
    if request.method == "GET" and str(request.GET.get("saved", "")).isdigit():
        saved = plan.outcomes.filter(pk=request.GET["saved"]).first()
    return render(
        request,
        "workspace/build.html",
        title="Build an outcome step by step",
        form=form,
        forms_=(form,),
        plan=plan,
        text=text,
        feedback=feedback,
        saved=saved,
        back=("child", plan.child_id),
    )
