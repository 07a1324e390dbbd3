"""The golden thread, seen: table, diagram, every gap and the quality summary."""

from __future__ import annotations

from goldenthread.core.quality import CRITERIA
from goldenthread.web.access.models import AuditEvent, AuditResult
from tests.web.conftest import PageClient
from tests.web.factories import Area


def _url(area: Area) -> str:
    return f"/plans/{area.thread.plan.pk}/thread/"


def test_the_thread_shows_every_part_and_every_gap(
    coordinator_page: PageClient, area: Area
) -> None:
    page = coordinator_page.get(_url(area))
    t = area.thread
    table = page.html.select_one("#thread-table")
    assert table is not None and table.select_one("caption") is not None
    first = [" ".join(td.get_text(" ").split()) for td in table.select("tbody tr")[0].select("td")]
    assert first[0] == t.hope.text and first[1] == t.need.text
    assert first[2].startswith(t.outcome.text)
    assert first[3].startswith(t.help.description)
    gaps = page.html.select_one("#gaps").get_text(" ")
    for part in (t.lonely_hope.text, t.unmet_need.text, t.unhelped_outcome.text):
        assert part in gaps
    assert t.stray_help.description in gaps
    assert len(page.html.select("#gaps li")) == 4
    columns = page.html.select(".gt-thread__column")
    assert [c.select_one("h3").get_text().rsplit(" (", 1)[0] for c in columns] == [
        "Hopes (aspirations)",
        "Needs",
        "Outcomes",
        "Help (provision)",
    ]
    assert len(page.html.select(".gt-thread__item--gap")) == 4


def test_the_quality_summary_counts_smart_outcomes_and_failures(
    coordinator_page: PageClient, area: Area
) -> None:
    page = coordinator_page.get(_url(area))
    assert "of 2 outcomes are SMART" in page.html.select_one("#smart-share").get_text()
    assert len(page.html.select("#fails-by-check tbody tr")) == len(CRITERIA)
    services = [tr.th.get_text() for tr in page.html.select("#smart-by-service tbody tr")]
    assert len(services) == 2


def test_looking_at_the_thread_is_logged_and_strangers_get_not_found(
    page: PageClient, area: Area
) -> None:
    page.sign_in(area.stranger)
    page.get(_url(area), status=404)
    refused = AuditEvent.objects.get(url_name="plan-thread")  # the try is kept, as refused
    assert (refused.person, refused.result) == (area.stranger, AuditResult.REFUSED)
    page.sign_in(area.coordinator)
    before = AuditEvent.objects.count()
    page.get(_url(area))
    looks = AuditEvent.objects.filter(url_name="plan-thread", result=AuditResult.ALLOWED)
    assert looks.get().person == area.coordinator
    assert AuditEvent.objects.count() == before + 1


def test_an_outcome_the_judge_is_unsure_of_is_worth_a_second_look(
    coordinator_page: PageClient, area: Area
) -> None:
    from goldenthread.web.plans.models import Outcome

    # The learned judge is unsure whether this says exactly what will change (ADR 0062).
    unsure = "Sam will take part in group work in class."
    Outcome.objects.filter(pk=area.thread.outcome.pk).update(text=unsure)
    page = coordinator_page.get(_url(area))
    first = page.html.select_one("#thread-table tbody tr")
    note = first.select_one(".gt-second-look")
    assert note is not None
    assert "not sure about whether it says exactly what will change" in note.get_text()
