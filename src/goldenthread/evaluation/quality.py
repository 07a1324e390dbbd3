"""Evaluate the quality engine against a labelled set of statements.

The set is JSON Lines (see ``evals/data/quality/README.md``): each line has ``text``, the gold
``kind``, ``smart``, the ``failing`` criteria, and ``pair``/``role`` for poor/rewrite pairs.

How each figure is worked out:

* criterion accuracy: the engine "fails" a criterion when its status is ``fail`` (``pass``, ``warn``
  and ``n/a`` count as not failing), compared with whether the criterion is in ``failing``. The
  SMART and wording criteria are scored on gold outcomes only; ``outcome_not_provision`` and
  ``not_aspiration`` on every statement, since they say what a statement is.
* kind: macro-F1 over the five kinds, per-kind precision, recall and F1, and a confusion matrix.
* SMART: balanced accuracy of the engine's ``smart`` against the label.
* pairs: the share of poor/rewrite pairs where the rewrite scores strictly higher.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from goldenthread.evaluation.metrics import (
    accuracy,
    balanced_accuracy,
    class_scores,
    confusion_matrix,
    macro_f1,
    pair_order_accuracy,
)

__all__ = [
    "DEFAULT_DATA",
    "KINDS",
    "LABELLED_CRITERIA",
    "LabelledStatement",
    "balanced_accuracy",
    "evaluate",
    "macro_f1",
    "main",
    "pair_order_accuracy",
    "statements_load",
]

DEFAULT_DATA = (
    Path(__file__).resolve().parents[3] / "evals" / "data" / "quality" / "statements.jsonl"
)
KINDS = ("aspiration", "need", "target", "provision", "outcome")
LABELLED_CRITERIA = (
    "time_bound",
    "measurable",
    "specific",
    "person_centred",
    "outcome_not_provision",
    "plain_language",
    "not_aspiration",
)
# These say what a statement is, so they are scored on every statement; the rest on outcomes only.
KIND_CRITERIA = frozenset({"outcome_not_provision", "not_aspiration"})
DEFAULT_TODAY = dt.date(2026, 11, 22)
WORST_SHOWN = 15

MSG_DATA_UNREADABLE = "{file}: the labelled set cannot be opened ({reason})"
MSG_DATA_BAD_LINE = "{file}, line {line}: {problem}"


class EvaluationDataError(Exception):
    """A problem in a labelled data file, naming the file and line."""


@dataclass(frozen=True, slots=True)
class LabelledStatement:
    """One statement with what an experienced EHC coordinator says about it."""

    id: str
    text: str
    kind: str
    smart: bool
    failing: frozenset[str]
    pair: str | None
    role: str | None
    today: dt.date
    date_of_birth: dt.date | None


def statements_load(path: Path) -> list[LabelledStatement]:
    """Read and check a labelled set; raise EvaluationDataError naming the line on a problem."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationDataError(MSG_DATA_UNREADABLE.format(file=path, reason=error)) from error
    statements = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            statements.append(_statement_parse(json.loads(line), number))
        except (ValueError, KeyError, TypeError) as error:
            raise EvaluationDataError(
                MSG_DATA_BAD_LINE.format(file=path.name, line=number, problem=error)
            ) from error
    return statements


def _statement_parse(value: dict[str, Any], number: int) -> LabelledStatement:
    kind = value["kind"]
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    failing = frozenset(value.get("failing") or ())
    if not failing <= set(LABELLED_CRITERIA) | {"achievable", "realistic"}:
        raise ValueError(f"unknown criteria in failing: {sorted(failing - set(LABELLED_CRITERIA))}")
    if value.get("role") not in {None, "poor", "rewrite"}:
        raise ValueError("role must be poor, rewrite or null")
    dob = value.get("dob")
    today = value.get("today")
    return LabelledStatement(
        id=str(value.get("id", number)),
        text=str(value["text"]),
        kind=kind,
        smart=bool(value.get("smart")),
        failing=failing,
        pair=value.get("pair"),
        role=value.get("role"),
        today=dt.date.fromisoformat(today) if today else DEFAULT_TODAY,
        date_of_birth=dt.date.fromisoformat(dob) if dob else None,
    )


Record = dict[str, Any]
Assessor = Callable[[LabelledStatement], Record]


def engine_assess(statement: LabelledStatement) -> Record:
    """Assess one labelled statement with the real quality engine, as an audit record."""
    from goldenthread.core.quality import StatementContext, assess, assessment_to_record

    context = StatementContext(today=statement.today, date_of_birth=statement.date_of_birth)
    return assessment_to_record(assess(statement.text, context), statement.id)


def _engine_fails(record: Record, criterion: str) -> bool:
    finding = (record.get("criteria") or {}).get(criterion) or {}
    return finding.get("status") == "fail"


