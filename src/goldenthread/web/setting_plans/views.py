"""Pages for a setting's plans. Pages about a child name ``child_id`` or ``plan_id`` so the
access middleware checks and logs every look (``routes.py`` says what each needs); setting
staff are also held to their own setting's children here."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods

from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import AuditAction
from goldenthread.web.insights.access import insights_role_required
from goldenthread.web.insights.filters import area_of
from goldenthread.web.insights.views import aggregate_session, as_of_text, disclosure_policy
from goldenthread.web.plans.fixed import PlanFixedError
from goldenthread.web.plans.models import Child, Outcome, Plan
from goldenthread.web.plans.selectors import child_get_for, golden_thread_get, plan_get_for
from goldenthread.web.plans.views.common import AuthedRequest, render
from goldenthread.web.reviews.models import Review
from goldenthread.web.setting_plans import forms as f
from goldenthread.web.setting_plans.insights import tier_figures
from goldenthread.web.setting_plans.layout import WRITERS, layout_get
from goldenthread.web.setting_plans.models import (
    AssessmentRequestPack,
    CarriedPart,
    SettingPlan,
    ShortTermOutcome,
)
from goldenthread.web.setting_plans.selectors import send_register, setting_dashboard
from goldenthread.web.setting_plans.services.escalation import assessment_request_from_plan
from goldenthread.web.setting_plans.services.sheets import (
    is_setting_staff,
    may_act_for_setting,
    may_write_section,
    section_save,
    sections_missing,
    setting_plan_start,
    tier_of,
)
from goldenthread.web.setting_plans.services.short_terms import (
    ShortTermEntry,
    short_term_add,
    short_term_progress_add,
    short_terms_for_child,
)


def _child(request: AuthedRequest, child_id: int) -> Child:
    child = child_get_for(request.user, child_id)
    if not may_act_for_setting(request.user, child):
        raise Http404
    return child


def _plan(request: AuthedRequest, plan_id: int) -> Plan:
    plan = plan_get_for(request.user, plan_id)
    if not may_act_for_setting(request.user, plan.child):
        raise Http404
    return plan


def _posted(request: AuthedRequest) -> Any:
    """The form data of a POST (even an empty one, so it is checked), or None for a GET."""
    return request.POST if request.method == "POST" else None


def _form_errors(form: forms.Form, error: ValidationError) -> None:
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)


def setting_home(request: AuthedRequest) -> HttpResponse:
    """The SENCO's and head's page: the register of children with SEND they may see, and the
    setting's figures (plan quality, review timeliness, progress)."""
    user = request.user
    if not is_setting_staff(user) or user.organisation_id is None:
        raise PermissionDenied
    register = send_register(user)
    audit_event_record(
        person=user,
        action=AuditAction.VIEW,
        child_id=None,
        object_type="setting-register",
        object_id=user.organisation_id,
        url_name="setting-home",
        reason=f"Register of {len(register)} children",
    )
    return render(
        request,
        "setting_plans/home.html",
        title=f"Children with SEND at {user.organisation}",
        register=register,
        figures=_dashboard(user.organisation_id),
    )


def _dashboard(setting_id: int) -> Any:
    with aggregate_session():  # the area dashboards' room for grouped counts
        return setting_dashboard(setting_id)


@require_http_methods(["GET", "POST"])
def plan_start(request: AuthedRequest, child_id: int) -> HttpResponse:
    child = _child(request, child_id)
    if not is_setting_staff(request.user):
        raise PermissionDenied
    form = f.StartForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            sheet = setting_plan_start(
                child=child,
                by=request.user,
                tier=form.cleaned_data["tier"],
                layout=form.cleaned_data["layout"],
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, "Setting plan started")
            return redirect("setting-plan", sheet.plan_id)
    return render(
        request,
        "setting_plans/start.html",
        title="Start a setting plan",
        child=child,
        form=form,
        forms_=(form,),
    )


def plan_page(request: AuthedRequest, plan_id: int) -> HttpResponse:
    """The plan as its layout sets it out: the setting's sections and the golden thread,
    with short-term outcomes under their long-term outcome and where carried parts came from."""
    plan = _plan(request, plan_id)
    sheet = SettingPlan.objects.filter(plan=plan).first()
    layout = layout_get(sheet.layout if sheet else "")
    short_terms: dict[int, list[object]] = {}
    for short in short_terms_for_child(plan.child_id):
        short_terms.setdefault(short.outcome_id, []).append(short)
    carried = {
        (c.to_type, c.to_id): c
        for c in CarriedPart.objects.filter(child_id=plan.child_id, to_type="outcome")
    }
    access = getattr(request, "child_access", None)
    return render(
        request,
        "setting_plans/plan.html",
        title=layout.title if sheet else plan.get_kind_display(),
        plan=plan,
        child=plan.child,
        sheet=sheet,
        layout=layout,
        section_keys={s.key for s in layout.sections},
        writers=WRITERS,
        tier=tier_of(plan),
        missing=sections_missing(sheet) if sheet else [],
        thread=golden_thread_get(plan),
        short_terms=short_terms,
        carried=carried,
        reviews=list(Review.objects.filter(plan=plan, archived_at__isnull=True)),
        packs=list(AssessmentRequestPack.objects.filter(from_plan=plan)),
        can_change=access is not None and access.can_change_plan,
        can_escalate=is_setting_staff(request.user) and sheet is not None,
    )


