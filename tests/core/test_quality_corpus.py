"""The rubric corpus: split by website, reader agreement, and the rubric evaluation."""

from __future__ import annotations

import io
import re
from collections import defaultdict

import pytest

from goldenthread.evaluation import rubric
from goldenthread.evaluation.corpus import (
    CORPUS_PATH,
    RUBRIC_FIELDS,
    agreement,
    cohen_kappa,
    corpus_load,
    splits_assign,
    website,
)
from goldenthread.evaluation.corpus_readme import readme_rewrite


def test_website_ignores_www_case_and_a_final_dot() -> None:
    assert website("https://www.Kent.gov.uk/a/b?c=1") == "kent.gov.uk"
    assert website("https://slideplayer.com./slide/1") == "slideplayer.com"


def test_kappa_matches_a_hand_worked_case() -> None:
    # observed 0.75; expected (0.5*0.75 + 0.5*0.25) = 0.5; kappa (0.75-0.5)/(1-0.5) = 0.5
    assert cohen_kappa([1, 1, 0, 0], [1, 1, 1, 0]) == pytest.approx(0.5)
    assert cohen_kappa(["a", "b"], ["a", "b"]) == 1.0


def test_splits_are_by_website_deterministic_and_near_60_20_20() -> None:
    sources = [f"https://site{n % 40}.example/page{n}" for n in range(400)]
    first, again = splits_assign(sources), splits_assign(list(reversed(sources)))
    assert first == again
    counts: dict[str, int] = defaultdict(int)
    for source in sources:
        counts[first[website(source)]] += 1
    assert 200 <= counts["train"] <= 280 and 50 <= counts["dev"] <= 110
    assert splits_assign(sources, seed="another") != first


def test_adding_websites_keeps_the_splits_already_given() -> None:
    old = [f"https://site{n % 40}.example/page{n}" for n in range(400)]
    first = splits_assign(old)
    grown = old + [f"https://new{n % 30}.example/page{n}" for n in range(300)]
    again = splits_assign(grown, kept=first)
    assert all(again[site] == split for site, split in first.items())
    counts: dict[str, int] = defaultdict(int)
    for source in grown:
        counts[again[website(source)]] += 1
    assert 360 <= counts["train"] <= 480 and 100 <= counts["test"] <= 180


def test_new_websites_can_all_go_to_a_fresh_test_set() -> None:
    old = [f"https://site{n % 40}.example/page{n}" for n in range(400)]
    first = splits_assign(old)
    grown = old + [f"https://new{n % 30}.example/page{n}" for n in range(300)]
    again = splits_assign(grown, kept=first, new_to="test")
    assert all(again[site] == split for site, split in first.items())
    assert {again[f"new{n}.example"] for n in range(30)} == {"test"}


def test_the_corpus_file_keeps_every_website_in_one_split_and_labels_every_field() -> None:
    items = corpus_load()
    assert len(items) >= 216
    splits: dict[str, set[str]] = defaultdict(set)
    for item in items:
        splits[website(item.source)].add(item.split)
        assert set(RUBRIC_FIELDS) <= set(item.labels)
    assert all(len(found) == 1 for found in splits.values())
    assert {split for found in splits.values() for split in found} == {"train", "dev", "test"}
    # The reader agreement the corpus README states is the file's own (kappa and n per field).
    readme = (CORPUS_PATH.parent / "README.md").read_text(encoding="utf-8")
    stated = {
        m.group(1): (float(m.group(2)), int(m.group(3)))
        for m in re.finditer(r"^\| (\w+) \| ([01]\.\d{3}) \| (\d+) \|", readme, re.M)
    }
    measured = {f: (round(k, 3), n) for f, (k, n) in agreement(items).items()}
    assert stated == measured and measured["kind"][1] == len(items)


def test_eval_rubric_prints_kappa_per_field_and_a_ten_bin_calibration_table() -> None:
    out = io.StringIO()
    report = rubric.main(None, out)
    assert report["split"] == "test"
    assert set(report["fields"]) == {*RUBRIC_FIELDS} - {"theme2"}
    assert len(report["calibration"]) == 10
    assert sum(row["n"] for row in report["calibration"]) > report["statements"]
    assert "smart" in out.getvalue() and "Calibration" in out.getvalue()
    for figures in report["fields"].values():
        low, high = figures["interval"]
        assert -1.0 <= low <= high <= 1.0
    # Every field the judge decides says how many it was unsure of, apart from the rest.
    assert "Worth a second look" in out.getvalue()
    for name, figures in report["fields"].items():
        if name != "theme":
            assert figures["unsure"]["n"] + figures["unsure"]["rest_n"] == figures["n"]


def test_a_kappa_interval_is_a_point_when_every_resample_agrees_and_wide_when_few_say_yes() -> None:
    assert rubric.kappa_interval(["a", "b"] * 20, ["a", "b"] * 20) == (1.0, 1.0)
    gold = [True] * 3 + [False] * 97
    predicted = [True, False, True] + [False] * 96 + [True]
    low, high = rubric.kappa_interval(gold, predicted)
    assert low < cohen_kappa(gold, predicted) < high
    assert high - low > 0.3  # three "yes" statements: the kappa could be far from its value


def test_the_corpus_readme_counts_and_sources_are_the_files_own() -> None:
    # scripts/corpus_readme.py writes these sections; a hand edit or a stale README fails here.
    readme = (CORPUS_PATH.parent / "README.md").read_text(encoding="utf-8")
    assert readme_rewrite(CORPUS_PATH) == readme
