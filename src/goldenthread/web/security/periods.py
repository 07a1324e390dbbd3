"""Retention periods written as short rules: "dob+25" or "event+6y" (years)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

RULE_PATTERN = re.compile(r"^(?P<anchor>dob|event)\+(?P<years>\d{1,3})y?$")
RULE_INVALID = 'Write a retention period as "dob+25" or "event+6y", not {rule!r}'


@dataclass(frozen=True)
class RetentionPeriod:
    """Keep a record until ``years`` after its anchor: the child's date of birth, or the event."""

    anchor: str
    years: int

    @classmethod
    def parse(cls, rule: str) -> RetentionPeriod:
        match = RULE_PATTERN.match(rule.strip().lower())
        if match is None:
            raise ValueError(RULE_INVALID.format(rule=rule))
        return cls(anchor=match["anchor"], years=int(match["years"]))

    def latest_anchor_due(self, today: dt.date) -> dt.date:
        """Records anchored on or before this date are due to go."""
        return today - relativedelta(years=self.years)

    def __str__(self) -> str:
        what = "the child's date of birth" if self.anchor == "dob" else "the event"
        return f"{self.years} years after {what}"
