"""The fuzzer against the real served app: gunicorn with the project's settings (ADR 0029), on a
free port on 127.0.0.1, against its own seeded database, so the server, middleware and logging
path is covered, not only the WSGI test client (issue 24).

``st run docs/api/openapi.yaml --checks all`` — the committed description, its import bodies
resolved from docs/schemas/ — runs as the coordinator and as a parent of the same child, path
ids pinned to real records (a ``schemathesis.toml`` written for the run), derandomised and
bounded: the fuzzing phase, ``EXAMPLES`` cases per operation, one request at a time (the
coverage and stateful phases take minutes; why, and what they found when run by hand, is in
ADR 0022). It must find no failure. Then every malformed body kind goes
to every write address of the served app, with and without a token: each gets the view's own
4xx, and the server's log holds no traceback.

Its own database, so it never meets another test or xdist worker: on SQLite a file copied from
the migrated test database (SQLite's backup API), on PostgreSQL a database made from the test
database as a template, dropped afterwards. Seeded by ``tests.web.served_api_seed``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from goldenthread.web.security.logfilters import LOG_FILTER_FAILED
from tests.browser.prodserver import database_url, gunicorn_running
from tests.web.api_fuzzing import PROJECT
from tests.web.test_api_malformed_bodies import MALFORMED

# The database mark makes pytest-django set up the test database this module copies; the tests
# themselves only talk to the server.
pytestmark = pytest.mark.django_db

ST = Path(sys.executable).with_name("st")
DESCRIPTION = PROJECT / "docs" / "api" / "openapi.yaml"
EXAMPLES = 5
ST_TIMEOUT = 600  # seconds: a stuck run fails instead of hanging the suite
# The fuzzer sends hundreds of requests a minute from one address with one token; the rate
# limits are tested on their own (test_security_ratelimits), here they would only answer 429.
UNLIMITED = "1000000/60"
# positive_data_acceptance, for the writes only: a body the schema allows may still be refused
# with 400 for what no JSON Schema can say (ADR 0022): ids that must name records of this plan
# (outcomes, needs, hopes), a due date within the child's first 25 years, an import's ids that
# must point to each other, a valid NHS number, resources that must be valid FHIR R4.
RULES_BEYOND_THE_SCHEMA = (
    'checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "401", "403", "404", "409"]'
)


@dataclass
class Served:
    url: str
    tokens: dict[str, str]
    ids: dict[str, dict[str, int]]
    log: Path
    work: Path


def _copy_database(settings_dict: dict[str, Any], work: Path) -> tuple[dict[str, Any], Any]:
    """A database of the server's own, holding the migrated schema; and how to remove it."""
    from django.db import connection, connections

    if "sqlite" in settings_dict["ENGINE"]:
        file = work / "served.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(file) as copy:
            connection.connection.backup(copy)
        return {**settings_dict, "NAME": str(file)}, lambda: None
    import psycopg
    from psycopg import sql

    name = f"{settings_dict['NAME']}_served"[:63]
    served = {**settings_dict, "NAME": name}
    server = {
        "host": settings_dict.get("HOST") or "127.0.0.1",
        "port": settings_dict.get("PORT") or 5432,
        "user": settings_dict.get("USER") or "postgres",
        "password": settings_dict.get("PASSWORD") or None,
        "dbname": "postgres",
    }
    connections.close_all()  # a template must have no other connection (the replica alias too)

    def drop() -> None:
        with psycopg.connect(**server, autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )

    drop()
    with psycopg.connect(**server, autocommit=True) as admin:
        admin.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(settings_dict["NAME"])
            )
        )
    return served, drop


