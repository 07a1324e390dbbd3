"""A differencing attacker for the area dashboards (ADR 0019), used by the tests.

It reads what is published — each figure's rows exactly as the page, CSV and XLSX write them
(``Figure.rows_as_text``) — for many filter combinations, and knows the published rules
(Kerckhoffs): what true counts each published text can stand for. It also knows which
published numbers must add up: a row's cells to its total, a column to its total, and a
filtered view's cell to the sum of the same cell over the values of a filter that splits it
(phase, primary need, setting, service, domain, and the year groups of a phase). It then
narrows the possible values of every number by interval constraint propagation over all
those sums at once, and a withheld ``c`` counts as *recovered* when only one value is left.

The true counts are read too, but only to keep the attack honest: a sum is used only if it
holds on the true counts (a real attacker knows which filters split the population), and every
true count must stay inside the range the attacker works out (otherwise the attack is wrong).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest

from goldenthread.core.insights import DisclosurePolicy
from goldenthread.core.insights.policy import rounded_values
from goldenthread.web.insights import dashboards, figures, measures, trends
from goldenthread.web.insights.dashboards import DASHBOARDS, Dashboard
from goldenthread.web.insights.figures import Figure
from goldenthread.web.insights.filters import PHASES, InsightFilter
from goldenthread.web.insights.forms import InsightFilterForm
from goldenthread.web.insights.views import aggregate_session
from goldenthread.web.insights.year_on_year import Trend, trends_build

UNKNOWN = 10**9  # a withheld count has no upper bound the attacker can rely on
MEAN_COLUMN = "Mean GAS T-score"
# Filters whose values split the population (each child, plan or outcome in one value),
# so the attacker sums over them. Theme and period overlap, so they are only ever split.
SPLITTING = ("phase", "primary_need", "setting", "service", "domain")
PAIRED_WITH = "phase"  # every other filter value is also split by phase

Combo = frozenset[tuple[str, str]]
Node = tuple[str, Combo, str, str, str]  # dashboard, filters, figure, row, column
Truth = dict[str, dict[tuple[str, str], int]]  # figure key -> (row, column) -> true count


@dataclass
class Published:
    """Every published count of every view the attacker fetched, with the true counts."""

    texts: dict[Node, str] = field(default_factory=dict)
    truth: dict[Node, int] = field(default_factory=dict)
    totals: set[Node] = field(default_factory=set)  # published with the rule for totals
    shares: list[tuple[str, str, str]] = field(default_factory=list)  # share, count, total
    trend_values: int = 0  # values read from year on year tables (each from a view read)

    def value(self, node: Node) -> int:
        return self.truth.get(node, 0)


@dataclass
class Attack:
    relations: int
    withheld: int
    recovered: list[tuple[Node, int]]
    small_recovered: int
    bounds: dict[Node, list[int]] = field(default_factory=dict)  # what the attacker knows


def filter_values(form: InsightFilterForm) -> dict[str, list[str]]:
    """Every value each filter of the form offers (the empty "Any" left out)."""
    return {
        name: [str(value) for value, _ in bound.field.choices if str(value) != ""]  # type: ignore[attr-defined]
        for name, bound in ((name, form[name]) for name in form.fields)
    }


def combos_to_fetch(values: dict[str, list[str]]) -> list[Combo]:
    """The whole area; every filter value alone; every value of another filter by phase."""
    combos: list[Combo] = [frozenset()]
    for name, options in values.items():
        combos += [frozenset({(name, value)}) for value in options]
    for name, options in values.items():
        if name in (PAIRED_WITH, "year_group"):
            continue
        for value in options:
            for phase in values[PAIRED_WITH]:
                combos.append(frozenset({(name, value), (PAIRED_WITH, phase)}))
    return combos


@contextmanager
def truth_recorded(truth: Truth) -> Iterator[None]:
    """Record the exact counts each figure is built from (what the attacker wants to learn)."""
    real_build, real_gas = figures.figure_build, measures.gas_figure

    def build_spy(**kwargs: Any) -> Figure:
        built = real_build(**kwargs)
        units, _ = figures._grids(kwargs["counts"], kwargs["rows"], kwargs["columns"])
        truth[built.key] = _grid_truth(
            [label for _, label in kwargs["rows"]],
            [label for _, label in kwargs["columns"]],
            units,
        )
        return built

    def gas_spy(**kwargs: Any) -> Figure:
        built = real_gas(**kwargs)
        groups = kwargs["groups"]
        counts = [[groups[k].children if k in groups else 0] for k, _ in kwargs["rows"]]
        truth[built.key] = _grid_truth(
            [label for _, label in kwargs["rows"]], [built.columns[0]], counts
        )
        return built

    with pytest.MonkeyPatch.context() as patch:
        for module in (dashboards, measures, trends):
            patch.setattr(module, "figure_build", build_spy, raising=False)
        patch.setattr(dashboards, "gas_figure", gas_spy)
        yield


def _grid_truth(rows: list[str], columns: list[str], units: list[list[int]]) -> dict[Any, int]:
    cells: dict[Any, int] = {}
    for label, row in zip(rows, units, strict=True):
        for column, count in zip(columns, row, strict=True):
            cells[(label, column)] = cells.get((label, column), 0) + count
        cells[(label, "Total")] = cells.get((label, "Total"), 0) + sum(row)
    for j, column in enumerate(columns):
        cells[("Total", column)] = sum(row[j] for row in units)
    cells[("Total", "Total")] = sum(sum(row) for row in units)
    return cells


def published_read(
    *, slug: str, combo: Combo, built: list[Figure], truth: Truth, into: Published
) -> None:
    """Every count cell of every figure, as published, keyed by where it sits."""
    for figure in built:
        if figure.key not in truth:
            continue  # the demand projection: rounded trend values, not counts
        headers = figure.headers
        counted = {*figure.columns, "Total"} - {MEAN_COLUMN}
        labels = [row[0] for row in figure.rows_as_text()]
        for row in figure.rows_as_text():
            if labels.count(row[0]) > 1:
                continue  # two rows with one name cannot be matched across views
            for header, text in zip(headers[1:], row[1:], strict=True):
                if header in counted:
                    node = (slug, combo, figure.key, row[0], header)
                    into.texts[node] = text
                    into.truth[node] = truth[figure.key].get((row[0], header), 0)
                    if header == "Total" or row[0] == "Total":
                        into.totals.add(node)
            if figure.share_heading and figure.with_totals and row[0] != "Total":
                share_index = headers.index(figure.share_heading)
                count_column = _share_column(figure)
                into.shares.append(
                    (
                        row[share_index],
                        row[headers.index(count_column)],
                        row[headers.index("Total")],
                    )
                )


SHARE_OF = {  # share heading -> which count column it is a share of (``share_column``)
    "% SMART": 0,
    "% achieved": 0,
    "% fully answered": 0,
    "% not yet due": 0,
    "% failing": 0,
    "% with no provision": 1,
    "% supporting no outcome": 1,
}


def _share_column(figure: Figure) -> str:
    return figure.columns[SHARE_OF[figure.share_heading]]


def views_fetch(
    *, area_id: int, today: dt.date, policy: DisclosurePolicy, area: Any
) -> tuple[Published, list[Combo], dict[str, list[str]]]:
    """Build every dashboard for every filter combination, as the pages and downloads do, with
    each figure's year on year table (``year_on_year``): its values are read from the same
    figure built for each school year compared, so the attacker reads those views too (the
    filters with that school year chosen). Returns every view read, not just those asked for.
    """
    form = InsightFilterForm(None, area=area, today=today)
    values = filter_values(form)
    combos = combos_to_fetch(values)
    published = Published()
    views: dict[tuple[str, Combo], list[Figure]] = {}

    def view(slug: str, board: Dashboard, combo: Combo, chosen: InsightFilter) -> list[Figure]:
        if (slug, combo) not in views:
            truth: Truth = {}
            with truth_recorded(truth), aggregate_session():
                views[(slug, combo)] = board.build(chosen, policy)
            published_read(
                slug=slug, combo=combo, built=views[(slug, combo)], truth=truth, into=published
            )
        return views[(slug, combo)]

    for combo in combos:
        chosen_form = InsightFilterForm(dict(combo), area=area, today=today)
        assert chosen_form.is_valid(), (combo, chosen_form.errors)
        chosen = chosen_form.chosen(area_id=area_id, today=today)
        for slug, board in DASHBOARDS.items():
            built = view(slug, board, combo, chosen)

            def in_year(
                board: Dashboard, year: InsightFilter, _: DisclosurePolicy, combo: Combo = combo
            ) -> list[Figure]:
                period = frozenset({(n, v) for n, v in combo if n != "period"})
                return view(board.slug, board, period | {("period", str(year.period))}, year)

            trends = trends_build(board, chosen, built, policy, in_year)
            published.trend_values += _trend_values_read(slug, combo, trends, views)
    return published, sorted({combo for _, combo in views}, key=sorted), values


def _trend_values_read(
    slug: str, combo: Combo, trends: dict[str, Trend], views: dict[tuple[str, Combo], list[Figure]]
) -> int:
    """Every value a trend table shows is the text its school year's view published (which the
    attacker reads): the row's percentage, mean, one count or total, or nothing there (``0``
    for a count, ``x`` otherwise). Returns how many trend values were read."""
    read = 0
    base = frozenset({(n, v) for n, v in combo if n != "period"})
    for key, trend in trends.items():
        for index, label in enumerate(trend.years):
            period = base | {("period", label.split(" ")[0])}
            figure = next(f for f in views[(slug, period)] if f.key == key)
            headers = figure.headers
            column = (
                headers.index(trend.measure)
                if trend.measure in headers
                else headers.index("Total")
                if "Total" in headers
                else 1
            )
            shown = {row[0]: row[column] for row in figure.rows_as_text()}
            for row in trend.rows:
                assert row.values[index] == shown.get(row.label, row.values[index]), (key, row)
                assert row.label in shown or row.values[index] in ("0", "x"), (key, row)
                read += 1
    return read


def _possible(text: str, *, total: bool, policy: DisclosurePolicy) -> tuple[int, int] | None:
    """The true counts a published text can stand for, under the published rules."""
    if text == "c":
        return 1, UNKNOWN  # zeros are shown as 0, so a c is at least 1
    if not text.isdigit():
        return None  # x, z: no count
    shown = int(text)
    if shown == 0:
        return 0, 0  # zeros are shown exactly (a count above 0 never publishes as 0 here)
    reach = shown + 2 * policy.rounding_base + 1
    counts = [
        n
        for n in range(1, reach)
        if not policy.is_small(n) and shown in rounded_values(count=n, policy=policy)
    ]
    return min(counts), max(counts)


Relation = tuple[Node, list[Node]]  # the first node is the sum of the others
Views = dict[tuple[str, Combo, str], dict[tuple[str, str], Node]]


def relations_find(
    published: Published, combos: list[Combo], values: dict[str, list[str]]
) -> list[Relation]:
    """Every sum the attacker can write down that holds on the true counts."""
    views: Views = defaultdict(dict)
    for node in published.texts:
        slug, combo, key, row, column = node
        views[(slug, combo, key)][(row, column)] = node
    candidates = _within_figures(views) + _across_views(views, _splits(set(combos), values))
    return [
        (whole, parts)
        for whole, parts in candidates
        if published.value(whole) == sum(published.value(part) for part in parts)
    ]


def _within_figures(views: Views) -> list[Relation]:
    """A row's cells add up to its total, each column to the total row."""
    found: list[Relation] = []
    for (slug, combo, key), cells in views.items():
        rows = {row for row, _ in cells} - {"Total"}
        columns = {column for _, column in cells} - {"Total"}
        for row in rows:
            if (row, "Total") in cells:
                found.append((cells[(row, "Total")], [(slug, combo, key, row, c) for c in columns]))
        for column in [*columns, "Total"]:
            if ("Total", column) in cells:
                found.append(
                    (cells[("Total", column)], [(slug, combo, key, r, column) for r in rows])
                )
    return found


