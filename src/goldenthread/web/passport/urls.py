"""Routes for the passport, added to the main URL map. Each names ``child_id`` so the access
middleware checks it and logs every look."""

from django.urls import path

from goldenthread.web.passport import views, views_link, views_transfer

CHILD = "children/<int:child_id>"

urlpatterns = [
    path(f"{CHILD}/passport/", views.passport, name="passport"),
    path(f"{CHILD}/passport.pdf", views.passport_pdf, name="passport-pdf"),
    path(f"{CHILD}/passport.json", views.passport_json_export, name="passport-json"),
    path(f"{CHILD}/passport.fhir.json", views.passport_fhir_export, name="passport-fhir"),
    path(f"{CHILD}/passport/share/", views.passport_share_add, name="passport-share"),
    path(
        f"{CHILD}/passport/share/<int:share_id>/stop/",
        views.passport_share_stop,
        name="passport-share-stop",
    ),
    path(f"{CHILD}/passport/link/", views_link.passport_link_add, name="passport-link"),
    path(
        f"{CHILD}/passport/link/<int:link_id>/stop/",
        views_link.passport_link_stop,
        name="passport-link-stop",
    ),
    path("passport/import/", views_transfer.passport_import, name="passport-import"),
    # Public: the token is the permission (ADR 0014). Not about a child in the URL.
    path("passport/link/<str:token>/", views_link.passport_link_view, name="passport-link-view"),
]
