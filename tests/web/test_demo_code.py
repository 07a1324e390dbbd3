"""``goldenthread demo-code``: a demo sign-in code for development, refused in production."""

from __future__ import annotations

import pyotp
import pytest

from goldenthread.cli import main
from goldenthread.web.security import signin_codes
from goldenthread.web.security.models import SignInCode
from tests.web.factories import Area

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("environment", ["production", "staging", ""])
def test_outside_development_and_test_it_refuses_and_touches_nothing(
    area: Area,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    environment: str,
) -> None:
    monkeypatch.setenv("GOLDENTHREAD_ENV", environment)
    assert main(["demo-code", "coordinator"]) == 2
    assert "only when GOLDENTHREAD_ENV is development or test" in capsys.readouterr().err
    assert not SignInCode.objects.exists()


def test_without_the_variable_it_counts_as_production(
    area: Area, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GOLDENTHREAD_ENV", raising=False)
    assert main(["demo-code", "coordinator"]) == 2


@pytest.mark.parametrize("environment", ["development", "test"])
def test_in_development_it_prints_a_code_that_signs_in(
    area: Area,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    environment: str,
) -> None:
    monkeypatch.setenv("GOLDENTHREAD_ENV", environment)
    assert main(["demo-code", "coordinator"]) == 0
    printed = capsys.readouterr().out.split()[0]
    code = signin_codes.sign_in_code_for(user=area.coordinator)
    assert code is not None and code.is_on
    assert printed == pyotp.TOTP(code.secret).now()
    assert signin_codes.sign_in_code_check(code=code, typed=printed) == ""
    assert main(["demo-code", "nobody-by-that-name"]) == 1
