"""The authorisation matrix: every route in the URL map, opened by every kind of person.

``ROUTES`` gives each route a concrete URL (from the access world) and a kind; ``EXPECTED``
says what each persona gets for each kind. A route added to urls.py without a line here makes
``test_every_route_is_in_the_matrix`` fail. Outside access is always "not found" (404), so ids
cannot be probed; "forbidden" (403) only goes to someone who may already see the child, or for
pages that depend on the role alone.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from goldenthread.web.access.middleware import CHILD_ROUTES, CHILD_ROUTES_DECIDED_BY_VIEW
from goldenthread.web.access.models import AuditAction, AuditEvent, ChildShare
from goldenthread.web.accounts.models import Role, User
from goldenthread.web.plans.coordinators import EHC_PLAN_BY_LA_ONLY
from goldenthread.web.plans.models import Child, Outcome, Plan
from goldenthread.web.reviews.models import PlanDecision, Review, ReviewKind
from tests.web.access_world import PERSONAS, World, world_create

OPEN = "open (200, or a redirect that is not to sign in)"
SIGN_IN = "sent to sign in"
FORBIDDEN = 403
NOT_FOUND = 404

Url = Callable[[World], str]


def _plan(w: World) -> str:
    return f"/plans/{w.area.thread.plan.pk}"


def _child(w: World) -> str:
    return f"/children/{w.child.pk}"


def _share(w: World) -> int:
    """The world's live share with the therapist (stopping it is a POST; GET is refused)."""
    share = ChildShare.objects.filter(child=w.child, shared_with_person=w.people["therapist"])
    return share.values_list("pk", flat=True).get()


def _review(w: World) -> str:
    """A review of the world's plan (made on first use), as its page's address."""
    plan = w.area.thread.plan
    review = Review.objects.filter(plan=plan).first() or Review.objects.create(
        plan=plan,
        kind=ReviewKind.ANNUAL,
        meeting_on=timezone.localdate(),
        decision=PlanDecision.KEEP,
        child_views="I like maths.",
    )
    return f"{_plan(w)}/reviews/{review.pk}"


def _passport_link(w: World) -> tuple[int, str]:
    """A live read-only link to the world's passport (made on first use): its id and token."""
    from goldenthread.web.passport.links import LinkDetails, passport_link_create

    if not hasattr(w, "passport_link"):
        today = timezone.localdate()
        details = LinkDetails("Dr Example", "To meet", "parent", "A Parent", today, today, 50)
        link, token = passport_link_create(
            child=w.child, by=w.people["coordinator"], details=details
        )
        w.passport_link = (link.pk, token)  # type: ignore[attr-defined]
    return w.passport_link  # type: ignore[attr-defined, no-any-return]


def _sheet(w: World) -> str:
    """The world's plan with a setting sheet (made on first use), as the plan's address."""
    from goldenthread.web.setting_plans.models import SettingPlan

    plan = w.area.thread.plan
    SettingPlan.objects.get_or_create(
        plan=plan, defaults={"setting_id": w.child.current_setting_id or w.area.school.pk}
    )
    return _plan(w)


def _short_term(w: World) -> int:
    from goldenthread.web.setting_plans.models import ShortTermOutcome

    short, _ = ShortTermOutcome.objects.get_or_create(
        outcome=w.area.thread.outcome,
        child_id=w.area.thread.plan.child_id,
        defaults={"text": "By May 2027 I will read a page.", "due_date": timezone.localdate()},
    )
    return short.pk


def _pack(w: World) -> str:
    from goldenthread.web.setting_plans.models import AssessmentRequestPack

    plan = w.area.thread.plan
    pack, _ = AssessmentRequestPack.objects.get_or_create(
        from_plan=plan,
        defaults={
            "child_id": plan.child_id,
            "setting_id": w.area.school.pk,
            "local_authority_id": w.area.local_authority.pk,
            "why": "Little progress",
            "parent_views": "We agree",
            "evidence": {
                "plan": {"label": "x"},
                "outcomes": [],
                "provision_tried": [],
                "reviews": [],
            },
            "pdf": b"%PDF-1.7",
            "pdf_sha256": "0" * 64,
        },
    )
    return f"{_plan(w)}/assessment-requests/{pack.pk}"


