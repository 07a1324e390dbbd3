"""The page checker itself: each check passes a good page and catches the fault it names."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.web import pagecheck

GOOD = """<!DOCTYPE html><html lang="en">
<head><title>Children – Golden Thread</title></head><body><main id="main-content"><h1>Children</h1>
<form method="post" action="/x/"><label for="name">Name</label><input id="name" name="name">
<input type="hidden" name="row_version" value="1"><button>Save</button></form></main>
</body></html>"""

WITH_ERRORS = """<!DOCTYPE html><html lang="en">
<head><title>Error: Sign in – Golden Thread</title></head><body><main id="main-content">
<div class="govuk-error-summary"><ul class="govuk-error-summary__list">
<li><a href="#password">Enter your password</a></li></ul></div><h1>Sign in</h1>
<form method="post" action="/sign-in/"><div class="govuk-form-group">
<label for="password">Password</label><p class="govuk-error-message">Error: Enter your password</p>
<input id="password" name="password" type="password"></div></form></main></body></html>"""


def test_a_good_page_has_no_problems() -> None:
    assert pagecheck.page_problems(GOOD, has_errors=False) == []


def test_a_good_error_page_has_no_problems() -> None:
    assert pagecheck.page_problems(WITH_ERRORS, has_errors=True) == []


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("<title>Children – Golden Thread</title>", "<title> </title>", "no <title>"),
        ('<html lang="en">', "<html>", "no lang"),
        ('<main id="main-content">', '<main id="name">', "'name' is used 2 times"),
        ('action="/x/"', "", "has no action"),
        ("<h1>Children</h1>", "", "0 <h1>"),
        ("<h1>Children</h1>", "<h1>Children</h1><h1>Again</h1>", "2 <h1>"),
        ('<label for="name">Name</label>', "", "has no label"),
        (
            '<input id="name" name="name">',
            '<input id="name" name="name"><select name="s"></select>',
            "<select name='s'> has no label",
        ),
        (
            '<input id="name" name="name">',
            '<input id="name" name="name"><p class="govuk-error-message">Wrong</p>',
            "no GOV.UK error summary",
        ),
    ],
)
def test_each_fault_is_caught(old: str, new: str, problem: str) -> None:
    assert old in GOOD
    problems = pagecheck.page_problems(GOOD.replace(old, new), has_errors=False)
    assert any(problem in p for p in problems), problems


def test_an_error_page_needs_a_summary() -> None:
    problems = pagecheck.page_problems(GOOD, has_errors=True)
    assert "the page shows errors but has no GOV.UK error summary" in problems


def test_an_error_page_title_starts_with_error() -> None:
    page = WITH_ERRORS.replace("Error: Sign in", "Sign in")
    assert any(
        "does not start 'Error:'" in p for p in pagecheck.page_problems(page, has_errors=True)
    )


def test_error_summary_links_must_reach_a_real_id() -> None:
    page = WITH_ERRORS.replace('href="#password"', 'href="#passwrod"')
    problems = pagecheck.page_problems(page, has_errors=True)
    assert "error summary link 'Enter your password' goes to missing '#passwrod'" in problems


def test_field_error_reads_the_message_beside_a_field() -> None:
    soup = BeautifulSoup(WITH_ERRORS, "html.parser")
    assert pagecheck.field_error(soup, "password") == "Enter your password"
    assert pagecheck.error_summary_links(soup) == {"Enter your password": "password"}


def test_form_values_are_what_a_browser_would_send() -> None:
    soup = BeautifulSoup(
        """<form action="/"><input name="a" value="1"><textarea name="t">
words</textarea><input type="checkbox" name="c" value="1" checked><input type="checkbox" name="c"
value="2"><input type="checkbox" name="c" value="3" checked><input type="radio" name="r" value="x">
<input type="radio" name="r" value="y" checked><select name="s"><option value="p">P</option>
<option value="q" selected>Q</option></select><button>Go</button></form>""",
        "html.parser",
    )
    assert pagecheck.form_values(soup) == {
        "a": "1",
        "t": "words",
        "c": ["1", "3"],
        "r": "y",
        "s": "q",
    }
