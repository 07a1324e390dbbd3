"""The plan's coordinator picker: a GOV.UK select of only the people who may coordinate this
plan (``plans.coordinators``), with a name search that works without JavaScript.

For an EHC plan that is the EHC coordinators of the child's local authority, nobody else; for
another kind of plan, also the SENCOs of the child's setting. An authority may have dozens of
coordinators, so the form has a "Find a coordinator by name" box: "Find" sends the form back
with the list cut to the people whose name holds every word typed (ignoring case and accents,
``core.folding``), saves nothing and shows no errors. "Save" checks the person chosen against
the whole list, so a search can never widen who is accepted.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.forms.utils import ErrorDict

from goldenthread.core.folding import fold, search_words
from goldenthread.web.accounts.models import User
from goldenthread.web.plans.coordinators import coordinators_for
from goldenthread.web.plans.models import Child

FIND = "find_coordinator"
SEARCH_FIELD = "coordinator_search"
SEARCH_LABEL = "Find a coordinator by name (optional)"
SEARCH_HINT = (
    "Type part of their name and choose \u201cFind\u201d: the list below then shows only the "
    "people who match. Nothing is saved until you choose \u201cSave\u201d."
)


def person_label(person: User) -> str:
    """What the picker shows for a person: their name, role and organisation."""
    where = f", {person.organisation.name}" if person.organisation is not None else ""
    return f"{person.display_name} ({person.get_role_display()}{where})"


def picker_people(
    child: Child, *, kind: str, search: str = "", keep: int | None = None
) -> QuerySet[User]:
    """The people offered for a ``kind`` plan for ``child``: everyone who may coordinate it, or
    only those whose name matches ``search`` (and the one already chosen, ``keep``)."""
    people = coordinators_for(child, kind=kind).select_related("organisation")
    words = search_words(search)
    if not words:
        return people
    matched = [
        p.pk
        for p in people
        if all(w in fold(f"{p.first_name} {p.last_name} {p.username}") for w in words)
    ]
    return people.filter(pk__in=[*matched, *([keep] if keep else [])])


def finding(request: Any, form: Any) -> bool:
    """True when the person pressed "Find": the form is shown again without errors."""
    if FIND not in request.POST:
        return False
    form.full_clean()
    form._errors = ErrorDict()  # a search is not a save: nothing is wrong yet
    return True
