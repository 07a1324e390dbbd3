"""Unexplained short forms count against plain words; explained and everyday ones do not."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from goldenthread.core.quality import StatementContext, assess
from goldenthread.core.quality.engine import read_and_check
from goldenthread.core.quality.judge.learned import default_judge
from goldenthread.core.quality.model import Status
from goldenthread.core.quality.rules_plain import acronyms_unexplained
from goldenthread.core.quality.verdict import verdict_settle

CTX = StatementContext(today=dt.date(2026, 12, 6))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("C/YP may struggle to keep friends.", ["C/YP"]),
        ("Jo will sit the ASDAN award with her LSAs.", ["ASDAN"]),  # LSA is on the jargon list
        ("I will watch TV and see my GP.", []),
        ("Jo will take 2 GCSEs in PE and IT.", []),
        ("Support from the Educational Psychology Service (EPS), then the EPS report.", []),
        ("ASK AN ADULT FOR HELP WHEN I AM STUCK.", []),
        ("I will say hello to Sam.", []),
    ],
)
def test_the_unexplained_short_forms_are_found(text: str, found: list[str]) -> None:
    assert [word for _, word in acronyms_unexplained(text)] == found


def test_the_plain_words_finding_names_them_and_says_what_to_do() -> None:
    finding = assess("C/YP may struggle to keep friends.", CTX).criteria["plain_language"]
    assert finding.status is Status.WARN
    assert "“C/YP”" in finding.message
    assert "Write each one out in full" in finding.suggestion
    assert [(s.start, s.end) for s in finding.spans] == [(0, 4)]


def test_three_short_forms_fail_and_jargon_and_short_forms_count_together() -> None:
    three = assess("The EPS, CAMHS and YOT will meet.", CTX).criteria["plain_language"]
    assert three.status is Status.FAIL
    mixed = assess("I will use PECS with the YMCA staff and ELKLAN.", CTX)
    assert mixed.criteria["plain_language"].status is Status.FAIL


def test_an_acronym_spelled_out_in_brackets_is_plain() -> None:
    found = assess("Speech and Language Therapy (SALT) twice a week in class.", CTX)
    assert found.criteria["plain_language"].status is Status.PASS
    salt = assess("SALT twice a week in class.", CTX).criteria["plain_language"]
    assert salt.status is Status.WARN


def test_an_unexplained_short_form_makes_the_verdict_not_plain_but_can_still_be_smart() -> None:
    text = "By July 2027, Sam will swim 10 metres at the YMCA pool without help."
    statement, criteria, smart = read_and_check(text, CTX)
    judged = default_judge().judge_read(statement, criteria, smart)
    plain_and_smart = replace(judged, fields={**judged.fields, "plain": True, "smart": True})
    settled = verdict_settle(plain_and_smart, statement, criteria)
    assert settled.fields["plain"] is False
    assert settled.fields["smart"] is True
