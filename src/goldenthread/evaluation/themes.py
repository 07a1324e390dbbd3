"""Evaluate theme, area-of-need and domain linking against labelled statements.

``goldenthread eval themes`` calls :func:`main`. With no data file it scores the shipped model
on the held-out test set (evals/data/themes/test.jsonl, never used for fitting) and then runs
5-fold cross-validation over train + test, refitting the heads in each fold.

Headline for themes is **strict top-1**: the suggested best theme is the statement's *first*
gold theme. "any" counts the best theme as right if it is any of the gold themes.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import numpy as np

from goldenthread.core.linking.data import LabelledStatement, gold_labels, load_labelled
from goldenthread.core.linking.labels import LABEL_SETS, LABELS_BY_SET

REPO = Path(__file__).resolve().parents[3]
DATA_DIR = REPO / "evals" / "data" / "themes"
TEST_FILE = DATA_DIR / "test.jsonl"
TRAIN_FILE = DATA_DIR / "train.jsonl"
FOLDS = 5
_SHORT = {
    "communication_and_interaction": "C&I",
    "cognition_and_learning": "C&L",
    "social_emotional_mental_health": "SEMH",
    "sensory_and_physical": "S&P",
    "education": "edu",
    "health": "health",
    "social_care": "social",
}


def _scores(
    label_set: str, ranked: Sequence[Sequence[str]], statements: Sequence[LabelledStatement]
) -> dict[str, float]:
    gold = [gold_labels(label_set, s) for s in statements]
    n = max(len(statements), 1)
    scores = {
        "top1": sum(r[0] == g[0] for r, g in zip(ranked, gold, strict=True)) / n,
        "top2": sum(g[0] in r[:2] for r, g in zip(ranked, gold, strict=True)) / n,
    }
    if label_set == "themes":
        scores["top1_any"] = sum(r[0] in g for r, g in zip(ranked, gold, strict=True)) / n
        scores["top2_any"] = (
            sum(bool(set(r[:2]) & set(g)) for r, g in zip(ranked, gold, strict=True)) / n
        )
    return scores


def _confusion(
    label_set: str,
    ranked: Sequence[Sequence[str]],
    statements: Sequence[LabelledStatement],
    out: TextIO,
) -> None:
    labels = LABELS_BY_SET[label_set]
    matrix = np.zeros((len(labels), len(labels)), dtype=int)
    for r, s in zip(ranked, statements, strict=True):
        matrix[labels.index(gold_labels(label_set, s)[0]), labels.index(r[0])] += 1
    names = [_SHORT.get(label, f"T{label}") for label in labels]
    out.write(f"  confusion ({label_set}; rows = gold first label, columns = predicted best)\n")
    out.write("  " + " " * 8 + "".join(f"{name:>8}" for name in names) + "\n")
    for name, row in zip(names, matrix, strict=True):
        out.write(f"  {name:>8}" + "".join(f"{value:>8}" for value in row) + "\n")


def _ranked_from_model(statements: Sequence[LabelledStatement]) -> dict[str, list[list[str]]]:
    from goldenthread.core.linking import suggest_links_many

    links = suggest_links_many([s.text for s in statements])
    return {
        "themes": [[str(t.theme) for t in link.themes] for link in links],
        "areas": [[a.area for a in link.areas] for link in links],
        "domain": [[d.domain for d in link.domain] for link in links],
    }


def cross_validate(statements: Sequence[LabelledStatement]) -> dict[str, list[list[str]]]:
    """Rank labels for every statement with heads fitted on the other folds."""
    from goldenthread.core.linking.model import FeatureEncoder, fit_heads

    encoder = FeatureEncoder.load_default()
    features = encoder.encode([s.text for s in statements])
    fold_of = np.arange(len(statements)) % FOLDS
    ranked: dict[str, list[list[str]]] = {name: [[] for _ in statements] for name in LABEL_SETS}
    for fold in range(FOLDS):
        train = np.flatnonzero(fold_of != fold)
        test = np.flatnonzero(fold_of == fold)
        fold_statements = [statements[int(i)] for i in train]
        heads = fit_heads(features[train], fold_statements, embedding_dims=encoder.embedding_dims)
        for name, head in heads.items():
            probabilities = head.probabilities(features[test])
            for row, index in enumerate(test):
                order = np.argsort(-probabilities[row], kind="stable")
                ranked[name][int(index)] = [head.labels[int(i)] for i in order]
    return ranked


def _report(
    title: str,
    ranked: dict[str, list[list[str]]],
    statements: Sequence[LabelledStatement],
    out: TextIO,
    *,
    prefix: str,
    confusion: bool,
) -> dict[str, float]:
    out.write(f"\n{title} (n = {len(statements)})\n")
    results: dict[str, float] = {}
    for label_set in LABEL_SETS:
        scores = _scores(label_set, ranked[label_set], statements)
        shown = "  ".join(f"{key} {value:.3f}" for key, value in scores.items())
        out.write(f"  {label_set:<7} {shown}\n")
        results.update({f"{prefix}{label_set}_{key}": value for key, value in scores.items()})
    if confusion:
        for label_set in LABEL_SETS:
            _confusion(label_set, ranked[label_set], statements, out)
    return results


def main(data: Path | None = None, out: TextIO = sys.stdout) -> dict[str, float]:
    """Print accuracy per label set and confusion matrices; return the figures."""
    statements = load_labelled(data or TEST_FILE)
    name = "held-out test set" if data is None else str(data)
    out.write(
        "Theme linking evaluation. Headline: themes top1 = strict (best = first gold theme).\n"
    )
    results = _report(
        f"Shipped model on {name}",
        _ranked_from_model(statements),
        statements,
        out,
        prefix="",
        confusion=True,
    )
    pool = load_labelled(TRAIN_FILE) + statements if data is None else statements
    results.update(
        _report(
            f"{FOLDS}-fold cross-validation, heads refitted per fold, over "
            + ("train + test" if data is None else name),
            cross_validate(pool),
            pool,
            out,
            prefix="cv_",
            confusion=False,
        )
    )
    return results


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
