"""Routes for the API, added to the main URL map under ``api/``.

Routes about a child name ``child_id`` or ``plan_id`` (and a part's ``pk`` with its ``kind``),
so ``ChildAccessMiddleware`` checks each one and logs every look, as for the pages.
"""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from goldenthread.web.api.views import children, imports, parts, passport, records, schemas

PLAN = "api/plans/<int:plan_id>"

urlpatterns = [
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/schemas/<str:name>", schemas.PublishedSchema.as_view(), name="api-schemas"),
    path("api/children/", children.ChildListCreate.as_view(), name="api-children"),
    path("api/children/<int:child_id>/", records.ChildDetail.as_view(), name="api-child"),
    path("api/children/<int:child_id>/plans/", records.PlanList.as_view(), name="api-plans"),
    path(
        "api/children/<int:child_id>/passport/",
        passport.PassportRecord.as_view(),
        name="api-passport",
    ),
    path(
        "api/children/<int:child_id>/passport/fhir/",
        passport.PassportFhir.as_view(),
        name="api-passport-fhir",
    ),
    path("api/imports/record/", imports.RecordImport.as_view(), name="api-import-record"),
    path("api/imports/fhir/", imports.FhirImport.as_view(), name="api-import-fhir"),
    path(f"{PLAN}/", records.PlanDetail.as_view(), name="api-plan"),
    path(f"{PLAN}/outcomes/", parts.OutcomeList.as_view(), name="api-outcomes"),
    path(
        f"{PLAN}/outcomes/<int:pk>/",
        parts.OutcomeDetail.as_view(),
        {"kind": "outcomes"},
        name="api-outcome",
    ),
    path(f"{PLAN}/provision/", parts.ProvisionList.as_view(), name="api-provision-list"),
    path(
        f"{PLAN}/provision/<int:pk>/",
        parts.ProvisionDetail.as_view(),
        {"kind": "provision"},
        name="api-provision",
    ),
    path(f"{PLAN}/reviews/", records.ReviewList.as_view(), name="api-reviews"),
    path(f"{PLAN}/reviews/<int:review_id>/", records.ReviewDetail.as_view(), name="api-review"),
]
