"""The issued plan as a Word document and as a PDF, both from ``document.plan_document``."""

from __future__ import annotations

import io

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from docx import Document

from goldenthread.web.workspace.document import PlanDocument

PRINT_CSS = "gt/plan-print.css"


def plan_docx(document: PlanDocument) -> bytes:
    """The plan as a .docx file: a heading per section, A to K, in order."""
    word = Document()
    word.add_heading(document.title, level=0)
    word.add_paragraph(document.status_line)
    for section in document.sections:
        word.add_heading(section.heading, level=1)
        for group in section.groups:
            if group.heading:
                word.add_heading(group.heading, level=2)
            for entry in group.entries:
                if entry.label:
                    word.add_paragraph().add_run(entry.label).bold = True
                word.add_paragraph(entry.text, style="List Bullet")
                for note in entry.notes:
                    word.add_paragraph(note)
        if not section.has_entries:
            word.add_paragraph(section.empty)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def plan_pdf(document: PlanDocument) -> bytes:
    """The plan as a PDF made by WeasyPrint, styled by a static print stylesheet."""
    from weasyprint import CSS, HTML  # heavy: only when a PDF is asked for

    html = render_to_string("workspace/plan_pdf.html", {"document": document})
    stylesheet = finders.find(PRINT_CSS)
    assert isinstance(stylesheet, str)
    pdf: bytes = HTML(string=html).write_pdf(stylesheets=[CSS(filename=stylesheet)])
    return pdf