def _assessment(w: World) -> str:
    """An assessment of the world's child (made on first use): decided not to assess, with a
    request for advice from the therapist and an exception, as its page's address."""
    from goldenthread.web.assessments.models import AdviceRequest, Assessment, ClockException

    if not hasattr(w, "assessment"):
        today = timezone.localdate()
        made = Assessment.objects.create(
            child=w.child,
            coordinator=w.people["coordinator"],
            request_received_on=today,
            request_source="parent",
            request_outcome="not_assess",
            request_outcome_on=today,
            not_assess_reason="Support in school is meeting needs",
        )
        advice = AdviceRequest.objects.create(
            assessment=made, service="health", adviser=w.people["therapist"], requested_on=today
        )
        exception = ClockException.objects.create(
            assessment=made, reason="personal_circumstances", starts_on=today
        )
        w.assessment = (made.pk, advice.pk, exception.pk)  # type: ignore[attr-defined]
    made_pk = w.assessment[0]  # type: ignore[attr-defined]
    return f"{_child(w)}/assessments/{made_pk}"


def _assessment_advice(w: World) -> str:
    return f"{_assessment(w)}/advice/{w.assessment[1]}"  # type: ignore[attr-defined]


def _idea(w: World) -> int:
    """A view the young person sent about the world's plan (made on first use)."""
    from goldenthread.web.family.models import FamilyIdea

    plan = w.area.thread.plan
    idea = FamilyIdea.objects.filter(plan=plan).first() or FamilyIdea.objects.create(
        plan=plan,
        kind="review_views",
        text="I like maths.",
        author=w.people["young_person"],
        author_role=Role.CHILD,
    )
    return idea.pk


def _upload(w: World) -> int:
    """A finished upload of the world's quality lead (made on first use)."""
    from goldenthread.web.workbench.models import QualityUpload, UploadStatus

    upload, _ = QualityUpload.objects.get_or_create(
        owner=w.people["quality_lead"],
        file_name="outcomes.csv",
        defaults={"status": UploadStatus.DONE, "total": 0},
    )
    return upload.pk


