"""Gather an authority's records into a SEN2 return: a few set-wide queries, no query per child.

Which records go in (SEN2 guide, "scope"): every request for an EHC needs assessment received
in the calendar year or still open on the census date, every plan issued or ceased in the year,
and every plan in force on the census date. Requests and decisions come from the assessment
records (``goldenthread.web.assessments``); for plans made before those were kept, from
``PlanReturnFacts``. docs/returns.md lists where each item comes from.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from goldenthread.core.returns import codes
from goldenthread.core.returns.sen2 import (
    ActivePlan,
    AnnualReview,
    Assessment,
    Header,
    NamedPlan,
    Period,
    Person,
    Placement,
    Request,
    Sen2Return,
)
from goldenthread.web.accounts.models import Organisation
from goldenthread.web.assessments.choices import SEN2_REQUEST_SOURCE
from goldenthread.web.assessments.models import Assessment as AssessmentRecord
from goldenthread.web.assessments.models import ClockException
from goldenthread.web.plans.models import Child, Plan, PlanStatus
from goldenthread.web.returns.models import AuthorityReturn, ChildReturnDetails, PlanReturnFacts
from goldenthread.web.returns.placements import (
    placement_derived,
    placements_by_child,
    placements_named,
)
from goldenthread.web.reviews.models import Review

REQUEST_CODE = {"assess": "A", "not_assess": "J", "withdrawn": "W"}
ASSESSMENT_CODE = {"plan": "H", "no_plan": "I", "withdrawn": "W"}
# Review decisions in Golden Thread to SEN2 <ReviewOutcome>: M maintain, A amend, C cease.
REVIEW_CODE = {"keep": "M", "amend": "A", "cease": "C"}
EHC = "ehc_plan"


@dataclass
class PlanChain:
    """All issued versions of one child's EHC plan: first issue, current version, end."""

    child_id: int
    version_ids: list[int] = field(default_factory=list)
    first_issued: dt.date | None = None
    current_id: int = 0
    current_version: int = 0
    status: str = ""
    end_date: dt.date | None = None


def sen2_build(
    local_authority: Organisation,
    year: int,
    *,
    now: dt.datetime | None = None,
    only: list[int] | None = None,
) -> Sen2Return:
    """The authority's return for ``year``; ``only`` keeps just those children (one child's
    return-details page)."""
    period = Period(year)
    ref = period.reference_date
    settings = AuthorityReturn.objects.filter(local_authority=local_authority).first()
    header = Header(
        period=period,
        lea=settings.dfe_number if settings else "",
        made_at=timezone.localtime(now or timezone.now()).replace(tzinfo=None),
    )
    children = Child.objects.filter(local_authority=local_authority, archived_at__isnull=True)
    if only is not None:
        children = children.filter(pk__in=only)
    chains = _plan_chains(children)
    assessments = _assessments(children, period)
    plan_to_assessment = {a["plan_id"]: a for a in assessments if a["plan_id"]}
    facts = _facts(chains)
    reviews = _latest_reviews(chains, ref)
    wanted: dict[int, list[Request]] = defaultdict(list)
    used_assessments: set[int] = set()
    for chain in chains.values():
        request = _chain_request(
            chain,
            period,
            plan_to_assessment=plan_to_assessment,
            facts=facts,
            reviews=reviews,
            used=used_assessments,
        )
        if request is not None:
            wanted[chain.child_id].append(request)
    for record in assessments:
        if record["id"] in used_assessments or not _assessment_in_scope(record, period):
            continue
        wanted[record["child_id"]].append(_request_from_assessment(record, None))
    people = _people(wanted, period)
    return Sen2Return(header=header, people=tuple(people))


