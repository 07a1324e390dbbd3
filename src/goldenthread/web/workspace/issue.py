"""A plan as a Word document, in the statutory section order of an EHC plan (A to K).

Outcomes (Section E) are grouped by Education, Health and Social Care, each with its themes.
Sections the system does not hold yet say so, rather than being left out.
"""

from __future__ import annotations

import io

from docx import Document

from goldenthread.web.plans.selectors import GoldenThread

DOMAINS = (("education", "Education"), ("health", "Health"), ("social_care", "Social care"))
NEED_SECTIONS = (
    ("B", "Special educational needs", "education"),
    ("C", "Health needs related to special educational needs", "health"),
    ("D", "Social care needs related to special educational needs or disability", "social_care"),
)
PROVISION_SECTIONS = (
    ("F", "Special educational provision", "education"),
    ("G", "Health provision", "health"),
    ("H", "Social care provision", "social_care"),
)
NOT_HELD = "Not recorded in Golden Thread yet."


def plan_docx(thread: GoldenThread) -> bytes:
    """The plan's golden thread as a .docx file."""
    plan = thread.plan
    document = Document()
    document.add_heading(f"{plan.get_kind_display()} for {plan.child.full_name}", level=0)
    document.add_heading("Section A: Views, interests and aspirations", level=1)
    for aspiration in thread.aspirations:
        document.add_paragraph(aspiration.text, style="List Bullet")
    for letter, name, domain in NEED_SECTIONS:
        document.add_heading(f"Section {letter}: {name}", level=1)
        needs = [n for n in thread.needs if n.domain == domain]
        for need in needs:
            document.add_paragraph(need.text, style="List Bullet")
        if not needs:
            document.add_paragraph("None recorded.")
    document.add_heading("Section E: Outcomes", level=1)
    for domain, label in DOMAINS:
        outcomes = [o for o in thread.outcomes if o.domain == domain]
        if not outcomes:
            continue
        document.add_heading(label, level=2)
        for outcome in outcomes:
            document.add_paragraph(outcome.text, style="List Number")
            themes = ", ".join(t.name for t in outcome.themes.all())
            if themes:
                document.add_paragraph(f"Themes: {themes}")
    for letter, name, domain in PROVISION_SECTIONS:
        document.add_heading(f"Section {letter}: {name}", level=1)
        items = [p for p in thread.provision if p.domain == domain]
        for item in items:
            how = "; ".join(
                part
                for part in (item.delivered_by, item.frequency, item.duration, item.location)
                if part
            )
            document.add_paragraph(
                f"{item.description} ({how})" if how else item.description, style="List Bullet"
            )
        if not items:
            document.add_paragraph("None recorded.")
    document.add_heading("Section I: Placement", level=1)
    setting = getattr(plan.child, "current_setting", None)
    document.add_paragraph(str(setting) if setting else NOT_HELD)
    document.add_heading("Section J: Personal budget", level=1)
    document.add_paragraph(NOT_HELD)
    document.add_heading("Section K: Advice and information", level=1)
    document.add_paragraph(NOT_HELD)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
