"""Find the aspirations (Section A), outcomes (Section E) and provision (F, G, H) in a Word plan.

Local authorities lay plans out in many ways. This reader understands the common ones:

* a heading per section ("Section E: Outcomes", "Part F - Special educational provision",
  "E. Outcomes") followed by paragraphs or bullets, with sub-headings for Education, Health and
  Social Care;
* a table whose header row names its columns (Outcome | Provision | Who | How often), with
  full-width rows for Education, Health and Social Care;
* a table with a section letter in a column ("E", "F") and an area column.

Text outside those sections (the cover, needs, placement, advice) is left out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from goldenthread.core.audit.limits import MAX_ROWS
from goldenthread.core.audit.model import (
    MAX_TEXT_BYTES,
    MSG_CORRUPT_DOCX,
    MSG_TEXT_TOO_LONG,
    MSG_TOO_MANY_STATEMENTS,
    AuditInputError,
    AuditItem,
)

# The sections whose statements are audited.
AUDITED_SECTIONS = frozenset("AEFGH")
PROVISION_SECTION_BY_DOMAIN = {"education": "F", "health": "G", "social care": "H"}
DOMAIN_BY_SECTION = {"B": "education", "C": "health", "D": "social care"} | {
    section: domain for domain, section in PROVISION_SECTION_BY_DOMAIN.items()
}

_SECTION_WORDS = re.compile(
    r"^\s*(?:sections?|part)\s+([A-K])\s*\d?\b(?:\s*(?:,|and|&)\s*([A-K])\b)*", re.IGNORECASE
)
_LETTER_HEADING = re.compile(r"^\s*([A-K])\d?\s*[:.)\-–—]\s+\S")
_LONE_LETTER = re.compile(r"^\s*([A-K])\d?\s*$")
_DOB = re.compile(r"\b(?:date of birth|d\.?o\.?b\.?)\s*[:\-–]?\s*(.*)$", re.IGNORECASE)

# Section titles used without a letter, most specific first.
_TITLE_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("aspiration", "A"),
    ("special educational need", "B"),
    ("health need", "C"),
    ("social care need", "D"),
    ("outcome", "E"),
    ("special educational provision", "F"),
    ("educational provision", "F"),
    ("health provision", "G"),
    ("social care provision", "H"),
    ("placement", "I"),
    ("personal budget", "J"),
    ("advice and information", "K"),
)
_DOMAIN_WORDS: tuple[tuple[str, str], ...] = (
    ("social care", "social care"),
    ("social", "social care"),
    ("care", "social care"),
    ("education", "education"),
    ("educational", "education"),
    ("learning", "education"),
    ("health", "health"),
)
_LABEL_NOISE = re.compile(
    r"\b(outcomes?|provision|needs?|and training|section|part|[A-K]\d?)\b|[:\-–—.()]", re.IGNORECASE
)
_COLUMN_ROLES: tuple[tuple[str, str], ...] = (
    ("aspiration", "aspiration"),
    ("provision", "provision"),
    ("support", "provision"),
    ("intervention", "provision"),
    ("outcome", "outcome"),
    ("target", "outcome"),
    ("step", "outcome"),
    ("section", "section"),
    ("part", "section"),
    ("area", "domain"),
    ("domain", "domain"),
    ("statement", "text"),
    ("description", "text"),
    ("text", "text"),
)


@dataclass
class _State:
    section: str | None = None
    also: str | None = None  # a second section named in the same heading ("E and F")
    domain: str | None = None
    date_of_birth: dt.date | None = None
    items: list[AuditItem] = field(default_factory=list)


def docx_items_read(raw: bytes, *, name: str) -> list[AuditItem]:
    """Read the audited sections of a Word document, in document order."""
    import docx
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise AuditInputError(MSG_CORRUPT_DOCX.format(file=name, reason=error)) from error
    except Exception as error:  # python-docx and lxml raise many types for broken files
        raise AuditInputError(MSG_CORRUPT_DOCX.format(file=name, reason=error)) from error
    state = _State()
    paragraph_number = table_number = 0
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph_number += 1
            _paragraph_read(Paragraph(child, document), state, f"p{paragraph_number}", name)
        elif child.tag == qn("w:tbl"):
            table_number += 1
            _table_read(Table(child, document), state, table_number, name)
    if state.date_of_birth is not None:
        return [_with_dob(item, state.date_of_birth) for item in state.items]
    return state.items


def _with_dob(item: AuditItem, date_of_birth: dt.date) -> AuditItem:
    return item if item.date_of_birth else dataclasses.replace(item, date_of_birth=date_of_birth)


def _paragraph_read(paragraph: Any, state: _State, position: str, name: str) -> None:
    text = paragraph.text.strip()
    if not text:
        return
    style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    looks_like_heading = style.startswith(("heading", "title")) or _is_bold_label(paragraph, text)
    if _heading_apply(text, state, looks_like_heading=looks_like_heading):
        return
    if _dob_apply(text, state):
        return
    if state.section in AUDITED_SECTIONS and not looks_like_heading:
        _item_add(state, position, text, name, section=state.section, domain=state.domain)


def _is_bold_label(paragraph: Any, text: str) -> bool:
    runs = [run for run in paragraph.runs if run.text.strip()]
    bold = bool(runs) and all(run.bold for run in runs)
    return (bold and len(text) < 80 and not text.endswith(".")) or (
        len(text) < 40 and text.endswith(":")
    )


def _heading_apply(text: str, state: _State, *, looks_like_heading: bool) -> bool:
    """Update the section or domain if ``text`` is a heading; say whether it was one."""
    match = _SECTION_WORDS.match(text)
    if match is None and len(text) < 80:
        match = _LETTER_HEADING.match(text) if looks_like_heading else None
    if match is not None:
        letters = re.findall(r"\b([A-K])\b", text[: match.end()])
        state.section = letters[0].upper() if letters else match.group(1).upper()
        state.also = letters[1].upper() if len(letters) > 1 else None
        state.domain = DOMAIN_BY_SECTION.get(state.section) or (
            _domain_of(text[match.end() :]) if len(text) < 80 else None
        )
        return True
    if not looks_like_heading:
        domain = _domain_label(text)
        if domain is not None:
            state.domain = domain
            return True
        return False
    lowered = text.lower()
    for keyword, section in _TITLE_KEYWORDS:
        if keyword in lowered:
            state.section, state.also = section, None
            state.domain = DOMAIN_BY_SECTION.get(section) or _domain_of(text)
            return True
    domain = _domain_label(text)
    if domain is not None:
        state.domain = domain
    return True


def _domain_of(text: str) -> str | None:
    lowered = text.lower()
    for word, domain in _DOMAIN_WORDS:
        if re.search(rf"\b{word}\b", lowered):
            return domain
    return None


def _domain_label(text: str) -> str | None:
    """The domain if ``text`` is nothing but a domain label ("Health", "Social care outcomes:")."""
    if len(text) > 40:
        return None
    left = _LABEL_NOISE.sub(" ", text).strip().lower()
    left = re.sub(r"\s+", " ", left)
    for word, domain in _DOMAIN_WORDS:
        if left == word:
            return domain
    return None


def _dob_apply(text: str, state: _State) -> bool:
    match = _DOB.search(text)
    if match is None or len(text) > 60:
        return False
    parsed = _loose_date(match.group(1))
    if parsed is not None:
        state.date_of_birth = parsed
    return True


def _loose_date(text: str) -> dt.date | None:
    from dateutil import parser

    text = text.strip()
    if not text:
        return None
    try:
        return parser.parse(text, dayfirst=True).date()
    except (ValueError, OverflowError):
        return None


def _item_add(
    state: _State,
    position: str,
    text: str,
    name: str,
    *,
    section: str | None,
    domain: str | None,
    extra: dict[str, Any] | None = None,
) -> None:
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise AuditInputError(MSG_TEXT_TOO_LONG.format(file=name, line=position))
    if len(state.items) >= MAX_ROWS:
        raise AuditInputError(MSG_TOO_MANY_STATEMENTS.format(file=name, limit=f"{MAX_ROWS:,}"))
    state.items.append(
        AuditItem(position=position, text=text, section=section, domain=domain, extra=extra or {})
    )


def _row_cells(row: Any) -> list[Any]:
    """The row's cells, each merged cell once."""
    seen: set[int] = set()
    cells = []
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        cells.append(cell)
    return cells


