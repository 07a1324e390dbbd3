"""Small, plain factories for web tests: an area, its people, a child and a plan with gaps.

Plain functions (no factory_boy) so a reader sees exactly what each test starts from. Every
name is made up.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from django.utils import timezone

from goldenthread.web.accounts.models import Organisation, OrganisationKind, Role, User
from goldenthread.web.plans.models import (
    AllAboutMe,
    Aspiration,
    Child,
    ChildRelationship,
    Need,
    Outcome,
    Plan,
    Provision,
    RelationshipKind,
    Step,
    ThemeTag,
)
from goldenthread.web.plans.services.plans import plan_create

PASSWORD = "correct-horse-battery-staple"
# A valid NHS number (mod 11) and a valid UPN (check letter computed in test_identifiers).
VALID_NHS_NUMBER = "943 476 5919"
VALID_UPN = "A123456789012"

_sequence = itertools.count(1)


def organisation_create(
    *, name: str = "", kind: str = OrganisationKind.SETTING, parent: Organisation | None = None
) -> Organisation:
    return Organisation.objects.create(
        name=name or f"Organisation {next(_sequence)}", kind=kind, parent=parent, is_synthetic=True
    )


def local_authority_create(*, name: str = "Westshire Council") -> Organisation:
    return organisation_create(name=name, kind=OrganisationKind.LOCAL_AUTHORITY)


def user_create(
    *,
    role: str = Role.COORDINATOR,
    username: str = "",
    organisation: Organisation | None = None,
    password: str = PASSWORD,
    first_name: str = "",
    last_name: str = "",
) -> User:
    number = next(_sequence)
    return User.objects.create_user(
        username=username or f"person{number}",
        password=password,
        role=role,
        organisation=organisation,
        first_name=first_name or "Sam",
        last_name=last_name or f"Tester{number}",
        is_synthetic=True,
    )


def users_of_each_role(*, organisation: Organisation | None = None) -> dict[str, User]:
    """One person for every role, keyed by the role's value."""
    return {
        role.value: user_create(
            role=role, username=f"{role.value}-{next(_sequence)}", organisation=organisation
        )
        for role in Role
    }


def child_create(
    *,
    local_authority: Organisation | None = None,
    setting: Organisation | None = None,
    first_name: str = "Ada",
    last_name: str = "",
    date_of_birth: dt.date | None = None,
    primary_need: str = "ASD",
    secondary_need: str = "",
    **extra: object,
) -> Child:
    return Child.objects.create(
        first_name=first_name,
        last_name=last_name or f"Example{next(_sequence)}",
        date_of_birth=date_of_birth or dt.date(2016, 3, 14),
        local_authority=local_authority or local_authority_create(),
        current_setting=setting,
        primary_need=primary_need,
        secondary_need=secondary_need,
        is_synthetic=True,
        **extra,
    )


def relationship_create(
    *,
    child: Child,
    person: User,
    kind: str = RelationshipKind.CASEWORKER,
    started_on: dt.date | None = None,
    ended_on: dt.date | None = None,
) -> ChildRelationship:
    return ChildRelationship.objects.create(
        child=child,
        person=person,
        kind=kind,
        started_on=started_on or timezone.localdate() - dt.timedelta(days=30),
        ended_on=ended_on,
    )


def all_about_me_create(*, child: Child, **fields: str) -> AllAboutMe:
    return AllAboutMe.objects.create(child=child, **fields)


@dataclass
class ThreadFixture:
    """A plan whose golden thread is half linked, so every kind of gap appears once.

    Linked: aspiration ``hope`` ← outcome ``outcome`` → need ``need``; provision ``help`` → outcome.
    Gaps: ``lonely_hope`` (nothing works towards it), ``unmet_need`` (no outcome),
    ``unhelped_outcome`` (no provision), ``stray_help`` (serves no outcome).
    """

    plan: Plan
    hope: Aspiration
    lonely_hope: Aspiration
    need: Need
    unmet_need: Need
    outcome: Outcome
    unhelped_outcome: Outcome
    step: Step
    help: Provision
    stray_help: Provision


def plan_with_thread_create(
    *, child: Child, coordinator: User | None = None, issued_on: dt.date | None = None
) -> ThreadFixture:
    plan = plan_create(
        child=child,
        user=coordinator,
        kind="ehc_plan",
        status="final",
        issued_on=issued_on or timezone.localdate() - dt.timedelta(days=100),
        coordinator=coordinator,
    )
    hope = Aspiration.objects.create(plan=plan, position=1, text="I want to work with animals.")
    lonely_hope = Aspiration.objects.create(
        plan=plan, position=2, text="I want to live near my gran."
    )
    need = Need.objects.create(
        plan=plan,
        position=1,
        text="Ada finds it hard to join in talk in class.",
        area="communication_and_interaction",
        domain="education",
    )
    unmet_need = Need.objects.create(
        plan=plan,
        position=2,
        text="Ada gets very tired after PE.",
        area="sensory_and_physical",
        domain="health",
    )
    outcome = Outcome.objects.create(
        plan=plan,
        position=1,
        domain="education",
        due_date=dt.date(2027, 7, 16),
        text="By the end of Year 6, I will ask a question in a group of four without help.",
    )
    outcome.needs.add(need)
    outcome.aspirations.add(hope)
    outcome.themes.add(ThemeTag.objects.get(number=2))
    unhelped_outcome = Outcome.objects.create(
        plan=plan,
        position=2,
        domain="health",
        text="By July 2027, I will walk to the bus stop.",
    )
    step = Step.objects.create(outcome=outcome, text="I will say hello to one friend each morning.")
    help_ = Provision.objects.create(
        plan=plan,
        position=1,
        domain="education",
        description="Small group talk sessions with a teaching assistant",
        frequency="3 times a week",
        duration="20 minutes",
    )
    help_.outcomes.add(outcome)
    help_.needs.add(need)
    stray_help = Provision.objects.create(
        plan=plan, position=2, domain="education", description="A quiet room at lunchtime"
    )
    return ThreadFixture(
        plan,
        hope,
        lonely_hope,
        need,
        unmet_need,
        outcome,
        unhelped_outcome,
        step,
        help_,
        stray_help,
    )


@dataclass
class Area:
    """Everything most page tests need: an area, a coordinator with a child on their caseload."""

    local_authority: Organisation
    school: Organisation
    coordinator: User
    stranger: User
    child: Child
    thread: ThreadFixture
    other_child: Child
    other_thread: ThreadFixture


def area_create() -> Area:
    local_authority = local_authority_create()
    school = organisation_create(name="Brook Lane Primary", parent=local_authority)
    coordinator = user_create(
        role=Role.COORDINATOR,
        username="coordinator",
        organisation=local_authority,
        first_name="Casey",
        last_name="Coordinator",
    )
    stranger = user_create(
        role=Role.COORDINATOR,
        username="stranger",
        organisation=local_authority,
        first_name="Stevie",
        last_name="Stranger",
    )
    child = child_create(
        local_authority=local_authority,
        setting=school,
        first_name="Ada",
        last_name="Lovelace-Example",
    )
    relationship_create(child=child, person=coordinator)
    other_child = child_create(
        local_authority=local_authority, setting=school, first_name="Bo", last_name="Other-Example"
    )
    relationship_create(child=other_child, person=stranger)
    return Area(
        local_authority,
        school,
        coordinator,
        stranger,
        child,
        plan_with_thread_create(child=child, coordinator=coordinator),
        other_child,
        plan_with_thread_create(child=other_child, coordinator=stranger),
    )
