"""Tokens for systems: made once and kept only as a hash, used as a bearer token, refused when
revoked, expired, unknown or their owner is switched off, and never a way into the pages."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.utils import timezone

from goldenthread.cli import main
from goldenthread.web.api.models import ApiToken
from goldenthread.web.api.problems import PROBLEM_TYPE
from goldenthread.web.api.tokens import (
    MSG_EXPIRED,
    MSG_MISSING,
    MSG_OWNER_INACTIVE,
    MSG_REVOKED,
    MSG_UNKNOWN,
    api_token_create,
    api_token_revoke,
    token_hash,
)
from tests.web import factories


def _get(client: Client, secret: str, url: str = "/api/children/") -> tuple[int, dict[str, str]]:
    response = client.get(url, HTTP_AUTHORIZATION=f"Bearer {secret}")
    body = response.json()
    if response.status_code == 401:
        assert response["Content-Type"] == PROBLEM_TYPE
        assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    return response.status_code, body


@pytest.mark.django_db
def test_the_command_prints_the_token_once_and_keeps_only_its_hash(
    capsys: pytest.CaptureFixture[str], client: Client
) -> None:
    area = factories.area_create()
    code = main(["api-token", "create", "--user", "coordinator", "--name", "Case system"])
    assert code == 0
    printed = capsys.readouterr().out
    secret = re.search(r"^(gt_\S+)$", printed, re.MULTILINE)
    assert secret is not None, printed
    token = ApiToken.objects.get()
    assert (token.owner, token.name) == (area.coordinator, "Case system")
    assert token.key_hash == token_hash(secret.group(1)) != secret.group(1)
    assert secret.group(1) not in {token.prefix, token.key_hash, token.name}
    assert token.expires_at is not None
    assert timezone.now() + dt.timedelta(days=89) < token.expires_at
    status, body = _get(client, secret.group(1))
    assert status == 200
    assert [c["id"] for c in body["results"]] == [area.child.pk]  # type: ignore[index]
    token.refresh_from_db()
    assert token.last_used_at is not None


@pytest.mark.django_db
def test_the_command_lists_and_revokes(capsys: pytest.CaptureFixture[str], client: Client) -> None:
    area = factories.area_create()
    token, secret = api_token_create(owner=area.coordinator, name="Old system")
    assert main(["api-token", "list", "--user", "coordinator"]) == 0
    listed = capsys.readouterr().out
    assert f"{token.pk}\tcoordinator\t{token.prefix}…\tlive" in listed
    assert secret not in listed
    assert main(["api-token", "revoke", "--token", str(token.pk)]) == 0
    status, body = _get(client, secret)
    assert (status, body["detail"]) == (401, MSG_REVOKED)
    assert main(["api-token", "create", "--user", "nobody", "--name", "x"]) == 1
    assert main(["api-token", "create", "--user", "coordinator", "--name", "x", "--days", "0"]) == 2


@pytest.mark.django_db
def test_a_token_stops_working_when_revoked_or_expired_or_its_owner_leaves(client: Client) -> None:
    area = factories.area_create()
    revoked, revoked_secret = api_token_create(owner=area.coordinator, name="a")
    api_token_revoke(token=revoked)
    _, expired_secret = api_token_create(
        owner=area.coordinator, name="b", expires_at=timezone.now() - dt.timedelta(seconds=1)
    )
    leaver = factories.user_create(username="leaver", organisation=area.local_authority)
    _, leaver_secret = api_token_create(owner=leaver, name="c")
    leaver.is_active = False
    leaver.save()
    refused = {
        revoked_secret: MSG_REVOKED,
        expired_secret: MSG_EXPIRED,
        leaver_secret: MSG_OWNER_INACTIVE,
        "gt_not-a-real-token": MSG_UNKNOWN,
    }
    for secret, message in refused.items():
        status, body = _get(client, secret)
        assert (status, body["detail"]) == (401, message)
    unsigned = client.get("/api/children/")
    assert (unsigned.status_code, unsigned.json()["detail"]) == (401, MSG_MISSING)
    basic = client.get("/api/children/", HTTP_AUTHORIZATION="Basic Y29vcmQ6cGFzcw==")
    assert (basic.status_code, basic.json()["detail"]) == (401, MSG_MISSING)


@pytest.mark.django_db
def test_a_token_acts_with_exactly_its_owners_access(client: Client) -> None:
    area = factories.area_create()
    _, secret = api_token_create(owner=area.stranger, name="Someone else's system")
    assert _get(client, secret, f"/api/children/{area.child.pk}/")[0] == 404
    listed = _get(client, secret)[1]["results"]
    assert [c["id"] for c in listed] == [area.other_child.pk]  # type: ignore[index]  # theirs


@pytest.mark.django_db
def test_a_token_opens_only_the_api_never_the_pages(client: Client) -> None:
    area = factories.area_create()
    _, secret = api_token_create(owner=area.coordinator, name="Case system")
    page = client.get(f"/children/{area.child.pk}/", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert page.status_code == 302
    assert page["Location"].startswith("/sign-in/")
