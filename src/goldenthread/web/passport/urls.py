"""Routes for the passport, added to the main URL map. Each names ``child_id`` so the access
middleware checks it and logs every look."""

from django.urls import path

from goldenthread.web.passport import views

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
]
