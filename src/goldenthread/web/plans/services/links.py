"""Saving a part of the golden thread with what linking suggested for its words, beside the choice.

The person's choice is the ordinary fields (themes, area, service). What the linker suggested
for the saved words is worked out here, on the server, at every save (never taken from the
browser), and stored in ``link_suggestions``; history keeps both, so the suggestions can be
measured against people's choices later. Outcomes also keep their words' embedding and the
quality engine's SMART verdict, for "outcomes others wrote for a similar need" (ADR 0006).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import numpy as np
from django.db import models
from django.utils import timezone

from goldenthread.core.linking import link_records_many
from goldenthread.core.linking.duplicates import embed_statements
from goldenthread.core.quality import StatementContext, assess
from goldenthread.core.quality.second_look import second_look_stored
from goldenthread.core.quality.words import words_verdict
from goldenthread.web.accounts.models import User
from goldenthread.web.plans.models import Need, Outcome, Provision
from goldenthread.web.plans.models.base import TrackedModel
from goldenthread.web.plans.services.common import record_save

T = TypeVar("T", bound=TrackedModel)
TEXT_FIELDS: dict[type[models.Model], str] = {
    Need: "text",
    Outcome: "text",
    Provision: "description",
}


def embedding_bytes(texts: list[str]) -> list[bytes]:
    """Each text's unit embedding as float16 bytes (512 bytes for 256 numbers)."""
    vectors = embed_statements(texts).astype(np.float16)
    return [row.tobytes() for row in vectors]


def outcome_is_smart(text: str, *, today: dt.date) -> bool:
    """The quality engine's verdict, judged as of ``today`` without the child's details.

    Without the date of birth the verdict depends on the words alone, so the demo seeder can
    judge each distinct wording once.
    """
    return words_verdict(text, today)[0]


def outcome_verdict(outcome: Outcome, text: str, *, today: dt.date) -> dict[str, Any]:
    """The SMART verdict for an outcome's words, judged for its child on ``today``, with what it
    was judged against (engine version, day, the child's date of birth)."""
    from goldenthread.core.quality.engine import engine_version

    born = outcome.plan.child.date_of_birth if outcome.plan_id else None
    assessment = (
        assess(text, StatementContext(today=today, date_of_birth=born)) if text.strip() else None
    )
    return {
        "quality_smart": None if assessment is None else assessment.smart,
        "quality_second_look": "" if assessment is None else second_look_stored(assessment.unsure),
        "quality_engine": engine_version(),
        "quality_judged_on": today,
        "quality_child_born": born,
    }


def part_save(
    record: T,
    *,
    user: User | None,
    fields: Mapping[str, Any],
    links: Mapping[str, Iterable[models.Model]] | None = None,
    expected_version: int | None = None,
) -> T:
    """``record_save``, plus the link suggestion for the words being saved (and, for outcomes,
    their embedding and SMART verdict)."""
    text_field = TEXT_FIELDS.get(type(record))
    extra: dict[str, Any] = {}
    if text_field is not None:
        text = str(fields.get(text_field, getattr(record, text_field)) or "")
        extra["link_suggestions"] = link_records_many([text])[0] if text.strip() else {}
        if isinstance(record, Outcome):
            extra["embedding"] = embedding_bytes([text])[0] if text.strip() else None
            extra.update(outcome_verdict(record, text, today=timezone.localdate()))
    return record_save(
        record,
        user=user,
        fields={**fields, **extra},
        links=links,
        expected_version=expected_version,
    )
