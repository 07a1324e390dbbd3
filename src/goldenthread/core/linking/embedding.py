"""A static (model2vec) sentence embedding, read with numpy and the tokenizers library.

The vectors are distilled from all-MiniLM-L6-v2 (see scripts/build_linking_model.py). A
sentence vector is the mean of its token vectors, scaled to length one. Because that is
linear in the tokens, a linear classifier's score splits exactly into one share per word,
which is how suggestions explain themselves.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import cast

import numpy as np
import numpy.typing as npt
from tokenizers import Encoding

from goldenthread.core.linking.wordcache import WordCacheTokenizer

FloatArray = npt.NDArray[np.float32]

ASSETS = Path(__file__).resolve().parent / "assets"
STATIC_MODEL_DIR = ASSETS / "static_model"
_BATCH = 2048


class StaticEmbedder:
    """Sentence vectors from a distilled static model; no torch, no network."""

    def __init__(self, model_dir: Path = STATIC_MODEL_DIR) -> None:
        # Never let a library reach for a model hub from here.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from model2vec import StaticModel

        model = StaticModel.from_pretrained(str(model_dir), force_download=False)
        self._tokenizer = model.tokenizer
        self.unk_id: int | None = model.unk_token_id
        # float32 in memory (the file keeps float16): gathers are faster without a cast.
        self.vectors: FloatArray = np.asarray(model.embedding, dtype=np.float32)
        self.dim: int = int(self.vectors.shape[1])
        self._words = WordCacheTokenizer(self._tokenizer, self.unk_id)

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids per text, unknown token dropped (the tokenizer's ids, via a word cache)."""
        return self._words.token_ids(texts)

    def tokenize(self, texts: Sequence[str]) -> list[Encoding]:
        """Tokens with offsets and word ids (slower than token_ids; needed for reasons)."""
        encodings: list[Encoding] = self._tokenizer.encode_batch(
            list(texts), add_special_tokens=False
        )
        return encodings

    def encode_ids(self, ids: Sequence[Sequence[int]]) -> FloatArray:
        """Unit-length vectors from token ids (as returned by :meth:`tokenize`)."""
        unk = self.unk_id
        cleaned = [[i for i in row if i != unk] for row in ids]
        out = np.zeros((len(cleaned), self.dim), dtype=np.float32)
        for start in range(0, len(cleaned), _BATCH):
            batch = cleaned[start : start + _BATCH]
            out[start : start + len(batch)] = self._encode_batch(batch)
        return out

    def encode(self, texts: Sequence[str]) -> FloatArray:
        """Unit-length sentence vectors, shape (len(texts), dim), float32."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), _BATCH):
            batch = texts[start : start + _BATCH]
            out[start : start + len(batch)] = self._encode_batch(self.token_ids(batch))
        return out

    def _encode_batch(self, ids: list[list[int]]) -> FloatArray:
        # Sum each text's token rows, then scale to length one (the mean's direction is the
        # sum's). One small gather per text beats one big gather + reduceat by ~10x: the
        # rows stay in cache.
        vectors = self.vectors
        out = np.zeros((len(ids), self.dim), dtype=np.float32)
        for row, token_ids in enumerate(ids):
            if token_ids:
                vectors.take(token_ids, axis=0).sum(axis=0, out=out[row])
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return cast(FloatArray, np.divide(out, norms, out=out, where=norms > 0))
