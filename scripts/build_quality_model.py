"""Train the quality judge's heads on the rubric corpus and write core/quality/assets/judge.npz.

    .venv/bin/python scripts/build_quality_model.py [--corpus evals/data/corpus/statements.jsonl]

Reproducible: no randomness (full-batch gradient descent from zero weights), fixed grids.
1. Features for every statement: sentence vector + lexicon + theme odds + the opening words'
   vectors + rule features.
2. Rows: the corpus ``train`` and ``dev`` splits, plus the team-written statements in
   evals/data/quality (always trained on, never scored; fields they do not label are left out of
   that head).
3. Per head, the L2 strength, the weight of the rule features and whether the head sees the
   opening words' vectors are chosen by 5-fold cross-validation on train + dev, folds made of
   whole websites (kappa for the kind and the yes/no fields, accuracy for the theme, over
   every held-out row); the temperature is fitted on the same held-out scores (least
   log-loss); then the head is refitted on all the rows with those settings.
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
)
from goldenthread.core.quality.judge.protocol import BOOLEAN_FIELDS, KINDS
from goldenthread.core.quality.model import StatementContext
from goldenthread.evaluation.corpus import (
    CORPUS_PATH,
    CorpusItem,
    cohen_kappa,
    corpus_load,
    website,
)

ROOT = Path(__file__).resolve().parents[1]
TEAM_PATH = ROOT / "evals" / "data" / "quality" / "statements.jsonl"
TODAY = dt.date(2026, 11, 22)
L2_GRID = (0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
RULE_EMPHASIS_GRID = (1.0, 3.0)
OPENINGS_GRID = (True, False)
FOLDS = 5  # whether the head sees the opening words' vectors
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
    """Kappa (plus a hundredth of the accuracy, to break ties) for the kind and the yes/no
    fields, as the targets are set in kappa; top-1 accuracy for the theme."""
    if name in BOOLEAN_FIELDS:
        predicted = list(probabilities[:, 0] >= 0.5)
        gold = list(y[:, 0] >= 0.5)
    else:
        predicted = list(probabilities.argmax(axis=1))
        gold = list(y.argmax(axis=1))
    accuracy = float(np.mean(np.array(predicted) == np.array(gold)))
    if name == "theme":
        return accuracy
    return cohen_kappa(gold, predicted) + 0.01 * accuracy


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


def folds_by_website(items: list[CorpusItem]) -> np.ndarray:
    """Each statement's fold: whole websites, the largest first, each to the smallest fold so
    far (ties to the lowest number), so the folds are near equal and no website is split."""
    sizes: dict[str, int] = {}
    for item in items:
        sizes[website(item.source)] = sizes.get(website(item.source), 0) + 1
    fold_of: dict[str, int] = {}
    totals = [0] * FOLDS
    for site in sorted(sizes, key=lambda s: (-sizes[s], s)):
        fold = min(range(FOLDS), key=lambda k: (totals[k], k))
        fold_of[site] = fold
        totals[fold] += sizes[site]
    return np.array([fold_of[website(item.source)] for item in items])


def cross_scores(
    name: str, x: np.ndarray, y: np.ndarray, folds: np.ndarray, extra: tuple[np.ndarray, ...],
    l2: float, emphasis: float, embed: int,
) -> np.ndarray:
    """Each corpus row's scores from a head fitted without its fold (team rows always in)."""
    x_team, y_team = extra
    out = np.zeros_like(y)
    for fold in range(FOLDS):
        held = folds == fold
        head = head_fit(
            np.vstack([x[~held], x_team]), np.vstack([y[~held], y_team]), name, l2, emphasis, embed
        )
        out[held] = head.scores(x[held])
    return out


