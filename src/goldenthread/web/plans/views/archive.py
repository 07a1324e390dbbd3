"""Archiving a child's record, finding archived records and restoring them (ADR 0021).

Only the child's EHC coordinator, or an administrator who gives a reason, may do any of it
(``access.archiving``); everyone else who can see the child is refused (403). Each action has a
confirmation page that says what will happen before the button is pressed.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.timezone import localtime
from django.views.decorators.http import require_GET, require_http_methods

from goldenthread.web.access.archiving import (
    ArchiveRight,
    archived_children_for,
    child_archive_right,
)
from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import AuditAction
from goldenthread.web.accounts.models import Role
from goldenthread.web.plans.models import Child
from goldenthread.web.plans.selectors import child_get_for
from goldenthread.web.plans.services.archiving import (
    ARCHIVE_MIN_REASON,
    ARCHIVE_NEEDS_REASON,
    ArchiveNotAllowedError,
    ArchiveRuleError,
    child_archive,
    child_restore,
)
from goldenthread.web.plans.views.common import AuthedRequest, render

PAGE_SIZE = 25
MAY_FIND_ARCHIVED = frozenset({Role.COORDINATOR, Role.ADMINISTRATOR})


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Why?",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1000,
        required=False,
        help_text="The data protection officer and the family can see what you write here.",
    )

    def __init__(self, data: object = None, *, right: ArchiveRight) -> None:
        super().__init__(data)  # type: ignore[arg-type]
        self.right = right
        field = self.fields["reason"]
        if right.needs_reason:
            field.label = "Why?"
            field.help_text = (
                f"Administrators must say why, in at least {ARCHIVE_MIN_REASON} characters. "
                f"{field.help_text}"
            )
        else:
            field.label = "Why? (optional)"

    def clean_reason(self) -> str:
        reason = str(self.cleaned_data.get("reason") or "").strip()
        if self.right.needs_reason and len(reason) < ARCHIVE_MIN_REASON:
            raise forms.ValidationError(ARCHIVE_NEEDS_REASON)
        return reason


def _right_or_refuse(request: AuthedRequest, child: Child) -> ArchiveRight:
    right = child_archive_right(request.user, child.pk)
    if not right.allowed:
        raise ArchiveNotAllowedError
    return right


@require_http_methods(["GET", "POST"])
def child_archive_view(request: AuthedRequest, child_id: int) -> HttpResponse:
    child = child_get_for(request.user, child_id)
    right = _right_or_refuse(request, child)
    form = ReasonForm(request.POST if request.method == "POST" else None, right=right)
    if request.method == "POST" and form.is_valid():
        try:
            child_archive(child=child, by=request.user, reason=form.cleaned_data["reason"])
        except ArchiveRuleError as error:
            form.add_error("reason", str(error))
        else:
            messages.success(
                request,
                f"{child.full_name}'s record is archived. Nothing is deleted: you can find it "
                "under archived records and restore it.",
            )
            return redirect("archived-children")
    return render(
        request,
        "plans/archive_confirm.html",
        title=f"Archive {child.full_name}'s record",
        caption=child.full_name,
        form=form,
        forms_=(form,),
        body="The child will no longer show in any caseload, list or figures, and nobody can "
        "open their record. Nothing is deleted: the history is kept, and you or an "
        "administrator can restore the record from the list of archived records.",
        button="Archive record",
        warning=True,
        back=("child", child.pk),
    )


@require_GET
def archived_children(request: AuthedRequest) -> HttpResponse:
    if request.user.role not in MAY_FIND_ARCHIVED:
        raise PermissionDenied
    page = Paginator(archived_children_for(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "plans/archived.html",
        title="Archived records",
        page=page,
        rows=[(child, localtime(child.archived_at).date()) for child in page if child.archived_at],
        # Administrators never see a child's name without a reason (ADR 0007): numbers only.
        show_names=request.user.role == Role.COORDINATOR,
        nav_active="caseload",
    )


def _restore_title(request: AuthedRequest, child: Child) -> tuple[str, str]:
    if request.user.role == Role.COORDINATOR:
        return f"Restore {child.full_name}'s record", child.full_name
    return f"Restore record {child.pk}", f"Record {child.pk}"


@require_http_methods(["GET", "POST"])
def child_restore_view(request: AuthedRequest, child_id: int) -> HttpResponse:
    """Decided here, not by the middleware: an archived child has no reader (ADR 0021)."""
    child = archived_children_for(request.user).filter(pk=child_id).first()
    if child is None:
        raise Http404  # never confirm that a child exists
    right = _right_or_refuse(request, child)
    form = ReasonForm(request.POST if request.method == "POST" else None, right=right)
    if request.method == "POST" and form.is_valid():
        try:
            child_restore(child=child, by=request.user, reason=form.cleaned_data["reason"])
        except ArchiveRuleError as error:
            form.add_error("reason", str(error))
        else:
            messages.success(request, "The record is restored, as it was before.")
            if right is ArchiveRight.COORDINATOR:
                return redirect("child", child_id=child.pk)
            return redirect("archived-children")
    title, caption = _restore_title(request, child)
    if request.method == "GET":
        audit_event_record(
            person=request.user,
            action=AuditAction.VIEW,
            child_id=child.pk,
            object_type="child",
            object_id=child.pk,
            url_name="child-restore",
        )
    return render(
        request,
        "plans/archive_confirm.html",
        title=title,
        caption=caption,
        form=form,
        forms_=(form,),
        body="The record comes back as it was: on the same caseloads, with every plan and "
        "all its history. The restore is kept in the history and on the audit trail.",
        button="Restore record",
        warning=False,
        back=("archived-children",),
    )
