"""A change without its row version is refused; on SQLite a save that loses the write lock is
told of the conflict, as a stale row version is, instead of a server error."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import OperationalError
from django.test import Client

from goldenthread.web.plans.forms import ROW_VERSION_MISSING
from goldenthread.web.plans.models import Outcome
from goldenthread.web.plans.services.common import EDITED_ELSEWHERE
from tests.web.conftest import PageClient
from tests.web.factories import Area
from tests.web.pagecheck import error_summary_links
from tests.web.test_forms_concurrent import edit_urls

EVERY_FORM = ["child", "all-about-me", "plan", "aspiration", "need", "outcome", "step", "provision"]


def _snapshot(record: Any) -> dict[str, Any]:
    saved = type(record).objects.get(pk=record.pk)
    return {f.attname: getattr(saved, f.attname) for f in saved._meta.concrete_fields}


@pytest.mark.parametrize("name", EVERY_FORM)
@pytest.mark.parametrize("sent", ["left out", "blank"])
def test_a_change_without_its_row_version_is_refused(
    coordinator_page: PageClient, area: Area, name: str, sent: str
) -> None:
    record, url, field = edit_urls(area)[name]
    before = _snapshot(record)
    form = coordinator_page.get(url).form()
    if sent == "left out":
        del form["row_version"]
    else:
        form["row_version"] = ""
    form[field] = "draft" if name == "plan" else "Changed without a version"

    refused = coordinator_page.post(url, form, status=400)

    # All about me can be opened before anyone wrote it: a blank version then means someone
    # else wrote it first.
    expected = (
        EDITED_ELSEWHERE if (name, sent) == ("all-about-me", "blank") else ROW_VERSION_MISSING
    )
    assert error_summary_links(refused.html) == {expected: "main-content"}
    assert _snapshot(record) == before


def test_a_new_part_needs_no_earlier_version(coordinator_page: PageClient, area: Area) -> None:
    plan = area.thread.plan
    url = f"/plans/{plan.pk}/aspirations/add/"
    form = coordinator_page.get(url).form()
    form["text"] = "I want to be a vet"
    coordinator_page.post(url, form)
    assert plan.aspirations.filter(text="I want to be a vet").exists()


def test_losing_the_write_lock_on_a_page_is_the_conflict_message(
    coordinator_page: PageClient, area: Area, monkeypatch: pytest.MonkeyPatch
) -> None:
    record, url, field = edit_urls(area)["outcome"]
    before = _snapshot(record)
    form = coordinator_page.get(url).form()
    form[field] = "By July 2027 I will read a short book to a friend at home."
    monkeypatch.setattr(Outcome, "save", _locked)

    refused = coordinator_page.post(url, form, status=400)

    assert error_summary_links(refused.html) == {EDITED_ELSEWHERE: "main-content"}
    assert _snapshot(record) == before


def test_losing_the_write_lock_in_the_api_is_a_409(
    client: Client, area: Area, monkeypatch: pytest.MonkeyPatch
) -> None:
    client.force_login(area.coordinator)
    outcome = area.thread.outcome
    monkeypatch.setattr(Outcome, "save", _locked)
    response = client.patch(
        f"/api/plans/{area.thread.plan.pk}/outcomes/{outcome.pk}/",
        {"text": "Changed at the same moment", "row_version": outcome.row_version},
        content_type="application/json",
    )
    assert response.status_code == 409
    assert response.json()["detail"] == EDITED_ELSEWHERE


def test_other_database_errors_are_not_taken_for_a_conflict(
    coordinator_page: PageClient, area: Area, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = edit_urls(area)["outcome"][1]
    form = coordinator_page.get(url).form()

    def broken(self: Outcome, *args: Any, **kwargs: Any) -> None:
        raise OperationalError("disk I/O error")

    monkeypatch.setattr(Outcome, "save", broken)
    with pytest.raises(OperationalError, match="disk I/O"):
        coordinator_page.post(url, form)


def _locked(self: Outcome, *args: Any, **kwargs: Any) -> None:
    raise OperationalError("database is locked")
