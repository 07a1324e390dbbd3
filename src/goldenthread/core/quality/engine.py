"""``assess``: read a statement once, run every rule, give the verdict, score and rewrite."""

from __future__ import annotations

from goldenthread.core import calendar as cal
from goldenthread.core.quality import rules_kind, rules_plain, rules_time, rules_wording
from goldenthread.core.quality.model import Assessment, StatementContext
from goldenthread.core.quality.registry import RULES
from goldenthread.core.quality.rewrite import rewrite_skeleton
from goldenthread.core.quality.score import is_smart, quality_score
from goldenthread.core.quality.statement import read_statement

# The rule modules register themselves on import; this keeps them imported.
RULE_MODULES = (rules_kind, rules_plain, rules_time, rules_wording)

#: Criterion names in report order: the SMART letters, then the guidance's other tests.
CRITERIA: tuple[str, ...] = (
    "specific",
    "measurable",
    "achievable",
    "realistic",
    "time_bound",
    "person_centred",
    "outcome_not_provision",
    "not_aspiration",
    "plain_language",
)
MAX_TEXT_CHARS = 100_000


def assess(
    text: str, context: StatementContext, *, terms: cal.TermDates | None = None
) -> Assessment:
    """Judge one statement against the outcome guidance."""
    statement = read_statement(text, context, terms)
    criteria = {name: RULES[name].function(statement) for name in CRITERIA}
    names = {text[span.start : span.end] for span in statement.name_spans}
    notes = []
    if statement.time is not None and statement.time.note:
        notes.append(statement.time.note)
    return Assessment(
        text=text,
        kind=statement.kind,
        kind_confidence=statement.kind_confidence,
        criteria=criteria,
        smart=is_smart(statement.kind, criteria),
        score=quality_score(statement.kind, criteria),
        due_date=None if statement.time is None else statement.time.due,
        suggestion=rewrite_skeleton(statement, names),
        notes=tuple(notes),
    )
