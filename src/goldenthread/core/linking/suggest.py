"""Suggested links for a statement, with the reasons, behind a small Protocol."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt
from tokenizers import Encoding

from goldenthread.core.linking.classifier import LinearHead
from goldenthread.core.linking.embedding import StaticEmbedder
from goldenthread.core.linking.labels import AREA_LABELS, DOMAIN_LABELS, THEME_BY_NUMBER
from goldenthread.core.linking.lexicon import (
    LEXICON_KEYS,
    features_from_hits,
    lexicon_hits,
    matched_words,
)
from goldenthread.core.linking.model import ExampleBank, FeatureEncoder

FloatArray = npt.NDArray[np.float32]

# A theme is suggested when its own score passes this; the best theme always is.
THEME_SUGGEST_THRESHOLD = 0.5
BECAUSE_WORDS = 4
NEAREST_EXAMPLES = 3
# Reasons are worked out for the labels people see first: how many per label set.
_EXPLAINED = {"themes": 2, "areas": 1, "domain": 1}
_BATCH = 2048
_RECORD_KEY = {"themes": "theme", "areas": "area", "domain": "domain"}
# Links.to_record(): {"themes": [{"theme": 1, "confidence": 0.91}, ...], "areas": ..., ...}
LinkRecord = dict[str, list[dict[str, Any]]]
_STOPWORDS = frozenset(
    """
    a an and are as at be by can do for from has have he her his i if in into is it its me
    my of on or our she so that the their them they this to up was we when which who will
    with you your end by each day week weeks year years term month months time
    """.split()
)


@dataclass(frozen=True, slots=True)
class ThemeSuggestion:
    theme: int
    label: str
    pfa: str
    confidence: float
    because: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AreaSuggestion:
    area: str
    label: str
    confidence: float
    because: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DomainSuggestion:
    domain: str
    label: str
    confidence: float
    because: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NearestExample:
    """A labelled statement close in meaning, shown as a reason."""

    id: str
    text: str
    similarity: float


@dataclass(frozen=True, slots=True)
class Links:
    """Every suggestion for one statement, each list best first."""

    themes: tuple[ThemeSuggestion, ...]
    areas: tuple[AreaSuggestion, ...]
    domain: tuple[DomainSuggestion, ...]
    examples: tuple[NearestExample, ...] = field(default=())

    def suggested_themes(self) -> tuple[ThemeSuggestion, ...]:
        """Themes worth linking: all above the threshold, and never none."""
        chosen = tuple(t for t in self.themes if t.confidence >= THEME_SUGGEST_THRESHOLD)
        return chosen or self.themes[:1]

    def to_record(self) -> LinkRecord:
        return {
            "themes": [{"theme": t.theme, "confidence": t.confidence} for t in self.themes],
            "areas": [{"area": a.area, "confidence": a.confidence} for a in self.areas],
            "domain": [{"domain": d.domain, "confidence": d.confidence} for d in self.domain],
        }


class LinkSuggester(Protocol):
    """Anything that suggests links; the web layer and tests may pass a fake."""

    def suggest(self, texts: Sequence[str], *, explain: bool = True) -> list[Links]:
        """Links per text; ``explain=False`` may leave reasons and examples empty."""
        ...


class StaticLinkSuggester:
    """The default: distilled static embedding + lexicon + linear heads. Offline, deterministic."""

    def __init__(
        self, encoder: FeatureEncoder, heads: dict[str, LinearHead], examples: ExampleBank
    ) -> None:
        self._encoder = encoder
        self._embedder: StaticEmbedder = encoder.embedder
        self._heads = heads
        self._examples = examples
        dims = encoder.embedding_dims
        vectors = self._embedder.vectors
        # Score each vocabulary token once per label: explanations become table look-ups.
        contrasts = [head.contrast()[:, :dims] for head in heads.values()]
        self._token_table = (vectors @ np.vstack(contrasts).T.astype(np.float16)).astype(np.float32)
        self._table_offset: dict[str, int] = {}
        offset = 0
        for name, head in heads.items():
            self._table_offset[name] = offset
            offset += len(head.labels)

    def suggest(self, texts: Sequence[str], *, explain: bool = True) -> list[Links]:
        texts = list(texts)
        results: list[Links] = []
        for start in range(0, len(texts), _BATCH):
            batch = texts[start : start + _BATCH]
            if explain:
                results.extend(self._suggest_batch(batch))
            else:
                results.extend(_links_from_record(r) for r in self._records_batch(batch))
        return results

    def records(self, texts: Sequence[str], features: FloatArray | None = None) -> list[LinkRecord]:
        """``suggest(texts, explain=False)`` as ``Links.to_record()`` dicts, built directly.

        The fast path for audits: the same values, without the Links objects. ``features``,
        when given, is ``FeatureEncoder.encode(texts)`` already worked out (one row per text:
        the audit shares it with the quality judge instead of encoding every text twice).
        """
        texts = list(texts)
        results: list[LinkRecord] = []
        for start in range(0, len(texts), _BATCH):
            rows = None if features is None else features[start : start + _BATCH]
            results.extend(self._records_batch(texts[start : start + _BATCH], rows))
        return results

    def _records_batch(
        self, texts: list[str], features: FloatArray | None = None
    ) -> list[LinkRecord]:
        """Labels and confidences only: no reasons, no examples (for audits of many)."""
        if not texts:
            return []
        if features is None:
            features = self._encoder.encode(texts)
        columns: list[tuple[str, str, list[Any], list[list[int]], list[list[float]]]] = []
        for name, head in self._heads.items():
            probabilities = head.probabilities(features)
            order = np.argsort(-probabilities, axis=1, kind="stable")
            ranked = np.take_along_axis(probabilities, order, axis=1).astype(np.float64)
            values = [int(label) for label in head.labels] if name == "themes" else head.labels
            key = _RECORD_KEY[name]
            columns.append((name, key, list(values), order.tolist(), np.round(ranked, 3).tolist()))
        records: list[LinkRecord] = [{} for _ in texts]
        for name, key, values, orders, confidences in columns:
            for record, row, row_confidences in zip(records, orders, confidences, strict=True):
                record[name] = [
                    {key: values[i], "confidence": c}
                    for i, c in zip(row, row_confidences, strict=True)
                ]
        return records

    def _suggest_batch(self, texts: list[str]) -> list[Links]:
        if not texts:
            return []
        encodings = self._embedder.tokenize(texts)
        vectors = self._embedder.encode_ids([enc.ids for enc in encodings])
        hits = [lexicon_hits(text) for text in texts]
        features = np.hstack([vectors, features_from_hits(hits)])
        probabilities = {name: head.probabilities(features) for name, head in self._heads.items()}
        nearest = self._examples.nearest(vectors, NEAREST_EXAMPLES)
        return [
            self._links_for(
                text,
                encodings[row],
                hits[row],
                {name: p[row] for name, p in probabilities.items()},
                nearest[row],
            )
            for row, text in enumerate(texts)
        ]

    def _links_for(
        self,
        text: str,
        encoding: Encoding,
        hits: dict[str, str],
        probabilities: dict[str, FloatArray],
        nearest: list[tuple[int, float]],
    ) -> Links:
        words, word_starts, token_ids = _words(text, encoding, self._embedder.unk_id)
        per_word = (
            np.add.reduceat(self._token_table[token_ids], word_starts, axis=0)
            if token_ids
            else np.zeros((0, self._token_table.shape[1]), dtype=np.float32)
        )
        ranked = {name: self._ranked(name, probabilities) for name in self._heads}
        explained = {
            name: self._because(
                name,
                [i for i, _ in ranked[name][:shown]],
                hits=hits,
                words=words,
                per_word=per_word,
            )
            for name, shown in _EXPLAINED.items()
        }
        themes = tuple(
            ThemeSuggestion(
                theme=int(label),
                label=THEME_BY_NUMBER[int(label)].label,
                pfa=THEME_BY_NUMBER[int(label)].pfa,
                confidence=round(float(probabilities["themes"][i]), 3),
                because=explained["themes"].get(i, ()),
            )
            for i, label in ranked["themes"]
        )
        areas = tuple(
            AreaSuggestion(
                label,
                AREA_LABELS[label],
                round(float(probabilities["areas"][i]), 3),
                explained["areas"].get(i, ()),
            )
            for i, label in ranked["areas"]
        )
        domain = tuple(
            DomainSuggestion(
                label,
                DOMAIN_LABELS[label],
                round(float(probabilities["domain"][i]), 3),
                explained["domain"].get(i, ()),
            )
            for i, label in ranked["domain"]
        )
        examples = tuple(
            NearestExample(self._examples.ids[i], self._examples.texts[i], round(similarity, 3))
            for i, similarity in nearest
        )
        return Links(themes, areas, domain, examples)

    def _ranked(self, name: str, probabilities: dict[str, FloatArray]) -> list[tuple[int, str]]:
        order = np.argsort(-probabilities[name], kind="stable")
        labels = self._heads[name].labels
        return [(int(i), labels[int(i)]) for i in order]

    def _because(
        self,
        name: str,
        columns: list[int],
        *,
        hits: dict[str, str],
        words: list[str],
        per_word: FloatArray,
    ) -> dict[int, tuple[str, ...]]:
        """Reasons for the given label columns: lexicon words, then the words that scored most."""
        head = self._heads[name]
        offset = self._table_offset[name]
        reasons: dict[int, tuple[str, ...]] = {}
        for column in columns:
            key = _lexicon_key(name, head.labels[column])
            picked = matched_words(hits, key) if key else []
            for row in np.argsort(-per_word[:, offset + column], kind="stable")[
                : BECAUSE_WORDS * 3
            ]:
                if len(picked) >= BECAUSE_WORDS or per_word[row, offset + column] <= 0:
                    break
                word = words[row]
                # A capitalised word after the first is most likely a name: never a reason.
                likely_name = word[0].isupper() and row > 0
                if (
                    word.isalpha()
                    and len(word) > 2
                    and not likely_name
                    and word.lower() not in _STOPWORDS
                ):
                    picked.append(word.lower())
            reasons[column] = tuple(dict.fromkeys(picked))[:BECAUSE_WORDS]
        return reasons


def _words(
    text: str, encoding: Encoding, unk_id: int | None
) -> tuple[list[str], list[int], list[int]]:
    """Words of the text, the index of each word's first token, and the token ids."""
    words: list[str] = []
    word_starts: list[int] = []
    token_ids: list[int] = []
    last_word: int | None = None
    for token_id, word_id, (start, end) in zip(
        encoding.ids, encoding.word_ids, encoding.offsets, strict=True
    ):
        if word_id is None or token_id == unk_id:
            continue
        if word_id != last_word:
            words.append(text[start:end])
            word_starts.append(len(token_ids))
            last_word = word_id
        else:
            words[-1] += text[start:end]
        token_ids.append(token_id)
    return words, word_starts, token_ids


def _lexicon_key(name: str, label: str) -> str | None:
    prefix = {"themes": "theme", "areas": "area", "domain": "domain"}[name]
    key = f"{prefix}:{label}"
    return key if key in LEXICON_KEYS else None


def _links_from_record(record: LinkRecord) -> Links:
    """Links without reasons or examples, from a record of labels and confidences."""
    return Links(
        themes=tuple(
            ThemeSuggestion(
                t["theme"],
                THEME_BY_NUMBER[t["theme"]].label,
                THEME_BY_NUMBER[t["theme"]].pfa,
                t["confidence"],
                (),
            )
            for t in record["themes"]
        ),
        areas=tuple(
            AreaSuggestion(a["area"], AREA_LABELS[a["area"]], a["confidence"], ())
            for a in record["areas"]
        ),
        domain=tuple(
            DomainSuggestion(d["domain"], DOMAIN_LABELS[d["domain"]], d["confidence"], ())
            for d in record["domain"]
        ),
    )
