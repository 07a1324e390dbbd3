"""A child's page (the golden thread of a plan, with its gaps), and editing the child and plans."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from goldenthread.web.access.archiving import child_archive_right
from goldenthread.web.access.policy import access_checked, child_access
from goldenthread.web.formfields import error_summary_of
from goldenthread.web.plans.coordinator_picker import SEARCH_FIELD, finding
from goldenthread.web.plans.coordinators import EHC_PLAN_BY_LA_ONLY, may_write_plan
from goldenthread.web.plans.forms import AllAboutMeForm, ChildForm, PlanForm
from goldenthread.web.plans.models import AllAboutMe
from goldenthread.web.plans.models.base import TrackedModel
from goldenthread.web.plans.overview import child_duplicates, outcomes_by_theme
from goldenthread.web.plans.selectors import (
    child_get_checked,
    child_get_for,
    golden_thread_get,
    plan_get_for,
    plans_for_child,
)
from goldenthread.web.plans.services.children import (
    NoLocalAuthorityError,
    child_create,
    local_authority_for,
)
from goldenthread.web.plans.services.common import ConcurrentEditError, record_archive, record_save
from goldenthread.web.plans.services.plans import (
    PLAN_NOT_CURRENT,
    plan_amend,
    plan_create,
    plan_save,
)
from goldenthread.web.plans.views.common import AuthedRequest, conflict_show_saved, render
from goldenthread.web.plans.views.fixed import fixed_refusal


def child_detail(request: AuthedRequest, child_id: int) -> HttpResponse:
    child = child_get_checked(request, child_id)
    plans = list(plans_for_child(child))
    chosen = request.GET.get("plan")
    plan = next((p for p in plans if str(p.pk) == chosen), None) or next(
        (p for p in plans if p.is_current), plans[0] if plans else None
    )
    thread = golden_thread_get(plan) if plan else None
    access = access_checked(request, child.pk) or child_access(request.user, child.pk)
    about = AllAboutMe.objects.filter(child=child).first() if access.can_see_all_about_me else None
    by_theme = request.GET.get("view") == "themes"
    duplicates = child_duplicates(child)
    return render(
        request,
        "plans/child.html",
        title=child.full_name,
        child=child,
        plans=plans,
        plan=plan,
        thread=thread,
        about=about,
        access=access,
        can_change=access.can_change_plan,
        can_archive=child_archive_right(request.user, child.pk).allowed,
        duplicates=duplicates,
        flagged=duplicates.flagged(),
        by_theme=by_theme,
        theme_groups=outcomes_by_theme(thread) if thread and by_theme else [],
        nav_active="caseload",
    )


def _save_form(
    request: AuthedRequest,
    form: forms.BaseForm,
    save: Callable[[Any], None],
    record: TrackedModel,
    page: dict[str, Any],
) -> bool:
    """Validate and save; a concurrent edit becomes a form error and nothing changes.

    After a refused save, ``page["saved_now"]`` lists what is saved now.
    """
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        save(form)
    except ConcurrentEditError as error:
        form.add_error(None, str(error))
        page["saved_now"] = conflict_show_saved(form, record)
        return False
    return True


@require_http_methods(["GET", "POST"])
def child_add(request: AuthedRequest) -> HttpResponse:
    try:
        area_id: int | None = local_authority_for(request.user).pk
    except NoLocalAuthorityError:
        area_id = None
    form = ChildForm(request.POST or None, local_authority_id=area_id, user=request.user)
    if request.method == "POST" and form.is_valid():
        fields = {
            k: v
            for k, v in form.cleaned_data.items()
            if k not in {"row_version", "different_child"}
        }
        try:
            child = child_create(user=request.user, fields=fields)
        except NoLocalAuthorityError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{child.full_name} added to your caseload")
            return redirect("child", child_id=child.pk)
    return render(
        request,
        "plans/form.html",
        title="Add a child",
        form=form,
        forms_=(form,),
        back=("caseload",),
    )


@require_http_methods(["GET", "POST"])
def child_edit(request: AuthedRequest, child_id: int) -> HttpResponse:
    child = child_get_for(request.user, child_id)
    form = ChildForm(request.POST or None, instance=child, user=request.user)

    def save(f: ChildForm) -> None:
        skip = {"row_version", "different_child"}
        fields = {k: v for k, v in f.cleaned_data.items() if k not in skip}
        record_save(
            child, user=request.user, fields=fields, expected_version=f.cleaned_data["row_version"]
        )

    page: dict[str, Any] = {}
    if _save_form(request, form, save, child, page):
        messages.success(request, "Details saved")
        return redirect("child", child_id=child.pk)
    return render(
        request,
        "plans/form.html",
        title=f"Edit details for {child.full_name}",
        form=form,
        forms_=(form,),
        back=("child", child.pk),
        **page,
    )


@require_http_methods(["GET", "POST"])
def all_about_me_edit(request: AuthedRequest, child_id: int) -> HttpResponse:
    child = child_get_for(request.user, child_id)
    about = AllAboutMe.objects.filter(child=child).first() or AllAboutMe(child=child)
    form = AllAboutMeForm(request.POST or None, instance=about)

    def save(f: AllAboutMeForm) -> None:
        fields = {k: v for k, v in f.cleaned_data.items() if k != "row_version"}
        if f.cleaned_data["row_version"] is None and about.pk is not None:
            raise ConcurrentEditError  # opened blank, but someone else wrote it first
        record_save(
            about, user=request.user, fields=fields, expected_version=f.cleaned_data["row_version"]
        )

    page: dict[str, Any] = {}
    if _save_form(request, form, save, about, page):
        messages.success(request, "All about me saved. Every plan for this child uses it.")
        return redirect("child", child_id=child.pk)
    return render(
        request,
        "plans/form.html",
        title=f"All about {child.known_as}",
        form=form,
        forms_=(form,),
        back=("child", child.pk),
        lead="Written once with the child and family, and used in every plan.",
        **page,
    )


PLAN_FORM_ONLY = {"row_version", SEARCH_FIELD}  # on the form, not in the plan


@require_http_methods(["GET", "POST"])
def plan_add(request: AuthedRequest, child_id: int) -> HttpResponse:
    child = child_get_for(request.user, child_id)
    form = PlanForm(request.POST or None, child=child, user=request.user)
    if request.method == "POST" and not finding(request, form) and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k not in PLAN_FORM_ONLY}
        plan = plan_create(child=child, user=request.user, **fields)
        messages.success(request, "Plan added")
        return redirect(f"/children/{child.pk}/?plan={plan.pk}")
    return render(
        request,
        "plans/form.html",
        title=f"Add a plan for {child.full_name}",
        form=form,
        forms_=(form,),
        back=("child", child.pk),
    )


@require_http_methods(["GET", "POST"])
def plan_edit(request: AuthedRequest, plan_id: int) -> HttpResponse:
    plan = plan_get_for(request.user, plan_id)
    if plan.is_fixed:
        return fixed_refusal(request, plan)
    if not may_write_plan(request.user, child=plan.child, kind=plan.kind):
        raise PermissionDenied(EHC_PLAN_BY_LA_ONLY)
    form = PlanForm(request.POST or None, instance=plan, child=plan.child, user=request.user)

    def save(f: PlanForm) -> None:
        fields = {k: v for k, v in f.cleaned_data.items() if k not in PLAN_FORM_ONLY}
        plan_save(
            plan, user=request.user, fields=fields, expected_version=f.cleaned_data["row_version"]
        )

    page: dict[str, Any] = {}
    if not finding(request, form) and _save_form(request, form, save, plan, page):
        messages.success(request, "Plan saved")
        return redirect(f"/children/{plan.child_id}/?plan={plan.pk}")
    return render(
        request,
        "plans/form.html",
        title=f"Edit {plan}",
        form=form,
        forms_=(form,),
        back=("child", plan.child_id),
        **page,
    )


@require_http_methods(["GET", "POST"])
def plan_amend_view(request: AuthedRequest, plan_id: int) -> HttpResponse:
    plan = plan_get_for(request.user, plan_id)
    if not may_write_plan(request.user, child=plan.child, kind=plan.kind):
        raise PermissionDenied(EHC_PLAN_BY_LA_ONLY)
    error = None
    if request.method == "POST":
        try:
            new = plan_amend(plan=plan, user=request.user)
        except ValueError:
            error = PLAN_NOT_CURRENT
        else:
            messages.success(
                request, f"Version {new.version} started. Version {plan.version} is kept."
            )
            return redirect(f"/children/{plan.child_id}/?plan={new.pk}")
    return render(
        request,
        "plans/confirm.html",
        title=f"Amend {plan}",
        plan=plan,
        error=error,
        # Shown in the GOV.UK error summary, like every other error.
        page_errors=error_summary_of([error] if error else []),
        status=400 if error else 200,
        body="This starts a new draft version with the same aspirations, needs, outcomes "
        "and provision. The current version is kept as it is.",
        button="Start a new version",
        back=("child", plan.child_id),
    )


@require_http_methods(["GET", "POST"])
def plan_archive(request: AuthedRequest, plan_id: int) -> HttpResponse:
    plan = plan_get_for(request.user, plan_id)
    if request.method == "POST":
        record_archive(plan, user=request.user)
        messages.success(request, "Plan archived. It is kept in the history.")
        return redirect("child", child_id=plan.child_id)
    return render(
        request,
        "plans/confirm.html",
        title=f"Archive {plan}",
        plan=plan,
        body="The plan will no longer show on the child's page. Nothing is deleted.",
        button="Archive plan",
        back=("child", plan.child_id),
        warning=True,
    )