def _column_role(header: str) -> str:
    lowered = header.lower()
    for keyword, role in _COLUMN_ROLES:
        if keyword in lowered:
            return role
    return "extra"


def _table_read(table: Any, state: _State, number: int, name: str) -> None:
    roles: list[str] | None = None
    headers: list[str] = []
    for row_number, row in enumerate(table.rows, 1):
        cells = _row_cells(row)
        texts = [cell.text.strip() for cell in cells]
        filled = [text for text in texts if text]
        if not filled:
            continue
        if len(cells) == 1 or (len(filled) == 1 and _is_label(filled[0])):
            _single_cell_row(filled[0], state, f"t{number}.r{row_number}", name)
            continue
        if roles is None and _is_header(texts):
            headers = texts
            roles = [_column_role(text) for text in texts]
            continue
        if _dob_row(texts, state):
            continue
        position = f"t{number}.r{row_number}"
        if roles is not None:
            _row_with_roles(texts, roles, headers, state, position=position, name=name)
        else:
            _row_without_roles(texts, state, position, name)


def _single_cell_row(text: str, state: _State, position: str, name: str) -> None:
    if _heading_apply(text, state, looks_like_heading=len(text) < 80 and not text.endswith(".")):
        return
    if state.section in AUDITED_SECTIONS and not _dob_apply(text, state):
        _item_add(state, f"{position}.c1", text, name, section=state.section, domain=state.domain)


