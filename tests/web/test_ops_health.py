"""Liveness and readiness answer JSON that a load balancer can read, with no personal data."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from django.core.management import call_command
from django.test import Client

from goldenthread.web.ops import health
from tests.web.factories import Area

pytestmark = pytest.mark.django_db


def test_live_answers_without_the_database(client: Client) -> None:
    with mock.patch.object(health, "database_reachable", side_effect=AssertionError("queried")):
        response = client.get("/health/live/")
    assert response.status_code == 200
    assert response.json() == {"status": "live"}


def test_ready_when_database_migrations_and_models_are_fine(client: Client, area: Area) -> None:
    response = client.get("/health/ready/")
    assert response.status_code == 200, response.content
    assert response.json() == {
        "status": "ready",
        "checks": {"database": "ok", "migrations": "ok", "models": "ok"},
    }
    body = response.content.decode()
    assert area.child.first_name not in body and str(area.child.pk) not in body


def test_not_ready_when_the_database_cannot_be_reached(client: Client) -> None:
    broken = mock.MagicMock(side_effect=ConnectionError("server closed the connection"))
    with mock.patch("django.db.backends.base.base.BaseDatabaseWrapper.cursor", broken):
        problem = health.database_reachable()
    assert problem == "the database cannot be reached (ConnectionError)"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_not_ready_with_a_migration_unapplied(client: Client) -> None:
    call_command("migrate", "insights", "0007", verbosity=0)
    try:
        response = client.get("/health/ready/")
        assert response.status_code == 503
        assert response.json()["checks"]["migrations"] == "1 migrations are not applied"
        assert response.json()["status"] == "not ready"
    finally:
        call_command("migrate", verbosity=0)
    assert client.get("/health/ready/").status_code == 200


def test_not_ready_when_the_model_cannot_load(client: Client, settings: Any) -> None:
    with mock.patch(
        "goldenthread.core.linking.suggest_links", side_effect=FileNotFoundError("model")
    ):
        response = client.get("/health/ready/")
    assert response.status_code == 503
    assert response.json()["checks"]["models"] == (
        "the quality engine or linking model did not load (FileNotFoundError)"
    )


def test_health_is_reachable_on_plain_http_behind_the_proxy(client: Client, settings: Any) -> None:
    """A proxy's health check may use plain http; everything else is sent to https."""
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/health/live/").status_code == 200
    assert client.get("/sign-in/").status_code == 301
