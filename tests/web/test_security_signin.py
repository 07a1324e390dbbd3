"""Sign-in: Argon2, throttling with a plain message, CSRF, idle time-out, and the admin door."""

from __future__ import annotations

from typing import Any

from django.conf import settings as django_settings
from django.contrib.auth.hashers import get_hasher, make_password
from django.test import Client

from goldenthread.web import settings as project_settings
from goldenthread.web.security.middleware import LAST_SEEN_KEY
from goldenthread.web.security.views import LOCKED_OUT, LOCKED_OUT_STATUS
from tests.web.conftest import PageClient
from tests.web.factories import PASSWORD, Area
from tests.web.pagecheck import page_problems


def test_passwords_are_hashed_with_argon2() -> None:
    # The project's own list: the test suite swaps in a fast hasher (conftest).
    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_a_new_password_hash_is_argon2(settings: Any) -> None:
    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS
    hashed = make_password("a long enough password")
    assert hashed.startswith("argon2$")
    assert get_hasher("default").algorithm == "argon2"


def test_axes_checks_before_any_password() -> None:
    assert django_settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert django_settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def wrong(page: PageClient, username: str = "coordinator") -> Any:
    return page.client.post("/sign-in/", {"username": username, "password": "not it"})


def test_too_many_wrong_passwords_lock_out_with_a_plain_message(
    page: PageClient, area: Area, settings: Any
) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert wrong(page).status_code == 400
    locked = wrong(page)
    assert locked.status_code == LOCKED_OUT_STATUS
    html = locked.content.decode()
    assert not page_problems(html, has_errors=False)
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    assert LOCKED_OUT.format(minutes=minutes).replace("'", "&#39;") in html
    # Even the right password is refused until the wait is over.
    right = page.client.post("/sign-in/", {"username": "coordinator", "password": PASSWORD})
    assert right.status_code == LOCKED_OUT_STATUS
    assert "_auth_user_id" not in page.client.session


def test_a_lockout_is_for_that_username_only(page: PageClient, area: Area, settings: Any) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        wrong(page)
    other = page.client.post("/sign-in/", {"username": "stranger", "password": PASSWORD})
    assert other.status_code == 302


def test_a_post_without_its_csrf_token_is_refused(area: Area) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/sign-in/", {"username": "coordinator", "password": PASSWORD})
    assert response.status_code == 403
    client.force_login(area.coordinator)
    response = client.post(f"/children/{area.child.pk}/archive/", {})
    assert response.status_code == 403


def test_an_idle_session_is_signed_out(
    coordinator_page: PageClient, area: Area, settings: Any
) -> None:
    coordinator_page.get("/")
    session = coordinator_page.client.session
    session[LAST_SEEN_KEY] -= settings.SESSION_IDLE_TIMEOUT + 1
    session.save()
    redirect = coordinator_page.get(f"/children/{area.child.pk}/", status=302)
    assert redirect.redirect_url == f"/sign-in/?next=/children/{area.child.pk}/"
    sign_in = coordinator_page.follow(redirect)
    assert "had not used the service for 30 minutes" in sign_in.text
    coordinator_page.get("/", status=302)


def test_an_active_session_stays_signed_in(coordinator_page: PageClient, settings: Any) -> None:
    coordinator_page.get("/")
    session = coordinator_page.client.session
    session[LAST_SEEN_KEY] -= settings.SESSION_IDLE_TIMEOUT - 120
    session.save()
    coordinator_page.get("/")


def test_sessions_and_cookies_are_set_safely() -> None:
    assert django_settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert django_settings.SESSION_COOKIE_HTTPONLY
    assert django_settings.SESSION_IDLE_TIMEOUT == 30 * 60
    assert not django_settings.DEBUG
    assert not django_settings.DEBUG_PROPAGATE_EXCEPTIONS
    assert django_settings.ADMINS == []


def test_every_security_setting_is_documented() -> None:
    import re
    from pathlib import Path

    from goldenthread.web.security import config

    source = Path(config.__file__).read_text()
    documented = (Path(__file__).resolve().parents[2] / "docs" / "settings.md").read_text()
    names = set(re.findall(r'(?:os\.environ\.get|_flag|_rate)\("([A-Z_]+)"', source))
    assert names, "no settings found"
    assert {name for name in names if f"`{name}`" not in documented} == set()
