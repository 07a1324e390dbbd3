"""A few contributions in the demo: the demo therapist proposes help for two of the demo
coordinator's children, so the "Contributions" page has something to accept or return.

Added through the same services as the pages (``part_save`` with ``contribution_fields``), after
the bulk writes, in the order of the plans' ids: the same area gives the same proposals.
"""

from __future__ import annotations

from goldenthread.web.accounts.models import User
from goldenthread.web.plans.models import Plan, Provision, RelationshipKind
from goldenthread.web.plans.services.contributions import contribution_fields
from goldenthread.web.plans.services.links import part_save

PLANS_WITH_A_PROPOSAL = 2
PROPOSED_HELP = {
    "description": "Speech and language therapy: a session in school, and a short daily "
    "programme for the class team to use",
    "delivered_by": "Speech and language therapist, with the teaching assistant",
    "frequency": "Every two weeks, with the daily programme in between",
    "duration": "30 minutes",
    "domain": "health",
}


def demo_contributions_add() -> int:
    """Proposed help from ``therapist`` on plans coordinated by ``coordinator``; how many."""
    people = User.objects.filter(username__in=("therapist", "coordinator")).in_bulk(
        field_name="username"
    )
    if len(people) < 2:
        return 0
    therapist, coordinator = people["therapist"], people["coordinator"]
    plans = (
        Plan.objects.filter(
            coordinator=coordinator,
            archived_at__isnull=True,
            next_version__isnull=True,
            child__relationships__person=therapist,
            child__relationships__kind=RelationshipKind.CASEWORKER,
            child__relationships__ended_on__isnull=True,
        )
        .distinct()
        .order_by("pk")[:PLANS_WITH_A_PROPOSAL]
    )
    added = 0
    for plan in plans:
        help_ = Provision(plan=plan, position=plan.provision.count() + 1)
        outcome = plan.outcomes.filter(archived_at__isnull=True, domain="health").first()
        part_save(
            help_,
            user=therapist,
            fields={**PROPOSED_HELP, **contribution_fields(help_, plan=plan, user=therapist)},
            links={"outcomes": [outcome] if outcome else []},
        )
        added += 1
    return added
