"""Duplicate finding, similar statements across an area, and name stripping."""

from __future__ import annotations

import numpy as np

from goldenthread.core.linking.duplicates import (
    DuplicatePair,
    content_overlap,
    embed_statements,
    find_duplicates,
    similar_statements,
    strip_names,
)


def test_clear_paraphrases_found_unrelated_not() -> None:
    items = [
        ("edu-1", "By the end of Year 4, Daisy will read a book at her level with 90% accuracy."),
        (
            "slt-1",
            "Daisy will read a book at her reading level accurately (90%) by the end of Year 4.",
        ),
        ("hlth-1", "By the end of Year 4, Daisy will swim 25 metres without armbands."),
        ("sc-1", "Within 6 months, Daisy will meet her friends in town once a month."),
    ]
    pairs = find_duplicates(items)
    assert [(p.a, p.b) for p in pairs] == [("edu-1", "slt-1")]
    assert isinstance(pairs[0], DuplicatePair) and pairs[0].similarity > 0.75


def test_shared_template_is_not_a_duplicate() -> None:
    items = [
        (1, "By the end of Year 9, I will travel to school on the bus on my own."),
        (2, "By the end of Year 9, I will complete my stretching programme five days a week."),
    ]
    assert find_duplicates(items) == []


def test_threshold_either_side() -> None:
    items = [
        ("a", "Within 6 months, Theo will feed himself finger foods at mealtimes."),
        ("b", "In six months' time Theo will be feeding himself finger food at meals."),
    ]
    assert find_duplicates(items, threshold=0.5)
    assert find_duplicates(items, threshold=0.99) == []


def test_fewer_than_two_items() -> None:
    assert find_duplicates([]) == []
    assert find_duplicates([("x", "text")]) == []


def test_content_overlap_ignores_time_words() -> None:
    assert (
        content_overlap("By the end of Year 9 I will swim", "By the end of Year 9 I will read")
        == 0.0
    )


def test_similar_statements() -> None:
    corpus = [
        "I will cook a meal on my own",
        "I will read a chapter book",
        "I will join a football club with friends",
    ]
    vectors = embed_statements(corpus)
    hits = similar_statements("I will make my own dinner", vectors, k=2)
    assert hits[0][0] == 0 and len(hits) == 2
    assert hits[0][1] >= hits[1][1]
    assert similar_statements("x", np.zeros((0, vectors.shape[1]), dtype=np.float32), 3) == []


def test_strip_given_names() -> None:
    text = "Sam Smith will tell Sam's teacher. SAM will read. Samuel is his brother."
    assert strip_names(text, ["Sam", "Smith"]) == (
        "[name] will tell [name]'s teacher. [name] will read. Samuel is his brother."
    )


def test_strip_self_introduced_names() -> None:
    assert strip_names("Hello, I am Kofi and I like trains.", []) == (
        "Hello, I am [name] and I like trains."
    )
    assert strip_names("My name is Ella Jones. I am Deaf.", []) == "My name is [name]. I am Deaf."
    assert strip_names("I am happy at school", []) == "I am happy at school"


def test_strip_names_ignores_empty_names() -> None:
    assert strip_names("Ruby will swim.", ["", "Ruby"]) == "[name] will swim."
