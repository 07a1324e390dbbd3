"""The quality lead's workbench (issue 18, item 2): upload in the browser, a background check
with progress, results filtered and downloaded, the area's outcomes filtered, and the drill
from a dashboard figure to the outcomes behind it (or a message when the figure is hidden)."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from goldenthread.web.accounts.models import Role
from goldenthread.web.insights.refresh import facts_refresh
from goldenthread.web.plans.models import Child, Outcome
from goldenthread.web.workbench.drill import HIDDEN
from goldenthread.web.workbench.models import QualityUpload, QualityUploadRow, UploadStatus
from tests.web import factories
from tests.web.conftest import PageClient
from tests.web.insights_world import InsightsWorld, insights_world_create

pytestmark = pytest.mark.django_db

GOOD = "By July 2027, I will read 20 words aloud to my teacher in class."
UNTIMED = "I will say hello to two friends at break time."
PROVISION = '=HYPERLINK("x") Sam will have speech therapy'


def _csv(rows: list[str]) -> SimpleUploadedFile:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "text"])
    for n, text in enumerate(rows, start=1):
        writer.writerow([f"S{n}", text])
    return SimpleUploadedFile("statements.csv", out.getvalue().encode(), "text/csv")


def _quality_lead(page: PageClient) -> None:
    area = factories.local_authority_create(name="Northshire Council")
    page.sign_in(factories.user_create(role=Role.QUALITY_LEAD, organisation=area))


def test_the_quality_lead_lands_on_the_workbench_not_an_empty_children_page(
    page: PageClient,
) -> None:
    _quality_lead(page)
    home = page.get("/", status=302)
    assert home.response["Location"] == "/quality/"
    text = page.get("/quality/").html.get_text()
    assert "Check a file of outcome statements" in text
    assert "Outcomes to check" in text


def test_an_upload_is_checked_with_progress_and_filtered_and_downloaded(
    page: PageClient,
) -> None:
    _quality_lead(page)
    response = page.client.post("/quality/", {"file": _csv([GOOD, UNTIMED, PROVISION])})
    assert response.status_code == 302
    upload = QualityUpload.objects.get()
    assert response["Location"] == f"/quality/uploads/{upload.pk}/"
    assert upload.status == UploadStatus.DONE and upload.done == upload.total == 3
    assert upload.content == b""  # the file's bytes are not kept once checked
    rows = {row.record_id: row for row in QualityUploadRow.objects.all()}
    assert "time_bound" in rows["S2"].failing_list and "time_bound" not in rows["S1"].failing_list
    assert rows["S3"].kind == "provision"

    shown = page.get(f"/quality/uploads/{upload.pk}/?criterion=time_bound").html
    matching = shown.select_one("[data-matching]")
    assert matching is not None and matching.get_text().startswith("2 statements match")
    table = shown.select_one("table").get_text()
    assert UNTIMED in table and GOOD not in table
    assert (
        "2 statements match"
        in page.get(f"/quality/uploads/{upload.pk}/?verdict=not_smart").html.get_text()
    )
    kinds = page.get(f"/quality/uploads/{upload.pk}/?kind=provision").html.select_one("table")
    assert kinds is not None and "speech therapy" in kinds.get_text()

    got = page.client.get(f"/quality/uploads/{upload.pk}/results.csv?criterion=time_bound")
    lines = list(csv.reader(io.StringIO(got.content.decode())))
    assert lines[0][:3] == ["Row", "Id", "Statement"]
    assert {line[1] for line in lines[1:]} == {"S2", "S3"}
    provision_line = next(line for line in lines if line[1] == "S3")
    assert provision_line[2].startswith("'=")  # kept as text, never run as a formula
    book = load_workbook(
        io.BytesIO(page.client.get(f"/quality/uploads/{upload.pk}/results.xlsx").content)
    )
    sheet = book.active
    assert sheet is not None and sheet.max_row == 4


def test_an_uploaded_statement_the_judge_is_unsure_of_is_worth_a_second_look(
    page: PageClient,
) -> None:
    _quality_lead(page)
    # The learned judge is unsure whether the first says exactly what will change (ADR 0062).
    unsure = "Sam will take part in group work in class."
    page.client.post("/quality/", {"file": _csv([unsure, GOOD])})
    upload = QualityUpload.objects.get()
    rows = {row.record_id: row for row in QualityUploadRow.objects.all()}
    assert "specific" in rows["S1"].second_look.split(",") and rows["S2"].second_look == ""
    shown = page.get(f"/quality/uploads/{upload.pk}/?verdict=second_look").html
    assert shown.select_one("[data-matching]").get_text().startswith("1 statement")
    note = shown.select_one("tbody .gt-second-look")
    assert note is not None and "exactly what will change" in note.get_text()
    got = page.client.get(f"/quality/uploads/{upload.pk}/results.csv")
    lines = list(csv.reader(io.StringIO(got.content.decode())))
    assert lines[0][-1] == "Worth a second look"
    assert lines[1][-1].startswith("Worth a second look: our checks are not sure about")
    assert lines[2][-1] == ""


def test_a_running_check_shows_a_progress_bar_that_refreshes_without_javascript(
    page: PageClient,
) -> None:
    _quality_lead(page)
    from goldenthread.web.accounts.models import User

    upload = QualityUpload.objects.create(
        owner=User.objects.get(role=Role.QUALITY_LEAD),
        file_name="big.csv",
        status=UploadStatus.RUNNING,
        total=200,
        done=50,
    )
    html = page.get(f"/quality/uploads/{upload.pk}/").html
    assert html.select_one('meta[http-equiv="refresh"]') is not None
    bar = html.select_one("progress")
    assert bar is not None and bar["value"] == "25"
    assert "Checked 50 of 200 statements (25%)" in html.get_text()


def test_a_bad_file_names_the_line_and_saves_nothing(page: PageClient) -> None:
    _quality_lead(page)
    bad = SimpleUploadedFile("s.csv", b"id,text\n1,\n", "text/csv")
    response = page.client.post("/quality/", {"file": bad})
    assert response.status_code == 400
    assert "s.csv, line 2: the text is empty" in response.content.decode()
    wrong = SimpleUploadedFile("s.pdf", b"%PDF", "application/pdf")
    assert "use a CSV" in page.client.post("/quality/", {"file": wrong}).content.decode()
    assert not QualityUpload.objects.exists()


def test_an_excel_file_is_read_too(page: PageClient) -> None:
    _quality_lead(page)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["text"])
    sheet.append([GOOD])
    out = io.BytesIO()
    book.save(out)
    page.client.post("/quality/", {"file": SimpleUploadedFile("s.xlsx", out.getvalue())})
    assert QualityUpload.objects.get().rows.count() == 1


def test_someone_elses_upload_is_not_found(page: PageClient) -> None:
    _quality_lead(page)
    other = factories.user_create(role=Role.QUALITY_LEAD, organisation=None)
    upload = QualityUpload.objects.create(owner=other, file_name="theirs.csv")
    page.get(f"/quality/uploads/{upload.pk}/", status=404)


@pytest.fixture
def world(db: None) -> InsightsWorld:
    """The insights world with verdicts: a child's outcomes SMART or not by the child's number."""
    made = insights_world_create()
    Child.objects.filter(current_setting=made.tiny_school).update(current_setting=made.big_school)
    for index, child in enumerate(made.children):
        smart = None if index < 2 else index % 3 != 0  # two children's outcomes not checked
        Outcome.objects.filter(plan__child=child).update(quality_smart=smart)
    facts_refresh()
    return made


def test_outcomes_to_check_filter_by_verdict_setting_and_words_with_no_names(
    page: PageClient, world: InsightsWorld
) -> None:
    page.sign_in(world.quality_lead)
    every = page.get("/outcomes-to-check/").html
    total = Outcome.objects.filter(plan__child__local_authority=world.area).count()
    assert every.select_one("[data-matching]").get_text().startswith(f"{total} outcomes")
    not_smart = Outcome.objects.filter(
        plan__child__local_authority=world.area, quality_smart=False
    ).count()
    shown = page.get("/outcomes-to-check/?verdict=not_smart").html
    assert shown.select_one("[data-matching]").get_text().startswith(f"{not_smart} outcome")
    Child.objects.filter(pk=world.children[0].pk).update(current_setting=world.tiny_school)
    facts_refresh()
    tiny = page.get(f"/outcomes-to-check/?setting={world.tiny_school.pk}").html
    tiny_count = Outcome.objects.filter(plan__child__current_setting=world.tiny_school).count()
    assert tiny.select_one("[data-matching]").get_text().startswith(f"{tiny_count} outcome")
    text = shown.get_text()
    for name in world.names:
        assert name not in text
    # Paged: 50 a page at most.
    assert len(every.select("tbody tr")) <= 50


def test_outcomes_worth_a_second_look_are_listed_with_the_reason_in_words(
    page: PageClient, world: InsightsWorld
) -> None:
    outcomes = Outcome.objects.filter(plan__child__local_authority=world.area).order_by("pk")
    disputed = list(outcomes.values_list("pk", flat=True)[:3])
    Outcome.objects.filter(pk__in=disputed).update(quality_second_look="specific,smart")
    page.sign_in(world.quality_lead)
    shown = page.get("/outcomes-to-check/?verdict=second_look").html
    assert shown.select_one("[data-matching]").get_text().startswith("3 outcomes")
    reasons = [span.get_text() for span in shown.select("tbody .gt-second-look")]
    assert reasons == [
        "Worth a second look: our checks are not sure about whether it says exactly what will "
        "change. Read it again yourself."
    ] * 3
    every = page.get("/outcomes-to-check/").html
    assert len(every.select("tbody .gt-second-look")) == 3


def test_a_dashboard_figure_leads_to_its_outcomes_and_a_hidden_one_says_why(
    page: PageClient, world: InsightsWorld
) -> None:
    page.sign_in(world.quality_lead)
    board = page.get("/insights/quality/").html
    table = board.select_one("#smart-by-setting-heading").find_parent("section")
    links = {a["aria-label"]: a["href"] for a in table.select("td a")}
    big = links[next(text for text in links if text.endswith("Brook Lane Primary, SMART"))]
    drilled = page.get(big).html
    count = drilled.select_one("[data-matching]").get_text()
    assert "Brook Lane Primary" in drilled.select_one("[data-drill]").get_text()
    smart_outcomes = Outcome.objects.filter(
        plan__child__current_setting=world.big_school, quality_smart=True
    ).count()
    assert int(count.split()[0]) == smart_outcomes > 0
    assert "Not checked" not in drilled.select_one("tbody").get_text()
    key = table.select_one("[data-symbol-key]")  # issue 18: symbols said in words by the table
    assert key is not None and "c: a number too small to show" in key.get_text()
    assert table.select_one("abbr[title]") is not None or "c " in "".join(links)
    hidden = next(href for text, href in links.items() if text.startswith("c "))
    message = page.get(hidden).html
    assert HIDDEN in message.get_text()
    assert message.select_one("tbody") is None  # nothing listed behind a hidden number


def test_the_strategic_leader_gets_no_drill_links(page: PageClient, world: InsightsWorld) -> None:
    page.sign_in(world.leader)
    board = page.get("/insights/quality/").html
    assert not board.select("td a")
