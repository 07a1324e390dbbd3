"""What every editable part of a child's record shares: who changed it, when, and a version.

``row_version`` lets a save detect that someone else changed the record since the form was
opened (optimistic locking, see ``goldenthread.web.plans.services.common``). ``archived_at``
takes a part out of the plan without deleting it: nothing is lost, and history is kept.
"""

from __future__ import annotations

from django.db import models


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
