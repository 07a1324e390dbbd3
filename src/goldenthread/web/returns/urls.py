"""Routes for the statutory returns, added to the main URL map."""

from django.urls import path

from goldenthread.web.returns import child_views, views

urlpatterns = [
    path("returns/", views.returns_home, name="returns"),
    path("returns/check/", views.returns_check, name="returns-check"),
    path("returns/sen2/", views.returns_sen2, name="returns-sen2"),
    path("returns/annex-a/", views.returns_annex_a, name="returns-annex-a"),
    path(
        "returns/children/<int:child_id>/details/",
        child_views.returns_child_details,
        name="returns-child-details",
    ),
    path(
        "returns/children/<int:child_id>/placements/new/",
        child_views.returns_placement_start,
        name="returns-placement-start",
    ),
]
