"""The shipped linking model: static embedding + lexicon + one linear head per label set."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from goldenthread.core.linking.classifier import (
    LinearHead,
    fit_head,
    load_heads,
    matmul_one_thread,
)
from goldenthread.core.linking.data import LabelledStatement, targets_for
from goldenthread.core.linking.embedding import ASSETS, StaticEmbedder
from goldenthread.core.linking.labels import LABEL_SETS, LABELS_BY_SET
from goldenthread.core.linking.lexicon import LEXICON_KEYS, lexicon_features

FloatArray = npt.NDArray[np.float32]

CLASSIFIER_PATH = ASSETS / "classifier.npz"
EXAMPLES_PATH = ASSETS / "examples.jsonl"


@dataclass(frozen=True, slots=True)
class HeadSettings:
    """How one head is fitted: L2 strength, and how much louder the lexicon speaks."""

    kind: str
    l2: float
    lexicon_emphasis: float


# Chosen by 5-fold cross-validation on the training file only (docs/adr/0004).
HEAD_SETTINGS: dict[str, HeadSettings] = {
    "themes": HeadSettings("sigmoid", 0.03, 3.0),
    "areas": HeadSettings("softmax", 0.3, 2.0),
    "domain": HeadSettings("softmax", 0.3, 1.0),
}


class FeatureEncoder:
    """Statement -> feature row: the unit sentence vector, then lexicon counts."""

    def __init__(self, embedder: StaticEmbedder) -> None:
        self.embedder = embedder
        self.embedding_dims = embedder.dim
        self.lexicon_dims = len(LEXICON_KEYS)

    @classmethod
    def load_default(cls) -> FeatureEncoder:
        return cls(default_embedder())

    def encode(self, texts: Sequence[str]) -> FloatArray:
        return np.hstack([self.embedder.encode(texts), lexicon_features(texts)])

    def emphasis(self, lexicon_emphasis: float) -> FloatArray:
        weights = np.ones(self.embedding_dims + self.lexicon_dims, dtype=np.float32)
        weights[self.embedding_dims :] = lexicon_emphasis
        return weights


def fit_heads(
    features: FloatArray, statements: Sequence[LabelledStatement], *, embedding_dims: int
) -> dict[str, LinearHead]:
    """Fit every head with HEAD_SETTINGS (used by the build script and by cross-validation)."""
    heads: dict[str, LinearHead] = {}
    for label_set in LABEL_SETS:
        settings = HEAD_SETTINGS[label_set]
        emphasis = np.ones(features.shape[1], dtype=np.float32)
        emphasis[embedding_dims:] = settings.lexicon_emphasis
        heads[label_set] = fit_head(
            features,
            targets_for(label_set, statements),
            labels=LABELS_BY_SET[label_set],
            kind="sigmoid" if settings.kind == "sigmoid" else "softmax",
            l2=settings.l2,
            emphasis=emphasis,
        )
    return heads


@dataclass(frozen=True, slots=True)
class ExampleBank:
    """Labelled training statements, to show the nearest ones as a reason."""

    ids: tuple[str, ...]
    texts: tuple[str, ...]
    vectors: FloatArray

    def nearest(self, vectors: FloatArray, k: int) -> list[list[tuple[int, float]]]:
        if not self.ids:
            return [[] for _ in range(len(vectors))]
        similarity = matmul_one_thread(vectors, self.vectors.T)
        k = min(k, len(self.ids))
        top = np.argsort(-similarity, axis=1, kind="stable")[:, :k]
        return [
            [(int(index), float(similarity[row, index])) for index in top[row]]
            for row in range(len(vectors))
        ]


@lru_cache(maxsize=1)
def default_embedder() -> StaticEmbedder:
    return StaticEmbedder()


@lru_cache(maxsize=1)
def default_heads() -> dict[str, LinearHead]:
    return load_heads(CLASSIFIER_PATH)


@lru_cache(maxsize=1)
def default_examples() -> ExampleBank:
    return load_examples(EXAMPLES_PATH, default_embedder())


def load_examples(path: Path, embedder: StaticEmbedder) -> ExampleBank:
    records = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    texts = tuple(str(record["text"]) for record in records)
    return ExampleBank(
        ids=tuple(str(record["id"]) for record in records),
        texts=texts,
        vectors=embedder.encode(texts),
    )
