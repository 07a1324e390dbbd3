"""The verdict: is the statement SMART, and a 0–100 score to order statements by quality.

SMART rule: the kind is outcome or target, AND time_bound, measurable and specific each pass or
warn, AND person_centred and outcome_not_provision do not fail. Achievable and realistic are
reported but only block SMART when they fail on real evidence (a date already past or after 25),
which time_bound also catches.

Score: each criterion's status is worth pass 1, warn 0.5, fail 0 (n/a is left out), weighted by
CRITERION_WEIGHTS and averaged; the average is multiplied by KIND_FACTOR for the statement's kind.
"""

from __future__ import annotations

from goldenthread.core.quality.model import Finding, Kind, Status

CRITERION_WEIGHTS: dict[str, float] = {
    "specific": 15.0,
    "measurable": 20.0,
    "achievable": 3.0,
    "realistic": 4.0,
    "time_bound": 20.0,
    "person_centred": 10.0,
    "outcome_not_provision": 13.0,
    "not_aspiration": 5.0,
    "plain_language": 10.0,
}
STATUS_VALUE: dict[Status, float] = {Status.PASS: 1.0, Status.WARN: 0.5, Status.FAIL: 0.0}
KIND_FACTOR: dict[Kind, float] = {
    Kind.OUTCOME: 1.0,
    Kind.TARGET: 0.9,
    Kind.ASPIRATION: 0.6,
    Kind.NEED: 0.5,
    Kind.PROVISION: 0.5,
}
SMART_KINDS = frozenset({Kind.OUTCOME, Kind.TARGET})
MUST_PASS_OR_WARN = ("time_bound", "measurable", "specific")
MUST_NOT_FAIL = ("person_centred", "outcome_not_provision", "realistic")


def is_smart(kind: Kind, criteria: dict[str, Finding]) -> bool:
    """The SMART verdict (see the module docstring)."""
    if kind not in SMART_KINDS:
        return False
    if any(criteria[name].status not in {Status.PASS, Status.WARN} for name in MUST_PASS_OR_WARN):
        return False
    return all(criteria[name].status is not Status.FAIL for name in MUST_NOT_FAIL)


def quality_score(kind: Kind, criteria: dict[str, Finding]) -> int:
    """A 0–100 score (see the module docstring)."""
    total = weight_sum = 0.0
    for name, found in criteria.items():
        value = STATUS_VALUE.get(found.status)
        if value is None:
            continue
        weight = CRITERION_WEIGHTS.get(name, 0.0)
        total += weight * value
        weight_sum += weight
    average = total / weight_sum if weight_sum else 0.0
    return round(100 * average * KIND_FACTOR[kind])
