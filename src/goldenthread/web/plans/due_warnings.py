"""Due-date warnings on the outcome and step forms: shown GOV.UK style, saved only when the
person presses "Save anyway" for exactly the warnings shown (``core.due_dates``; issue 16).

The form works out ``warnings`` as it cleans. ``needs_confirming`` is true while there are
warnings the person has not confirmed: the view then shows the form again (200, nothing saved)
with each warning and a "Save anyway" button whose value names those warnings, so a change to
the date or the words that brings a new warning is asked about again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.utils import timezone

from goldenthread.core.due_dates import due_date_warnings

SAVE_ANYWAY = "save_anyway"
FINISHED = frozenset({"achieved", "sustaining", "not-achieved", "not-attainable"})
FIELD_LABEL = {"due_date": "Due date"}


def warnings_token(warnings: list[tuple[str, str]]) -> str:
    """A short fingerprint of the warnings shown, sent back by "Save anyway"."""
    joined = "\n".join(f"{field}:{message}" for field, message in warnings)
    return hashlib.sha256(joined.encode()).hexdigest()[:16]


def part_due_warnings(
    *, text: str, due: dt.date | None, born: dt.date | None, created: Any, status: str
) -> list[tuple[str, str]]:
    """(field, message) for each warning about a part's due date."""
    written_on = created.date() if isinstance(created, dt.datetime) else None
    return [
        ("due_date", message)
        for message in due_date_warnings(
            text,
            due,
            born=born,
            today=timezone.localdate(),
            written_on=written_on,
            finished=status in FINISHED,
        )
    ]


class DueDateWarnings:
    """For a ModelForm with ``text`` and ``due_date``: collects warnings in ``clean``."""

    warnings: list[tuple[str, str]]
    data: Any
    errors: Any
    instance: Any

    def child_born_on(self) -> dt.date | None:
        born = self.instance.child_born_on()
        return born if isinstance(born, dt.date) else None

    def due_date_check(self, data: dict[str, Any]) -> None:
        self.warnings = []
        if "due_date" in self.errors or "text" in self.errors:
            return
        self.warnings = part_due_warnings(
            text=str(data.get("text") or ""),
            due=data.get("due_date"),
            born=self.child_born_on(),
            created=self.instance.created_at if self.instance.pk else None,
            status=str(data.get("achievement_status") or ""),
        )

    @property
    def warnings_token(self) -> str:
        return warnings_token(getattr(self, "warnings", []))

    def needs_confirming(self) -> bool:
        """True while there are warnings the person has not said to save anyway."""
        shown = getattr(self, "warnings", [])
        return bool(shown) and self.data.get(SAVE_ANYWAY) != warnings_token(shown)

    def warning_lines(self) -> list[tuple[str, str, str]]:
        """(field id, field label, message) for the page."""
        return [(f, FIELD_LABEL.get(f, f), m) for f, m in getattr(self, "warnings", [])]
