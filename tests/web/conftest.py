"""Fixtures for page tests.

Every page a test fetches through ``page`` is checked by ``tests.web.pagecheck``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from bs4 import BeautifulSoup
from django.http import HttpResponse
from django.test import Client

from tests.web import factories
from tests.web.pagecheck import form_values, page_problems

CHECKED_STATUSES = frozenset({200, 400, 403, 404, 409})


@dataclass
class Page:
    """A fetched page: the response, and (for HTML pages) the parsed document."""

    response: HttpResponse
    soup: BeautifulSoup | None

    @property
    def html(self) -> BeautifulSoup:
        assert self.soup is not None, f"status {self.response.status_code} has no page to read"
        return self.soup

    @property
    def text(self) -> str:
        """The words on the page, with runs of white space made single."""
        return " ".join(self.html.get_text(" ").split())

    @property
    def redirect_url(self) -> str:
        return str(self.response["Location"])

    def form(self, *, form_index: int = -1) -> dict[str, Any]:
        return form_values(self.html, form_index=form_index)


class PageClient:
    """GETs and POSTs through Django's test client, and checks every HTML page it gets back."""

    def __init__(self, client: Client) -> None:
        self.client = client

    def sign_in(self, user: Any) -> None:
        self.client.force_login(user)

    def sign_out(self) -> None:
        self.client.logout()

    def get(self, url: str, *, status: int = 200, data: dict[str, Any] | None = None) -> Page:
        return self._checked(self.client.get(url, data or {}), status)

    def post(self, url: str, data: dict[str, Any] | None = None, *, status: int = 302) -> Page:
        return self._checked(self.client.post(url, data or {}), status)

    def follow(self, page: Page, *, status: int = 200) -> Page:
        """Go where a redirect points, as a browser would."""
        return self.get(page.redirect_url, status=status)

    @staticmethod
    def _checked(response: HttpResponse, status: int) -> Page:
        assert response.status_code == status, (
            f"expected status {status}, got {response.status_code}: {response.content[:300]!r}"
        )
        is_html = response.get("Content-Type", "").startswith("text/html")
        if response.status_code not in CHECKED_STATUSES or not is_html:
            return Page(response, None)
        html = response.content.decode()
        problems = page_problems(html, has_errors=response.status_code == 400)
        assert not problems, "page check failed:\n- " + "\n- ".join(problems)
        return Page(response, BeautifulSoup(html, "html.parser"))


@pytest.fixture
def page(client: Client, db: None) -> PageClient:
    return PageClient(client)


@pytest.fixture
def area(db: None) -> factories.Area:
    return factories.area_create()


@pytest.fixture
def coordinator_page(page: PageClient, area: factories.Area) -> PageClient:
    """A page client signed in as the coordinator with ``area.child`` on their caseload."""
    page.sign_in(area.coordinator)
    return page


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Any) -> None:
    """Argon2 is slow on purpose; tests only need passwords to match."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
