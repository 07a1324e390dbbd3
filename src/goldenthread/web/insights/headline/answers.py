"""North Somerset's questions for leaders, each answered by one or two measures over three years.

North Somerset's *Sharing Outcomes* framework asks leaders to look at "the individual in the
context of the system" with these questions (docs/headline-measures.md lists the measures, their
definitions and why each answers its question). Every figure is published through the disclosure
policy: a share is shown only when its numerator, its denominator and the difference between them
are each more than the policy hides, and is worked out from the rounded counts (ADR 0019).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from goldenthread.core import vocabulary as v
from goldenthread.core.insights import DisclosurePolicy
from goldenthread.core.insights.policy import (
    CellStatus,
    PublishedShare,
    headline_protect,
    share_of_published,
)
from goldenthread.web.insights.headline.counts import (
    YearCounts,
    school_year_label,
    year_counts,
)

YEARS = 3
WITHHELD_WORDS = "too few to show"
NONE_WORDS = "none to count"


@dataclass(frozen=True)
class Figure:
    """One published value for one year: text to show, and its number when shown."""

    year: str
    text: str
    number: Decimal | None


@dataclass(frozen=True)
class Measure:
    key: str
    name: str
    definition: str
    unit: str  # "%" or "T-score"
    dashboard: str  # slug of the dashboard behind it
    figures: tuple[Figure, ...]  # oldest first
    sentence: str
    higher_is_better: bool = True
    page: str = ""  # the URL name of the page behind it, when it is not a dashboard


@dataclass(frozen=True)
class Question:
    question: str
    measures: tuple[Measure, ...]


@dataclass(frozen=True)
class Headline:
    years: tuple[str, ...]
    questions: tuple[Question, ...]
    improved: tuple[str, ...]
    worse: tuple[str, ...]
    look_next: tuple[str, ...]


def _withheld(policy: DisclosurePolicy) -> PublishedShare:
    status = CellStatus.PRIMARY
    return PublishedShare(value=None, status=status, symbol=policy.symbol_for(status))


def share_publish(
    numerator: int, denominator: int, policy: DisclosurePolicy, cell: Sequence[str] = ()
) -> PublishedShare:
    """A share of published (rounded) counts, withheld when the part in, the whole or the part
    left out is small enough to point at a child; ``z`` when the whole is none."""
    small = (
        policy.is_small(numerator)
        or policy.is_small(denominator)
        or policy.is_small(denominator - numerator)
    )
    if small and denominator:
        return _withheld(policy)
    part = headline_protect(count=numerator, policy=policy, cell=(*cell, "part"))
    whole = headline_protect(count=denominator, policy=policy, cell=(*cell, "whole"))
    return share_of_published(numerator=part, denominator=whole, policy=policy)


def mean_publish(total: float, children: int, policy: DisclosurePolicy) -> PublishedShare:
    """A mean over children, shown to a whole number only when the children are not few."""
    if children == 0:
        return share_publish(0, 0, policy)
    if policy.is_small(children):
        return _withheld(policy)
    value = Decimal(total / children).quantize(Decimal(1))
    return PublishedShare(value=value, status=CellStatus.SHOWN)


def _figures(
    counts: list[tuple[str, YearCounts]],
    counted: Callable[[YearCounts], tuple[float, int]],
    *,
    key: str,
    unit: str,
    policy: DisclosurePolicy,
) -> tuple[Figure, ...]:
    """Each year's figure, published: a mean over children for a T-score, else a share of
    (part, whole). Random rounding draws by where the count sits: measure, year, part/whole."""
    out = []
    for label, year in counts:
        first, second = counted(year)
        if unit == "T-score":
            published = mean_publish(first, second, policy)
        else:
            published = share_publish(int(first), second, policy, cell=("headline", key, label))
        if published.value is not None:
            text = published.text
        elif published.status is CellStatus.NOT_APPLICABLE:
            text = NONE_WORDS
        else:
            text = WITHHELD_WORDS
        out.append(Figure(label, text, published.value))
    return tuple(out)


def _sentence(name: str, unit: str, figures: tuple[Figure, ...], *, higher: bool = True) -> str:
    """What changed, in one plain sentence: "… 53, up from 49 in 2024 to 2025."""
    latest, before = figures[-1], figures[-2] if len(figures) > 1 else None
    show = "{}%".format if unit == "%" else "{}".format
    if latest.number is None:
        return f"{name}: there are too few to show for {latest.year}."
    now = show(latest.number)
    if before is None or before.number is None:
        return f"{name}: {now} in {latest.year}. There is no figure for the year before."
    was = show(before.number)
    if latest.number == before.number:
        return f"{name}: {now} in {latest.year}, the same as the year before."
    direction = "up" if latest.number > before.number else "down"
    return f"{name}: {now} in {latest.year}, {direction} from {was} the year before."


