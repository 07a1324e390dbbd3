"""Issue the plan (the coordinator makes it final), and download it as Word or PDF (A to K)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from goldenthread.web.access.policy import ChildAccess, child_access
from goldenthread.web.formfields import error_summary_of
from goldenthread.web.plans.models import ContributionStatus, DocumentFormat, Plan
from goldenthread.web.plans.selectors import golden_thread_get, plan_get_for
from goldenthread.web.plans.services.contributions import (
    plan_contributions,
    plan_decider,
    plan_issue,
    plan_waiting_count,
    waiting_message,
)
from goldenthread.web.plans.views.common import AuthedRequest, render
from goldenthread.web.workspace.issued import (
    CONTENT_TYPES,
    document_bytes,
    issued_document_build,
    issued_document_get,
)


def _access(request: AuthedRequest, plan: Plan) -> ChildAccess:
    found: ChildAccess | None = getattr(request, "child_access", None)
    return found or child_access(request.user, plan.child_id)


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def plan_document_download(request: AuthedRequest, plan: Plan, kind: str) -> HttpResponse:
    """An issued version: the document stored at issue, byte for byte. A draft, or a version
    issued before documents were stored, is made from the record now.

    Someone who may not see the child's "All about me" (a parent the young person has not
    chosen) gets the plan made now with that section hidden, never the stored copy."""
    visible = _access(request, plan).can_see_all_about_me
    filename = f"plan-{plan.pk}-version-{plan.version}.{kind}"
    stored = issued_document_get(plan, kind) if visible and plan.is_fixed else None
    if stored is not None:
        return _download(bytes(stored.content), CONTENT_TYPES[kind], filename)
    document = issued_document_build(plan, about_visible=visible)
    return _download(document_bytes(document, kind), CONTENT_TYPES[kind], filename)


def plan_issue_docx(request: AuthedRequest, plan_id: int) -> HttpResponse:
    plan = plan_get_for(request.user, plan_id)
    return plan_document_download(request, plan, DocumentFormat.DOCX)


def plan_issue_pdf(request: AuthedRequest, plan_id: int) -> HttpResponse:
    plan = plan_get_for(request.user, plan_id)
    return plan_document_download(request, plan, DocumentFormat.PDF)


@require_http_methods(["GET", "POST"])
def plan_issue_view(request: AuthedRequest, plan_id: int) -> HttpResponse:
    """Check the plan is ready, issue it, then offer the Word and PDF copies."""
    plan = plan_get_for(request.user, plan_id)
    decider = plan_decider(plan, request.user)
    error = None
    if request.method == "POST":
        if not decider:
            raise PermissionDenied
        try:
            plan_issue(plan, user=request.user)
        except ValueError as problem:
            error = str(problem)
        else:
            messages.success(request, "Plan issued. You can download it below.")
            return redirect("plan-issue", plan_id=plan.pk)
    waiting = plan_waiting_count(plan)
    thread = golden_thread_get(plan, accepted_only=True)
    returned = plan_contributions(plan, statuses=(ContributionStatus.RETURNED,))
    return render(
        request,
        "workspace/issue.html",
        title="Issue the plan",
        plan=plan,
        thread=thread,
        decider=decider,
        waiting=waiting,
        waiting_words=waiting_message(waiting) if waiting else "",
        returned=returned,
        page_errors=error_summary_of([error] if error else []),
        status=400 if error else 200,
        back=("child", plan.child_id),
    )
