"""Logging never changes an answer: a body nobody can parse (multipart with no boundary, a
boundary with nothing after it, bytes that are not UTF-8, a form claiming the wrong encoding)
sent to every write address gets the view's own 4xx, signed in with a token, signed in with a
session, and not signed in. Before, the log filter read ``request.POST`` while the 4xx was being
logged, raised, and the caller got a plain-text 500 instead."""

from __future__ import annotations

import io
import logging
import logging.config
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from django.conf import settings
from django.test import Client

from goldenthread.web.api.schema import openapi_yaml
from goldenthread.web.api.tokens import api_token_create
from goldenthread.web.security.logfilters import LOG_FILTER_FAILED, PersonalDataFilter
from tests.web import factories

MALFORMED = {
    "multipart, no boundary": ("multipart/form-data", b"--x\r\nnothing\r\n"),
    "multipart, empty boundary": ("multipart/form-data; boundary=", b"--\r\n"),
    "multipart, cut short": (
        "multipart/form-data; boundary=b",
        b'--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nunfinished',
    ),
    "form, not UTF-8": ("application/x-www-form-urlencoded", b"a=%ff%fe&\xff\xfe=1"),
    "form, unknown charset": ("application/x-www-form-urlencoded; charset=klingon", b"a=1"),
    "JSON, not UTF-8": ("application/json", b'{"text": "\xff\xfe"}'),
}


def _write_addresses(area: factories.Area) -> list[tuple[str, str]]:
    """Every write operation in the description, with real ids in its path."""
    ids = {
        "plan_id": area.thread.plan.pk,
        "child_id": area.child.pk,
        "id": area.thread.outcome.pk,
    }
    found = []
    for path, operations in yaml.safe_load(openapi_yaml())["paths"].items():
        for method in operations:
            if method in {"post", "put", "patch", "delete"}:
                real = path.format(**ids)
                if "/provision/{id}/" in path:
                    real = path.format(**{**ids, "id": area.thread.help.pk})
                found.append((method, real))
    return found


@pytest.fixture
def filtered_log() -> Iterator[io.StringIO]:
    logging.config.dictConfig(settings.LOGGING)
    handler = next(
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, PersonalDataFilter) for f in h.filters)
    )
    caught = io.StringIO()
    previous = handler.setStream(caught)  # type: ignore[attr-defined]
    try:
        yield caught
    finally:
        handler.setStream(previous)  # type: ignore[attr-defined]


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["token", "session", "nobody"])
def test_every_malformed_body_gets_the_views_own_answer_at_every_write_address(
    who: str, filtered_log: io.StringIO
) -> None:
    area = factories.area_create()
    client = Client(raise_request_exception=True)
    headers: dict[str, Any] = {}
    if who == "token":
        _, secret = api_token_create(owner=area.coordinator, name="Malformed")
        headers["HTTP_AUTHORIZATION"] = f"Bearer {secret}"
    elif who == "session":
        client.force_login(area.coordinator)
    addresses = _write_addresses(area)
    assert len(addresses) == 7, addresses  # with POST /api/children/ (add a child, issue 16)
    for method, address in addresses:
        for kind, (content_type, body) in MALFORMED.items():
            response = client.generic(
                method.upper(), address, data=body, content_type=content_type, **headers
            )
            assert 400 <= response.status_code < 500, (who, kind, method, address, response)
            assert response["Content-Type"] == "application/problem+json", (kind, address)
    written = filtered_log.getvalue()
    assert "Traceback" not in written
    assert LOG_FILTER_FAILED not in written  # the filter coped, it did not have to give up


def test_a_filter_that_fails_writes_a_placeholder_instead_of_raising(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(text: str, *, request: Any = None) -> str:
        raise RecursionError("too deep")

    monkeypatch.setattr("goldenthread.web.security.logfilters.scrub", broken)
    record = logging.LogRecord("t", logging.WARNING, __file__, 1, "Sam Example %s", ("x",), None)
    assert PersonalDataFilter().filter(record) is True
    assert record.getMessage() == f"{LOG_FILTER_FAILED} (RecursionError)"
