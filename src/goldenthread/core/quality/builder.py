"""A guided outcome builder: the three test questions and a first-person outcome from its parts.

The questions come from the Waltham Forest guidance ("What would it do for you? Make possible
for you? Provide you?"). The web workspace shows them one at a time; the answers to the first
two shape the outcome, the third is the provision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from goldenthread.core.quality.rewrite import (
    ACTION_PLACEHOLDER,
    CONTEXT_PLACEHOLDER,
    MEASURE_PLACEHOLDER,
    when_lead,
)


@dataclass(frozen=True, slots=True)
class BuilderQuestion:
    """One step of the builder: the question, a plain prompt and which part it fills."""

    key: str
    question: str
    prompt: str
    fills: str


QUESTIONS: tuple[BuilderQuestion, ...] = (
    BuilderQuestion(
        "do_for_you",
        "What would it do for you?",
        "What will you be able to do that you cannot do now?",
        "action",
    ),
    BuilderQuestion(
        "make_possible",
        "What would it make possible for you?",
        "What could you then enjoy or join in with? Who with, and where?",
        "context",
    ),
    BuilderQuestion(
        "provide_you",
        "What would it provide you?",
        "What help will you get? This goes in the provision part of the plan, not in the outcome.",
        "provision",
    ),
)

PARTS: tuple[BuilderQuestion, ...] = (
    BuilderQuestion("when", "By when?", "A stage or a date, like “the end of Year 4”.", "when"),
    BuilderQuestion(
        "action",
        "Do what?",
        "Something people can see you do, like “ask a friend to play”.",
        "action",
    ),
    BuilderQuestion(
        "measure", "How well or how often?", "Like “3 times a week” or “without help”.", "measure"
    ),
    BuilderQuestion(
        "context", "Where, or with whom?", "Like “at break time with two friends”.", "context"
    ),
)


def _clean(part: str, lead: str = "") -> str:
    part = re.sub(r"\s+", " ", part).strip(" .,;")
    if lead:
        part = re.sub(lead, "", part, count=1, flags=re.IGNORECASE).strip(" .,;")
    return part


# Someone typed a whole outcome in "Do what?": "By next week I will tidy my room".
_ACTION_TIME_RE = re.compile(
    r"^\s*((?:by|in|within|before|at|when|once)\s+[^,.;]{1,60}?)\s*,?\s+(?=i\s+will\b|i'll\b)",
    re.IGNORECASE,
)


def outcome_from_parts(
    *, when: str = "", action: str = "", measure: str = "", context: str = ""
) -> str:
    """A first-person outcome, "By {when}, I will {action} {measure} {context}.", with a visible
    placeholder for any part left empty. A time phrase typed at the start of the action moves to
    the front (or is dropped when "By when?" already says it)."""
    typed = _ACTION_TIME_RE.match(action)
    if typed is not None:
        when = when if _clean(when) else typed.group(1)
        action = action[typed.end() :]
    action_text = _clean(action, r"^(?:i\s+will\s+|i'll\s+|to\s+)") or ACTION_PLACEHOLDER
    measure_text = _clean(measure) or MEASURE_PLACEHOLDER
    context_text = _clean(context) or CONTEXT_PLACEHOLDER
    return f"{when_lead(when)}, I will {action_text} {measure_text} {context_text}."
