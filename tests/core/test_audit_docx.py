"""Finding aspirations, outcomes and provision in Word plans laid out the ways councils do it.

The three builders below are the layouts in tests/fixtures/audit/*.docx (rebuild them with
``python tests/core/test_audit_docx.py``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from docx.document import Document

from goldenthread.core.audit.model import MSG_CORRUPT_DOCX, AuditInputError
from goldenthread.core.audit.readers import audit_items_read

FIXTURES = Path(__file__).parents[1] / "fixtures" / "audit"


def plan_with_headings() -> Document:
    """Layout 1: a heading per section, sub-headings per domain, bullets underneath."""
    document = docx.Document()
    document.add_heading("Education, Health and Care Plan", 0)
    document.add_paragraph("Name: Maya Okafor")
    document.add_paragraph("Date of birth: 14/05/2016")
    document.add_heading("Section A: My views, interests and aspirations", 1)
    document.add_paragraph("I love drawing horses and going to the park with my brother.")
    document.add_paragraph("When I grow up I want to look after animals at a farm.")
    document.add_heading("Section B: Special educational needs", 1)
    document.add_paragraph("Maya has difficulty understanding spoken instructions.")
    document.add_heading("Section E: Outcomes", 1)
    document.add_heading("Education", 2)
    document.add_paragraph(
        "By the end of Year 6, I will follow a three-step instruction in class without a reminder.",
        style="List Bullet",
    )
    document.add_paragraph("To make progress in reading.", style="List Bullet")
    document.add_heading("Health", 2)
    document.add_paragraph(
        "By July 2027, I will tell an adult when I need the toilet, at school and at home.",
        style="List Bullet",
    )
    document.add_heading("Social Care", 2)
    document.add_paragraph(
        "By my next review I will go to a Saturday club with a friend twice a month.",
        style="List Bullet",
    )
    document.add_heading("Section F: Special educational provision", 1)
    document.add_paragraph(
        "Small group phonics, 20 minutes daily, led by a trained teaching assistant."
    )
    document.add_heading("Section G: Health provision", 1)
    document.add_paragraph("Continence nurse review every 6 months.")
    document.add_heading("Section I: Placement", 1)
    document.add_paragraph("Elm Primary School")
    return document


def plan_with_outcome_table() -> Document:
    """Layout 2: one table for E to H with Outcome | Provision | Who | How often columns."""
    document = docx.Document()
    document.add_paragraph("EHC PLAN - CONFIDENTIAL")
    heading = document.add_paragraph()
    heading.add_run("My aspirations").bold = True
    document.add_paragraph("I want to live in my own flat and work in a bike shop.")
    document.add_heading("Sections E to H: Outcomes and provision", 1)
    table = document.add_table(rows=1, cols=4)
    for cell, title in zip(
        table.rows[0].cells, ["Outcome", "Provision", "Who", "How often"], strict=True
    ):
        cell.text = title
    rows = [
        ("Education", None, None, None),
        (
            "By the end of Year 11, I will use a checklist to pack my equipment for each lesson.",
            "Visual checklist taught by the key worker",
            "Key worker",
            "Daily",
        ),
        ("Health", None, None, None),
        (
            "By Easter 2027 I will be able to name three ways to calm down when I feel angry.",
            "CAMHS group sessions",
            "Clinical psychologist",
            "Weekly for 10 weeks",
        ),
        ("Social care", None, None, None),
        (
            "Jay will be supported to access the community.",
            "Short breaks",
            "Social worker",
            "2 days a month",
        ),
    ]
    for outcome, provision, who, often in rows:
        cells = table.add_row().cells
        if provision is None:
            merged = cells[0].merge(cells[3])
            merged.text = outcome
            continue
        for cell, value in zip(cells, (outcome, provision, who, often), strict=True):
            cell.text = value
    return document


def plan_with_lettered_rows() -> Document:
    """Layout 3: one big table with a section letter column and an area column."""
    document = docx.Document()
    document.add_paragraph("Education, Health and Care Plan")
    table = document.add_table(rows=0, cols=3)
    rows = [
        ("Name", "Sam Ellis", ""),
        ("Date of birth", "03/02/2009", ""),
        ("Section", "Area", "Statement"),
        ("A", "", "I would like to work in a kitchen and cook for people."),
        ("B", "Cognition and learning", "Sam has a moderate learning difficulty."),
        ("E", "Education", "By June 2027 Sam will make a hot drink safely on his own at college."),
        ("E", "Health", "Sam will be healthier."),
        ("F", "Education", "Travel training with a job coach, 2 mornings a week for a term."),
        ("H", "Social care", "Personal assistant for 6 hours a week to go to the gym."),
    ]
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    return document


def _read(
    document: Document, tmp_path: Path, name: str = "plan.docx"
) -> list[tuple[str | None, str | None, str]]:
    path = tmp_path / name
    document.save(str(path))
    return [(item.section, item.domain, item.text[:30]) for item in audit_items_read(path)]


def test_headings_layout(tmp_path: Path) -> None:
    found = _read(plan_with_headings(), tmp_path)
    assert found == [
        ("A", None, "I love drawing horses and goin"),
        ("A", None, "When I grow up I want to look "),
        ("E", "education", "By the end of Year 6, I will f"),
        ("E", "education", "To make progress in reading."),
        ("E", "health", "By July 2027, I will tell an a"),
        ("E", "social care", "By my next review I will go to"),
        ("F", "education", "Small group phonics, 20 minute"),
        ("G", "health", "Continence nurse review every "),
    ]


def test_headings_layout_reads_date_of_birth_and_positions(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    plan_with_headings().save(str(path))
    items = audit_items_read(path)
    assert {item.date_of_birth for item in items} == {dt.date(2016, 5, 14)}
    assert all(str(item.record_id).startswith("p") for item in items)


def test_outcome_table_layout(tmp_path: Path) -> None:
    found = _read(plan_with_outcome_table(), tmp_path)
    assert found == [
        ("A", None, "I want to live in my own flat "),
        ("E", "education", "By the end of Year 11, I will "),
        ("F", "education", "Visual checklist taught by the"),
        ("E", "health", "By Easter 2027 I will be able "),
        ("G", "health", "CAMHS group sessions"),
        ("E", "social care", "Jay will be supported to acces"),
        ("H", "social care", "Short breaks"),
    ]


def test_outcome_table_keeps_who_and_how_often(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    plan_with_outcome_table().save(str(path))
    provision = next(item for item in audit_items_read(path) if item.section == "G")
    assert provision.extra == {"who": "Clinical psychologist", "how often": "Weekly for 10 weeks"}
    assert provision.record_id == "t1.r5.c2"


def test_lettered_rows_layout(tmp_path: Path) -> None:
    found = _read(plan_with_lettered_rows(), tmp_path)
    assert found == [
        ("A", None, "I would like to work in a kitc"),
        ("E", "education", "By June 2027 Sam will make a h"),
        ("E", "health", "Sam will be healthier."),
        ("F", "education", "Travel training with a job coa"),
        ("H", "social care", "Personal assistant for 6 hours"),
    ]
    path = tmp_path / "plan.docx"
    assert {item.date_of_birth for item in audit_items_read(path)} == {dt.date(2009, 2, 3)}


@pytest.mark.parametrize(
    "name", ["plan-headings.docx", "plan-outcome-table.docx", "plan-lettered-rows.docx"]
)
def test_committed_fixtures_read(name: str) -> None:
    items = audit_items_read(FIXTURES / name)
    assert {item.section for item in items} >= {"A", "E"}


def test_corrupt_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(AuditInputError) as caught:
        audit_items_read(path)
    assert caught.value.message.startswith(MSG_CORRUPT_DOCX.split("(")[0].format(file="plan.docx"))


if __name__ == "__main__":
    plan_with_headings().save(str(FIXTURES / "plan-headings.docx"))
    plan_with_outcome_table().save(str(FIXTURES / "plan-outcome-table.docx"))
    plan_with_lettered_rows().save(str(FIXTURES / "plan-lettered-rows.docx"))
