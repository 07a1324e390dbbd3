"""Routes for the writing workspace, added to the main URL map. Each names ``plan_id`` so the
access middleware checks (and, for reads, logs) them."""

from django.urls import path

from goldenthread.web.workspace.views import build, check, contributions, issue, thread

urlpatterns = [
    path("plans/<int:plan_id>/check-outcome/", check.check_outcome, name="check-outcome"),
    path("plans/<int:plan_id>/thread/", thread.plan_thread, name="plan-thread"),
    path("plans/<int:plan_id>/outcomes/build/", build.outcome_build, name="outcome-build"),
    path("plans/<int:plan_id>/issue/", issue.plan_issue_view, name="plan-issue"),
    path("plans/<int:plan_id>/issue.docx", issue.plan_issue_docx, name="plan-issue-docx"),
    path("plans/<int:plan_id>/issue.pdf", issue.plan_issue_pdf, name="plan-issue-pdf"),
    path(
        "plans/<int:plan_id>/contributions/",
        contributions.plan_contributions_view,
        name="plan-contributions",
    ),
    path(
        "plans/<int:plan_id>/contributions/<str:kind>/<int:pk>/",
        contributions.contribution_decide_view,
        name="contribution-decide",
    ),
]
