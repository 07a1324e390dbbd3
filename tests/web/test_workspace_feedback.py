"""Live feedback on an outcome: the JSON check, its access and CSRF, and the same list
without JavaScript."""

from __future__ import annotations

from django.test import Client

from goldenthread.core.quality import CRITERIA
from goldenthread.web.workspace.feedback import MAX_CHECK_CHARS, marked_pieces
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
    assert set(data) >= {"kind", "smart", "score", "criteria", "suggestion", "links", "notes"}
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


def test_marked_pieces_merge_overlapping_spans() -> None:
    assert marked_pieces("abcdef", [[1, 3], [2, 4], [5, 9]]) == [
        ("a", False),
        ("bcd", True),
        ("e", False),
        ("f", True),
    ]
    assert marked_pieces("abc", []) == [("abc", False)]