# route name: (a concrete URL, its kind)
ROUTES: dict[str, tuple[Url, str]] = {
    "sign-in": (lambda w: "/sign-in/", "public"),
    "accessibility": (lambda w: "/accessibility/", "public"),
    "health": (lambda w: "/health/", "public"),
    "health-live": (lambda w: "/health/live/", "public"),
    "health-ready": (lambda w: "/health/ready/", "public"),
    "metrics": (lambda w: "/metrics", "metrics"),
    "sign-in-code": (lambda w: "/sign-in/code/", "sign-in step"),
    "admin-sign-in": (lambda w: "/admin/login/", "public"),
    "home": (lambda w: "/", "signed in"),
    "home-seen": (lambda w: "/seen/", "signed in, post only"),
    "email-settings": (lambda w: "/account/emails/", "signed in"),
    "caseload": (lambda w: "/children/", "signed in"),
    "job-runs": (lambda w: "/scheduled-jobs/", "administrator"),
    "sign-out-confirm": (lambda w: "/sign-out/", "signed in"),
    "sign-in-code-setup": (lambda w: "/account/sign-in-code/", "signed in"),
    "sign-in-code-off": (lambda w: "/account/sign-in-code/turn-off/", "signed in"),
    # Your account (ADR 0016); password reset is public, its link's token the permission.
    "account": (lambda w: "/account/", "signed in"),
    "password-change": (lambda w: "/account/password/", "signed in"),
    "account-sessions": (lambda w: "/account/sessions/", "signed in"),
    "account-sessions-end": (lambda w: "/account/sessions/sign-out/", "signed in, post only"),
    "password-reset": (lambda w: "/password-reset/", "public"),
    "password-reset-sent": (lambda w: "/password-reset/sent/", "public"),
    "password-reset-confirm": (lambda w: "/password-reset/MQ/not-a-token/", "bad reset link"),
    "subject-access": (lambda w: "/data-protection/subject-access/", "dpo"),
    "child-add": (lambda w: "/children/add/", "professional"),
    "child": (lambda w: f"{_child(w)}/", "read"),
    "part-history": (lambda w: f"{_plan(w)}/aspirations/{w.area.thread.hope.pk}/history/", "read"),
    "child-edit": (lambda w: f"{_child(w)}/edit/", "change"),
    "child-archive": (lambda w: f"{_child(w)}/archive/", "archive child"),
    "archived-children": (lambda w: "/children/archived/", "archived list"),
    # The world's child is not archived, so there is nothing to restore (ADR 0021).
    "child-restore": (lambda w: f"{_child(w)}/restore/", "restore, archived only"),
    "plan-add": (lambda w: f"{_child(w)}/plans/add/", "change"),
    "plan-edit": (lambda w: f"{_plan(w)}/edit/", "change"),
    "plan-amend": (lambda w: f"{_plan(w)}/amend/", "change"),
    "plan-archive": (lambda w: f"{_plan(w)}/archive/", "change"),
    "plan-history": (lambda w: f"{_plan(w)}/versions/", "read"),
    "part-add": (lambda w: f"{_plan(w)}/needs/add/", "change"),
    "step-add": (lambda w: f"{_plan(w)}/outcomes/{w.area.thread.outcome.pk}/steps/add/", "change"),
    "part-edit": (lambda w: f"{_plan(w)}/outcomes/{w.area.thread.outcome.pk}/edit/", "change"),
    "part-archive": (lambda w: f"{_plan(w)}/provision/{w.area.thread.help.pk}/archive/", "change"),
    "all-about-me": (lambda w: f"{_child(w)}/all-about-me/", "all about me"),
    "who-looked": (lambda w: f"{_child(w)}/who-has-looked/", "family"),
    "parents-can-see": (lambda w: f"{_child(w)}/what-parents-see/", "young person"),
    "break-glass": (lambda w: f"{_child(w)}/emergency-access/", "administrator"),
    "quality-audit": (lambda w: "/outcomes-to-check/", "quality lead"),
    "workbench": (lambda w: "/quality/", "quality lead"),
    "workbench-upload": (lambda w: f"/quality/uploads/{_upload(w)}/", "quality lead"),
    "workbench-download": (
        lambda w: f"/quality/uploads/{_upload(w)}/results.csv",
        "quality lead",
    ),
    "audit-trail": (lambda w: "/audit-trail/", "dpo"),
    "dpo-find": (lambda w: "/data-protection/find/", "dpo"),
    "dpo-child": (lambda w: f"/data-protection{_child(w)}/", "dpo"),
    "dpo-export": (lambda w: f"/data-protection{_child(w)}/record.json", "dpo"),
    "audit-trail-export": (lambda w: "/audit-trail/download/", "dpo"),
    "insights": (lambda w: "/insights/", "area figures"),
    "insights-dashboard": (lambda w: "/insights/outcomes/", "area figures"),
    "insights-dashboard-download": (lambda w: "/insights/outcomes/download/", "area figures"),
    "insights-figure-download": (
        lambda w: "/insights/outcomes/outcomes-by-theme.csv",
        "area figures",
    ),
    "insights-headline": (lambda w: "/insights/headline/", "area figures"),
    "insights-report": (lambda w: "/insights/report/", "area figures"),
    "insights-report-download": (lambda w: "/insights/report/download/", "area figures"),
    "reviews-mine": (lambda w: "/reviews/", "professional"),
    "reviews-overdue": (lambda w: "/reviews/late/", "professional"),
    "reviews-overdue-setting": (lambda w: "/reviews/late/setting/", "setting list"),
    "reviews-overdue-area": (lambda w: "/reviews/late/area/", "area list"),
    "plan-reviews": (lambda w: f"{_plan(w)}/reviews/", "read"),
    "review-add": (lambda w: f"{_plan(w)}/reviews/new/", "change"),
    "review": (lambda w: f"{_review(w)}/", "read"),
    "review-pdf": (lambda w: f"{_review(w)}/report.pdf", "read"),
    "review-after": (lambda w: f"{_review(w)}/after/", "change"),
    "outcome-gas-levels": (
        lambda w: f"{_plan(w)}/outcomes/{w.area.thread.outcome.pk}/gas-levels/",
        "change",
    ),
    "child-progress": (lambda w: f"{_child(w)}/progress/", "read"),
    "passport": (lambda w: f"{_child(w)}/passport/", "read"),
    "passport-pdf": (lambda w: f"{_child(w)}/passport.pdf", "read"),
    "passport-json": (lambda w: f"{_child(w)}/passport.json", "read"),
    "passport-fhir": (lambda w: f"{_child(w)}/passport.fhir.json", "read"),
    "passport-share": (lambda w: f"{_child(w)}/passport/share/", "share"),
    "passport-share-stop": (
        lambda w: f"{_child(w)}/passport/share/{_share(w)}/stop/",
        "share, post only",
    ),
    "passport-link": (lambda w: f"{_child(w)}/passport/link/", "share"),
    "passport-link-stop": (
        lambda w: f"{_child(w)}/passport/link/{_passport_link(w)[0]}/stop/",
        "share, post only",
    ),
    # The token is the permission: open to anyone who has it, signed in or not.
    "passport-link-view": (lambda w: f"/passport/link/{_passport_link(w)[1]}/", "public"),
    "passport-import": (lambda w: "/passport/import/", "professional"),
    "check-outcome": (lambda w: f"{_plan(w)}/check-outcome/", "change"),
    "plan-thread": (lambda w: f"{_plan(w)}/thread/", "read"),
    "outcome-build": (lambda w: f"{_plan(w)}/outcomes/build/", "change"),
    "plan-issue-docx": (lambda w: f"{_plan(w)}/issue.docx", "read"),
    "plan-issue-pdf": (lambda w: f"{_plan(w)}/issue.pdf", "read"),
    "plan-issue": (lambda w: f"{_plan(w)}/issue/", "change"),
    "plan-contributions": (lambda w: f"{_plan(w)}/contributions/", "change"),
    "contribution-decide": (
        lambda w: f"{_plan(w)}/contributions/outcomes/{w.area.thread.outcome.pk}/",
        "plan coordinator",
    ),
    # EHC needs assessments (goldenthread.web.assessments)
    "assessments-late": (lambda w: "/assessments/late/", "professional"),
    "assessments-timeliness": (lambda w: "/assessments/timeliness/", "area figures"),
    "assessment-new": (lambda w: f"{_child(w)}/assessments/new/", "change"),
    "returns-child-details": (
        lambda w: f"/returns/children/{w.area.child.pk}/details/",
        "change",
    ),
    "returns-placement-start": (
        lambda w: f"/returns/children/{w.area.child.pk}/placements/new/",
        "change",
    ),
    "assessment": (lambda w: f"{_assessment(w)}/", "read"),
    "assessment-step": (lambda w: f"{_assessment(w)}/step/decide-request/", "change"),
    "advice-received": (lambda w: f"{_assessment_advice(w)}/received/", "change"),
    "advice-give": (lambda w: f"{_assessment_advice(w)}/give/", "adviser"),
    "advice-decide": (lambda w: f"{_assessment_advice(w)}/decide/", "change, post only"),
    "assessment-exception-end": (
        lambda w: f"{_assessment(w)}/exceptions/{w.assessment[2]}/end/",  # type: ignore[attr-defined]
        "change",
    ),
    "assessment-letter": (lambda w: f"{_assessment(w)}/letter/not-assess/", "read"),
    "assessment-letter-pdf": (lambda w: f"{_assessment(w)}/letter/not-assess.pdf", "read"),
    # The family view (goldenthread.web.family, docs/family-view.md).
    "family-home": (lambda w: "/my-family/", "family role"),
    "family-plan": (lambda w: f"/my-family/{w.child.pk}/", "family view"),
    "family-views": (lambda w: f"/my-family/{w.child.pk}/your-views/", "family view"),
    "family-propose": (lambda w: f"/my-family/{w.child.pk}/your-ideas/", "young person"),
    "family-hide": (lambda w: f"/my-family/{w.child.pk}/what-parents-see/", "young person"),
    "family-capacity": (lambda w: f"{_child(w)}/capacity/", "change"),
    "family-ideas": (lambda w: f"{_plan(w)}/family-views/", "change"),
    "family-idea-decide": (lambda w: f"{_plan(w)}/family-views/{_idea(w)}/", "plan coordinator"),
    # Statutory returns (goldenthread.web.returns): the returns lead only; no one in this
    # world is one (tests/web/test_returns.py opens them as one).
    "returns": (lambda w: "/returns/", "returns lead"),
    "returns-check": (lambda w: "/returns/check/", "returns lead"),
    "returns-sen2": (lambda w: "/returns/sen2/", "signed in, post only"),
    "returns-annex-a": (lambda w: "/returns/annex-a/", "signed in, post only"),
    # The REST API (goldenthread.web.api): GET of each route; writes in tests/web/test_api_*.
    "api-schema": (lambda w: "/api/schema/", "api signed in"),
    "api-schemas": (lambda w: "/api/schemas/passport-v1.schema.json", "api signed in"),
    "api-children": (lambda w: "/api/children/", "api signed in"),
    "api-child": (lambda w: f"/api{_child(w)}/", "api read"),
    "api-plans": (lambda w: f"/api{_child(w)}/plans/", "api read"),
    "api-passport": (lambda w: f"/api{_child(w)}/passport/", "api read"),
    "api-passport-fhir": (lambda w: f"/api{_child(w)}/passport/fhir/", "api read"),
    "api-plan": (lambda w: f"/api{_plan(w)}/", "api read"),
    "api-outcomes": (lambda w: f"/api{_plan(w)}/outcomes/", "api read"),
    "api-outcome": (lambda w: f"/api{_plan(w)}/outcomes/{w.area.thread.outcome.pk}/", "api read"),
    "api-provision-list": (lambda w: f"/api{_plan(w)}/provision/", "api read"),
    "api-provision": (lambda w: f"/api{_plan(w)}/provision/{w.area.thread.help.pk}/", "api read"),
    "api-reviews": (lambda w: f"/api{_plan(w)}/reviews/", "api read"),
    "api-review": (lambda w: f"/api{_review(w)}/", "api read"),
    "api-import-record": (lambda w: "/api/imports/record/", "api import, post only"),
    "api-import-fhir": (lambda w: "/api/imports/fhir/", "api import, post only"),
    # Setting plans (goldenthread.web.setting_plans): setting staff at the child's own setting
    # only for the register, starting a plan and asking for an assessment; no persona here is.
    "setting-home": (lambda w: "/setting/", "setting staff"),
    "insights-tiers": (lambda w: "/area-insights/tiers/", "area figures"),
    "setting-plan-start": (lambda w: f"{_child(w)}/setting-plan/start/", "setting staff, child"),
    "setting-plan": (lambda w: f"{_plan(w)}/setting/", "read"),
    "setting-plan-section": (
        lambda w: f"{_sheet(w)}/setting/sections/classroom/",
        "setting staff, child",
    ),
    "short-term-add": (
        lambda w: f"{_plan(w)}/outcomes/{w.area.thread.outcome.pk}/short-term/add/",
        "change",
    ),
    "short-term-progress": (
        lambda w: f"{_plan(w)}/short-term/{_short_term(w)}/progress/",
        "change",
    ),
    "setting-plan-escalate": (lambda w: f"{_plan(w)}/setting/escalate/", "setting staff, child"),
    "setting-plan-step-down": (lambda w: f"{_plan(w)}/setting/step-down/", "setting staff, child"),
    "setting-handover": (lambda w: f"{_child(w)}/setting-plan/handover/", "setting staff, child"),
    "setting-handover-receive": (lambda w: "/setting/handover/receive/", "setting staff"),
    "assessment-request": (lambda w: f"{_pack(w)}/", "read"),
    "assessment-request-pdf": (lambda w: f"{_pack(w)}/request.pdf", "read"),
}

