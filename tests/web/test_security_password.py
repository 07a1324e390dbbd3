"""Changing a password, and resetting it by e-mail through a real SMTP server on loopback."""

from __future__ import annotations

import email
import re
import socket
from collections.abc import Iterator
from email.message import Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.test import Client

from goldenthread.web.security.account_views import CHANGE_DONE
from goldenthread.web.security.password_reset_views import RESET_DONE
from tests.web.conftest import PageClient
from tests.web.factories import PASSWORD, Area
from tests.web.pagecheck import field_error

NEW_PASSWORD = "a-brand-new-long-passphrase"
LINK = re.compile(r"(https?)://testserver(/password-reset/[^/\s]+/[^/\s]+/)")


class Inbox:
    """An aiosmtpd handler that keeps every message it is sent."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], Message]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append((list(envelope.rcpt_tos), email.message_from_bytes(envelope.content)))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def inbox(settings: Any) -> Iterator[Inbox]:
    """A real SMTP server on 127.0.0.1, and Django's SMTP backend pointed at it."""
    handler = Inbox()
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    try:
        yield handler
    finally:
        controller.stop()


@pytest.fixture
def with_email(area: Area) -> str:
    area.coordinator.email = "coordinator@example.org"
    area.coordinator.save()
    return area.coordinator.email


def _body(message: Message) -> str:
    payload = message.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode()


def _sign_in(client: Client, password: str) -> int:
    response = client.post("/sign-in/", {"username": "coordinator", "password": password})
    return response.status_code


def test_a_reset_link_arrives_by_email_and_sets_a_new_password(
    page: PageClient, area: Area, inbox: Inbox, with_email: str
) -> None:
    elsewhere = Client()
    elsewhere.force_login(area.coordinator)
    assert elsewhere.get("/").status_code == 200

    asked = page.get("/password-reset/").form()
    asked["email"] = with_email.upper()  # the address is matched whatever its case
    sent = page.post("/password-reset/", asked)
    assert sent.redirect_url == "/password-reset/sent/"
    assert "If that address is on an account" in page.follow(sent).text

    [(recipients, message)] = inbox.messages
    assert recipients == [with_email]
    body = _body(message)
    found = LINK.search(body)
    assert found is not None, body
    assert found.group(1) == "http"  # no proxy here: see test_security_proxy for https
    for personal in ("coordinator", area.coordinator.first_name, area.coordinator.last_name):
        assert personal not in body and personal not in str(message["Subject"])
    assert with_email not in body

    # The token leaves the address bar at once (no Referer leak), as Django's own view does.
    moved = page.get(found.group(2), status=302)
    assert moved.redirect_url.endswith("/set-password/")
    form = page.follow(moved).form()
    form.update(new_password1=NEW_PASSWORD, new_password2=NEW_PASSWORD)
    done = page.post(moved.redirect_url, form)
    assert done.redirect_url == "/sign-in/"
    assert RESET_DONE in page.follow(done).text

    assert _sign_in(Client(), PASSWORD) == 400
    assert _sign_in(Client(), NEW_PASSWORD) == 302
    assert elsewhere.get("/").status_code == 302  # every session ended
    # A link works once.
    assert "does not work" in page.get(found.group(2), status=404).text


def test_asking_for_an_unknown_address_looks_the_same_and_sends_nothing(
    page: PageClient, area: Area, inbox: Inbox
) -> None:
    sent = page.post("/password-reset/", {"email": "nobody@example.org"})
    assert sent.redirect_url == "/password-reset/sent/"
    assert inbox.messages == []


def test_a_made_up_link_does_not_work(page: PageClient, area: Area) -> None:
    page.get("/password-reset/MQ/abc-123/", status=404)
    page.get("/password-reset/MQ/set-password/", status=404)


def test_the_new_password_must_meet_the_rules(
    page: PageClient, area: Area, inbox: Inbox, with_email: str
) -> None:
    page.post("/password-reset/", {"email": with_email})
    found = LINK.search(_body(inbox.messages[0][1]))
    assert found is not None
    moved = page.get(found.group(2), status=302)
    short = page.post(
        moved.redirect_url, {"new_password1": "short", "new_password2": "short"}, status=400
    )
    assert "at least 12 characters" in field_error(short.html, "new_password2")


def test_changing_a_password_needs_the_old_one_and_ends_other_sessions(
    page: PageClient, area: Area
) -> None:
    elsewhere = Client()
    elsewhere.force_login(area.coordinator)
    page.sign_in(area.coordinator)
    form = page.get("/account/password/").form()

    wrong = page.post(
        "/account/password/",
        {
            **form,
            "old_password": "not it",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
        status=400,
    )
    assert field_error(wrong.html, "old_password")
    common = page.post(
        "/account/password/",
        {
            **form,
            "old_password": PASSWORD,
            "new_password1": "password1234",
            "new_password2": "password1234",
        },
        status=400,
    )
    assert "too common" in field_error(common.html, "new_password2")

    done = page.post(
        "/account/password/",
        {
            **form,
            "old_password": PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert done.redirect_url == "/account/"
    assert CHANGE_DONE in page.follow(done).text
    page.get("/")  # this browser stays signed in
    assert elsewhere.get("/").status_code == 302
    assert _sign_in(Client(), NEW_PASSWORD) == 302


def test_behind_a_trusted_proxy_the_link_is_https(
    page: PageClient, area: Area, inbox: Inbox, with_email: str, settings: Any
) -> None:
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    page.client.post(
        "/password-reset/",
        {"email": with_email},
        HTTP_X_FORWARDED_PROTO="https",
        HTTP_HOST="testserver",
    )
    found = LINK.search(_body(inbox.messages[0][1]))
    assert found is not None and found.group(1) == "https"
