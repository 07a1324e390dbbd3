"""Linear heads (logistic regression) fitted and applied with numpy alone.

Fitting lives here too, so the evaluation can cross-validate with the product's own
dependencies; the shipped weights are fitted once by scripts/build_linking_model.py.
Fitting is full-batch gradient descent from zero weights, so it is deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float32]
HeadKind = Literal["softmax", "sigmoid"]

# OpenBLAS runs a product on one thread when rows x inner x columns <= 262,144
# (SMP_THRESHOLD_MIN x GEMM_MULTITHREAD_THRESHOLD); above that it wakes a thread per core,
# which at these sizes costs more than it saves and fights the audit's own worker
# processes. Products here are cut into row blocks under that size.
_ONE_THREAD_PRODUCT = 200_000
_STEPS = 600
_LEARNING_RATE = 0.5
_MOMENTUM = 0.9


@dataclass(frozen=True, slots=True)
class LinearHead:
    """Scores ``features @ coef.T + intercept`` turned into probabilities.

    ``softmax`` heads pick one label (area, domain); ``sigmoid`` heads score each label on
    its own (themes, where a statement may serve more than one).
    """

    labels: tuple[str, ...]
    coef: FloatArray
    intercept: FloatArray
    kind: HeadKind

    def scores(self, features: FloatArray) -> FloatArray:
        return matmul_one_thread(features, self.coef.T) + self.intercept

    def probabilities(self, features: FloatArray) -> FloatArray:
        return _activate(self.scores(features), self.kind)

    def contrast(self) -> FloatArray:
        """Per-label direction that raises this label over the others (for explanations)."""
        if self.kind == "sigmoid":
            return self.coef
        result: FloatArray = self.coef - self.coef.mean(axis=0, keepdims=True)
        return result


def matmul_one_thread(left: FloatArray, right: FloatArray) -> FloatArray:
    """``left @ right`` in row blocks small enough for BLAS to stay on this thread."""
    work = max(int(left.shape[1]) * int(right.shape[1]), 1)
    block = max(_ONE_THREAD_PRODUCT // work, 1)
    if left.shape[0] <= block:
        product: FloatArray = left @ right
        return product
    out = np.empty((left.shape[0], right.shape[1]), dtype=np.result_type(left, right))
    for start in range(0, left.shape[0], block):
        np.matmul(left[start : start + block], right, out=out[start : start + block])
    return cast(FloatArray, out)


def _activate(scores: FloatArray, kind: HeadKind) -> FloatArray:
    if kind == "sigmoid":
        result: FloatArray = (1.0 / (1.0 + np.exp(-scores))).astype(np.float32)
        return result
    shifted = scores - scores.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return cast(FloatArray, (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32))


def fit_head(
    features: FloatArray,
    targets: FloatArray,
    *,
    labels: tuple[str, ...],
    kind: HeadKind,
    l2: float,
    emphasis: FloatArray | None = None,
) -> LinearHead:
    """Fit a logistic-regression head.

    ``targets`` has one row per statement and one column per label: one-hot rows for
    ``softmax``, values in [0, 1] for ``sigmoid`` (soft targets allowed). Features are
    standardised while fitting and the scaling is folded back into the weights;
    ``emphasis`` multiplies standardised columns, so those columns are regularised less.
    """
    z, mean, scale = standardise(features, emphasis)
    y = targets.astype(np.float64)
    n, d = z.shape
    weights = np.zeros((y.shape[1], d))
    bias = np.zeros(y.shape[1])
    if kind == "softmax":
        bias = np.log(y.mean(axis=0) + 1e-3)
    velocity_w = np.zeros_like(weights)
    velocity_b = np.zeros_like(bias)
    for _ in range(_STEPS):
        look_w = weights + _MOMENTUM * velocity_w
        look_b = bias + _MOMENTUM * velocity_b
        probs = _activate((z @ look_w.T + look_b).astype(np.float32), kind).astype(np.float64)
        error = (probs - y) / n
        grad_w = error.T @ z + l2 * look_w
        grad_b = error.sum(axis=0)
        velocity_w = _MOMENTUM * velocity_w - _LEARNING_RATE * grad_w
        velocity_b = _MOMENTUM * velocity_b - _LEARNING_RATE * grad_b
        weights += velocity_w
        bias += velocity_b
    coef = weights / scale
    intercept = bias - coef @ mean
    return LinearHead(labels, coef.astype(np.float32), intercept.astype(np.float32), kind)


def standardise(
    features: FloatArray, emphasis: FloatArray | None = None
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """(standardised features, column means, column scales) as the fits use them: each column
    less its mean, divided by its standard deviation over its ``emphasis``."""
    x = features.astype(np.float64)
    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-6
    if emphasis is not None:
        scale = scale / emphasis.astype(np.float64)
    return (x - mean) / scale, mean, scale


def save_heads(heads: dict[str, LinearHead], path: Path) -> None:
    arrays: dict[str, npt.NDArray[np.generic]] = {}
    for name, head in heads.items():
        arrays[f"{name}__coef"] = head.coef.astype(np.float16)
        arrays[f"{name}__intercept"] = head.intercept.astype(np.float32)
        arrays[f"{name}__labels"] = np.array(head.labels)
        arrays[f"{name}__kind"] = np.array(head.kind)
    np.savez_compressed(path, **arrays)  # type: ignore[arg-type]


def load_heads(path: Path) -> dict[str, LinearHead]:
    heads: dict[str, LinearHead] = {}
    with np.load(path, allow_pickle=False) as data:
        names = sorted({key.split("__")[0] for key in data.files})
        for name in names:
            kind = str(data[f"{name}__kind"])
            if kind not in ("softmax", "sigmoid"):
                raise ValueError(f"unknown head kind {kind!r} in {path}")
            heads[name] = LinearHead(
                labels=tuple(str(label) for label in data[f"{name}__labels"]),
                coef=data[f"{name}__coef"].astype(np.float32),
                intercept=data[f"{name}__intercept"].astype(np.float32),
                kind="softmax" if kind == "softmax" else "sigmoid",
            )
    return heads
