"""The judge's contract: a statement (and what is known of the child) in, a ``Judgement`` out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from goldenthread.core.quality.model import StatementContext

BOOLEAN_FIELDS: tuple[str, ...] = (
    "has_when",
    "measurable",
    "specific",
    "about_child",
    "first_person",
    "not_provision",
    "plain",
    "smart",
)
RUBRIC_FIELDS: tuple[str, ...] = ("kind", *BOOLEAN_FIELDS, "theme", "theme2")
KINDS: tuple[str, ...] = ("aspiration", "need", "target", "provision", "outcome")


@dataclass(frozen=True, slots=True)
class Judgement:
    """The rubric fields for one statement, with calibrated probabilities.

    ``probabilities`` holds P(true) for each boolean field; ``kind_probabilities`` and
    ``theme_probabilities`` the distribution over kinds and themes 1-4. ``second_look`` names
    the fields where the rules and the model disagree; ``unsure`` the fields the model decided
    with a probability too near even to trust (worth a second look, docs/adr/0062)."""

    kind: str
    kind_probabilities: dict[str, float]
    fields: dict[str, bool]
    probabilities: dict[str, float]
    theme: int | None
    theme2: int | None
    theme_probabilities: dict[int, float]
    second_look: tuple[str, ...] = field(default_factory=tuple)
    unsure: tuple[str, ...] = field(default_factory=tuple)

    def rubric(self) -> dict[str, object]:
        """Exactly the rubric's fields, as the audit record carries them."""
        return {
            "kind": self.kind,
            **{name: self.fields[name] for name in BOOLEAN_FIELDS},
            "theme": self.theme,
            "theme2": self.theme2,
        }


class Judge(Protocol):
    """Anything that can judge a statement against the rubric."""

    version: str

    def judge(self, statement: str, context: StatementContext) -> Judgement: ...
