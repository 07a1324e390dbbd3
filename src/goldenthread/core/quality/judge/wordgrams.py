"""Word and word-pair counts: the judge's bag-of-words features (ADR 0056).

The sentence vectors average the words' meanings and lose their order; a few exact words and
pairs say much of a statement's kind and wording ("will be able", "sessions per", "access to",
"i want", "finds it"). Each statement becomes a sparse row over a fixed vocabulary of single
words and adjacent pairs seen in at least ``MIN_DOCUMENTS`` training statements: lower-cased,
every run of digits read as "0", weight ``(1 + log count) * idf``, the row scaled to unit
length (as scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` does). Only the columns a
statement has are kept, so a head's score needs a handful of weights, not thousands.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import cast

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int32]

#: A word or pair must be in at least this many training statements to be a column.
MIN_DOCUMENTS = 2
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"\w+")


def grams(text: str) -> list[str]:
    """The statement's words and adjacent pairs, in order (lower-cased, digits as "0")."""
    lower = text.lower()
    words = _WORD.findall(_DIGITS.sub("0", lower) if _DIGITS.search(lower) else lower)
    return words + list(map(" ".join, pairwise(words)))


@dataclass(frozen=True, slots=True)
class WordGrams:
    """The vocabulary (column per word or pair) and each column's inverse document frequency."""

    columns: dict[str, int]
    idf: FloatArray

    @classmethod
    def fit(cls, texts: Iterable[str], min_documents: int = MIN_DOCUMENTS) -> WordGrams:
        """The vocabulary of ``texts``: words and pairs in at least ``min_documents`` of them,
        in sorted order (so the columns do not depend on the order of the texts)."""
        documents = Counter[str]()
        count = 0
        for text in texts:
            documents.update(set(grams(text)))
            count += 1
        kept = sorted(gram for gram, n in documents.items() if n >= min_documents)
        idf = np.array(
            [math.log((1 + count) / (1 + documents[gram])) + 1.0 for gram in kept],
            dtype=np.float32,
        )
        return cls({gram: index for index, gram in enumerate(kept)}, idf)

    @classmethod
    def from_arrays(cls, vocabulary: Sequence[str], idf: FloatArray) -> WordGrams:
        return cls({str(gram): index for index, gram in enumerate(vocabulary)}, idf)

    @property
    def vocabulary(self) -> list[str]:
        return list(self.columns)

    def __len__(self) -> int:
        return len(self.columns)

    def sparse(self, text: str) -> tuple[IntArray, FloatArray]:
        """(columns, weights) of the statement's row, columns in the order first seen."""
        _, columns, weights = self.sparse_many([text])
        return columns, weights

    def sparse_many(self, texts: Sequence[str]) -> tuple[IntArray, IntArray, FloatArray]:
        """(row lengths, columns, weights): every text's row, one after another.

        A row's weights are bit for bit the same whatever else is in the batch (each is
        worked out from its own counts, and its length is summed on its own)."""
        get = self.columns.get
        columns: list[int] = []
        counts: list[int] = []
        lengths: list[int] = []
        for text in texts:
            seen: dict[int, int] = {}
            for gram in grams(text):
                index = get(gram)
                if index is not None:
                    seen[index] = seen.get(index, 0) + 1
            columns.extend(seen)
            counts.extend(seen.values())
            lengths.append(len(seen))
        found = np.array(columns, dtype=np.int32)
        length = np.array(lengths, dtype=np.int32)
        weights = (np.log(np.array(counts, dtype=np.float32)) + np.float32(1.0)) * self.idf[found]
        norms = np.ones(len(texts), dtype=np.float32)
        if found.size:
            starts = np.cumsum(length) - length
            filled = length > 0
            norms[filled] = np.sqrt(np.add.reduceat(weights * weights, starts[filled]))
        weights /= np.repeat(norms, length)
        return length, found, cast(FloatArray, weights)
