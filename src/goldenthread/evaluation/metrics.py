"""Pure scoring functions for the evaluations, each checked by hand-worked cases in the tests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ClassScores:
    """Precision, recall and F1 for one label, and how many gold items carry it."""

    precision: float
    recall: float
    f1: float
    support: int


def _ratio(top: int, bottom: int) -> float:
    return top / bottom if bottom else 0.0


def class_scores(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]
) -> dict[str, ClassScores]:
    """Per-label precision, recall and F1 (0 where undefined)."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted labels differ in length")
    scores = {}
    for label in labels:
        true_pos = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        predicted_pos = sum(p == label for p in predicted)
        support = sum(g == label for g in gold)
        precision = _ratio(true_pos, predicted_pos)
        recall = _ratio(true_pos, support)
        f1 = _ratio(2 * true_pos, predicted_pos + support)
        scores[label] = ClassScores(precision, recall, f1, support)
    return scores


def macro_f1(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> float:
    """The unweighted mean of per-label F1 over ``labels``."""
    if not labels:
        return 0.0
    scores = class_scores(gold, predicted, labels)
    return sum(score.f1 for score in scores.values()) / len(labels)


def confusion_matrix(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]
) -> list[list[int]]:
    """Rows are gold labels, columns predicted labels, both in the order of ``labels``."""
    index = {label: number for number, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, predicted, strict=True):
        if g in index and p in index:
            matrix[index[g]][index[p]] += 1
    return matrix


def balanced_accuracy(gold: Sequence[bool], predicted: Sequence[bool]) -> float:
    """The mean of recall on the true items and recall on the false items.

    With only one class present in ``gold``, it is that class's recall.
    """
    pairs = list(zip(gold, predicted, strict=True))
    positives = [p for g, p in pairs if g]
    negatives = [p for g, p in pairs if not g]
    recalls = []
    if positives:
        recalls.append(sum(positives) / len(positives))
    if negatives:
        recalls.append(sum(not p for p in negatives) / len(negatives))
    return sum(recalls) / len(recalls) if recalls else 0.0


def pair_order_accuracy(pairs: Sequence[tuple[float, float]]) -> float:
    """The share of (poor score, rewrite score) pairs where the rewrite scores strictly higher."""
    if not pairs:
        return 0.0
    return sum(rewrite > poor for poor, rewrite in pairs) / len(pairs)


def accuracy(gold: Sequence[bool], predicted: Sequence[bool]) -> float:
    """The share of items where the prediction matches the label."""
    if not gold:
        return 0.0
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)
