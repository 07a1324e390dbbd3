"""Routes for the quality lead's workbench, added to the main URL map."""

from django.urls import path

from goldenthread.web.workbench import views

urlpatterns = [
    path("quality/", views.workbench, name="workbench"),
    path("quality/uploads/<int:upload_id>/", views.upload_page, name="workbench-upload"),
    path(
        "quality/uploads/<int:upload_id>/results.<str:kind>",
        views.upload_download,
        name="workbench-download",
    ),
    path("outcomes-to-check/", views.outcomes_to_check, name="quality-audit"),
]
