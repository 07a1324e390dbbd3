"""Your sessions: where you are signed in, signing out one or everywhere else (ADR 0016)."""

from __future__ import annotations

from django.test import Client

from goldenthread.web.security.account_views import SIGNED_OUT_OTHERS
from goldenthread.web.security.middleware import SIGNED_OUT_ELSEWHERE
from goldenthread.web.security.models import SignedInSession
from goldenthread.web.security.sessions import browser_summary
from tests.web.conftest import PageClient
from tests.web.factories import PASSWORD, Area

FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
SAFARI = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)


def _signed_in(user_agent: str) -> Client:
    client = Client(HTTP_USER_AGENT=user_agent)
    response = client.post("/sign-in/", {"username": "coordinator", "password": PASSWORD})
    assert response.status_code == 302
    return client


def test_the_page_lists_each_browser_and_marks_this_one(page: PageClient, area: Area) -> None:
    phone = _signed_in(SAFARI)
    page.client = _signed_in(FIREFOX)
    listed = page.get("/account/sessions/")
    rows = [" ".join(row.get_text(" ").split()) for row in listed.html.select("tbody tr")]
    assert len(rows) == 2
    assert any(row.startswith("Firefox on Windows This session") for row in rows)
    assert any(row.startswith("Safari on iPhone") and "This session" not in row for row in rows)
    assert phone.get("/").status_code == 200


def test_signing_out_everywhere_else_ends_the_other_sessions_only(
    page: PageClient, area: Area
) -> None:
    phone = _signed_in(SAFARI)
    page.client = _signed_in(FIREFOX)
    done = page.post("/account/sessions/sign-out/", {})
    assert SIGNED_OUT_OTHERS in page.follow(done).text
    page.get("/")
    sent_away = phone.get("/")
    assert sent_away.status_code == 302 and sent_away["Location"].startswith("/sign-in/")
    assert SIGNED_OUT_ELSEWHERE in phone.get(sent_away["Location"]).content.decode()
    assert phone.get("/").status_code == 302  # and stays out
    assert SignedInSession.objects.filter(user=area.coordinator, ended_at=None).count() == 1


def test_signing_out_one_session(page: PageClient, area: Area) -> None:
    phone = _signed_in(SAFARI)
    page.client = _signed_in(FIREFOX)
    other = SignedInSession.objects.get(browser="Safari on iPhone")
    page.post("/account/sessions/sign-out/", {"session": str(other.pk)})
    assert phone.get("/").status_code == 302
    page.get("/")
    # This session's own button signs this browser out.
    mine = SignedInSession.objects.get(browser="Firefox on Windows")
    out = page.post("/account/sessions/sign-out/", {"session": str(mine.pk)})
    assert out.redirect_url == "/sign-in/"
    page.get("/", status=302)


def test_nobody_can_sign_out_someone_elses_session(page: PageClient, area: Area) -> None:
    _signed_in(SAFARI)
    theirs = SignedInSession.objects.get()
    page.sign_in(area.stranger)
    page.post("/account/sessions/sign-out/", {"session": str(theirs.pk)})
    theirs.refresh_from_db()
    assert theirs.ended_at is None


def test_the_table_holds_a_hash_of_the_session_key_never_the_key(area: Area) -> None:
    client = _signed_in(FIREFOX)
    key = client.session.session_key
    assert key
    row = SignedInSession.objects.get()
    assert key not in {row.key_hash, row.browser}
    assert len(row.key_hash) == 64


def test_signing_out_ends_the_row(page: PageClient, area: Area) -> None:
    page.client = _signed_in(FIREFOX)
    page.post("/sign-out/", {})
    assert SignedInSession.objects.get().ended_at is not None


def test_browser_summaries() -> None:
    assert browser_summary(FIREFOX) == "Firefox on Windows"
    assert browser_summary(SAFARI) == "Safari on iPhone"
    chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"
    assert browser_summary(chrome) == "Chrome on Linux"
    assert browser_summary("") == "A browser"