PERSONA_NAMES = list(PERSONAS)
READERS = {"coordinator", "teammate", "therapist", "parent", "young_person", "plan_only_parent"}
READERS |= {"admin_break_glass"}
PROFESSIONALS = {"coordinator", "teammate", "stranger", "ended", "therapist", "expired_share"}


def _child_page(allowed: set[str]) -> dict[str, object]:
    """Open to ``allowed``; forbidden to others who may see the child; not found to the rest."""
    return {
        p: OPEN if p in allowed else FORBIDDEN if p in READERS else NOT_FOUND for p in PERSONA_NAMES
    }


def _by_role(allowed: set[str]) -> dict[str, object]:
    return {p: OPEN if p in allowed else FORBIDDEN for p in PERSONA_NAMES}


EXPECTED: dict[str, dict[str, object]] = {
    "public": dict.fromkeys(PERSONA_NAMES, OPEN),
    "sign-in step": dict.fromkeys(PERSONA_NAMES, OPEN),
    "signed in": dict.fromkeys(PERSONA_NAMES, OPEN),
    "professional": _by_role(PROFESSIONALS),
    "read": _child_page(READERS),
    "change": _child_page({"coordinator", "teammate"}),
    "all about me": _child_page({"coordinator", "teammate", "parent", "young_person"}),
    "family": _child_page({"parent", "young_person"}),
    "share": _child_page({"coordinator", "teammate", "parent", "young_person"}),
    "share, post only": {
        p: 405 if p in {"coordinator", "teammate", "parent", "young_person"} else answer
        for p, answer in _child_page(set()).items()
    },
    "young person": _child_page({"young_person"}),
    # The family view: the child and their parents, whatever the young person lets them see.
    "family view": _child_page({"parent", "young_person", "plan_only_parent"}),
    "family role": _by_role({"parent", "other_parent", "young_person", "hidden_parent"})
    | {"plan_only_parent": OPEN},
    "administrator": _by_role({"admin", "admin_break_glass"}),
    "quality lead": _by_role({"quality_lead"}),
    "dpo": _by_role({"dpo"}),
    # Coordinators see late reviews for any setting in their area; setting staff for their own.
    "setting list": _by_role({"coordinator", "teammate", "stranger"}),
    # Area figures with small numbers hidden: never a child (docs/disclosure-control.md).
    "area figures": _by_role({"strategic_leader", "quality_lead"}),
    "area list": _by_role({"coordinator", "teammate", "stranger", "quality_lead"}),
    # Accepting or returning contributions: the plan's own EHC coordinator (ADR 0011).
    "plan coordinator": _child_page({"coordinator"}),
    # Archiving a whole child: their EHC coordinator, or an administrator with a reason who
    # opened the record in an emergency (ADR 0021).
    "archive child": _child_page({"coordinator", "admin_break_glass"}),
    "archived list": _by_role(
        {"coordinator", "teammate", "stranger", "admin", "admin_break_glass"}
    ),
    "restore, archived only": dict.fromkeys(PERSONA_NAMES, NOT_FOUND),
    # Setting staff at the child's own setting (none of the personas is).
    "setting staff": _by_role(set()),
    "setting staff, child": _child_page(set()),
    # Giving advice for an assessment: the professional asked, or the assessment's coordinator.
    "adviser": _child_page({"coordinator", "therapist"}),
    "change, post only": {
        p: 405 if p in {"coordinator", "teammate"} else answer
        for p, answer in _child_page(set()).items()
    },
}
for kind, answers in EXPECTED.items():
    if kind not in {"public", "sign-in step"}:
        answers["signed_out"] = SIGN_IN
