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
   every held-out row); then, with those settings, the words and pairs (judge/wordgrams.py,
   ADR 0056) are tried at each ``WORD_WEIGHT_GRID`` weight and ``WORD_L2_GRID`` strength and
   kept if they score better; the temperature is fitted on the same held-out scores (least
   log-loss); then the head is refitted on all the rows with those settings. The words'
   vocabulary is every word and pair in at least two train, dev or team statements.
The ``test`` split is never read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from goldenthread.core.linking.classifier import HeadKind, LinearHead
from goldenthread.core.quality.engine import read_and_check
from goldenthread.core.quality.judge.features import FEATURE_NAMES, rule_features, rule_reading
from goldenthread.core.quality.judge.fitting import SparseRows, fit_head_with_words, temperature_fit
from goldenthread.core.quality.judge.learned import (
    MODEL_PATH,
    CalibratedHead,
    StatementEncoder,
    features_join,
    heads_save,
)
from goldenthread.core.quality.judge.protocol import BOOLEAN_FIELDS, KINDS
from goldenthread.core.quality.judge.wordgrams import WordGrams
from goldenthread.core.quality.model import StatementContext
from goldenthread.evaluation.corpus import (
    CORPUS_PATH,
    cohen_kappa,
    corpus_load,
    folds_by_website,
)

ROOT = Path(__file__).resolve().parents[1]
TEAM_PATH = ROOT / "evals" / "data" / "quality" / "statements.jsonl"
TODAY = dt.date(2026, 11, 22)
L2_GRID = (0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
RULE_EMPHASIS_GRID = (1.0, 3.0)
OPENINGS_GRID = (True, False)
WORD_WEIGHT_GRID = (20.0, 40.0)  # the words' weight when tried (0: no words)
WORD_L2_GRID = (0.003, 0.01, 0.03)
FOLDS = 5
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


@dataclass(frozen=True)
class Setting:
    """One head's settings: L2 strength, rule features' weight, opening words, words' weight."""

    l2: float
    emphasis: float
    openings: bool
    words: float = 0.0


def head_fit(
    x: np.ndarray, words: SparseRows, y: np.ndarray, name: str, setting: Setting, embed: int
) -> tuple[LinearHead, np.ndarray]:
    kind: HeadKind = "sigmoid" if name in BOOLEAN_FIELDS else "softmax"
    labels = KINDS if name == "kind" else ("1", "2", "3", "4") if name == "theme" else (name,)
    emphasis = np.ones(x.shape[1], dtype=np.float32)
    emphasis[embed:] = setting.emphasis
    return fit_head_with_words(
        x.astype(np.float32),
        words,
        y,
        labels=labels,
        kind=kind,
        l2=setting.l2,
        emphasis=emphasis,
        word_weight=setting.words,
    )


def dev_score(
    name: str, probabilities: np.ndarray, y: np.ndarray, *, tie_break: bool = True
) -> float:
    """Kappa (plus a hundredth of the accuracy, to break ties, unless ``tie_break`` is False)
    for the kind and the yes/no fields, as the targets are set in kappa; top-1 accuracy for the
    theme."""
    if name in BOOLEAN_FIELDS:
        predicted = list(probabilities[:, 0] >= 0.5)
        gold = list(y[:, 0] >= 0.5)
    else:
        predicted = list(probabilities.argmax(axis=1))
        gold = list(y.argmax(axis=1))
    accuracy = float(np.mean(np.array(predicted) == np.array(gold)))
    if name == "theme":
        return accuracy
    return cohen_kappa(gold, predicted) + (0.01 * accuracy if tie_break else 0.0)


def cross_scores(
    name: str, data: HeadData, folds: np.ndarray, setting: Setting, embed: int
) -> np.ndarray:
    """Each corpus row's scores from a head fitted without its fold (team rows always in)."""
    x, y = data.x(setting.openings), data.y
    x_team = data.x_team(setting.openings)
    out = np.zeros_like(y)
    for fold in range(FOLDS):
        held = folds == fold
        head, word_coef = head_fit(
            np.vstack([x[~held], x_team]),
            data.words.take(~held).stack(data.words_team),
            np.vstack([y[~held], data.y_team]),
            name,
            setting,
            embed,
        )
        out[held] = head.scores(x[held]) + data.words.take(held).times(word_coef)
    return out


@dataclass(frozen=True)
class HeadData:
    """One head's rows: corpus features, words and targets, and the team rows always fitted."""

    features: np.ndarray
    words: SparseRows
    y: np.ndarray
    team: np.ndarray
    words_team: SparseRows
    y_team: np.ndarray
    openings: slice

    def x(self, openings: bool) -> np.ndarray:
        return self.features if openings else without(self.features, self.openings)

    def x_team(self, openings: bool) -> np.ndarray:
        return self.team if openings else without(self.team, self.openings)


def as_probabilities(name: str, scores: np.ndarray) -> np.ndarray:
    """Held-out scores as probabilities (a sigmoid for yes/no heads, else a softmax)."""
    if name in BOOLEAN_FIELDS:
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(scores, -60.0, 60.0))))
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return np.asarray(shifted / shifted.sum(axis=1, keepdims=True))


