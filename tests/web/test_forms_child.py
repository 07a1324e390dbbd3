"""Editing a child's details (with NHS number and UPN checks) and their "all about me"."""

from __future__ import annotations

import datetime as dt

import pytest

from goldenthread.web.plans.forms import SAME_NEEDS
from goldenthread.web.plans.models import AllAboutMe, Child
from goldenthread.web.plans.models.child import NHS_NUMBER_INVALID, UPN_INVALID
from tests.web.conftest import Page, PageClient
from tests.web.factories import VALID_NHS_NUMBER, VALID_UPN, Area
from tests.web.pagecheck import error_summary_links, field_error


def edit_child(page: PageClient, area: Area, changes: dict[str, str], *, status: int = 302) -> Page:
    url = f"/children/{area.child.pk}/edit/"
    values = page.get(url).form()
    values.update(changes)
    return page.post(url, values, status=status)


def test_edit_form_shows_the_childs_details(coordinator_page: PageClient, area: Area) -> None:
    values = coordinator_page.get(f"/children/{area.child.pk}/edit/").form()
    assert values["first_name"] == "Ada"
    assert (
        values["date_of_birth-day"],
        values["date_of_birth-month"],
        values["date_of_birth-year"],
    ) == ("14", "3", "2016")
    assert values["primary_need"] == "ASD"
    assert values["current_setting"] == str(area.school.pk)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        (VALID_NHS_NUMBER, "9434765919"),
        ("943-476-5919", "9434765919"),
        ("", ""),
    ],
)
def test_a_real_nhs_number_is_saved_without_spaces(
    coordinator_page: PageClient, area: Area, typed: str, stored: str
) -> None:
    done = edit_child(coordinator_page, area, {"nhs_number": typed})
    assert done.redirect_url == f"/children/{area.child.pk}/"
    assert Child.objects.get(pk=area.child.pk).nhs_number == stored


@pytest.mark.parametrize("typed", ["943 476 5918", "12345", "94347659190", "abc 476 5919"])
def test_a_wrong_nhs_number_is_refused_on_its_box(
    coordinator_page: PageClient, area: Area, typed: str
) -> None:
    refused = edit_child(
        coordinator_page, area, {"nhs_number": typed, "first_name": "Changed"}, status=400
    )
    assert error_summary_links(refused.html) == {NHS_NUMBER_INVALID: "nhs_number"}
    assert field_error(refused.html, "nhs_number") == NHS_NUMBER_INVALID
    assert Child.objects.get(pk=area.child.pk).first_name == "Ada"


@pytest.mark.parametrize(
    ("typed", "stored"), [(VALID_UPN, VALID_UPN), (" a123456789012 ", VALID_UPN)]
)
def test_a_real_upn_is_saved_in_capitals(
    coordinator_page: PageClient, area: Area, typed: str, stored: str
) -> None:
    edit_child(coordinator_page, area, {"upn": typed})
    assert Child.objects.get(pk=area.child.pk).upn == stored


@pytest.mark.parametrize("typed", ["B123456789012", "A12345678901", "I123456789012"])
def test_a_wrong_upn_is_refused_on_its_box(
    coordinator_page: PageClient, area: Area, typed: str
) -> None:
    refused = edit_child(coordinator_page, area, {"upn": typed}, status=400)
    assert error_summary_links(refused.html) == {UPN_INVALID: "upn"}
    assert field_error(refused.html, "upn") == UPN_INVALID


def test_both_needs_cannot_be_the_same(coordinator_page: PageClient, area: Area) -> None:
    refused = edit_child(coordinator_page, area, {"secondary_need": "ASD"}, status=400)
    assert error_summary_links(refused.html) == {SAME_NEEDS: "secondary_need"}


def test_date_of_birth_is_required_and_must_be_real(
    coordinator_page: PageClient, area: Area
) -> None:
    refused = edit_child(
        coordinator_page,
        area,
        {"date_of_birth-day": "", "date_of_birth-month": "", "date_of_birth-year": ""},
        status=400,
    )
    assert list(error_summary_links(refused.html).values()) == ["date_of_birth-day"]
    refused = edit_child(
        coordinator_page, area, {"date_of_birth-day": "30", "date_of_birth-month": "2"}, status=400
    )
    assert list(error_summary_links(refused.html).values()) == ["date_of_birth-day"]
    assert Child.objects.get(pk=area.child.pk).date_of_birth == dt.date(2016, 3, 14)


def test_saved_details_show_on_the_child_page(coordinator_page: PageClient, area: Area) -> None:
    done = edit_child(
        coordinator_page, area, {"preferred_name": "Addy", "communication": "I use Makaton signs."}
    )
    shown = coordinator_page.follow(done)
    assert "Details saved" in shown.text
    assert "(known as Addy)" in shown.html.h1.get_text()
    assert "I use Makaton signs." in shown.text


def test_all_about_me_is_written_once_and_shown(coordinator_page: PageClient, area: Area) -> None:
    url = f"/children/{area.child.pk}/all-about-me/"
    values = coordinator_page.get(url).form()
    assert values["row_version"] == ""
    values.update({"important_to_me": "My dog, Biscuit.", "how_to_support_me": "Give me time."})
    done = coordinator_page.post(url, values)
    assert AllAboutMe.objects.filter(child=area.child).count() == 1
    shown = coordinator_page.follow(done)
    assert "All about me saved. Every plan for this child uses it." in shown.text
    assert "What is important to me My dog, Biscuit." in shown.text
    assert "How best to support me Give me time." in shown.text

    again = coordinator_page.get(url).form()
    assert again["important_to_me"] == "My dog, Biscuit."
    again["my_story"] = "I moved here in Year 2."
    coordinator_page.post(url, again)
    about = AllAboutMe.objects.get(child=area.child)
    assert (about.my_story, about.important_to_me, about.row_version) == (
        "I moved here in Year 2.",
        "My dog, Biscuit.",
        2,
    )
