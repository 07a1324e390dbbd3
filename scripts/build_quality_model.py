"""Train the quality judge's heads on the rubric corpus and write core/quality/assets/judge.npz.

    .venv/bin/python scripts/build_quality_model.py [--corpus evals/data/corpus/statements.jsonl]

Reproducible: no randomness (full-batch gradient descent from zero weights), fixed grids.
1. Features for every statement: sentence vector + lexicon + theme odds + rule features.
2. Training rows: the corpus ``train`` split, plus the team-written statements in
   evals/data/quality (training only; fields they do not label are left out of that head).
3. Per head, the L2 strength and the weight of the rule features are chosen on ``dev``
   (kappa for yes/no fields, accuracy for kind and theme); the temperature is fitted on ``dev``
   (least log-loss); then the head is refitted on train + dev with those settings.
The ``test`` split is never read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import numpy as np

from goldenthread.core.linking.classifier import fit_head
from goldenthread.core.quality.engine import read_and_check
from goldenthread.core.quality.judge.features import rule_features, rule_reading
from goldenthread.core.quality.judge.learned import (
    MODEL_PATH,
    CalibratedHead,
    StatementEncoder,
    features_join,
    heads_save,
    linker_themes,
)
from goldenthread.core.quality.judge.protocol import BOOLEAN_FIELDS, KINDS
from goldenthread.core.quality.model import StatementContext
from goldenthread.evaluation.corpus import CORPUS_PATH, cohen_kappa, corpus_load

ROOT = Path(__file__).resolve().parents[1]
TEAM_PATH = ROOT / "evals" / "data" / "quality" / "statements.jsonl"
TODAY = dt.date(2026, 11, 22)
L2_GRID = (0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
RULE_EMPHASIS_GRID = (1.0, 3.0)
TEMPERATURES = tuple(float(t) for t in np.exp(np.linspace(np.log(0.25), np.log(8.0), 51)))
# Team labels (failing criteria, judged on outcomes) -> rubric fields.
TEAM_FIELDS = {
    "has_when": "time_bound",
    "measurable": "measurable",
    "specific": "specific",
    "plain": "plain_language",
}


def team_rows() -> list[tuple[str, dict[str, object], StatementContext]]:
    """Team-written statements with the rubric fields their labels give."""
    rows = []
    for line in TEAM_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        value = json.loads(line)
        labels: dict[str, object] = {"kind": value["kind"], "smart": bool(value.get("smart"))}
        labels["not_provision"] = value["kind"] != "provision"
        failing = set(value.get("failing") or ())
        if value["kind"] in {"outcome", "target"}:
            for field, criterion in TEAM_FIELDS.items():
                labels[field] = criterion not in failing
        today = dt.date.fromisoformat(value["today"]) if value.get("today") else TODAY
        dob = dt.date.fromisoformat(value["dob"]) if value.get("dob") else None
        rows.append((str(value["text"]), labels, StatementContext(today=today, date_of_birth=dob)))
    return rows


def featurise(
    encoder: StatementEncoder, rows: list[tuple[str, dict[str, object], StatementContext]]
) -> tuple[np.ndarray, list[dict[str, object]]]:
    """Feature rows, and the rules' own reading of each statement."""
    rule_rows, readings = [], []
    for text, _, context in rows:
        statement, criteria, smart = read_and_check(text, context)
        rule_rows.append(rule_features(statement, criteria))
        readings.append(rule_reading(statement, criteria, smart))
    x = features_join(encoder.encode([text for text, _, _ in rows]), np.vstack(rule_rows))
    return x, readings


def targets(name: str, labels: list[dict[str, object]]) -> tuple[np.ndarray, np.ndarray]:
    """(mask of rows that label this head, target matrix for those rows)."""
    if name == "kind":
        mask = np.array([label.get("kind") in KINDS for label in labels])
        y = np.array([[float(label.get("kind") == k) for k in KINDS] for label in labels])
    elif name == "theme":
        mask = np.array([label.get("theme") in (1, 2, 3, 4) for label in labels])
        y = np.array([[float(label.get("theme") == t) for t in (1, 2, 3, 4)] for label in labels])
    else:
        mask = np.array([isinstance(label.get(name), bool) for label in labels])
        y = np.array([[float(bool(label.get(name)))] for label in labels])
    return mask, y


def head_fit(x: np.ndarray, y: np.ndarray, name: str, l2: float, emphasis_rules: float, embed: int):
    kind = "sigmoid" if name in BOOLEAN_FIELDS else "softmax"
    labels = KINDS if name == "kind" else ("1", "2", "3", "4") if name == "theme" else (name,)
    emphasis = np.ones(x.shape[1], dtype=np.float32)
    emphasis[embed:] = emphasis_rules
    return fit_head(x.astype(np.float32), y, labels=labels, kind=kind, l2=l2, emphasis=emphasis)


