"""Snapshot every assessment for a few thousand varied statements, or check against a snapshot.

Use before and after a speed change: the engine must give exactly the same results.

    .venv/bin/python bench/check_equivalence.py save /tmp/quality-snapshot.jsonl
    .venv/bin/python bench/check_equivalence.py check /tmp/quality-snapshot.jsonl

Statements: the bench generator (two seeds), every statement in
evals/data/quality/statements.jsonl (with its own date and date of birth), every string in the
quality tests, the rows of the Waltham Forest chart, and case and punctuation variants; each is
assessed under several contexts (with and without a date of birth, an early-years child, a plan
end date).
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_check import statements as bench_statements  # noqa: E402

from goldenthread.core.quality import StatementContext, assess, assessment_to_record  # noqa: E402

CONTEXTS = (
    StatementContext(today=dt.date(2025, 10, 1), date_of_birth=dt.date(2014, 5, 1)),
    StatementContext(today=dt.date(2025, 10, 1)),
    StatementContext(
        today=dt.date(2026, 2, 14), date_of_birth=dt.date(2022, 6, 1), plan_end=dt.date(2027, 3, 1)
    ),
    StatementContext(today=dt.date(2026, 11, 22), date_of_birth=dt.date(2009, 12, 30)),
)
# Optional: a text copy of a guidance document with tab-separated example tables (its rows are
# more strings to compare). Not part of the repository; set EQUIVALENCE_TABLES_TEXT to use one.
SEED = Path(os.environ.get("EQUIVALENCE_TABLES_TEXT", "/nonexistent"))


def _test_strings() -> list[str]:
    found: list[str] = []
    for path in sorted((ROOT / "tests" / "core").glob("test_*.py")):
        if not path.name.startswith(("test_quality", "test_timephrases", "test_eval_quality")):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and 3 <= len(node.value) <= 2000
                and " " in node.value
            ):
                found.append(node.value)
    return found


def _chart_rows() -> list[str]:
    if not SEED.exists():
        return []
    rows = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        if line.count("\t") >= 3:
            rows.extend(cell.strip() for cell in line.split("\t") if cell.strip())
    return rows


def cases() -> Iterator[tuple[str, StatementContext]]:
    """(text, context) pairs, in a fixed order."""
    texts = bench_statements(3000) + bench_statements(1500, seed=11)
    texts += _test_strings() + _chart_rows()
    variants = [t.upper() for t in texts[:300]] + [t.rstrip(".") for t in texts[:300]]
    variants += [t.lower() for t in texts[-300:]]
    for index, text in enumerate(texts + variants):
        yield text, CONTEXTS[index % len(CONTEXTS)]
        if index % 5 == 0:
            yield text, CONTEXTS[(index + 1) % len(CONTEXTS)]
    evals = ROOT / "evals" / "data" / "quality" / "statements.jsonl"
    if evals.exists():
        for line in evals.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            today = dt.date.fromisoformat(row.get("today", "2025-10-01"))
            dob = dt.date.fromisoformat(row["dob"]) if row.get("dob") else None
            yield row["text"], StatementContext(today=today, date_of_birth=dob)
            yield row["text"], CONTEXTS[0]


def snapshot() -> list[str]:
    """One JSON line per case: the context and the whole assessment record."""
    lines = []
    for text, ctx in cases():
        record = assessment_to_record(assess(text, ctx), None)
        record["context"] = [str(ctx.today), str(ctx.date_of_birth), str(ctx.plan_end)]
        lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True))
    return lines


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in {"save", "check"}:
        print(__doc__)
        return 2
    path = Path(argv[1])
    lines = snapshot()
    if argv[0] == "save":
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"saved {len(lines)} assessments to {path}")
        return 0
    expected = path.read_text(encoding="utf-8").splitlines()
    if len(expected) != len(lines):
        print(f"different number of cases: {len(expected)} saved, {len(lines)} now")
    differences = [(old, new) for old, new in zip(expected, lines, strict=False) if old != new]
    for old, new in differences[:5]:
        print("-", old[:600])
        print("+", new[:600])
    print(f"{len(lines)} assessments, {len(differences)} different")
    return 1 if differences or len(expected) != len(lines) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
