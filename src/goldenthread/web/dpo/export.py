"""A subject access export a family can read: a web page and a PDF from the same template, in
plain words (dates like 6 December 2026, fields by their labels, no bookkeeping), and the
machine-readable JSON beside them (``security.subject_access``)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.template.loader import render_to_string

from goldenthread.web.plans.models import Child
from goldenthread.web.security.subject_access import child_subject_access_export

PDF_CSS = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: sans-serif; font-size: 11pt; line-height: 1.4; color: #0b0c0c; }
h1 { font-size: 20pt; } h2 { font-size: 15pt; margin-top: 1.4em; }
h3, h4, h5, h6 { font-size: 12pt; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border-bottom: 1px solid #b1b4b6; padding: 4px; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; }
dt { font-weight: bold; } dd { margin: 0 0 0.4em 0; overflow-wrap: anywhere; }
"""
READS_FIRST = (
    "Who has looked at or changed the record",
    "Shared with",
)


ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
CODE = re.compile(r"[a-z]+(?:_[a-z0-9]+)+")


def _plain_date(match: re.Match[str]) -> str:
    try:
        day = dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return match[0]
    return f"{day.day} {day:%B %Y}"


def plain_words(value: Any) -> Any:
    """For the family's copy: dates inside words as "1 September 2027", and a code such as
    "phase_transfer" as "Phase transfer". The JSON keeps the values as they are stored."""
    if isinstance(value, str):
        if CODE.fullmatch(value):
            return value.replace("_", " ").capitalize()
        return ISO_DATE.sub(_plain_date, value)
    if isinstance(value, dict):
        return {key: plain_words(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain_words(item) for item in value]
    return value


def _order(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Who looked and what was shared first: what a family most often asks."""
    first = [s for title in READS_FIRST for s in sections if s["title"] == title]
    return first + [s for s in sections if s not in first]


def export_html(child: Child, *, for_pdf: bool = False) -> str:
    export = plain_words(child_subject_access_export(child))
    return render_to_string(
        "dpo/export.html",
        {
            "child": child,
            "export": export,
            "sections": _order(export["sections"]),
            "css": PDF_CSS,
            "for_pdf": for_pdf,
        },
    )


def export_pdf(child: Child) -> bytes:
    from weasyprint import HTML  # heavy: only when a PDF is asked for

    pdf: bytes = HTML(string=export_html(child, for_pdf=True)).write_pdf()
    return pdf
