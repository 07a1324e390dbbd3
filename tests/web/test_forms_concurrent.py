"""Two people open the same form; the second to save is told, and nothing of theirs is saved."""

from __future__ import annotations

from typing import Any

import pytest

from goldenthread.web.plans.models import AllAboutMe
from goldenthread.web.plans.services.common import EDITED_ELSEWHERE
from tests.web import factories
from tests.web.conftest import PageClient
from tests.web.factories import Area
from tests.web.pagecheck import error_summary_links


def edit_urls(area: Area) -> dict[str, tuple[Any, str, str]]:
    """name: (record, its edit page, a text field on it)."""
    plan, thread = area.thread.plan, area.thread
    about = factories.all_about_me_create(child=area.child, my_story="Born in Leeds.")
    return {
        "child": (area.child, f"/children/{area.child.pk}/edit/", "first_name"),
        "all-about-me": (about, f"/children/{area.child.pk}/all-about-me/", "my_story"),
        "plan": (plan, f"/plans/{plan.pk}/edit/", "status"),
        "aspiration": (thread.hope, f"/plans/{plan.pk}/aspirations/{thread.hope.pk}/edit/", "text"),
        "need": (thread.need, f"/plans/{plan.pk}/needs/{thread.need.pk}/edit/", "text"),
        "outcome": (thread.outcome, f"/plans/{plan.pk}/outcomes/{thread.outcome.pk}/edit/", "text"),
        "step": (thread.step, f"/plans/{plan.pk}/steps/{thread.step.pk}/edit/", "text"),
        "provision": (
            thread.help,
            f"/plans/{plan.pk}/provision/{thread.help.pk}/edit/",
            "description",
        ),
    }


@pytest.mark.parametrize(
    "name", ["child", "all-about-me", "plan", "aspiration", "need", "outcome", "step", "provision"]
)
def test_second_save_from_the_same_version_is_refused(
    coordinator_page: PageClient, area: Area, name: str
) -> None:
    record, url, field = edit_urls(area)[name]
    first = coordinator_page.get(url).form()
    second = coordinator_page.get(url).form()
    assert first["row_version"] == second["row_version"] == str(record.row_version)
    first[field] = "draft" if name == "plan" else "Saved first"
    coordinator_page.post(url, first)
    record.refresh_from_db()
    saved = type(record).objects.get(pk=record.pk)
    snapshot = {f.attname: getattr(saved, f.attname) for f in saved._meta.concrete_fields}

    second[field] = "ceased" if name == "plan" else "Saved second"
    refused = coordinator_page.post(url, second, status=400)

    assert error_summary_links(refused.html) == {EDITED_ELSEWHERE: "main-content"}
    after = type(record).objects.get(pk=record.pk)
    assert {f.attname: getattr(after, f.attname) for f in after._meta.concrete_fields} == snapshot
    # The refusal shows what is saved now, keeps the person's words, and carries the saved
    # version, so saving again is a deliberate choice to replace it.
    assert "What is saved now" in refused.text
    again = refused.form()
    assert again["row_version"] == str(after.row_version)
    assert again[field] == second[field]
    coordinator_page.post(url, again)
    replaced = type(record).objects.get(pk=record.pk)
    assert getattr(replaced, field) == second[field]


def test_all_about_me_written_twice_at_once_keeps_the_first(
    coordinator_page: PageClient, area: Area
) -> None:
    url = f"/children/{area.child.pk}/all-about-me/"
    first = coordinator_page.get(url).form()
    second = coordinator_page.get(url).form()
    first["my_story"] = "First telling"
    second["my_story"] = "Second telling"
    coordinator_page.post(url, first)
    coordinator_page.post(url, second, status=400)
    assert AllAboutMe.objects.get(child=area.child).my_story == "First telling"
