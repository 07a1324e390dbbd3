"""What every editable part of a child's record shares: who changed it, when, and a version.

``row_version`` lets a save detect that someone else changed the record since the form was
opened (optimistic locking, see ``goldenthread.web.plans.services.common``). ``archived_at``
takes a part out of the plan without deleting it: nothing is lost, and history is kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from goldenthread.core.record_rules import (
    TextKind,
    birth_date_problem,
    date_problem,
    due_date_problem,
    meeting_date_problem,
    text_problem,
)


class TrackedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    row_version = models.PositiveIntegerField(default=1, editable=False)
    archived_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def clean_fields(self, exclude: Collection[str] | None = None) -> None:
        """Django's checks, then the record's own rules for text and dates
        (``core.record_rules``), so the pages, the API and imports refuse the same things with
        the same words. A field's own rule replaces Django's length message for it."""
        errors: dict[str, list[str]] = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = {field: list(messages) for field, messages in error.message_dict.items()}
        for field in self._meta.concrete_fields:
            if exclude and field.name in exclude:
                continue
            problem = self._rule_problem(field, getattr(self, field.attname))
            if problem:
                errors[field.name] = [problem]
        if errors:
            raise ValidationError(errors)

    def _rule_problem(self, field: Any, value: object) -> str | None:
        if isinstance(value, str) and isinstance(field, models.CharField | models.TextField):
            limit = field.max_length or (
                TextKind.LONG.value if field.blank else TextKind.PART.value
            )
            return text_problem(value, limit=limit)
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            if field.name == "due_date":
                return due_date_problem(value, born=self.child_born_on())
            if field.name == "date_of_birth":
                return birth_date_problem(value, today=timezone.localdate())
            if field.name == "meeting_on":
                return meeting_date_problem(value, today=timezone.localdate())
            return date_problem(value)
        return None

    def child_born_on(self) -> dt.date | None:
        """The date of birth of the child this part belongs to, for its due date's rule."""
        owner: Any = self
        for step in ("outcome", "plan", "child"):
            owner = getattr(owner, step, owner) if _has(owner, step) else owner
        born = getattr(owner, "date_of_birth", None)
        return born if isinstance(born, dt.date) else None


def _has(record: object, relation: str) -> bool:
    try:
        return getattr(record, relation, None) is not None
    except Exception:  # an unsaved relation (RelatedObjectDoesNotExist)
        return False
