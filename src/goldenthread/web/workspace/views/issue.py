"""The plan issued as a Word document (sections A to K)."""

from __future__ import annotations

from django.http import HttpResponse

from goldenthread.web.plans.selectors import golden_thread_get, plan_get_for
from goldenthread.web.plans.views.common import AuthedRequest
from goldenthread.web.workspace.issue import plan_docx

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def plan_issue_docx(request: AuthedRequest, plan_id: int) -> HttpResponse:
    plan = plan_get_for(request.user, plan_id)
    response = HttpResponse(plan_docx(golden_thread_get(plan)), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="plan-{plan.pk}.docx"'
    response["Cache-Control"] = "no-store"
    return response
