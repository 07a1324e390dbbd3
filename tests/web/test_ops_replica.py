"""Past one server: the insights refresh's big read goes to the read replica when one is set;
writes never do; sessions live in the database, so any web process can answer anyone.

The test settings give a ``replica`` alias that mirrors the test database (the same data, as
a real replica has a moment later); ``READ_REPLICA`` turns the routing on, as
``DATABASE_REPLICA_URL`` does in production."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.backends.db import SessionStore
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

from goldenthread.web.insights.models import WordingCheck
from goldenthread.web.insights.refresh import facts_refresh
from goldenthread.web.ops.replica import REPLICA, ReplicaRouter, replica_reads
from goldenthread.web.plans.models import Child
from tests.web import factories

pytestmark = pytest.mark.django_db(
    transaction=True, serialized_rollback=True, databases=["default", "replica"]
)


def test_the_refresh_reads_wordings_from_the_replica_and_writes_to_the_primary(
    settings: Any,
) -> None:
    factories.area_create()
    settings.READ_REPLICA = REPLICA
    with (
        CaptureQueriesContext(connections[REPLICA]) as on_replica,
        CaptureQueriesContext(connections["default"]) as on_primary,
    ):
        result = facts_refresh()
    replica_sql = [query["sql"] for query in on_replica.captured_queries]
    assert replica_sql, "nothing was read from the replica"
    # Reads only: a SELECT, or (PostgreSQL, for .iterator()) a server-side cursor over one.
    reads = re.compile(r"^\s*(SELECT|DECLARE \S+ NO SCROLL CURSOR WITH HOLD FOR SELECT)\b", re.I)
    assert all(reads.match(sql) for sql in replica_sql), replica_sql
    assert not any(re.search(r"\b(INSERT|UPDATE|DELETE)\b", sql, re.I) for sql in replica_sql)
    assert any("MD5" in sql.upper() for sql in replica_sql)  # the distinct wordings scan
    assert result.outcomes > 0 and WordingCheck.objects.exists()  # written on the primary
    assert any("INSERT" in q["sql"].upper() for q in on_primary.captured_queries)


def test_without_a_replica_every_read_stays_on_the_primary(settings: Any) -> None:
    settings.READ_REPLICA = None
    router = ReplicaRouter()
    with replica_reads():
        assert router.db_for_read(Child) is None
    settings.READ_REPLICA = REPLICA
    with replica_reads():
        assert router.db_for_read(Child) == REPLICA
        assert router.db_for_write(Child) is None
    assert router.db_for_read(Child) is None  # only inside replica_reads()
    assert router.allow_migrate(REPLICA, "plans") is False


def test_a_session_made_by_one_process_is_read_by_another(client: Client) -> None:
    """The session is a database row: a fresh store (as in another process) reads it."""
    assert django_settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    area = factories.area_create()
    client.force_login(area.coordinator)
    key = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    elsewhere = SessionStore(session_key=key)
    assert elsewhere.load()["_auth_user_id"] == str(area.coordinator.pk)
    assert (
        Client(HTTP_COOKIE=f"{django_settings.SESSION_COOKIE_NAME}={key}").get("/").status_code
        == 200
    )
