"""Pages for the authority's returns lead: make SEN2 and Annex A, and see what fails the checks.

Only a returns lead (``ReturnsLead``) opens them. Each download is an export of personal data:
it is written to the audit trail with the person and their reason (ADR 0030, docs/returns.md).
The check page lists failures by rule, child's record number and field, never names.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from goldenthread.web.accounts.models import Organisation
from goldenthread.web.plans.views.common import AuthedRequest, render
from goldenthread.web.returns.forms import AnnexForm, CheckForm, Sen2Form
from goldenthread.web.returns.services import (
    annex_make,
    return_export_record,
    returns_authority,
    sen2_make,
)

BLOCKED = "The return was not made: {count} checks fail. Put the records right, then try again."


def _authority(request: AuthedRequest) -> Organisation:
    authority = returns_authority(request.user)
    if authority is None:
        raise PermissionDenied("Only the authority's returns lead makes statutory returns.")
    return authority


@require_http_methods(["GET", "HEAD"])
def returns_home(request: AuthedRequest) -> HttpResponse:
    authority = _authority(request)
    return render(
        request,
        "returns/home.html",
        title="Statutory returns",
        authority=authority,
        sen2_form=Sen2Form(prefix="sen2"),
        annex_form=AnnexForm(prefix="annex"),
        nav_active="returns",
    )


@require_http_methods(["GET", "HEAD"])
def returns_check(request: AuthedRequest) -> HttpResponse:
    authority = _authority(request)
    form = CheckForm(request.GET or None)
    year = form.cleaned_data["year"] if form.is_valid() else timezone.localdate().year + 1
    sen2 = sen2_make(authority, year)
    annex = annex_make(authority)
    return render(
        request,
        "returns/check.html",
        title=f"Checks on SEN2 {year} and Annex A",
        year=year,
        sen2=sen2,
        annex=annex,
        form=form,
        nav_active="returns",
    )


@require_http_methods(["POST"])
def returns_sen2(request: AuthedRequest) -> HttpResponse:
    authority = _authority(request)
    form = Sen2Form(request.POST, prefix="sen2")
    if not form.is_valid():
        return render(
            request,
            "returns/home.html",
            title="Statutory returns",
            authority=authority,
            sen2_form=form,
            annex_form=AnnexForm(prefix="annex"),
            forms_=(form,),
        )
    year = form.cleaned_data["year"]
    made = sen2_make(authority, year)
    if made.blocking:
        messages.error(request, BLOCKED.format(count=len(made.blocking)))
        return redirect(f"/returns/check/?year={year}")
    return_export_record(
        person=request.user,
        kind="sen2_return",
        reason=form.cleaned_data["reason"],
        url_name="returns-sen2",
        rows=len(made.sen2.people),
    )
    response = HttpResponse(made.xml, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="sen2_{year}.xml"'
    return response


@require_http_methods(["POST"])
def returns_annex_a(request: AuthedRequest) -> HttpResponse:
    authority = _authority(request)
    form = AnnexForm(request.POST, prefix="annex")
    if not form.is_valid():
        return render(
            request,
            "returns/home.html",
            title="Statutory returns",
            authority=authority,
            sen2_form=Sen2Form(prefix="sen2"),
            annex_form=form,
            forms_=(form,),
        )
    made = annex_make(authority)
    if made.blocking:
        messages.error(request, BLOCKED.format(count=len(made.blocking)))
        return redirect("returns-check")
    return_export_record(
        person=request.user,
        kind="annex_a_lists",
        reason=form.cleaned_data["reason"],
        url_name="returns-annex-a",
        rows=sum(len(rows) for rows in made.lists.values()),
    )
    chosen = form.cleaned_data["format"]
    if chosen == "xlsx":
        response = HttpResponse(
            made.xlsx(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="annex_a.xlsx"'
        return response
    name = "List_1" if chosen == "csv1" else "List_2"
    response = HttpResponse(made.csv(name), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="annex_a_{name.lower()}.csv"'
    return response
