"""The plan's coordinator picker offers, and the save accepts, only people who may coordinate."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from goldenthread.web.accounts.models import Role, User
from goldenthread.web.plans.coordinator_picker import FIND, SEARCH_FIELD
from goldenthread.web.plans.coordinators import NOT_A_COORDINATOR
from goldenthread.web.plans.models import Plan
from goldenthread.web.plans.services.plans import plan_save
from tests.web import factories
from tests.web.conftest import PageClient
from tests.web.factories import Area
from tests.web.pagecheck import error_summary_links, field_error


def _people(area: Area) -> dict[str, User]:
    other_council = factories.local_authority_create(name="Eastshire Council")
    return {
        "parent": factories.user_create(role=Role.PARENT, username="a-parent"),
        "senco": factories.user_create(
            role=Role.SENCO, username="school-senco", organisation=area.school
        ),
        "teacher": factories.user_create(
            role=Role.EDUCATION, username="a-teacher", organisation=area.school
        ),
        "elsewhere": factories.user_create(
            role=Role.COORDINATOR, username="east-coordinator", organisation=other_council
        ),
        "colleague": area.stranger,  # an EHC coordinator of the same council
    }


def _offered(page: PageClient, url: str) -> set[str]:
    options = page.get(url).html.select("select[name=coordinator] option")
    return {str(option["value"]) for option in options if option.get("value")}


def test_only_people_who_may_coordinate_are_offered(
    coordinator_page: PageClient, area: Area
) -> None:
    people = _people(area)
    # An EHC plan: only the EHC coordinators of the child's authority (issue 16).
    offered = _offered(coordinator_page, f"/plans/{area.thread.plan.pk}/edit/")
    assert offered == {str(area.coordinator.pk), str(people["colleague"].pk)}
    # A SEN support plan may also be coordinated by a SENCO at the child's setting.
    Plan.objects.filter(pk=area.thread.plan.pk).update(kind="sen_support")
    offered = _offered(coordinator_page, f"/plans/{area.thread.plan.pk}/edit/")
    assert offered == {
        str(area.coordinator.pk),
        str(people["colleague"].pk),
        str(people["senco"].pk),
    }


def test_the_picker_finds_a_coordinator_by_name_without_javascript(
    coordinator_page: PageClient, area: Area
) -> None:
    people = _people(area)
    User.objects.filter(pk=people["colleague"].pk).update(first_name="Siân", last_name="Prŷs")
    plan = area.thread.plan
    url = f"/plans/{plan.pk}/edit/"
    page = coordinator_page.get(url)
    labels = [o.get_text(strip=True) for o in page.html.select("select[name=coordinator] option")]
    assert any("Siân Prŷs (EHC coordinator" in label for label in labels), labels
    find = page.html.select_one(f"button[name={FIND}]")
    assert find is not None and find.get_text(strip=True) == "Find"
    values = page.form() | {SEARCH_FIELD: "sian prys", FIND: "1"}
    found = coordinator_page.post(url, values, status=200)
    options = found.html.select("select[name=coordinator] option")
    offered = {str(o["value"]) for o in options if o.get("value")}
    # The match, and the person already chosen (so a search never loses the choice).
    assert offered == {str(people["colleague"].pk), str(area.coordinator.pk)}
    assert not found.html.select(".govuk-error-summary")
    plan.refresh_from_db()
    assert plan.coordinator_id == area.coordinator.pk  # "Find" saves nothing
    # Choosing the person found and saving works; a search cannot let anyone else in.
    values = found.form() | {"coordinator": str(people["colleague"].pk)}
    values.pop(FIND, None)
    coordinator_page.post(url, values)
    plan.refresh_from_db()
    assert plan.coordinator_id == people["colleague"].pk
    values = found.form() | {"coordinator": str(people["elsewhere"].pk), SEARCH_FIELD: "east"}
    values.pop(FIND, None)
    refused = coordinator_page.post(url, values, status=400)
    assert field_error(refused.html, "coordinator") == NOT_A_COORDINATOR


@pytest.mark.parametrize("who", ["parent", "teacher", "elsewhere"])
def test_a_coordinator_who_may_not_coordinate_is_refused(
    coordinator_page: PageClient, area: Area, who: str
) -> None:
    person = _people(area)[who]
    plan = area.thread.plan
    url = f"/plans/{plan.pk}/edit/"
    values = coordinator_page.get(url).form()
    values["coordinator"] = str(person.pk)
    refused = coordinator_page.post(url, values, status=400)
    assert NOT_A_COORDINATOR in error_summary_links(refused.html)
    assert field_error(refused.html, "coordinator") == NOT_A_COORDINATOR
    plan.refresh_from_db()
    assert plan.coordinator_id == area.coordinator.pk


def test_a_senco_coordinates_sen_support_but_not_an_ehc_plan(
    coordinator_page: PageClient, area: Area
) -> None:
    senco = _people(area)["senco"]
    plan = area.thread.plan
    url = f"/plans/{plan.pk}/edit/"
    values = coordinator_page.get(url).form()
    values.update({"coordinator": str(senco.pk), "kind": "ehc_plan"})
    refused = coordinator_page.post(url, values, status=400)
    assert field_error(refused.html, "coordinator") == NOT_A_COORDINATOR
    values["kind"] = "sen_support"
    coordinator_page.post(url, values)
    plan.refresh_from_db()
    assert (plan.kind, plan.coordinator_id) == ("sen_support", senco.pk)


def test_the_coordinator_can_hand_the_plan_to_a_colleague(
    coordinator_page: PageClient, area: Area
) -> None:
    colleague = _people(area)["colleague"]
    plan = area.thread.plan
    url = f"/plans/{plan.pk}/edit/"
    values = coordinator_page.get(url).form()
    values["coordinator"] = str(colleague.pk)
    coordinator_page.post(url, values)
    plan.refresh_from_db()
    assert plan.coordinator_id == colleague.pk


def test_the_service_refuses_a_parent_as_coordinator(area: Area) -> None:
    parent = _people(area)["parent"]
    plan = area.thread.plan
    with pytest.raises(ValidationError) as refused:
        plan_save(plan, user=area.coordinator, fields={"coordinator": parent})
    assert refused.value.message_dict == {"coordinator": [NOT_A_COORDINATOR]}
    assert Plan.objects.get(pk=plan.pk).coordinator_id == area.coordinator.pk
