"""When retention anonymises a child, the details kept for the returns go too (with history).

Postcode, ULN, ethnicity and the rest identify a child as surely as a name, and an anonymised
child is in no return. The plan facts (dates and codes only) stay with the anonymised plans.
"""

from __future__ import annotations

from goldenthread.web.returns.models import ChildPlacement, ChildReturnDetails


def return_details_forget(*, child_ids: list[int]) -> int:
    deleted, _ = ChildReturnDetails.objects.filter(child_id__in=child_ids).delete()
    # After the delete, which itself writes a history row holding the details.
    ChildReturnDetails.history.model.objects.filter(child_id__in=child_ids).delete()
    # Where the child was placed, and when, identifies them too (ADR 0044).
    ChildPlacement.objects.filter(child_id__in=child_ids).delete()
    ChildPlacement.history.model.objects.filter(child_id__in=child_ids).delete()
    return deleted
