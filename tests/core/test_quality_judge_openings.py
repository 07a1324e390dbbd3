"""The judge's features for how a statement opens and for unexplained acronyms (ADR 0052), and the
build's website folds."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from goldenthread.core.quality.engine import read_and_check
from goldenthread.core.quality.judge.features import FEATURE_NAMES, rule_features
from goldenthread.core.quality.judge.learned import OPENING_WORDS, StatementEncoder
from goldenthread.core.quality.model import StatementContext
from goldenthread.evaluation.corpus import CorpusItem, folds_by_website, website

ROOT = Path(__file__).resolve().parents[2]


def _feature(text: str, name: str) -> float:
    import datetime as dt

    statement, criteria, _ = read_and_check(text, StatementContext(today=dt.date(2026, 12, 6)))
    return float(rule_features(statement, criteria)[FEATURE_NAMES.index(name)])


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("30 minutes weekly direct SALT with the LSA.", 2),
        ("C/YP may struggle to keep friendships.", 1),
        ("I will watch TV with my sister for 10 minutes.", 0),
        ("ASK AN ADULT FOR HELP WHEN I AM STUCK.", 0),  # shouted text is not acronyms
        ("Jo will use PECS, AAC and her VOCA at snack time.", 3),
        ("Jo will use PECS, AAC, her VOCA and SALT advice.", 3),  # counted up to 3
    ],
)
def test_capitals_counts_acronyms_not_everyday_capitals(text: str, count: int) -> None:
    assert _feature(text, "capitals") == pytest.approx(count / 3)


def test_an_acronym_spelled_out_in_brackets_is_noted() -> None:
    assert _feature("Speech and Language Therapy (SALT) twice a week.", "capitals_spelled_out")
    assert not _feature("SALT twice a week.", "capitals_spelled_out")


@pytest.fixture(scope="module")
def encoder() -> StatementEncoder:
    return StatementEncoder()


def test_the_opening_words_vectors_are_the_first_word_and_the_first_three(
    encoder: StatementEncoder,
) -> None:
    texts = ["Mirror the child's play to show it is valued.", "Climb", "I can   swim 10 metres."]
    row = encoder.encode(texts)[:, encoder.opening_columns]
    embedder = encoder._encoder.embedder
    first = embedder.encode(["Mirror", "Climb", "I"])
    three = embedder.encode(["Mirror the child's", "Climb", "I can swim"])
    assert OPENING_WORDS == (1, 3)
    assert np.array_equal(row, np.hstack([first, three]))


def test_many_at_once_gives_each_row_bit_for_bit(encoder: StatementEncoder) -> None:
    texts = ["Staff will help him use PECS.", "I can dress myself.", "", "Anger management"]
    many = encoder.encode_many(texts)
    for index, text in enumerate(texts):
        assert np.array_equal(many[index], encoder.encode([text])[0])


def _build_script():  # type: ignore[no-untyped-def]
    path = ROOT / "scripts" / "build_quality_model.py"
    spec = importlib.util.spec_from_file_location("build_quality_model", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_builds_folds_keep_each_website_whole_and_near_equal() -> None:
    build = _build_script()
    sizes = {f"https://site{n}.example/page": 1 + n % 7 for n in range(60)}
    items = [
        CorpusItem(
            id=f"{n}-{k}", text="x", source=url, split="train", labels={}, reader1={}, reader2={}
        )
        for n, (url, size) in enumerate(sizes.items())
        for k in range(size)
    ]
    folds = np.array(folds_by_website(items, build.FOLDS))
    by_site: dict[str, set[int]] = {}
    for item, fold in zip(items, folds, strict=True):
        by_site.setdefault(website(item.source), set()).add(int(fold))
    assert all(len(found) == 1 for found in by_site.values())
    counts = np.bincount(folds, minlength=build.FOLDS)
    assert counts.max() - counts.min() <= max(sizes.values())
    assert np.array_equal(folds, folds_by_website(items, build.FOLDS))  # the same every time


def test_smart_is_its_five_rubric_parts_on_every_corpus_statement() -> None:
    """A SMART verdict never contradicts its own parts, and all five true is SMART unless the
    guidance blocks it (jargon, a failed achievable or realistic, an early-years time frame)."""
    import datetime as dt

    from goldenthread.core.quality.judge.learned import SMART_PARTS, default_judge
    from goldenthread.core.quality.verdict import verdict_settle
    from goldenthread.evaluation.corpus import corpus_load

    context = StatementContext(today=dt.date(2026, 12, 6))
    judge = default_judge()
    seen = {True: 0, False: 0}
    for item in corpus_load()[::7]:
        statement, criteria, smart = read_and_check(item.text, context)
        judged = judge.judge_read(statement, criteria, smart)
        parts = all(judged.fields[name] for name in SMART_PARTS)
        assert judged.fields["smart"] is parts
        assert judged.probabilities["smart"] == min(judged.probabilities[n] for n in SMART_PARTS)
        settled = verdict_settle(judged, statement, criteria)
        assert not settled.fields["smart"] or parts
        seen[parts] += 1
    assert seen[True] > 10 and seen[False] > 10
