"""The live check: an outcome's words in, what the quality engine and linker say out, as JSON.

Posted (with the CSRF token) so that a child's details never sit in a URL or a server log.
A GET answers with the empty shape, so the page can be opened and tested like any other.
"""

from __future__ import annotations

import datetime as dt

from django.http import JsonResponse
from django.views.decorators.http import require_http_methods

from goldenthread.web.plans.selectors import plan_get_checked
from goldenthread.web.plans.views.common import AuthedRequest
from goldenthread.web.plans.views.linking import shows_percent
from goldenthread.web.workspace.feedback import (
    MAX_CHECK_CHARS,
    empty_feedback_json,
    outcome_feedback,
)


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()) if value.strip() else None
    except ValueError:
        return None


@require_http_methods(["GET", "POST"])
def check_outcome(request: AuthedRequest, plan_id: int) -> JsonResponse:
    plan = plan_get_checked(request, plan_id)
    if request.method != "POST":
        return JsonResponse(empty_feedback_json())
    text = str(request.POST.get("text", ""))
    if len(text) > MAX_CHECK_CHARS:
        return JsonResponse(
            {"error": f"Outcomes are checked up to {MAX_CHECK_CHARS} characters."}, status=400
        )
    feedback = outcome_feedback(
        text,
        plan=plan,
        due_date=_date(str(request.POST.get("due_date", ""))),
        with_percent=shows_percent(request.user),
    )
    return JsonResponse(feedback.as_json() if feedback else empty_feedback_json())
