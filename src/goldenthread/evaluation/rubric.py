"""``goldenthread eval rubric``: the judge against the corpus's settled labels, on the test split.

For each rubric field: Cohen's kappa and accuracy of the engine (the learned judge with the
guidance applied, as every caller sees it) and of the rules alone, with the item count. Theme:
top-1 (the engine's first theme is the label) and top-2 (the label is one of its first two).
Calibration: every yes/no probability the judge gives on the test split, in 10 equal bins, with
the share that was really "yes". Each kappa has a 95% interval from a bootstrap over the
statements (``RESAMPLES`` resamples, fixed seed), and each yes/no field the number of statements
labelled "yes": a test set with few of them gives a kappa that can swing a long way. Nothing here
is tuned: settings are chosen on ``dev``.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path
from typing import Any, TextIO

from goldenthread.evaluation.corpus import CORPUS_PATH, cohen_kappa, corpus_load

TODAY = dt.date(2026, 11, 22)
BINS = 10
RESAMPLES = 1000


def kappa_interval(gold: list[object], predicted: list[object]) -> tuple[float, float]:
    """The 2.5th and 97.5th percentiles of kappa over bootstrap resamples of the statements."""
    n = len(gold)
    if n == 0:
        return (0.0, 0.0)
    draw = random.Random(20261207)  # noqa: S311 - a fixed resampling, not security  # nosec B311
    kappas = sorted(
        cohen_kappa([gold[i] for i in picks], [predicted[i] for i in picks])
        for picks in ([draw.randrange(n) for _ in range(n)] for _ in range(RESAMPLES))
    )
    return kappas[int(0.025 * RESAMPLES)], kappas[int(0.975 * RESAMPLES) - 1]


def evaluate(path: Path = CORPUS_PATH, split: str = "test") -> dict[str, Any]:
    """Every figure for one split of the corpus, as plain data."""
    from goldenthread.core.quality.engine import read_and_check
    from goldenthread.core.quality.judge.features import rule_reading
    from goldenthread.core.quality.judge.learned import default_judge
    from goldenthread.core.quality.judge.protocol import BOOLEAN_FIELDS
    from goldenthread.core.quality.model import StatementContext
    from goldenthread.core.quality.verdict import verdict_settle

    items = [item for item in corpus_load(path) if item.split == split]
    judge = default_judge()
    context = StatementContext(today=TODAY)
    engine: list[dict[str, Any]] = []
    rules: list[dict[str, Any]] = []
    calibration: list[tuple[float, bool]] = []
    for item in items:
        statement, criteria, smart = read_and_check(item.text, context)
        judgement = verdict_settle(
            judge.judge_read(statement, criteria, smart), statement, criteria
        )
        engine.append(
            {
                **judgement.rubric(),
                "ranked": sorted(
                    judgement.theme_probabilities, key=lambda n: -judgement.theme_probabilities[n]
                ),
                "unsure": judgement.unsure,
            }
        )
        rules.append(rule_reading(statement, criteria, smart))
        for name in BOOLEAN_FIELDS:
            gold = item.labels.get(name)
            if isinstance(gold, bool):
                calibration.append((judgement.probabilities[name], gold))
    fields: dict[str, dict[str, Any]] = {}
    for name in ("kind", *BOOLEAN_FIELDS):
        rows = [
            (i.labels.get(name), e[name], r[name])
            for i, e, r in zip(items, engine, rules, strict=True)
        ]
        rows = [row for row in rows if row[0] is not None]
        gold = [g for g, _, _ in rows]
        decided = [e for _, e, _ in rows]
        fields[name] = {
            "kappa": cohen_kappa(gold, decided),
            "interval": kappa_interval(gold, decided),
            "yes": sum(g is True for g in gold),
            "accuracy": sum(g == e for g, e, _ in rows) / max(len(rows), 1),
            "rules_kappa": cohen_kappa(gold, [r for _, _, r in rows]),
            "n": len(rows),
            "unsure": _split_by_doubt(
                [
                    (i.labels.get(name), e[name], name in e["unsure"])
                    for i, e in zip(items, engine, strict=True)
                    if i.labels.get(name) is not None
                ]
            ),
        }
    themed = [
        (i.labels["theme"], e) for i, e in zip(items, engine, strict=True) if i.labels.get("theme")
    ]
    top1 = [e["ranked"][0] for _, e in themed]
    fields["theme"] = {
        "kappa": cohen_kappa([g for g, _ in themed], top1),
        "interval": kappa_interval([g for g, _ in themed], top1),
        "accuracy": sum(g == p for (g, _), p in zip(themed, top1, strict=True))
        / max(len(themed), 1),
        "top2": sum(g in e["ranked"][:2] for g, e in themed) / max(len(themed), 1),
        "n": len(themed),
    }
    return {
        "split": split,
        "statements": len(items),
        "websites": len({item.source for item in items}),
        "fields": fields,
        "calibration": calibration_table(calibration),
    }


def _split_by_doubt(rows: list[tuple[object, object, bool]]) -> dict[str, float]:
    """How many rows the judge was unsure of, and the accuracy there and on the rest."""
    unsure = [gold == decided for gold, decided, doubt in rows if doubt]
    sure = [gold == decided for gold, decided, doubt in rows if not doubt]
    return {
        "n": len(unsure),
        "accuracy": sum(unsure) / len(unsure) if unsure else 0.0,
        "rest_n": len(sure),
        "rest_accuracy": sum(sure) / len(sure) if sure else 0.0,
    }


def calibration_table(pairs: list[tuple[float, bool]]) -> list[dict[str, float]]:
    """10 equal-width bins of predicted probability: count, mean predicted, share true."""
    table = []
    for index in range(BINS):
        low, high = index / BINS, (index + 1) / BINS
        inside = [(p, g) for p, g in pairs if low <= p < high or (index == BINS - 1 and p == 1.0)]
        table.append(
            {
                "low": low,
                "high": high,
                "n": len(inside),
                "predicted": sum(p for p, _ in inside) / len(inside) if inside else 0.0,
                "observed": sum(g for _, g in inside) / len(inside) if inside else 0.0,
            }
        )
    return table


def report_print(report: dict[str, Any], out: TextIO) -> None:
    print(
        f"Rubric agreement on the corpus {report['split']} split: {report['statements']} statements"
        f" (measured on the current corpus)",
        file=out,
    )
    print(
        f"  {'field':<15}{'kappa':>7}{'95% interval':>14}{'accuracy':>10}{'rules κ':>9}{'n':>5}"
        f"{'yes':>5}",
        file=out,
    )
    for name, figures in report["fields"].items():
        low, high = figures["interval"]
        rules = f"{figures['rules_kappa']:>9.3f}" if "rules_kappa" in figures else " " * 9
        yes = f"{figures['yes']:>5}" if name not in {"kind", "theme"} else ""
        print(
            f"  {name:<15}{figures['kappa']:>7.3f}{f'{low:.2f}–{high:.2f}':>14}"
            f"{figures['accuracy']:>10.1%}{rules}{figures['n']:>5}{yes}",
            file=out,
        )
    theme = report["fields"]["theme"]
    print(f"  theme top-1 {theme['accuracy']:.1%}, top-2 {theme['top2']:.1%}", file=out)
    print("\nWorth a second look: the fields the judge was unsure of (docs/adr/0062)", file=out)
    print(f"  {'field':<15}{'unsure':>7}{'accuracy':>10}{'rest':>6}{'accuracy':>10}", file=out)
    for name, figures in report["fields"].items():
        if "unsure" in figures:
            doubt = figures["unsure"]
            print(
                f"  {name:<15}{doubt['n']:>7}{doubt['accuracy']:>10.1%}{doubt['rest_n']:>6}"
                f"{doubt['rest_accuracy']:>10.1%}",
                file=out,
            )
    print("\nCalibration (every yes/no probability on this split)", file=out)
    print(f"  {'bin':<11}{'n':>5}{'predicted':>11}{'observed':>10}", file=out)
    for row in report["calibration"]:
        print(
            f"  {row['low']:.1f}–{row['high']:.1f}{row['n']:>8}{row['predicted']:>11.2f}"
            f"{row['observed']:>10.2f}",
            file=out,
        )


def main(data: Path | None = None, out: TextIO = sys.stdout) -> dict[str, Any]:
    """Evaluate on the test split of ``data`` (default: the corpus), print and return figures."""
    report = evaluate(data or CORPUS_PATH)
    report_print(report, out)
    return report
