"""Routes for access and the audit trail, added to the main URL map."""

from django.urls import path

from goldenthread.web.access import views

urlpatterns = [
    path("children/<int:child_id>/who-has-looked/", views.who_looked, name="who-looked"),
    path(
        "children/<int:child_id>/what-parents-see/",
        views.parents_can_see,
        name="parents-can-see",
    ),
    path("children/<int:child_id>/emergency-access/", views.break_glass, name="break-glass"),
    path("audit-trail/", views.audit_trail, name="audit-trail"),
    path("audit-trail/download/", views.audit_trail_export, name="audit-trail-export"),
]
