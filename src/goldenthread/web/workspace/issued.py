"""The Word and PDF documents of an issued version: made once at issue, stored with their
SHA-256, and handed back byte for byte on every later download (docs/adr/0025)."""

from __future__ import annotations

from django.db import transaction

from goldenthread.web.accounts.models import User
from goldenthread.web.assessments.family_words import carried_into
from goldenthread.web.plans.models import AllAboutMe, DocumentFormat, IssuedDocument, Plan
from goldenthread.web.plans.selectors import golden_thread_get
from goldenthread.web.workspace.document import PlanDocument, plan_document
from goldenthread.web.workspace.issue import plan_docx, plan_pdf

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CONTENT_TYPES: dict[str, str] = {DocumentFormat.DOCX: DOCX, DocumentFormat.PDF: "application/pdf"}


def issued_document_build(plan: Plan, *, about_visible: bool = True) -> PlanDocument:
    """The plan as issued: accepted parts only, with "All about me" unless hidden."""
    about = AllAboutMe.objects.filter(child_id=plan.child_id).first() if about_visible else None
    return plan_document(
        golden_thread_get(plan, accepted_only=True),
        about=about,
        about_visible=about_visible,
        carried=carried_into(plan),
    )


def document_bytes(document: PlanDocument, kind: str) -> bytes:
    return plan_docx(document) if kind == DocumentFormat.DOCX else plan_pdf(document)


def issued_documents_store(*, plan: Plan, user: User | None) -> list[IssuedDocument]:
    """Make the Word and PDF copies of a version being issued and keep them, with SHA-256.

    Reason: a plan is sent to the family, the school and sometimes a tribunal; each later
    download must be the very document that was issued, not a fresh rendering of it."""
    document = issued_document_build(plan)
    stored = []
    with transaction.atomic():
        for kind in (DocumentFormat.DOCX, DocumentFormat.PDF):
            content = document_bytes(document, kind)
            stored.append(
                IssuedDocument.objects.create(
                    plan=plan,
                    format=kind,
                    content=content,
                    sha256=IssuedDocument.digest(content),
                    size=len(content),
                    made_by=user,
                )
            )
    return stored


def issued_document_get(plan: Plan, kind: str) -> IssuedDocument | None:
    return IssuedDocument.objects.filter(plan=plan, format=kind).first()