def as_probabilities(name: str, scores: np.ndarray) -> np.ndarray:
    """Held-out scores as probabilities (a sigmoid for yes/no heads, else a softmax)."""
    if name in BOOLEAN_FIELDS:
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(scores, -60.0, 60.0))))
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return np.asarray(shifted / shifted.sum(axis=1, keepdims=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS_PATH)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    items = [item for item in corpus_load(args.corpus) if item.split in {"train", "dev"}]
    context = StatementContext(today=TODAY)
    corpus = [(i.text, i.labels, context) for i in items]
    team = team_rows()
    encoder = StatementEncoder()
    (x_corpus, readings), (x_team, _) = featurise(encoder, corpus), featurise(encoder, team)
    embed = x_corpus.shape[1] - rule_features_width()
    folds = folds_by_website(items)
    l_corpus, l_team = [r[1] for r in corpus], [r[1] for r in team]
    heads: dict[str, CalibratedHead] = {}
    print(
        f"corpus rows {len(corpus)} (train and dev) in {FOLDS} folds by website"
        f" {np.bincount(folds).tolist()}, team rows {len(team)} (always trained on)"
    )
    for name in ("kind", *BOOLEAN_FIELDS, "theme"):
        mask, y_all = targets(name, l_corpus)
        m_team, y_team = targets(name, l_team)
        x, y = x_corpus[mask], y_all[mask]
        best = None
        for openings in OPENINGS_GRID:
            xo = x if openings else without(x, encoder.opening_columns)
            team_rows_x = x_team[m_team]
            xo_team = team_rows_x if openings else without(team_rows_x, encoder.opening_columns)
            for l2 in L2_GRID:
                for emphasis in RULE_EMPHASIS_GRID:
                    scores = cross_scores(
                        name, xo, y, folds[mask], (xo_team, y_team[m_team]), l2, emphasis, embed
                    )
                    score = dev_score(name, as_probabilities(name, scores), y)
                    if best is None or score > best[0] + 1e-9:
                        best = (score, l2, emphasis, openings, scores)
        assert best is not None
        score, l2, emphasis, openings, scores = best
        rules_score = dev_score(
            name, rules_as_probabilities(name, readings, mask, x_corpus, encoder), y
        )
        temperature = temperature_fit(name, scores, y)
        x_fit = np.vstack([x, x_team[m_team]])
        if not openings:
            x_fit = without(x_fit, encoder.opening_columns)
        final = head_fit(x_fit, np.vstack([y, y_team[m_team]]), name, l2, emphasis, embed)
        heads[name] = CalibratedHead(
            final.labels, final.coef, final.intercept, final.kind, temperature, rules_score > score
        )
        print(
            f"  {name:<14} cross-validated {score:.3f} (rules {rules_score:.3f})"
            f"  l2 {l2:<6} rule weight {emphasis:<4} openings {'yes' if openings else 'no ':<3}"
            f" temperature {temperature:.2f}  rows {int(mask.sum())}+{int(m_team.sum())}"
        )
    notes = f"corpus {args.corpus.name}: {len(items)} train and dev statements; all fitted"
    version = heads_save(heads, args.out, notes=notes)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB), model version {version}")
    return 0


def without(x: np.ndarray, columns: slice) -> np.ndarray:
    """``x`` with ``columns`` set to zero: a head fitted on it gives them no weight."""
    out = x.copy()
    out[:, columns] = 0.0
    return out


def rules_as_probabilities(
    name: str,
    readings: list[dict[str, object]],
    mask: np.ndarray,
    x: np.ndarray,
    encoder: StatementEncoder,
) -> np.ndarray:
    """The rules' reading as 0/1 probabilities; for the theme, the theme linker's own odds."""
    chosen = [reading for reading, keep in zip(readings, mask, strict=True) if keep]
    if name == "kind":
        return np.array([[float(r["kind"] == k) for k in KINDS] for r in chosen])
    if name == "theme":
        return np.vstack([encoder.linker_themes(row) for row in x[mask]])
    return np.array([[float(bool(r[name]))] for r in chosen])


def rule_features_width() -> int:
    from goldenthread.core.quality.judge.features import FEATURE_NAMES

    return len(FEATURE_NAMES)


if __name__ == "__main__":
    raise SystemExit(main())
