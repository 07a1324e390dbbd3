"""Routes for the statutory returns, added to the main URL map."""

from django.urls import path

from goldenthread.web.returns import views

urlpatterns = [
    path("returns/", views.returns_home, name="returns"),
    path("returns/check/", views.returns_check, name="returns-check"),
    path("returns/sen2/", views.returns_sen2, name="returns-sen2"),
    path("returns/annex-a/", views.returns_annex_a, name="returns-annex-a"),
]
