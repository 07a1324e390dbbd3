"""Export → import round trips: every demo child, through JSON and through FHIR, into another
local authority ("another installation"), gives the same passport field by field."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import jsonschema
import pytest
from django.utils import timezone
from fhir.resources.R4B.bundle import Bundle

from goldenthread.web.access.policy import ChildAccess, Reason
from goldenthread.web.accounts.models import Organisation, OrganisationKind, Role, User
from goldenthread.web.passport.export import ABOUT_FIELDS, passport_json
from goldenthread.web.passport.fhir import record_fhir_bundle
from goldenthread.web.passport.selectors import Passport, passport_get
from goldenthread.web.passport.transfer import (
    ImportResult,
    import_fhir_bundle,
    import_record_json,
    record_schema,
)
from goldenthread.web.plans.demo.builder import area_seed
from goldenthread.web.plans.models import Child, ChildRelationship, Plan
from goldenthread.web.reviews.models import OutcomeDecision, OutcomeGasLevels, PlanDecision
from goldenthread.web.reviews.services.record import ProgressEntry, ReviewDetails, review_record
from tests.web import factories

pytestmark = pytest.mark.django_db
DEMO_CHILDREN = 12


def full_access(child: Child) -> ChildAccess:
    return ChildAccess(child.pk, frozenset({Reason.CASELOAD}))


def passport_shown(passport: Passport) -> dict[str, Any]:
    """Everything the passport page shows, field by field."""
    child, about = passport.child, passport.all_about_me
    return {
        "full_name": child.full_name,
        "preferred_name": child.preferred_name,
        "age": child.age_on(),
        "setting": child.current_setting.name if child.current_setting else None,
        "communication": child.communication,
        "all_about_me": {f: getattr(about, f) for f in ABOUT_FIELDS} if about else None,
        "aspirations": passport.aspirations,
        "outcomes": {
            theme: [(o.text, o.achievement_status, o.due_date) for o in outcomes]
            for theme, outcomes in passport.outcomes_by_theme.items()
        },
        "provision": {
            service: [(p.description, p.frequency, p.duration, p.delivered_by) for p in items]
            for service, items in passport.provision_by_service.items()
        },
        "coming_up": [(c.what, c.when) for c in passport.coming_up],
    }


def without_ids(record: dict[str, Any]) -> dict[str, Any]:
    """The record with every id replaced by the part's place in its plan, and no date made."""
    record = json.loads(json.dumps(record))
    record.pop("made_on")
    record["child"].pop("id")
    for plan in record["plans"]:
        plan.pop("id")
        places = {
            key: {item["id"]: index for index, item in enumerate(plan.get(key, []))}
            for key in ("aspirations", "needs", "outcomes", "provision", "reviews")
        }
        for key, place in places.items():
            for item in plan.get(key, []):
                item["id"] = place[item["id"]]
        for outcome in plan["outcomes"]:
            outcome["needs"] = [places["needs"][n] for n in outcome["needs"]]
            outcome["aspirations"] = [places["aspirations"][a] for a in outcome["aspirations"]]
        for provision in plan["provision"]:
            provision["outcomes"] = [places["outcomes"][o] for o in provision["outcomes"]]
            provision["needs"] = [places["needs"][n] for n in provision["needs"]]
        for review in plan["reviews"]:
            for score in review["scores"]:
                score["outcome"] = places["outcomes"][score["outcome"]]
    return record


@pytest.fixture
def demo_children() -> list[Child]:
    """A small demo area, with a review (scores and GAS levels) on the first plans."""
    area_seed(children=DEMO_CHILDREN, seed=7, today=timezone.localdate())
    coordinator = User.objects.get(username="coordinator")
    plans = Plan.objects.filter(archived_at__isnull=True, next_version__isnull=True)
    for plan in plans.select_related("child").order_by("pk")[:3]:
        outcomes = list(plan.outcomes.filter(archived_at__isnull=True))
        if not outcomes:
            continue
        OutcomeGasLevels.objects.create(
            outcome=outcomes[0], levels={"0": "Reads a page aloud"}, baseline=-2, weight=2.0
        )
        review_record(
            plan=plan,
            user=coordinator,
            details=ReviewDetails(
                kind="annual",
                meeting_on=timezone.localdate() - dt.timedelta(days=10),
                decision=PlanDecision.KEEP,
                child_views="I like the new reading group.",
            ),
            progress=[
                ProgressEntry(outcome=o, gas_level=(i % 5) - 2, decision=OutcomeDecision.CONTINUE)
                for i, o in enumerate(outcomes)
            ],
        )
    return list(Child.objects.order_by("pk"))


@pytest.fixture
def elsewhere() -> User:
    """A coordinator in another local authority that knows the same schools by name."""
    la = Organisation.objects.create(
        name="Eastshire Council", kind=OrganisationKind.LOCAL_AUTHORITY, is_synthetic=True
    )
    for setting in Organisation.objects.filter(kind=OrganisationKind.SETTING):
        Organisation.objects.create(
            name=setting.name, kind=OrganisationKind.SETTING, parent=la, is_synthetic=True
        )
    return factories.user_create(role=Role.COORDINATOR, organisation=la)


def _check_same(original: Child, result: ImportResult, importer: User) -> None:
    before = passport_get(original, full_access(original))
    after = passport_get(result.child, full_access(result.child))
    assert passport_shown(after) == passport_shown(before)
    assert without_ids(passport_json(after)) == without_ids(passport_json(before))
    assert result.child.local_authority == importer.organisation
    assert ChildRelationship.objects.filter(child=result.child, person=importer).exists()
    assert result.plans == len(before.plans)
    assert result.outcomes == sum(len(p["outcomes"]) for p in passport_json(before)["plans"])


def test_every_demo_child_survives_a_json_round_trip(
    demo_children: list[Child], elsewhere: User
) -> None:
    schema = record_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    reviewed = 0
    for child in demo_children:
        record = passport_json(passport_get(child, full_access(child)))
        jsonschema.validate(record, schema, format_checker=jsonschema.FormatChecker())
        reviewed += sum(len(p["reviews"]) for p in record["plans"])
        result = import_record_json(json.loads(json.dumps(record)), user=elsewhere)
        _check_same(child, result, elsewhere)
    assert reviewed >= 1  # the round trip covered review scores


def test_every_demo_child_survives_a_fhir_round_trip(
    demo_children: list[Child], elsewhere: User
) -> None:
    observations = 0
    for child in demo_children:
        bundle = record_fhir_bundle(passport_json(passport_get(child, full_access(child))))
        parsed = Bundle.model_validate(bundle)
        kinds = [e.resource.get_resource_type() for e in parsed.entry or [] if e.resource]
        observations += kinds.count("Observation")
        result = import_fhir_bundle(json.loads(json.dumps(bundle)), user=elsewhere)
        _check_same(child, result, elsewhere)
    assert observations >= 2  # the review's T-score and its outcome scores went through FHIR
