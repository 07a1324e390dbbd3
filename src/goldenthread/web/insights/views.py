"""Dashboard pages, downloads and the self-evaluation report. Thin: selectors do the counting."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from markupsafe import Markup

from goldenthread.core.insights import DisclosurePolicy, Rounding
from goldenthread.web.accounts.models import Role
from goldenthread.web.insights.access import insights_role_required
from goldenthread.web.insights.cache import figures_cached
from goldenthread.web.insights.dashboards import DASHBOARDS, Dashboard
from goldenthread.web.insights.exports import figure_csv, figures_xlsx, report_pdf
from goldenthread.web.insights.figures import Figure
from goldenthread.web.insights.filters import InsightFilter, area_of
from goldenthread.web.insights.forms import InsightFilterForm
from goldenthread.web.insights.headline import Headline, headline_build, school_year_of
from goldenthread.web.insights.models import FactsRefresh
from goldenthread.web.insights.page_cache import DrawnFigures, drawn_cached, live_seconds, page_key
from goldenthread.web.insights.refresh import last_refresh
from goldenthread.web.insights.year_on_year import NOT_COMPARED, trends_build
from goldenthread.web.plans.views.common import AuthedRequest, render

ROUNDING_NOTES = {
    Rounding.NEAREST: "Numbers are rounded to the nearest {base}, so totals may not add up.",
    Rounding.RANDOM: "Numbers are rounded up or down to a multiple of {base}, each on its own, so"
    " totals may not add up and a total can be a little less than a number in its row or column.",
}
DISCLOSURE_NOTES = (
    "c means a number from 1 to {hidden}, too small to show, or one hidden so that another"
    " cannot be worked out.",
    "0 means none. x means no figure. z means there is nothing to work a percentage from.",
    "Percentages are worked out from the rounded numbers shown.",
    "A figure is hidden when it covers 1 to {hidden} children, even if it counts more outcomes.",
)


ROUNDING_KEY_PURPOSE = b"goldenthread insights random rounding (ADR 0019)"


def disclosure_policy() -> DisclosurePolicy:
    """The policy from settings.INSIGHTS_DISCLOSURE (defaults: withhold 1–9, round every
    published count up or down to a multiple of 5; ADR 0019).

    Random rounding's key is derived from SECRET_KEY, so it is secret and the same on every
    process; changing SECRET_KEY draws again (the ADR says what that costs)."""
    chosen = dict(getattr(settings, "INSIGHTS_DISCLOSURE", {}))
    if chosen.get("rounding") == Rounding.RANDOM:
        secret = str(settings.SECRET_KEY).encode()
        chosen.setdefault(
            "rounding_key", hmac.new(secret, ROUNDING_KEY_PURPOSE, hashlib.sha256).hexdigest()
        )
    return DisclosurePolicy(**chosen)


# One hash aggregate per child (ADR 0013, "one scan per dashboard"): about 300 MB for 700,000
# children. Held only while a dashboard is counted; at 20,000 children it uses a few MB.
AGGREGATE_WORK_MEM = "256MB"


@contextmanager
def aggregate_session() -> Iterator[None]:
    """On PostgreSQL, give this transaction's sorts more memory (COUNT(DISTINCT) over 150,000
    outcomes spills to disk at the default 4 MB) and no JIT. SET LOCAL ends with the transaction.
    """
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL work_mem = '{AGGREGATE_WORK_MEM}'")
                # Compiling these short aggregates costs more than it saves (measured: bench/).
                cursor.execute("SET LOCAL jit = off")
        yield


def build(board: Dashboard, chosen: InsightFilter, policy: DisclosurePolicy) -> list[Figure]:
    """A dashboard's figures; none when the person's account is linked to no area, or when
    the dashboard reads the nightly facts and they have never been worked out."""
    if chosen.area_id is None:
        return []
    if not board.from_facts:
        with aggregate_session():
            return board.build(chosen, policy)
    refresh = last_refresh()
    if refresh is None:
        return []

    def fresh() -> list[Figure]:
        with aggregate_session():
            return board.build(chosen, policy)

    return figures_cached(
        slug=board.slug, chosen=chosen, policy=policy, refresh=refresh, build=fresh
    )


def dashboards_warm(*, today: dt.date | None = None) -> int:
    """Work out every area's unfiltered fact dashboards now (after a refresh), so the first
    person to open them each morning does not wait. Returns how many were worked out."""
    from goldenthread.web.insights.models import OutcomeFact

    today = today or timezone.localdate()
    policy = disclosure_policy()
    areas = OutcomeFact.objects.order_by().values_list("authority_id", flat=True).distinct()
    made = 0
    for area_id in list(areas):
        chosen = InsightFilter(area_id=area_id, today=today)
        for board in DASHBOARDS.values():
            if board.from_facts:
                build(board, chosen, policy)
                made += 1
    return made


def as_of_text(refreshed: FactsRefresh | None = None) -> str:
    """ "Figures as of 22 November 2026 at 02:00", from the last refresh ("" if none)."""
    refreshed = refreshed or last_refresh()
    if refreshed is None:
        return ""
    when = timezone.localtime(refreshed.finished_at)
    return f"Figures as of {when:%-d %B %Y} at {when:%H:%M}."


NOT_REFRESHED = (
    "These figures have not been worked out yet. They are worked out every night; someone who"
    " looks after Golden Thread can work them out now with the command"
    " “goldenthread insights refresh”."
)


def _notes(policy: DisclosurePolicy) -> list[str]:
    return [
        note.format(base=policy.rounding_base, hidden=policy.largest_hidden)
        for note in (ROUNDING_NOTES[Rounding(policy.rounding)], *DISCLOSURE_NOTES)
    ]


def _filtered(request: AuthedRequest) -> tuple[InsightFilterForm, InsightFilter]:
    today = timezone.localdate()
    area = area_of(request.user)
    form = InsightFilterForm(request.GET or None, area=area, today=today)
    return form, form.chosen(area_id=area.pk if area else None, today=today)


def _dashboard(slug: str) -> Dashboard:
    if slug not in DASHBOARDS:
        raise Http404
    return DASHBOARDS[slug]


def _query(request: AuthedRequest) -> str:
    return request.GET.urlencode()


def _download(content: str | bytes, *, name: str, kind: str) -> HttpResponse:
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@insights_role_required
def insights_home(request: AuthedRequest) -> HttpResponse:
    return render(
        request,
        "insights/home.html",
        title="Area insights",
        dashboards=DASHBOARDS.values(),
        query=_query(request),
        hidden=disclosure_policy().largest_hidden,
        nav_active="insights",
    )


def _headline(request: AuthedRequest) -> tuple[Headline | None, dt.date]:
    """The headline answers for the person's area, ending with the last whole school year."""
    today = timezone.localdate()
    area = area_of(request.user)
    if area is None:
        return None, today
    latest = school_year_of(today) - 1
    policy = disclosure_policy()
    with aggregate_session():
        answers = headline_build(area_id=area.pk, latest_year=latest, policy=policy)
    return answers, today


