"""The URL map. Every route must appear in the authorisation matrix test (tests/web)."""

from django.contrib import admin
from django.urls import path

from goldenthread.web.access import urls as access_urls
from goldenthread.web.api import urls as api_urls
from goldenthread.web.assessments import urls as assessments_urls
from goldenthread.web.insights import urls as insights_urls
from goldenthread.web.jobs import views as jobs_views
from goldenthread.web.notifications import views as notifications_views
from goldenthread.web.ops import health, metrics
from goldenthread.web.passport import urls as passport_urls
from goldenthread.web.plans.views import archive, auth, caseload, child, fixed, parts
from goldenthread.web.reviews import urls as reviews_urls
from goldenthread.web.security import urls as security_urls
from goldenthread.web.workspace import urls as workspace_urls

PART = "<str:kind>"

urlpatterns = [
    path("sign-in/", auth.sign_in, name="sign-in"),
    path("sign-out/", auth.sign_out, name="sign-out-confirm"),
    path("accessibility/", auth.accessibility, name="accessibility"),
    path("health/", auth.health, name="health"),
    path("health/live/", health.live, name="health-live"),
    path("health/ready/", health.ready, name="health-ready"),
    path("metrics", metrics.metrics, name="metrics"),
    path("", notifications_views.home, name="home"),
    path("seen/", notifications_views.home_seen, name="home-seen"),
    path("account/emails/", notifications_views.email_settings, name="email-settings"),
    path("children/", caseload.caseload, name="caseload"),
    path("scheduled-jobs/", jobs_views.job_runs, name="job-runs"),
    path("children/add/", child.child_add, name="child-add"),
    path("children/<int:child_id>/", child.child_detail, name="child"),
    path("children/archived/", archive.archived_children, name="archived-children"),
    path("children/<int:child_id>/archive/", archive.child_archive_view, name="child-archive"),
    path("children/<int:child_id>/restore/", archive.child_restore_view, name="child-restore"),
    path("children/<int:child_id>/edit/", child.child_edit, name="child-edit"),
    path("children/<int:child_id>/all-about-me/", child.all_about_me_edit, name="all-about-me"),
    path("children/<int:child_id>/plans/add/", child.plan_add, name="plan-add"),
    path("plans/<int:plan_id>/edit/", child.plan_edit, name="plan-edit"),
    path("plans/<int:plan_id>/amend/", child.plan_amend_view, name="plan-amend"),
    path("plans/<int:plan_id>/archive/", child.plan_archive, name="plan-archive"),
    path("plans/<int:plan_id>/versions/", fixed.plan_history_view, name="plan-history"),
    path(f"plans/<int:plan_id>/{PART}/add/", parts.part_form, name="part-add"),
    path(
        "plans/<int:plan_id>/outcomes/<int:outcome_id>/steps/add/",
        parts.part_form,
        {"kind": "steps"},
        name="step-add",
    ),
    path(f"plans/<int:plan_id>/{PART}/<int:pk>/edit/", parts.part_form, name="part-edit"),
    path(f"plans/<int:plan_id>/{PART}/<int:pk>/archive/", parts.part_archive, name="part-archive"),
    path(f"plans/<int:plan_id>/{PART}/<int:pk>/history/", parts.part_history, name="part-history"),
    *security_urls.urlpatterns,
    *access_urls.urlpatterns,
    *insights_urls.urlpatterns,
    *passport_urls.urlpatterns,
    *reviews_urls.urlpatterns,
    *workspace_urls.urlpatterns,
    *assessments_urls.urlpatterns,
    *api_urls.urlpatterns,  # the REST API under api/ (docs/api/README.md)
    path("admin/", admin.site.urls),
]
