"""The documents of an issued plan version, stored at issue with their SHA-256.

A download of an issued version returns these bytes, so what a family, school or tribunal is
sent is exactly what was issued, whatever changes in the record later. Rows are never changed:
the database refuses it (docs/adr/0025-issued-plans-are-fixed.md).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models

from goldenthread.web.plans.models.plan import Plan


class DocumentFormat(models.TextChoices):
    DOCX = "docx", "Word"
    PDF = "pdf", "PDF"


class IssuedDocument(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="issued_documents")
    format = models.CharField(max_length=4, choices=DocumentFormat.choices)
    content = models.BinaryField()
    sha256 = models.CharField("SHA-256", max_length=64)
    size = models.PositiveIntegerField()
    made_at = models.DateTimeField(auto_now_add=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["plan", "format"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "format"], name="plans_one_document_each")
        ]

    def __str__(self) -> str:
        return f"{self.get_format_display()} of plan {self.plan_id}"

    @staticmethod
    def digest(content: bytes) -> str:
        return hashlib.sha256(content).hexdigest()

    @property
    def is_intact(self) -> bool:
        """True while the stored bytes still match the SHA-256 taken at issue."""
        return self.digest(bytes(self.content)) == self.sha256
