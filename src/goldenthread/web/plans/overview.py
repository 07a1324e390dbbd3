"""Reads for the child page: statements that say the same thing, and outcomes by theme."""

from __future__ import annotations

from dataclasses import dataclass

from goldenthread.core.linking.duplicates import find_duplicates
from goldenthread.web.plans.models import Child, Outcome, Provision, ThemeTag
from goldenthread.web.plans.selectors import GoldenThread

NO_THEME = "No theme chosen"


@dataclass(frozen=True)
class DuplicatePart:
    """One side of a pair: the words, and where to find them (plan and anchor)."""

    pk: int
    plan_id: int
    plan_name: str
    text: str
    kind: str

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.pk}"


@dataclass(frozen=True)
class DuplicateRow:
    a: DuplicatePart
    b: DuplicatePart
    percent: int


@dataclass
class ChildDuplicates:
    outcomes: list[DuplicateRow]
    provision: list[DuplicateRow]

    def flagged(self) -> set[tuple[str, int]]:
        """(kind, id) of every part in a pair, so the plan sections can mark them."""
        return {
            (side.kind, side.pk)
            for row in self.outcomes + self.provision
            for side in (row.a, row.b)
        }

    def __bool__(self) -> bool:
        return bool(self.outcomes or self.provision)


def child_duplicates(child: Child) -> ChildDuplicates:
    """Pairs of the child's live outcomes (and, apart, provision) that say the same thing,
    across all their current plans and services, most alike first."""
    current = {
        plan.pk: str(plan)
        for plan in child.plans.filter(archived_at__isnull=True, next_version__isnull=True)
    }
    outcomes = [
        DuplicatePart(o.pk, o.plan_id, current[o.plan_id], o.text, "outcome")
        for o in Outcome.objects.filter(plan_id__in=current, archived_at__isnull=True)
    ]
    provision = [
        DuplicatePart(p.pk, p.plan_id, current[p.plan_id], p.description, "provision")
        for p in Provision.objects.filter(plan_id__in=current, archived_at__isnull=True)
    ]
    return ChildDuplicates(_pairs(outcomes), _pairs(provision))


def _pairs(parts: list[DuplicatePart]) -> list[DuplicateRow]:
    by_pk = {part.pk: part for part in parts}
    return [
        DuplicateRow(by_pk[pair.a], by_pk[pair.b], round(pair.similarity * 100))
        for pair in find_duplicates([(part.pk, part.text) for part in parts])
    ]


@dataclass(frozen=True)
class ThemeGroup:
    """One theme's outcomes in a plan, each with the help (provision) that supports it."""

    title: str
    slug: str
    outcomes: list[tuple[Outcome, list[Provision]]]


def outcomes_by_theme(thread: GoldenThread) -> list[ThemeGroup]:
    """The plan's outcomes under each of the four themes (an outcome with two themes shows
    under both), then those with no theme chosen."""
    supports: dict[int, list[Provision]] = {}
    for provision in thread.provision:
        for outcome in provision.outcomes.all():
            supports.setdefault(outcome.pk, []).append(provision)
    groups = []
    for theme in ThemeTag.objects.all():
        members = [o for o in thread.outcomes if theme in o.themes.all()]
        groups.append(
            ThemeGroup(
                f"{theme.number}. {theme.name}",
                f"theme-{theme.number}",
                [(o, supports.get(o.pk, [])) for o in members],
            )
        )
    untagged = [o for o in thread.outcomes if not o.themes.all()]
    groups.append(
        ThemeGroup(NO_THEME, "theme-none", [(o, supports.get(o.pk, [])) for o in untagged])
    )
    return groups
