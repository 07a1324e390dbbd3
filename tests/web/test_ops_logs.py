"""JSON log lines with a request id, and nothing in them that names a child."""

from __future__ import annotations

import io
import json
import logging
import logging.config
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from goldenthread.web.ops.logfields import IdsInPathsFilter, RequestIdFilter
from goldenthread.web.ops.requests import request_id_for
from tests.web.factories import Area

pytestmark = pytest.mark.django_db
NHS_NUMBER = "9434765919"


@pytest.fixture
def json_lines(settings: Any) -> Iterator[io.StringIO]:
    """The project's logging as production configures it (JSON), caught in memory."""
    config = {**settings.LOGGING}
    config["handlers"] = {"console": {**config["handlers"]["console"], "formatter": "json"}}
    logging.config.dictConfig(config)
    handler = next(h for h in logging.getLogger().handlers if isinstance(h, logging.StreamHandler))
    caught = io.StringIO()
    previous = handler.setStream(caught)
    try:
        yield caught
    finally:
        handler.setStream(previous)  # type: ignore[arg-type]
        logging.config.dictConfig(settings.LOGGING)


def lines(caught: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in caught.getvalue().splitlines() if line.strip()]


def test_requests_about_a_child_log_no_name_number_or_id(
    client: Client, area: Area, json_lines: io.StringIO
) -> None:
    child = area.child
    child.nhs_number = NHS_NUMBER
    child.save()
    client.force_login(area.coordinator)
    assert client.get(f"/children/{child.pk}/").status_code == 200
    missing = child.pk + 999_999
    assert client.get(f"/children/{missing}/?nhs={NHS_NUMBER}").status_code == 404
    found = lines(json_lines)
    assert found, "nothing was logged"
    text = json_lines.getvalue()
    for personal in (
        child.first_name,
        child.last_name,
        NHS_NUMBER,
        f"/{child.pk}/",
        f"/{missing}/",
    ):
        assert personal not in text, f"{personal!r} is in the log:\n{text}"
    requests = [line for line in found if line["message"] == "request"]
    assert [(r["route"], r["status"]) for r in requests] == [("child", 200), ("child", 404)]
    assert all(len(r["request_id"]) == 32 for r in requests)
    not_found = [line for line in found if "/children/{id}/" in line["message"]]
    assert not_found, "Django's 'Not Found' line is missing"  # written after the middleware
    assert not_found[0]["request_id"] == requests[1]["request_id"]


def test_the_proxys_request_id_is_kept_and_returned(
    client: Client, json_lines: io.StringIO
) -> None:
    response = client.get("/health/live/", HTTP_X_REQUEST_ID="proxy-abc-12345")
    assert response["X-Request-ID"] == "proxy-abc-12345"
    assert lines(json_lines)[-1]["request_id"] == "proxy-abc-12345"


def test_a_request_id_that_is_not_an_id_is_replaced() -> None:
    assert request_id_for("x" * 65) != "x" * 65
    assert request_id_for("Ada Lovelace 9434765919") != "Ada Lovelace 9434765919"
    assert len(request_id_for(None)) == 32


def test_outside_a_request_the_id_is_a_dash() -> None:
    record = logging.LogRecord(
        "t", logging.INFO, __file__, 1, "Not Found: %s", ("/plans/42/edit/",), None
    )
    assert RequestIdFilter().filter(record) and record.request_id == "-"  # type: ignore[attr-defined]
    assert IdsInPathsFilter().filter(record)
    assert record.getMessage() == "Not Found: /plans/{id}/edit/"
