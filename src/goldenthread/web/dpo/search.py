"""Finding a child for the data protection officer: by name, date of birth or NHS number.

Names match each word in any of first, last or preferred name, ignoring case and accents:
each word is folded as the stored ``Child.search_name`` is (``core.folding.search_words``),
so "Prys" finds "Prŷs" on SQLite and PostgreSQL alike (docs/records.md).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from goldenthread.core.folding import search_words
from goldenthread.core.identifiers import normalise_nhs_number
from goldenthread.web.plans.models import Child

MOST_SHOWN = 50


def children_find(*, name: str = "", born: dt.date | None = None, nhs: str = "") -> QuerySet[Child]:
    """Children (archived ones too: a request covers them) matching everything given."""
    q = Q()
    for word in search_words(name):
        q &= Q(search_name__contains=word)
    if born is not None:
        q &= Q(date_of_birth=born)
    if nhs:
        q &= Q(nhs_number=normalise_nhs_number(nhs))
    return Child.objects.filter(q).select_related("current_setting", "local_authority")
