"""Suggested links for a statement, with the reasons, behind a small Protocol."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from goldenthread.core.linking.classifier import LinearHead
from goldenthread.core.linking.embedding import StaticEmbedder
from goldenthread.core.linking.labels import AREA_LABELS, DOMAIN_LABELS, THEME_BY_NUMBER
from goldenthread.core.linking.lexicon import LEXICON_KEYS, matched_words
from goldenthread.core.linking.model import ExampleBank, FeatureEncoder

FloatArray = npt.NDArray[np.float32]

# A theme is suggested when its own score passes this; the best theme always is.
THEME_SUGGEST_THRESHOLD = 0.5
BECAUSE_WORDS = 4
NEAREST_EXAMPLES = 3
_STOPWORDS = frozenset(
    "a an and are as at be by can do for from has have he her his i if in into is it its "
    "me my of on or our she so that the their them they this to up was we when which who "
    "will with you your end by each day week weeks year years term month months time".split()
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

    def to_record(self) -> dict[str, list[dict[str, Any]]]:
        return {
            "themes": [{"theme": t.theme, "confidence": t.confidence} for t in self.themes],
            "areas": [{"area": a.area, "confidence": a.confidence} for a in self.areas],
            "domain": [{"domain": d.domain, "confidence": d.confidence} for d in self.domain],
        }


class LinkSuggester(Protocol):
    """Anything that suggests links; the web layer and tests may pass a fake."""

    def suggest(self, texts: Sequence[str]) -> list[Links]: ...


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
        self._token_scores = {
            name: (vectors @ head.contrast()[:, :dims].T.astype(np.float16)).astype(np.float32)
            for name, head in heads.items()
        }

    def suggest(self, texts: Sequence[str]) -> list[Links]:
        texts = list(texts)
        if not texts:
            return []
        features = self._encoder.encode(texts)
        probabilities = {name: head.probabilities(features) for name, head in self._heads.items()}
        nearest = self._examples.nearest(features[:, : self._encoder.embedding_dims], NEAREST_EXAMPLES)
        return [
            self._links_for(text, {name: p[row] for name, p in probabilities.items()}, nearest[row])
            for row, text in enumerate(texts)
        ]

    def _links_for(
        self, text: str, probabilities: dict[str, FloatArray], nearest: list[tuple[int, float]]
    ) -> Links:
        words, token_words = self._words(text)
        because = {
            name: self._because(text, name, words, token_words) for name in self._heads
        }
        themes = tuple(
            ThemeSuggestion(
                theme=int(label),
                label=THEME_BY_NUMBER[int(label)].label,
                pfa=THEME_BY_NUMBER[int(label)].pfa,
                confidence=round(float(probabilities["themes"][i]), 3),
                because=because["themes"][i],
            )
            for i, label in self._ranked("themes", probabilities)
        )
        areas = tuple(
            AreaSuggestion(label, AREA_LABELS[label], round(float(probabilities["areas"][i]), 3),
                           because["areas"][i])
            for i, label in self._ranked("areas", probabilities)
        )
        domain = tuple(
            DomainSuggestion(label, DOMAIN_LABELS[label],
                             round(float(probabilities["domain"][i]), 3), because["domain"][i])
            for i, label in self._ranked("domain", probabilities)
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

    def _words(self, text: str) -> tuple[list[str], list[tuple[int, int]]]:
        """Words of the text and, per token, (word index, token id)."""
        encoding = self._embedder.tokenizer_encode(text)
        words: list[str] = []
        index_of: dict[int, int] = {}
        token_words: list[tuple[int, int]] = []
        for token_id, word_id, (start, end) in zip(
            encoding.ids, encoding.word_ids, encoding.offsets, strict=True
        ):
            if word_id is None or token_id == self._embedder.unk_id:
                continue
            if word_id not in index_of:
                index_of[word_id] = len(words)
                words.append(text[start:end])
            else:
                words[index_of[word_id]] = words[index_of[word_id]] + text[start:end]
            token_words.append((index_of[word_id], token_id))
        return words, token_words

    def _because(
        self, text: str, name: str, words: list[str], token_words: list[tuple[int, int]]
    ) -> list[tuple[str, ...]]:
        head = self._heads[name]
        reasons: list[tuple[str, ...]] = []
        if not token_words:
            return [() for _ in head.labels]
        word_index = np.array([w for w, _ in token_words])
        token_ids = np.array([t for _, t in token_words])
        per_token = self._token_scores[name][token_ids]  # (tokens, labels)
        per_word = np.zeros((len(words), len(head.labels)), dtype=np.float32)
        np.add.at(per_word, word_index, per_token)
        for column, label in enumerate(head.labels):
            key = _lexicon_key(name, label)
            picked = [w for w in matched_words(text, key)] if key else []
            for row in np.argsort(-per_word[:, column], kind="stable"):
                if len(picked) >= BECAUSE_WORDS or per_word[row, column] <= 0:
                    break
                word = words[row].lower()
                if word.isalpha() and len(word) > 2 and word not in _STOPWORDS:
                    if words[row][0].isupper() and row > 0:
                        continue  # most likely a name: never a reason
                    picked.append(word)
            reasons.append(tuple(dict.fromkeys(picked))[:BECAUSE_WORDS])
        return reasons


def _lexicon_key(name: str, label: str) -> str | None:
    prefix = {"themes": "theme", "areas": "area", "domain": "domain"}[name]
    key = f"{prefix}:{label}"
    return key if key in LEXICON_KEYS else None
