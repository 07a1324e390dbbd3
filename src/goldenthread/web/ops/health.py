"""Liveness and readiness for a load balancer or an orchestrator (docs/deploy.md).

Both answer JSON that names checks, never records: no personal data, no counts of children.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

READY = 200
NOT_READY = 503


@never_cache
@require_GET
def live(request: HttpRequest) -> JsonResponse:
    """The process answers. Nothing else is checked, so a database outage never makes an
    orchestrator restart every web process at once."""
    return JsonResponse({"status": "live"})


def database_reachable() -> str:
    """'' when one query round-trips, else why not."""
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any driver error: not ready, and say which kind
        return f"the database cannot be reached ({type(error).__name__})"
    return ""


def migrations_applied() -> str:
    """'' when every migration in the code is applied to the database, else how many are not.
    Reason: a web process on newer code than its schema would fail on the first changed page."""
    try:
        connection = connections[DEFAULT_DB_ALIAS]
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception as error:
        return f"the migrations cannot be read ({type(error).__name__})"
    return f"{len(plan)} migrations are not applied" if plan else ""


def models_loaded() -> str:
    """'' when the quality engine and the theme linking model answer a statement (the model is
    loaded on first call and kept, so this is quick after the first time)."""
    try:
        import datetime as dt

        from goldenthread.core.linking import suggest_links
        from goldenthread.core.quality import StatementContext, assess

        assess("I will read a short book by July.", StatementContext(today=dt.date.today()))
        suggest_links("I will read a short book by July.")
    except Exception as error:
        return f"the quality engine or linking model did not load ({type(error).__name__})"
    return ""


CHECKS: dict[str, Callable[[], str]] = {
    "database": database_reachable,
    "migrations": migrations_applied,
    "models": models_loaded,
}


@never_cache
@require_GET
def ready(request: HttpRequest) -> JsonResponse:
    """200 when this process can serve pages: the database answers, the schema is current and
    the models are loaded; else 503 with each failed check's reason."""
    problems = {name: check() for name, check in CHECKS.items()}
    failed = {name: problem for name, problem in problems.items() if problem}
    body = {
        "status": "not ready" if failed else "ready",
        "checks": {name: problems[name] or "ok" for name in CHECKS},
    }
    return JsonResponse(body, status=NOT_READY if failed else READY)