def _splits(fetched: set[Combo], values: dict[str, list[str]]) -> list[tuple[Combo, list[Combo]]]:
    """Each fetched view with every splitting filter's values added, and phases by year group."""
    splits: list[tuple[Combo, list[Combo]]] = []
    for parent in fetched:
        names = {name for name, _ in parent}
        for name in SPLITTING:
            if name in names or (name == "phase" and "year_group" in names):
                continue
            parts = [parent | {(name, value)} for value in values[name]]
            if all(part in fetched for part in parts):
                splits.append((parent, parts))
    for phase, (_, first, last) in PHASES.items():
        groups = [str(g) for g in range(first, last + 1) if str(g) in values["year_group"]]
        if groups and len(groups) == last - first + 1:
            splits.append(
                (frozenset({("phase", phase)}), [frozenset({("year_group", g)}) for g in groups])
            )
    return splits


def _across_views(views: Views, splits: list[tuple[Combo, list[Combo]]]) -> list[Relation]:
    """A view's cell is the sum of the same cell in its splits (an absent row holds nobody)."""
    keys_by_view: dict[tuple[str, Combo], set[str]] = defaultdict(set)
    for slug, combo, key in views:
        keys_by_view[(slug, combo)].add(key)
    found: list[Relation] = []
    for parent, parts in splits:
        for slug in DASHBOARDS:
            keys = set().union(*(keys_by_view[(slug, c)] for c in (parent, *parts)))
            for key in keys:
                places = set(views.get((slug, parent, key), {}))
                for part in parts:
                    places |= set(views.get((slug, part, key), {}))
                found += [
                    (
                        (slug, parent, key, row, column),
                        [(slug, part, key, row, column) for part in parts],
                    )
                    for row, column in places
                ]
    return found


