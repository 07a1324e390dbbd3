"""Saying "worth a second look" in words: where the learned judge is unsure of its verdict.

The rules explain (each check's status, the words it found); the learned judge decides. Where
the judge decided a field with a probability too near even to trust (``Assessment.unsure``),
every place that shows the verdict says so in plain words, rather than guess. On the build's
held-out statements the judge was right on about 6 in 10 of those, and on 9 in 10 of the rest
(docs/adr/0062-worth-a-second-look-shown.md).
"""

from __future__ import annotations

from collections.abc import Iterable

#: Each rubric field as the end of "our checks are not sure about ...".
FIELD_WORDS: dict[str, str] = {
    "kind": "what kind of statement it is",
    "has_when": "whether it says by when",
    "measurable": "whether it says how you will know",
    "specific": "whether it says exactly what will change",
    "about_child": "whether it is about what the child will do",
    "first_person": "whether it is in the child's own words",
    "not_provision": "whether it is about the change, not the help given",
    "plain": "whether it uses plain words",
    "smart": "whether it is SMART",
}

#: The check (criterion) whose line shows each rubric field the judge decides, on pages that
#: list the checks. Those lines follow the judge's verdict where the two differ.
FIELD_CRITERIA: dict[str, str] = {
    "measurable": "measurable",
    "specific": "specific",
    "not_provision": "outcome_not_provision",
    "plain": "plain_language",
}
CRITERION_FIELDS: dict[str, str] = {criterion: name for name, criterion in FIELD_CRITERIA.items()}


def second_look_fields(fields: Iterable[str]) -> list[str]:
    """The fields worth naming, in rubric order. SMART is left out when a part of it is named:
    the part is the reason, and naming both says the same thing twice."""
    given = set(fields)
    chosen = [name for name in FIELD_WORDS if name in given]
    if "smart" in chosen and len(chosen) > 1:
        chosen.remove("smart")
    return chosen


def second_look_sentence(fields: Iterable[str]) -> str:
    """One plain sentence naming the unsure fields, or "" when there are none."""
    chosen = second_look_fields(fields)
    if not chosen:
        return ""
    words = [FIELD_WORDS[name] for name in chosen]
    listed = words[0] if len(words) == 1 else f"{'; '.join(words[:-1])}; and {words[-1]}"
    return f"Worth a second look: our checks are not sure about {listed}. Read it again yourself."


def second_look_stored(fields: Iterable[str]) -> str:
    """The unsure fields as a stored verdict keeps them: comma-separated ("specific,smart")."""
    return ",".join(fields)


def second_look_sentence_stored(stored: str) -> str:
    """``second_look_sentence`` for fields kept by ``second_look_stored``."""
    return second_look_sentence(stored.split(","))
