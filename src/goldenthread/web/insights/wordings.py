"""The quality engine's verdict on each distinct outcome wording, kept for the nightly facts.

The engine runs in Python, so the refresh judges each wording once: ``WordingCheck`` is keyed
by the database's MD5 of the words, and a later refresh judges only wordings it has not seen.
It asks ``words_verdict``, so wordings the demo seeder judged in this process are not judged
again.
The facts then take each outcome's failed checks from it as they are inserted.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.db.models.functions import MD5
from django.utils import timezone

from goldenthread.core.quality.engine import engine_version
from goldenthread.core.quality.words import words_verdict
from goldenthread.web.insights.models import WordingCheck
from goldenthread.web.ops.replica import replica_reads

CHUNK = 5_000


def criteria_failed(text: str) -> int:
    """Bit i set for each quality criterion CRITERIA[i] the words fail (judged on words alone,
    as ``Outcome.quality_smart`` is)."""
    return words_verdict(text, timezone.localdate())[1]


def wordings_check(outcomes: QuerySet[Any]) -> int:
    """Judge each distinct wording of these outcomes not judged before (MD5 and DISTINCT in the
    database); return how many were new."""
    new = (
        outcomes.exclude(text="")
        .annotate(key=MD5("text"))
        .exclude(key__in=WordingCheck.objects.values("key"))
        .values_list("key", "text")
        .distinct()
        .order_by()
    )
    made = 0
    batch: list[WordingCheck] = []
    # The one big read of the refresh, from the read replica when there is one (ADR 0032).
    with replica_reads():
        wordings = new.iterator(chunk_size=CHUNK)
        for key, text in wordings:
            batch.append(
                WordingCheck(
                    key=key,
                    failed=criteria_failed(text),
                    engine=engine_version(),
                    judged_on=timezone.localdate(),
                )
            )
            if len(batch) == CHUNK:
                made += len(WordingCheck.objects.bulk_create(batch, ignore_conflicts=True))
                batch = []
    made += len(WordingCheck.objects.bulk_create(batch, ignore_conflicts=True))
    return made
