"""Security headers on every kind of response, and no inline script or style on any page."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.template import loader
from django.test import Client

from goldenthread.web.security.templates import INLINE_SCRIPT
from tests.web.conftest import PageClient
from tests.web.factories import Area

CSP_DIRECTIVES = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'none'",
]


def inline_problems(html: str) -> list[str]:
    """Inline <script> without src, style attributes, <style> blocks and on* handlers."""
    soup = BeautifulSoup(html, "html.parser")
    problems = [
        f"inline script: {str(tag)[:80]}" for tag in soup.find_all("script") if not tag.get("src")
    ]
    problems += [f"style attribute on <{tag.name}>" for tag in soup.find_all(style=True)]
    problems += ["a <style> block" for _ in soup.find_all("style")]
    problems += [
        f"{name} handler on <{tag.name}>"
        for tag in soup.find_all(True)
        for name in tag.attrs
        if name.lower().startswith("on")
    ]
    return problems


def assert_secure_headers(response: object) -> None:
    headers = response.headers  # type: ignore[attr-defined]
    policy = headers["Content-Security-Policy"]
    for directive in CSP_DIRECTIVES:
        assert directive in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert "camera=()" in headers["Permissions-Policy"]
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"


def page_urls(area: Area) -> list[tuple[str, int]]:
    thread = area.thread
    return [
        ("/", 200),
        (f"/children/{area.child.pk}/", 200),
        (f"/children/{area.child.pk}/edit/", 200),
        (f"/children/{area.child.pk}/all-about-me/", 200),
        (f"/plans/{thread.plan.pk}/edit/", 200),
        (f"/plans/{thread.plan.pk}/outcomes/{thread.outcome.pk}/edit/", 200),
        (f"/plans/{thread.plan.pk}/needs/add/", 200),
        (f"/plans/{thread.plan.pk}/aspirations/{thread.hope.pk}/history/", 200),
        ("/sign-out/", 200),
        ("/account/sign-in-code/", 200),
        ("/accessibility/", 200),
        ("/children/999999/", 404),
    ]


def test_every_page_type_has_the_security_headers_and_no_inline_code(
    coordinator_page: PageClient, area: Area
) -> None:
    for url, status in page_urls(area):
        page = coordinator_page.get(url, status=status)
        assert_secure_headers(page.response)
        assert not inline_problems(page.response.content.decode()), url


def test_signed_out_pages_redirects_and_plain_text_have_the_headers(page: PageClient) -> None:
    sign_in = page.get("/sign-in/")
    assert_secure_headers(sign_in.response)
    assert not inline_problems(sign_in.response.content.decode())
    assert_secure_headers(page.get("/", status=302).response)
    assert_secure_headers(page.get("/health/").response)


def test_a_form_with_errors_has_no_inline_code(coordinator_page: PageClient, area: Area) -> None:
    url = f"/children/{area.child.pk}/edit/"
    data = coordinator_page.get(url).form()
    data["first_name"] = ""
    page = coordinator_page.post(url, data, status=400)
    assert not inline_problems(page.response.content.decode())


def test_the_server_error_page_has_no_inline_code() -> None:
    assert not inline_problems(loader.get_template("500.html").render())


@pytest.mark.django_db
def test_the_admin_has_the_headers_and_sends_its_sign_in_to_ours(client: Client) -> None:
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/sign-in/?next=/admin/"
    assert_secure_headers(response)


def test_the_gov_uk_template_loses_exactly_its_inline_script() -> None:
    html = loader.get_template("500.html").render()
    assert "js-enabled" not in html
    assert INLINE_SCRIPT.search(html) is None
