"""No caching of pages or API answers; https, HSTS and https links behind a trusted proxy."""

from __future__ import annotations

from typing import Any

from django.test import Client, override_settings

from goldenthread.web.api.tokens import api_token_create
from tests.web.conftest import PageClient
from tests.web.factories import Area

PROXY = {
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
    "SECURE_HSTS_SECONDS": 31536000,
    "SECURE_SSL_REDIRECT": True,
}


def _no_store(response: Any) -> bool:
    return response["Cache-Control"] == "no-store" and response["Pragma"] == "no-cache"


def test_pages_for_a_signed_in_person_are_not_stored(
    coordinator_page: PageClient, area: Area
) -> None:
    for url in ("/", f"/children/{area.child.pk}/", "/account/", "/account/sessions/"):
        assert _no_store(coordinator_page.get(url).response), url


def test_api_answers_are_not_stored(client: Client, area: Area) -> None:
    _, secret = api_token_create(owner=area.coordinator, name="Case system")
    ok = client.get("/api/children/", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert ok.status_code == 200 and _no_store(ok)
    refused = Client().get("/api/children/")
    assert refused.status_code == 401 and _no_store(refused)


def test_static_files_keep_their_caching(client: Client) -> None:
    response = client.get("/assets/gt/app.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


@override_settings(**PROXY)
def test_behind_the_proxy_https_gets_hsts_and_http_is_redirected(client: Client) -> None:
    secure = client.get("/sign-in/", HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="testserver")
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"] == "max-age=31536000"
    plain = client.get("/sign-in/", HTTP_X_FORWARDED_PROTO="http")
    assert plain.status_code == 301 and plain["Location"] == "https://testserver/sign-in/"
    assert client.get("/health/").status_code == 200  # the proxy's health check


@override_settings(**PROXY)
def test_behind_the_proxy_absolute_links_are_https(client: Client, area: Area) -> None:
    client.force_login(area.coordinator)
    response = client.get(
        f"/children/{area.child.pk}/passport/link/",
        HTTP_X_FORWARDED_PROTO="https",
        HTTP_HOST="testserver",
    )
    assert response.status_code == 200
    request = response.wsgi_request
    assert request.build_absolute_uri("/x/") == "https://testserver/x/"


def test_without_the_setting_a_forwarded_proto_is_not_believed(client: Client) -> None:
    response = client.get("/sign-in/", HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="testserver")
    assert response.wsgi_request.is_secure() is False
