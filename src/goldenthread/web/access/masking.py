"""Names taken out of outcome text for people who check quality without seeing children.

One service for every place outcome words reach a person with no reason to see the child (the
quality lead's "Outcomes to check", and anything like it): the child's own names, and the
names of the people an outcome about a child most often mentions — brothers and sisters (other
children with the same parent) and the parents themselves — become "[name]". Issue 14, low
finding: "the quality lead sees siblings' and parents' names in outcome text".
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q
from django.utils import timezone

from goldenthread.web.plans.models import Child, ChildRelationship, RelationshipKind

MASK = "[name]"
SHORTEST_NAME = 2  # a one-letter "name" (an initial) would mask words like "a" and "I"


def names_around_children(child_ids: Iterable[int]) -> dict[int, frozenset[str]]:
    """For each child: their first, last and preferred names, their current parents' names,
    and those of every other child of the same parents.

    Reason: an outcome about a child names the child, and often a brother, sister or parent
    ("play with Sam, my brother", "Mum (Ayesha) will…"); any of them identifies the family.
    """
    wanted = set(child_ids)
    if not wanted:
        return {}
    today = timezone.localdate()
    current = Q(started_on__lte=today) & (Q(ended_on__isnull=True) | Q(ended_on__gte=today))
    parents_of: dict[int, set[int]] = defaultdict(set)
    for child_id, person_id in ChildRelationship.objects.filter(
        current, kind=RelationshipKind.PARENT, child_id__in=wanted
    ).values_list("child_id", "person_id"):
        parents_of[child_id].add(person_id)
    every_parent = set().union(*parents_of.values()) if parents_of else set()
    children_of: dict[int, set[int]] = defaultdict(set)
    parent_names: dict[int, set[str]] = defaultdict(set)
    for person_id, child_id, first, last in ChildRelationship.objects.filter(
        current, kind=RelationshipKind.PARENT, person_id__in=every_parent
    ).values_list("person_id", "child_id", "person__first_name", "person__last_name"):
        children_of[person_id].add(child_id)
        parent_names[person_id] |= {first, last}
    family = {
        child_id: {child_id}.union(*(children_of[p] for p in parents_of[child_id]))
        for child_id in wanted
    }
    names_of = {
        pk: {first, last, preferred}
        for pk, first, last, preferred in Child.objects.filter(
            pk__in=set().union(*family.values())
        ).values_list("pk", "first_name", "last_name", "preferred_name")
    }
    found: dict[int, frozenset[str]] = {}
    for child_id in wanted:
        names = set().union(*(names_of.get(pk, set()) for pk in family[child_id]))
        names |= set().union(*(parent_names[p] for p in parents_of[child_id]))
        found[child_id] = frozenset(
            n.strip() for n in names if n and len(n.strip()) >= SHORTEST_NAME
        )
    return found


def outcome_text_mask(*, text: str, names: Iterable[str]) -> str:
    """The text with each name, as a whole word and in any case, replaced by "[name]".

    Longest names first, so "Mary-Jane" goes whole before "Mary". Reason: the reader checks
    the words of the outcome, not whose it is; a name tells them whose.
    """
    parts = sorted({name for name in names if name}, key=len, reverse=True)
    if not parts:
        return text
    pattern = r"(?<!\w)(?:" + "|".join(re.escape(name) for name in parts) + r")(?!\w)"
    return re.sub(pattern, MASK, text, flags=re.IGNORECASE)
