"""Real zip bombs: valid Excel and Word files whose one big part unzips to far more than they
weigh. Used by tests/core/test_audit_limits.py and bench/bench_input_limits.py."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from openpyxl import Workbook

FIXTURES = Path(__file__).parents[1] / "fixtures" / "audit"
SHEET_PART = "xl/worksheets/sheet1.xml"
DOCUMENT_PART = "word/document.xml"
CHUNK_BYTES = 1024 * 1024

# A sheet needs no row or cell references ("r" is optional), so every row can be the same bytes.
SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    b'<row><c t="inlineStr"><is><t>text</t></is></c></row>'
)
SHEET_ROW = b'<row><c t="inlineStr"><is><t>By July 2027 I will read aloud.</t></is></c></row>'
SHEET_TAIL = b"</sheetData></worksheet>"

WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT_HEAD = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{WORD_NS}">'
    "<w:body><w:p><w:r><w:t>Section E: Outcomes</w:t></w:r></w:p>"
).encode()
DOCUMENT_PARAGRAPH = b"<w:p><w:r><w:t>By July 2027 I will read aloud.</w:t></w:r></w:p>"
DOCUMENT_TAIL = b"</w:body></w:document>"


def _repeated_write(handle: io.BufferedIOBase, unit: bytes, total: int) -> int:
    """Write whole copies of ``unit`` until about ``total`` bytes; return how many copies."""
    chunk = unit * max(1, CHUNK_BYTES // len(unit))
    copies_per_chunk = len(chunk) // len(unit)
    written = copies = 0
    while written + len(chunk) <= total:
        handle.write(chunk)
        written += len(chunk)
        copies += copies_per_chunk
    while written + len(unit) <= total:
        handle.write(unit)
        written += len(unit)
        copies += 1
    return copies


def _bomb_write(
    source: bytes,
    path: Path,
    *,
    part: str,
    head: bytes,
    unit: bytes,
    tail: bytes,
    unzipped_bytes: int,
    padding_bytes: int,
) -> int:
    copies = 0
    with (
        zipfile.ZipFile(io.BytesIO(source)) as original,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb,
    ):
        for info in original.infolist():
            if info.filename != part:
                bomb.writestr(info, original.read(info))
                continue
            with bomb.open(part, "w", force_zip64=unzipped_bytes > 2**31) as handle:
                handle.write(head)
                copies = _repeated_write(handle, unit, unzipped_bytes - len(head) - len(tail))
                handle.write(tail)
        if padding_bytes:  # an incompressible picture, to make the file weigh what a real one does
            bomb.writestr(
                zipfile.ZipInfo("docProps/thumbnail.jpeg"),
                _noise(padding_bytes),
                compress_type=zipfile.ZIP_STORED,
            )
    return copies


def _noise(size: int) -> bytes:
    import random

    return random.Random(14).randbytes(size)


def xlsx_bomb_write(path: Path, *, unzipped_bytes: int, padding_bytes: int = 0) -> int:
    """A valid workbook whose first sheet is a 'text' header then about ``unzipped_bytes`` of
    identical statement rows; return the number of statement rows."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["text"])
    out = io.BytesIO()
    book.save(out)
    return _bomb_write(
        out.getvalue(),
        path,
        part=SHEET_PART,
        head=SHEET_HEAD,
        unit=SHEET_ROW,
        tail=SHEET_TAIL,
        unzipped_bytes=unzipped_bytes,
        padding_bytes=padding_bytes,
    )


def docx_bomb_write(path: Path, *, unzipped_bytes: int, padding_bytes: int = 0) -> int:
    """A valid Word plan (a committed fixture with its body replaced) whose Section E holds about
    ``unzipped_bytes`` of identical outcome paragraphs; return the number of paragraphs."""
    return _bomb_write(
        (FIXTURES / "plan-headings.docx").read_bytes(),
        path,
        part=DOCUMENT_PART,
        head=DOCUMENT_HEAD,
        unit=DOCUMENT_PARAGRAPH,
        tail=DOCUMENT_TAIL,
        unzipped_bytes=unzipped_bytes,
        padding_bytes=padding_bytes,
    )


def declared_size_set(raw: bytes, *, part: str, size: int) -> bytes:
    """The zip with ``part``'s uncompressed size in the central directory replaced by ``size``
    (a file that lies about how big it unzips to). Works for parts without zip64 sizes."""
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        names = [info.filename for info in archive.infolist()]
    data = bytearray(raw)
    position = data.find(b"PK\x01\x02")
    for name in names:
        name_length = int.from_bytes(data[position + 28 : position + 30], "little")
        extra_length = int.from_bytes(data[position + 30 : position + 32], "little")
        comment_length = int.from_bytes(data[position + 32 : position + 34], "little")
        if name == part:
            data[position + 24 : position + 28] = size.to_bytes(4, "little")
            return bytes(data)
        position += 46 + name_length + extra_length + comment_length
    raise KeyError(part)
