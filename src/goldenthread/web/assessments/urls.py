"""Routes for assessments. Pages about one child name ``child_id`` so the access middleware
checks and logs them (``access.middleware.CHILD_ROUTES``)."""

from django.urls import path

from goldenthread.web.assessments import timeliness
from goldenthread.web.assessments.views import advice, letters, pages, steps

ONE = "children/<int:child_id>/assessments/<int:assessment_id>"

urlpatterns = [
    path("assessments/late/", pages.assessments_late, name="assessments-late"),
    path("assessments/timeliness/", timeliness.timeliness, name="assessments-timeliness"),
    path("children/<int:child_id>/assessments/new/", pages.assessment_new, name="assessment-new"),
    path(f"{ONE}/", pages.assessment_detail, name="assessment"),
    path(f"{ONE}/step/<slug:step>/", steps.assessment_step, name="assessment-step"),
    path(
        f"{ONE}/advice/<int:advice_id>/received/",
        steps.advice_received,
        name="advice-received",
    ),
    path(f"{ONE}/advice/<int:advice_id>/give/", advice.advice_give_view, name="advice-give"),
    path(f"{ONE}/advice/<int:advice_id>/decide/", advice.advice_decide_view, name="advice-decide"),
    path(
        f"{ONE}/exceptions/<int:exception_id>/end/",
        steps.exception_end_view,
        name="assessment-exception-end",
    ),
    path(f"{ONE}/letter/<slug:kind>/", letters.letter_view, name="assessment-letter"),
    path(f"{ONE}/letter/<slug:kind>.pdf", letters.letter_pdf, name="assessment-letter-pdf"),
]
