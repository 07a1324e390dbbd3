"""The adviser's page (give advice) and the coordinator's decision (accept or return)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods, require_POST

from goldenthread.web.assessments import forms as f
from goldenthread.web.assessments.advice import (
    PartEntry,
    advice_decide,
    advice_give,
    may_give,
    outcome_check,
)
from goldenthread.web.assessments.choices import AdvicePartKind
from goldenthread.web.assessments.family_words import family_words
from goldenthread.web.assessments.models import AdviceRequest
from goldenthread.web.assessments.selectors import assessment_get
from goldenthread.web.assessments.views.common import errors_onto
from goldenthread.web.plans.views.common import AuthedRequest, render


def _entries(data: dict[str, object]) -> list[PartEntry]:
    entries = [
        PartEntry(AdvicePartKind.NEED, str(data[f"need_{n}"]), str(data[f"need_{n}_area"]))
        for n in range(1, f.NEED_SLOTS + 1)
    ]
    entries += [
        PartEntry(AdvicePartKind.OUTCOME, str(data[f"outcome_{n}"]))
        for n in range(1, f.OUTCOME_SLOTS + 1)
    ]
    entries += [
        PartEntry(AdvicePartKind.PROVISION, str(data[f"provision_{n}"]))
        for n in range(1, f.PROVISION_SLOTS + 1)
    ]
    return entries


def _initial(advice: AdviceRequest) -> dict[str, object]:
    initial: dict[str, object] = {"needs_seen": advice.needs_seen, "summary": advice.summary}
    counters = dict.fromkeys(AdvicePartKind, 0)
    for part in advice.parts.filter(archived_at__isnull=True):
        counters[AdvicePartKind(part.kind)] += 1
        n = counters[AdvicePartKind(part.kind)]
        initial[f"{part.kind}_{n}"] = part.text
        if part.kind == AdvicePartKind.NEED:
            initial[f"need_{n}_area"] = part.area
    return initial


@require_http_methods(["GET", "POST"])
def advice_give_view(
    request: AuthedRequest, child_id: int, assessment_id: int, advice_id: int
) -> HttpResponse:
    """Give advice: the needs seen, the outcomes recommended (checked as they are written, by
    the "Check" button without JavaScript) and the provision."""
    assessment = assessment_get(child_id, assessment_id)
    advice = get_object_or_404(AdviceRequest, pk=advice_id, assessment=assessment)
    if not may_give(advice, request.user):
        raise PermissionDenied
    posted = request.method == "POST"
    form = f.AdviceGiveForm(request.POST if posted else None, initial=_initial(advice))
    checks = []
    if posted and form.is_valid():
        entries = _entries(form.cleaned_data)
        checks = [
            outcome_check(e.text, assessment=assessment)
            for e in entries
            if e.kind == AdvicePartKind.OUTCOME and e.text.strip()
        ]
        if request.POST.get("action") != "check":
            try:
                advice_give(
                    advice,
                    user=request.user,
                    needs_seen=form.cleaned_data["needs_seen"],
                    summary=form.cleaned_data["summary"],
                    parts=entries,
                    given_on=form.cleaned_data["given_on"],
                )
            except ValidationError as error:
                errors_onto(form, error, {"parts": "need_1", "received_on": "given_on"})
            except (ValueError, PermissionError) as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, "Advice sent to the coordinator")
                return redirect("home")
    return render(
        request,
        "assessments/advice_give.html",
        title="Give your advice",
        assessment=assessment,
        child=assessment.child,
        advice=advice,
        form=form,
        forms_=(form,),
        checks=checks,
        family_words=family_words(assessment),
        about_me_href="",
        back=("home",),
    )


@require_POST
def advice_decide_view(
    request: AuthedRequest, child_id: int, assessment_id: int, advice_id: int
) -> HttpResponse:
    assessment = assessment_get(child_id, assessment_id)
    advice = get_object_or_404(AdviceRequest, pk=advice_id, assessment=assessment)
    form = f.AdviceDecisionForm(request.POST, prefix=f"d{advice.pk}")
    if form.is_valid():
        try:
            advice_decide(
                advice,
                user=request.user,
                accept=form.cleaned_data["decision"] == "accept",
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            messages.error(request, "; ".join(error.messages))
        except (ValueError, PermissionError) as error:
            messages.error(request, str(error))
        else:
            accepted = form.cleaned_data["decision"] == "accept"
            messages.success(
                request, "Advice accepted into the draft plan" if accepted else "Advice returned"
            )
    else:
        messages.error(request, "Choose accept or return")
    return redirect("assessment", child_id, assessment_id)
