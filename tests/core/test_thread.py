"""Gaps in a golden thread, found from the links alone."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from goldenthread.core.thread import GAP_MESSAGES, Gap, GapKind, find_gaps


def gaps(
    *,
    aspirations: Collection[int] = (),
    needs: Collection[int] = (),
    outcomes: Collection[int] = (),
    provision: Collection[int] = (),
    outcome_needs: Mapping[int, Collection[int]] | None = None,
    outcome_aspirations: Mapping[int, Collection[int]] | None = None,
    provision_outcomes: Mapping[int, Collection[int]] | None = None,
) -> list[Gap]:
    return find_gaps(
        aspiration_ids=aspirations,
        need_ids=needs,
        outcome_ids=outcomes,
        provision_ids=provision,
        outcome_needs=outcome_needs or {},
        outcome_aspirations=outcome_aspirations or {},
        provision_outcomes=provision_outcomes or {},
    )


def test_an_empty_plan_has_no_gaps() -> None:
    assert gaps() == []


def test_a_fully_linked_thread_has_no_gaps() -> None:
    assert (
        gaps(
            aspirations=[1],
            needs=[10],
            outcomes=[100],
            provision=[1000],
            outcome_needs={100: [10]},
            outcome_aspirations={100: [1]},
            provision_outcomes={1000: [100]},
        )
        == []
    )


def test_each_kind_of_gap_in_thread_order() -> None:
    found = gaps(
        aspirations=[1, 2],
        needs=[10, 11],
        outcomes=[100, 101],
        provision=[1000, 1001],
        outcome_needs={100: [10]},
        outcome_aspirations={100: [1]},
        provision_outcomes={1000: [100]},
    )
    assert found == [
        Gap(GapKind.ASPIRATION_WITHOUT_OUTCOME, 2),
        Gap(GapKind.NEED_WITHOUT_OUTCOME, 11),
        Gap(GapKind.OUTCOME_WITHOUT_PROVISION, 101),
        Gap(GapKind.PROVISION_WITHOUT_OUTCOME, 1001),
    ]


def test_every_gap_has_a_plain_message() -> None:
    assert set(GAP_MESSAGES) == set(GapKind)
    assert (
        Gap(GapKind.NEED_WITHOUT_OUTCOME, 1).message == GAP_MESSAGES[GapKind.NEED_WITHOUT_OUTCOME]
    )


def test_a_link_from_an_archived_outcome_does_not_meet_a_need() -> None:
    # Outcome 100 is archived (not in outcome_ids) but its links are still in the mapping.
    found = gaps(
        aspirations=[1],
        needs=[10],
        outcomes=[],
        outcome_needs={100: [10]},
        outcome_aspirations={100: [1]},
    )
    assert found == [
        Gap(GapKind.ASPIRATION_WITHOUT_OUTCOME, 1),
        Gap(GapKind.NEED_WITHOUT_OUTCOME, 10),
    ]


def test_provision_linked_only_to_an_archived_outcome_serves_nothing() -> None:
    found = gaps(outcomes=[100], provision=[1000], provision_outcomes={1000: [999]})
    assert found == [
        Gap(GapKind.OUTCOME_WITHOUT_PROVISION, 100),
        Gap(GapKind.PROVISION_WITHOUT_OUTCOME, 1000),
    ]


def test_archived_provision_does_not_support_an_outcome() -> None:
    found = gaps(outcomes=[100], provision=[], provision_outcomes={1000: [100]})
    assert found == [Gap(GapKind.OUTCOME_WITHOUT_PROVISION, 100)]


def test_links_to_absent_needs_and_hopes_are_ignored() -> None:
    found = gaps(
        outcomes=[100],
        provision=[1000],
        outcome_needs={100: [55]},
        outcome_aspirations={100: [66]},
        provision_outcomes={1000: [100]},
    )
    assert found == []


def test_one_outcome_can_close_many_gaps() -> None:
    found = gaps(
        aspirations=[1, 2],
        needs=[10, 11],
        outcomes=[100],
        provision=[1000],
        outcome_needs={100: [10, 11]},
        outcome_aspirations={100: [1, 2]},
        provision_outcomes={1000: [100]},
    )
    assert found == []
