"""Names are masked in outcome text for the quality lead (issue 14, low finding).

The child's own names were already masked; a brother's or sister's name, a nickname, or a
parent's name in the words of an outcome was not. One service (``access.masking``) does it.
"""

from __future__ import annotations

import pytest

from goldenthread.web.access.masking import (
    MASK,
    names_around_children,
    outcome_text_mask,
)
from goldenthread.web.accounts.models import Role
from goldenthread.web.plans.models import Child, RelationshipKind
from tests.web import factories
from tests.web.conftest import PageClient
from tests.web.factories import Area

pytestmark = pytest.mark.django_db

OUTCOME = (
    "By July, Ada (Addy to her friends) will play a board game with her brother Rafferty "
    "and tell Mum, Priyanka, about it; Lovelace-Example family time happens at Rafferty's."
)


def test_a_childs_siblings_and_parents_names_are_masked_in_outcomes_to_check(
    page: PageClient, area: Area
) -> None:
    Child.objects.filter(pk=area.child.pk).update(preferred_name="Addy")
    parent = factories.user_create(
        role=Role.PARENT, organisation=None, first_name="Priyanka", last_name="Sharma-Example"
    )
    brother = factories.child_create(
        local_authority=area.local_authority, first_name="Rafferty", last_name="Example"
    )
    for child in (area.child, brother):
        factories.relationship_create(child=child, person=parent, kind=RelationshipKind.PARENT)
    outcome = area.thread.outcome
    outcome.text = OUTCOME
    outcome.save()
    quality = factories.user_create(role=Role.QUALITY_LEAD, organisation=area.local_authority)
    page.sign_in(quality)

    shown = page.get("/outcomes-to-check/").html.get_text()
    for name in ("Ada", "Addy", "Rafferty", "Priyanka", "Lovelace-Example"):
        assert name not in shown, name
    assert (
        f"By July, {MASK} ({MASK} to her friends) will play a board game with her brother "
        f"{MASK} and tell Mum, {MASK}, about it; {MASK} family time happens at {MASK}'s."
    ) in " ".join(shown.split())
    assert "board game" in shown  # the words themselves are still there to check


def test_names_are_whole_words_and_the_longest_goes_first() -> None:
    names = {"Mary", "Mary-Jane", "Al"}
    assert outcome_text_mask(text="Mary-Jane and mary will talk", names=names) == (
        f"{MASK} and {MASK} will talk"
    )
    assert outcome_text_mask(text="Always calm; ALBERT is not Al", names=names) == (
        f"Always calm; ALBERT is not {MASK}"
    )
    assert outcome_text_mask(text="Nothing to hide", names=()) == "Nothing to hide"


def test_an_initial_is_not_a_name_to_mask(area: Area) -> None:
    Child.objects.filter(pk=area.child.pk).update(preferred_name="A")
    names = names_around_children([area.child.pk])[area.child.pk]
    assert names == {"Ada", "Lovelace-Example"}
    assert names_around_children([]) == {}
