"""The record's own rules (core.record_rules) refuse the same things with the same words on the
page, through the API and in an import: a due date outside the child's first 25 years or after
2100, control characters in text, and text longer than its kind allows (issue 14, issue 24)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from goldenthread.core.record_rules import (
    CONTROL_CHARACTER,
    DUE_AFTER_25,
    DUE_BEFORE_BIRTH,
    TOO_LONG,
    TextKind,
)
from goldenthread.web.access.policy import ChildAccess, Reason
from goldenthread.web.accounts.models import Role
from goldenthread.web.api.tokens import api_token_create
from goldenthread.web.passport.export import passport_json
from goldenthread.web.passport.selectors import passport_get
from goldenthread.web.passport.transfer import ImportInvalid, import_record_json
from goldenthread.web.plans.models import Child
from tests.web.conftest import PageClient
from tests.web.factories import Area, local_authority_create, user_create
from tests.web.pagecheck import field_error

pytestmark = pytest.mark.django_db
TOO_LONG_TEXT = "x" * (TextKind.PART.value + 1)
CASES = {
    "due before birth": ({"due_date": "2000-01-01"}, "due_date", DUE_BEFORE_BIRTH),
    "due in 9999": ({"due_date": "9999-12-31"}, "due_date", DUE_AFTER_25),
    "a bell": ({"text": "I will ring\x07 the bell"}, "text", CONTROL_CHARACTER),
    "a unit separator": ({"text": "Walk\x1f to school"}, "text", CONTROL_CHARACTER),
    "2 MB": (
        {"text": TOO_LONG_TEXT},
        "text",
        TOO_LONG.format(limit=TextKind.PART.value, length=len(TOO_LONG_TEXT)),
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_the_api_refuses_with_the_records_own_words(client: Client, area: Area, case: str) -> None:
    change, field, message = CASES[case]
    _, secret = api_token_create(owner=area.coordinator, name="Rules")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    url = f"/api/plans/{area.thread.plan.pk}/outcomes/"
    body = {"text": "By July 2027, I will walk to school.", "domain": "education", **change}
    added = client.post(url, body, content_type="application/json", **auth)
    assert added.status_code == 400, added.content
    assert added.json()["problems"] == [{"path": f"/{field}", "message": message}]
    outcome = area.thread.outcome
    patch = client.patch(
        f"{url}{outcome.pk}/",
        {**change, "row_version": outcome.row_version},
        content_type="application/json",
        **auth,
    )
    assert patch.json()["problems"] == [{"path": f"/{field}", "message": message}]


@pytest.mark.parametrize("case", ["due before birth", "due in 9999", "a bell", "2 MB"])
def test_the_page_refuses_with_the_same_words(
    coordinator_page: PageClient, area: Area, case: str
) -> None:
    change, field, message = CASES[case]
    url = f"/plans/{area.thread.plan.pk}/outcomes/{area.thread.outcome.pk}/edit/"
    values = coordinator_page.get(url).form()
    if field == "due_date":
        day = dt.date.fromisoformat(change["due_date"])
        values.update({"due_date-day": day.day, "due_date-month": day.month})
        values["due_date-year"] = day.year
    else:
        values.update(change)
    refused = coordinator_page.post(url, values, status=400)
    box = "due_date-day" if field == "due_date" else field
    assert field_error(refused.html, box) == message


@pytest.mark.parametrize("case", ["due before birth", "a unit separator", "2 MB"])
def test_an_import_refuses_with_the_same_words(area: Area, case: str) -> None:
    change, field, message = CASES[case]
    child = Child.objects.get(pk=area.child.pk)
    access = ChildAccess(child.pk, frozenset({Reason.CASELOAD}))
    record: dict[str, Any] = passport_json(passport_get(child, access))
    record["plans"][0]["outcomes"][0].update(change)
    importer = user_create(role=Role.COORDINATOR, organisation=local_authority_create(name="East"))
    with pytest.raises(ImportInvalid) as refused:
        import_record_json(record, user=importer)
    assert [(p.path, p.message) for p in refused.value.problems] == [
        (f"plans[0].outcomes[0].{field}", message)
    ]
