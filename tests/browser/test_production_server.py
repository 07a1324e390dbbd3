"""The server the journeys run against answers as deployed: health, request ids and metrics
that count what it served (with BROWSER_SERVER=gunicorn: gunicorn's workers added up)."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.browser.prodserver import METRICS_TOKEN

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def fetch(url: str, **headers: str) -> tuple[int, dict[str, str], str]:
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as answer:
        return answer.status, dict(answer.headers), answer.read().decode()


def test_health_request_ids_and_metrics(live_server: Any, settings: Any) -> None:
    settings.METRICS_TOKEN = METRICS_TOKEN  # for pytest-django's own live server
    status, headers, body = fetch(
        f"{live_server.url}/health/ready/", **{"X-Request-ID": "journey-0001"}
    )
    assert status == 200 and json.loads(body)["status"] == "ready"
    assert headers["X-Request-ID"] == "journey-0001"
    for _ in range(3):
        assert fetch(f"{live_server.url}/health/live/")[0] == 200
    status, headers, text = fetch(
        f"{live_server.url}/metrics", Authorization=f"Bearer {METRICS_TOKEN}"
    )
    assert status == 200
    served = {
        sample.labels["route"]: sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == "goldenthread_http_requests_total"
    }
    assert served["health-live"] >= 3
    assert served["health-ready"] >= 1
