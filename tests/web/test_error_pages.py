"""Error pages are GOV.UK pages too, and give nothing away."""

from __future__ import annotations

from django.template import loader

from tests.web.conftest import PageClient
from tests.web.factories import Area


def test_an_unknown_child_gets_a_gov_uk_not_found_page(
    coordinator_page: PageClient, area: Area
) -> None:
    page = coordinator_page.get("/children/999999/", status=404)
    assert page.html.title is not None
    assert "Page not found" in page.html.title.get_text()
    assert "may not have a reason to see it" in page.text


def test_the_server_error_page_renders_with_no_request() -> None:
    html = loader.get_template("500.html").render()
    assert "Sorry, there is a problem with the service" in html
