"""`make security`: pip-audit over the locked environment, with this machine's quirks handled.

- A known vulnerability in any installed package fails (exit 1), naming the advisory and fix.
- A package the PyPI advisory service does not know (this machine's mirror serves versions
  PyPI's JSON API has never heard of, e.g. anyio 4.16.0) is a visible warning, not a failure.
- No network: pip-audit gives up after --timeout seconds per request and the whole run after
  RUN_TIMEOUT seconds; that is a loud warning, or a failure with DEPENDENCY_AUDIT_STRICT=1.

The environment audited is .venv, which `make install` builds from uv.lock (uv sync --frozen),
so it holds exactly the locked versions.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
SITE_PACKAGES = PROJECT / ".venv" / "lib" / "python3.11" / "site-packages"
PIP_AUDIT = PROJECT / ".venv" / "bin" / "pip-audit"
REQUEST_TIMEOUT = 15
RUN_TIMEOUT = 240
EXIT_OK, EXIT_VULNERABLE, EXIT_NOT_AUDITED = 0, 1, 2


def findings(report: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(vulnerabilities, packages not audited) from pip-audit's JSON report."""
    vulnerable, skipped = [], []
    for dependency in report.get("dependencies", []):
        if "skip_reason" in dependency:
            skipped.append(str(dependency["skip_reason"]))
            continue
        for vuln in dependency.get("vulns", []):
            fixed = ", ".join(vuln.get("fix_versions", [])) or "no fix yet"
            vulnerable.append(
                f"{dependency['name']} {dependency.get('version', '')}: {vuln['id']} "
                f"(fixed in {fixed})"
            )
    return vulnerable, skipped


def verdict(report: dict[str, Any] | None, *, strict: bool) -> int:
    if report is None:
        print("WARNING: the dependency audit could not run (no network to PyPI?).")
        return EXIT_NOT_AUDITED if strict else EXIT_OK
    vulnerable, skipped = findings(report)
    for line in skipped:
        print(f"WARNING: {line}")
    if skipped:
        total = len(report.get("dependencies", []))
        print(f"WARNING: {len(skipped)} of {total} packages could not be audited (see above).")
    for line in vulnerable:
        print(f"VULNERABLE: {line}")
    if vulnerable:
        return EXIT_VULNERABLE
    print("No known vulnerabilities in the packages that could be audited.")
    return EXIT_OK


def run_pip_audit() -> dict[str, Any] | None:
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "audit.json"
        command = [
            str(PIP_AUDIT),
            "--path",
            str(SITE_PACKAGES),
            "--progress-spinner",
            "off",
            "--timeout",
            str(REQUEST_TIMEOUT),
            "--format",
            "json",
            "--output",
            str(output),
        ]
        try:
            subprocess.run(command, timeout=RUN_TIMEOUT, check=False, capture_output=True)
        except subprocess.TimeoutExpired:
            return None
        if not output.exists():
            return None
        report: dict[str, Any] = json.loads(output.read_text())
        return report


def main() -> int:
    strict = os.environ.get("DEPENDENCY_AUDIT_STRICT") == "1"
    return verdict(run_pip_audit(), strict=strict)


if __name__ == "__main__":
    sys.exit(main())
