"""Routes for the data protection officer, added to the main URL map."""

from django.urls import path

from goldenthread.web.dpo import views

urlpatterns = [
    path("data-protection/find/", views.find_child, name="dpo-find"),
    path("data-protection/children/<int:child_id>/", views.child_trail, name="dpo-child"),
    path(
        "data-protection/children/<int:child_id>/record.<str:kind>",
        views.child_export,
        name="dpo-export",
    ),
]
