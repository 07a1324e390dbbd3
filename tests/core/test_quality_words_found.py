"""Words found on the corpus's train and dev splits (docs/adr/0061): technical words readers
judge not plain, doing words readers judge specific, and measures readers judge measurable."""

from __future__ import annotations

import datetime as dt

import pytest

from goldenthread.core.quality import StatementContext, assess
from goldenthread.core.quality.model import Status
from goldenthread.core.quality.rules_plain import jargon_hard
from goldenthread.core.quality.statement import read_statement

CTX = StatementContext(today=dt.date(2026, 12, 7))


@pytest.mark.parametrize(
    ("text", "word", "plain"),
    [
        ("Counting and cardinality skills to 10.", "cardinality", "counting how many"),
        ("Operations and algebraic thinking.", "algebraic thinking", "number patterns"),
        ("Take part in a restorative conversation.", "restorative", "putting things right"),
        ("Use augmentative communication.", "augmentative", "aids that help me talk"),
        ("Improve decoding of CVC words.", "decoding", "sounding out words"),
        ("Difficulties with cognition and learning.", "cognition", "thinking and learning"),
        ("Her cognitive skills are delayed.", "cognitive", "thinking"),
        ("Build joint attention.", "joint attention", "looking at the same thing as someone else"),
        ("School will liaise with the family.", "liaise", "talk with"),
        ("Phonological skills are weak.", "Phonological", "about the sounds in words"),
        ("Blend three phonemes.", "phonemes", "sounds"),
        ("Reading comprehension is below age.", "comprehension", "understanding"),
        ("Name the zones of regulations.", "zones of regulations", "a way to talk about feelings"),
        ("A kinaesthetic learner.", "kinaesthetic", "learning by moving and doing"),
        ("Read at a 400 Lexile level.", "Lexile", "reading level"),
    ],
)
def test_a_technical_word_is_named_with_a_plain_one(text: str, word: str, plain: str) -> None:
    found = jargon_hard(text, text.lower())
    assert [(w, p) for _, w, p in found] == [(word, plain)]


def test_the_plain_rule_names_the_new_word_and_offers_the_plain_one() -> None:
    found = assess("By July 2027, Sam will improve his decoding in class.", CTX)
    plain = found.criteria["plain_language"]
    assert plain.status is Status.WARN
    assert "“decoding”" in plain.message
    assert "“decoding” → “sounding out words”" in plain.suggestion


def test_everyday_neighbours_are_not_flagged() -> None:
    text = "Sam will understand the story and count to ten."
    assert jargon_hard(text, text.lower()) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sam will initiate a game with a friend at break time.", Status.PASS),
        ("Sam will produce a sentence in class.", Status.PASS),
        ("I will socialise with friends at youth club.", Status.PASS),
        ("Sam will stop hitting at lunchtime.", Status.PASS),
        ("Sam will participate in group work in class.", Status.PASS),
        ("Sam will maintain focus.", Status.FAIL),  # still not a doing word you can see
        ("Sam will enjoy circle time.", Status.FAIL),  # "circle" is a time here
    ],
)
def test_doing_words_found_on_train_and_dev(text: str, expected: Status) -> None:
    assert assess(text, CTX).criteria["specific"].status is expected


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Clive will point to the red block (3/5 tries).", "3/5"),
        ("My child will eat at the table 5/7 evening meals per week.", "5/7"),
        ("Ashley will read CVC words, as measured by a teacher checklist.", "as measured by"),
        ("I will join a group discussion, seen on 3 separate occasions.", "3 separate occasions"),
        ("Sam will stay calm for three consecutive sessions.", "three consecutive sessions"),
        ("Pass my English GCSE in Year 11.", "Pass my English GCSE"),
        ("To achieve a 7 in my science test.", "achieve a 7"),
    ],
)
def test_measures_found_on_train_and_dev(text: str, measure: str) -> None:
    statement = read_statement(text, CTX)
    assert [text[s.start : s.end] for s in statement.strong_measures] == [measure]


@pytest.mark.parametrize(
    "text",
    [
        "By 12/05/2027 Sam will walk to the shop.",  # a date, not a score
        "By 12/2027 Sam will walk to the shop.",
        "Sam will take part in different activities.",  # no number
    ],
)
def test_dates_and_loose_words_are_not_measures(text: str) -> None:
    assert read_statement(text, CTX).strong_measures == ()