def evaluate(
    statements: Sequence[LabelledStatement], assessor: Assessor = engine_assess
) -> dict[str, Any]:
    """Every figure for ``statements``, as plain data (printed by ``report_print``)."""
    records = [assessor(statement) for statement in statements]
    criteria: dict[str, Any] = {}
    for criterion in LABELLED_CRITERIA:
        scored = [
            (s, r)
            for s, r in zip(statements, records, strict=True)
            if criterion in KIND_CRITERIA or s.kind == "outcome"
        ]
        gold = [criterion in s.failing for s, _ in scored]
        predicted = [_engine_fails(r, criterion) for _, r in scored]
        criteria[criterion] = {
            "accuracy": accuracy(gold, predicted),
            "n": len(scored),
            "missed": sum(g and not p for g, p in zip(gold, predicted, strict=True)),
            "false_alarms": sum(p and not g for g, p in zip(gold, predicted, strict=True)),
        }
    gold_kinds = [s.kind for s in statements]
    predicted_kinds = [str(r.get("kind")) for r in records]
    per_kind = class_scores(gold_kinds, predicted_kinds, KINDS)
    scores = {s.id: float(r.get("score", 0)) for s, r in zip(statements, records, strict=True)}
    return {
        "statements": len(statements),
        "criteria": criteria,
        "kind_macro_f1": macro_f1(gold_kinds, predicted_kinds, KINDS),
        "kinds": {
            kind: {"precision": c.precision, "recall": c.recall, "f1": c.f1, "support": c.support}
            for kind, c in per_kind.items()
        },
        "confusion": confusion_matrix(gold_kinds, predicted_kinds, KINDS),
        "smart_balanced_accuracy": balanced_accuracy(
            [s.smart for s in statements], [bool(r.get("smart")) for r in records]
        ),
        "pair_order_accuracy": pair_order_accuracy(_score_pairs(statements, scores)),
        "pairs": len(_score_pairs(statements, scores)),
        "worst": _worst(statements, records),
    }


def _score_pairs(
    statements: Sequence[LabelledStatement], scores: dict[str, float]
) -> list[tuple[float, float]]:
    sides: dict[str, dict[str, float]] = {}
    for statement in statements:
        if statement.pair and statement.role:
            sides.setdefault(statement.pair, {})[statement.role] = scores[statement.id]
    return [
        (side["poor"], side["rewrite"])
        for _, side in sorted(sides.items())
        if "poor" in side and "rewrite" in side
    ]


def _worst(
    statements: Sequence[LabelledStatement], records: Sequence[Record]
) -> list[dict[str, Any]]:
    """The statements the engine gets most wrong: kind and SMART count double, then criteria."""
    found: list[dict[str, Any]] = []
    for statement, record in zip(statements, records, strict=True):
        problems = []
        if record.get("kind") != statement.kind:
            problems.append(f"kind {record.get('kind')} (gold {statement.kind})")
        if bool(record.get("smart")) != statement.smart:
            problems.append(f"smart {bool(record.get('smart'))} (gold {statement.smart})")
        weight = 2 * len(problems)
        for criterion in LABELLED_CRITERIA:
            if criterion not in KIND_CRITERIA and statement.kind != "outcome":
                continue
            gold = criterion in statement.failing
            if gold != _engine_fails(record, criterion):
                problems.append(f"{criterion} {'missed' if gold else 'false alarm'}")
                weight += 1
        if problems:
            found.append(
                {"id": statement.id, "text": statement.text, "problems": problems, "weight": weight}
            )
    found.sort(key=lambda item: -int(item["weight"]))
    return found


def report_print(report: dict[str, Any], out: TextIO) -> None:
    """Print the figures as plain text tables."""
    print(f"Quality engine on {report['statements']} labelled statements", file=out)
    print("\nCriteria (fail vs pass-or-warn)", file=out)
    print(f"  {'criterion':<24}{'accuracy':>9}{'n':>6}{'missed':>8}{'false alarms':>14}", file=out)
    for name, figures in report["criteria"].items():
        print(
            f"  {name:<24}{figures['accuracy']:>9.1%}{figures['n']:>6}"
            f"{figures['missed']:>8}{figures['false_alarms']:>14}",
            file=out,
        )
    print(f"\nKind macro-F1: {report['kind_macro_f1']:.3f}", file=out)
    print(f"  {'kind':<12}{'precision':>10}{'recall':>8}{'F1':>7}{'n':>5}", file=out)
    for kind, figures in report["kinds"].items():
        print(
            f"  {kind:<12}{figures['precision']:>10.2f}{figures['recall']:>8.2f}"
            f"{figures['f1']:>7.2f}{figures['support']:>5}",
            file=out,
        )
    print("\nConfusion matrix (rows gold, columns predicted)", file=out)
    print("  " + " " * 12 + "".join(f"{kind[:10]:>11}" for kind in KINDS), file=out)
    for kind, row in zip(KINDS, report["confusion"], strict=True):
        print(f"  {kind:<12}" + "".join(f"{count:>11}" for count in row), file=out)
    print(f"\nSMART balanced accuracy: {report['smart_balanced_accuracy']:.3f}", file=out)
    print(
        f"Pair order accuracy: {report['pair_order_accuracy']:.3f} over {report['pairs']} pairs",
        file=out,
    )
    if report["worst"]:
        print(f"\nMost wrong (up to {WORST_SHOWN})", file=out)
        for item in report["worst"][:WORST_SHOWN]:
            print(f"  {item['id']}: {item['text'][:90]}", file=out)
            print(f"      {'; '.join(item['problems'])}", file=out)


def main(data: Path | None, out: TextIO) -> dict[str, Any]:
    """Evaluate the engine on ``data`` (default: the team's set), print and return the figures."""
    report = evaluate(statements_load(data or DEFAULT_DATA))
    report_print(report, out)
    return report
