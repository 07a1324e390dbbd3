"""The fast paths give the same answers as the plain ones (token ids, lexicon, records)."""

from __future__ import annotations

import random
import re

import numpy as np
import pytest

from goldenthread.core.linking import link_records_many, suggest_links_many
from goldenthread.core.linking.classifier import matmul_one_thread
from goldenthread.core.linking.lexicon import _ENTRIES, lexicon_hits
from goldenthread.core.linking.model import default_embedder

TEXTS = [
    "By the end of Year 5, Isla will pay for an item in the school shop using coins up to £1.",
    "I want a paid job in a café and to earn my own money.",
    "Sam’s mum says he has “meltdowns” at home — mostly after school…",
    "Ava will use her AAC device (eye-gaze) to ask for help; she's 4½.",
    "OT: sensory circuit x3 daily!! [10 mins] {review @ half-term}",
    "She wants to live on her own, with support from a personal assistant.",
    "CAFÉ NAÏVE résumé Œuvre ß",
    "",
    "   ",
    "a" * 130,
]
_EXTRA = list(
    "‘’“”–—…•·£€°½²×é ÉñüßœÆ\t\n\r\x0b\x0c\x01\u00a0\u200b\u3000中İ\u0301-'\"/()[]!?;:.,&%$#"
)


def _fuzzed(count: int) -> list[str]:
    rng = random.Random(11)
    out = []
    for _ in range(count):
        chars = list(rng.choice(TEXTS[:7]))
        for _ in range(rng.randint(1, 6)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(_EXTRA))
        out.append("".join(chars).upper() if rng.random() < 0.2 else "".join(chars))
    return out


def test_word_cache_ids_are_the_tokenizers_ids() -> None:
    embedder = default_embedder()
    texts = TEXTS + _fuzzed(400)
    plain = embedder._tokenizer.encode_batch_fast(texts, add_special_tokens=False)
    expected = [[i for i in enc.ids if i != embedder.unk_id] for enc in plain]
    assert embedder.token_ids(texts) == expected
    assert embedder.token_ids(texts) == expected  # second time from the cache


_REFERENCE = re.compile(r"(?<![a-z'\-])(?=(" + "|".join(re.escape(e) for e in _ENTRIES) + "))")


def _reference_hits(text: str) -> dict[str, str]:
    """The original one-regex scan, kept here as the specification."""
    normalised = " ".join(re.findall(r"[a-z][a-z'\-]*", text.lower()))
    hits: dict[str, str] = {}
    for match in _REFERENCE.finditer(normalised):
        entry = match.group(1)
        if entry not in hits:
            end = normalised.find(" ", match.start())
            word = normalised[match.start() : end if end >= 0 else None]
            hits[entry] = entry if " " in entry else word
    return hits


@pytest.mark.parametrize(
    "text",
    [
        *TEXTS,
        "He will speak up in his review meeting and join in at youth club on his own.",
        "She sees the speech and language therapist; occupational therapy for fine motor.",
        "on my ownership of my own home, without helping, self-harming, key stages",
    ],
)
def test_lexicon_hits_match_the_regex_scan(text: str) -> None:
    assert lexicon_hits(text) == _reference_hits(text)


def test_lexicon_hits_match_on_fuzzed_text() -> None:
    for text in _fuzzed(300):
        assert lexicon_hits(text) == _reference_hits(text)


def test_link_records_many_equals_to_record() -> None:
    texts = TEXTS + _fuzzed(50)
    records = link_records_many(texts)
    assert records == [links.to_record() for links in suggest_links_many(texts, explain=False)]
    assert records[0]["themes"][0].keys() == {"theme", "confidence"}


def test_matmul_one_thread_matches_matmul() -> None:
    rng = np.random.default_rng(3)
    left = rng.standard_normal((5000, 267)).astype(np.float32)
    right = rng.standard_normal((267, 4)).astype(np.float32)
    np.testing.assert_allclose(matmul_one_thread(left, right), left @ right, atol=1e-4)
