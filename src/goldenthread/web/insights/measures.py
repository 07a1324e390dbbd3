"""Figures that are not plain counts: mean GAS T-scores, and which quality checks fail most.

Both still publish only through the disclosure core: children counts through
``series_protect``, failure counts through ``figure_build`` (``counts_protect``), and a mean
only when it covers at least six children (the core's ``MIN_CHILDREN_FOR_AVERAGE``) and its
count is shown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from goldenthread.core.insights import CellStatus, DisclosurePolicy, series_protect
from goldenthread.core.insights.gas_summary import MIN_CHILDREN_FOR_AVERAGE
from goldenthread.core.quality import CRITERIA
from goldenthread.web.insights.figures import (
    TOO_FEW,
    Bar,
    Choice,
    Figure,
    figure_build,
    rows_from,
    share_sentence,
)
from goldenthread.web.insights.protection import Line, Protected, Value
from goldenthread.web.insights.scans import Counts, GasGroup

CRITERION_NAMES: dict[str, str] = {
    "specific": "Specific",
    "measurable": "Measurable",
    "achievable": "Achievable",
    "realistic": "Realistic",
    "time_bound": "Says by when",
    "person_centred": "In the child's words",
    "outcome_not_provision": "A change, not the help given",
    "not_aspiration": "A step, not a far-off hope",
    "plain_language": "Plain words",
}
CRITERIA_ROWS: list[Choice] = [(name, CRITERION_NAMES.get(name, name)) for name in CRITERIA]
GAS_NOTES = (
    "A GAS T-score of 50 means outcomes were met as expected; above 50, better than expected.",
    "Each child's T-score is worked out from the latest level of each of their outcomes in the"
    " group (Kiresuk and Sherman's formula), then the children's scores are averaged.",
    "A mean is shown only when it covers 6 or more children (c otherwise).",
)


def mean_publish(mean: float | None, children: int, shown: bool, policy: DisclosurePolicy) -> Value:
    """A mean T-score: withheld when it covers fewer than six children or its count is hidden."""
    if not children or mean is None:
        return Value(policy.unavailable)
    if not shown or children < max(MIN_CHILDREN_FOR_AVERAGE, policy.threshold + 1):
        return Value(policy.symbol_for(CellStatus.PRIMARY), None, True)
    places = Decimal(1).scaleb(-policy.percentage_decimals)
    exact = Decimal(str(mean)).quantize(places, rounding=ROUND_HALF_UP)
    return Value(str(exact), float(exact))


def gas_figure(
    *,
    key: str,
    title: str,
    groups: Mapping[Any, GasGroup],
    rows: Sequence[Choice],
    row_heading: str,
    policy: DisclosurePolicy,
    additive: bool,
) -> Figure:
    """Children with a GAS score and their mean T-score, by row.

    ``additive`` rows (each child in one: need, phase) are one protected series with a total;
    overlapping rows (themes, provision) are each protected alone, with no total.
    """
    labels = [label for _, label in rows]
    counts = [groups[k].children if k in groups else 0 for k, _ in rows]
    if not rows:
        rows, labels, counts = [(None, "Everyone shown")], ["Everyone shown"], [0]
    series = series_protect(labels=labels, counts=counts, policy=policy, with_total=additive)
    lines = []
    for (k, label), published in zip(rows, series.counts, strict=True):
        group = groups.get(k, GasGroup(0, None))
        count = Value(published.text, published.value, published.withheld)
        mean = mean_publish(group.mean, group.children, not published.withheld, policy)
        lines.append(Line(label, (count, mean)))
    totals = None
    if additive and series.total is not None:
        children = sum(counts)
        overall = (
            sum(g.children * (g.mean or 0) for g in groups.values()) / children
            if children
            else None
        )
        any_hidden = any(line.cells[1].withheld for line in lines)
        total = series.total
        mean = (
            Value(policy.symbol_for(CellStatus.SECONDARY), None, True)
            if any_hidden and children
            else mean_publish(overall, children, not total.withheld, policy)
        )
        totals = Line("Total", (Value(total.text, total.value, total.withheld), mean))
    return Figure(
        key=key,
        title=title,
        unit="children",
        row_heading=row_heading,
        columns=("Children with a GAS score", "Mean GAS T-score"),
        lines=tuple(lines),
        totals=totals,
        summary=_gas_sentence(lines),
        chart_heading="Mean GAS T-score (50 means met as expected)",
        bars=tuple(Bar(line.label, line.cells[1].number, line.cells[1].text) for line in lines),
        notes=GAS_NOTES,
        show_totals=False,
    )


def _gas_sentence(lines: Sequence[Line]) -> str:
    shown = [(line.label, line.cells[1].number) for line in lines]
    scored = [(label, n) for label, n in shown if n is not None]
    if all(line.cells[0].text == "0" for line in lines):
        return "No outcome in these figures has a GAS level from a review yet."
    if len(scored) < 2:
        return TOO_FEW.format(unit="children with a GAS score")
    high = max(scored, key=lambda item: item[1])
    low = min(scored, key=lambda item: item[1])
    if high[1] == low[1]:
        return f"Every group shown has the same mean GAS T-score ({high[1]:g})."
    return (
        f"{high[0]} has the highest mean GAS T-score ({high[1]:g}); "
        f"{low[0]} has the lowest ({low[1]:g})."
    )


def failures_figure(counts: Counts, policy: DisclosurePolicy) -> Figure:
    """For each check, the checked outcomes that fail it: the commonest failures first."""
    fails = {name: counts.get((name, "fails"), (0, 0))[0] for name in CRITERIA}
    order = sorted(CRITERIA_ROWS, key=lambda row: -fails[row[0]])
    return figure_build(
        key="smart-failures",
        title="Which checks outcomes fail most often",
        unit="outcomes",
        counts=counts,
        rows=order,
        columns=[("fails", "Fails this check"), ("passes", "Passes or does not apply")],
        policy=policy,
        row_heading="Check",
        additive=False,
        share_column=0,
        share_heading="% failing",
        summary=_commonest_sentence,
        chart_heading="% of checked outcomes failing each check",
        notes=[
            "An outcome can fail more than one check, so the rows overlap and there is no total.",
            "Checked each night by the same quality engine as the outcome builder.",
        ],
    )


def _commonest_sentence(protected: Protected) -> str:
    shown = [
        (line.label, line.share.number)
        for line in protected.lines
        if line.share is not None and line.share.number is not None
    ]
    if not shown:
        return TOO_FEW.format(unit="outcomes")
    label, share = max(shown, key=lambda item: item[1])
    return f"The check failed most often is “{label}” ({share:g}% of checked outcomes fail it)."


def failures_by_figure(
    *, row: str, heading: str, counts: Counts, policy: DisclosurePolicy
) -> Figure:
    """Outcomes failing each check, by setting, service or team, and each row's commonest."""
    figure = figure_build(
        key=f"smart-failures-by-{row}",
        title=f"Checks failed by {heading.lower()}",
        unit="outcomes",
        counts=counts,
        rows=rows_from(counts),
        columns=CRITERIA_ROWS,
        policy=policy,
        row_heading=heading,
        additive=False,
        summary=_by_sentence(heading.lower()),
        chart_heading="Outcomes failing at least one check",
        notes=[
            "An outcome can fail more than one check, so a row's numbers overlap: no totals.",
        ],
    )
    lines = tuple(
        Line(line.label, line.cells, line.total, line.share, (_commonest(line),))
        for line in figure.lines
    )
    return Figure(
        **{
            **figure.__dict__,
            "lines": lines,
            "bars": (),
            "show_totals": False,
            "extra_headings": ("Commonest failure",),
        }
    )


def _commonest(line: Line) -> Value:
    shown = [
        (value.number, name)
        for value, (_, name) in zip(line.cells, CRITERIA_ROWS, strict=True)
        if value.number
    ]
    if not shown:
        return Value("x")
    return Value(max(shown)[1])


def _by_sentence(what: str) -> Any:
    def sentence(protected: Protected) -> str:
        tally: dict[str, float] = {}
        for line in protected.lines:
            for value, (_, name) in zip(line.cells, CRITERIA_ROWS, strict=True):
                if value.number:
                    tally[name] = tally.get(name, 0) + value.number
        if not tally:
            return TOO_FEW.format(unit="outcomes")
        name = max(tally, key=lambda n: tally[n])
        return f"Across every {what} shown, the check failed most often is “{name}”."

    return sentence


__all__ = ["failures_by_figure", "failures_figure", "gas_figure", "share_sentence"]
