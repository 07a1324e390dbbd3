"""``assess``: read a statement once, run every rule, give the verdict, score and rewrite."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from goldenthread.core import calendar as cal
from goldenthread.core.quality import rules_kind, rules_plain, rules_time, rules_wording
from goldenthread.core.quality.model import Assessment, Finding, Kind, StatementContext
from goldenthread.core.quality.provision import provision_notes
from goldenthread.core.quality.registry import RULES
from goldenthread.core.quality.rewrite import rewrite_skeleton
from goldenthread.core.quality.score import is_smart, quality_score
from goldenthread.core.quality.statement import Statement, read_statement

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from goldenthread.core.quality.judge.protocol import Judgement

    FloatArray = npt.NDArray[np.float32]

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
#: Raise when a rule changes what it decides; stored verdicts from another version are re-judged.
RULES_VERSION = "rules-2026.12.8"
#: The most verdicts ``assess_many`` keeps for repeated statements (then it starts afresh).
CACHE_SIZE = 20_000
_CACHE: dict[tuple[str, StatementContext], Assessment] = {}


def read_and_check(
    text: str, context: StatementContext, terms: cal.TermDates | None = None
) -> tuple[Statement, dict[str, Finding], bool]:
    """Read a statement, run every rule, and give the rules' own SMART verdict."""
    statement = read_statement(text, context, terms)
    criteria = {name: RULES[name].function(statement) for name in CRITERIA}
    return statement, criteria, is_smart(statement.kind, criteria)


def assess(
    text: str, context: StatementContext, *, terms: cal.TermDates | None = None
) -> Assessment:
    """Judge one statement: the learned judge decides, the rules explain."""
    from goldenthread.core.quality.judge.learned import default_judge

    statement, criteria, rule_smart = read_and_check(text, context, terms)
    judgement = default_judge().judge_read(statement, criteria, rule_smart)
    return _assessment(statement, criteria, judgement)


def assess_many(
    items: Sequence[tuple[str, StatementContext]],
    *,
    encode: Callable[[Sequence[str]], FloatArray] | None = None,
) -> list[Assessment]:
    """``[assess(text, context) for text, context in items]``, the same results, faster.

    The judge works on the whole batch at once (sentence vectors, rule features), and a
    statement already judged for the same context in this process is not judged again (a
    bounded cache: audits repeat their authority's stock phrases). ``encode``, when given,
    gives the theme linker's ``FeatureEncoder.encode`` rows for the texts still to judge (the
    audit shares them with theme linking).
    """
    from goldenthread.core.quality.judge.learned import default_judge

    out: list[Assessment | None] = [_CACHE.get(item) for item in items]
    todo: dict[tuple[str, StatementContext], list[int]] = {}
    for index, (item, found) in enumerate(zip(items, out, strict=True)):
        if found is None:
            todo.setdefault(item, []).append(index)
    if todo:
        reads = [read_and_check(text, context) for text, context in todo]
        rows = None if encode is None else encode([text for text, _ in todo])
        judgements = default_judge().judge_read_many(reads, rows)
        if len(_CACHE) + len(todo) > CACHE_SIZE:
            _CACHE.clear()
        for (key, indexes), (statement, criteria, _), judgement in zip(
            todo.items(), reads, judgements, strict=True
        ):
            assessment = _CACHE[key] = _assessment(statement, criteria, judgement)
            for index in indexes:
                out[index] = assessment
    return [assessment for assessment in out if assessment is not None]


def _assessment(
    statement: Statement, criteria: dict[str, Finding], judged: Judgement
) -> Assessment:
    """The assessment from the rules' reading and the judge's (settled) judgement."""
    from goldenthread.core.quality.verdict import verdict_settle

    text = statement.text
    judgement = verdict_settle(judged, statement, criteria)
    names = {text[span.start : span.end] for span in statement.name_spans}
    notes = []
    if statement.time is not None and statement.time.note:
        notes.append(statement.time.note)
    if judgement.kind == Kind.PROVISION.value:
        notes.extend(provision_notes(text))
    return Assessment(
        text=text,
        kind=Kind(judgement.kind),
        kind_confidence=round(judgement.kind_probabilities[judgement.kind], 3),
        criteria=criteria,
        smart=judgement.fields["smart"],
        score=quality_score(statement.kind, criteria),
        due_date=None if statement.time is None else statement.time.due,
        suggestion=rewrite_skeleton(statement, names, Kind(judgement.kind)),
        notes=tuple(notes),
        rubric=judgement.rubric(),
        second_look=judgement.second_look,
        unsure=judgement.unsure,
        engine_version=engine_version(),
    )


def engine_version() -> str:
    """The engine's version: the rules' version and the learned model's (stored with verdicts)."""
    from goldenthread.core.quality.judge.learned import default_judge

    return f"{RULES_VERSION}+{default_judge().version}"
