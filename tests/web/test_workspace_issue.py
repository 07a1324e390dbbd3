"""The plan issued as a Word document, read back with python-docx."""

from __future__ import annotations

import io

from docx import Document

from tests.web.conftest import PageClient
from tests.web.factories import Area


def test_the_word_document_has_sections_a_to_k_and_the_outcomes_under_e(
    coordinator_page: PageClient, area: Area
) -> None:
    response = coordinator_page.client.get(f"/plans/{area.thread.plan.pk}/issue.docx")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    document = Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert [h.split(":")[0] for h in headings] == [f"Section {x}" for x in "ABCDEFGHIJK"]
    texts = [p.text for p in document.paragraphs]
    start = texts.index("Section E: Outcomes")
    end = texts.index("Section F: Special educational provision")
    section_e = texts[start:end]
    thread = area.thread
    assert thread.outcome.text in section_e and thread.unhelped_outcome.text in section_e
    assert section_e.index("Education") < section_e.index(thread.outcome.text)
    assert section_e.index("Health") < section_e.index(thread.unhelped_outcome.text)
    assert any(line.startswith("Themes: ") for line in section_e)


def test_strangers_get_not_found(page: PageClient, area: Area) -> None:
    page.sign_in(area.stranger)
    assert page.client.get(f"/plans/{area.thread.plan.pk}/issue.docx").status_code == 404
