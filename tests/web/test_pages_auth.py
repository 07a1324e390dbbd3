"""Signing in and out."""

from __future__ import annotations

from goldenthread.web.plans.views.auth import SIGN_IN_FAILED
from tests.web.conftest import PageClient
from tests.web.factories import PASSWORD, Area
from tests.web.pagecheck import error_summary_links, field_error


def test_sign_in_page_shows_a_form(page: PageClient) -> None:
    signin = page.get("/sign-in/")
    assert signin.html.h1.get_text(strip=True) == "Sign in"
    assert set(signin.form()) >= {"username", "password", "csrfmiddlewaretoken"}


def test_good_password_signs_in_and_goes_to_the_home(page: PageClient, area: Area) -> None:
    done = page.post("/sign-in/", {"username": "coordinator", "password": PASSWORD})
    assert done.redirect_url == "/"
    home = page.follow(done)
    assert home.html.h1.get_text(strip=True) == "What needs you"
    assert "Ada Lovelace-Example" in page.get("/children/").text


def test_sign_in_returns_to_the_page_asked_for(page: PageClient, area: Area) -> None:
    wanted = f"/children/{area.child.pk}/"
    done = page.post(f"/sign-in/?next={wanted}", {"username": "coordinator", "password": PASSWORD})
    assert done.redirect_url == wanted


def test_sign_in_never_sends_people_to_another_site(page: PageClient, area: Area) -> None:
    done = page.post(
        "/sign-in/?next=https://evil.example/", {"username": "coordinator", "password": PASSWORD}
    )
    assert done.redirect_url == "/"


def test_bad_password_is_refused_with_an_error_on_the_password(
    page: PageClient, area: Area
) -> None:
    refused = page.post("/sign-in/", {"username": "coordinator", "password": "wrong"}, status=400)
    assert error_summary_links(refused.html) == {SIGN_IN_FAILED: "password"}
    assert field_error(refused.html, "password") == SIGN_IN_FAILED
    assert refused.form()["username"] == "coordinator"
    assert "_auth_user_id" not in page.client.session


def test_empty_sign_in_names_each_missing_box(page: PageClient, db: None) -> None:
    refused = page.post("/sign-in/", {"username": "", "password": ""}, status=400)
    assert error_summary_links(refused.html) == {
        "Enter your username": "username",
        "Enter your password": "password",
    }


def test_an_inactive_person_cannot_sign_in(page: PageClient, area: Area) -> None:
    area.coordinator.is_active = False
    area.coordinator.save()
    page.post("/sign-in/", {"username": "coordinator", "password": PASSWORD}, status=400)


def test_sign_out_asks_then_signs_out(coordinator_page: PageClient) -> None:
    confirm = coordinator_page.get("/sign-out/")
    assert confirm.html.form["action"] == "/sign-out/"
    done = coordinator_page.post("/sign-out/")
    assert done.redirect_url == "/sign-in/"
    after = coordinator_page.get("/", status=302)
    assert after.redirect_url == "/sign-in/?next=/"


def test_public_pages_need_no_sign_in(page: PageClient, db: None) -> None:
    page.get("/accessibility/")
    page.get("/sign-in/")
    assert page.get("/health/").response.content == b"ok"


def test_signed_out_people_are_sent_to_sign_in(page: PageClient, area: Area) -> None:
    wanted = f"/children/{area.child.pk}/"
    assert page.get(wanted, status=302).redirect_url == f"/sign-in/?next={wanted}"
