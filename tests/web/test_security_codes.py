"""Two-factor sign-in: set up with a QR code, sign in in two steps, no replay, turn off."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pyotp
from django.utils import timezone

from goldenthread.web.security import signin_codes
from goldenthread.web.security.models import SignInCode
from goldenthread.web.security.views import CODE_OFF, CODE_ON, PASSWORD_WRONG
from tests.web.conftest import PageClient
from tests.web.factories import PASSWORD, Area
from tests.web.pagecheck import field_error


def code_now(secret: str, *, seconds: int = 0) -> str:
    return pyotp.TOTP(secret).at(timezone.now() + dt.timedelta(seconds=seconds))


def switched_on(user: Any) -> SignInCode:
    code = signin_codes.sign_in_code_start(user=user)
    assert (
        signin_codes.sign_in_code_check(code=code, typed=code_now(code.secret, seconds=-30)) == ""
    )
    return code


def test_setting_up_shows_a_qr_code_and_the_key_then_needs_a_code(
    coordinator_page: PageClient, area: Area
) -> None:
    page = coordinator_page.get("/account/sign-in-code/")
    image = page.html.select_one("img.gt-qr-code")
    assert image is not None and str(image["src"]).startswith("data:image/svg+xml")
    assert image.get("alt")
    code = SignInCode.objects.get(user=area.coordinator)
    assert code.secret[:4] in page.text
    # The key is a real <code> element, and no markup is shown as text (it once was).
    key = page.html.select_one("code.gt-secret")
    assert key is not None and key.get_text().replace(" ", "") == code.secret
    assert "<code" not in page.html.get_text() and "&lt;" not in page.html.get_text()
    assert not code.is_on
    # The same key on a second look, so a scan is not wasted.
    again = coordinator_page.get("/account/sign-in-code/")
    assert code.secret[:4] in again.text

    wrong = coordinator_page.post("/account/sign-in-code/", {"code": "000000"}, status=400)
    assert field_error(wrong.html, "code") == signin_codes.CODE_WRONG
    done = coordinator_page.post("/account/sign-in-code/", {"code": code_now(code.secret)})
    assert CODE_ON in coordinator_page.follow(done).text
    code.refresh_from_db()
    assert code.is_on


def test_with_a_code_on_sign_in_takes_two_steps(page: PageClient, area: Area) -> None:
    code = switched_on(area.coordinator)
    first = page.post(
        "/sign-in/?next=/children/", {"username": "coordinator", "password": PASSWORD}
    )
    assert first.redirect_url == "/sign-in/code/"
    assert "_auth_user_id" not in page.client.session
    page.get("/", status=302)  # half signed in is not signed in

    step = page.get("/sign-in/code/")
    assert step.html.select_one("input[autocomplete=one-time-code]") is not None
    wrong = page.post("/sign-in/code/", {"code": "123456"}, status=400)
    assert field_error(wrong.html, "code") == signin_codes.CODE_WRONG
    done = page.post("/sign-in/code/", {"code": code_now(code.secret)})
    assert done.redirect_url == "/children/"
    assert page.client.session["_auth_user_id"] == str(area.coordinator.pk)


def test_a_code_cannot_be_used_twice(area: Area) -> None:
    code = switched_on(area.coordinator)
    typed = code_now(code.secret)
    assert signin_codes.sign_in_code_check(code=code, typed=typed) == ""
    assert signin_codes.sign_in_code_check(code=code, typed=typed) == signin_codes.CODE_USED
    # Nor an older one that is still inside the window.
    older = code_now(code.secret, seconds=-30)
    assert signin_codes.sign_in_code_check(code=code, typed=older) in {
        signin_codes.CODE_USED,
        signin_codes.CODE_WRONG,
    }


def test_a_code_a_little_out_is_accepted_but_not_a_far_one(area: Area) -> None:
    code = signin_codes.sign_in_code_start(user=area.coordinator)
    assert (
        signin_codes.sign_in_code_check(code=code, typed=code_now(code.secret, seconds=-300))
        == signin_codes.CODE_WRONG
    )
    assert signin_codes.sign_in_code_check(code=code, typed=code_now(code.secret, seconds=30)) == ""


def test_the_code_step_times_out(page: PageClient, area: Area) -> None:
    switched_on(area.coordinator)
    page.post("/sign-in/", {"username": "coordinator", "password": PASSWORD})
    session = page.client.session
    session["security_half_signed_in"]["started"] -= 10 * 60
    session.save()
    assert page.get("/sign-in/code/", status=302).redirect_url == "/sign-in/"
    assert page.get("/sign-in/code/", status=302).redirect_url == "/sign-in/"


def test_guessing_codes_locks_out_like_guessing_passwords(
    page: PageClient, area: Area, settings: Any
) -> None:
    switched_on(area.coordinator)
    page.post("/sign-in/", {"username": "coordinator", "password": PASSWORD})
    statuses = [
        page.client.post("/sign-in/code/", {"code": "000000"}).status_code
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert statuses[-1] == 429
    assert "security_half_signed_in" not in page.client.session


def test_turning_the_code_off_needs_the_password(coordinator_page: PageClient, area: Area) -> None:
    switched_on(area.coordinator)
    on = coordinator_page.get("/account/sign-in-code/")
    assert "Your sign-in code is on" in on.text
    wrong = coordinator_page.post(
        "/account/sign-in-code/turn-off/", {"password": "nope"}, status=400
    )
    assert field_error(wrong.html, "password") == PASSWORD_WRONG
    done = coordinator_page.post("/account/sign-in-code/turn-off/", {"password": PASSWORD})
    assert CODE_OFF in coordinator_page.follow(done).text
    assert signin_codes.sign_in_code_for(user=area.coordinator) is None
    coordinator_page.sign_out()
    again = coordinator_page.post("/sign-in/", {"username": "coordinator", "password": PASSWORD})
    assert again.redirect_url == "/"
