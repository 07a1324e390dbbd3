"""A small hand-written lexicon: words that signal each theme, area of need and domain.

It adds a few features to the embedding, which helps with only a few hundred labelled
statements, and it gives people plain words to see why a link was suggested. Entries are
lower-case word beginnings ("anxi" matches anxious, anxiety); a space means a phrase.
The entries live in assets/lexicon.json so that they can be read and edited as data.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

LEXICON_PATH = Path(__file__).resolve().parent / "assets" / "lexicon.json"


def _load_lexicon(path: Path) -> dict[str, tuple[str, ...]]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {str(key): tuple(str(entry) for entry in entries) for key, entries in raw.items()}


# Keys are "theme:<n>", "area:<area>" and "domain:<domain>".
LEXICON: dict[str, tuple[str, ...]] = _load_lexicon(LEXICON_PATH)
LEXICON_KEYS: tuple[str, ...] = tuple(LEXICON)

_WORD = re.compile(r"[a-z][a-z'\-]*")
_ENTRIES: tuple[str, ...] = tuple(
    sorted({entry for entries in LEXICON.values() for entry in entries}, key=lambda e: (-len(e), e))
)
_ENTRY_INDEX = {entry: index for index, entry in enumerate(_ENTRIES)}
# entries x keys: 1 where the entry belongs to the key.
_ENTRY_KEYS = np.zeros((len(_ENTRIES), len(LEXICON_KEYS)), dtype=np.float32)
for _column, _key in enumerate(LEXICON_KEYS):
    for _entry in LEXICON[_key]:
        _ENTRY_KEYS[_ENTRY_INDEX[_entry], _column] = 1.0
_KEYS_OF_ENTRY: tuple[tuple[int, ...], ...] = tuple(
    tuple(int(key) for key in np.flatnonzero(row)) for row in _ENTRY_KEYS
)
# Entries with a space are phrases, looked up by their first word (longest first); the
# others are word beginnings. At each word the longest entry that starts there wins.
_PHRASES: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
for _entry in _ENTRIES:  # already longest first
    if " " in _entry:
        _first, *_rest = _entry.split(" ")
        _PHRASES.setdefault(_first, []).append((_entry, tuple(_rest)))
_BEGINNINGS = frozenset(entry for entry in _ENTRIES if " " not in entry)
_LONGEST_BEGINNING = max((len(entry) for entry in _BEGINNINGS), default=0)
_BEGINNING_OF: dict[str, str | None] = {}  # word -> its longest entry (a cache)


def _beginning(word: str) -> str | None:
    found = _BEGINNING_OF.get(word, "")
    if found != "":
        return found
    found = None
    for length in range(min(len(word), _LONGEST_BEGINNING), 0, -1):
        if word[:length] in _BEGINNINGS:
            found = word[:length]
            break
    if len(_BEGINNING_OF) > 200_000:
        _BEGINNING_OF.clear()
    _BEGINNING_OF[word] = found
    return found


def _matches(text: str) -> list[tuple[str, str]]:
    """(entry, word or phrase matched) at each word, in text order; entries may repeat."""
    words = _WORD.findall(text.lower())
    found: list[tuple[str, str]] = []
    phrases, known = _PHRASES, _BEGINNING_OF
    for index, word in enumerate(words):
        for entry, rest in phrases.get(word, ()):
            tail = words[index + 1 : index + 1 + len(rest)]
            if (
                len(tail) == len(rest)
                and tail[:-1] == list(rest[:-1])
                and tail[-1].startswith(rest[-1])
            ):
                found.append((entry, entry))
                break
        else:
            entry_found = known.get(word, "")
            if entry_found == "":
                entry_found = _beginning(word)
            if entry_found is not None:
                found.append((entry_found, word))
    return found


def lexicon_hits(text: str) -> dict[str, str]:
    """Lexicon entries found in ``text``, each with the word or phrase it first matched."""
    hits: dict[str, str] = {}
    for entry, matched in _matches(text):
        hits.setdefault(entry, matched)
    return hits


def features_from_hits(hits_per_text: Sequence[dict[str, str]]) -> npt.NDArray[np.float32]:
    """log(1 + distinct entries found) per lexicon key."""
    return _features([[_ENTRY_INDEX[entry] for entry in hits] for hits in hits_per_text])


def lexicon_features(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """Lexicon features: shape (len(texts), len(LEXICON_KEYS))."""
    return _features([list({_ENTRY_INDEX[entry] for entry, _ in _matches(t)}) for t in texts])


def _features(entries_per_text: list[list[int]]) -> npt.NDArray[np.float32]:
    # Count, per text and key, the entries found (a bincount: no matrix product, no threads).
    width = len(LEXICON_KEYS)
    flat = [
        row * width + key
        for row, entries in enumerate(entries_per_text)
        for entry in entries
        for key in _KEYS_OF_ENTRY[entry]
    ]
    counts = np.bincount(np.asarray(flat, dtype=np.int64), minlength=len(entries_per_text) * width)
    return np.log1p(counts.reshape(len(entries_per_text), width).astype(np.float32))


def matched_words(hits: dict[str, str], key: str) -> list[str]:
    """Words (as found, lower-case) that hit the lexicon for ``key``, in lexicon order."""
    return list(dict.fromkeys(hits[entry] for entry in LEXICON[key] if entry in hits))
