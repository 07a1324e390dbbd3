"""An upgrade loses nothing: a database at the previous release's migrations, with records
written through that release's models (the historical models of its migration state), is
migrated forward to today's code, and every record reads back the same and its pages open.

``PREVIOUS_RELEASE`` is each app's last migration at commit 3631f7b (the release before the
production-readiness work, read with ``git ls-tree 3631f7b src/goldenthread/web/*/migrations``).
At the next release, move it forward to that release's migrations.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from goldenthread.web.access.models import AuditEvent
from goldenthread.web.accounts.models import User
from goldenthread.web.plans.models import Child, Outcome, Plan

PREVIOUS_RELEASE = [
    ("accounts", "0002_alter_user_role"),
    ("plans", "0004_contributions"),
    ("access", "0003_audit_requests_and_hash_chain"),
    ("reviews", "0001_initial"),
    ("security", "0002_sessions_and_rate_limits"),
    ("insights", "0007_rated_sums"),
    ("passport", "0002_passport_link"),
    ("api", "0001_initial"),
]
WORDS = "By July 2027, Ada will read a short book aloud to an adult at home."

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_previous_release_names_real_migrations() -> None:
    graph = MigrationExecutor(connection).loader.graph
    for node in PREVIOUS_RELEASE:
        assert node in graph.nodes, f"{node} is not a migration"


def _write_with_old_models() -> dict[str, int]:
    """Records made through the previous release's models only (its schema, its fields)."""
    old = MigrationExecutor(connection).loader.project_state(PREVIOUS_RELEASE).apps
    organisation = old.get_model("accounts", "Organisation")
    user_model = old.get_model("accounts", "User")
    child_model = old.get_model("plans", "Child")
    plan_model = old.get_model("plans", "Plan")
    outcome_model = old.get_model("plans", "Outcome")
    area = organisation.objects.create(name="Old Release Council", kind="local_authority")
    coordinator = user_model.objects.create(
        username="old-coordinator", role="coordinator", organisation=area, is_active=True
    )
    child = child_model.objects.create(
        first_name="Ada",
        last_name="Upgrade",
        date_of_birth=dt.date(2016, 3, 14),
        local_authority=area,
        primary_need="ASD",
        nhs_number="9434765919",
    )
    old.get_model("plans", "ChildRelationship").objects.create(
        child=child, person=coordinator, kind="caseworker", started_on=dt.date(2026, 1, 5)
    )
    plan = plan_model.objects.create(
        child=child, kind="ehcp", status="final", coordinator=coordinator
    )
    outcome = outcome_model.objects.create(
        plan=plan, text=WORDS, domain="education", due_date=dt.date(2027, 7, 31)
    )
    child_model.objects.create(
        first_name="Ben",
        last_name="Upgrade",
        date_of_birth=dt.date(2015, 1, 2),
        local_authority=area,
        primary_need="SLCN",
    )
    return {"child": child.pk, "plan": plan.pk, "outcome": outcome.pk, "user": coordinator.pk}


def test_a_database_from_the_previous_release_upgrades_without_loss(client: Client) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(PREVIOUS_RELEASE)  # back to the previous release's schema
    ids = _write_with_old_models()
    events_before = AuditEvent.objects.count()

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())  # the upgrade
    executor = MigrationExecutor(connection)  # read the applied migrations again
    assert not executor.migration_plan(executor.loader.graph.leaf_nodes())

    child = Child.objects.get(pk=ids["child"])
    assert (child.first_name, child.last_name, child.nhs_number) == ("Ada", "Upgrade", "9434765919")
    assert child.date_of_birth == dt.date(2016, 3, 14)
    assert Child.objects.filter(last_name="Upgrade").count() == 2
    plan = Plan.objects.get(pk=ids["plan"])
    assert plan.child_id == child.pk and plan.coordinator_id == ids["user"]
    outcome = Outcome.objects.get(pk=ids["outcome"])
    assert (outcome.text, outcome.due_date) == (WORDS, dt.date(2027, 7, 31))
    assert AuditEvent.objects.count() == events_before

    coordinator = User.objects.get(pk=ids["user"])
    client.force_login(coordinator)
    page = client.get(f"/children/{child.pk}/")
    assert page.status_code == 200
    assert WORDS in page.content.decode()
