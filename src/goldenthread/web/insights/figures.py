"""A figure: a protected table, its bar chart and one plain-English sentence about it.

The page, the CSV and XLSX downloads and the PDF report all read the same ``Figure``, so they
cannot disagree, and nothing in a figure was ever a withheld count.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from goldenthread.core.insights import DisclosurePolicy
from goldenthread.web.insights.protection import Line, Protected, Value, counts_protect
from goldenthread.web.insights.scans import Counts

Choice = tuple[Any, str]  # (key in the counts, label people read)

MAX_JOINT_ROWS = 30
LONG_TABLE_NOTE = (
    "Each row is checked on its own and there is no total row, so that a hidden number"
    " cannot be worked out from the others."
)
TOO_FEW = "There are too few {unit} to say more without risking identifying a child."


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    number: float | None  # None when withheld: no bar is drawn, the symbol is shown
    text: str


@dataclass(frozen=True)
class Figure:
    key: str
    title: str
    unit: str  # what is counted: "outcomes", "needs", "plans", "children"
    row_heading: str
    columns: tuple[str, ...]
    lines: tuple[Line, ...]
    totals: Line | None
    share_heading: str = ""
    summary: str = ""
    chart_heading: str = ""
    bars: tuple[Bar, ...] = ()
    percent_chart: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)
    show_totals: bool = True  # False when a row's cells overlap (their sum counts twice)
    extra_headings: tuple[str, ...] = ()

    @property
    def with_totals(self) -> bool:
        """A one-column figure is its own total: showing a rounded copy beside it confuses."""
        return (
            self.show_totals
            and len(self.columns) > 1
            and any(line.total is not None for line in self.lines)
        )

    @property
    def headers(self) -> list[str]:
        head = [self.row_heading, *self.columns, *(["Total"] if self.with_totals else [])]
        head = [*head, self.share_heading] if self.share_heading else head
        return [*head, *self.extra_headings]

    def rows_as_text(self) -> list[list[str]]:
        """Every row as it is published (the same words on the page and in downloads)."""
        every = [*self.lines, *([self.totals] if self.totals else [])]
        rows = []
        for line in every:
            row = [line.label, *(cell.text for cell in line.cells)]
            if self.with_totals:
                row.append(line.total.text if line.total else "")
            if self.share_heading:
                row.append(line.share.text if line.share else "")
            if self.extra_headings:
                extras = [value.text for value in line.extras]
                row += (extras + [""] * len(self.extra_headings))[: len(self.extra_headings)]
            rows.append(row)
        return rows


def rows_from(
    counts: Counts, *, fixed: Sequence[Choice] = (), missing: str = "Not recorded"
) -> list[Choice]:
    """Row keys in order: the fixed vocabulary first (zeros shown), then any others by name."""
    seen = {row for row, _ in counts}
    known = {key for key, _ in fixed}
    rows = list(fixed)
    rows += sorted(((k, str(k)) for k in seen - known if k not in (None, "")), key=lambda r: r[1])
    if seen & {None, ""}:
        rows.append((None, missing))
    return rows


def _grids(
    counts: Counts, rows: Sequence[Choice], columns: Sequence[Choice]
) -> tuple[list[list[int]], list[list[int]]]:
    def get(row: Any, column: Any, part: int) -> int:
        keys = (row,) if row is not None else (None, "")
        return sum(counts.get((key, column), (0, 0))[part] for key in keys)

    units = [[get(r, c, 0) for c, _ in columns] for r, _ in rows]
    children = [[get(r, c, 1) for c, _ in columns] for r, _ in rows]
    return units, children


def figure_build(
    *,
    key: str,
    title: str,
    unit: str,
    counts: Counts,
    rows: Sequence[Choice],
    columns: Sequence[Choice],
    policy: DisclosurePolicy,
    row_heading: str,
    additive: bool = True,
    share_column: int | None = None,
    share_heading: str = "",
    summary: Callable[[Protected], str] | None = None,
    chart_heading: str = "",
    notes: Sequence[str] = (),
) -> Figure:
    """Protect the counts and describe them: bars are the share column, else the row totals."""
    units, children = _grids(counts, rows, columns)
    notes = list(notes)
    if additive and len(rows) > MAX_JOINT_ROWS:
        # Secondary suppression over hundreds of rows is slow and hides much; with no column
        # totals published, each row can be protected alone without giving another away.
        additive = False
        notes.append(LONG_TABLE_NOTE)
    protected = counts_protect(
        labels=[label for _, label in rows],
        columns=[label for _, label in columns],
        units=units,
        children=children,
        policy=policy,
        additive=additive,
        share_column=share_column,
    )
    percent = share_column is not None
    single = len(columns) == 1
    bars = tuple(
        Bar(line.label, *_bar(line.share if percent else line.cells[0] if single else line.total))
        for line in protected.lines
    )
    return Figure(
        key=key,
        title=title,
        unit=unit,
        row_heading=row_heading,
        columns=tuple(label for _, label in columns),
        lines=protected.lines,
        totals=protected.totals,
        share_heading=share_heading,
        summary=(summary or largest_sentence(unit))(protected),
        chart_heading=chart_heading or (share_heading if percent else f"Number of {unit}"),
        bars=bars,
        percent_chart=percent,
        notes=tuple(notes),
    )


def _bar(value: Value | None) -> tuple[float | None, str]:
    if value is None:
        return None, ""
    return value.number, value.text


def _shown(lines: Sequence[Line], pick: Callable[[Line], Value | None]) -> list[tuple[str, float]]:
    shown = []
    for line in lines:
        value = pick(line)
        if value is not None and value.number is not None:
            shown.append((line.label, value.number))
    return shown


def largest_sentence(unit: str, about: str = "are about") -> Callable[[Protected], str]:
    """ "Most outcomes are about Independent Lives (42.0% of those shown)." from shown values."""

    def sentence(protected: Protected) -> str:
        shown = _shown(protected.lines, lambda line: line.total)
        total = sum(number for _, number in shown)
        if len(shown) < 2 or not total:
            return TOO_FEW.format(unit=unit)
        label, number = max(shown, key=lambda item: item[1])
        share = round(100 * number / total)
        return f"Most {unit} {about} {label.lower()} (about {share}% of the {unit} shown)."

    return sentence


def share_sentence(what: str, unit: str) -> Callable[[Protected], str]:
    """ "Learning has the highest share achieved (61.5%); Health has the lowest (20%)." """

    def sentence(protected: Protected) -> str:
        shown = _shown(protected.lines, lambda line: line.share)
        if len(shown) < 2:
            return TOO_FEW.format(unit=unit)
        high = max(shown, key=lambda item: item[1])
        low = min(shown, key=lambda item: item[1])
        if high[1] == low[1]:
            return f"Every group shown has the same share {what} ({high[1]:g}%)."
        return (
            f"{high[0]} has the highest share {what} ({high[1]:g}%); "
            f"{low[0]} has the lowest ({low[1]:g}%)."
        )

    return sentence
