"""A setting with a SENCO, a class teacher and a parent, a child on SEN support, and the
authority's coordinator: what the setting plan tests share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from goldenthread.web.accounts.models import Organisation, OrganisationKind, Role, User
from goldenthread.web.plans.models import Child, Outcome, Plan, Provision, RelationshipKind
from goldenthread.web.plans.services.common import record_save
from goldenthread.web.plans.services.contributions import plan_issue
from goldenthread.web.plans.services.links import part_save
from goldenthread.web.setting_plans.models import SettingPlan
from goldenthread.web.setting_plans.services.sheets import setting_plan_start
from tests.web import factories

OUTCOME_WORDS = "By the end of Year 5, I will write three sentences on my own in English lessons."
HELP_WORDS = "Daily 15-minute writing group with a teaching assistant"


@dataclass
class SettingWorld:
    area: factories.Area
    school: Organisation
    other_school: Organisation
    senco: User
    teacher: User
    parent: User
    other_senco: User
    child: Child


def world_create() -> SettingWorld:
    area = factories.area_create()
    school = area.school
    school.kind = OrganisationKind.SETTING
    school.save()
    other_school = factories.organisation_create(
        name="Hill Top Primary", parent=area.local_authority
    )
    senco = factories.user_create(
        role=Role.SENCO, username="senco", organisation=school, first_name="Sam", last_name="Senco"
    )
    teacher = factories.user_create(
        role=Role.EDUCATION,
        username="teacher",
        organisation=school,
        first_name="Tia",
        last_name="Teacher",
    )
    other_senco = factories.user_create(
        role=Role.SENCO, username="othersenco", organisation=other_school
    )
    parent = factories.user_create(role=Role.PARENT, username="parent")
    child = factories.child_create(
        local_authority=area.local_authority,
        setting=school,
        first_name="Cal",
        last_name="Support-Example",
        date_of_birth=dt.date(2017, 3, 4),
        primary_need="SLCN",
    )
    for person in (senco, teacher, other_senco, area.coordinator):
        factories.relationship_create(child=child, person=person)
    factories.relationship_create(child=child, person=parent, kind=RelationshipKind.PARENT)
    return SettingWorld(area, school, other_school, senco, teacher, parent, other_senco, child)


def setting_plan_with_thread(world: SettingWorld, *, issue: bool = True) -> SettingPlan:
    """A SEN support plan with one outcome and its help, written and issued by the SENCO."""
    sheet = setting_plan_start(child=world.child, by=world.senco)
    plan = sheet.plan
    today = timezone.localdate()
    outcome = part_save(
        Outcome(plan=plan),
        user=world.senco,
        fields={"text": OUTCOME_WORDS, "domain": "education", "due_date": dt.date(2027, 7, 16)},
    )
    help_ = record_save(
        Provision(plan=plan),
        user=world.senco,
        fields={"description": HELP_WORDS, "domain": "education", "start_date": today},
        links={"outcomes": [outcome]},
    )
    assert help_.pk
    if issue:
        plan_issue(Plan.objects.get(pk=plan.pk), user=world.senco)
    sheet.refresh_from_db()
    return sheet