@require_http_methods(["GET", "POST"])
def section_edit(request: AuthedRequest, plan_id: int, key: str) -> HttpResponse:
    plan = _plan(request, plan_id)
    sheet = get_object_or_404(SettingPlan, plan=plan)
    layout = layout_get(sheet.layout)
    section = next((s for s in layout.sections if s.key == key), None)
    if section is None:
        raise Http404
    if not may_write_section(request.user, sheet, section):
        raise PermissionDenied
    initial = {"text": sheet.sections.get(key, "")}
    form = f.SectionForm(_posted(request), initial=initial, section=section)
    if request.method == "POST" and form.is_valid():
        try:
            section_save(
                sheet=sheet,
                by=request.user,
                key=key,
                text=form.cleaned_data["text"],
                on_behalf=form.cleaned_data["with_whom"],
            )
        except ValidationError as error:
            form.add_error("text", error.message_dict.get(key, error.messages))
        except PlanFixedError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Saved '{section.heading}'")
            return redirect("setting-plan", plan.pk)
    return render(
        request,
        "setting_plans/section.html",
        title=section.heading,
        plan=plan,
        section=section,
        writer=WRITERS[section.writer],
        form=form,
        forms_=(form,),
    )


@require_http_methods(["GET", "POST"])
def short_term_new(request: AuthedRequest, plan_id: int, outcome_id: int) -> HttpResponse:
    plan = _plan(request, plan_id)
    outcome = get_object_or_404(Outcome, plan=plan, pk=outcome_id)
    reviews = list(Review.objects.filter(plan=plan, archived_at__isnull=True))
    choices = [(r.pk, str(r)) for r in reviews]
    form = f.ShortTermForm(_posted(request), reviews=choices)
    if request.method == "POST" and form.is_valid():
        review = next((r for r in reviews if r.pk == form.cleaned_data["review"]), None)
        entry = ShortTermEntry(form.cleaned_data["text"], form.cleaned_data["due_date"], review)
        try:
            short_term_add(outcome=outcome, by=request.user, entry=entry)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, "Short-term outcome added. The plan itself has not changed.")
            return redirect("setting-plan", plan.pk)
    return render(
        request,
        "setting_plans/short_term.html",
        title="Add a short-term outcome",
        plan=plan,
        outcome=outcome,
        form=form,
        forms_=(form,),
    )


@require_http_methods(["GET", "POST"])
def short_term_progress(request: AuthedRequest, plan_id: int, short_id: int) -> HttpResponse:
    plan = _plan(request, plan_id)
    short = get_object_or_404(
        ShortTermOutcome, pk=short_id, child_id=plan.child_id, archived_at__isnull=True
    )
    form = f.ProgressForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            short_term_progress_add(short_term=short, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, "Progress recorded")
            return redirect("setting-plan", plan.pk)
    return render(
        request,
        "setting_plans/progress.html",
        title="Record progress on a short-term outcome",
        plan=plan,
        short=short,
        form=form,
        forms_=(form,),
    )


@require_http_methods(["GET", "POST"])
def escalate(request: AuthedRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id)
    if not is_setting_staff(request.user):
        raise PermissionDenied
    form = f.EscalateForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            pack = assessment_request_from_plan(plan=plan, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(
                request,
                "Request for an EHC needs assessment made, with the plan's evidence attached",
            )
            return redirect("assessment-request", plan.pk, pack.pk)
    from goldenthread.web.setting_plans.services.escalation import request_evidence

    return render(
        request,
        "setting_plans/escalate.html",
        title="Ask for an EHC needs assessment",
        plan=plan,
        evidence=request_evidence(plan),
        form=form,
        forms_=(form,),
    )


@insights_role_required
def area_tiers(request: AuthedRequest) -> HttpResponse:
    """Area figures across tiers, with disclosure control (no child is ever shown)."""
    area = area_of(request.user)
    if area is None:
        raise Http404
    return render(
        request,
        "setting_plans/insights.html",
        title="Plans at every tier of support",
        area=area,
        figures=tier_figures(area.pk, disclosure_policy()),
        as_of=as_of_text(),
    )


def assessment_request(request: AuthedRequest, plan_id: int, pack_id: int) -> HttpResponse:
    plan = _plan(request, plan_id)
    pack = get_object_or_404(AssessmentRequestPack, from_plan=plan, pk=pack_id)
    return render(
        request,
        "setting_plans/request.html",
        title="Request for an EHC needs assessment",
        plan=plan,
        pack=pack,
        evidence=pack.evidence,
    )


def assessment_request_pdf(request: AuthedRequest, plan_id: int, pack_id: int) -> HttpResponse:
    """The stored PDF, byte for byte as made when the request was sent."""
    plan = _plan(request, plan_id)
    pack = get_object_or_404(AssessmentRequestPack, from_plan=plan, pk=pack_id)
    response = HttpResponse(bytes(pack.pdf), content_type="application/pdf")
    name = f"assessment-request-{pack.pk}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
