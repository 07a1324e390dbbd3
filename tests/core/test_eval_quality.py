"""The evaluation maths, on tiny cases worked out by hand, and the labelled set's own shape."""

from __future__ import annotations

import argparse
import io
import json
from collections import Counter
from pathlib import Path

import pytest

from goldenthread.commands import eval as eval_command
from goldenthread.evaluation.metrics import class_scores, confusion_matrix
from goldenthread.evaluation.quality import (
    DEFAULT_DATA,
    KINDS,
    LABELLED_CRITERIA,
    EvaluationDataError,
    balanced_accuracy,
    evaluate,
    macro_f1,
    main,
    pair_order_accuracy,
    statements_load,
)


def test_macro_f1_by_hand() -> None:
    gold = ["a", "a", "b", "b"]
    predicted = ["a", "b", "b", "b"]
    # a: precision 1/1, recall 1/2, F1 2/3; b: precision 2/3, recall 2/2, F1 4/5.
    assert macro_f1(gold, predicted, ["a", "b"]) == pytest.approx((2 / 3 + 4 / 5) / 2)
    scores = class_scores(gold, predicted, ["a", "b"])
    assert scores["b"].precision == pytest.approx(2 / 3)
    assert scores["a"].recall == pytest.approx(1 / 2)


def test_macro_f1_counts_a_label_never_seen_as_zero() -> None:
    assert macro_f1(["a", "a"], ["a", "a"], ["a", "b"]) == pytest.approx(0.5)


def test_confusion_matrix_rows_are_gold() -> None:
    assert confusion_matrix(["a", "a", "b"], ["a", "b", "b"], ["a", "b"]) == [[1, 1], [0, 1]]


def test_balanced_accuracy_by_hand() -> None:
    # true items: 2 of 3 right; false items: 1 of 1 right -> (2/3 + 1) / 2.
    gold = [True, True, True, False]
    predicted = [True, True, False, False]
    assert balanced_accuracy(gold, predicted) == pytest.approx((2 / 3 + 1) / 2)
    assert balanced_accuracy([True, True], [True, False]) == pytest.approx(0.5)


def test_pair_order_accuracy_needs_strictly_higher() -> None:
    assert pair_order_accuracy([(10, 80), (50, 50), (70, 40)]) == pytest.approx(1 / 3)
    assert pair_order_accuracy([]) == 0.0


def test_labelled_set_has_what_the_brief_asks_for() -> None:
    statements = statements_load(DEFAULT_DATA)
    assert len(statements) >= 320
    kinds = Counter(statement.kind for statement in statements)
    assert all(kinds[kind] >= 50 for kind in KINDS)
    pairs = Counter(statement.pair for statement in statements if statement.pair)
    assert len(pairs) >= 40
    assert set(pairs.values()) == {2}
    assert len({statement.id for statement in statements}) == len(statements)
    for statement in statements:
        assert statement.failing <= set(LABELLED_CRITERIA)
        assert statement.smart == (statement.kind == "outcome" and not statement.failing)
        if statement.role == "rewrite":
            assert statement.smart


def test_seed_examples_are_a_small_minority() -> None:
    lines = DEFAULT_DATA.read_text(encoding="utf-8").splitlines()
    sources = Counter(json.loads(line)["source"].split(",")[0] for line in lines)
    assert sources["team"] / len(lines) > 0.85


def _fake_assessor(statement):  # type: ignore[no-untyped-def]
    """Says every statement is the gold kind, SMART when gold says so, failing what gold fails."""
    return {
        "kind": statement.kind,
        "smart": statement.smart,
        "score": 90 if statement.smart else 10,
        "criteria": {
            name: {"status": "fail" if name in statement.failing else "pass"}
            for name in LABELLED_CRITERIA
        },
    }


def test_a_perfect_engine_scores_one_everywhere() -> None:
    report = evaluate(statements_load(DEFAULT_DATA), _fake_assessor)
    assert report["kind_macro_f1"] == pytest.approx(1.0)
    assert report["smart_balanced_accuracy"] == pytest.approx(1.0)
    assert report["pair_order_accuracy"] == pytest.approx(1.0)
    assert all(figures["accuracy"] == 1.0 for figures in report["criteria"].values())
    assert report["worst"] == []


def test_main_prints_every_figure_with_the_real_engine() -> None:
    out = io.StringIO()
    report = main(None, out)
    text = out.getvalue()
    for words in ("Kind macro-F1", "SMART balanced accuracy", "Pair order accuracy", "time_bound"):
        assert words in text
    assert report["statements"] >= 320


def test_bad_data_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    path.write_text('{"text": "x", "kind": "wish"}\n', encoding="utf-8")
    with pytest.raises(EvaluationDataError, match=r"mine.jsonl, line 1"):
        statements_load(path)


def _eval(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    eval_command.add_arguments(parser)
    return eval_command.run(parser.parse_args(list(argv)))


def test_eval_command_accepts_other_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "unseen.jsonl"
    rows = [
        {
            "id": "a",
            "text": "By July 2027 I will swim 25 metres.",
            "kind": "outcome",
            "smart": True,
        },
        {
            "id": "b",
            "text": "Weekly swimming lessons.",
            "kind": "provision",
            "smart": False,
            "failing": ["outcome_not_provision"],
        },
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    assert _eval("quality", "--data", str(path)) == 0
    assert "on 2 labelled statements" in capsys.readouterr().out


def test_eval_all_with_data_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert _eval("all", "--data", "x.jsonl") == 2
    assert eval_command.MSG_DATA_WITH_ALL in capsys.readouterr().err