@insights_role_required
def headline(request: AuthedRequest) -> HttpResponse:
    answers, today = _headline(request)
    area = area_of(request.user)
    return render(
        request,
        "insights/headline.html",
        title="How the area is doing",
        headline=answers,
        has_area=answers is not None,
        area_name=area.name if area else "",
        this_year=_school_year(today),
        notes=_notes(disclosure_policy()),
        nav_active="insights",
    )


@insights_role_required
def dashboard(request: AuthedRequest, slug: str) -> HttpResponse:
    board = _dashboard(slug)
    form, chosen = _filtered(request)
    policy = disclosure_policy()
    refresh = last_refresh() if board.from_facts else None
    drill = board.slug == "quality" and request.user.role == Role.QUALITY_LEAD
    version = "live"
    if board.from_facts:
        version = f"{refresh.pk}@{refresh.finished_at.isoformat()}" if refresh else "none"
    key = page_key(
        slug=board.slug,
        chosen=chosen,
        policy=policy,
        version=version,
        query=_query(request),
        drill=drill,
    )
    drawn = drawn_cached(
        key,
        live=not board.from_facts,
        draw=lambda: _draw(request, board, chosen, policy, drill=drill),
    )
    return render(
        request,
        "insights/dashboard.html",
        title=board.title,
        board=board,
        form=form,
        forms_=(form,),
        # Drawn by our own autoescaped template (_dashboard_figures.html), not from input.
        figures_html=Markup(drawn.html),  # noqa: S704  # nosec B704
        notes=_notes(policy),
        query=_query(request),
        has_area=chosen.area_id is not None,
        as_of=as_of_text(refresh) if refresh else "",
        counted_at="" if board.from_facts else _counted_text(drawn),
        not_refreshed=NOT_REFRESHED if board.from_facts and refresh is None else "",
        nav_active="insights",
    )


