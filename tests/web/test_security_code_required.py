"""A sign-in code is required for every role but children and parents (ADR 0016).

The test settings start with ``SIGN_IN_CODE_REQUIRED`` off so the rest of the suite can sign
people in with ``force_login``; every test here turns it on, as production and development are.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest
from django.test import Client

from goldenthread.web.accounts.models import Role
from goldenthread.web.api.tokens import api_token_create
from goldenthread.web.security import signin_codes
from goldenthread.web.security.middleware import CODE_NEEDED, WITHOUT_CODE_URL_NAMES
from goldenthread.web.security.views import CODE_OFF_SET_UP_AGAIN
from tests.web.access_world import PERSONAS, world_create
from tests.web.conftest import PageClient
from tests.web.factories import PASSWORD, Area, user_create
from tests.web.test_access import ROUTES
from tests.web.test_security_codes import code_now, switched_on

SET_UP = "/account/sign-in-code/"
NEEDS_A_CODE = [p for p in PERSONAS if p not in {"signed_out", "parent", "other_parent"}]
NEEDS_A_CODE = [p for p in NEEDS_A_CODE if "parent" not in p and p != "young_person"]
PUBLIC_KINDS = {"public", "bad reset link"}
ADMIN_URLS = ["/admin/", "/admin/accounts/user/", "/admin/plans/child/"]


@pytest.fixture(autouse=True)
def code_required(settings: Any) -> None:
    settings.SIGN_IN_CODE_REQUIRED = True


def _blocked(client: Client, url: str) -> bool:
    """Sent to set up a code (pages) or refused (the API), and nothing else."""
    response = client.get(url)
    if url.startswith("/api/"):
        return response.status_code == 403 and b"sign-in code" in response.content
    return response.status_code == 302 and response["Location"] == SET_UP


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_every_role_but_families_needs_a_code(role: Role) -> None:
    needed = signin_codes.sign_in_code_required(user=user_create(role=role))
    assert needed == (role not in {Role.PARENT, Role.CHILD})


@pytest.mark.django_db
@pytest.mark.parametrize("persona", NEEDS_A_CODE)
def test_without_a_code_every_route_but_setting_one_up_is_closed(
    client: Client, persona: str
) -> None:
    world = world_create()
    user = PERSONAS[persona](world)
    assert user is not None
    client.force_login(user)  # the password step alone
    reachable = WITHOUT_CODE_URL_NAMES
    open_routes = []
    for name, (make_url, kind) in sorted(ROUTES.items()):
        if name in reachable or kind in PUBLIC_KINDS or name in {"admin-sign-in", "sign-in-code"}:
            continue
        url = make_url(world)
        if not _blocked(client, url):
            open_routes.append(f"{name} ({url})")
    open_routes += [url for url in ADMIN_URLS if not _blocked(client, url)]
    assert not open_routes, f"{persona} reached without a sign-in code:\n" + "\n".join(open_routes)
    assert client.get(SET_UP).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["parent", "young_person"])
def test_families_may_choose_not_to_have_a_code(client: Client, persona: str) -> None:
    world = world_create()
    user = PERSONAS[persona](world)
    assert user is not None
    client.force_login(user)
    assert client.get("/", follow=True).status_code == 200  # the family view (issue 18)
    assert client.get(f"/children/{world.child.pk}/").status_code == 200


def test_a_professional_is_walked_through_setting_up_a_code(page: PageClient, area: Area) -> None:
    signed_in = page.post(
        "/sign-in/?next=/children/", {"username": "coordinator", "password": PASSWORD}
    )
    assert signed_in.redirect_url == "/children/"
    sent = page.get("/children/", status=302)
    assert sent.redirect_url == SET_UP
    set_up = page.follow(sent)
    assert CODE_NEEDED in set_up.text
    page.get(f"/children/{area.child.pk}/", status=302)
    code = signin_codes.sign_in_code_start(user=area.coordinator)
    page.post(SET_UP, {"code": code_now(code.secret)})
    page.get(f"/children/{area.child.pk}/")
    # Next time: password, then the code.
    page.sign_out()
    again = page.post("/sign-in/", {"username": "coordinator", "password": PASSWORD})
    assert again.redirect_url == "/sign-in/code/"
    page.get("/", status=302)


def test_with_a_code_a_professional_is_in_after_both_steps(page: PageClient, area: Area) -> None:
    code = switched_on(area.coordinator)
    page.post("/sign-in/", {"username": "coordinator", "password": PASSWORD})
    done = page.post("/sign-in/code/", {"code": code_now(code.secret)})
    assert done.redirect_url == "/"
    page.get("/")
    page.get(f"/children/{area.child.pk}/")


def test_a_session_that_skipped_the_code_is_signed_out(page: PageClient, area: Area) -> None:
    switched_on(area.coordinator)
    page.sign_in(area.coordinator)  # as if the code step had been skipped
    assert page.get(f"/children/{area.child.pk}/", status=302).redirect_url.startswith("/sign-in/")
    assert "_auth_user_id" not in page.client.session


def test_a_staff_member_needs_a_code_whatever_their_role(page: PageClient) -> None:
    staff = user_create(role=Role.PARENT)
    staff.is_staff = True
    staff.save()
    page.sign_in(staff)
    assert page.get("/admin/", status=302).redirect_url == SET_UP


def test_turning_the_code_off_sends_a_professional_to_set_up_a_new_one(
    page: PageClient, area: Area
) -> None:
    code = switched_on(area.coordinator)
    page.post("/sign-in/", {"username": "coordinator", "password": PASSWORD})
    page.post("/sign-in/code/", {"code": code_now(code.secret)})
    done = page.post("/account/sign-in-code/turn-off/", {"password": PASSWORD})
    assert CODE_OFF_SET_UP_AGAIN in page.follow(done).text
    assert page.get("/", status=302).redirect_url == SET_UP


def test_an_api_token_is_a_separate_credential_without_a_code(client: Client, area: Area) -> None:
    """Tokens are made by an administrator for a system, kept hashed, and expire (ADR 0015)."""
    _, secret = api_token_create(owner=area.coordinator, name="Case system")
    response = client.get("/api/children/", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 200
    client.force_login(area.coordinator)  # a browser session without the code
    assert _blocked(client, "/api/children/")


def _settings_in(environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"GOLDENTHREAD_ENV", "SECRET_KEY"}}
    env.pop("SIGN_IN_CODE_REQUIRED", None)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from goldenthread.web.security import config; print(config.SIGN_IN_CODE_REQUIRED)",
        ],
        env={**env, **environment},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_and_development_require_the_code_and_production_refuses_to_drop_it() -> None:
    assert _settings_in({}).stdout.strip() == "True"
    assert _settings_in({"GOLDENTHREAD_ENV": "development"}).stdout.strip() == "True"
    assert _settings_in({"GOLDENTHREAD_ENV": "test"}).stdout.strip() == "False"
    refused = _settings_in({"SIGN_IN_CODE_REQUIRED": "0"})
    assert refused.returncode != 0
    assert "SIGN_IN_CODE_REQUIRED=0 is refused in production" in refused.stderr
