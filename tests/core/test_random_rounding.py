"""Random rounding (ADR 0019, decision 7): up or down to a multiple of the base, drawn once
per place and count with a secret key, so asking again draws nothing new."""

from __future__ import annotations

from collections import Counter

import pytest

from goldenthread.core.insights import DisclosurePolicy, Table, rounded_values, table_protect
from goldenthread.core.insights.policy import cell_publish, round_randomly

POLICY = DisclosurePolicy(rounding="random", rounding_key="test key")


def test_a_count_goes_to_the_multiple_below_or_above_as_often_as_its_remainder_says() -> None:
    draws = Counter(
        round_randomly(count=13, base=5, key="k", cell=("row", str(i))) for i in range(5_000)
    )
    assert set(draws) == {10, 15}
    assert 0.55 < draws[15] / 5_000 < 0.65  # three times in five
    assert {round_randomly(count=20, base=5, key="k", cell=(str(i),)) for i in range(50)} == {20}


def test_the_same_place_and_count_always_publish_the_same_and_the_key_matters() -> None:
    once = [cell_publish(count=n, policy=POLICY, cell=("A", "B")).text for n in range(10, 60)]
    again = [cell_publish(count=n, policy=POLICY, cell=("A", "B")).text for n in range(10, 60)]
    assert once == again
    other = DisclosurePolicy(rounding="random", rounding_key="another key")
    redrawn = [cell_publish(count=n, policy=other, cell=("A", "B")).text for n in range(10, 60)]
    assert once != redrawn


def test_anything_that_could_round_to_5_is_withheld() -> None:
    assert [n for n in range(1, 15) if POLICY.is_small(n)] == list(range(1, 10))
    assert POLICY.largest_hidden == 9
    assert DisclosurePolicy().largest_hidden == 7  # nearest rounding keeps the HES rule
    assert rounded_values(count=12, policy=POLICY) == {10, 15}
    assert rounded_values(count=12, policy=DisclosurePolicy()) == {10}


def test_tables_publish_every_count_as_one_of_its_two_multiples() -> None:
    counts = [[12, 23, 0], [31, 9, 44]]
    table = Table.from_counts(row_labels=("a", "b"), column_labels=("x", "y", "z"), counts=counts)
    protected = table_protect(table=table, policy=POLICY)
    for row, published in zip(counts, protected.counts, strict=True):
        for count, cell in zip(row, published, strict=True):
            if cell.value is not None:
                assert cell.value in rounded_values(count=count, policy=POLICY)
    assert protected.counts[1][1].text == "c"  # 9 could round to 5


def test_random_rounding_needs_a_key_and_a_known_method() -> None:
    with pytest.raises(ValueError, match="rounding_key"):
        DisclosurePolicy(rounding="random")
    with pytest.raises(ValueError, match="nearest"):
        DisclosurePolicy(rounding="sideways")
