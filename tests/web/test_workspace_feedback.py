"""Live feedback on an outcome: the JSON check, its access and CSRF, and the same list
without JavaScript."""

from __future__ import annotations

from django.test import Client

from goldenthread.core.quality import CRITERIA
from goldenthread.web.workspace.feedback import (
    MAX_CHECK_CHARS,
    OVERRULED_HINT,
    UNSURE_HINT,
    marked_pieces,
)
from tests.web.conftest import PageClient
from tests.web.factories import Area

WEAK = "Ada will have speech therapy every week."
GOOD = (
    "By the end of Year 6, I will ask a question in a group of four children "
    "in three out of four lessons without help from an adult."
)


def _url(area: Area) -> str:
    return f"/plans/{area.thread.plan.pk}/check-outcome/"


def test_check_answers_with_every_criterion_and_the_link_suggestions(
    coordinator_page: PageClient, area: Area
) -> None:
    response = coordinator_page.client.post(_url(area), {"text": WEAK})
    assert response.status_code == 200
    data = response.json()
    assert set(data) >= {
        "kind",
        "smart",
        "score",
        "criteria",
        "suggestion",
        "links",
        "notes",
        "second_look",
    }
    assert [line["criterion"] for line in data["criteria"]] == list(CRITERIA)
    for line in data["criteria"]:
        assert set(line) == {
            "criterion",
            "label",
            "status",
            "status_words",
            "message",
            "spans",
            "suggestion",
            "second_look",
            "hint",
        }
        assert line["status"] in {"pass", "warn", "fail", "n/a"}
    assert data["smart"] is False
    assert data["links"]["themes"], "the linker suggests themes"
    assert data["links"]["domain"]["value"]


def test_a_good_outcome_reads_as_an_outcome(coordinator_page: PageClient, area: Area) -> None:
    data = coordinator_page.client.post(_url(area), {"text": GOOD}).json()
    assert data["kind"] == "outcome"
    assert data["score"] > coordinator_page.client.post(_url(area), {"text": WEAK}).json()["score"]


def test_a_due_date_box_that_disagrees_with_the_words_is_noted(
    coordinator_page: PageClient, area: Area
) -> None:
    data = coordinator_page.client.post(
        _url(area), {"text": "I will ask for help in class.", "due_date": "2027-07-16"}
    ).json()
    assert any("due date box" in note for note in data["notes"])


def test_empty_words_give_the_empty_shape(coordinator_page: PageClient, area: Area) -> None:
    data = coordinator_page.client.post(_url(area), {"text": "  "}).json()
    assert data["criteria"] == [] and data["kind"] is None
    assert coordinator_page.client.get(_url(area)).json()["criteria"] == []


def test_too_long_text_is_refused(coordinator_page: PageClient, area: Area) -> None:
    response = coordinator_page.client.post(_url(area), {"text": "a" * (MAX_CHECK_CHARS + 1)})
    assert response.status_code == 400


def test_the_check_needs_the_csrf_token(area: Area) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(area.coordinator)
    assert client.post(_url(area), {"text": WEAK}).status_code == 403
    client.get(f"/plans/{area.thread.plan.pk}/outcomes/add/")
    token = client.cookies["csrftoken"].value
    answer = client.post(_url(area), {"text": WEAK}, headers={"X-CSRFToken": token})
    assert answer.status_code == 200 and answer.json()["criteria"]


def test_strangers_get_not_found(page: PageClient, area: Area) -> None:
    page.sign_in(area.stranger)
    assert page.client.post(_url(area), {"text": WEAK}).status_code == 404
    page.sign_in(area.coordinator)
    other = f"/plans/{area.other_thread.plan.pk}/check-outcome/"
    assert page.client.post(other, {"text": WEAK}).status_code == 404


def test_without_javascript_the_button_shows_the_same_criteria(
    coordinator_page: PageClient, area: Area
) -> None:
    url = f"/plans/{area.thread.plan.pk}/outcomes/add/"
    form = coordinator_page.get(url)
    assert form.html.select_one("#gt-feedback[data-check-url]") is not None
    assert form.html.select_one('script[src$="gt/feedback.js"]') is not None
    values = form.form()
    values.update({"text": WEAK, "action": "suggest"})
    page = coordinator_page.post(url, values, status=200)
    shown = [li["data-status"] for li in page.html.select("#quality .gt-feedback__criteria li")]
    data = coordinator_page.client.post(_url(area), {"text": WEAK}).json()
    assert shown == [line["status"] for line in data["criteria"]]
    assert page.html.select("#quality mark"), "the words a check is about are marked"
    assert page.html.select_one("#gt-feedback-status[role=status]").get_text().startswith("Not")


# The shipped judge is unsure whether UNSURE says exactly what will change; for OVERRULED it is
# sure it does, where the word check says not (docs/adr/0062).
UNSURE = "Sam will take part in group work in class."
OVERRULED = (
    "By Christmas 2027 Jamal will brush his teeth for 2 minutes twice a day with only a verbal "
    "prompt from Dad."
)


def test_a_check_the_judge_is_unsure_of_says_not_sure(
    coordinator_page: PageClient, area: Area
) -> None:
    data = coordinator_page.client.post(_url(area), {"text": UNSURE}).json()
    lines = {line["criterion"]: line for line in data["criteria"]}
    assert lines["specific"]["second_look"] is True
    assert lines["specific"]["status_words"] == "Not sure"
    assert lines["specific"]["hint"] == UNSURE_HINT
    others = [line for name, line in lines.items() if name != "specific"]
    assert all(line["status_words"] != "Not sure" for line in others)
    assert "whether it says exactly what will change" in data["second_look"]


def test_a_line_follows_the_verdict_where_the_word_check_differs(
    coordinator_page: PageClient, area: Area
) -> None:
    data = coordinator_page.client.post(_url(area), {"text": OVERRULED}).json()
    assert data["smart"] is True
    specific = next(line for line in data["criteria"] if line["criterion"] == "specific")
    assert (specific["status"], specific["status_words"]) == ("pass", "Done")
    assert specific["hint"] == OVERRULED_HINT["pass"]
    assert specific["spans"] == [] and specific["message"] == ""
    assert data["second_look"] == ""
    agreed = coordinator_page.client.post(_url(area), {"text": "To improve his social skills."})
    assert agreed.json()["second_look"] == ""
    assert not any(line["hint"] for line in agreed.json()["criteria"])


def test_without_javascript_not_sure_is_shown_too(coordinator_page: PageClient, area: Area) -> None:
    url = f"/plans/{area.thread.plan.pk}/outcomes/add/"
    values = coordinator_page.get(url).form()
    values.update({"text": UNSURE, "action": "suggest"})
    page = coordinator_page.post(url, values, status=200)
    unsure = page.html.select("#quality .gt-feedback__unsure")
    assert len(unsure) == 1
    line = unsure[0].find_parent("li")
    assert "Not sure" in line.select_one(".govuk-tag").get_text()
    assert "govuk-tag--grey" in line.select_one(".govuk-tag")["class"]
    banner = page.html.select_one("#quality .gt-feedback__second-look").get_text()
    assert "our checks are not sure about whether it says exactly what will change" in banner
    status = page.html.select_one("#gt-feedback-status").get_text()
    assert "worth a second look" in status.lower()


def test_marked_pieces_merge_overlapping_spans() -> None:
    assert marked_pieces("abcdef", [[1, 3], [2, 4], [5, 9]]) == [
        ("a", False),
        ("bcd", True),
        ("e", False),
        ("f", True),
    ]
    assert marked_pieces("abc", []) == [("abc", False)]
