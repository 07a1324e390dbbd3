"""Access in a real browser, checked by axe-core: a therapist cannot open a child who was not
shared with them, and the family then sees the therapist's look at their own child's record."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

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
    return world_create()


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


def test_a_therapist_is_refused_and_the_family_sees_who_looked(
    browser: Browser, live_server: Any, world: World
) -> None:
    base, child = live_server.url, world.child
    therapist = browser.new_context(bypass_csp=True).new_page()  # axe is injected inline
    sign_in(therapist, base, "therapist")
    therapist.goto(f"{base}/children/{world.area.other_child.pk}/")
    expect(therapist.get_by_role("heading", level=1)).to_have_text("Page not found")
    assert world.area.other_child.last_name not in therapist.content()
    assert_accessible(therapist, "the not found page")
    therapist.get_by_role("link", name="Go to your list of children").click()
    therapist.get_by_role("link", name=child.full_name).click()
    expect(therapist.get_by_role("heading", level=1)).to_have_text(child.full_name)
    therapist.context.close()

    family = browser.new_context(bypass_csp=True).new_page()  # axe is injected inline
    sign_in(family, base, "parent")
    family.get_by_role("link", name="Who has looked at this record").click()
    heading = f"Who has looked at {child.known_as}'s record"
    expect(family.get_by_role("heading", level=1)).to_have_text(heading)
    row = family.get_by_role("row").filter(has_text="Health professional")
    expect(row).to_contain_text("Therapist")
    expect(row).to_contain_text("Westshire Children's Therapy")
    expect(row).to_contain_text("Looked at the record")
    assert_accessible(family, "who has looked at my child's record")
    family.context.close()
