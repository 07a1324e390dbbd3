"""Read an uploaded file into statements, and check them in the background (ADR 0023 jobs).

The file is read and every line checked when it is uploaded, so a bad file gets a message
naming the line and nothing is saved. The job then runs the same quality engine and theme
linking as ``goldenthread audit`` (``core.audit``), a chunk at a time, saving how far it has
got so the page can show a progress bar.
"""

from __future__ import annotations

import logging
from pathlib import PurePath

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from goldenthread.core.audit.limits import MAX_FILE_BYTES, size_text, zip_container_check
from goldenthread.core.audit.model import (
    MSG_FILE_TOO_BIG,
    MSG_NO_STATEMENTS,
    AuditInputError,
    AuditItem,
)
from goldenthread.core.audit.readers import csv_items_read, xlsx_items_read
from goldenthread.core.audit.runner import audit_stream
from goldenthread.core.quality.second_look import second_look_stored
from goldenthread.web.accounts.models import User
from goldenthread.web.workbench.models import QualityUpload, QualityUploadRow, UploadStatus

logger = logging.getLogger(__name__)
JOB = "goldenthread.web.workbench.jobs.upload_check"
KINDS = {".csv": "csv", ".xlsx": "xlsx", ".docx": "docx"}
MSG_UPLOAD_FORMAT = "{file}: use a CSV (.csv), Excel (.xlsx) or Word (.docx) file"
CHUNK = 50  # statements between progress updates
THEME_CONFIDENCE = 0.5  # a suggested theme is kept when the linker is at least this sure


def upload_items_read(raw: bytes, *, name: str) -> list[AuditItem]:
    """Every statement in the file, checked; ``AuditInputError`` names the file and line."""
    kind = KINDS.get(PurePath(name).suffix.lower())
    if kind is None:
        raise AuditInputError(MSG_UPLOAD_FORMAT.format(file=name))
    if len(raw) > MAX_FILE_BYTES:
        raise AuditInputError(
            MSG_FILE_TOO_BIG.format(
                file=name, size=size_text(len(raw)), limit=size_text(MAX_FILE_BYTES)
            )
        )
    if kind in {"xlsx", "docx"}:
        zip_container_check(raw, name=name, kind=kind)
    if kind == "csv":
        items = csv_items_read(raw, name=name)
    elif kind == "xlsx":
        items = xlsx_items_read(raw, name=name)
    else:
        from goldenthread.core.audit.docx_reader import docx_items_read

        items = docx_items_read(raw, name=name)
    if not items:
        raise AuditInputError(MSG_NO_STATEMENTS.format(file=name))
    return items


def run_now() -> bool:
    """Tests (and a server run without a job worker, if set) check the file in the request."""
    return bool(getattr(settings, "WORKBENCH_RUN_NOW", settings.ENVIRONMENT == "test"))


def upload_start(*, owner: User, name: str, raw: bytes, total: int) -> QualityUpload:
    """Save the upload and queue its check (after the save is committed)."""
    upload = QualityUpload.objects.create(
        owner=owner, file_name=name[:200], content=raw, total=total
    )
    if run_now():
        upload_check(upload.pk)
        upload.refresh_from_db()
    else:
        transaction.on_commit(lambda: _enqueue(upload.pk))
    return upload


def _enqueue(upload_id: int) -> None:
    from django_q.tasks import async_task

    async_task(JOB, upload_id, task_name=f"quality upload {upload_id}")


def _row(upload: QualityUpload, position: int, record: dict[str, object]) -> QualityUploadRow:
    criteria = record.get("criteria") or {}
    assert isinstance(criteria, dict)
    failing = [name for name, found in criteria.items() if found.get("status") == "fail"]
    links = record.get("themes") or []
    assert isinstance(links, list)
    themes = sorted(
        int(link["theme"]) for link in links if float(link.get("confidence", 0)) >= THEME_CONFIDENCE
    )
    unsure = record.get("unsure") or []
    assert isinstance(unsure, list)
    return QualityUploadRow(
        upload=upload,
        position=position,
        record_id=str(record.get("id", position))[:100],
        text=str(record.get("text", "")),
        kind=str(record.get("kind", ""))[:20],
        smart=bool(record.get("smart")),
        score=int(str(record.get("score") or 0)),
        failing="," + ",".join(failing) + "," if failing else "",
        themes="," + ",".join(map(str, themes)) + "," if themes else "",
        suggestion=str(record.get("suggestion") or ""),
        second_look=second_look_stored(str(name) for name in unsure)[:200],
    )


def upload_check(upload_id: int) -> dict[str, int]:
    """The job: check every statement, saving progress after each chunk."""
    upload = QualityUpload.objects.get(pk=upload_id)
    try:
        items = upload_items_read(bytes(upload.content), name=upload.file_name)
        QualityUpload.objects.filter(pk=upload.pk).update(
            status=UploadStatus.RUNNING, total=len(items), done=0
        )
        done = 0

        def progress(count: int) -> None:
            nonlocal done
            done += count
            QualityUpload.objects.filter(pk=upload.pk).update(done=done)

        batch: list[QualityUploadRow] = []
        today = timezone.localdate()
        for position, result in enumerate(
            audit_stream(items, today=today, progress=progress, workers=1, chunk_size=CHUNK),
            start=1,
        ):
            batch.append(_row(upload, position, result.record()))
            if len(batch) >= CHUNK:
                QualityUploadRow.objects.bulk_create(batch)
                batch = []
        QualityUploadRow.objects.bulk_create(batch)
    except AuditInputError as problem:
        _finish(upload, UploadStatus.FAILED, problem.message)
        return {"statements": 0}
    except Exception as problem:  # recorded for the person; the job runner logs the type
        logger.error("quality upload %s failed: %s", upload.pk, type(problem).__name__)
        _finish(upload, UploadStatus.FAILED, "Something went wrong while checking the file.")
        raise
    _finish(upload, UploadStatus.DONE, "")
    return {"statements": len(items)}


def _finish(upload: QualityUpload, status: str, error: str) -> None:
    QualityUpload.objects.filter(pk=upload.pk).update(
        status=status, error=error[:500], content=b"", finished_at=timezone.now()
    )