def main() -> int:
    if os.environ.get("OPENBLAS_NUM_THREADS") != "1":
        # One BLAS thread per process (the heads are fitted in parallel processes instead),
        # set before numpy loads, so a build is the same however many cores the machine has.
        env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
        os.execve(sys.executable, [sys.executable, __file__, *sys.argv[1:]], env)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS_PATH)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--workers", type=int, default=2, help="processes (heads in parallel)")
    parser.add_argument("--held-out", type=Path, help="also write each row's held-out odds here")
    args = parser.parse_args()
    items = [item for item in corpus_load(args.corpus) if item.split in {"train", "dev"}]
    context = StatementContext(today=TODAY)
    corpus = [(i.text, i.labels, context) for i in items]
    team = team_rows()
    encoder = StatementEncoder()
    (x_corpus, readings), (x_team, _) = featurise(encoder, corpus), featurise(encoder, team)
    grams = WordGrams.fit([text for text, _, _ in corpus + team])
    w_corpus = SparseRows.of(grams, [text for text, _, _ in corpus])
    w_team = SparseRows.of(grams, [text for text, _, _ in team])
    embed = x_corpus.shape[1] - len(FEATURE_NAMES)  # the rule features come last
    folds = np.array(folds_by_website(items, FOLDS))
    l_corpus, l_team = [r[1] for r in corpus], [r[1] for r in team]
    print(
        f"corpus rows {len(corpus)} (train and dev) in {FOLDS} folds by website"
        f" {np.bincount(folds).tolist()}, team rows {len(team)} (always trained on);"
        f" {len(grams)} words and pairs",
        flush=True,
    )
    _SHARED.update(
        x_corpus=x_corpus,
        x_team=x_team,
        w_corpus=w_corpus,
        w_team=w_team,
        readings=readings,
        l_corpus=l_corpus,
        l_team=l_team,
        folds=folds,
        embed=embed,
        encoder=encoder,
    )
    heads: dict[str, CalibratedHead] = {}
    word_coefs: dict[str, np.ndarray] = {}
    held_out: dict[str, dict[str, list[float]]] = {item.id: {} for item in items}
    # Heads are independent: one process per core, each fitting whole heads (the same fits,
    # in the same order within a head, as one process would make).
    with multiprocessing.get_context("fork").Pool(args.workers) as pool:
        for name, head, word_coef, line, odds in pool.imap(head_build, HEADS):
            heads[name], word_coefs[name] = head, word_coef
            print(line, flush=True)
            labelled = [i.id for i, keep in zip(items, odds_mask(name), strict=True) if keep]
            for key, row in zip(labelled, odds, strict=True):
                held_out[key][name] = [round(float(v), 5) for v in row]
    if args.held_out:
        lines = (json.dumps({"id": key, **value}) for key, value in held_out.items())
        args.held_out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    notes = f"corpus {args.corpus.name}: {len(items)} train and dev statements; all fitted"
    version = heads_save(heads, args.out, notes=notes, words=(grams, word_coefs))
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB), model version {version}")
    return 0


