"""Words on the jargon list that careful readers mostly judge plain ("peers", "transition") are
offered a plainer word but do not make a statement not plain; the rest still do."""

from __future__ import annotations

import datetime as dt

import pytest

from goldenthread.core.quality import StatementContext, assess
from goldenthread.core.quality.lexicon import EVERYDAY_ENOUGH, JARGON_ACRONYMS, JARGON_PHRASES
from goldenthread.core.quality.model import Status
from goldenthread.core.quality.rules_plain import acronyms_unexplained, jargon_hard, jargon_in

CTX = StatementContext(today=dt.date(2026, 12, 7))


def test_every_everyday_word_is_on_the_jargon_list_with_a_plainer_word() -> None:
    listed = {word.lower() for word in (*JARGON_PHRASES, *JARGON_ACRONYMS)}
    assert listed >= EVERYDAY_ENOUGH


@pytest.mark.parametrize(
    ("text", "hard"),
    [
        ("Sam will play a game with his peers at lunchtime.", []),
        ("Social skills group with peers, then a Transition visit.", []),
        ("Weekly SALT with peers.", ["SALT"]),
        ("Interventions for phonics and fine motor skills.", ["phonics", "fine motor skills"]),
    ],
)
def test_only_the_harder_words_count(text: str, hard: list[str]) -> None:
    assert [word for _, word, _ in jargon_hard(text, text.lower())] == hard
    assert len(jargon_in(text, text.lower())) >= len(hard)


def test_an_everyday_word_is_offered_a_plainer_one_and_the_statement_stays_plain() -> None:
    text = "By July 2027, Sam will play a game with two of his peers at lunchtime every day."
    found = assess(text, CTX)
    plain = found.criteria["plain_language"]
    assert plain.status is Status.PASS
    assert "“peers” → “friends or classmates”" in plain.message
    start = text.index("peers")
    assert [(s.start, s.end) for s in plain.spans] == [(start, start + 5)]
    assert found.rubric["plain"] is True


def test_harder_words_still_make_it_not_plain_and_are_the_ones_named() -> None:
    found = assess("Sam will have SALT with his peers every week.", CTX)
    plain = found.criteria["plain_language"]
    assert plain.status is Status.WARN
    assert "“SALT”" in plain.message and "“peers”" not in plain.message
    assert "“peers” → “friends or classmates”" in plain.suggestion
    assert found.rubric["plain"] is False


def test_a_template_blank_in_capitals_is_not_a_short_form() -> None:
    assert acronyms_unexplained("By XX/XX/XXXX, [name] will count to XX.") == ()
    found = acronyms_unexplained("By XX, Jo will start the ASDAN award.")
    assert [word for _, word in found] == ["ASDAN"]
