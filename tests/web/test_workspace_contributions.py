"""Many hands, one plan: a therapist proposes, the coordinator returns it with a comment, the
therapist changes it, the coordinator accepts it, and it is in the issued plan."""

from __future__ import annotations

import io

import pytest
from django.utils import timezone
from docx import Document

from goldenthread.web.access.models import AuditEvent
from goldenthread.web.accounts.models import OrganisationKind, Role, User
from goldenthread.web.plans.models import ContributionStatus, Plan, Provision
from goldenthread.web.plans.services.contributions import (
    COMMENT_NEEDED,
    contribution_fields,
    plan_decider,
    waiting_message,
)
from goldenthread.web.plans.services.plans import plan_save
from tests.web import factories
from tests.web.conftest import PageClient
from tests.web.factories import Area

HELP = "Speech and language therapy in a small group, planned with the class teacher"
BETTER = "Speech and language therapy in a group of three, planned with the class teacher"
COMMENT = "Say how often and for how long, and which outcome it helps."


@pytest.fixture
def therapist(area: Area) -> User:
    """A health professional who works with the child (on the caseload), not the coordinator."""
    health = factories.organisation_create(
        name="Westshire Children's Therapy",
        kind=OrganisationKind.HEALTH,
        parent=area.local_authority,
    )
    person = factories.user_create(
        role=Role.HEALTH,
        username="therapist",
        organisation=health,
        first_name="Tara",
        last_name="Therapist",
    )
    factories.relationship_create(child=area.child, person=person)
    return person


@pytest.fixture
def draft(area: Area) -> Plan:
    plan = area.thread.plan
    return plan_save(plan, user=None, fields={"status": "draft", "issued_on": None})


def _propose(page: PageClient, plan: Plan, outcome_pk: int, text: str = HELP) -> Provision:
    done = page.post(
        f"/plans/{plan.pk}/provision/add/",
        {"description": text, "domain": "health", "outcomes": [outcome_pk]},
    )
    assert page.follow(done).html.select_one(".govuk-notification-banner") is not None
    return Provision.objects.get(plan=plan, description=text)


def test_the_coordinator_decides_and_everyone_else_proposes(
    area: Area, therapist: User, draft: Plan
) -> None:
    assert plan_decider(draft, area.coordinator)
    assert not plan_decider(draft, therapist)
    mine = contribution_fields(Provision(plan=draft), plan=draft, user=area.coordinator)
    assert mine["contribution_status"] == ContributionStatus.ACCEPTED
    theirs = contribution_fields(Provision(plan=draft), plan=draft, user=therapist)
    assert theirs["contribution_status"] == ContributionStatus.PROPOSED
    assert theirs["proposed_service"] == "Health professional, Westshire Children's Therapy"
    # With no coordinator named, any EHC coordinator who may change the plan decides.
    plan_save(draft, user=None, fields={"coordinator": None})
    assert plan_decider(draft, area.coordinator) and not plan_decider(draft, therapist)


def test_therapist_proposes_coordinator_returns_then_accepts_and_it_is_issued(
    page: PageClient, area: Area, therapist: User, draft: Plan
) -> None:
    outcome = area.thread.unhelped_outcome
    page.sign_in(therapist)
    help_ = _propose(page, draft, outcome.pk)
    assert help_.contribution_status == ContributionStatus.PROPOSED
    assert help_.proposed_by == therapist
    child_page = page.get(f"/children/{area.child.pk}/")
    marker = child_page.html.select_one(f"#provision-{help_.pk} .gt-contribution")
    assert marker is not None and "Waiting for the coordinator" in marker.get_text()
    # Proposed help does not close the gap: only accepted parts count in the thread.
    thread = page.get(f"/plans/{draft.pk}/thread/")
    gaps = thread.html.select_one("#gaps").get_text(" ")
    assert outcome.text in gaps
    assert HELP in thread.html.select_one("#waiting-parts").get_text(" ")

    page.sign_in(area.coordinator)
    blocked = page.post(f"/plans/{draft.pk}/issue/", status=400)
    assert waiting_message(1) in blocked.text
    assert Plan.objects.get(pk=draft.pk).status == "draft"
    listing = page.get(f"/plans/{draft.pk}/contributions/")
    assert "1 contribution is waiting" in listing.text
    health = next(h for h in listing.html.select("h2") if h.get_text() == "Health")
    assert HELP in health.find_next("table").get_text(" ")
    decide = f"/plans/{draft.pk}/contributions/provision/{help_.pk}/"
    no_comment = page.post(decide, {"decision": "return"}, status=400)
    assert COMMENT_NEEDED in no_comment.text
    page.post(decide, {"decision": "return", "comment": COMMENT})
    help_.refresh_from_db()
    assert help_.contribution_status == ContributionStatus.RETURNED
    assert help_.decision_comment == COMMENT and help_.decided_by == area.coordinator

    page.sign_in(therapist)
    child_page = page.get(f"/children/{area.child.pk}/")
    assert COMMENT in child_page.html.select_one(f"#provision-{help_.pk}").get_text()
    edit = page.get(f"/plans/{draft.pk}/provision/{help_.pk}/edit/")
    assert COMMENT in edit.html.select_one("#returned-comment").get_text()
    values = edit.form() | {"description": BETTER, "frequency": "Once a week"}
    page.post(f"/plans/{draft.pk}/provision/{help_.pk}/edit/", values)
    help_.refresh_from_db()
    assert help_.contribution_status == ContributionStatus.PROPOSED
    assert page.post(decide, {"decision": "accept"}, status=403)

    page.sign_in(area.coordinator)
    page.post(decide, {"decision": "accept"})
    help_.refresh_from_db()
    assert help_.contribution_status == ContributionStatus.ACCEPTED
    assert page.get(decide).html.select_one("form#decision-form") is None
    history = page.get(f"/plans/{draft.pk}/provision/{help_.pk}/history/").text
    assert "Sent back" in history and COMMENT in history and "Accepted" in history

    page.post(f"/plans/{draft.pk}/issue/")
    issued = Plan.objects.get(pk=draft.pk)
    assert issued.status == "final" and issued.issued_on == timezone.localdate()
    word = Document(io.BytesIO(page.client.get(f"/plans/{draft.pk}/issue.docx").content))
    texts = [p.text for p in word.paragraphs]
    section_g = texts[texts.index("Section G: Health provision") :]
    assert BETTER in section_g


