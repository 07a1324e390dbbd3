"""Golden file: the engine's full verdict on about 200 varied statements must not change by
accident (for example while making it faster).

When a change to the results is deliberate, regenerate the file and say in the commit which
statements changed and why:

    .venv/bin/python tests/core/test_quality_golden.py --regenerate
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from pathlib import Path
from typing import Any

import pytest

from goldenthread.core.quality import StatementContext, assess, assessment_to_record

GOLDEN = Path(__file__).with_name("test_quality_golden.jsonl")
TODAY = dt.date(2025, 10, 1)
CONTEXTS = (
    {"today": "2025-10-01", "dob": "2014-05-01"},
    {"today": "2025-10-01", "dob": None},
    {"today": "2026-02-14", "dob": "2022-06-01", "plan_end": "2027-03-01"},
    {"today": "2026-11-22", "dob": "2009-12-30"},
)
# Statements the random generator below does not make: the guidance's own examples, needs,
# provision, aspirations, jargon, dates in many shapes, and statements that passed or failed
# on one word.
EXTRA = [
    "Be able to communicate my needs to familiar people in a familiar environment",
    "Non-verbal - just producing jargon Very limited social interaction",
    "Recognise and use 5 picture prompts that are meaningful to him to communicate his needs",
    "Speech and language programme to be carried out in nursery and at home for 10 minutes "
    "per week.",
    "In 6 months I will be able to take the picture prompts to an adult to show what I want",
    "Learn how to use 2 intentional non-verbal gestures",
    "By the end of the year I will be able to indicate my needs and wants for drinking",
    "MOVE programme delivered by my teacher and support staff for 30 minutes per day",
    "By the time I am 6 years old I will be able to walk from the classroom door to the "
    "playground without falling over",
    "Be a chef when I am an adult",
    "Autism affecting social and communication",
    "Staff modelling making cereal, following verbal instructions.",
    "By the end of year 3 I will be able to attend breakfast club and make my own breakfast "
    "independently",
    "Significant delay in the understanding of language by 4 years",
    "Be able to constantly follow instructions at a 2 word level by the end of term",
    "To be an ICT teacher",
    "Emotional difficulties as a result of reactive attachment disorder",
    "Have a paid job working in gaming",
    "Profound hearing impairment affecting communication",
    "By the time I am 20 I will be able to travel independently to a place of work",
    "Work experience in the local city farm for 1 afternoon per week with job coach",
    "By the time I am 19/20 I will have a paid job working with animals",
    "Sam to receive 3 hours of SALT per week from the SENCo and a TA.",
    "Ellie will receive 3 x 30 minute sessions of speech and language therapy each week.",
    "To improve his social skills.",
    "To develop her fine motor skills and self-regulation through a sensory diet.",
    "She finds it hard to wait her turn and struggles with transitions.",
    "I want to live independently in my own flat one day.",
    "When I'm older I will make friends.",
    "By 31/07/2027 I will read 20 words from the Year 2 list with 80% accuracy in class.",
    "By 2027-07-31 I will count to 20 at home.",
    "By 15th March 2027 I will tie my shoelaces without help at school.",
    "By July 2027 I will swim 10 metres in the pool with my class.",
    "By the end of the spring term 2027 I will say hello to two friends each morning.",
    "By Christmas I will write my name on 3 pieces of work a week in class.",
    "By Easter 2027 I will use a now and next board to move between 2 activities.",
    "By my next review I will ask for help in maths lessons twice a day.",
    "Within 8 weeks Zara will hold a pencil correctly for 5 minutes in English lessons.",
    "By the end of Key Stage 3 I will catch the bus to school on my own every day.",
    "By the end of KS2 I will read a book of 20 pages to an adult.",
    "Before I start secondary school I will find my way to 4 classrooms with a friend.",
    "When I leave school I will travel to college on my own.",
    "By the age of 14, Amil will be able to work on at least two shared activities with two "
    "other students for 30 minutes without adult support during each school day.",
    "By the end of Year 25 I will do something.",
    "By 31/02/2027 I will count to 10.",
    "By the end of Reception I will sit on the carpet for 5 minutes at story time.",
    "By the end of this half term I will put my coat on by myself at home time.",
    "Next term I will choose a snack from 2 options at snack time.",
    "He will be supported to access the curriculum through differentiated tasks and "
    "scaffolding, with multi-sensory approaches and pre-teaching of key vocabulary, so that "
    "his working memory and processing speed difficulties are accommodated across all of "
    "the lessons of the school day and in the playground at lunchtime and break time.",
    "Attend breakfast club 5 mornings per week",
    "1:1 support from an LSA for 15 hours a week.",
    "I will be happy.",
    "",
    "   ",
    "By the end of Year 6, I'll point to 10 pictures to say what I want at lunch with my TA.",
]


def _generated(count: int, seed: int) -> list[str]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from bench_check import statements

    texts = statements(count * 4, seed=seed)
    return random.Random(seed).sample(texts, count)


def golden_cases() -> list[tuple[str, dict[str, Any]]]:
    """(text, context) for every golden statement, in a fixed order."""
    texts = EXTRA + _generated(150, seed=2025)
    return [(text, CONTEXTS[i % len(CONTEXTS)]) for i, text in enumerate(texts)]


def _context(raw: dict[str, Any]) -> StatementContext:
    def day(key: str) -> dt.date | None:
        value = raw.get(key)
        return None if value is None else dt.date.fromisoformat(value)

    return StatementContext(today=dt.date.fromisoformat(raw["today"]),
                            date_of_birth=day("dob"), plan_end=day("plan_end"))


def verdict(text: str, context: dict[str, Any]) -> dict[str, Any]:
    """The whole assessment as JSON, without the rules' reasons (those are documentation)."""
    record = assessment_to_record(assess(text, _context(context)), None)
    for found in record["criteria"].values():
        del found["reason"]
    return {"context": context, **record}


def _load() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("expected", _load() if GOLDEN.exists() else [],
                         ids=lambda row: row["text"][:40])
def test_verdict_matches_golden_file(expected: dict[str, Any]) -> None:
    assert verdict(expected["text"], expected["context"]) == expected


def test_golden_file_covers_every_case() -> None:
    assert [(row["text"], row["context"]) for row in _load()] == golden_cases()


if __name__ == "__main__":
    if sys.argv[1:] != ["--regenerate"]:
        print(__doc__)
        raise SystemExit(2)
    rows = [verdict(text, context) for text, context in golden_cases()]
    lines = [json.dumps(row, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
             for row in rows]
    GOLDEN.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} verdicts to {GOLDEN}")
