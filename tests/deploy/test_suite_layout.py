"""`make test` runs tests/core and tests/deploy once, on SQLite only (README): they must touch no
database, or a PostgreSQL difference there would go unseen."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
DATABASE_WORDS = ("django_db", "django.db", "TestCase", "transaction.atomic", "connection.cursor")


@pytest.mark.parametrize("folder", ["core", "deploy"])
def test_the_tests_run_once_touch_no_database(folder: str) -> None:
    found = [
        f"{path.relative_to(TESTS)}: {word}"
        for path in sorted((TESTS / folder).rglob("*.py"))
        if path.name != Path(__file__).name
        for word in DATABASE_WORDS
        if word in path.read_text(encoding="utf-8")
    ]
    assert found == []


def test_the_makefile_runs_only_the_database_tests_on_postgresql() -> None:
    makefile = (TESTS.parent / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ntest-postgres:", 1)[1].split("\n\n", 1)[0]
    assert '-m "not browser" tests/web;' in recipe
