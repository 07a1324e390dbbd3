"""The judge's case-blind detectors give what the case-blind patterns give, on any text."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from goldenthread.core.quality.judge import features
from goldenthread.core.quality.model import StatementContext
from goldenthread.core.quality.statement import read_statement

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from audit_distinct import distinct_statements

DETECTORS = ("_SERVICE", "_ABLE", "_WILL", "_HOPE", "_NEED")
AWKWARD = [
    "Staff WILL support Sam in WEEKLY sessions.",
    "İS ABLE TO read; ſessions weekly; STRUGGLES; when I'm older I want to be a vet",
    "The school will be provided with a programme. KAI CAN'T yet.",
    "She ﬁnds it hard to wait. He can ride a bike.",  # a ligature: not ASCII
    "WHEN IM OLDER I WISH TO DRIVE",
    "",
]


@pytest.mark.parametrize("name", DETECTORS)
def test_the_fast_path_agrees_with_the_pattern(name: str) -> None:
    detector = getattr(features, name)
    context = StatementContext(today=dt.date(2026, 11, 22))
    texts = distinct_statements(1500) + AWKWARD
    texts += [text.upper() for text in texts[:300]] + [text.title() for text in texts[:300]]
    for text in texts:
        statement = read_statement(text, context)
        assert detector.search(statement) == bool(detector.regex.search(text)), text
        assert detector.count(statement) == len(detector.regex.findall(text)), text


def test_patterns_must_be_written_in_lower_case() -> None:
    with pytest.raises(ValueError, match="lower case"):
        features._Caseless(r"\bWill\b")