EXPECTED["signed in, post only"] = {**dict.fromkeys(PERSONA_NAMES, 405), "signed_out": SIGN_IN}
# Service figures: the scraper's token (tests/web/test_ops_metrics.py) or an administrator.
EXPECTED["metrics"] = {**_by_role({"admin", "admin_break_glass"}), "signed_out": 401}
EXPECTED["returns lead"] = {**dict.fromkeys(PERSONA_NAMES, FORBIDDEN), "signed_out": SIGN_IN}
EXPECTED["bad reset link"] = dict.fromkeys([*PERSONA_NAMES, "signed_out"], NOT_FOUND)
# The API answers 401 (with a problem document), never a redirect to the sign-in page.
EXPECTED["api signed in"] = {**dict.fromkeys(PERSONA_NAMES, OPEN), "signed_out": 401}
EXPECTED["api read"] = {**_child_page(READERS), "signed_out": 401}
# Importing adds a child: professionals only (GET is refused with 405 once that is known).
EXPECTED["api import, post only"] = {
    **{p: 405 if p in PROFESSIONALS else FORBIDDEN for p in PERSONA_NAMES},
    "signed_out": 401,
}


def _route_names(patterns: list[URLPattern | URLResolver]) -> set[str]:
    names: set[str] = set()
    for pattern in patterns:
        if isinstance(pattern, URLPattern) and pattern.name:
            names.add(pattern.name)
    return names