def _plan_chains(children: Any) -> dict[int, PlanChain]:
    """One chain per child with an issued EHC plan (versions share the child)."""
    rows = (
        Plan.objects.filter(
            child__in=children,
            kind=EHC,
            status__in=[PlanStatus.FINAL, PlanStatus.CEASED],
            issued_on__isnull=False,
            archived_at__isnull=True,
        )
        .order_by("child_id", "version", "id")
        .values_list("id", "child_id", "issued_on", "version", "status", "end_date")
    )
    chains: dict[int, PlanChain] = {}
    for pk, child_id, issued_on, version, status, end_date in rows.iterator(chunk_size=5000):
        chain = chains.setdefault(child_id, PlanChain(child_id))
        chain.version_ids.append(pk)
        if issued_on is None:  # filtered out above; for the type checker
            continue
        if chain.first_issued is None or issued_on < chain.first_issued:
            chain.first_issued = issued_on
        if version >= chain.current_version:
            chain.current_id, chain.current_version = pk, version
            chain.status, chain.end_date = status, end_date
    return chains


def _assessments(children: Any, period: Period) -> list[dict[str, Any]]:
    excepted = set(ClockException.objects.values_list("assessment_id", flat=True))
    rows: list[dict[str, Any]] = [
        dict(row)
        for row in AssessmentRecord.objects.filter(
            child__in=children,
            archived_at__isnull=True,
            request_received_on__lte=period.reference_date,
        ).values(
            "id",
            "child_id",
            "request_received_on",
            "request_source",
            "request_outcome",
            "request_outcome_on",
            "assessment_outcome",
            "assessment_outcome_on",
            "plan_id",
            "plan_issued_on",
            "preferred_setting_id",
        )
    ]
    for row in rows:
        row["week20"] = row["id"] in excepted
    return rows


def _assessment_in_scope(record: dict[str, Any], period: Period) -> bool:
    dates = (
        record["request_received_on"],
        record["request_outcome_on"],
        record["assessment_outcome_on"],
        record["plan_issued_on"],
    )
    still_open = record["request_outcome"] in ("", None) or (
        record["request_outcome"] == "assess" and not record["assessment_outcome"]
    )
    return still_open or any(period.holds(d) for d in dates)


def _facts(chains: dict[int, PlanChain]) -> dict[int, PlanReturnFacts]:
    """Facts kept for a chain, by child: those on the current version win."""
    version_to_child = {pk: c.child_id for c in chains.values() for pk in c.version_ids}
    found: dict[int, PlanReturnFacts] = {}
    for facts in PlanReturnFacts.objects.filter(plan_id__in=list(version_to_child)).order_by(
        "plan_id"
    ):
        found[version_to_child[facts.plan_id]] = facts
    return found


def _latest_reviews(chains: dict[int, PlanChain], ref: dt.date) -> dict[int, AnnualReview]:
    version_to_child = {pk: c.child_id for c in chains.values() for pk in c.version_ids}
    latest: dict[int, AnnualReview] = {}
    rows = (
        Review.objects.filter(
            plan_id__in=list(version_to_child), kind="annual", meeting_on__lte=ref
        )
        .order_by("meeting_on", "id")
        .values_list("plan_id", "meeting_on", "decision", "decision_made_on")
    )
    for plan_id, meeting_on, decision, decided_on in rows.iterator(chunk_size=5000):
        latest[version_to_child[plan_id]] = AnnualReview(
            meeting_date=meeting_on,
            outcome=REVIEW_CODE.get(decision, decision),
            decision_date=decided_on,
        )
    return latest


