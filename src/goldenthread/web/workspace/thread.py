"""A plan's golden thread laid out to be seen: rows from hopes to help, every gap, and how well
the outcomes are written (share SMART, which checks fail, by service)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from django.utils import timezone

from goldenthread.core.quality import CRITERIA, StatementContext, Status, assess
from goldenthread.core.quality.second_look import second_look_sentence
from goldenthread.web.plans.models import (
    Aspiration,
    AspirationVoice,
    Need,
    Outcome,
    Plan,
    Provision,
)
from goldenthread.web.plans.selectors import GoldenThread
from goldenthread.web.workspace.feedback import CRITERION_LABELS

GAP_PART_WORDS = {
    "aspiration_without_outcome": "Hope",
    "need_without_outcome": "Need",
    "outcome_without_provision": "Outcome",
    "provision_without_outcome": "Help",
}


@dataclass(frozen=True)
class ThreadRow:
    """One line of the thread: an outcome with what it serves, what it meets and what helps it.

    Parts that nothing links to get a row of their own, with the other cells empty.
    """

    aspirations: list[str]
    needs: list[str]
    outcome: str
    smart: bool | None
    provision: list[str]
    own_words: str = ""
    second_look: str = ""  # "Worth a second look: …" where the judge is unsure (ADR 0062)


@dataclass(frozen=True)
class GapLine:
    part: str
    text: str
    message: str


@dataclass(frozen=True)
class CountRow:
    label: str
    count: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.count / self.total) if self.total else 0


@dataclass
class QualitySummary:
    outcomes: int = 0
    smart: int = 0
    by_criterion: list[CountRow] = field(default_factory=list)
    by_domain: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def smart_percent(self) -> int:
        return round(100 * self.smart / self.outcomes) if self.outcomes else 0


@dataclass(frozen=True)
class ThreadView:
    rows: list[ThreadRow]
    gaps: list[GapLine]
    quality: QualitySummary
    # Each column: (words, "gap" or "", whose words they are when the family's or child's own).
    columns: dict[str, list[tuple[str, str, str]]]
    waiting: list[tuple[str, str, str, str]] = field(default_factory=list)


def _provision_words(item: Provision) -> str:
    how = ", ".join(part for part in (item.frequency, item.duration) if part)
    return f"{item.description} ({how})" if how else str(item.description)


def aspiration_words(aspiration: Aspiration, known_as: str) -> str:
    """Whose words a hope is in, for a tag beside it."""
    if aspiration.voice == AspirationVoice.CHILD:
        return f"In {known_as}'s own words"
    return "Family's words"


def outcome_words(outcome: Outcome, known_as: str) -> str:
    return f"In {known_as}'s or the family's own words" if outcome.in_own_words else ""


def _waiting(thread: GoldenThread) -> list[tuple[str, str, str, str]]:
    """Parts not in the plan yet: (part, words, where it stands, from whom)."""
    found = []
    for part in thread.waiting:
        words = str(getattr(part, "description", None) or getattr(part, "text", ""))
        who = part.proposed_by.display_name if part.proposed_by else "another service"
        found.append(
            (
                WAITING_PART_WORDS[type(part).__name__],
                words,
                part.get_contribution_status_display(),
                who,
            )
        )
    return found


class Judged(NamedTuple):
    """What the engine says of one outcome, as the thread shows it."""

    smart: bool
    failing: set[str]
    second_look: str  # "Worth a second look: …" where the judge is unsure, else ""


def _smart_by_outcome(plan: Plan, outcomes: list[Outcome]) -> dict[int, Judged]:
    context = StatementContext(
        today=timezone.localdate(), date_of_birth=plan.child.date_of_birth, plan_end=plan.end_date
    )
    found: dict[int, Judged] = {}
    for outcome in outcomes:
        assessment = assess(outcome.text, context)
        failing = {n for n, f in assessment.criteria.items() if f.status == Status.FAIL}
        found[outcome.pk] = Judged(
            assessment.smart, failing, second_look_sentence(assessment.unsure)
        )
    return found


def quality_summary(outcomes: list[Outcome], judged: dict[int, Judged]) -> QualitySummary:
    """How many outcomes are SMART, how often each check fails, and SMART by service."""
    total = len(outcomes)
    fails: Counter[str] = Counter()
    for found in judged.values():
        fails.update(found.failing)
    domains: dict[str, list[int]] = {}
    for outcome in outcomes:
        counts = domains.setdefault(outcome.get_domain_display() or "No service chosen", [0, 0])
        counts[0] += 1
        counts[1] += int(judged[outcome.pk].smart)
    return QualitySummary(
        outcomes=total,
        smart=sum(int(found.smart) for found in judged.values()),
        by_criterion=[CountRow(CRITERION_LABELS[name], fails[name], total) for name in CRITERIA],
        by_domain=[(name, n, smart) for name, (n, smart) in sorted(domains.items())],
    )


def thread_view(thread: GoldenThread) -> ThreadView:
    """The rows, gaps, quality summary and the four columns of the diagram for one plan."""
    judged = _smart_by_outcome(thread.plan, thread.outcomes)
    known_as = thread.plan.child.known_as
    helped_by: dict[int, list[Provision]] = {}
    for item in thread.provision:
        for outcome in item.outcomes.all():
            helped_by.setdefault(outcome.pk, []).append(item)
    live_aspirations = {a.pk for a in thread.aspirations}
    live_needs = {n.pk for n in thread.needs}
    live_outcomes = {o.pk for o in thread.outcomes}
    rows = [
        ThreadRow(
            aspirations=[a.text for a in o.aspirations.all() if a.pk in live_aspirations],
            needs=[n.text for n in o.needs.all() if n.pk in live_needs],
            outcome=o.text,
            smart=judged[o.pk].smart,
            provision=[_provision_words(p) for p in helped_by.get(o.pk, [])],
            own_words=outcome_words(o, known_as),
            second_look=judged[o.pk].second_look,
        )
        for o in thread.outcomes
    ]
    served = {a.pk for o in thread.outcomes for a in o.aspirations.all()}
    met = {n.pk for o in thread.outcomes for n in o.needs.all()}
    rows += [
        ThreadRow([a.text], [], "", None, []) for a in thread.aspirations if a.pk not in served
    ]
    rows += [ThreadRow([], [n.text], "", None, []) for n in thread.needs if n.pk not in met]
    rows += [
        ThreadRow([], [], "", None, [_provision_words(p)])
        for p in thread.provision
        if not any(o.pk in live_outcomes for o in p.outcomes.all())
    ]
    texts: dict[tuple[str, int], str] = {}
    parts: list[Aspiration | Need | Outcome] = [*thread.aspirations, *thread.needs]
    for part in [*parts, *thread.outcomes]:
        texts[(type(part).__name__.lower(), part.pk)] = part.text
    for item in thread.provision:
        texts[("provision", item.pk)] = _provision_words(item)
    gaps = [
        GapLine(
            GAP_PART_WORDS[str(gap.kind)],
            texts.get((GAP_PART_WORDS_KEY[str(gap.kind)], gap.part_id), ""),
            gap.message,
        )
        for gap in thread.gaps
    ]
    gap_ids = {(GAP_PART_WORDS_KEY[str(g.kind)], g.part_id) for g in thread.gaps}

    def column(kind: str, items: list[tuple[int, str, str]]) -> list[tuple[str, str, str]]:
        return [(text, "gap" if (kind, pk) in gap_ids else "", who) for pk, text, who in items]

    columns = {
        "Hopes (aspirations)": column(
            "aspiration",
            [(a.pk, a.text, aspiration_words(a, known_as)) for a in thread.aspirations],
        ),
        "Needs": column("need", [(n.pk, n.text, "") for n in thread.needs]),
        "Outcomes": column(
            "outcome", [(o.pk, o.text, outcome_words(o, known_as)) for o in thread.outcomes]
        ),
        "Help (provision)": column(
            "provision", [(p.pk, _provision_words(p), "") for p in thread.provision]
        ),
    }
    return ThreadView(
        rows, gaps, quality_summary(thread.outcomes, judged), columns, _waiting(thread)
    )


WAITING_PART_WORDS = {"Need": "Need", "Outcome": "Outcome", "Provision": "Help"}
GAP_PART_WORDS_KEY = {
    "aspiration_without_outcome": "aspiration",
    "need_without_outcome": "need",
    "outcome_without_provision": "outcome",
    "provision_without_outcome": "provision",
}
