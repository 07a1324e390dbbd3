"""Routes for area insights, added to the main URL map. All need an insights role."""

from django.urls import path

from goldenthread.web.insights import views

urlpatterns = [
    path("insights/", views.insights_home, name="insights"),
    path("insights/headline/", views.headline, name="insights-headline"),
    path("insights/report/", views.report, name="insights-report"),
    path("insights/report/download/", views.report_download, name="insights-report-download"),
    path("insights/<slug:slug>/", views.dashboard, name="insights-dashboard"),
    path(
        "insights/<slug:slug>/download/",
        views.dashboard_download,
        name="insights-dashboard-download",
    ),
    path(
        "insights/<slug:slug>/<slug:key>.csv",
        views.figure_download,
        name="insights-figure-download",
    ),
]
