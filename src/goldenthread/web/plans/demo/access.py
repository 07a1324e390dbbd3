"""Demo data for access: the first coordinators work as one team (the ``dpo`` sign-in is made
with the other demo sign-ins in ``area.py``)."""

from __future__ import annotations

from goldenthread.web.access.models import Team
from goldenthread.web.accounts.models import Organisation, Role, User

TEAM_SIZE = 3
TEAM_NAME = "EHC team North"


def demo_team_add(*, local_authority: Organisation) -> Team:
    """Put the first coordinators of the area in one team, so each sees the others' children
    when covering for them."""
    coordinators = list(
        User.objects.filter(role=Role.COORDINATOR, organisation=local_authority).order_by("pk")[
            :TEAM_SIZE
        ]
    )
    team, _ = Team.objects.get_or_create(name=TEAM_NAME, organisation=local_authority)
    team.members.set(coordinators)
    return team