HEADS = ("kind", *BOOLEAN_FIELDS, "theme")
#: What every head's fit reads (set in ``main`` before the worker processes are forked).
_SHARED: dict[str, Any] = {}


def odds_mask(name: str) -> np.ndarray:
    """The corpus rows labelled for this head (the rows its held-out odds are for)."""
    return targets(name, _SHARED["l_corpus"])[0]


def head_build(name: str) -> tuple[str, CalibratedHead, np.ndarray, str, np.ndarray]:
    """One head: its settings chosen by cross-validation, fitted on every row; a line saying
    what was chosen; and each row's held-out odds (temperature applied)."""
    shared = _SHARED
    encoder, embed, folds = shared["encoder"], shared["embed"], shared["folds"]
    mask, y_all = targets(name, shared["l_corpus"])
    m_team, y_team = targets(name, shared["l_team"])
    data = HeadData(
        shared["x_corpus"][mask],
        shared["w_corpus"].take(mask),
        y_all[mask],
        shared["x_team"][m_team],
        shared["w_team"].take(m_team),
        y_team[m_team],
        encoder.opening_columns,
    )
    candidates = [
        Setting(l2, emphasis, openings)
        for openings in OPENINGS_GRID
        for l2 in L2_GRID
        for emphasis in RULE_EMPHASIS_GRID
    ]
    best = setting_best(name, data, folds[mask], candidates, embed)
    plain_score = best[0]
    words_tried = [
        replace(best[1], l2=l2, words=weight) for weight in WORD_WEIGHT_GRID for l2 in WORD_L2_GRID
    ]
    best = max(best, setting_best(name, data, folds[mask], words_tried, embed), key=lambda b: b[0])
    score, setting, scores = best
    rules_score = dev_score(
        name,
        rules_as_probabilities(name, shared["readings"], mask, shared["x_corpus"], encoder),
        data.y,
    )
    temperature = temperature_fit(scores, data.y, softmax=name not in BOOLEAN_FIELDS)
    final, word_coef = head_fit(
        np.vstack([data.x(setting.openings), data.x_team(setting.openings)]),
        data.words.stack(data.words_team),
        np.vstack([data.y, data.y_team]),
        name,
        setting,
        embed,
    )
    head = CalibratedHead(
        final.labels, final.coef, final.intercept, final.kind, temperature, rules_score > score
    )
    # The line shows plain kappa (accuracy for the theme); the choice used the tie-break.
    held = dev_score(name, as_probabilities(name, scores), data.y, tie_break=False)
    rows = f"{int(mask.sum())}+{int(m_team.sum())}"
    line = (
        f"  {name:<14} cross-validated {held:.3f} (choosing scores: this {score:.3f}, without"
        f" words {plain_score:.3f}, rules {rules_score:.3f})  l2 {setting.l2:<6} rule weight"
        f" {setting.emphasis:<4} openings {'yes' if setting.openings else 'no ':<3} words"
        f" {setting.words:<4} temperature {temperature:.2f}  rows {rows}"
    )
    return name, head, word_coef, line, as_probabilities(name, scores / temperature)


def setting_best(
    name: str, data: HeadData, folds: np.ndarray, settings: list[Setting], embed: int
) -> tuple[float, Setting, np.ndarray]:
    """The setting with the best cross-validated score (the first, on a tie), its score and
    held-out scores."""
    best: tuple[float, Setting, np.ndarray] | None = None
    for setting in settings:
        scores = cross_scores(name, data, folds, setting, embed)
        score = dev_score(name, as_probabilities(name, scores), data.y)
        if best is None or score > best[0] + 1e-9:
            best = (score, setting, scores)
    assert best is not None
    return best


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


if __name__ == "__main__":
    raise SystemExit(main())