def test_every_route_is_in_the_matrix() -> None:
    """The Django admin (a URLResolver of its own) is for staff and is tested apart."""
    assert _route_names(get_resolver().url_patterns) == set(ROUTES)
    assert set(EXPECTED) >= {kind for _, kind in ROUTES.values()}


def test_every_route_about_a_child_says_what_it_needs() -> None:
    """The middleware has a default, but each page about a child is decided on purpose."""
    about_a_child = {
        p.name
        for p in get_resolver().url_patterns
        if isinstance(p, URLPattern) and {"child_id", "plan_id"} & set(p.pattern.converters)
    }
    assert about_a_child == set(CHILD_ROUTES) | CHILD_ROUTES_DECIDED_BY_VIEW


def _answer(client: Client, url: str) -> object:
    response = client.get(url)
    if response.status_code in {200, 302}:
        location = response.get("Location", "")
        if response.status_code == 302 and location.startswith("/sign-in/?next="):
            return SIGN_IN
        return OPEN
    return response.status_code


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONA_NAMES)
def test_the_authorisation_matrix(client: Client, persona: str) -> None:
    world = world_create()
    user = PERSONAS[persona](world)
    if user is not None:
        client.force_login(user)
    wrong = []
    for name, (make_url, kind) in sorted(ROUTES.items()):
        url = make_url(world)
        expected, got = EXPECTED[kind][persona], _answer(client, url)
        if got != expected:
            wrong.append(f"{name} ({url}): expected {expected}, got {got}")
    assert not wrong, f"{persona}:\n" + "\n".join(wrong)