def attack_run(
    published: Published,
    relations: list[Relation],
    policy: DisclosurePolicy,
    *,
    chained: bool = True,
) -> Attack:
    """Narrow every count by the sums and count withheld cells left with one possible value.

    ``chained=False`` is plain differencing: each sum on its own, from the published values
    (withheld = whole - the other parts, with the ranges rounding leaves). ``chained=True``
    narrows through all the sums at once until nothing changes.
    """
    bounds: dict[Node, list[int]] = {}

    def first(node: Node) -> list[int]:
        text = published.texts.get(node)
        possible = (
            (0, 0)  # not published at all: a row or column that is absent holds nobody
            if text is None
            else _possible(text, total=node in published.totals, policy=policy)
        )
        return list(possible) if possible else [0, UNKNOWN]

    def bound(node: Node) -> list[int]:
        if node not in bounds:
            bounds[node] = first(node)
        return bounds[node]

    usable = [(w, p) for w, p in relations if published.texts.get(w) not in ("x", "z", "")]
    if not chained:
        _each_alone(usable, first, bound)
        return _outcome(published, bounds, policy, relations=len(usable))
    touching: dict[Node, list[int]] = defaultdict(list)
    for index, (whole, parts) in enumerate(usable):
        for node in (whole, *parts):
            touching[node].append(index)
    queue, queued = list(range(len(usable))), set(range(len(usable)))
    while queue:
        index = queue.pop()
        queued.discard(index)
        whole, parts = usable[index]
        changed = _narrow(bound(whole), [bound(part) for part in parts])
        for position in changed:
            node = whole if position < 0 else parts[position]
            for other in touching[node]:
                if other not in queued:
                    queued.add(other)
                    queue.append(other)
    return _outcome(published, bounds, policy, relations=len(usable))


