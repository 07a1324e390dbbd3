"""A child's SEN2 details: see and correct what the return sends, and start a placement.

Both pages name a child, so the access middleware gates them (``CHILD_ROUTES``: changing the
child's plan is needed) and logs every request. The page shows the child's record number and
the checks that fail for this child, never other children.
"""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from goldenthread.core.returns.findings import Finding
from goldenthread.core.returns.sen2 import Period
from goldenthread.core.returns.sen2_rules import sen2_findings
from goldenthread.web.plans.models import Child
from goldenthread.web.plans.views.common import AuthedRequest, render
from goldenthread.web.returns.child_forms import PlacementStartForm, ReturnDetailsForm
from goldenthread.web.returns.gather import sen2_build
from goldenthread.web.returns.models import ChildPlacement, ChildReturnDetails

SAVED = "The return details are saved."
STARTED = "The placement is started. Any open placement of the same rank ends that day."


def _child(child_id: int) -> Child:
    return get_object_or_404(
        Child.objects.select_related("local_authority", "current_setting"),
        pk=child_id,
        archived_at__isnull=True,
    )


def collection_now() -> Period:
    """The next SEN2 collection: this January's until its census date, then next January's."""
    today = timezone.localdate()
    this = Period(today.year)
    return this if today <= this.reference_date else Period(today.year + 1)


def child_findings(child: Child, period: Period) -> list[Finding]:
    sen2 = sen2_build(child.local_authority, period.year, only=[child.pk])
    return [f for f in sen2_findings(sen2) if f.record == child.pk]


@require_http_methods(["GET", "POST"])
def returns_child_details(request: AuthedRequest, child_id: int) -> HttpResponse:
    child = _child(child_id)
    kept = ChildReturnDetails.objects.filter(child=child).first() or ChildReturnDetails(child=child)
    form = ReturnDetailsForm(request.POST or None, instance=kept)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, SAVED)
        return redirect("returns-child-details", child_id=child.pk)
    period = collection_now()
    placements = ChildPlacement.objects.filter(child=child).select_related("setting")
    return render(
        request,
        "returns/child_details.html",
        title="Return details (SEN2)",
        child=child,
        form=form,
        forms_=(form,),
        period=period,
        findings=child_findings(child, period),
        placements=placements.order_by("-entry_date", "-pk"),
    )


@require_http_methods(["GET", "POST"])
def returns_placement_start(request: AuthedRequest, child_id: int) -> HttpResponse:
    child = _child(child_id)
    form = PlacementStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        rank = form.cleaned_data["rank"]
        entry = form.cleaned_data["entry_date"]
        open_now = ChildPlacement.objects.filter(child=child, rank=rank, leaving_date__isnull=True)
        latest = open_now.order_by("-entry_date").values_list("entry_date", flat=True).first()
        if form.check_after(latest):
            with transaction.atomic():
                for placement in open_now:  # saved one by one so each change keeps its history
                    placement.leaving_date = entry
                    placement.save(update_fields=["leaving_date"])
                started = form.save(commit=False)
                started.child = child
                started.save()
            messages.success(request, STARTED)
            return redirect("returns-child-details", child_id=child.pk)
    return render(
        request,
        "returns/placement_start.html",
        title="Start a placement",
        child=child,
        form=form,
        forms_=(form,),
    )
