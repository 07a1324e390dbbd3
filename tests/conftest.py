"""Settings shared by every test.

Browser tests (marker ``browser``) need Debian's chromium; where it is missing they are skipped
with a reason rather than failing, so a fresh clone's ``pytest`` still passes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest

CHROMIUM = Path("/usr/bin/chromium")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=f"browser tests need chromium at {CHROMIUM}")
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def audit_trail_can_be_flushed_between_tests() -> Iterator[None]:
    """Tests that need real transactions (browser tests) empty every table afterwards. The
    audit trail's append-only trigger rightly refuses that (SQLite flushes with DELETE), so the
    test run, and only the test run, lifts the trigger for the flush and puts it straight back.
    Issued plans' triggers are released for the flush the same way (``fixed_records_release``).
    """
    from django.db.backends.base.operations import BaseDatabaseOperations

    from goldenthread.web.access.triggers import (
        append_only_triggers_create,
        append_only_triggers_drop,
    )
    from goldenthread.web.plans.fixed import fixed_records_release

    flush = BaseDatabaseOperations.execute_sql_flush

    def flush_with_trigger_lifted(self: BaseDatabaseOperations, sql_list: list[str]) -> None:
        append_only_triggers_drop(self.connection)
        try:
            with fixed_records_release():
                flush(self, sql_list)
        finally:
            append_only_triggers_create(self.connection)

    with mock.patch.object(BaseDatabaseOperations, "execute_sql_flush", flush_with_trigger_lifted):
        yield


@pytest.fixture(autouse=True)
def dashboards_drawn_forgotten() -> None:
    """Each test starts with no dashboards kept in this process (web/insights/page_cache.py):
    a rolled-back database can give a new refresh the id of an old one."""
    from goldenthread.web.insights.page_cache import drawn_forget

    drawn_forget()
