"""Link suggestions on the forms: shown with reasons, filled in on request, kept with the choice."""

from __future__ import annotations

from typing import Any

import pytest

from goldenthread.core.linking import suggest_links
from goldenthread.web.plans.models import Need, Outcome, Provision
from goldenthread.web.plans.suggestions import confidence_words
from tests.web.conftest import PageClient
from tests.web.factories import Area

OUTCOME_TEXT = (
    "By the end of Year 6, I will swim 25 metres at the leisure centre pool with my friends."
)


def _add_url(area: Area, kind: str) -> str:
    return f"/plans/{area.thread.plan.pk}/{kind}/add/"


def _checked(page: Any, name: str) -> set[str]:
    return {
        str(box["value"])
        for box in page.html.find_all("input", attrs={"name": name})
        if box.has_attr("checked")
    }


def test_confidence_is_said_in_words_with_a_percentage_only_when_asked() -> None:
    assert confidence_words(0.91) == "very likely"
    assert confidence_words(0.6) == "likely"
    assert confidence_words(0.3) == "possible"
    assert confidence_words(0.05) == "unlikely"
    assert confidence_words(0.91, with_percent=True) == "very likely (91%)"


def test_the_edit_form_shows_suggestions_best_first_with_reasons(
    coordinator_page: PageClient, area: Area
) -> None:
    thread = area.thread
    page = coordinator_page.get(f"/plans/{thread.plan.pk}/outcomes/{thread.outcome.pk}/edit/")
    panel = page.html.select_one("#suggestions")
    assert panel is not None
    words = " ".join(panel.get_text(" ").split())
    assert "Themes, best first" in words and "Because of the words" in words
    assert "Examples like this" in words
    # The best theme for talking in a group is the friends and community theme.
    first = panel.select_one("ol li")
    assert first is not None and "Family, Friends and Community" in first.get_text()
    assert "Suggested:" in page.text  # the hint beside the suggested boxes
    assert "0." not in words  # no raw decimals: words, and a percentage for professionals


def test_suggest_fills_in_the_links_without_saving(
    coordinator_page: PageClient, area: Area
) -> None:
    url = _add_url(area, "outcomes")
    before = Outcome.objects.count()
    values = coordinator_page.get(url).form()
    values.update({"text": OUTCOME_TEXT, "action": "suggest"})
    page = coordinator_page.post(url, values, status=200)
    assert Outcome.objects.count() == before
    assert page.html.select_one(".govuk-error-summary") is None
    links = suggest_links(OUTCOME_TEXT)
    assert _checked(page, "themes") == {str(t.theme) for t in links.suggested_themes()}
    assert _checked(page, "domain") == {links.domain[0].domain}
    quality = page.html.select_one("#quality")
    assert quality is not None and "SMART" in quality.get_text()


def test_suggest_never_changes_what_the_person_chose(
    coordinator_page: PageClient, area: Area
) -> None:
    url = _add_url(area, "outcomes")
    values = coordinator_page.get(url).form()
    values.update(
        {"text": OUTCOME_TEXT, "action": "suggest", "themes": ["4"], "domain": "social_care"}
    )
    page = coordinator_page.post(url, values, status=200)
    assert _checked(page, "themes") == {"4"}
    assert _checked(page, "domain") == {"social_care"}


def test_save_keeps_the_suggestion_beside_a_different_choice(
    coordinator_page: PageClient, area: Area
) -> None:
    url = _add_url(area, "outcomes")
    values = coordinator_page.get(url).form()
    best = suggest_links(OUTCOME_TEXT).themes[0]
    other = 4 if best.theme != 4 else 1
    # The person overrides the machine and chooses another theme.
    values.update({"text": OUTCOME_TEXT, "themes": [str(other)], "domain": "education"})
    # Anything the browser sends about suggestions is ignored: the server works them out.
    values["link_suggestions"] = '{"themes": [{"theme": 1, "confidence": 1.0}]}'
    coordinator_page.post(url, values)
    outcome = Outcome.objects.get(text=OUTCOME_TEXT)
    assert [t.number for t in outcome.themes.all()] == [other]
    suggested = outcome.link_suggestions
    assert suggested["themes"][0]["theme"] == best.theme
    assert {"themes", "areas", "domain"} <= set(suggested)
    assert outcome.quality_smart is True and outcome.embedding is not None
    history = coordinator_page.get(
        f"/plans/{area.thread.plan.pk}/outcomes/{outcome.pk}/history/"
    ).text
    assert "Suggested by the computer" in history
    assert best.label.split(" - ")[0] in history  # what was suggested
    chosen = outcome.themes.get()
    assert chosen.name in history  # and what the person chose


@pytest.mark.parametrize(
    ("kind", "model", "values", "key"),
    [
        (
            "needs",
            Need,
            {
                "text": "Ada finds it hard to hear the teacher in a noisy room.",
                "area": "sensory_and_physical",
                "domain": "health",
            },
            "areas",
        ),
        (
            "provision",
            Provision,
            {
                "description": "Speech and language therapy, 30 minutes each week.",
                "domain": "health",
            },
            "domain",
        ),
    ],
)
def test_needs_and_provision_keep_their_suggestions(
    coordinator_page: PageClient,
    area: Area,
    kind: str,
    model: Any,
    values: dict[str, str],
    key: str,
) -> None:
    url = _add_url(area, kind)
    form = coordinator_page.get(url).form()
    form.update(values)
    coordinator_page.post(url, form)
    text_field = "description" if kind == "provision" else "text"
    saved = model.objects.get(**{text_field: values[text_field]})
    assert saved.link_suggestions[key]
    if kind == "provision":
        assert set(saved.link_suggestions) >= {"domain"}


def test_a_fixed_error_shows_suggestions_and_the_quality_preview(
    coordinator_page: PageClient, area: Area
) -> None:
    url = _add_url(area, "outcomes")
    values = coordinator_page.get(url).form()
    values.update({"text": "Ada will have speech therapy every week."})
    page = coordinator_page.post(url, values, status=400)  # no service chosen
    assert page.html.select_one("#suggestions") is not None
    quality = page.html.select_one("#quality")
    assert quality is not None and "Not SMART yet" in quality.get_text()


def test_the_outcome_form_says_what_the_judge_is_unsure_of(
    coordinator_page: PageClient, area: Area
) -> None:
    url = _add_url(area, "outcomes")
    values = coordinator_page.get(url).form()
    # The learned judge is unsure whether this says exactly what will change.
    values.update({"text": "Sam will take part in group work in class."})
    page = coordinator_page.post(url, values, status=400)  # no service chosen
    unsure = page.html.select_one("#quality .gt-feedback__second-look")
    assert unsure is not None
    assert "Not sure" in unsure.get_text()
    assert "not sure about whether it says exactly what will change" in unsure.get_text()
    values.update({"text": "To improve his social skills."})
    agreed = coordinator_page.post(url, values, status=400)
    assert agreed.html.select_one("#quality .gt-feedback__second-look") is None
