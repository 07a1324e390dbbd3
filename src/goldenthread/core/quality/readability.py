"""A reading-age estimate: Flesch–Kincaid grade plus 5, with a regular-expression syllable count.

Good enough to spot long, wordy statements; not a test of a particular reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

FK_SENTENCE_WEIGHT = 0.39
FK_SYLLABLE_WEIGHT = 11.8
FK_OFFSET = 15.59
GRADE_TO_AGE = 5

_WORD_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’:-]*")
_SENTENCE_END_RE = re.compile(r"[.!?]+(?:\s+|$)|;\s+|\n+")
_VOWEL_GROUPS_RE = re.compile(r"[aeiouy]+")
_SILENT_E_RE = re.compile(r"(?:[^aeiouy]e|[^aeiouy]es|[^aeiouytd]ed)$")
_CONSONANT_LE_RE = re.compile(r"[^aeiouy]le$")


@lru_cache(maxsize=8192)
def syllables(word: str) -> int:
    """An estimate of the syllables in one word (at least 1)."""
    word = word.lower().strip("'’-")
    if not word or not word.isalpha():
        return 1
    count = len(_VOWEL_GROUPS_RE.findall(word))
    if len(word) > 3 and _SILENT_E_RE.search(word) and not _CONSONANT_LE_RE.search(word):
        count -= 1
    return max(count, 1)


@dataclass(frozen=True, slots=True)
class Readability:
    """Words, sentences and the longest sentence, with a reading age in years."""

    words: int
    sentences: int
    longest_sentence_words: int
    longest_sentence: tuple[int, int]
    reading_age: float


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Start and end of each sentence."""
    spans, start = [], 0
    for match in _SENTENCE_END_RE.finditer(text):
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def readability(text: str) -> Readability:
    """Count words and sentences and estimate a reading age (Flesch–Kincaid grade + 5)."""
    longest, longest_span, total_words, total_syllables = 0, (0, 0), 0, 0
    spans = sentence_spans(text) or [(0, len(text))]
    for start, end in spans:
        words = _WORD_RE.findall(text, start, end)
        total_words += len(words)
        total_syllables += sum(map(syllables, words))
        if len(words) > longest:
            longest, longest_span = len(words), (start, end)
    if total_words == 0:
        return Readability(0, 0, 0, (0, 0), 0.0)
    grade = (
        FK_SENTENCE_WEIGHT * total_words / len(spans)
        + FK_SYLLABLE_WEIGHT * total_syllables / total_words
        - FK_OFFSET
    )
    return Readability(
        total_words,
        len(spans),
        longest,
        longest_span,
        round(max(grade + GRADE_TO_AGE, GRADE_TO_AGE), 1),
    )
