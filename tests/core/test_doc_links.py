"""Every docs/… path named in the source, scripts and docs exists (a moved page fails here)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC_PATH = re.compile(r"\bdocs/[\w./-]+\.(?:md|json|yaml)")


def test_every_docs_path_named_exists() -> None:
    missing = []
    places = [*ROOT.glob("src/**/*.py"), *ROOT.glob("scripts/*"), *ROOT.glob("docs/**/*.md")]
    for place in [*places, ROOT / "README.md"]:
        if not place.is_file():
            continue
        for named in DOC_PATH.findall(place.read_text(encoding="utf-8", errors="replace")):
            if not (ROOT / named.rstrip(".")).exists():
                missing.append(f"{place.relative_to(ROOT)}: {named}")
    assert not missing, missing
