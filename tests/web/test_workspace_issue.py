"""The plan issued as a Word document and a PDF, read back with python-docx and pypdf."""

from __future__ import annotations

import io

from docx import Document
from pypdf import PdfReader

from goldenthread.web.access.models import ChildPrivacy, ParentsCanSee
from goldenthread.web.accounts.models import Role
from goldenthread.web.plans.models import Aspiration, Outcome, RelationshipKind
from goldenthread.web.workspace.document import ABOUT_ME_HIDDEN
from tests.web import factories
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


ABOUT = "I love horses and drawing comics."


def _pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_the_pdf_has_sections_a_to_k_in_order_with_outcomes_by_service(
    coordinator_page: PageClient, area: Area
) -> None:
    factories.all_about_me_create(child=area.child, liked_about_me=ABOUT)
    response = coordinator_page.client.get(f"/plans/{area.thread.plan.pk}/issue.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    text = _pdf_text(response.content)
    headings = [f"Section {letter}:" for letter in "ABCDEFGHIJK"]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    thread = area.thread
    section_e = text[text.index("Section E:") : text.index("Section F:")]
    education, health = section_e.index("Education"), section_e.index("Health")
    assert education < section_e.index(thread.outcome.text[:40]) < health
    assert health < section_e.index(thread.unhelped_outcome.text[:30])
    assert "Themes: " in section_e
    section_a = text[: text.index("Section B:")]
    assert ABOUT in section_a and thread.hope.text in section_a


def test_all_about_me_and_whose_words_are_in_both_documents_and_the_passport(
    coordinator_page: PageClient, area: Area
) -> None:
    """ "All about me" is written once: the plan (section A) and the passport read one record."""
    factories.all_about_me_create(child=area.child, liked_about_me=ABOUT)
    outcome = area.thread.outcome
    Outcome.objects.filter(pk=outcome.pk).update(in_own_words=True)
    Aspiration.objects.filter(pk=area.thread.lonely_hope.pk).update(voice="parent")
    plan = area.thread.plan
    word = Document(io.BytesIO(coordinator_page.client.get(f"/plans/{plan.pk}/issue.docx").content))
    texts = [p.text for p in word.paragraphs]
    section_a = texts[: texts.index("Section B: Special educational needs")]
    known_as = area.child.known_as
    assert ABOUT in section_a
    assert section_a[section_a.index(area.thread.hope.text) + 1] == f"In {known_as}'s own words"
    assert section_a[section_a.index(area.thread.lonely_hope.text) + 1] == "In the family's words"
    assert f"In {known_as}'s or the family's own words" in texts
    pdf = _pdf_text(coordinator_page.client.get(f"/plans/{plan.pk}/issue.pdf").content)
    assert f"In {known_as}'s or the family's own words" in pdf
    assert ABOUT in coordinator_page.get(f"/children/{area.child.pk}/passport/").text
    child_page = coordinator_page.get(f"/children/{area.child.pk}/")
    tags = [t.get_text() for t in child_page.html.select(".gt-own-words")]
    assert f"In {known_as}'s own words" in tags and "Family's words" in tags
    assert f"In {known_as}'s or the family's own words" in tags
    thread_page = coordinator_page.get(f"/plans/{plan.pk}/thread/")
    assert "Family's words" in [t.get_text() for t in thread_page.html.select(".gt-own-words")]


def test_a_parent_who_may_not_see_all_about_me_gets_the_plan_without_it(
    page: PageClient, area: Area
) -> None:
    factories.all_about_me_create(child=area.child, liked_about_me=ABOUT)
    parent = factories.user_create(role=Role.PARENT)
    factories.relationship_create(child=area.child, person=parent, kind=RelationshipKind.PARENT)
    ChildPrivacy.objects.create(child=area.child, parents_can_see=ParentsCanSee.PLAN)
    page.sign_in(parent)
    response = page.client.get(f"/plans/{area.thread.plan.pk}/issue.docx")
    texts = [p.text for p in Document(io.BytesIO(response.content)).paragraphs]
    assert ABOUT not in texts and ABOUT_ME_HIDDEN in texts
    assert area.thread.outcome.text in texts


def test_every_plan_page_can_be_reached_from_the_child_page(
    coordinator_page: PageClient, area: Area
) -> None:
    plan = area.thread.plan.pk
    links = {
        a["href"] for a in coordinator_page.get(f"/children/{area.child.pk}/").html.select("a")
    }
    expected = {
        f"/plans/{plan}/thread/",
        f"/plans/{plan}/outcomes/build/",
        f"/plans/{plan}/contributions/",
        f"/plans/{plan}/issue/",
        f"/plans/{plan}/issue.pdf",
        f"/plans/{plan}/issue.docx",
    }
    assert expected <= links
    issue_links = {
        a["href"] for a in coordinator_page.get(f"/plans/{plan}/issue/").html.select("a")
    }
    assert {f"/plans/{plan}/issue.pdf", f"/plans/{plan}/issue.docx"} <= issue_links
