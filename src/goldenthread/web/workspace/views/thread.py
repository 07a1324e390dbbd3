"""The golden thread, seen: a table from hopes to help, a diagram, every gap, and quality."""

from __future__ import annotations

from django.http import HttpResponse

from goldenthread.web.plans.selectors import golden_thread_get, plan_get_for
from goldenthread.web.plans.views.common import AuthedRequest, render
from goldenthread.web.workspace.thread import thread_view


def plan_thread(request: AuthedRequest, plan_id: int) -> HttpResponse:
    plan = plan_get_for(request.user, plan_id)
    view = thread_view(golden_thread_get(plan, accepted_only=True))
    return render(
        request,
        "workspace/thread.html",
        title="The golden thread of this plan",
        plan=plan,
        view=view,
        can_change=getattr(request, "child_access", None) is not None
        and request.child_access.can_change_plan,  # type: ignore[attr-defined]
        back=("child", plan.child_id),
    )