def _each_alone(
    usable: list[Relation],
    first: Callable[[Node], list[int]],
    bound: Callable[[Node], list[int]],
) -> None:
    """Each sum on its own, from the published ranges; keep the narrowest range any one leaves."""
    for whole, parts in usable:
        alone = {node: first(node) for node in (whole, *parts)}
        while _narrow(alone[whole], [alone[part] for part in parts]):
            pass
        for node, (low, high) in alone.items():
            known = bound(node)
            if high - low < known[1] - known[0]:
                known[0], known[1] = low, high


def _outcome(
    published: Published, bounds: dict[Node, list[int]], policy: DisclosurePolicy, *, relations: int
) -> Attack:
    for node, (low, high) in bounds.items():
        truth = published.value(node)
        assert low <= truth <= high, ("the attack assumed something false", node, low, high)
    withheld = [node for node, text in published.texts.items() if text == "c"]
    recovered = [
        (node, bounds[node][0])
        for node in withheld
        if node in bounds and bounds[node][0] == bounds[node][1]
    ]
    return Attack(
        relations=relations,
        withheld=len(withheld),
        recovered=recovered,
        small_recovered=sum(1 for _, count in recovered if 1 <= count <= policy.threshold),
        bounds=bounds,
    )


def _narrow(whole: list[int], parts: list[list[int]]) -> list[int]:
    """Bounds consistency for whole = sum(parts); returns which changed (-1 for the whole).

    Each part is at least the whole's least minus the others' most, and at most the whole's
    most minus the others' least; the whole lies between the parts' sums.
    """
    changed = []
    low = sum(part[0] for part in parts)
    high = sum(part[1] for part in parts)
    if low > whole[0] or high < whole[1]:
        whole[0], whole[1] = max(whole[0], low), min(whole[1], high)
        changed.append(-1)
    narrowed = [
        (max(part[0], whole[0] - (high - part[1])), min(part[1], whole[1] - (low - part[0])))
        for part in parts
    ]
    for position, (part, (new_low, new_high)) in enumerate(zip(parts, narrowed, strict=True)):
        if (new_low, new_high) != (part[0], part[1]):
            part[0], part[1] = new_low, new_high
            changed.append(position)
    return changed