def dev_score(name: str, probabilities: np.ndarray, y: np.ndarray) -> float:
    if name in BOOLEAN_FIELDS:
        predicted = probabilities[:, 0] >= 0.5
        gold = y[:, 0] >= 0.5
        return cohen_kappa(list(gold), list(predicted)) + 0.01 * float(np.mean(predicted == gold))
    return float(np.mean(probabilities.argmax(axis=1) == y.argmax(axis=1)))


def temperature_fit(name: str, scores: np.ndarray, y: np.ndarray) -> float:
    best, best_loss = 1.0, float("inf")
    for temperature in TEMPERATURES:
        z = scores / temperature
        if name in BOOLEAN_FIELDS:
            p = np.clip(1.0 / (1.0 + np.exp(-z[:, 0])), 1e-6, 1 - 1e-6)
            loss = -np.mean(y[:, 0] * np.log(p) + (1 - y[:, 0]) * np.log(1 - p))
        else:
            e = np.exp(z - z.max(axis=1, keepdims=True))
            p = e / e.sum(axis=1, keepdims=True)
            loss = -np.mean(np.log(np.clip((p * y).sum(axis=1), 1e-6, 1.0)))
        if loss < best_loss - 1e-9:
            best, best_loss = temperature, float(loss)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS_PATH)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    items = corpus_load(args.corpus)
    context = StatementContext(today=TODAY)
    train = [(i.text, i.labels, context) for i in items if i.split == "train"] + team_rows()
    dev = [(i.text, i.labels, context) for i in items if i.split == "dev"]
    encoder = StatementEncoder()
    (x_train, _), (x_dev, dev_rules) = featurise(encoder, train), featurise(encoder, dev)
    embed = x_train.shape[1] - rule_features_width()
    l_train, l_dev = [r[1] for r in train], [r[1] for r in dev]
    heads: dict[str, CalibratedHead] = {}
    print(f"train rows {len(train)} (corpus {len(train) - len(team_rows())}), dev {len(dev)}")
    for name in ("kind", *BOOLEAN_FIELDS, "theme"):
        m_train, y_train = targets(name, l_train)
        m_dev, y_dev = targets(name, l_dev)
        best = None
        for l2 in L2_GRID:
            for emphasis in RULE_EMPHASIS_GRID:
                head = head_fit(x_train[m_train], y_train[m_train], name, l2, emphasis, embed)
                score = dev_score(name, head.probabilities(x_dev[m_dev]), y_dev[m_dev])
                if best is None or score > best[0] + 1e-9:
                    best = (score, l2, emphasis, head)
        assert best is not None
        score, l2, emphasis, head = best
        rules_score = dev_score(
            name, rules_as_probabilities(name, dev_rules, m_dev, x_dev), y_dev[m_dev]
        )
        temperature = temperature_fit(name, head.scores(x_dev[m_dev]), y_dev[m_dev])
        x_all = np.vstack([x_train[m_train], x_dev[m_dev]])
        y_all = np.vstack([y_train[m_train], y_dev[m_dev]])
        final = head_fit(x_all, y_all, name, l2, emphasis, embed)
        heads[name] = CalibratedHead(
            final.labels, final.coef, final.intercept, final.kind, temperature, rules_score > score
        )
        print(
            f"  {name:<14} dev {score:.3f} (rules {rules_score:.3f})"
            f"  l2 {l2:<6} rule weight {emphasis:<4}"
            f" temperature {temperature:.2f}  rows {int(m_train.sum())}+{int(m_dev.sum())}"
        )
    notes = f"corpus {args.corpus.name}: {len(items)} statements; train+dev fit"
    version = heads_save(heads, args.out, notes=notes)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB), model version {version}")
    return 0


def rules_as_probabilities(
    name: str, readings: list[dict[str, object]], mask: np.ndarray, x: np.ndarray
) -> np.ndarray:
    """The rules' reading as 0/1 probabilities; for the theme, the theme linker's own odds."""
    chosen = [reading for reading, keep in zip(readings, mask, strict=True) if keep]
    if name == "kind":
        return np.array([[float(r["kind"] == k) for k in KINDS] for r in chosen])
    if name == "theme":
        return np.vstack([linker_themes(row) for row in x[mask]])
    return np.array([[float(bool(r[name]))] for r in chosen])


def rule_features_width() -> int:
    from goldenthread.core.quality.judge.features import FEATURE_NAMES

    return len(FEATURE_NAMES)


if __name__ == "__main__":
    raise SystemExit(main())
