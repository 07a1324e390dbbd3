"""Pages: who has looked (for the family), what parents see (for the young person), emergency
access (for administrators), outcomes without names (for quality leads) and the audit trail
(for the data protection officer). ``ChildAccessMiddleware`` has already checked who may open
each page about a child; the views check again through the selectors and services."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.utils.timezone import localtime
from django.views.decorators.http import require_http_methods

from goldenthread.core.spreadsheet_safety import SpreadsheetCsvWriter
from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.forms import AuditSearchForm, BreakGlassForm, ParentsCanSeeForm
from goldenthread.web.access.models import AuditAction, ChildPrivacy, ParentsCanSee
from goldenthread.web.access.selectors import (
    AuditSearch,
    audit_event_what,
    audit_event_who,
    audit_trail_for_child,
    audit_trail_search,
)
from goldenthread.web.access.services import (
    AccessRuleError,
    break_glass_open,
    child_privacy_set,
)
from goldenthread.web.plans.models import Child
from goldenthread.web.plans.selectors import child_get_for
from goldenthread.web.plans.services.children import NoLocalAuthorityError, local_authority_for
from goldenthread.web.plans.views.common import AuthedRequest, render

PAGE_SIZE = 50


def _posted(request: AuthedRequest) -> QueryDict | None:
    """The form data when the person pressed the button, even if they filled nothing in."""
    return request.POST if request.method == "POST" else None


def who_looked(request: AuthedRequest, child_id: int) -> HttpResponse:
    child = child_get_for(request.user, child_id)
    page = Paginator(audit_trail_for_child(child.pk), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {"when": localtime(e.at), "who": audit_event_who(e), "what": audit_event_what(e)}
        for e in page
    ]
    return render(
        request,
        "access/who_looked.html",
        title=f"Who has looked at {child.known_as}'s record",
        child=child,
        page=page,
        rows=rows,
        back=("child", child.pk),
        nav_active="who-looked",
    )


@require_http_methods(["GET", "POST"])
def parents_can_see(request: AuthedRequest, child_id: int) -> HttpResponse:
    child = child_get_for(request.user, child_id)
    stored = ChildPrivacy.objects.filter(child=child).first()
    initial = stored.parents_can_see if stored else ParentsCanSee.ALL
    form = ParentsCanSeeForm(_posted(request), initial={"parents_can_see": initial})
    if request.method == "POST" and form.is_valid():
        try:
            child_privacy_set(
                child=child, by=request.user, parents_can_see=form.cleaned_data["parents_can_see"]
            )
        except AccessRuleError as error:
            form.add_error("parents_can_see", str(error))
        else:
            messages.success(request, "Saved. Your parents now see what you chose.")
            return redirect("child", child_id=child.pk)
    return render(
        request,
        "access/form.html",
        title="What your parents can see",
        form=form,
        forms_=(form,),
        button="Save",
        lead="You are 16 or over, so you choose. Your parents will not be told what you chose.",
        back=("child", child.pk),
        nav_active="parents-can-see",
    )


def _administered_child(request: AuthedRequest, child_id: int) -> Child:
    """A live child in the administrator's own local authority; any other id is not found."""
    try:
        local_authority = local_authority_for(request.user)
    except NoLocalAuthorityError as error:
        raise Http404 from error
    return get_object_or_404(
        Child, pk=child_id, local_authority=local_authority, archived_at__isnull=True
    )


@require_http_methods(["GET", "POST"])
def break_glass(request: AuthedRequest, child_id: int) -> HttpResponse:
    child = _administered_child(request, child_id)
    form = BreakGlassForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            grant = break_glass_open(
                child=child, by=request.user, reason=form.cleaned_data["reason"]
            )
        except AccessRuleError as error:
            form.add_error("reason", str(error))
        else:
            messages.success(
                request, f"You can read this record until {grant.expires_at:%H:%M}. It is logged."
            )
            return redirect("child", child_id=child.pk)
    return render(
        request,
        "access/form.html",
        title=f"Open record {child.pk} in an emergency",
        form=form,
        forms_=(form,),
        button="Open the record",
        warning=True,
        lead="Administrators do not read children's records. Only open this one if you must. "
        "You can read it, not change it, for a short time. The family and the data "
        "protection officer can see that you did, and why.",
        back=("caseload",),
    )


def _search(request: AuthedRequest) -> tuple[AuditSearchForm, AuditSearch]:
    form = AuditSearchForm(request.GET or None)
    search = AuditSearch()
    if form.is_valid():
        search = AuditSearch(**form.cleaned_data)
    return form, search


def audit_trail(request: AuthedRequest) -> HttpResponse:
    form, search = _search(request)
    page = Paginator(audit_trail_search(search), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "access/audit_trail.html",
        title="Audit trail",
        form=form,
        forms_=(form,),
        page=page,
        rows=[(event, localtime(event.at)) for event in page],
        query=query.urlencode(),
        nav_active="audit-trail",
    )


CSV_COLUMNS = [
    "id", "at", "person_id", "username", "role", "organisation_id", "child_id", "action",
    "object_type", "object_id", "url_name", "reason", "method", "status", "result", "refusal",
    "row_hash",
]  # fmt: skip


def audit_trail_export(request: AuthedRequest) -> HttpResponse:
    """The search as CSV. The export itself goes on the audit trail."""
    form, search = _search(request)
    if form.is_bound and not form.is_valid():
        return redirect(f"/audit-trail/?{request.GET.urlencode()}")
    known_child = Child.objects.filter(pk=search.child_id).exists() if search.child_id else False
    audit_event_record(
        person=request.user,
        action=AuditAction.EXPORT,
        child_id=search.child_id if known_child else None,
        object_type="auditevent",
        url_name="audit-trail-export",
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audit-trail.csv"'
    writer = SpreadsheetCsvWriter(response)  # every cell kept as text, never run as a formula
    writer.writerow(CSV_COLUMNS)
    for e in audit_trail_search(search).iterator():
        username = e.person.username if e.person else ""
        writer.writerow(
            [
                e.pk, localtime(e.at).isoformat(), e.person_id or "", username, e.role,
                e.organisation_id or "", e.child_id or "", e.action, e.object_type,
                e.object_id or "", e.url_name, e.reason, e.method, e.status or "",
                e.result, e.refusal, e.row_hash,
            ]
        )  # fmt: skip
    return response
