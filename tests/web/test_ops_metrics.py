"""/metrics: Prometheus' text format, for the scraper's token or an administrator only."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families

from goldenthread.web.accounts.models import Role
from goldenthread.web.insights.models import FactsRefresh
from tests.web import factories
from tests.web.factories import Area

pytestmark = pytest.mark.django_db
TOKEN = "metrics-token-for-tests-0123456789"


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


def scrape(client: Client) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/plain; version=0.0.4")
    return samples(response.content.decode())


@pytest.fixture
def token(settings: Any) -> str:
    settings.METRICS_TOKEN = TOKEN
    return TOKEN


def test_requests_latency_and_errors_are_counted_by_route(
    client: Client, area: Area, token: str
) -> None:
    key = (
        "goldenthread_http_requests_total",
        (("method", "GET"), ("route", "child"), ("status", "2xx")),
    )
    before = scrape(client).get(key, 0.0)
    client.force_login(area.coordinator)
    assert client.get(f"/children/{area.child.pk}/").status_code == 200
    assert client.get(f"/children/{area.child.pk}/").status_code == 200
    found = scrape(client)
    assert found[key] == before + 2
    histogram = ("goldenthread_http_request_seconds_count", (("route", "child"),))
    assert found[histogram] >= 2
    text = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {token}").content.decode()
    assert f"/children/{area.child.pk}" not in text and area.child.first_name not in text


def test_a_server_error_is_counted(client: Client, area: Area, token: str, settings: Any) -> None:
    errors = ("goldenthread_http_errors_total", (("route", "broken"),))
    before = scrape(client).get(errors, 0.0)
    settings.ROOT_URLCONF = "tests.web.test_security_logs"  # its /broken/ view raises
    client.raise_request_exception = False
    client.force_login(area.coordinator)
    assert client.post("/broken/", {"first_name": "Ada"}).status_code == 500
    client.logout()
    settings.ROOT_URLCONF = "goldenthread.web.urls"
    assert scrape(client)[errors] == before + 1


def test_job_runs_come_from_the_database(client: Client, token: str) -> None:
    key = ("goldenthread_job_runs_total", (("job", "insights-refresh"), ("result", "success")))
    assert scrape(client)[key] == 0
    FactsRefresh.objects.create(
        finished_at=timezone.now(), seconds=1.0, outcomes=1, needs=1, provision=1
    )
    assert scrape(client)[key] == 1


def test_metrics_need_the_token_or_an_administrator(client: Client, area: Area, token: str) -> None:
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 401
    client.force_login(area.coordinator)
    assert client.get("/metrics").status_code == 403
    admin = factories.user_create(role=Role.ADMINISTRATOR, username="it-admin")
    client.force_login(admin)
    assert client.get("/metrics").status_code == 200


def test_no_token_set_means_no_token_works(client: Client, settings: Any) -> None:
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer ").status_code == 401
