"""The SMART outline reads as correct English for every corpus statement: no doubled subject,
no doubled time phrase, no broken template ("I will I …", "I will By …")."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from goldenthread.core.quality import StatementContext, assess
from goldenthread.evaluation.corpus import corpus_load

CTX = StatementContext(today=dt.date(2026, 11, 22))
PROBLEMS = {
    "doubled subject": re.compile(
        r"\bi will (?:the (?:child|student|pupil)|\[[^\]]*\]|[a-z]+) (?:will|would|can)\b", re.I
    ),
    # A second time phrase after the first: "by [when: …]", "by [date]", "by the end …" (not
    # "as measured by [assessment method]", which is how, not when).
    "doubled time phrase": re.compile(
        r"^by [^,]*,.*\bby (?:\[(?:when|date|insert date)\b|\(date\)|the end|the time|next)", re.I
    ),
    "broken template": re.compile(
        r"\bi will (?:i|by|will|he|she|they)\b|\bwill will\b|\b(?:by|in|within)\s*\[where", re.I
    ),
    # A second subject after a lead-in: "I will When upset, STUDENT will request …", "I will Given
    # a reader, [student] will read …", "I will Child A will learn …".
    "subject after a lead-in": re.compile(
        r"\bI will\b[^.\[]*?,\s*(?:I|\[[^\]]*\]|[A-Z]{3,}|the (?:child|student|pupil))"
        r" (?:will|can)\b"
        r"|\bI will [A-Z][a-z]+ [A-Z] (?:will|can)\b"
    ),
    # An -ing word straight after "I will": "I will Living in my own flat".
    "I will + -ing": re.compile(
        r"\bI will (?!(?:bring|sing|swing|sting|cling|fling|string|ring|spring|wring|during|"
        r"morning|evening|nothing|something|anything|everything|thing)\b)[A-Za-z]+ing\b"
    ),
    # "By" before a phrase with its own word for when: "By Upon graduation, …".
    "By before its own lead": re.compile(
        r"^By (?:upon|following|prior to|while|whilst|between|ready for|after|within|during|in|"
        r"when|once)\b",
        re.I,
    ),
}
ITEMS = corpus_load()


@pytest.mark.parametrize("item", ITEMS, ids=[item.id for item in ITEMS])
def test_the_outline_has_no_doubled_or_broken_parts(item) -> None:
    outline = assess(item.text, CTX).suggestion
    found = [name for name, pattern in PROBLEMS.items() if pattern.search(outline)]
    assert not found, f"{found}: {outline}"


def test_the_outline_keeps_an_unread_leading_time_phrase_as_its_own() -> None:
    outline = assess("By [date], [student] will greet a peer at the start of the day.", CTX)
    assert outline.suggestion.startswith("By [date], I will greet a peer")


def test_he_s_becomes_has_or_is_by_the_word_after_it() -> None:
    # "He's taken …" is "he has": the outline must not read "I will I's taken".
    assert "I's" not in assess("He's taken two GCSEs.", CTX).suggestion
    assert "have taken two GCSEs" in assess("He's taken two GCSEs.", CTX).suggestion
    assert "be happy" in assess("She's happy at school.", CTX).suggestion


def test_a_how_placeholder_after_by_is_not_read_as_a_time_phrase() -> None:
    outline = assess(
        "By (date), Sam will apply reading strategies as measured by [assessment method].", CTX
    ).suggestion
    assert outline.startswith("By (date), I will apply reading strategies as measured by [")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "When upset, STUDENT will request a break with the use of a card by the end of term.",
            "I will request a break with the use of a card when upset",
        ),
        (
            "Child A will learn the safest route to the shop by July 2027.",
            "I will learn the safest",
        ),
        (
            "With cues, I produce the /k/ sound in 8 of 10 words by Easter.",
            "I will produce the /k/",
        ),
        ("Living in my own flat with support by the time I am 21", "I will be living in my own"),
        # A second clause keeps its place: it is not a lead-in.
        (
            "By July 2027 I will read a book every night so that Mum will be proud of me.",
            "I will read a book every night so that Mum will be proud of me",
        ),
    ],
)
def test_a_lead_in_goes_after_the_action_and_a_second_clause_stays(
    text: str, expected: str
) -> None:
    assert expected in assess(text, CTX).suggestion
