"""Provision is judged for what, who, how often, how long and where, and unenforceable words."""

from __future__ import annotations

import datetime as dt

from goldenthread.core.quality import StatementContext, assess
from goldenthread.core.quality.provision import provision_notes

CTX = StatementContext(today=dt.date(2026, 11, 22))


def test_vague_provision_is_named_unenforceable_with_what_is_missing_and_a_rewrite() -> None:
    notes = provision_notes("Access to regular speech and language support as needed.")
    joined = " ".join(notes)
    assert "“access to”" in joined and "“regular”" in joined and "“as needed”" in joined
    assert "how often" in joined and "how long" in joined and "who" in joined
    assert notes[-1].startswith("Say what help")


def test_well_specified_provision_has_no_notes() -> None:
    text = "A teaching assistant will run a 20-minute reading session 3 times a week in class."
    assert provision_notes(text) == ()


def test_the_assessment_of_provision_carries_the_notes() -> None:
    found = assess("Sam will have access to regular social skills groups as needed.", CTX)
    assert found.kind.value == "provision"
    assert any(note.startswith("Not enforceable") for note in found.notes)
