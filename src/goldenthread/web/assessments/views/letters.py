"""A refusal letter as a page and as a PDF (WeasyPrint, as the review report is made)."""

from __future__ import annotations

from django.http import HttpResponse
from django.template.loader import render_to_string

from goldenthread.web.assessments.letters import refusal_letter
from goldenthread.web.assessments.selectors import assessment_get
from goldenthread.web.plans.views.common import AuthedRequest, render


def letter_view(
    request: AuthedRequest, child_id: int, assessment_id: int, kind: str
) -> HttpResponse:
    assessment = assessment_get(child_id, assessment_id)
    letter = refusal_letter(assessment, kind)
    return render(
        request,
        "assessments/letter.html",
        title=letter.heading,
        letter=letter,
        assessment=assessment,
        child=assessment.child,
        back=("assessment", child_id, assessment_id),
    )


def letter_pdf(
    request: AuthedRequest, child_id: int, assessment_id: int, kind: str
) -> HttpResponse:
    from weasyprint import HTML  # heavy: only when a PDF is asked for

    assessment = assessment_get(child_id, assessment_id)
    letter = refusal_letter(assessment, kind)
    html = render_to_string(
        "assessments/letter_pdf.html",
        {"title": letter.heading, "letter": letter, "child": assessment.child},
        request=request,
    )
    pdf = HTML(string=html).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="letter-{assessment.pk}-{kind}.pdf"'
    return response
