"""A real browser (Debian chromium through Playwright) against pytest-django's live server, or
against gunicorn as deployed when ``BROWSER_SERVER=gunicorn`` (tests/browser/prodserver.py;
``make test-browser-prod``).

Playwright's sync API runs an event loop in the test thread, so Django's guard against
database calls from async code must be switched off for these tests.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread
from playwright.sync_api import Browser, Page, sync_playwright

from tests.browser.prodserver import ProductionServer, browser_server, gunicorn_running

PROJECT = Path(__file__).resolve().parents[2]
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class OneRequestAtATimeServer(WSGIServer):
    """The live server, answering one request at a time (Django then closes each connection).

    The test database on SQLite is in memory with a shared cache, where a table locked by one
    connection makes another fail at once ("database table is locked") instead of waiting; two
    requests at the same moment (a page and the live feedback it fetches, say) could then end in
    an error page on a slow machine. Production runs on PostgreSQL under gunicorn, which the
    ``BROWSER_SERVER=gunicorn`` run checks."""

    def __init__(self, *args: Any, connections_override: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # this thread already uses the shared connections


if browser_server() == "live_server":
    LiveServerThread.server_class = OneRequestAtATimeServer


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(autouse=True)
def browser_settings(settings: Any) -> None:
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost", "127.0.0.1"]
    if browser_server() == "live_server":  # gunicorn checks passwords with the real hashers
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


if browser_server() == "gunicorn":

    @pytest.fixture(scope="session")
    def production_server(
        django_db_setup: None, django_db_blocker: Any
    ) -> Iterator[ProductionServer]:
        from django.db import connection

        with django_db_blocker.unblock():
            settings_dict = dict(connection.settings_dict)
        with gunicorn_running(settings_dict) as server:
            yield server

    @pytest.fixture
    def live_server(
        production_server: ProductionServer, transactional_db: None
    ) -> ProductionServer:
        """Each journey's data is committed (a transactional test), so gunicorn's own
        connections see it; tables are emptied after each journey as with live_server."""
        return production_server


def readable(violations: list[dict[str, Any]]) -> str:
    """axe-core's findings, one rule at a time with the elements it found."""
    lines = []
    for violation in violations:
        lines.append(
            f"[{violation['impact']}] {violation['id']}: {violation['help']} "
            f"({violation['helpUrl']})"
        )
        for node in violation["nodes"]:
            lines.append(f"    at {json.dumps(node['target'])}: {node['html'][:200]}")
            if node.get("failureSummary"):
                lines.append("      " + node["failureSummary"].replace("\n", "\n      "))
    return "\n".join(lines)


def assert_accessible(page: Page, where: str) -> None:
    """Run axe-core on the page as it is now, and fail with every violation spelt out."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: a <script> tag would be refused by our CSP.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    violations = results["violations"]
    assert not violations, f"axe-core found problems on {where} ({page.url}):\n" + readable(
        violations
    )
