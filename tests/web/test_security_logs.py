"""No personal data in the application log, even when a request fails."""

from __future__ import annotations

import io
import logging
import logging.config
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import path

from goldenthread.web.security.logfilters import REMOVED, PersonalDataFilter, scrub
from tests.web.factories import Area

CHILD_NAME = "Zebedee Quartermaine-Example"


def broken_save(request: HttpRequest) -> HttpResponse:
    name = request.POST["first_name"]
    logging.getLogger("goldenthread.test").warning("about to save %s", name)
    raise ValueError(f"could not save the child called {name}")


urlpatterns = [path("broken/", broken_save, name="broken")]


@pytest.fixture
def log_output() -> Iterator[io.StringIO]:
    """What the configured console handler writes, caught in memory."""
    # Other tests (pytest's own log capture, commands that set Django up again) may have swapped
    # the root handlers; start from the project's logging settings as a real process would.
    logging.config.dictConfig(settings.LOGGING)
    handlers = [
        handler
        for handler in logging.getLogger().handlers
        if isinstance(handler, logging.StreamHandler)
        and any(isinstance(f, PersonalDataFilter) for f in handler.filters)
    ]
    assert handlers, "the console handler has lost its personal data filter"
    handler = handlers[0]
    caught = io.StringIO()
    previous = handler.setStream(caught)
    try:
        yield caught
    finally:
        handler.setStream(previous)  # type: ignore[arg-type]


def test_a_failed_request_logs_no_name_and_no_query_string(
    area: Area, settings: Any, log_output: io.StringIO
) -> None:
    settings.ROOT_URLCONF = __name__
    client = Client(raise_request_exception=False)
    client.force_login(area.coordinator)
    response = client.post(
        "/broken/?nhs=9434765919&child=Zebedee",
        {"first_name": "Zebedee", "last_name": "Quartermaine-Example", "dob": "2015-03-04"},
    )
    assert response.status_code == 500
    written = log_output.getvalue()
    assert "Internal Server Error: /broken/" in written
    assert "ValueError" in written  # the traceback is kept, minus the values
    assert "Zebedee" not in written
    assert "Quartermaine" not in written
    assert "9434765919" not in written
    assert "?nhs" not in written
    assert REMOVED in written


def test_the_error_page_gives_nothing_away(area: Area, settings: Any) -> None:
    settings.ROOT_URLCONF = __name__
    client = Client(raise_request_exception=False)
    client.force_login(area.coordinator)
    response = client.post("/broken/", {"first_name": CHILD_NAME})
    assert response.status_code == 500
    body = response.content.decode()
    assert "Sorry, there is a problem with the service" in body
    assert "Zebedee" not in body
    assert "Traceback" not in body


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("GET /children/3/?q=Ada+Lovelace HTTP/1.1", "Ada"),
        ("mail sent to sam.jones@example.org", "sam.jones@example.org"),
        ("NHS number 943 476 5919 refused", "943 476 5919"),
        ("pupil A123456789012 moved", "A123456789012"),
        ('"GET /passport/link/Zm9vYmFyYmF6cXV4LXNlY3JldC10b2tlbg/ HTTP/1.1" 410', "Zm9vYmFyYmF6"),
        ("Authorization: Bearer gt_Zm9vYmFyYmF6cXV4LXNlY3JldA refused", "gt_Zm9vYmFy"),
    ],
)
def test_shapes_of_personal_data_are_scrubbed_without_a_request(text: str, gone: str) -> None:
    assert gone not in scrub(text)


def test_ordinary_lines_are_left_alone() -> None:
    line = "Migrated 12 plans in 3.2 seconds"
    assert scrub(line) == line
