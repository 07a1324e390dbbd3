"""Production never gets the demo sign-ins: seed refuses, serve serves without seeding."""

from __future__ import annotations

import argparse
from typing import Any

import pytest

from goldenthread.cli import main as cli_main
from goldenthread.commands import seed, serve
from goldenthread.web.accounts.models import User
from goldenthread.web.plans.models import Child


@pytest.mark.django_db
@pytest.mark.parametrize("environment", ["production", "staging", ""])
def test_seed_refuses_outside_development_and_test(
    environment: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GOLDENTHREAD_ENV", environment)
    assert cli_main(["seed", "--children", "3", "--quiet"]) == seed.EXIT_NOT_ALLOWED
    assert seed.MSG_NOT_IN_PRODUCTION.format(environment=environment) in capsys.readouterr().err
    assert not Child.objects.exists()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_seed_refuses_when_no_environment_is_set(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("GOLDENTHREAD_ENV", raising=False)
    assert cli_main(["seed", "--children", "3", "--quiet"]) == seed.EXIT_NOT_ALLOWED
    assert "production" in capsys.readouterr().err
    assert not User.objects.exists()


class _Recorder:
    def __init__(self) -> None:
        self.commands: list[str] = []
        self.cli: list[list[str]] = []

    def call_command(self, name: str, *args: Any, **kwargs: Any) -> None:
        self.commands.append(name)

    def cli_main(self, argv: list[str]) -> int:
        self.cli.append(argv)
        return 0


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> _Recorder:
    """Stands in for migrate, runserver and the seed command, noting what serve asked for."""
    recorder = _Recorder()
    monkeypatch.setattr("django.core.management.call_command", recorder.call_command)
    monkeypatch.setattr("goldenthread.cli.main", recorder.cli_main)
    return recorder


def _serve_args() -> argparse.Namespace:
    return argparse.Namespace(address="127.0.0.1:0", children=3, no_seed=False)


@pytest.mark.parametrize("environment", ["production", "test", "staging"])
def test_serve_does_not_seed_outside_development(
    environment: str,
    recorder: _Recorder,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("GOLDENTHREAD_ENV", environment)
    assert serve.run(_serve_args()) == 0
    assert recorder.cli == []
    assert recorder.commands == ["migrate", "runserver"]
    message = serve.MSG_NO_SEED_OUTSIDE_DEVELOPMENT.format(environment=environment)
    assert message in capsys.readouterr().err


def test_serve_seeds_an_empty_area_in_development(
    recorder: _Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOLDENTHREAD_ENV", "development")
    assert serve.run(_serve_args()) == 0
    assert recorder.cli == [["seed", "--if-empty", "--children", "3"]]
    assert recorder.commands == ["migrate", "runserver"]