def test_returned_and_waiting_parts_are_not_in_the_issued_plan(
    page: PageClient, area: Area, therapist: User, draft: Plan
) -> None:
    page.sign_in(therapist)
    waiting = _propose(page, draft, area.thread.unhelped_outcome.pk)
    returned = _propose(page, draft, area.thread.unhelped_outcome.pk, text=BETTER)
    page.sign_in(area.coordinator)
    page.post(
        f"/plans/{draft.pk}/contributions/provision/{returned.pk}/",
        {"decision": "return", "comment": COMMENT},
    )
    word = Document(io.BytesIO(page.client.get(f"/plans/{draft.pk}/issue.docx").content))
    texts = [p.text for p in word.paragraphs]
    assert waiting.description not in texts and returned.description not in texts
    assert area.thread.help.description in texts
    issue_page = page.get(f"/plans/{draft.pk}/issue/")
    assert "1 part was sent back" in issue_page.text
    assert issue_page.html.select_one("#waiting") is not None


def test_only_the_plan_coordinator_accepts_or_issues(
    page: PageClient, area: Area, therapist: User, draft: Plan
) -> None:
    teammate = factories.user_create(role=Role.COORDINATOR, organisation=area.local_authority)
    factories.relationship_create(child=area.child, person=teammate)
    page.sign_in(therapist)
    help_ = _propose(page, draft, area.thread.unhelped_outcome.pk)
    page.sign_in(teammate)
    decide = f"/plans/{draft.pk}/contributions/provision/{help_.pk}/"
    page.get(decide, status=403)
    page.post(decide, {"decision": "accept"}, status=403)
    page.post(f"/plans/{draft.pk}/issue/", status=403)
    listing = page.get(f"/plans/{draft.pk}/contributions/")
    assert listing.html.select_one(f'a[href="{decide}"]') is None
    help_.refresh_from_db()
    assert help_.contribution_status == ContributionStatus.PROPOSED
    assert Plan.objects.get(pk=draft.pk).status == "draft"


def test_issuing_is_an_audited_action_and_happens_once(
    coordinator_page: PageClient, area: Area, draft: Plan
) -> None:
    done = coordinator_page.post(f"/plans/{draft.pk}/issue/")
    page = coordinator_page.follow(done)
    assert page.html.select_one("#issued") is not None
    assert page.html.select_one("#download-pdf")["href"] == f"/plans/{draft.pk}/issue.pdf"
    events = AuditEvent.objects.filter(child=area.child, url_name="plan-issue")
    assert events.filter(person=area.coordinator, reason="Issued the plan").count() == 1
    again = coordinator_page.post(f"/plans/{draft.pk}/issue/", status=400)
    assert "already issued" in again.text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_makes_every_existing_part_accepted() -> None:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before, after = [("plans", "0003_link_suggestions")], [("plans", "0004_contributions")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    child = old.get_model("plans", "Child").objects.create(
        first_name="Old",
        last_name="Row",
        date_of_birth="2015-01-01",
        local_authority=old.get_model("accounts", "Organisation").objects.create(
            name="Old council", kind="local_authority"
        ),
        primary_need="ASD",
    )
    plan = old.get_model("plans", "Plan").objects.create(child=child, kind="ehc_plan")
    old.get_model("plans", "Outcome").objects.create(
        plan=plan, text="I will read.", domain="health"
    )
    old.get_model("plans", "Need").objects.create(
        plan=plan, text="Reading", area="cognition_and_learning", domain="education"
    )
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new = executor.loader.project_state(after).apps
    for name in ("Outcome", "Need"):
        statuses = set(
            new.get_model("plans", name).objects.values_list("contribution_status", flat=True)
        )
        assert statuses == {"accepted"}
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_a_contributors_change_waits_and_a_coordinators_edit_takes_it_in(
    page: PageClient, area: Area, therapist: User, draft: Plan
) -> None:
    help_ = area.thread.help
    url = f"/plans/{draft.pk}/provision/{help_.pk}/edit/"
    page.sign_in(therapist)
    page.post(url, page.get(url).form() | {"frequency": "Every day"})
    help_.refresh_from_db()
    assert help_.contribution_status == ContributionStatus.PROPOSED
    assert help_.proposed_by == therapist
    page.sign_in(area.coordinator)
    # Waiting help does not count: the outcome it served has a gap again until it is accepted.
    gaps = page.get(f"/plans/{draft.pk}/thread/").html.select_one("#gaps").get_text(" ")
    assert area.thread.outcome.text in gaps
    page.post(url, page.get(url).form() | {"frequency": "4 times a week"})
    help_.refresh_from_db()
    assert help_.contribution_status == ContributionStatus.ACCEPTED
    assert help_.decided_by == area.coordinator and help_.frequency == "4 times a week"
    gaps = page.get(f"/plans/{draft.pk}/thread/").html.select_one("#gaps").get_text(" ")
    assert area.thread.outcome.text not in gaps