def _measure(
    key: str,
    name: str,
    definition: str,
    dashboard: str,
    *,
    counts: list[tuple[str, YearCounts]],
    counted: Callable[[YearCounts], tuple[float, int]],
    policy: DisclosurePolicy,
    unit: str = "%",
    higher_is_better: bool = True,
    page: str = "",
) -> Measure:
    figures = _figures(counts, counted, key=key, unit=unit, policy=policy)
    return Measure(
        key=key,
        name=name,
        definition=definition,
        unit=unit,
        dashboard=dashboard,
        figures=figures,
        sentence=_sentence(name, unit, figures, higher=higher_is_better),
        higher_is_better=higher_is_better,
        page=page,
    )


def _theme_counts(theme: int) -> Callable[[YearCounts], tuple[float, int]]:
    def counted(year: YearCounts) -> tuple[float, int]:
        return year.met_by_theme.get(theme, (0, 0))

    return counted


def _theme_measures(
    counts: list[tuple[str, YearCounts]], policy: DisclosurePolicy
) -> tuple[Measure, ...]:
    measures = []
    for number, (theme, _, _) in v.THEMES.items():
        measures.append(
            _measure(
                f"met-theme-{number}",
                f"Outcomes met or better in {theme}",
                f"Of the outcomes in the {theme} theme rated at reviews held in the school year,"
                " the share rated as expected or better (GAS level 0 or more).",
                "attainment",
                counts=counts,
                counted=_theme_counts(number),
                policy=policy,
            )
        )
    return tuple(measures)


def headline_build(*, area_id: int, latest_year: int, policy: DisclosurePolicy) -> Headline:
    """The answers for the last ``YEARS`` school years, ending with ``latest_year``."""
    counts = [
        (school_year_label(year), year_counts(area_id=area_id, start_year=year))
        for year in range(latest_year - YEARS + 1, latest_year + 1)
    ]
    m = _all_measures(counts, policy)
    questions = (
        Question(
            "Is it supporting children to achieve what they aspire to?",
            (m["met"], m["aspiration"], *_theme_measures(counts, policy)),
        ),
        Question("Is it realising the benefits intended?", (m["t-score"],)),
        Question("Are we working together effectively?", (m["all-services"],)),
        Question("Can parents tell their story once?", (m["told-once"],)),
        Question("Are we commissioning the right mix of services?", (m["gaps"],)),
        Question("Where must we develop?", (m["smart"],)),
        Question("What creates barriers?", (m["on-time"], m["twenty-weeks"])),
    )
    return _with_summary(tuple(label for label, _ in counts), questions)