def _is_label(text: str) -> bool:
    return _domain_label(text) is not None or _SECTION_WORDS.match(text) is not None


def _is_header(texts: list[str]) -> bool:
    roles = [_column_role(text) for text in texts if text]
    return any(role != "extra" for role in roles) and all(len(text) < 50 for text in texts)


def _dob_row(texts: list[str], state: _State) -> bool:
    for index, text in enumerate(texts):
        if _DOB.fullmatch(text.strip()) and len(text) < 60:
            value = _DOB.fullmatch(text.strip())
            rest = value.group(1) if value else ""
            if not rest and index + 1 < len(texts):
                rest = texts[index + 1]
            parsed = _loose_date(rest)
            if parsed is not None:
                state.date_of_birth = parsed
            return True
    return False


def _row_with_roles(
    texts: list[str],
    roles: list[str],
    headers: list[str],
    state: _State,
    *,
    position: str,
    name: str,
) -> None:
    row_section, row_domain = state.section, state.domain
    extra: dict[str, Any] = {}
    for text, role, header in zip(texts, roles, headers, strict=False):
        if role == "section" and text:
            match = _LONE_LETTER.match(text) or _SECTION_WORDS.match(text)
            row_section = match.group(1).upper() if match else row_section
        elif role == "domain" and text:
            found = _domain_of(text)
            if found is not None:
                row_domain = found
            else:
                extra[header.lower()] = text
        elif role == "extra" and text:
            extra[header.lower()] = text
    for column, (text, role) in enumerate(zip(texts, roles, strict=False), 1):
        if not text:
            continue
        section = _section_for_role(role, row_section, row_domain, state)
        if section is None or section not in AUDITED_SECTIONS:
            continue
        _item_add(
            state,
            f"{position}.c{column}",
            text,
            name,
            section=section,
            domain=row_domain,
            extra=extra,
        )


def _section_for_role(
    role: str, row_section: str | None, row_domain: str | None, state: _State
) -> str | None:
    if role == "aspiration":
        return "A"
    if role == "outcome":
        return "E"
    if role == "provision":
        for section in (row_section, state.also):
            if section in {"F", "G", "H"}:
                return section
        return PROVISION_SECTION_BY_DOMAIN.get(row_domain or "education", "F")
    if role == "text":
        return row_section
    return None


def _row_without_roles(texts: list[str], state: _State, position: str, name: str) -> None:
    row_section, row_domain = state.section, state.domain
    statements: list[tuple[int, str]] = []
    for column, text in enumerate(texts, 1):
        if not text:
            continue
        letter = _LONE_LETTER.match(text)
        if letter is not None:
            row_section = letter.group(1).upper()
            continue
        domain = _domain_label(text)
        if domain is not None:
            row_domain = domain
            continue
        statements.append((column, text))
    if row_section not in AUDITED_SECTIONS:
        return
    for column, text in statements:
        _item_add(
            state, f"{position}.c{column}", text, name, section=row_section, domain=row_domain
        )
