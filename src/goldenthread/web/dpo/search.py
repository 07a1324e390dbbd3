"""Finding a child for the data protection officer: by name, date of birth or NHS number.

Names match each word in any of first, last or preferred name, ignoring case (``icontains``).
A folded-name key (accents ignored) is being added separately (s27-h16); when it lands this is
the one place to use it.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from goldenthread.core.identifiers import normalise_nhs_number
from goldenthread.web.plans.models import Child

MOST_SHOWN = 50


def children_find(*, name: str = "", born: dt.date | None = None, nhs: str = "") -> QuerySet[Child]:
    """Children (archived ones too: a request covers them) matching everything given."""
    q = Q()
    for word in name.split():
        q &= (
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(preferred_name__icontains=word)
        )
    if born is not None:
        q &= Q(date_of_birth=born)
    if nhs:
        q &= Q(nhs_number=normalise_nhs_number(nhs))
    return Child.objects.filter(q).select_related("current_setting", "local_authority")
