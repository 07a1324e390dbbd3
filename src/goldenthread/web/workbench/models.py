"""A file of statements a quality lead uploaded, and one row per statement once checked.

The file's bytes are kept only until the background job has read them (then emptied). The rows
keep the words, the engine's verdict, the checks that failed and the suggested themes, so the
results can be filtered in the database and downloaded.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class UploadStatus(models.TextChoices):
    WAITING = "waiting", "Waiting to start"
    RUNNING = "running", "Checking"
    DONE = "done", "Finished"
    FAILED = "failed", "Could not finish"


class QualityUpload(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quality_uploads"
    )
    file_name = models.CharField(max_length=200)
    content = models.BinaryField(blank=True, default=b"", editable=False)
    status = models.CharField(
        max_length=10, choices=UploadStatus.choices, default=UploadStatus.WAITING
    )
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Upload {self.pk} ({self.status})"

    @property
    def percent(self) -> int:
        if self.status == UploadStatus.DONE:
            return 100
        return min(100, (self.done * 100) // self.total) if self.total else 0


class QualityUploadRow(models.Model):
    upload = models.ForeignKey(QualityUpload, on_delete=models.CASCADE, related_name="rows")
    position = models.PositiveIntegerField()
    record_id = models.CharField(max_length=100)
    text = models.TextField()
    kind = models.CharField(max_length=20)
    smart = models.BooleanField()
    score = models.SmallIntegerField(default=0)
    # ",time_bound,measurable," so one criterion is one LIKE on an indexed upload's rows.
    failing = models.CharField(max_length=300, blank=True)
    themes = models.CharField(max_length=20, blank=True)  # ",1,3,": suggested themes
    suggestion = models.TextField(blank=True)
    # "specific,smart": the fields the learned judge is unsure of (worth a second look, ADR 0062)
    second_look = models.CharField(max_length=200, blank=True, default="")

    class Meta:
        ordering = ["upload", "position"]
        indexes = [models.Index(fields=["upload", "position"], name="workbench_row_order")]

    def __str__(self) -> str:
        return f"Row {self.position} of upload {self.upload_id}"

    @property
    def second_look_words(self) -> str:
        """"Worth a second look: …" in words, or "" when the judge is sure of everything."""
        from goldenthread.core.quality.second_look import second_look_sentence_stored

        return second_look_sentence_stored(self.second_look)

    @property
    def failing_list(self) -> list[str]:
        return [name for name in self.failing.split(",") if name]

    @property
    def theme_list(self) -> list[int]:
        return [int(n) for n in self.themes.split(",") if n]
