"""The data protection officer's pages. Every child found, every trail read and every export
goes on the audit trail as the officer's own look, so the family's copy lists them too.

The search is a POST: names and dates of birth never reach an address (or a server log)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.timezone import localtime
from django.views.decorators.http import require_GET, require_http_methods

from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import AuditAction, AuditEvent
from goldenthread.web.accounts.models import Role
from goldenthread.web.dpo.export import export_html, export_pdf
from goldenthread.web.dpo.forms import FindChildForm
from goldenthread.web.dpo.search import MOST_SHOWN, children_find
from goldenthread.web.plans.models import Child
from goldenthread.web.plans.views.common import AuthedRequest, render
from goldenthread.web.security.subject_access import child_subject_access_json
from goldenthread.web.security.subject_access_sections import _event_who, event_why

PAGE_SIZE = 50
FORMATS = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "json": "application/json; charset=utf-8",
}


def _dpo_only(request: AuthedRequest) -> None:
    if request.user.role != Role.DPO:
        raise PermissionDenied


@require_http_methods(["GET", "POST"])
def find_child(request: AuthedRequest) -> HttpResponse:
    _dpo_only(request)
    form = FindChildForm(request.POST if request.method == "POST" else None)
    found: list[Child] | None = None
    more = False
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        matches = children_find(
            name=data["name"], born=data["date_of_birth"], nhs=data["nhs_number"]
        )
        found = list(matches[: MOST_SHOWN + 1])
        more = len(found) > MOST_SHOWN
        found = found[:MOST_SHOWN]
        for child in found:
            audit_event_record(
                person=request.user,
                action=AuditAction.VIEW,
                child_id=child.pk,
                object_type="child",
                object_id=child.pk,
                url_name="dpo-find",
                reason="Searched for the record to answer a data protection request",
            )
    return render(
        request,
        "dpo/find.html",
        title="Find a child's record",
        form=form,
        forms_=(form,),
        found=found,
        more=more,
        most=MOST_SHOWN,
        nav_active="dpo-find",
    )


@require_GET
def child_trail(request: AuthedRequest, child_id: int) -> HttpResponse:
    """Every entry on the trail about this child, refused attempts too, oldest last."""
    _dpo_only(request)
    child = get_object_or_404(Child, pk=child_id)
    audit_event_record(
        person=request.user,
        action=AuditAction.VIEW,
        child_id=child.pk,
        object_type="auditevent",
        url_name="dpo-child",
        reason="Read who has looked at the record, as the data protection officer",
    )
    events = (
        AuditEvent.objects.filter(child_id=child.pk)
        .select_related("person", "organisation")
        .order_by("-at", "-pk")
    )
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    from goldenthread.web.access.selectors import audit_event_what

    rows = [
        {
            "when": localtime(event.at),
            "who": _event_who(event),
            "name": event.person.get_full_name() if event.person else "",
            "what": audit_event_what(event),
            "why": event_why(event),
            "refused": event.result != "allowed",
        }
        for event in page
    ]
    return render(
        request,
        "dpo/child.html",
        title=f"Who has looked at {child.full_name}'s record",
        child=child,
        page=page,
        rows=rows,
        back=("dpo-find",),
        nav_active="dpo-find",
    )


@require_GET
def child_export(request: AuthedRequest, child_id: int, kind: str) -> HttpResponse:
    _dpo_only(request)
    child = get_object_or_404(Child, pk=child_id)
    if kind not in FORMATS:
        raise PermissionDenied
    # Logged first, so the copy itself lists this export among the looks.
    audit_event_record(
        person=request.user,
        action=AuditAction.EXPORT,
        child_id=child.pk,
        object_type="subject_access",
        url_name="dpo-export",
        reason="Made a copy of the record to answer a subject access request",
    )
    body: str | bytes
    if kind == "json":
        body = child_subject_access_json(child)
    elif kind == "pdf":
        body = export_pdf(child)
    else:
        body = export_html(child)
    response = HttpResponse(body, content_type=FORMATS[kind])
    response["Content-Disposition"] = f'attachment; filename="record-{child.pk}.{kind}"'
    response["Cache-Control"] = "no-store"
    return response
