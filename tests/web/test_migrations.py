"""Migrations are policed: the models and the migrations agree, and reference data is there."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from goldenthread.web.plans.models import ThemeTag


@pytest.mark.django_db
def test_no_model_change_is_missing_a_migration() -> None:
    try:
        call_command("makemigrations", "--check", "--dry-run", verbosity=0)
    except SystemExit as exit_:  # makemigrations --check exits 1 when a migration is missing
        pytest.fail(
            f"a model change has no migration (makemigrations exited {exit_.code}); "
            "run `goldenthread manage makemigrations` or django-admin makemigrations"
        )


@pytest.mark.django_db
def test_the_theme_rows_are_made_by_the_data_migration() -> None:
    expected = [
        (t.number, t.name, t.meaning, t.preparing_for_adulthood) for t in ThemeTag.expected_rows()
    ]
    stored = list(
        ThemeTag.objects.values_list("number", "name", "meaning", "preparing_for_adulthood")
    )
    assert stored == expected
    assert len(stored) == 4
