"""Checks every rendered page must pass (after notifications-admin's ``client_request``).

Each check is a named function taking the parsed page and returning a list of problems (empty
when the page is fine), so a failure says exactly what is wrong. ``page_problems`` runs them all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from bs4 import BeautifulSoup, Tag

UNLABELLED_INPUT_TYPES = frozenset({"hidden", "submit", "button", "image", "reset"})


def title_is_not_empty(soup: BeautifulSoup, *, has_errors: bool) -> list[str]:
    """Every page has a title, starting "Error:" when something needs fixing.

    Reason: the title is the first thing a screen reader says and what a browser tab shows.
    """
    title = soup.title.get_text(strip=True) if soup.title else ""
    if not title:
        return ["the page has no <title>"]
    if has_errors and not title.startswith("Error:"):
        return [f"the page has errors but its title does not start 'Error:': {title!r}"]
    return []


def html_has_a_language(soup: BeautifulSoup, *, has_errors: bool) -> list[str]:
    """The <html> element says which language the page is in.

    Reason: screen readers pick their voice and pronunciation from it.
    """
    html = soup.find("html")
    if not isinstance(html, Tag) or not html.get("lang"):
        return ["<html> has no lang attribute"]
    return []


def ids_are_unique(soup: BeautifulSoup, *, has_errors: bool) -> list[str]:
    """No two elements share an id.

    Reason: labels, error links and aria references find their target by id.
    """
    counts = Counter(str(tag["id"]) for tag in soup.find_all(id=True))
    return [f"id {name!r} is used {count} times" for name, count in counts.items() if count > 1]


def forms_have_an_action(soup: BeautifulSoup, *, has_errors: bool) -> list[str]:
    """Every form says where it is sent.

    Reason: a form without an action posts to wherever the browser happens to be.
    """
    return [
        f"a <form> has no action: {str(form)[:80]}"
        for form in soup.find_all("form")
        if not form.get("action")
    ]


def there_is_one_main_heading(soup: BeautifulSoup, *, has_errors: bool) -> list[str]:
    """Exactly one <h1>.

    Reason: people who use screen readers jump to the h1 to learn what the page is for.
    """
    headings = soup.find_all("h1")
    if len(headings) != 1:
        return [f"the page has {len(headings)} <h1> elements, not 1"]
    if not headings[0].get_text(strip=True):
        return ["the <h1> is empty"]
    return []


def inputs_have_labels(soup: BeautifulSoup, *, has_errors: bool) -> list[str]:
    """Every input, select and textarea has a <label for=its id>, unless it is hidden.

    Reason: a box without a label cannot be understood without seeing the page.
    """
    label_targets = {str(label.get("for")) for label in soup.find_all("label") if label.get("for")}
    problems = []
    for control in soup.find_all(["input", "select", "textarea"]):
        if control.name == "input" and control.get("type", "text") in UNLABELLED_INPUT_TYPES:
            continue
        control_id = control.get("id")
        if not control_id or str(control_id) not in label_targets:
            problems.append(f"<{control.name} name={control.get('name')!r}> has no label")
    return problems


def errors_are_summarised(soup: BeautifulSoup, *, has_errors: bool) -> list[str]:
    """A page with errors has a GOV.UK error summary, and every link in it goes to a real id.

    Reason: the summary is where people (and screen readers) learn what went wrong, and its
    links take them to the box to fix.
    """
    summary = soup.select_one(".govuk-error-summary")
    field_errors = soup.select(".govuk-error-message")
    if summary is None:
        if has_errors or field_errors:
            return ["the page shows errors but has no GOV.UK error summary"]
        return []
    problems = []
    links = summary.select(".govuk-error-summary__list a")
    if not links:
        problems.append("the error summary lists no errors")
    for link in links:
        href = str(link.get("href", ""))
        if not href.startswith("#") or soup.find(id=href[1:]) is None:
            problems.append(
                f"error summary link {link.get_text(strip=True)!r} goes to missing {href!r}"
            )
    return problems


CHECKS: tuple[Callable[..., list[str]], ...] = (
    title_is_not_empty,
    html_has_a_language,
    ids_are_unique,
    forms_have_an_action,
    there_is_one_main_heading,
    inputs_have_labels,
    errors_are_summarised,
)


def page_problems(html: str, *, has_errors: bool) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [problem for check in CHECKS for problem in check(soup, has_errors=has_errors)]


def error_summary_links(soup: BeautifulSoup) -> dict[str, str]:
    """The error summary as {message: target id}."""
    return {
        link.get_text(strip=True): str(link["href"]).lstrip("#")
        for link in soup.select(".govuk-error-summary__list a")
    }


def field_error(soup: BeautifulSoup, field_id: str) -> str:
    """The error message shown beside the field with this id (or the fieldset it sits in)."""
    target = soup.find(id=field_id)
    assert target is not None, f"no element with id {field_id!r}"
    groups = target.find_parents(class_="govuk-form-group")
    assert groups, f"{field_id!r} is not in a GOV.UK form group"
    group = groups[-1]  # the outermost: a date's day box sits in a group of its own
    message = group.select_one(".govuk-error-message")
    return message.get_text(" ", strip=True).removeprefix("Error:").strip() if message else ""


def form_values(soup: BeautifulSoup, *, form_index: int = -1) -> dict[str, str | list[str]]:
    """What a browser would send if the person pressed the button without changing a thing."""
    forms = soup.find_all("form")
    assert forms, "the page has no form"
    form = forms[form_index]
    values: dict[str, str | list[str]] = {}
    for control in form.find_all(["input", "select", "textarea"]):
        name = control.get("name")
        if not name:
            continue
        name = str(name)
        if control.name == "textarea":
            text = control.get_text()
            values[name] = text.removeprefix("\n")  # HTML drops one newline after <textarea>
        elif control.name == "select":
            chosen = control.find("option", selected=True) or control.find("option")
            values[name] = str(chosen.get("value", "")) if chosen else ""
        elif control.get("type") in {"checkbox", "radio"}:
            if control.has_attr("checked"):
                if control.get("type") == "checkbox":
                    existing = values.setdefault(name, [])
                    assert isinstance(existing, list)
                    existing.append(str(control.get("value", "on")))
                else:
                    values[name] = str(control.get("value", "on"))
        elif control.get("type") not in {"submit", "button", "image", "reset"}:
            values[name] = str(control.get("value", ""))
    return values
