"""The review report (a page and a real PDF) and a child's progress over time."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

from goldenthread.core.reviews import GAS_LEVELS
from goldenthread.web.plans.models import Plan
from goldenthread.web.plans.selectors import child_get_for, plan_get_for
from goldenthread.web.plans.views.common import AuthedRequest, render
from goldenthread.web.reviews.models import Review
from goldenthread.web.reviews.progress import chart_svg, child_progress, describe
from goldenthread.web.reviews.selectors import review_get


def _report_context(plan: Plan, review: Review) -> dict[str, Any]:
    progress = list(review.progress.all())
    return {
        "plan": plan,
        "child": plan.child,
        "review": review,
        "progress": progress,
        "contributions": list(review.contributions.all()),
        "t_score": review.t_score,
        "gas_words": GAS_LEVELS,
    }


def review_detail(request: AuthedRequest, plan_id: int, review_id: int) -> HttpResponse:
    plan = plan_get_for(request.user, plan_id)
    review = review_get(plan, review_id)
    access = getattr(request, "child_access", None)
    return render(
        request,
        "reviews/report.html",
        title=f"Review report: {review}",
        can_change=access is not None and access.can_change_plan,
        back=("plan-reviews", plan.pk),
        **_report_context(plan, review),
    )


def review_pdf(request: AuthedRequest, plan_id: int, review_id: int) -> HttpResponse:
    """The same report as a PDF made by WeasyPrint, to send to the family and the team."""
    from weasyprint import HTML

    plan = plan_get_for(request.user, plan_id)
    review = review_get(plan, review_id)
    html = render_to_string(
        "reviews/report_pdf.html",
        {
            "title": f"Review report: {review}",
            "made_on": timezone.localdate(),
            **_report_context(plan, review),
        },
        request=request,
    )
    pdf = HTML(string=html).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"review-{plan.pk}-{review.meeting_on:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def child_progress_view(request: AuthedRequest, child_id: int) -> HttpResponse:
    child = child_get_for(request.user, child_id)
    progress = child_progress(child)
    t_words = describe(progress.t_scores, what="the GAS T-score")
    outcome_charts = [
        (series, chart_svg(series, description=describe(series, what="the GAS level")))
        for series in progress.outcomes
    ]
    return render(
        request,
        "reviews/progress.html",
        title="Progress over time",
        child=child,
        progress=progress,
        t_chart=chart_svg(progress.t_scores, description=t_words)
        if progress.t_scores.points
        else None,
        outcome_charts=outcome_charts,
        back=("child", child.pk),
    )
