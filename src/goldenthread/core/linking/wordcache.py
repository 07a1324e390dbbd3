"""Token ids through a per-word cache: the same ids as the tokenizer, several times faster.

The model's tokenizer (BERT normaliser + BertPreTokenizer + WordPiece) cuts text into words at
whitespace and at each punctuation character, then splits each word into word pieces on its
own. So a word's ids never depend on its neighbours, and once a word has been seen its ids can
be looked up in a dict. Texts made only of characters whose treatment we know (printable
ASCII, tab and newlines, common typographic punctuation, accented Latin letters, a few
symbols) are cut into words here and looked up; any other text goes to the tokenizer whole.
tests/core/test_linking_speed_paths.py checks the ids are identical, including on fuzzed text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tokenizers import Tokenizer

# Unicode punctuation (category P*) that plan text pasted from word processors often has.
_EXTRA_PUNCTUATION = "‘’‚‛“”„–—‒―…•·′″«»¡¿§¶†‡"
# Characters the tokenizer keeps inside words (letters, currency, degrees, fractions, marks).
_EXTRA_WORD = "£€¥°½¼¾²³×÷©®™àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœßÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŸŒ"
_ASCII_PUNCTUATION = "".join(chr(c) for c in range(33, 127) if not chr(c).isalnum())
_PUNCTUATION = re.escape(_ASCII_PUNCTUATION + _EXTRA_PUNCTUATION)
_WORD_CHARS = "A-Za-z0-9" + re.escape(_EXTRA_WORD)
# Anything outside these is handed to the tokenizer (control characters, other spaces, ...).
_UNKNOWN = re.compile(rf"[^ \t\n\r{_WORD_CHARS}{_PUNCTUATION}]")
_PIECES = re.compile(rf"[{_WORD_CHARS}]+|[{_PUNCTUATION}]")
# Forget the cache past this many distinct words (a few tens of MB at most).
_MAX_WORDS = 300_000


class WordCacheTokenizer:
    """Token ids (unknown token dropped) per text, the tokenizer consulted once per new word."""

    def __init__(self, tokenizer: Tokenizer, unk_id: int | None) -> None:
        self._tokenizer = tokenizer
        self._unk_id = unk_id
        self._cache: dict[str, list[int]] = {}

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        if len(self._cache) > _MAX_WORDS:
            self._cache.clear()
        cache = self._cache
        result: list[list[int]] = []
        unknown: list[int] = []
        for text in texts:
            if _UNKNOWN.search(text):
                unknown.append(len(result))
                result.append([])
                continue
            pieces = _PIECES.findall(text)
            missing = [piece for piece in pieces if piece not in cache]
            if missing:
                self._learn(missing)
            ids: list[int] = []
            for piece in pieces:
                ids += cache[piece]
            result.append(ids)
        if unknown:
            for row, ids in zip(unknown, self._encode([texts[i] for i in unknown]), strict=True):
                result[row] = ids
        return result

    def _learn(self, words: list[str]) -> None:
        unique = list(dict.fromkeys(words))
        for word, ids in zip(unique, self._encode(unique), strict=True):
            self._cache[word] = ids

    def _encode(self, texts: list[str]) -> list[list[int]]:
        encodings = self._tokenizer.encode_batch_fast(texts, add_special_tokens=False)
        unk = self._unk_id
        return [[i for i in encoding.ids if i != unk] for encoding in encodings]
