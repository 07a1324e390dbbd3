"""Statements that say the same thing in different words, and similar statements across an area.

A pair is a duplicate when its embeddings are close (cosine) *and* it shares enough content
words once time phrases are set aside. The word check stops two outcomes that share a
template ("By the end of Year 9, I will ... on my own") but differ in substance from matching.
Thresholds were tuned on evals/data/duplicates/pairs.jsonl (see docs/adr/0004).
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import numpy as np
import numpy.typing as npt

from goldenthread.core.linking.embedding import StaticEmbedder
from goldenthread.core.linking.names import NAME_PLACEHOLDER, strip_names

__all__ = [
    "DEFAULT_THRESHOLD",
    "NAME_PLACEHOLDER",
    "DuplicatePair",
    "content_overlap",
    "embed_statements",
    "find_duplicates",
    "similar_statements",
    "strip_names",
]

K = TypeVar("K", bound=Hashable)
FloatArray = npt.NDArray[np.float32]

DEFAULT_THRESHOLD = 0.75
DEFAULT_MIN_OVERLAP = 0.3
# Close enough in meaning that no word check is needed.
SURE_THRESHOLD = 0.92

_WORD = re.compile(r"[a-z]+")
_NOT_CONTENT = frozenset(
    """
    a an and are as at be by can could do for from has have he her him his i if in into is
    it its me my of on or our she so that the their them they this to up was we when which
    who will with would you your end by within next before after until each every day days
    week weeks weekly month months year years term terms time times summer autumn spring
    winter christmas easter half first second last one two three four five six seven eight
    nine ten twelve stage key able use using uses name
    """.split()
)


@dataclass(frozen=True, slots=True)
class DuplicatePair(Generic[K]):
    a: K
    b: K
    similarity: float
    overlap: float


def _content_stems(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    return {word[:5] for word in words if word not in _NOT_CONTENT and len(word) > 2}


def content_overlap(first: str, second: str) -> float:
    """Share of content words in common (overlap coefficient on 5-letter stems)."""
    a, b = _content_stems(first), _content_stems(second)
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def embed_statements(texts: Sequence[str], embedder: StaticEmbedder | None = None) -> FloatArray:
    """Unit vectors for statements, for :func:`similar_statements` and caching."""
    if embedder is None:
        from goldenthread.core.linking.model import default_embedder

        embedder = default_embedder()
    return embedder.encode(texts)


def find_duplicates(
    items: Sequence[tuple[K, str]],
    threshold: float = DEFAULT_THRESHOLD,
    *,
    min_overlap: float = DEFAULT_MIN_OVERLAP,
    embedder: StaticEmbedder | None = None,
) -> list[DuplicatePair[K]]:
    """Pairs of one child's statements that say the same thing, most similar first.

    Compare a child's outcomes (or provision) across services and plans; two texts match
    when cosine >= ``threshold`` and content overlap >= ``min_overlap``, or when cosine
    >= SURE_THRESHOLD. The reason: families should not see the same outcome written twice.
    """
    if len(items) < 2:
        return []
    texts = [text for _, text in items]
    vectors = embed_statements(texts, embedder)
    similarity = vectors @ vectors.T
    pairs: list[DuplicatePair[K]] = []
    rows, columns = np.triu_indices(len(items), k=1)
    for i, j in zip(rows.tolist(), columns.tolist(), strict=True):
        cosine = float(similarity[i, j])
        if cosine < threshold:
            continue
        overlap = content_overlap(texts[i], texts[j])
        if overlap >= min_overlap or cosine >= SURE_THRESHOLD:
            pairs.append(
                DuplicatePair(items[i][0], items[j][0], round(cosine, 3), round(overlap, 3))
            )
    pairs.sort(key=lambda pair: -pair.similarity)
    return pairs


def similar_statements(
    query: str | FloatArray,
    corpus_embeddings: FloatArray,
    k: int = 5,
    *,
    embedder: StaticEmbedder | None = None,
) -> list[tuple[int, float]]:
    """Indices of the ``k`` corpus statements closest to ``query``, with cosine, best first.

    Use for "outcomes others wrote for a similar need" across an area; pass texts through
    :func:`strip_names` before showing them, so no child's name crosses to another child.
    """
    vector = embed_statements([query], embedder)[0] if isinstance(query, str) else query
    if len(corpus_embeddings) == 0 or k <= 0:
        return []
    scores = corpus_embeddings @ vector
    k = min(k, len(scores))
    top = np.argpartition(-scores, k - 1)[:k]
    ordered = top[np.lexsort((top, -scores[top]))]
    return [(int(i), float(scores[i])) for i in ordered]
