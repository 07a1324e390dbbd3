"""The setting plan pages: their URLs, and what each needs from the access policy.

``register_routes`` (called once the apps are ready) adds them to the access middleware's
table, so the middleware checks and logs them like every other page about a child.
"""

from __future__ import annotations

from django.urls import path

from goldenthread.web.setting_plans import views, views_moves

PLAN = "plans/<int:plan_id>"
PACK = f"{PLAN}/assessment-requests/<int:pack_id>"

urlpatterns = [
    path("setting/", views.setting_home, name="setting-home"),
    path("area-insights/tiers/", views.area_tiers, name="insights-tiers"),
    path(
        "children/<int:child_id>/setting-plan/start/", views.plan_start, name="setting-plan-start"
    ),
    path(f"{PLAN}/setting/", views.plan_page, name="setting-plan"),
    path(f"{PLAN}/setting/sections/<slug:key>/", views.section_edit, name="setting-plan-section"),
    path(
        f"{PLAN}/outcomes/<int:outcome_id>/short-term/add/",
        views.short_term_new,
        name="short-term-add",
    ),
    path(
        f"{PLAN}/short-term/<int:short_id>/progress/",
        views.short_term_progress,
        name="short-term-progress",
    ),
    path(f"{PLAN}/setting/escalate/", views.escalate, name="setting-plan-escalate"),
    path(f"{PLAN}/setting/step-down/", views_moves.plan_step_down, name="setting-plan-step-down"),
    path(
        "children/<int:child_id>/setting-plan/handover/",
        views_moves.child_handover,
        name="setting-handover",
    ),
    path(
        "setting/handover/receive/", views_moves.handover_receive, name="setting-handover-receive"
    ),
    path(f"{PACK}/", views.assessment_request, name="assessment-request"),
    path(f"{PACK}/request.pdf", views.assessment_request_pdf, name="assessment-request-pdf"),
]


def register_routes() -> None:
    from goldenthread.web.access.middleware import (
        CAN_CHANGE_PLAN,
        CAN_READ,
        CHILD_ROUTES,
        FORM_PAGE,
        READ_PAGE,
        SETTING_ROUTES,
        ChildRoute,
    )

    CHILD_ROUTES.update(
        {
            "setting-plan-start": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
            "setting-plan": ChildRoute(CAN_READ, READ_PAGE),
            "setting-plan-section": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
            "short-term-add": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
            "short-term-progress": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
            "setting-plan-escalate": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
            "setting-plan-step-down": ChildRoute(CAN_CHANGE_PLAN, FORM_PAGE),
            "setting-handover": ChildRoute(CAN_READ, FORM_PAGE),
            "assessment-request": ChildRoute(CAN_READ, READ_PAGE),
            "assessment-request-pdf": ChildRoute(CAN_READ, READ_PAGE),
        }
    )
    # Setting staff only for their own setting's children: refused "not your setting".
    SETTING_ROUTES.update(
        name for name in CHILD_ROUTES if name.startswith(("setting-", "short-term-"))
    )
    SETTING_ROUTES.update({"assessment-request", "assessment-request-pdf"})
