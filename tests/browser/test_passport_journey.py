"""The passport in a real browser, checked by axe-core: a parent shares it with a physio, the
physio reads it, the parent sees that look and stops sharing, and the physio is refused."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from goldenthread.web.accounts.models import Role
from goldenthread.web.plans.models import ThemeTag
from tests.browser.conftest import assert_accessible
from tests.web import factories
from tests.web.access_world import World, world_create

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def world(transactional_db: None) -> World:
    ThemeTag.objects.bulk_create(ThemeTag.expected_rows(), ignore_conflicts=True)
    world = world_create()
    factories.user_create(
        role=Role.HEALTH,
        username="physio",
        organisation=world.people["therapist"].organisation,
        first_name="Phil",
        last_name="Physio",
    )
    return world


def sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    if username == "parent":  # a family lands on their plan, in the family view (issue 18)
        expect(page.get_by_role("heading", level=1)).to_have_text("Ada's plan")
        return
    expect(page.get_by_role("heading", level=1)).to_have_text("What needs you")
    page.get_by_role("link", name="Children", exact=True).click()


def _date(page: Page, group: str, day: dt.date) -> None:
    fieldset = page.get_by_role("group", name=group)
    fieldset.get_by_label("Day").fill(str(day.day))
    fieldset.get_by_label("Month").fill(str(day.month))
    fieldset.get_by_label("Year").fill(str(day.year))


def test_a_parent_shares_the_passport_sees_the_look_and_stops_sharing(
    browser: Browser, live_server: Any, world: World
) -> None:
    base, child = live_server.url, world.child
    passport = f"{base}/children/{child.pk}/passport/"
    family = browser.new_context(bypass_csp=True).new_page()  # axe is injected inline
    sign_in(family, base, "parent")
    family.get_by_role("link", name="Passport").click()
    expect(family.get_by_role("heading", level=1)).to_have_text(f"{child.known_as}'s passport")
    expect(family.get_by_text(world.area.thread.outcome.text)).to_be_visible()
    assert_accessible(family, "the passport")
    family.get_by_role("button", name="Share the passport").click()
    assert_accessible(family, "the share page")
    family.get_by_role("button", name="Share the passport").click()
    expect(family.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(family, "the share page with errors")
    family.get_by_label("Person's username or email").fill("physio")
    family.get_by_label("What is it for?").fill("So Phil can get to know me before we meet.")
    family.get_by_label("A parent or carer").check()
    family.get_by_label("Their name").fill("Pat Parent")
    today = timezone.localdate()
    _date(family, "The day they agreed", today)
    _date(family, "Stop sharing on", today + dt.timedelta(days=14))
    family.get_by_role("button", name="Share the passport").click()
    row = family.get_by_role("row").filter(has_text="Phil Physio")
    expect(row).to_contain_text("Agreed by Pat Parent")

    physio = browser.new_context().new_page()
    sign_in(physio, base, "physio")
    physio.goto(passport)
    expect(physio.get_by_role("heading", level=1)).to_have_text(f"{child.known_as}'s passport")
    expect(physio.get_by_role("button", name="Stop sharing")).to_have_count(0)

    family.get_by_role("link", name="Who has looked at this record").click()
    looked = family.get_by_role("row").filter(has_text="Phil")
    expect(looked.first).to_contain_text("Looked at the passport")
    family.goto(passport)
    family.get_by_role("button", name="Stop sharing with Phil Physio").click()
    expect(family.get_by_text("Sharing stopped.")).to_be_visible()
    expect(family.get_by_role("row").filter(has_text="Phil Physio")).to_have_count(0)
    assert_accessible(family, "the passport after stopping")

    physio.goto(passport)
    expect(physio.get_by_role("heading", level=1)).to_have_text("Page not found")
    family.context.close()
    physio.context.close()


def test_a_parent_makes_a_link_sees_it_opened_and_stops_it(
    browser: Browser, live_server: Any, world: World
) -> None:
    base, child = live_server.url, world.child
    family = browser.new_context(bypass_csp=True).new_page()
    sign_in(family, base, "parent")
    family.goto(f"{base}/children/{child.pk}/passport/")
    family.get_by_role("button", name="Make a link").click()
    assert_accessible(family, "the link page")
    family.get_by_label("Who is the link for?").fill("Dr Patel")
    _date(family, "The link stops working after", timezone.localdate() + dt.timedelta(days=7))
    family.get_by_label("How many times can it be opened?").fill("3")
    family.get_by_label("What is it for?").fill("So Dr Patel can read it before we meet.")
    family.get_by_label("A parent or carer").check()
    family.get_by_label("Their name").fill("Pat Parent")
    _date(family, "The day they agreed", timezone.localdate())
    family.get_by_role("button", name="Make the link").click()
    expect(family.get_by_role("heading", level=1)).to_have_text("Copy the link now")
    assert_accessible(family, "the link made page")
    address = family.get_by_label("The link").input_value()

    reader = browser.new_context(bypass_csp=True).new_page()  # not signed in
    reader.goto(address)
    expect(reader.get_by_role("heading", level=1)).to_have_text(f"{child.known_as}'s passport")
    expect(reader.get_by_text(world.area.thread.outcome.text)).to_be_visible()
    assert_accessible(reader, "the passport through a link")

    family.get_by_role("link", name="Who has looked at this record").click()
    looked = family.get_by_role("row").filter(has_text="Someone using the link made for Dr Patel")
    expect(looked.first).to_contain_text("Looked at the passport, through a link")
    family.goto(f"{base}/children/{child.pk}/passport/")
    expect(family.get_by_role("row").filter(has_text="Dr Patel")).to_contain_text("1 of 3")
    family.get_by_role("button", name="Stop the link for Dr Patel").click()
    expect(family.get_by_text("Link stopped.")).to_be_visible()

    reader.goto(address)
    expect(reader.get_by_role("heading", level=1)).to_have_text(
        "This link does not open the passport"
    )
    expect(reader.get_by_text(world.area.thread.outcome.text)).to_have_count(0)
    assert_accessible(reader, "a stopped link")
    family.context.close()
    reader.context.close()
