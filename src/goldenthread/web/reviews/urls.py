"""Routes for reviews, added to the main URL map. Pages about a plan or child name ``plan_id``
or ``child_id`` so the access middleware checks and logs them."""

from django.urls import path

from goldenthread.web.reviews.views import lists, record, report

REVIEW = "plans/<int:plan_id>/reviews/<int:review_id>"

urlpatterns = [
    path("reviews/", lists.reviews_mine, name="reviews-mine"),
    path("reviews/late/", lists.overdue_mine, name="reviews-overdue"),
    path("reviews/late/setting/", lists.overdue_setting, name="reviews-overdue-setting"),
    path("reviews/late/area/", lists.overdue_area, name="reviews-overdue-area"),
    path("plans/<int:plan_id>/reviews/", record.plan_reviews, name="plan-reviews"),
    path("plans/<int:plan_id>/reviews/new/", record.review_add, name="review-add"),
    path(f"{REVIEW}/", report.review_detail, name="review"),
    path(f"{REVIEW}/report.pdf", report.review_pdf, name="review-pdf"),
    path(f"{REVIEW}/after/", record.review_after, name="review-after"),
    path(
        "plans/<int:plan_id>/outcomes/<int:outcome_id>/gas-levels/",
        record.outcome_gas_levels,
        name="outcome-gas-levels",
    ),
    path("children/<int:child_id>/progress/", report.child_progress_view, name="child-progress"),
]
