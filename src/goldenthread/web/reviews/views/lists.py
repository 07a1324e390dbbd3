"""Lists: what is late for my plans, a setting, the whole area; and my reminders."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone

from goldenthread.web.accounts.models import PROFESSIONAL_ROLES
from goldenthread.web.plans.views.common import AuthedRequest, render
from goldenthread.web.reviews import selectors
from goldenthread.web.reviews.views.common import days_words, deadline_words

LIST_TITLES = {
    "mine": "Late reviews for plans you coordinate",
    "setting": "Late reviews in a setting",
    "area": "Late reviews in the area",
}


def _professional(request: AuthedRequest) -> None:
    if request.user.role not in PROFESSIONAL_ROLES:
        raise PermissionDenied


def reviews_mine(request: AuthedRequest) -> HttpResponse:
    """My reviews: every deadline late or due in the next 8 weeks, soonest first."""
    _professional(request)
    today = timezone.localdate()
    rows = selectors.reminders_for(request.user, today=today)
    page, shown = selectors.deadline_page(
        rows, user=request.user, today=today, number=request.GET.get("page")
    )
    return render(
        request,
        "reviews/list.html",
        title="My reviews",
        lead="Deadlines that are late or due in the next 8 weeks, for plans you coordinate "
        "and children on your caseload.",
        page=page,
        rows=shown,
        today=today,
        words=deadline_words,
        days_words=days_words,
        query="",
        scope="reminders",
    )


def overdue_mine(request: AuthedRequest) -> HttpResponse:
    _professional(request)
    today = timezone.localdate()
    return _overdue(request, "mine", selectors.overdue_for_coordinator(request.user, today=today))


def overdue_setting(request: AuthedRequest) -> HttpResponse:
    _professional(request)
    today = timezone.localdate()
    settings = list(selectors.settings_for(request.user))
    if not settings:
        raise PermissionDenied
    chosen = request.GET.get("setting")
    setting = next((s for s in settings if str(s.pk) == chosen), settings[0])
    rows = selectors.overdue_for_setting(setting, today=today)
    return _overdue(request, "setting", rows, settings=settings, setting=setting)


def overdue_area(request: AuthedRequest) -> HttpResponse:
    area = selectors.area_for(request.user)
    today = timezone.localdate()
    return _overdue(request, "area", selectors.overdue_for_area(area, today=today), area=area)


def _overdue(request: AuthedRequest, scope: str, rows: Any, **context: Any) -> HttpResponse:
    today = timezone.localdate()
    page, shown = selectors.deadline_page(
        rows,
        user=request.user,
        today=today,
        number=request.GET.get("page"),
    )
    setting = context.get("setting")
    query = f"setting={setting.pk}" if setting is not None else ""
    return render(
        request,
        "reviews/list.html",
        title=LIST_TITLES[scope],
        lead="Each row is one deadline that has passed. Names show only for children you work "
        "with; others show initials and a number.",
        page=page,
        rows=shown,
        today=today,
        words=deadline_words,
        days_words=days_words,
        query=query,
        scope=scope,
        **context,
    )