def _draw(
    request: AuthedRequest,
    board: Dashboard,
    chosen: InsightFilter,
    policy: DisclosurePolicy,
    *,
    drill: bool,
) -> DrawnFigures:
    figures = build(board, chosen, policy)
    links = {}
    if drill:
        from goldenthread.web.workbench.drill import drill_links  # issue 18: to the outcomes

        links = drill_links(figures, _query(request))
    html = render_to_string(
        "insights/_dashboard_figures.html",
        {
            "figures": figures,
            "drill": links,
            "trends": trends_build(board, chosen, figures, policy, build),
            "not_compared": NOT_COMPARED.get(board.slug, ""),
            "board": board,
            "query": _query(request),
        },
        request=request,
    )
    return DrawnFigures(html=html, counted_at=time.time())


def _counted_text(drawn: DrawnFigures) -> str:
    when = timezone.localtime(dt.datetime.fromtimestamp(drawn.counted_at, tz=dt.UTC))
    seconds = live_seconds()
    if seconds == 0:
        return ""
    return (
        f"Counted at {when:%H:%M} on {when:%-d %B %Y}. These figures are counted again when"
        f" they are more than {_seconds_text(seconds)} old."
    )


def _seconds_text(seconds: int) -> str:
    if seconds % 60 == 0:
        minutes = seconds // 60
        return "a minute" if minutes == 1 else f"{minutes} minutes"
    return f"{seconds} seconds"


@insights_role_required
def figure_download(request: AuthedRequest, slug: str, key: str) -> HttpResponse:
    board = _dashboard(slug)
    _, chosen = _filtered(request)
    figures = build(board, chosen, disclosure_policy())
    figure = next((f for f in figures if f.key == key), None)
    if figure is None and board.from_facts and last_refresh() is None:
        # Not worked out yet: say so in the file rather than fail (the page says the same).
        return _download(f"{NOT_REFRESHED}\n", name=f"{key}.csv", kind="text/csv; charset=utf-8")
    if figure is None:
        raise Http404
    return _download(figure_csv(figure), name=f"{key}.csv", kind="text/csv; charset=utf-8")


@insights_role_required
def dashboard_download(request: AuthedRequest, slug: str) -> HttpResponse:
    board = _dashboard(slug)
    _, chosen = _filtered(request)
    policy = disclosure_policy()
    figures = build(board, chosen, policy)
    about = [board.title, _described(chosen), as_of_text(), *_notes(policy)]
    return _download(
        figures_xlsx(figures, about=about),
        name=f"{slug}.xlsx",
        kind="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def _described(chosen: InsightFilter) -> str:
    return f"Figures on {chosen.today:%d %B %Y}."


def _report_context(request: AuthedRequest) -> dict[str, Any]:
    form, chosen = _filtered(request)
    policy = disclosure_policy()
    sections: list[tuple[Dashboard, list[Figure]]] = [
        (board, build(board, chosen, policy)) for board in DASHBOARDS.values()
    ]
    area = area_of(request.user)
    answers, _ = _headline(request)
    return {
        "trends": {
            board.slug: trends_build(board, chosen, figures, policy, build)
            for board, figures in sections
        },
        "not_compared": NOT_COMPARED,
        "headline": answers,
        "form": form,
        "sections": sections,
        "notes": _notes(policy),
        "query": _query(request),
        "area_name": area.name if area else "",
        "made_on": chosen.today,
        "school_year": _school_year(chosen.today),
        "as_of": as_of_text(),
        "not_refreshed": NOT_REFRESHED if last_refresh() is None else "",
    }


def _school_year(today: dt.date) -> str:
    start = today.year if today.month >= 9 else today.year - 1
    return f"{start} to {start + 1}"


@insights_role_required
def report(request: AuthedRequest) -> HttpResponse:
    context = _report_context(request)
    return render(
        request,
        "insights/report.html",
        title="Self-evaluation report",
        forms_=(context["form"],),
        nav_active="insights",
        **context,
    )


@insights_role_required
def report_download(request: AuthedRequest) -> HttpResponse:
    context = _report_context(request)
    html = render_to_string("insights/report_print.html", {**context, "request": request})
    pdf = report_pdf(html, base_url=request.build_absolute_uri("/"))
    return _download(pdf, name="self-evaluation.pdf", kind="application/pdf")
