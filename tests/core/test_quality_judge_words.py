"""The judge's words and pairs (ADR 0056): the features, the sparse fit, and the shipped model."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from goldenthread.core.linking.classifier import LinearHead, fit_head
from goldenthread.core.quality.judge.fitting import SparseRows, fit_head_with_words
from goldenthread.core.quality.judge.learned import (
    MODEL_PATH,
    CalibratedHead,
    default_judge,
    heads_load,
    heads_save,
)
from goldenthread.core.quality.judge.wordgrams import WordGrams, grams

TEXTS = [
    "I will read 20 words.",
    "I will read 35 words by July.",
    "2 x 30 minute sessions per week.",
    "30 minute sessions per week with a TA.",
    "Sam finds it hard to wait.",
]


def test_grams_are_lower_case_words_then_pairs_with_digits_as_zero() -> None:
    assert grams("Read 20 Words") == ["read", "0", "words", "read 0", "0 words"]
    assert grams("") == []


def test_the_vocabulary_keeps_words_in_two_statements_in_sorted_order() -> None:
    vocabulary = WordGrams.fit(TEXTS)
    assert vocabulary.vocabulary == sorted(vocabulary.vocabulary)
    assert "will read" in vocabulary.columns  # in two statements
    assert "hard" not in vocabulary.columns  # in one
    assert "0" in vocabulary.columns  # "20" and "35" both read as "0"
    column = vocabulary.columns["will read"]
    assert vocabulary.idf[column] == pytest.approx(math.log(6 / 3) + 1)


def dense_rows(vocabulary: WordGrams, texts: list[str]) -> np.ndarray:
    """Full rows for ``texts``: what the sparse rows stand for."""
    out = np.zeros((len(texts), len(vocabulary)), dtype=np.float32)
    for row, text in enumerate(texts):
        columns, weights = vocabulary.sparse(text)
        out[row, columns] = weights
    return out


def test_a_row_is_unit_length_and_ignores_words_not_in_the_vocabulary() -> None:
    vocabulary = WordGrams.fit(TEXTS)
    columns, weights = vocabulary.sparse("I will read 20 words, zebra zebra.")
    assert float(weights @ weights) == pytest.approx(1.0, abs=1e-6)
    assert set(columns) <= set(range(len(vocabulary)))
    assert len(vocabulary.sparse("zebra")[0]) == 0
    dense = dense_rows(vocabulary, ["I will read 20 words, zebra zebra."])
    assert dense[0, columns].tolist() == weights.tolist()
    assert float(dense.sum()) == pytest.approx(float(weights.sum()))


def test_a_repeated_word_counts_by_one_plus_its_log() -> None:
    vocabulary = WordGrams.fit(TEXTS)
    columns, weights = vocabulary.sparse("week week")
    raw = {int(c): float(w) for c, w in zip(columns, weights, strict=True)}
    week = vocabulary.columns["week"]
    assert list(raw) == [week]  # "week week" is not a pair in the vocabulary
    assert raw[week] == pytest.approx(1.0)


def test_sparse_rows_multiply_as_the_dense_matrix_does() -> None:
    vocabulary = WordGrams.fit(TEXTS)
    rows = SparseRows.of(vocabulary, TEXTS)
    dense = dense_rows(vocabulary, TEXTS).astype(np.float64)
    weights = np.arange(2 * len(vocabulary), dtype=np.float64).reshape(2, -1) / 7
    assert np.allclose(rows.times(weights), dense @ weights.T)
    error = np.arange(2 * len(TEXTS), dtype=np.float64).reshape(-1, 2) / 3
    assert np.allclose(rows.transposed_times(error), error.T @ dense)
    chosen = np.array([True, False, True, False, True])
    assert np.allclose(rows.take(chosen).times(weights), dense[chosen] @ weights.T)
    both = rows.take(chosen).stack(rows.take(~chosen))
    order = np.concatenate([np.flatnonzero(chosen), np.flatnonzero(~chosen)])
    assert np.allclose(both.times(weights), dense[order] @ weights.T)


def _toy() -> tuple[np.ndarray, list[str], np.ndarray]:
    rng = np.random.default_rng(7)
    texts = [("sessions per week" if n % 2 else "I will read") + f" {n}" for n in range(40)]
    features = rng.normal(size=(40, 6)).astype(np.float32)  # noise only
    targets = np.array([[float(n % 2)] for n in range(40)])
    return features, texts, targets


def _fit(l2: float, word_weight: float) -> tuple[LinearHead, np.ndarray, SparseRows, WordGrams]:
    features, texts, targets = _toy()
    vocabulary = WordGrams.fit(texts)
    rows = SparseRows.of(vocabulary, texts)
    head, words = fit_head_with_words(
        features,
        rows,
        targets,
        labels=("p",),
        kind="sigmoid",
        l2=l2,
        emphasis=None,
        word_weight=word_weight,
    )
    return head, words, rows, vocabulary


def test_with_no_words_the_fit_is_fit_heads_exactly() -> None:
    features, _, targets = _toy()
    plain = fit_head(features, targets, labels=("p",), kind="sigmoid", l2=0.1)
    head, words, _, _ = _fit(0.1, 0.0)
    assert np.array_equal(head.coef, plain.coef)
    assert np.array_equal(head.intercept, plain.intercept)
    assert not words.any()


def test_the_words_carry_what_the_dense_features_cannot() -> None:
    features, _, targets = _toy()
    head, words, rows, vocabulary = _fit(0.05, 20.0)
    scores = head.scores(features)[:, 0] + rows.times(words.astype(np.float64))[:, 0]
    assert ((scores > 0) == (targets[:, 0] > 0.5)).all()
    assert words[0, vocabulary.columns["per week"]] > 0 > words[0, vocabulary.columns["will read"]]


def test_saved_words_load_back_and_change_the_version(tmp_path: Path) -> None:
    vocabulary = WordGrams.fit(TEXTS)
    head = CalibratedHead(
        ("p",), np.ones((1, 3), np.float32), np.zeros(1, np.float32), "sigmoid", 1.0
    )
    coef = np.full((1, len(vocabulary)), 0.5, np.float32)
    plain = heads_save({"p": head}, tmp_path / "a.npz", notes="")
    with_words = heads_save(
        {"p": head}, tmp_path / "b.npz", notes="", words=(vocabulary, {"p": coef})
    )
    assert plain != with_words
    assert heads_load(tmp_path / "a.npz")[2] is None
    _, version, words = heads_load(tmp_path / "b.npz")
    assert version == with_words and words is not None
    assert words.grams.vocabulary == vocabulary.vocabulary
    assert np.array_equal(words.grams.idf, vocabulary.idf)
    assert np.array_equal(words.coefs["p"], coef)


def test_the_shipped_judge_reads_words_and_they_move_its_scores() -> None:
    _, _, words = heads_load(MODEL_PATH)
    assert words is not None and len(words.grams) > 1000
    judge = default_judge()
    # Every head has a weight for every word or pair, and some are far from zero.
    assert set(words.coefs) == set(judge.heads)
    assert max(float(np.abs(c).max()) for c in words.coefs.values()) > 0.5