def _chain_request(
    chain: PlanChain,
    period: Period,
    *,
    plan_to_assessment: dict[int, dict[str, Any]],
    facts: dict[int, PlanReturnFacts],
    reviews: dict[int, AnnualReview],
    used: set[int],
) -> Request | None:
    ref = period.reference_date
    first = chain.first_issued
    assert first is not None
    ceased = chain.status == PlanStatus.CEASED and chain.end_date is not None
    active = first <= ref and not (ceased and chain.end_date and chain.end_date <= ref)
    ceased_in_year = ceased and period.holds(chain.end_date)
    issued_in_year = period.holds(first)
    if not (active or ceased_in_year or issued_in_year):
        return None
    kept = facts.get(chain.child_id)
    named = NamedPlan(
        plan_ref=chain.current_id,
        start_date=first,
        cease_date=chain.end_date if ceased else None,
        cease_reason=kept.cease_reason if kept and ceased else "",
    )
    active_plan = None
    if active:
        active_plan = ActivePlan(
            plan_ref=chain.current_id,
            transfer_la=kept.transfer_la if kept else "",
            review_expected=first <= dt.date(period.start.year - 1, 12, 31),
            last_review=reviews.get(chain.child_id),
        )
    record = next(
        (plan_to_assessment[v] for v in chain.version_ids if v in plan_to_assessment), None
    )
    if record is not None:
        used.add(record["id"])
        return _request_from_assessment(record, named, active_plan)
    # The plan's history goes with it every year: request, assessment, named plan (its start
    # date is what the "new plans" and 20-week figures read, for plans issued in the year).
    return Request(
        received_date=kept.request_received_on if kept else None,
        outcome="A",
        outcome_date=kept.assess_decided_on if kept else None,
        rya=kept.request_in_rya if kept else False,
        assessment=Assessment(
            outcome="H",
            outcome_date=kept.issue_decided_on if kept else None,
            week20_exception=kept.week20_exception if kept else False,
            named_plan=named,
        ),
        active_plan=active_plan,
    )


def _request_from_assessment(
    record: dict[str, Any], named: NamedPlan | None, active_plan: ActivePlan | None = None
) -> Request:
    outcome = REQUEST_CODE.get(record["request_outcome"] or "", "P")
    assessment = None
    if outcome == "A":
        assessment = Assessment(
            outcome=ASSESSMENT_CODE.get(record["assessment_outcome"] or "", "P"),
            outcome_date=record["assessment_outcome_on"],
            week20_exception=record["week20"],
            named_plan=named,
        )
    return Request(
        received_date=record["request_received_on"],
        source=SEN2_REQUEST_SOURCE.get(record["request_source"], ""),
        outcome=outcome,
        outcome_date=record["request_outcome_on"],
        assessment=assessment,
        active_plan=active_plan,
    )


def _people(wanted: dict[int, list[Request]], period: Period) -> list[Person]:
    children = Child.objects.filter(pk__in=list(wanted)).select_related("current_setting")
    details = {d.child_id: d for d in ChildReturnDetails.objects.filter(child_id__in=list(wanted))}
    recorded = placements_by_child(wanted, period)
    ref = period.reference_date
    people = []
    for child in children.order_by("pk").iterator(chunk_size=2000):
        kept = details.get(child.pk)
        attended = tuple(recorded.get(child.pk) or (placement_derived(child, kept, ref),))
        named = placements_named(list(attended), ref)
        needs = tuple(n for n in (child.primary_need, child.secondary_need) if n in codes.SEN_TYPES)
        requests = tuple(_with_placements(r, named, attended, needs) for r in wanted[child.pk])
        people.append(
            Person(
                ref=child.pk,
                surname=child.last_name,
                forename=child.first_name,
                birth_date=child.date_of_birth,
                sex=kept.gender if kept else "",
                ethnicity=kept.ethnicity if kept else "",
                postcode=kept.postcode if kept else "",
                upn=child.upn,
                uln=kept.uln if kept else "",
                upn_unknown=kept.upn_unknown if kept else "",
                requests=requests,
            )
        )
    return people


def _with_placements(
    request: Request,
    named: tuple[Placement, ...],
    attended: tuple[Placement, ...],
    needs: tuple[str, ...],
) -> Request:
    from dataclasses import replace

    assessment = request.assessment
    if assessment is not None and assessment.named_plan is not None:
        assessment = replace(
            assessment, named_plan=replace(assessment.named_plan, placements=named)
        )
    active = request.active_plan
    if active is not None:
        active = replace(active, placements=attended, needs=needs)
    return replace(request, assessment=assessment, active_plan=active)
