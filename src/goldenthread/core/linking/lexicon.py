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
# One scan per text: at each word start, the longest entry that begins there.
_PATTERN = re.compile(r"(?<![a-z'\-])(?=(" + "|".join(re.escape(e) for e in _ENTRIES) + "))")


def lexicon_hits(text: str) -> dict[str, str]:
    """Lexicon entries found in ``text``, each with the word or phrase it matched."""
    normalised = " ".join(_WORD.findall(text.lower()))
    hits: dict[str, str] = {}
    for match in _PATTERN.finditer(normalised):
        entry = match.group(1)
        if entry in hits:
            continue
        if " " in entry:
            hits[entry] = entry
        else:
            end = normalised.find(" ", match.start())
            hits[entry] = normalised[match.start() : end if end >= 0 else None]
    return hits


def features_from_hits(hits_per_text: Sequence[dict[str, str]]) -> npt.NDArray[np.float32]:
    """log(1 + distinct entries found) per lexicon key."""
    out = np.zeros((len(hits_per_text), len(LEXICON_KEYS)), dtype=np.float32)
    for row, hits in enumerate(hits_per_text):
        if hits:
            out[row] = _ENTRY_KEYS[[_ENTRY_INDEX[entry] for entry in hits]].sum(axis=0)
    return np.log1p(out)


def lexicon_features(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """Lexicon features: shape (len(texts), len(LEXICON_KEYS))."""
    return features_from_hits([lexicon_hits(text) for text in texts])


def matched_words(hits: dict[str, str], key: str) -> list[str]:
    """Words (as found, lower-case) that hit the lexicon for ``key``, in lexicon order."""
    return list(dict.fromkeys(hits[entry] for entry in LEXICON[key] if entry in hits))
