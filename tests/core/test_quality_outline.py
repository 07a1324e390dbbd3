"""The SMART outline reads as correct English for every corpus statement: no doubled subject,
no doubled time phrase, no broken template ("I will I …", "I will By …")."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from goldenthread.core.quality import StatementContext, assess
from goldenthread.core.quality.model import Kind
from goldenthread.core.quality.rewrite import rewrite_skeleton
from goldenthread.core.quality.statement import read_statement
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
    # A capital straight after "I will": the rest is not a doing word ("I will My achievements
    # are celebrated", "I will These needs no longer …") or kept a capital it only had for
    # opening the statement ("I will Answer yes or no …").
    "capital after I will": re.compile(r"\bI will (?!I\b)[A-Z]"),
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


def _outcome_outline(text: str) -> str:
    """The outline of ``text`` read as an outcome, whatever the judge decides its kind is."""
    return rewrite_skeleton(read_statement(text, CTX), set(), Kind.OUTCOME)


def test_words_that_are_not_a_doing_word_are_quoted_for_the_writer_to_turn_into_one() -> None:
    assert _outcome_outline("My achievements are celebrated and I feel valued").startswith(
        "By [when: e.g. the end of Year 4], I will [do what, so that: “My achievements are"
        " celebrated and I feel valued”]"
    )
    assert "I will [do what, so that: “Sam’s Mum would like" in _outcome_outline(
        "Sam’s Mum would like to see Sam make friends."
    )
    assert "I will answer yes or no when asked" in _outcome_outline(
        "Answer yes or no when asked if they have enough money for a specific item"
    )
    aspiration = rewrite_skeleton(
        read_statement("A nursery place where I am happy", CTX), set(), Kind.ASPIRATION
    )
    assert "I will [a first step towards: “A nursery place where I am happy”]" in aspiration


@pytest.mark.parametrize(
    "text",
    [
        "I’m not joining two words to make short sentences.",
        "I am struggling to follow instructions.",
        "I can't tie my laces yet.",
    ],
)
def test_what_the_child_cannot_do_yet_is_quoted_not_put_after_i_will(text: str) -> None:
    outline = _outcome_outline(text)
    assert f"I will [do what, so that: “{text.rstrip('.')}”]" in outline


def test_i_m_in_either_apostrophe_is_read_as_i_am() -> None:
    assert "I will travel to college on my own" in _outcome_outline(
        "I’m going to travel to college on my own."
    )
    assert "I will be able to dress myself" in _outcome_outline("I'm able to dress myself.")


def test_he_s_becomes_has_or_is_by_the_word_after_it() -> None:
    # "He's taken …" is "he has": the outline must not read "I will I's taken".
    assert "I's" not in _outcome_outline("He's taken two GCSEs.")
    assert "have taken two GCSEs" in _outcome_outline("He's taken two GCSEs.")
    assert "be happy" in _outcome_outline("She's happy at school.")


@pytest.mark.parametrize(
    ("text", "outline"),
    [
        (
            "Short Term: By the end of the term Mohammed will have 2 friends.",
            "By the end of the term, I will have 2 friends",
        ),
        ("Step 2: Sam will count to 10 by July 2027.", "By July 2027, I will count to 10"),
        (
            "Long-term outcome - By the end of Year 6 I will read books.",
            "By the end of Year 6, I will read books",
        ),
        (
            "Three months after high school John will attend college.",
            "Three months after high school, I will attend college",
        ),
    ],
)
def test_a_writers_label_is_dropped_and_how_long_after_stays_with_its_phrase(
    text: str, outline: str
) -> None:
    assert _outcome_outline(text).startswith(outline)


@pytest.mark.parametrize(
    "text", ["Movement breaks", "Chunk instructions", "Visual timetables to support routines."]
)
def test_provision_judged_so_gets_an_outcomes_frame_not_its_own_words(text: str) -> None:
    # The judge reads these as provision (the rules alone read some as outcomes): an outline
    # "I will Movement breaks …" is nonsense, so the outline is the frame of an outcome to write.
    assessment = assess(text, CTX)
    assert assessment.kind is Kind.PROVISION
    assert "[do what: the difference this makes for me]" in assessment.suggestion
    assert text.split(maxsplit=1)[0] not in assessment.suggestion


def test_every_corpus_statement_judged_provision_or_need_gets_the_frame() -> None:
    for item in ITEMS:
        assessment = assess(item.text, CTX)
        if assessment.kind in {Kind.PROVISION, Kind.NEED}:
            assert "[do what: the difference this makes for me]" in assessment.suggestion, item.id


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
