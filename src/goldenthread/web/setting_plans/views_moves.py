"""Pages for moving between tiers and settings (issue 20, item 4): stepping down from an EHC
plan to the setting's own plan, and handing a setting's plans to a child's new school through
the passport with the family's consent. The work is in ``services.moves`` and
``services.handover``; these pages ask, explain and report."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from goldenthread.core.vocabulary import PlanKind
from goldenthread.web.formfields import error_summary_of
from goldenthread.web.passport.transfer import ImportInvalid, ImportProblem
from goldenthread.web.passport.views_transfer import upload_read
from goldenthread.web.plans.views.common import AuthedRequest, render
from goldenthread.web.setting_plans.models import Tier
from goldenthread.web.setting_plans.services.handover import handover_export, handover_import
from goldenthread.web.setting_plans.services.moves import step_down
from goldenthread.web.setting_plans.services.sheets import is_setting_staff
from goldenthread.web.setting_plans.views import _child, _form_errors, _plan, _posted

CHOOSE_FILE = "Choose the handover file the child's last setting gave you"
NOT_COMPLETE = "The file is not a complete handover file: {what} is missing or wrong"
PROBLEMS = "The file has {count} problem{s}, listed above. Nothing was imported."
HANDOVER_FILE = "setting-plan-handover.json"  # no name in it: the file may be emailed


class StepDownForm(forms.Form):
    tier = forms.ChoiceField(
        label="Tier of support from now on",
        choices=[(t.value, t.label) for t in Tier if t != Tier.SPECIALIST],
        initial=Tier.TARGETED_PLUS.value,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the tier of support"},
    )


class HandoverForm(forms.Form):
    consent_by = forms.CharField(
        label="Who in the family agreed to the plan going to the new setting?",
        help_text="For example, Jo Smith (mum). The file records it.",
        max_length=200,
        error_messages={"required": "Say who in the family agreed to the plan moving"},
    )


class HandoverImportForm(forms.Form):
    file = forms.FileField(
        label="The handover file",
        help_text="The .json file the child's last setting made on its 'Hand over' page.",
        error_messages={"required": CHOOSE_FILE},
    )


@require_http_methods(["GET", "POST"])
def plan_step_down(request: AuthedRequest, plan_id: int) -> HttpResponse:
    """Start the setting's own plan from an EHC plan: hopes, outcomes and short-term outcomes
    are carried as written, each keeping where it came from; the EHC plan is not changed."""
    plan = _plan(request, plan_id)
    if not is_setting_staff(request.user) or plan.kind != PlanKind.EHC_PLAN:
        raise PermissionDenied
    form = StepDownForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            sheet = step_down(ehc_plan=plan, by=request.user, tier=form.cleaned_data["tier"])
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(
                request, "Setting plan started, with the EHC plan's hopes and outcomes in it"
            )
            return redirect("setting-plan", sheet.plan_id)
    live = plan.outcomes.filter(archived_at__isnull=True).count()
    hopes = plan.aspirations.filter(archived_at__isnull=True).count()
    return render(
        request,
        "setting_plans/step_down.html",
        title="Carry this EHC plan into the setting's own plan",
        plan=plan,
        outcomes=live,
        hopes=hopes,
        form=form,
        forms_=(form,),
    )


@require_http_methods(["GET", "POST"])
def child_handover(request: AuthedRequest, child_id: int) -> HttpResponse:
    """Make the handover file for the child's new setting, with the family's consent."""
    child = _child(request, child_id)
    if not is_setting_staff(request.user):
        raise PermissionDenied
    form = HandoverForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            data = handover_export(
                child=child, by=request.user, consent_by=form.cleaned_data["consent_by"]
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            response = HttpResponse(
                json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
            )
            response["Content-Disposition"] = f'attachment; filename="{HANDOVER_FILE}"'
            response["Cache-Control"] = "no-store"
            return response
    return render(
        request,
        "setting_plans/handover.html",
        title="Hand the plan over to a new setting",
        child=child,
        form=form,
        forms_=(form,),
    )


def _imported(data: object, user: Any) -> tuple[Any, list[ImportProblem]]:
    """The child made from the file, or the problems (nothing is written if there are any)."""
    try:
        return handover_import(data, by=user), []
    except ImportInvalid as error:
        return None, error.problems
    except ValidationError as error:
        return None, [ImportProblem(field, " ".join(m)) for field, m in error.message_dict.items()]
    except (KeyError, TypeError, ValueError, IndexError) as error:
        # A part of the file the importer needs is absent or the wrong shape: say which.
        what = str(error.args[0]) if isinstance(error, KeyError) and error.args else "a part"
        return None, [ImportProblem("", NOT_COMPLETE.format(what=what))]


@require_http_methods(["GET", "POST"])
def handover_receive(request: AuthedRequest) -> HttpResponse:
    """At the new setting: import the handover file, all or nothing."""
    if not is_setting_staff(request.user):
        raise PermissionDenied
    form = HandoverImportForm(request.POST or None, request.FILES or None, auto_id="%s")
    problems: list[ImportProblem] = []
    if request.method == "POST" and form.is_valid():
        data, problems = upload_read(form.cleaned_data["file"])
        if not problems:
            child, problems = _imported(data, request.user)
            if not problems:
                messages.success(
                    request, f"{child.full_name}'s plans, outcomes and reviews are now here."
                )
                return redirect("child", child.pk)
    page_errors = error_summary_of(
        (f"{p.path}: {p.message}" if p.path else p.message for p in problems), href="#file"
    )
    return render(
        request,
        "setting_plans/handover_receive.html",
        title="Receive a plan from a child's last setting",
        status=400 if problems else 200,
        form=form,
        forms_=(form,),
        problems=problems,
        file_error=PROBLEMS.format(count=len(problems), s="" if len(problems) == 1 else "s")
        if problems
        else None,
        **({"page_errors": page_errors} if page_errors else {}),
    )
