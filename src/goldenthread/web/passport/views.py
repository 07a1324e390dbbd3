"""The passport: a page, a PDF and sharing with consent. ``ChildAccessMiddleware`` has already
checked who may open each page and logs every look (GET); the views fetch the child again
through ``child_get_for`` and log prints and exports themselves."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import AuditAction, ChildShare
from goldenthread.web.access.policy import ChildAccess, child_access
from goldenthread.web.access.services import AccessRuleError, share_revoke
from goldenthread.web.passport.export import passport_json
from goldenthread.web.passport.fhir import passport_fhir_bundle
from goldenthread.web.passport.forms import ShareForm
from goldenthread.web.passport.links import links_current
from goldenthread.web.passport.selectors import passport_get, progress_words, shares_current
from goldenthread.web.passport.services import (
    organisations_in_area,
    passport_share,
    professional_find,
)
from goldenthread.web.plans.models import Child
from goldenthread.web.plans.selectors import child_get_for
from goldenthread.web.plans.views.common import AuthedRequest, render

# A lighter stylesheet than the browser's print one (fixed table layout), kept with this app.
PDF_CSS = Path(__file__).with_name("pdf.css")
_pdf_tools = threading.local()


def _pdf_stylesheet() -> tuple[Any, Any]:
    """The PDF stylesheet and font configuration, parsed once per thread: WeasyPrint then keeps
    the fonts it has loaded between PDFs instead of finding them again each time."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    if not hasattr(_pdf_tools, "css"):
        _pdf_tools.fonts = FontConfiguration()
        _pdf_tools.css = CSS(filename=str(PDF_CSS), font_config=_pdf_tools.fonts)
    return _pdf_tools.css, _pdf_tools.fonts


def _child(request: AuthedRequest, child_id: int) -> Child:
    """The child, when the access middleware has already decided this person may read them
    (one query, not the policy's again: ADR 0012 figures); otherwise through ``child_get_for``."""
    access = getattr(request, "child_access", None)
    if isinstance(access, ChildAccess) and access.child_id == child_id and access.can_read:
        return get_object_or_404(
            Child.objects.select_related("current_setting"), pk=child_id, archived_at__isnull=True
        )
    return child_get_for(request.user, child_id)


def _access(request: AuthedRequest, child: Child) -> ChildAccess:
    access = getattr(request, "child_access", None)
    return access if isinstance(access, ChildAccess) else child_access(request.user, child.pk)


def _context(request: AuthedRequest, child: Child) -> dict[str, Any]:
    access = _access(request, child)
    return {
        "passport": passport_get(child, access),
        "child": child,
        "can_share": access.can_share,
        "made_on": timezone.localdate(),
        "progress_words": progress_words,
    }


def passport(request: AuthedRequest, child_id: int) -> HttpResponse:
    child = _child(request, child_id)
    context = _context(request, child)
    if context["can_share"]:
        context["shares"] = list(shares_current(child))
        context["links"] = [
            (link, timezone.localtime(link.expires_at).date()) for link in links_current(child)
        ]
    return render(
        request,
        "passport/passport.html",
        title=f"{child.known_as}'s passport",
        back=("child", child.pk),
        **context,
    )


def passport_pdf(request: AuthedRequest, child_id: int) -> HttpResponse:
    """The passport as a PDF made by WeasyPrint (``pdf.css``; ADR 0012 for the figures)."""
    from weasyprint import HTML

    child = _child(request, child_id)
    html = render_to_string(
        "passport/passport_pdf.html",
        {"title": f"{child.known_as}'s passport", **_context(request, child)},
        request=request,
    )
    stylesheet, fonts = _pdf_stylesheet()
    pdf = HTML(string=html).write_pdf(stylesheets=[stylesheet], font_config=fonts)
    audit_event_record(
        person=request.user,
        action=AuditAction.PRINT,
        child_id=child.pk,
        object_type="child",
        object_id=child.pk,
        url_name="passport-pdf",
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="passport-{child.pk}.pdf"'
    return response


def _share_from_form(request: AuthedRequest, child: Child, form: ShareForm) -> bool:
    data = form.cleaned_data
    try:
        person = professional_find(child=child, text=data["person"]) if data["person"] else None
        passport_share(
            child=child,
            by=request.user,
            person=person,
            organisation=data["organisation"],
            given_by=data["given_by"],
            given_by_name=data["given_by_name"],
            given_on=data["given_on"],
            purpose=data["purpose"],
            ends_on=data["ends_on"],
        )
    except AccessRuleError as error:
        form.add_error("person", str(error))
        return False
    return True


@require_http_methods(["GET", "POST"])
def passport_share_add(request: AuthedRequest, child_id: int) -> HttpResponse:
    child = _child(request, child_id)
    posted = request.POST if request.method == "POST" else None
    form = ShareForm(posted, organisations=organisations_in_area(child))
    if posted is not None and form.is_valid() and _share_from_form(request, child, form):
        messages.success(request, "Shared. You can stop sharing at any time.")
        return redirect("passport", child_id=child.pk)
    return render(
        request,
        "passport/share.html",
        title=f"Share {child.known_as}'s passport",
        child=child,
        form=form,
        forms_=(form,),
        back=("passport", child.pk),
    )


@require_POST
def passport_share_stop(request: AuthedRequest, child_id: int, share_id: int) -> HttpResponse:
    child = _child(request, child_id)
    share = get_object_or_404(ChildShare, pk=share_id, child=child)
    try:
        share_revoke(share=share, by=request.user)
    except AccessRuleError as error:
        messages.info(request, str(error))
    else:
        messages.success(request, "Sharing stopped. They cannot open the passport any more.")
    return redirect("passport", child_id=child.pk)


def passport_json_export(request: AuthedRequest, child_id: int) -> HttpResponse:
    """The child's outcomes record as JSON (docs/schemas/passport-v1.schema.json); logged."""
    child = _child(request, child_id)
    data = passport_json(passport_get(child, _access(request, child)))
    audit_event_record(
        person=request.user,
        action=AuditAction.EXPORT,
        child_id=child.pk,
        object_type="child",
        object_id=child.pk,
        url_name="passport-json",
    )
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="passport-{child.pk}.json"'
    return response


def passport_fhir_export(request: AuthedRequest, child_id: int) -> HttpResponse:
    """The child's outcomes record as a FHIR R4 Bundle (JSON); logged as an export."""
    child = _child(request, child_id)
    bundle = passport_fhir_bundle(passport_get(child, _access(request, child)))
    audit_event_record(
        person=request.user,
        action=AuditAction.EXPORT,
        child_id=child.pk,
        object_type="child",
        object_id=child.pk,
        url_name="passport-fhir",
    )
    response = JsonResponse(bundle, content_type="application/fhir+json")
    response["Content-Disposition"] = f'attachment; filename="passport-{child.pk}.fhir.json"'
    return response