def _all_measures(
    counts: list[tuple[str, YearCounts]], policy: DisclosurePolicy
) -> dict[str, Measure]:
    p = policy
    return {
        "met": _measure(
            "met",
            "Outcomes met or better",
            "Of the outcomes rated at reviews held in the school year, the share rated as"
            " expected or better (GAS level 0 or more).",
            "attainment",
            counts=counts,
            counted=lambda y: (y.met, y.ratings),
            policy=p,
        ),
        "aspiration": _measure(
            "aspiration",
            "Outcomes linked to a hope for the future",
            "Of the outcomes in EHC plans issued in the school year, the share linked to one of"
            " the child's aspirations (the golden thread).",
            "outcomes",
            counts=counts,
            counted=lambda y: (y.outcomes_with_aspiration, y.outcomes_issued),
            policy=p,
        ),
        "t-score": _measure(
            "t-score",
            "Mean GAS T-score",
            "Each child's Goal Attainment Scaling T-score at their latest review in the school"
            " year, averaged over the children. 50 means outcomes were met as expected.",
            "attainment",
            counts=counts,
            counted=lambda y: (y.t_score_sum, y.reviewed_children),
            policy=p,
            unit="T-score",
        ),
        "all-services": _measure(
            "all-services",
            "Plans with help from education, health and care",
            "Of the EHC plans issued in the school year (new or amended), the share with"
            " provision from all three services: education, health and social care.",
            "outcomes",
            counts=counts,
            counted=lambda y: (y.plans_all_services, y.plans_issued),
            policy=p,
        ),
        "told-once": _measure(
            "told-once",
            "Children whose story is told once",
            "Of the children with an EHC plan issued in the school year, the share whose"
            " 'All about me' is written down once and shared by every plan and service.",
            "outcomes",
            counts=counts,
            counted=lambda y: (y.children_told_once, y.children_issued),
            policy=p,
        ),
        "gaps": _measure(
            "gaps",
            "Needs with no help set out",
            "Of the needs in EHC plans issued in the school year, the share with no provision"
            " that meets them, directly or through an outcome. Lower is better.",
            "gaps",
            counts=counts,
            counted=lambda y: (y.needs_without_provision, y.needs_issued),
            policy=p,
            higher_is_better=False,
        ),
        "smart": _measure(
            "smart",
            "SMART outcomes",
            "Of the outcomes in EHC plans issued in the school year, the share the quality"
            " check judges SMART.",
            "quality",
            counts=counts,
            counted=lambda y: (y.outcomes_smart, y.outcomes_issued),
            policy=p,
        ),
        "on-time": _measure(
            "on-time",
            "Annual reviews on time",
            "Of the EHC plan annual reviews held in the school year, the share held within 12"
            " months of the review before (or of the plan being issued).",
            "reviews",
            counts=counts,
            counted=lambda y: (y.reviews_on_time, y.reviews),
            policy=p,
        ),
        "twenty-weeks": _measure(
            "twenty-weeks",
            "EHC plans issued within 20 weeks",
            "Of the final EHC plans issued in the school year after an EHC needs assessment with"
            " no exception to the time limit, the share issued within 20 weeks of the request"
            " (SEND Regulations 2014, reg 13(2); the DfE's headline measure).",
            "timeliness",
            counts=counts,
            counted=lambda y: (y.assessments_within, y.assessments_issued),
            policy=p,
            page="assessments-timeliness",
        ),
    }


def _change(measure: Measure) -> Decimal | None:
    if len(measure.figures) < 2:
        return None
    latest, before = measure.figures[-1].number, measure.figures[-2].number
    if latest is None or before is None:
        return None
    change = latest - before
    return change if measure.higher_is_better else -change


def _with_summary(years: tuple[str, ...], questions: tuple[Question, ...]) -> Headline:
    """What improved, what got worse and where to look next (the lowest shares)."""
    measures = [m for q in questions for m in q.measures]
    changes = [(m, _change(m)) for m in measures]
    improved = tuple(m.sentence for m, c in changes if c is not None and c > 0)
    worse = tuple(m.sentence for m, c in changes if c is not None and c < 0)
    themed = [
        m for m in measures if m.key.startswith("met-theme-") and m.figures[-1].number is not None
    ]
    look_next: tuple[str, ...] = ()
    if themed:
        lowest = min(themed, key=lambda m: m.figures[-1].number or Decimal(0))
        look_next = (
            f"{lowest.name} is the lowest of the four themes"
            f" ({lowest.figures[-1].text}% in {lowest.figures[-1].year}).",
        )
    return Headline(years, questions, improved, worse, look_next)
