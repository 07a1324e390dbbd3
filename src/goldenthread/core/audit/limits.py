"""Limits on the files the audit reads, checked before any parser sees a byte of content.

A file is refused (with a message naming the file and the limit) when it is too big on disk, when
a Word or Excel file (a zip container) says it unzips to too much, holds too many parts or packs
one part too tightly, or when it has too many rows or too long a cell. See
docs/adr/0020-input-limits-and-spreadsheet-output.md for where the numbers come from.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from goldenthread.core.audit.model import (
    MSG_CORRUPT_DOCX,
    MSG_CORRUPT_XLSX,
    MSG_FILE_TOO_BIG,
    MSG_PART_TOO_PACKED,
    MSG_TOO_MANY_PARTS,
    MSG_UNREADABLE,
    MSG_UNZIPPED_TOO_BIG,
    AuditInputError,
)

MEGABYTE = 1024 * 1024
# Size on disk, any format. 100,000 statements of a realistic length are about 15 MB of CSV.
MAX_FILE_BYTES = 50 * MEGABYTE
# Everything in a Word or Excel file once unzipped: 100,000 rows of a sheet are about 25 MB.
MAX_UNZIPPED_BYTES = 100 * MEGABYTE
# Parts (files) inside a Word or Excel zip; real ones hold 10 to a few hundred.
MAX_ZIP_PARTS = 1000
# Unzipped size over packed size of one part. Apache POI's zip bomb check uses the same 100:1.
MAX_COMPRESSION_RATIO = 100
# Parts smaller than this unzipped are not ratio-checked (they cannot hurt; POI's grace is 100 KB).
RATIO_GRACE_BYTES = 1 * MEGABYTE
# Data rows of a CSV or XLSX file, lines of JSONL, statements found in a Word file.
MAX_ROWS = 200_000
# Any one cell or statement, in UTF-8 bytes (the audit's statement limit, applied to every cell).
MAX_CELL_BYTES = 100 * 1024

ZIP_FORMATS = {"xlsx": MSG_CORRUPT_XLSX, "docx": MSG_CORRUPT_DOCX}


def size_text(size: int) -> str:
    """A byte count as people write it: "7.2 GB", "200 MB", "100 KB"."""
    for unit, scale in (("GB", 1024**3), ("MB", MEGABYTE), ("KB", 1024)):
        if size >= scale:
            value = round(size / scale, 1)
            return f"{value:.0f} {unit}" if value.is_integer() else f"{value:.1f} {unit}"
    return f"{size} bytes"


def file_bytes_read(path: Path, *, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, refusing it from its size before reading, and never reading past the
    limit (a file that grows while it is read is refused too)."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise AuditInputError(_too_big(path.name, size, limit))
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as error:
        raise AuditInputError(
            MSG_UNREADABLE.format(file=path.name, reason=error.strerror or error)
        ) from error
    if len(raw) > limit:
        raise AuditInputError(_too_big(path.name, len(raw), limit))
    return raw


def _too_big(name: str, size: int, limit: int) -> str:
    return MSG_FILE_TOO_BIG.format(file=name, size=size_text(size), limit=size_text(limit))


def zip_container_check(raw: bytes, *, name: str, kind: str) -> None:
    """Refuse a Word or Excel file from its zip directory alone, before it is opened.

    The sizes checked are the ones the directory declares. Python's zipfile (which openpyxl and
    python-docx both use) never returns more bytes of a part than its declared size and fails the
    part's checksum if the data goes on, so a file that lies about its sizes is refused as broken
    rather than unzipped past these limits.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise AuditInputError(ZIP_FORMATS[kind].format(file=name, reason=error)) from error
    if len(parts) > MAX_ZIP_PARTS:
        count, limit = f"{len(parts):,}", f"{MAX_ZIP_PARTS:,}"
        raise AuditInputError(MSG_TOO_MANY_PARTS.format(file=name, count=count, limit=limit))
    unzipped = sum(part.file_size for part in parts)
    if unzipped > MAX_UNZIPPED_BYTES:
        raise AuditInputError(
            MSG_UNZIPPED_TOO_BIG.format(
                file=name, size=size_text(unzipped), limit=size_text(MAX_UNZIPPED_BYTES)
            )
        )
    for part in parts:
        if part.file_size <= RATIO_GRACE_BYTES:
            continue
        if part.file_size > MAX_COMPRESSION_RATIO * part.compress_size:
            ratio = part.file_size // max(part.compress_size, 1)
            raise AuditInputError(
                MSG_PART_TOO_PACKED.format(
                    file=name, part=part.filename, ratio=f"{ratio:,}", limit=MAX_COMPRESSION_RATIO
                )
            )
