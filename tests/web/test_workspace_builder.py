"""The guided outcome builder: check as it forms, save linked to where it came from."""

from __future__ import annotations

from goldenthread.web.plans.models import Outcome
from tests.web.conftest import PageClient
from tests.web.factories import Area

PARTS = {
    "when": "the end of Year 6",
    "action": "ask a friend to play",
    "measure": "3 times a week",
    "context": "at break time",
}


def _url(area: Area) -> str:
    return f"/plans/{area.thread.plan.pk}/outcomes/build/"


def test_the_page_asks_the_three_questions(coordinator_page: PageClient, area: Area) -> None:
    text = coordinator_page.get(_url(area)).text
    for question in (
        "What would it do for you?",
        "What would it make possible for you?",
        "What would it provide you?",
        "By when?",
        "Do what?",
    ):
        assert question in text


def test_check_shows_the_outcome_and_its_assessment(
    coordinator_page: PageClient, area: Area
) -> None:
    values = {"start": f"need:{area.thread.need.pk}", "go": "check", **PARTS}
    page = coordinator_page.post(_url(area), values, status=200)
    built = page.html.select_one("#built-outcome").get_text()
    assert (
        built == "By the end of Year 6, I will ask a friend to play 3 times a week at break time."
    )
    assert page.html.select("#quality .gt-feedback__criteria li")
    assert Outcome.objects.filter(text=built).count() == 0


def test_the_first_two_answers_fill_empty_parts(coordinator_page: PageClient, area: Area) -> None:
    values = {
        "start": f"need:{area.thread.need.pk}",
        "go": "check",
        "when": "July 2027",
        "do_for_you": "I will put my hand up to answer",
        "measure": "in most lessons",
        "make_possible": "in class",
    }
    page = coordinator_page.post(_url(area), values, status=200)
    assert "I will put my hand up to answer in most lessons in class" in page.text


def test_save_links_the_outcome_to_the_need_and_offers_provision(
    coordinator_page: PageClient, area: Area
) -> None:
    need = area.thread.need
    values = {"start": f"need:{need.pk}", "go": "save", **PARTS}
    done = coordinator_page.post(_url(area), values)
    outcome = Outcome.objects.get(text__startswith="By the end of Year 6, I will ask a friend")
    assert list(outcome.needs.all()) == [need] and outcome.domain == need.domain
    assert outcome.quality_smart is not None, "saved through the plans service"
    page = coordinator_page.follow(done)
    assert page.html.select_one("#saved") is not None
    link = page.html.select_one("#add-provision")["href"]
    assert link.endswith(f"/provision/add/?outcome={outcome.pk}")
    assert outcome.contribution_status == "accepted", "the coordinator's own outcome"
    provision_form = coordinator_page.get(link)
    ticked = provision_form.html.select('input[name="outcomes"][checked]')
    assert [box["value"] for box in ticked] == [str(outcome.pk)]


def test_save_from_a_hope_needs_a_service_and_every_part(
    coordinator_page: PageClient, area: Area
) -> None:
    hope = area.thread.lonely_hope
    values = {"start": f"aspiration:{hope.pk}", "go": "save", "when": "July 2027"}
    page = coordinator_page.post(_url(area), values, status=400)
    assert "Fill in every part" in page.text and "Choose the service" in page.text
    values = {"start": f"aspiration:{hope.pk}", "go": "save", "domain": "health", **PARTS}
    coordinator_page.post(_url(area), values)
    assert hope.outcomes.get().domain == "health"


def test_a_part_of_another_plan_cannot_be_chosen(coordinator_page: PageClient, area: Area) -> None:
    other = area.other_thread.need
    values = {"start": f"need:{other.pk}", "go": "save", **PARTS}
    coordinator_page.post(_url(area), values, status=400)
    assert not other.outcomes.filter(text__contains="ask a friend").exists()
