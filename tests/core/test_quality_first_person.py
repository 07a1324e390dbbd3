"""The rubric's ``first_person``: written as the child, not a quotation, a parent or "i.e."."""

from __future__ import annotations

import datetime as dt

import pytest

from goldenthread.core.quality import StatementContext, assess
from goldenthread.core.quality.judge.features import in_childs_voice

CHILDS_VOICE = [
    "By July 2027 I will make my own breakfast.",
    "“I will read to my friend at break time.”",
    "I'd like to go to college. My mum says I can.",
    "Help me to tell an adult when I feel worried.",
]
NOT_CHILDS_VOICE = [
    # a parent writing about their child
    "I need my children to make sensible calculated decisions.",
    "I would like my son to be able to eat with a fork by the end of May 2017",
    # a quotation inside a statement about someone else
    "Use prompts such as 'I wonder…' rather than asking lots of direct questions.",
    "Name feelings in context (for example “I can see you felt really angry”), and model it.",
    'The student will use self-prompts (e.g., "I need to start now") to begin the task.',
    # "i.e." is not "I"; I CAN is a charity
    "Pupils take part in play with 2 or 3 others (i.e. turn taking).",
    "Social Communication skills workshops using I CAN trained staff",
    "Sam will read 20 words by the end of Year 2.",
]


@pytest.mark.parametrize("text", CHILDS_VOICE)
def test_the_childs_own_words_are_first_person(text: str) -> None:
    assert in_childs_voice(text, text.lower())


@pytest.mark.parametrize("text", NOT_CHILDS_VOICE)
def test_quotations_parents_and_short_forms_are_not(text: str) -> None:
    assert not in_childs_voice(text, text.lower())


def test_the_assessment_carries_it_in_its_rubric() -> None:
    context = StatementContext(today=dt.date(2026, 12, 7))
    assert assess(NOT_CHILDS_VOICE[0], context).rubric["first_person"] is False
    assert assess(CHILDS_VOICE[0], context).rubric["first_person"] is True