CHANGE_ROUTES = sorted(name for name, (_, kind) in ROUTES.items() if kind == "change")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "status"),
    [
        *[(p, 403) for p in ("therapist", "parent", "young_person", "admin_break_glass")],
        *[(p, 404) for p in ("stranger", "expired_share", "hidden_parent", "dpo")],
    ],
)
def test_only_the_people_who_work_with_a_child_change_the_plan(
    client: Client, persona: str, status: int
) -> None:
    world = world_create()
    user = PERSONAS[persona](world)
    assert user is not None
    client.force_login(user)
    data = {"text": "Hacked", "first_name": "Hacked", "reason": "x" * 30}
    for name in CHANGE_ROUTES:
        response = client.post(ROUTES[name][0](world), data)
        assert response.status_code == status, name
    assert not Outcome.objects.filter(text="Hacked").exists()
    assert not Child.objects.filter(first_name="Hacked").exists()
    assert Plan.objects.filter(child=world.child, archived_at__isnull=True).count() == 1
    assert Child.objects.get(pk=world.child.pk).archived_at is None
    changes = {AuditAction.CREATE, AuditAction.UPDATE, AuditAction.ARCHIVE}
    mine = AuditEvent.objects.filter(person=user, child=world.child, action__in=changes)
    assert not mine.exists()


