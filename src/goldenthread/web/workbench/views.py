"""The quality lead's pages: the workbench, an upload's progress and results, its download,
and the area's own outcomes with filters (names taken out) and the drill from a figure."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_GET

from goldenthread.core.audit.model import AuditInputError
from goldenthread.core.quality.second_look import second_look_sentence_stored
from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import AuditAction
from goldenthread.web.access.selectors import outcomes_for_audit, outcomes_for_quality_audit
from goldenthread.web.insights.filters import area_of, facts_q
from goldenthread.web.insights.measures import CRITERION_NAMES
from goldenthread.web.plans.models import Outcome
from goldenthread.web.plans.views.common import AuthedRequest, render
from goldenthread.web.workbench import exports
from goldenthread.web.workbench.drill import drill_resolve, query_without_drill
from goldenthread.web.workbench.forms import OwnFilterForm, ResultFilterForm, UploadForm
from goldenthread.web.workbench.jobs import upload_items_read, upload_start
from goldenthread.web.workbench.models import QualityUpload, UploadStatus
from goldenthread.web.workbench.selectors import area_choices, own_outcomes, upload_rows

PAGE_SIZE = 50
REFRESH_SECONDS = 3


def _page_query(request: AuthedRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def workbench(request: AuthedRequest) -> HttpResponse:
    """The quality lead's landing page: upload a file, their uploads, and where to go next."""
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        raw = upload.read()
        try:
            items = upload_items_read(raw, name=upload.name)
        except AuditInputError as problem:
            form.add_error("file", problem.message)
        else:
            made = upload_start(owner=request.user, name=upload.name, raw=raw, total=len(items))
            return redirect("workbench-upload", upload_id=made.pk)
    outcomes = outcomes_for_quality_audit(request.user)
    return render(
        request,
        "workbench/home.html",
        title="Your quality workbench",
        form=form,
        forms_=(form,),
        uploads=list(QualityUpload.objects.filter(owner=request.user)[:20]),
        outcome_count=outcomes.count(),
        not_smart_count=outcomes.filter(quality_smart=False).count(),
        nav_active="workbench",
    )


def _own_upload(request: AuthedRequest, upload_id: int) -> QualityUpload:
    return get_object_or_404(QualityUpload, pk=upload_id, owner=request.user)


def _result_filters(request: AuthedRequest) -> tuple[ResultFilterForm, dict[str, Any]]:
    form = ResultFilterForm(request.GET or None)
    return form, (form.cleaned_data if form.is_valid() else {})


@require_GET
def upload_page(request: AuthedRequest, upload_id: int) -> HttpResponse:
    upload = _own_upload(request, upload_id)
    running = upload.status in {UploadStatus.WAITING, UploadStatus.RUNNING}
    form, chosen = _result_filters(request)
    page = None
    if upload.status == UploadStatus.DONE:
        page = Paginator(upload_rows(upload, chosen), PAGE_SIZE).get_page(request.GET.get("page"))
    query = _page_query(request)
    return render(
        request,
        "workbench/upload.html",
        title=f"Checking {upload.file_name}" if running else f"Results for {upload.file_name}",
        upload=upload,
        running=running,
        refresh_seconds=REFRESH_SECONDS if running else None,
        form=form,
        page=page,
        matching=page.paginator.count if page else 0,
        smart_count=upload.rows.filter(smart=True).count() if page else 0,
        criterion_names=CRITERION_NAMES,
        query=query,
        back=("workbench",),
        nav_active="workbench",
    )


@require_GET
def upload_download(request: AuthedRequest, upload_id: int, kind: str) -> HttpResponse:
    upload = _own_upload(request, upload_id)
    if upload.status != UploadStatus.DONE or kind not in {"csv", "xlsx"}:
        raise Http404
    _, chosen = _result_filters(request)
    rows = upload_rows(upload, chosen)
    stem = f"quality-check-{upload.pk}"
    if kind == "csv":
        response = HttpResponse(exports.rows_csv(rows), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(exports.rows_xlsx(rows), content_type=exports.XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{stem}.{kind}"'
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def outcomes_to_check(request: AuthedRequest) -> HttpResponse:
    """The area's own outcomes, filtered, with children as references and names masked."""
    area = area_of(request.user)
    choices = area_choices(area.pk) if area else {"services": [], "settings": [], "teams": []}
    drill = drill_resolve(request, request.GET) if "figure" in request.GET else None
    form = OwnFilterForm(None if drill else (request.GET or None), **choices)
    chosen: dict[str, Any] = form.cleaned_data if form.is_bound and form.is_valid() else {}
    outcomes = outcomes_for_quality_audit(request.user)
    listed = True
    if drill is not None:
        listed = not drill.message
        chosen = drill.filters
    if area is None:
        listed = False
    dashboard = facts_q(drill.chosen) if drill and drill.chosen else None
    found = outcomes.none()
    if listed and area is not None:
        found = own_outcomes(outcomes, area.pk, chosen, dashboard)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    shown = outcomes_for_audit(list(page))
    for child_id in dict.fromkeys(o.child_id for o in shown):
        audit_event_record(
            person=request.user,
            action=AuditAction.QUALITY_READ,
            child_id=child_id,
            object_type="outcome",
            url_name="quality-audit",
        )
    return render(
        request,
        "workbench/outcomes.html",
        title="Outcomes to check",
        form=form,
        drill=drill,
        dashboard_query=query_without_drill(request.GET) if drill else "",
        page=page,
        rows=list(zip(shown, [o.quality_smart for o in page], _second_looks(page), strict=True)),
        matching=page.paginator.count,
        query=_page_query(request),
        nav_active="quality-audit",
    )


def _second_looks(outcomes: Iterable[Outcome]) -> list[str]:
    """Each outcome's "worth a second look" sentence ("" where the checks agree)."""
    return [
        second_look_sentence_stored(outcome.quality_second_look) for outcome in outcomes
    ]
