"""What the quality engine and the linker say about an outcome as it is written.

The same ``OutcomeFeedback`` feeds the JSON endpoint (for live feedback while typing) and the
outcome form's "check" button (for people without JavaScript), so both show the same list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from django.utils import timezone

from goldenthread.core.quality import CRITERIA, StatementContext, Status, assess
from goldenthread.core.quality.model import Assessment
from goldenthread.core.quality.record import assessment_to_record
from goldenthread.core.quality.second_look import CRITERION_FIELDS, second_look_sentence
from goldenthread.web.plans.models import Plan
from goldenthread.web.plans.quality import KIND_WORDS
from goldenthread.web.plans.suggestions import SuggestionsView, suggestions_for

# Longest text the live check reads: an outcome is a sentence or two, not a report.
MAX_CHECK_CHARS = 2_000

CRITERION_LABELS: dict[str, str] = {
    "specific": "Says exactly what will change",
    "measurable": "Says how you will know (how well or how often)",
    "achievable": "Can be done by the child",
    "realistic": "Fits the time there is",
    "time_bound": "Says by when",
    "person_centred": "Written as the child ('I will …')",
    "outcome_not_provision": "About the change, not the help given",
    "not_aspiration": "A step you can reach, not a far-off hope",
    "plain_language": "Plain words",
}
STATUS_WORDS: dict[str, str] = {
    Status.PASS.value: "Done",
    Status.WARN.value: "Check",
    Status.FAIL.value: "Not yet",
    Status.NOT_APPLICABLE.value: "Does not apply",
}

FLAGGED = frozenset({Status.FAIL.value, Status.WARN.value})
#: A check's words where the learned judge is unsure of it (docs/adr/0062).
UNSURE_WORDS = "Not sure"
UNSURE_HINT = "Worth a second look."
#: Where the word check and the judge's verdict differ, the line shows the verdict and says so.
OVERRULED_HINT = {
    Status.PASS.value: "The word check flagged this, but the overall reading is that it does.",
    Status.FAIL.value: "The word check found nothing here, but the overall reading is that it "
    "does not yet.",
}


@dataclass(frozen=True)
class CriterionLine:
    """One criterion as shown beside the text: its name, status, message and where it applies."""

    criterion: str
    label: str
    status: str
    status_words: str
    message: str
    spans: list[list[int]]
    suggestion: str
    second_look: bool = False  # the learned judge is unsure of this check: "Not sure"
    hint: str = ""  # why the line is not sure, or follows the verdict against the word check


@dataclass(frozen=True)
class OutcomeFeedback:
    """Everything shown beside an outcome while it is written."""

    text: str
    kind: str
    kind_words: str
    smart: bool
    score: int
    criteria: list[CriterionLine]
    suggestion: str
    due_date_in_words: str | None
    notes: list[str]
    links: SuggestionsView | None
    second_look: str = ""  # "Worth a second look: …" where the judge is unsure

    @property
    def failing(self) -> list[CriterionLine]:
        return [line for line in self.criteria if line.status == Status.FAIL.value]

    @property
    def unsure(self) -> bool:
        """Whether the learned judge is unsure of anything (worth a second look)."""
        return bool(self.second_look) or any(line.second_look for line in self.criteria)

    def marked(self) -> list[tuple[str, bool]]:
        """The text in pieces, each marked or not: marked where a check fails or needs a look."""
        return marked_pieces(
            self.text,
            [span for line in self.criteria if line.status in FLAGGED for span in line.spans],
        )

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["links"] = asdict(self.links) if self.links else None
        return data


def marked_pieces(text: str, spans: list[list[int]]) -> list[tuple[str, bool]]:
    """``text`` cut at the (merged) spans: [(piece, is_marked), …]."""
    merged: list[list[int]] = []
    for start, end in sorted((max(0, s), min(len(text), e)) for s, e in spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end in merged:
        if start > at:
            pieces.append((text[at:start], False))
        pieces.append((text[start:end], True))
        at = end
    if at < len(text):
        pieces.append((text[at:], False))
    return pieces


def due_date_note(in_words: dt.date | None, in_box: dt.date | None) -> str | None:
    """A note when the due date box and the words disagree: families read the words."""
    if in_box is None:
        return None
    if in_words is None:
        return f"The due date box says {in_box:%-d %B %Y}. Say when in the words too."
    if in_words != in_box:
        return f"The words say {in_words:%-d %B %Y} but the due date box says {in_box:%-d %B %Y}."
    return None


def outcome_feedback(
    text: str, *, plan: Plan, due_date: dt.date | None = None, with_percent: bool = False
) -> OutcomeFeedback | None:
    """The criteria, kind, SMART, score, a rewrite and link suggestions; None for no words."""
    text = text[:MAX_CHECK_CHARS]
    if not text.strip():
        return None
    context = StatementContext(
        today=timezone.localdate(), date_of_birth=plan.child.date_of_birth, plan_end=plan.end_date
    )
    assessment = assess(text, context)
    record = assessment_to_record(assessment, None)
    lines = [
        _line(name, record["criteria"][name], assessment)
        for name in CRITERIA
        if name in record["criteria"]
    ]
    notes = list(assessment.notes)
    note = due_date_note(assessment.due_date, due_date)
    if note:
        notes.append(note)
    kind = assessment.kind.value
    return OutcomeFeedback(
        text=text,
        kind=kind,
        kind_words=KIND_WORDS.get(kind, kind),
        smart=assessment.smart,
        score=assessment.score,
        criteria=lines,
        suggestion=assessment.suggestion,
        due_date_in_words=record["due_date"],
        notes=notes,
        links=suggestions_for(text, kind="outcomes", with_percent=with_percent),
        second_look=second_look_sentence(assessment.unsure),
    )


def _line(name: str, found: dict[str, Any], assessment: Assessment) -> CriterionLine:
    """One check's line. For a field the learned judge decides, the line follows the verdict
    where the word check differs (and says so), and says "Not sure" where the judge is unsure;
    the word check's message and marks are kept only where the verdict agrees with them."""
    status, message, spans, suggestion = (
        found["status"],
        found["message"],
        found["spans"],
        found["suggestion"],
    )
    field = CRITERION_FIELDS.get(name)
    unsure, hint = False, ""
    if field is not None and status != Status.NOT_APPLICABLE.value:
        verdict = Status.PASS.value if assessment.rubric.get(field) else Status.FAIL.value
        if (status == Status.PASS.value) != (verdict == Status.PASS.value):
            status, hint = verdict, OVERRULED_HINT[verdict]
            if verdict == Status.PASS.value:
                message, spans, suggestion = "", [], ""
        if field in assessment.unsure:
            unsure, hint = True, UNSURE_HINT
    return CriterionLine(
        criterion=name,
        label=CRITERION_LABELS.get(name, name.replace("_", " ").capitalize()),
        status=status,
        status_words=UNSURE_WORDS if unsure else STATUS_WORDS[status],
        message=message,
        spans=spans,
        suggestion=suggestion,
        second_look=unsure,
        hint=hint,
    )


def empty_feedback_json() -> dict[str, Any]:
    """The answer's shape when there are no words yet."""
    return {
        "text": "",
        "kind": None,
        "kind_words": "",
        "smart": False,
        "score": 0,
        "criteria": [],
        "suggestion": "",
        "due_date_in_words": None,
        "notes": [],
        "links": None,
        "second_look": "",
    }
