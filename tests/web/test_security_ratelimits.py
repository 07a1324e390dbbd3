"""Rate limits per address and per account, counted in the database (ADR 0016)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client, RequestFactory
from django.utils import timezone

from goldenthread.web.api.problems import PROBLEM_TYPE
from goldenthread.web.api.tokens import api_token_create
from goldenthread.web.security.models import RateLimitCount
from goldenthread.web.security.ratelimits import (
    TOO_MANY_STATUS,
    client_address,
    rate_limit_count,
)
from tests.web.factories import PASSWORD, Area
from tests.web.test_security_codes import switched_on

LIMIT = 3
WINDOW = 600


@pytest.fixture(autouse=True)
def small_limits(settings: Any) -> None:
    settings.RATE_LIMITS = dict.fromkeys(settings.RATE_LIMITS, (LIMIT, WINDOW))


def _sign_in(username: str, address: str, password: str = "not it") -> Any:
    return Client(REMOTE_ADDR=address).post(
        "/sign-in/", {"username": username, "password": password}
    )


def _assert_too_many(response: Any) -> None:
    assert response.status_code == TOO_MANY_STATUS
    assert 0 < int(response["Retry-After"]) <= WINDOW
    if response["Content-Type"].startswith("text/plain"):
        assert "too many requests" in response.content.decode()


def test_one_address_trying_many_accounts_is_slowed(area: Area) -> None:
    for number in range(LIMIT):
        assert _sign_in(f"someone{number}", "203.0.113.9").status_code == 400
    _assert_too_many(_sign_in("someone-else", "203.0.113.9"))
    # Even the right password, from that address, until the window ends.
    _assert_too_many(_sign_in("coordinator", "203.0.113.9", PASSWORD))
    assert _sign_in("coordinator", "198.51.100.1", PASSWORD).status_code == 302


def test_many_addresses_trying_one_account_are_slowed(area: Area) -> None:
    for number in range(LIMIT):
        assert _sign_in("coordinator", f"203.0.113.{number}").status_code == 400
    _assert_too_many(_sign_in("COORDINATOR", "203.0.113.200"))  # whatever the case
    assert _sign_in("stranger", "203.0.113.201").status_code == 400


def test_guessing_sign_in_codes_is_limited_per_account(area: Area, settings: Any) -> None:
    # This limit, not the lockout or the sign-in limit, is under test.
    settings.AXES_FAILURE_LIMIT = 100
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sign-in-account": (100, WINDOW)}
    switched_on(area.coordinator)
    statuses = []
    for number in range(LIMIT + 1):
        client = Client(REMOTE_ADDR=f"203.0.113.{number}")
        client.post("/sign-in/", {"username": "coordinator", "password": PASSWORD})
        statuses.append(client.post("/sign-in/code/", {"code": "000000"}).status_code)
    assert statuses[:LIMIT] == [400] * LIMIT
    assert statuses[LIMIT] == TOO_MANY_STATUS


def test_password_reset_requests_are_limited_per_address_and_per_account(area: Area) -> None:
    def ask(email: str, address: str) -> Any:
        return Client(REMOTE_ADDR=address).post("/password-reset/", {"email": email})

    for number in range(LIMIT):
        assert ask(f"person{number}@example.org", "203.0.113.5").status_code == 302
    _assert_too_many(ask("another@example.org", "203.0.113.5"))
    for number in range(LIMIT):
        assert ask("target@example.org", f"198.51.100.{number}").status_code == 302
    _assert_too_many(ask("Target@example.org", "198.51.100.99"))


def test_the_api_is_limited_per_token_and_per_address(area: Area) -> None:
    _, secret = api_token_create(owner=area.coordinator, name="Case system")
    _, other_secret = api_token_create(owner=area.coordinator, name="Other system")

    def call(token: str, address: str) -> Any:
        return Client(REMOTE_ADDR=address).get(
            "/api/children/", HTTP_AUTHORIZATION=f"Bearer {token}"
        )

    for number in range(LIMIT):
        assert call(secret, f"203.0.113.{number}").status_code == 200
    limited = call(secret, "203.0.113.100")
    _assert_too_many(limited)
    assert limited["Content-Type"] == PROBLEM_TYPE
    assert call(other_secret, "203.0.113.101").status_code == 200
    for _ in range(LIMIT - 1):
        call(other_secret, "192.0.2.7")
    _assert_too_many(call(other_secret, "192.0.2.7"))


def test_the_counts_are_in_the_database_shared_by_every_process(area: Area) -> None:
    for _ in range(LIMIT):
        _sign_in("coordinator", "203.0.113.9")
    _assert_too_many(_sign_in("coordinator", "203.0.113.9"))
    rows = list(RateLimitCount.objects.all())
    assert {row.count for row in rows} == {LIMIT + 1}
    for row in rows:  # no address or username kept
        assert "203.0.113.9" not in row.key_hash and "coordinator" not in row.key_hash
    # Another process reads the same rows: with them gone, the limit is gone.
    RateLimitCount.objects.all().delete()
    assert _sign_in("coordinator", "203.0.113.9").status_code == 400


def test_a_new_window_starts_afresh_and_old_rows_are_cleared(db: None) -> None:
    now = timezone.now()
    for _ in range(LIMIT + 1):
        waited = rate_limit_count(scope="sign-in-address", identity="x", now=now)
    assert waited > 0
    later = now + dt.timedelta(seconds=WINDOW * 2)
    assert rate_limit_count(scope="sign-in-address", identity="x", now=later) == 0
    assert RateLimitCount.objects.count() == 1


def test_behind_a_trusted_proxy_the_address_is_the_one_it_added(settings: Any) -> None:
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.4"
    )
    settings.TRUSTED_PROXY = False
    assert client_address(request) == "10.0.0.2"  # a client cannot claim an address
    settings.TRUSTED_PROXY = True
    assert client_address(request) == "203.0.113.4"
    assert settings.AXES_CLIENT_IP_CALLABLE.endswith("ratelimits.client_address")
