"""Fitting a judge head on dense features plus the sparse word and pair rows (build time only).

``fit_head`` (core/linking/classifier.py) standardises every column; the word and pair columns
(wordgrams.py) are many, sparse and already on one scale, so here they are kept sparse and
multiplied by one ``word_weight`` instead (a larger weight regularises them less). The dense
part is fitted exactly as ``fit_head`` fits it: the same standardisation, steps, rate and
momentum, from zero weights, so a fit is reproducible and, with no words, the same head.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np
import numpy.typing as npt

from goldenthread.core.linking.classifier import (
    _LEARNING_RATE,
    _MOMENTUM,
    _STEPS,
    HeadKind,
    LinearHead,
    _activate,
    standardise,
)
from goldenthread.core.quality.judge.wordgrams import WordGrams

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int32]


@dataclass(frozen=True, slots=True)
class SparseRows:
    """Rows of word and pair weights: for entry i, row ``rows[i]``, column ``columns[i]``."""

    rows: IntArray
    columns: IntArray
    values: npt.NDArray[np.float64]
    shape: tuple[int, int]

    @classmethod
    def of(cls, grams: WordGrams, texts: Sequence[str]) -> SparseRows:
        length, columns, weights = grams.sparse_many(texts)
        rows = np.repeat(np.arange(len(texts), dtype=np.int32), length)
        return cls(rows, columns, weights.astype(np.float64), (len(texts), len(grams)))

    def take(self, chosen: npt.NDArray[np.bool_]) -> SparseRows:
        """Only the rows where ``chosen`` is true, renumbered in order."""
        new_index = np.cumsum(chosen) - 1
        keep = chosen[self.rows]
        return SparseRows(
            new_index[self.rows[keep]].astype(np.int32),
            self.columns[keep],
            self.values[keep],
            (int(chosen.sum()), self.shape[1]),
        )

    def stack(self, other: SparseRows) -> SparseRows:
        """These rows, then ``other``'s."""
        return SparseRows(
            np.concatenate([self.rows, other.rows + self.shape[0]]).astype(np.int32),
            np.concatenate([self.columns, other.columns]),
            np.concatenate([self.values, other.values]),
            (self.shape[0] + other.shape[0], self.shape[1]),
        )

    def times(self, weights: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """This matrix times ``weights.T`` (weights: labels x columns) -> rows x labels."""
        out = np.zeros((self.shape[0], weights.shape[0]))
        for label in range(weights.shape[0]):
            out[:, label] = np.bincount(
                self.rows, weights=self.values * weights[label, self.columns], minlength=len(out)
            )
        return out

    def transposed_times(self, error: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """``error.T`` (labels x rows) times this matrix -> labels x columns."""
        return np.vstack(
            [
                np.bincount(
                    self.columns,
                    weights=self.values * error[self.rows, label],
                    minlength=self.shape[1],
                )
                for label in range(error.shape[1])
            ]
        )


def fit_head_with_words(
    features: FloatArray,
    words: SparseRows,
    targets: FloatArray,
    *,
    labels: tuple[str, ...],
    kind: HeadKind,
    l2: float,
    emphasis: FloatArray | None,
    word_weight: float,
) -> tuple[LinearHead, FloatArray]:
    """The head on the dense ``features`` and the words' weights (labels x vocabulary).

    A row's score is ``features @ head.coef.T + head.intercept + words_row @ word_coef.T``.
    """
    z, mean, scale = standardise(features, emphasis)
    y = targets.astype(np.float64)
    n, d = z.shape
    scaled = SparseRows(words.rows, words.columns, words.values * word_weight, words.shape)
    weights = np.zeros((y.shape[1], d))
    word_w = np.zeros((y.shape[1], words.shape[1]))
    bias = np.zeros(y.shape[1])
    if kind == "softmax":
        bias = np.log(y.mean(axis=0) + 1e-3)
    velocity_w = np.zeros_like(weights)
    velocity_words = np.zeros_like(word_w)
    velocity_b = np.zeros_like(bias)
    use_words = word_weight > 0 and len(words.rows) > 0
    for _ in range(_STEPS):
        look_w = weights + _MOMENTUM * velocity_w
        look_words = word_w + _MOMENTUM * velocity_words
        look_b = bias + _MOMENTUM * velocity_b
        logits = z @ look_w.T + look_b
        if use_words:
            logits = logits + scaled.times(look_words)
        probs = _activate(logits.astype(np.float32), kind).astype(np.float64)
        error = (probs - y) / n
        velocity_w = _MOMENTUM * velocity_w - _LEARNING_RATE * (error.T @ z + l2 * look_w)
        if use_words:
            grad_words = scaled.transposed_times(error) + l2 * look_words
            velocity_words = _MOMENTUM * velocity_words - _LEARNING_RATE * grad_words
        velocity_b = _MOMENTUM * velocity_b - _LEARNING_RATE * error.sum(axis=0)
        weights += velocity_w
        word_w += velocity_words
        bias += velocity_b
    coef = weights / scale
    intercept = bias - coef @ mean
    head = LinearHead(labels, coef.astype(np.float32), intercept.astype(np.float32), kind)
    return head, cast(FloatArray, (word_w * word_weight).astype(np.float32))


#: The temperatures tried when calibrating a head (0.25 to 8, evenly on a log scale).
TEMPERATURES = tuple(float(t) for t in np.exp(np.linspace(np.log(0.25), np.log(8.0), 51)))


def temperature_fit(scores: FloatArray, y: FloatArray, *, softmax: bool) -> float:
    """The temperature (dividing the scores) with the least log-loss against ``y``: one
    column of 0/1 for a yes/no head (sigmoid), else one-hot rows (softmax)."""
    best, best_loss = 1.0, float("inf")
    for temperature in TEMPERATURES:
        z = scores / temperature
        if not softmax:
            p = np.clip(1.0 / (1.0 + np.exp(-z[:, 0])), 1e-6, 1 - 1e-6)
            loss = -np.mean(y[:, 0] * np.log(p) + (1 - y[:, 0]) * np.log(1 - p))
        else:
            e = np.exp(z - z.max(axis=1, keepdims=True))
            p = e / e.sum(axis=1, keepdims=True)
            loss = -np.mean(np.log(np.clip((p * y).sum(axis=1), 1e-6, 1.0)))
        if loss < best_loss - 1e-9:
            best, best_loss = temperature, float(loss)
    return best