@pytest.fixture(scope="module")
def served(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    from django.db import connection

    work = tmp_path_factory.mktemp("served-api")
    with django_db_blocker.unblock():
        database, remove = _copy_database(dict(connection.settings_dict), work)
    limits = {"RATE_LIMIT_API_ADDRESS": UNLIMITED, "RATE_LIMIT_API_TOKEN": UNLIMITED}
    environment = {
        **os.environ,
        "GOLDENTHREAD_ENV": "test",
        "DJANGO_SETTINGS_MODULE": "goldenthread.web.settings",
        "DATABASE_URL": database_url(database),
    }
    environment.pop("DATABASE_REPLICA_URL", None)
    try:
        seeded = subprocess.run(
            [sys.executable, "-m", "tests.web.served_api_seed"],
            cwd=PROJECT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert seeded.returncode == 0, seeded.stderr[-3000:]
        seed = json.loads(seeded.stdout.strip().splitlines()[-1])
        with gunicorn_running(database, extra_environment=limits) as server:
            yield Served(server.url, seed["tokens"], seed["ids"], server.log, work)
    finally:
        remove()


def _assert_no_server_error_logged(served: Served) -> None:
    """Django logs a refusal as a WARNING (a PermissionDenied with its traceback); a server
    error, or a log filter that had to give up, would be an ERROR line or the placeholder."""
    log = served.log.read_text(errors="replace")
    errors = [line for line in log.splitlines() if " ERROR " in line or "CRITICAL" in line]
    assert not errors, errors[:5]
    assert LOG_FILTER_FAILED not in log


def _config(served: Served, persona: str) -> Path:
    """schemathesis.toml for one run: the token, path ids pinned to the seeded records, and the
    writes whose schema-valid bodies may still be refused (400) by rules a schema cannot state."""
    ids = served.ids
    lines = [
        f'headers = {{ Authorization = "Bearer {served.tokens[persona]}" }}',
        "[parameters]",
        *(f'"path.{name}" = {value}' for name, value in ids[""].items()),
    ]
    for kind in ("outcomes", "provision"):
        lines += [
            "[[operations]]",
            f'include-path-regex = "/{kind}/\\\\{{id\\\\}}/$"',
            f'parameters = {{ "path.id" = {ids[kind]["id"]} }}',
            RULES_BEYOND_THE_SCHEMA,
        ]
    lines += [
        "[[operations]]",
        'include-path-regex = "^/api/imports/|/outcomes/$|/provision/$"',
        'include-method = "POST"',
        RULES_BEYOND_THE_SCHEMA,
    ]
    config = served.work / f"schemathesis-{persona}.toml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


def _st_run(served: Served, persona: str) -> subprocess.CompletedProcess[str]:
    report = served.work / f"report-{persona}.ndjson"
    command = [
        str(ST),
        "--config-file",
        str(_config(served, persona)),
        "run",
        str(DESCRIPTION),
        "--url",
        served.url,
        "--checks",
        "all",
        "--max-examples",
        str(EXAMPLES),
        "--phases",
        "fuzzing",
        "--generation-deterministic",
        "--workers",
        "1",
        "--request-timeout",
        "30",
        "--no-color",
        "--report",
        "ndjson",
        "--report-ndjson-path",
        str(report),
    ]
    return subprocess.run(
        command, cwd=served.work, capture_output=True, text=True, timeout=ST_TIMEOUT, check=False
    )


@pytest.mark.parametrize("persona", ["coordinator", "parent"])
def test_st_run_with_every_check_finds_no_failure_against_the_served_app(
    served: Served, persona: str
) -> None:
    run = _st_run(served, persona)
    said = run.stdout + run.stderr
    assert run.returncode == 0, said[-6000:]
    assert "No issues found" in said or "passed" in said, said[-3000:]
    _assert_no_server_error_logged(served)


def _send(url: str, method: str, content_type: str, body: bytes, token: str | None) -> Any:
    headers = {"Content-Type": content_type}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.headers["Content-Type"]
    except urllib.error.HTTPError as refused:
        return refused.code, refused.headers["Content-Type"]


@pytest.mark.parametrize("who", ["coordinator", None])
def test_malformed_bodies_get_the_views_own_answer_from_the_served_app(
    served: Served, who: str | None
) -> None:
    ids = served.ids
    description = yaml.safe_load(DESCRIPTION.read_text(encoding="utf-8"))
    token = served.tokens[who] if who else None
    tried = 0
    for path, operations in description["paths"].items():
        kind = next((k for k in ("outcomes", "provision") if f"/{k}/{{id}}" in path), "")
        address = path.format(**ids[kind])
        for method in operations:
            if method not in {"post", "put", "patch", "delete"}:
                continue
            for name, (content_type, body) in MALFORMED.items():
                status, answer_type = _send(
                    served.url + address, method.upper(), content_type, body, token
                )
                assert 400 <= status < 500, (who, name, method, address, status)
                assert answer_type == "application/problem+json", (name, address, answer_type)
                tried += 1
    assert tried == 7 * len(MALFORMED)  # every write address, POST /api/children/ included
    _assert_no_server_error_logged(served)
