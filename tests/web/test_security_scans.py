"""`make security`: the dependency audit fails on a real vulnerability, warns on the rest."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "dependency_audit.py"


@pytest.fixture(scope="module")
def audit() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dependency_audit", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


NOT_FOUND = "Dependency not found on PyPI and could not be audited: anyio (4.16.0)"


def test_a_known_vulnerability_fails(audit: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    report = {
        "dependencies": [
            {
                "name": "django",
                "version": "5.2.0",
                "vulns": [{"id": "PYSEC-2025-1", "fix_versions": ["5.2.1"]}],
            },
            {"name": "anyio", "skip_reason": NOT_FOUND},
        ]
    }
    assert audit.verdict(report, strict=False) == audit.EXIT_VULNERABLE
    out = capsys.readouterr().out
    assert "VULNERABLE: django 5.2.0: PYSEC-2025-1 (fixed in 5.2.1)" in out
    assert f"WARNING: {NOT_FOUND}" in out


def test_packages_pypi_does_not_know_are_a_warning_only(
    audit: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    report = {
        "dependencies": [
            {"name": "anyio", "skip_reason": NOT_FOUND},
            {"name": "jinja2", "version": "3.1.6", "vulns": []},
        ]
    }
    assert audit.verdict(report, strict=False) == audit.EXIT_OK
    assert "1 of 2 packages could not be audited" in capsys.readouterr().out


def test_no_network_warns_and_strict_mode_fails(audit: ModuleType) -> None:
    assert audit.verdict(None, strict=False) == audit.EXIT_OK
    assert audit.verdict(None, strict=True) == audit.EXIT_NOT_AUDITED
    assert audit.RUN_TIMEOUT <= 300 and audit.REQUEST_TIMEOUT <= 30
