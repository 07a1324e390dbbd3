"""What the quality and attainment dashboards count for each child (their per-child steps).

One definition for the dashboards (``selectors``), which count a step from the outcome facts
or sum it from the per-plan rows the refresh keeps (``kept``), and for the tables that keep
them (``models``: a column for each of the step's columns).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from goldenthread.core import vocabulary as v
from goldenthread.core.quality import CRITERIA
from goldenthread.web.insights.bits import bit_flags, has_bits
from goldenthread.web.insights.scans import Step

ACHIEVEMENT_MEASURES: tuple[tuple[Any, Any], ...] = tuple(
    (key, Q(achievement=key)) for key in ("achieved", "working", "not_achieved")
)
SMART_MEASURES: tuple[tuple[Any, Any], ...] = (
    ("smart", Q(smart=True)),
    ("not_smart", Q(smart=False)),
    ("unchecked", Q(smart__isnull=True)),
)


def failure_measures() -> list[tuple[Any, Any]]:
    """Two measures per quality criterion: checked outcomes whose words fail it, and pass it."""
    measures: list[tuple[Any, Any]] = []
    for i, name in enumerate(CRITERIA):
        fails = has_bits("failed", 1 << i)
        measures.append(((name, "fails"), fails))
        measures.append(((name, "passes"), Q(failed__isnull=False) & ~Q(fails)))
    return measures


def smart_by_domain_measures() -> list[tuple[Any, Any]]:
    """SMART or not in each Education/Health/Social Care domain ("" for any other), as
    measures: one per-child step then serves every row of the quality dashboard."""
    known = [d.value for d in v.Domain]
    domains = [(d, Q(domain=d)) for d in known] + [("", ~Q(domain__in=known))]
    return [
        ((domain, key), Q(in_domain) & Q(condition))
        for domain, in_domain in domains
        for key, condition in SMART_MEASURES
    ]


def _one_of(field: str, known: list[str]) -> list[tuple[str, Q]]:
    """A condition for each known value of ``field``, then "" for blank or anything else."""
    return [(value, Q(**{field: value})) for value in known] + [("", ~Q(**{f"{field}__in": known}))]


AREAS = _one_of("area", [a.value for a in v.AREA_LABELS])
DOMAINS = _one_of("domain", [d.value for d in v.DOMAIN_LABELS])


def outcome_measures() -> list[tuple[Any, Any]]:
    """What the outcomes and gaps dashboards count: each (area of need, domain); each theme
    (key ``("theme", n)``, ``None`` for no theme); each (domain, with or without provision)."""
    measures: list[tuple[Any, Any]] = [
        ((area, domain), in_area & in_domain)
        for area, in_area in AREAS
        for domain, in_domain in DOMAINS
    ]
    measures += [(("theme", key), condition) for key, condition in bit_flags("theme")]
    measures += [
        ((domain, "with" if supported else "without"), in_domain & Q(has_provision=supported))
        for domain, in_domain in DOMAINS
        for supported in (True, False)
    ]
    return measures


# Outcomes by area and domain, by theme, and with or without provision, for every fact.
OUTCOMES = Step(measures=tuple(outcome_measures()))
# SMART or not, each check failed and passed, SMART in each domain: for every fact.
QUALITY = Step(measures=(*SMART_MEASURES, *failure_measures(), *smart_by_domain_measures()))
# Achievement and the GAS sums: for every fact, each theme and each type of provision.
ATTAINMENT = Step(
    measures=ACHIEVEMENT_MEASURES,
    flags=(*bit_flags("theme"), *bit_flags("provision")),
    gas=True,
)
# Achievement and the GAS sums by who delivers the provision (the provider facts).
BY_PROVIDER = Step(measures=ACHIEVEMENT_MEASURES, gas=True)
