"""Routes for the family view and the staff pages behind it (docs/family-view.md)."""

from django.urls import path

from goldenthread.web.family import views, views_staff

urlpatterns = [
    path("my-family/", views.family_home, name="family-home"),
    path("my-family/<int:child_id>/", views.family_plan_view, name="family-plan"),
    path("my-family/<int:child_id>/your-views/", views.family_views, name="family-views"),
    path("my-family/<int:child_id>/your-ideas/", views.family_propose, name="family-propose"),
    path("my-family/<int:child_id>/what-parents-see/", views.family_hide, name="family-hide"),
    path("children/<int:child_id>/capacity/", views_staff.capacity, name="family-capacity"),
    path("plans/<int:plan_id>/family-views/", views_staff.ideas, name="family-ideas"),
    path(
        "plans/<int:plan_id>/family-views/<int:idea_id>/",
        views_staff.idea_decide_view,
        name="family-idea-decide",
    ),
]