# Who drafts, issues and amends which plan (SEND Code of Practice 9.3, 9.134): the local
# authority's EHC coordinator for an EHC plan; a setting's SENCO for its own SEN support plan.
SENCO_TRIES = {
    "create an EHC plan": "ehc_plan",
    "create a SEN support plan": "sen_support",
}


def _senco(world: World) -> User:
    from tests.web import factories

    school = world.area.school
    Child.objects.filter(pk=world.child.pk).update(current_setting=school)
    senco = factories.user_create(role=Role.SENCO, username="senco", organisation=school)
    factories.relationship_create(child=world.child, person=senco)
    return senco


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "may"), [("senco", False), ("coordinator", True)])
def test_only_the_local_authority_drafts_issues_and_amends_an_ehc_plan(
    client: Client, persona: str, may: bool
) -> None:
    world = world_create()
    user = _senco(world) if persona == "senco" else world.people["coordinator"]
    client.force_login(user)
    plan = world.area.thread.plan
    Plan.objects.filter(pk=plan.pk).update(status="draft", issued_on=None)
    before = Plan.objects.filter(child=world.child).count()
    form = {"kind": "ehc_plan", "status": "draft"}
    added = client.post(f"{_child(world)}/plans/add/", form)
    assert added.status_code == (302 if may else 400)
    if not may:
        assert EHC_PLAN_BY_LA_ONLY in html.unescape(added.content.decode())
    edited = client.get(f"{_plan(world)}/edit/")
    assert edited.status_code == (200 if may else 403)
    amended = client.post(f"{_plan(world)}/amend/")
    assert amended.status_code == (302 if may else 403)
    issued_plan = Plan.objects.filter(child=world.child, kind="ehc_plan").order_by("-pk").first()
    assert issued_plan is not None
    issued = client.post(f"/plans/{issued_plan.pk}/issue/")
    assert issued.status_code == (302 if may else 403)
    made = Plan.objects.filter(child=world.child).count() - before
    assert made == (2 if may else 0)
    assert (
        Plan.objects.filter(child=world.child, status="final", fixed_at__isnull=False).exists()
        is may
    )


@pytest.mark.django_db
def test_a_senco_writes_their_own_sen_support_plan_and_never_a_final_one(client: Client) -> None:
    world = world_create()
    client.force_login(_senco(world))
    url = f"{_child(world)}/plans/add/"
    refused = client.post(url, {"kind": "sen_support", "status": "final"})
    assert refused.status_code == 400  # final only by issuing
    added = client.post(url, {"kind": "sen_support", "status": "draft"})
    assert added.status_code == 302
    assert Plan.objects.filter(child=world.child, kind="sen_support", status="draft").count() == 1
