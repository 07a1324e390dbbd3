"""The data protection officer's page: find a child's record and download all of it."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.views.decorators.http import require_GET

from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import AuditAction
from goldenthread.web.accounts.models import Role
from goldenthread.web.plans.models import Child
from goldenthread.web.plans.views.common import AuthedRequest, render
from goldenthread.web.security.subject_access import (
    child_subject_access_html,
    child_subject_access_json,
)

CHILD_NOT_FOUND = "There is no child with that record number"


class FindChildForm(forms.Form):
    child = forms.IntegerField(
        label="Record number",
        min_value=1,
        help_text="The number at the end of the child's page address, for example 42.",
        error_messages={
            "required": "Enter the record number",
            "invalid": "Enter the record number as a number, like 42",
            "min_value": "Enter the record number as a number, like 42",
        },
    )


def may_answer_subject_access(user: object) -> bool:
    """Only a data protection officer, whatever other powers a person has.

    Reason: the export is the whole record, past versions and all, so it goes only to the
    person whose job is to answer requests for it.
    """
    return getattr(user, "role", "") == Role.DPO


@require_GET
def subject_access(request: AuthedRequest) -> HttpResponse:
    if not may_answer_subject_access(request.user):
        raise PermissionDenied
    form = FindChildForm(request.GET or None)
    child = None
    if form.is_bound and form.is_valid():
        child = Child.objects.filter(pk=form.cleaned_data["child"]).first()
        if child is None:
            form.add_error("child", CHILD_NOT_FOUND)
    wanted = request.GET.get("format")
    if child is not None and wanted in {"html", "json"}:
        body = (
            child_subject_access_html(child)
            if wanted == "html"
            else child_subject_access_json(child)
        )
        content_type = "text/html" if wanted == "html" else "application/json"
        audit_event_record(
            person=request.user,
            action=AuditAction.EXPORT,
            child_id=child.pk,
            object_type="subject_access",
            url_name="subject-access",
        )
        response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="subject-access-child-{child.pk}.{wanted}"'
        )
        response["Cache-Control"] = "no-store"
        return response
    return render(
        request,
        "security/subject_access.html",
        title="Subject access request",
        form=form,
        forms_=(form,),
        child=child,
    )
