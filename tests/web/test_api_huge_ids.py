"""An id in the address longer than any record's (found by the fuzzer: 25 digits) is a plain
404, and the audit entry for the refused request says which kind of object without an id,
instead of failing to store a number past its 64-bit column (a 500 before)."""

from __future__ import annotations

import pytest
from django.test import Client

from goldenthread.web.access.models import AuditEvent
from goldenthread.web.api.tokens import api_token_create
from tests.web import factories

pytestmark = pytest.mark.django_db
HUGE = "6573613566145530882424832"


@pytest.mark.parametrize(
    ("method", "address"),
    [
        ("PATCH", "/api/plans/{plan}/provision/{huge}/"),
        ("GET", "/api/plans/{plan}/outcomes/{huge}/"),
        ("GET", "/api/plans/{huge}/"),
        ("GET", "/api/children/{huge}/"),
    ],
)
def test_an_id_past_any_record_is_not_found(client: Client, method: str, address: str) -> None:
    area = factories.area_create()
    _, secret = api_token_create(owner=area.coordinator, name="Huge")
    url = address.format(plan=area.thread.plan.pk, huge=HUGE)
    answer = client.generic(
        method,
        url,
        data=b"{}",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert answer.status_code == 404, answer.content
    assert answer["Content-Type"] == "application/problem+json"
    entry = AuditEvent.objects.filter(person=area.coordinator).latest("pk")
    assert entry.status == 404 and entry.object_id is None
