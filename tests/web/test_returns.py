"""SEN2 and Annex A on the demo area: every rule passes, counts match an independent count, the
command writes and logs the files for a returns lead only, and a broken record stops it."""

from __future__ import annotations

import datetime as dt
import io
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import fromstring  # nosec B405 - our own output, in a test

import pytest
from django.db import connection, transaction
from openpyxl import load_workbook

from goldenthread.cli import main as cli_main
from goldenthread.core.returns import annex_a
from goldenthread.core.returns.sen2 import Period
from goldenthread.web.access.models import AuditEvent
from goldenthread.web.accounts.models import Organisation
from goldenthread.web.assessments.demo import demo_assessments_add
from goldenthread.web.plans.demo.builder import area_seed
from goldenthread.web.returns.demo import DEMO_RETURNS_LEAD, demo_returns_prepare
from goldenthread.web.returns.models import ChildPlacement, ChildReturnDetails, ReturnsLead
from goldenthread.web.returns.services import annex_make, sen2_make
from tests.web.shared_rows import deferred_checks_run

DEMO_CHILDREN = 150
TODAY = dt.date(2026, 12, 5)
YEAR = 2027
PERIOD = Period(YEAR)


@pytest.fixture(scope="module")
def demo_area(django_db_setup: None, django_db_blocker: Any) -> Iterator[Organisation]:
    with django_db_blocker.unblock(), transaction.atomic():
        area_seed(children=DEMO_CHILDREN, seed=19, today=TODAY)
        demo_assessments_add(seed=19, today=TODAY)  # requests and decisions behind the plans
        demo_returns_prepare()
        lead = ReturnsLead.objects.select_related("local_authority").get(
            person__username=DEMO_RETURNS_LEAD
        )
        deferred_checks_run()
        yield lead.local_authority
        transaction.set_rollback(True)


def _rows(sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def _day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _independent_reviews(in_force: set[int], plan_of: dict[int, int]) -> tuple[int, int]:
    """Plans in force whose latest annual review (by the census date) met in the year, and of
    those how many were decided within 28 days."""
    ref, start, end = PERIOD.reference_date, PERIOD.start, PERIOD.end
    day = _day
    latest_review: dict[int, tuple[dt.date, Any]] = {}
    for plan_id, meeting_on, decided_on in _rows(
        "SELECT plan_id, meeting_on, decision_made_on FROM reviews_review WHERE kind = 'annual'",
        [],
    ):
        child = plan_of.get(plan_id)
        if child is None or day(meeting_on) > ref:
            continue
        if child not in latest_review or day(meeting_on) >= latest_review[child][0]:
            latest_review[child] = (day(meeting_on), decided_on)
    held = [c for c in in_force if c in latest_review and start <= latest_review[c][0] <= end]
    on_time = [
        c
        for c in held
        if latest_review[c][1] is not None
        and (day(latest_review[c][1]) - latest_review[c][0]).days <= 28
    ]
    return len(held), len(on_time)


def _independent_requests(plan_of: dict[int, int]) -> dict[int, dt.date]:
    """When each plan's request came in: the recorded assessment, else the kept facts."""
    received: dict[int, dt.date] = {}
    for plan_id, on in _rows(
        "SELECT plan_id, request_received_on FROM returns_planreturnfacts", []
    ):
        if plan_id in plan_of and on is not None:
            received[plan_of[plan_id]] = _day(on)
    for plan_id, on in _rows(
        "SELECT plan_id, request_received_on FROM assessments_assessment "
        "WHERE plan_id IS NOT NULL AND archived_at IS NULL",
        [],
    ):
        if plan_id in plan_of:
            received[plan_of[plan_id]] = _day(on)
    return received


def _other_assessments(area: Organisation, linked_children: set[int]) -> list[tuple[int, bool]]:
    """Assessments not behind a plan in the return, in its scope: (child, received in year)."""
    ref, start, end = PERIOD.reference_date, PERIOD.start, PERIOD.end
    found = []
    for child, received, r_out, r_on, a_out, a_on, plan_id, issued in _rows(
        "SELECT a.child_id, a.request_received_on, a.request_outcome, a.request_outcome_on, "
        "a.assessment_outcome, a.assessment_outcome_on, a.plan_id, a.plan_issued_on "
        "FROM assessments_assessment a JOIN plans_child c ON c.id = a.child_id "
        "WHERE c.local_authority_id = %s AND a.archived_at IS NULL AND c.archived_at IS NULL",
        [area.pk],
    ):
        if _day(received) > ref or (plan_id is not None and child in linked_children):
            continue
        dates = [_day(d) for d in (received, r_on, a_on, issued) if d is not None]
        still_open = not r_out or (r_out == "assess" and not a_out)
        if still_open or any(start <= d <= end for d in dates):
            found.append((child, start <= _day(received) <= end))
    return found


def _independent_counts(area: Organisation) -> dict[str, int]:
    """The headline figures counted straight from the tables, not through the return's code."""
    ref, start, end = PERIOD.reference_date, PERIOD.start, PERIOD.end
    versions = _rows(
        "SELECT p.id, p.child_id, p.issued_on, p.version, p.status, p.end_date "
        "FROM plans_plan p JOIN plans_child c ON c.id = p.child_id "
        "WHERE c.local_authority_id = %s AND c.archived_at IS NULL AND p.kind = 'ehc_plan' "
        "AND p.status IN ('final', 'ceased') AND p.issued_on IS NOT NULL "
        "AND p.archived_at IS NULL",
        [area.pk],
    )
    by_child: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for row in versions:
        by_child[row[1]].append(row)

    day = _day
    in_force, new, ceased, plan_of = set(), set(), set(), {}
    for child, rows in by_child.items():
        first = min(day(r[2]) for r in rows)
        latest = max(rows, key=lambda r: (r[3], r[0]))
        ended = latest[4] == "ceased" and latest[5] is not None
        if first <= ref and not (ended and day(latest[5]) <= ref):
            in_force.add(child)
        if start <= first <= end:
            new.add(child)
        if ended and start <= day(latest[5]) <= end:
            ceased.add(child)
        for r in rows:
            plan_of[r[0]] = child
    received = _independent_requests(plan_of)
    quick = 0
    for child in new:
        first = min(day(r[2]) for r in by_child[child])
        quick += child in received and (first - received[child]).days <= 140
    in_scope = in_force | new | ceased
    held, on_time = _independent_reviews(in_force, plan_of)
    others = _other_assessments(area, in_scope)
    return {
        "plans_in_force": len(in_force),
        "new_plans": len(new),
        "plans_ceased": len(ceased),
        "requests_received": sum(
            1 for c, on in received.items() if c in in_scope and start <= on <= end
        )
        + sum(1 for _, in_year in others if in_year),
        "new_plans_within_20_weeks_all": quick,
        "reviews_held": held,
        "reviews_decided_within_4_weeks": on_time,
        "people": len(in_scope | {child for child, _ in others}),
    }


@pytest.mark.django_db
def test_sen2_on_the_demo_area_passes_every_blocking_rule(demo_area: Organisation) -> None:
    made = sen2_make(demo_area, YEAR)
    assert made.blocking == [], [f.describe() for f in made.blocking[:5]]
    root = fromstring(made.xml)
    assert len(root.findall("Persons/Person")) == len(made.sen2.people) > 0
    assert root.findtext("Header/Source/LEA") == "990"


@pytest.mark.django_db
def test_sen2_headlines_equal_an_independent_count(demo_area: Organisation) -> None:
    made = sen2_make(demo_area, YEAR)
    counted = _independent_counts(demo_area)
    assert len(made.sen2.people) == counted.pop("people")
    got = {name: getattr(made.headlines, name) for name in counted}
    assert got == counted
    assert counted["plans_in_force"] > 0 and counted["new_plans"] > 0
    assert counted["reviews_held"] > 0


@pytest.mark.django_db
def test_annex_a_on_the_demo_area_passes_every_rule(demo_area: Organisation) -> None:
    made = annex_make(demo_area, TODAY)
    assert made.all_findings == [], [f.describe() for f in made.all_findings[:5]]
    assert len(made.lists["List_1"]) > 0


@pytest.mark.django_db
def test_annex_a_xlsx_and_csv_have_the_templates_columns(demo_area: Organisation) -> None:
    made = annex_make(demo_area, TODAY)
    book = load_workbook(io.BytesIO(made.xlsx()), read_only=True)
    assert book.sheetnames == ["List 1", "List 2"]
    rows = list(book["List 1"].iter_rows(values_only=True))
    assert tuple(rows[0]) == annex_a.LIST_1_COLUMNS
    assert len(rows) - 1 == len(made.lists["List_1"])
    assert {r[0] for r in rows[1:]} == {row.record for row in made.lists["List_1"]}
    text = made.csv("List_2")
    assert text.splitlines()[0].split(",")[0] == '"Unique ID"'


@pytest.mark.django_db
def test_command_writes_sen2_and_logs_the_export(demo_area: Organisation, tmp_path: Path) -> None:
    out = tmp_path / "sen2.xml"
    code = cli_main(
        ["returns", "sen2", "--year", str(YEAR), "-o", str(out), "--user", DEMO_RETURNS_LEAD,
         "--reason", "SEN2 2027 submission"]
    )  # fmt: skip
    assert code == 0
    assert fromstring(out.read_bytes()).tag == "Message"  # nosec B314
    event = AuditEvent.objects.filter(object_type="sen2_return").latest("id")
    assert event.person is not None and event.person.username == DEMO_RETURNS_LEAD
    assert event.reason == "SEN2 2027 submission" and event.action == "export"


@pytest.mark.django_db
def test_command_writes_annex_a_as_xlsx_and_csv(demo_area: Organisation, tmp_path: Path) -> None:
    args = ["--user", DEMO_RETURNS_LEAD, "--reason", "inspection"]
    assert cli_main(["returns", "annex-a", "-o", str(tmp_path / "a.xlsx"), *args]) == 0
    assert cli_main(["returns", "annex-a", "-o", str(tmp_path / "a.csv"), *args]) == 0
    assert (tmp_path / "a_list_1.csv").exists() and (tmp_path / "a_list_2.csv").exists()
    assert AuditEvent.objects.filter(object_type="annex_a_lists").count() >= 2


@pytest.mark.django_db
def test_command_refuses_anyone_not_a_returns_lead(
    demo_area: Organisation, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sen2.xml"
    code = cli_main(
        ["returns", "sen2", "--year", "2027", "-o", str(out), "--user", "coordinator",
         "--reason", "curious"]
    )  # fmt: skip
    assert code == 2 and not out.exists()
    assert "not a returns lead" in capsys.readouterr().err
    refused = AuditEvent.objects.filter(object_type="sen2_return", result="refused").latest("id")
    assert refused.person is not None and refused.person.username == "coordinator"
    assert refused.reason == "curious"


@pytest.mark.django_db
def test_a_broken_record_stops_the_return_naming_child_and_field(
    demo_area: Organisation, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    details = ChildReturnDetails.objects.filter(child__local_authority=demo_area).first()
    assert details is not None
    details.gender = ""
    details.save()
    out = tmp_path / "sen2.xml"
    code = cli_main(
        ["returns", "sen2", "--year", "2027", "-o", str(out), "--user", DEMO_RETURNS_LEAD,
         "--reason", "check"]
    )  # fmt: skip
    err = capsys.readouterr().err
    assert code == 3 and not out.exists()
    assert f"SEN2-P06 child {details.child_id}, Sex" in err
    assert not AuditEvent.objects.filter(object_type="sen2_return", reason="check").exists()


@pytest.mark.django_db
def test_a_broken_record_stops_annex_a(demo_area: Organisation, tmp_path: Path) -> None:
    details = ChildReturnDetails.objects.filter(child__local_authority=demo_area).first()
    assert details is not None
    details.disability = None
    details.save()
    made = annex_make(demo_area, TODAY)
    assert [(f.rule.rule_id, f.record) for f in made.blocking] == [("AnnexA-103", details.child_id)]


def _lead() -> Any:
    return ReturnsLead.objects.get(person__username=DEMO_RETURNS_LEAD).person


@pytest.mark.django_db
def test_pages_are_for_the_returns_lead_only(demo_area: Organisation, page: Any) -> None:
    from goldenthread.web.accounts.models import User

    page.sign_in(User.objects.get(username="coordinator"))
    page.get("/returns/", status=403)
    page.get("/returns/check/", status=403)
    page.post("/returns/sen2/", {"sen2-year": YEAR, "sen2-reason": "x"}, status=403)
    page.sign_in(_lead())
    home = page.get("/returns/")
    assert "Download SEN2 XML" in home.text
    check = page.get("/returns/check/", data={"year": YEAR})
    assert "EHC plans in force on the census date" in check.text
    assert "every check passes" in check.text


@pytest.mark.django_db
def test_page_downloads_are_logged_with_the_reason(demo_area: Organisation, page: Any) -> None:
    page.sign_in(_lead())
    xml = page.post(
        "/returns/sen2/", {"sen2-year": YEAR, "sen2-reason": "SEN2 submission"}, status=200
    )
    assert xml.response["Content-Disposition"] == f'attachment; filename="sen2_{YEAR}.xml"'
    assert fromstring(xml.response.content).tag == "Message"  # nosec B314
    book = page.post(
        "/returns/annex-a/", {"annex-format": "xlsx", "annex-reason": "inspection"}, status=200
    )
    assert load_workbook(io.BytesIO(book.response.content)).sheetnames == ["List 1", "List 2"]
    reasons = set(
        AuditEvent.objects.filter(person=_lead(), action="export").values_list("reason", flat=True)
    )
    assert {"SEN2 submission", "inspection"} <= reasons


@pytest.mark.django_db
def test_page_needs_a_reason(demo_area: Organisation, page: Any) -> None:
    page.sign_in(_lead())
    refused = page.post("/returns/sen2/", {"sen2-year": YEAR, "sen2-reason": ""}, status=400)
    assert "Say why you are downloading this return" in refused.text


@pytest.mark.django_db
def test_page_shows_failures_with_a_link_to_the_record(demo_area: Organisation, page: Any) -> None:
    details = ChildReturnDetails.objects.filter(child__local_authority=demo_area).first()
    assert details is not None
    details.ethnicity = ""
    details.save()
    page.sign_in(_lead())
    stopped = page.post("/returns/annex-a/", {"annex-format": "xlsx", "annex-reason": "inspection"})
    check = page.follow(stopped)
    assert "The return was not made" in check.text
    link = check.html.find("a", href=f"/children/{details.child_id}/")
    assert link is not None and "AnnexA-101c" in check.text


@pytest.mark.django_db
def test_subject_access_export_holds_the_return_details(demo_area: Organisation) -> None:
    from goldenthread.web.security.subject_access import child_subject_access_export

    details = ChildReturnDetails.objects.filter(child__local_authority=demo_area).first()
    assert details is not None
    export = child_subject_access_export(details.child)
    sections = {s["title"]: s["rows"] for s in export["sections"]}
    rows = sections["Kept for the returns to the Department for Education"]
    assert rows[0]["What it is about"] == "The child"
    assert rows[0]["Postcode"] == details.postcode
    placed = [r for r in rows if r["What it is about"] == "Where the child was placed"]
    assert len(placed) == ChildPlacement.objects.filter(child=details.child).count()


@pytest.mark.django_db
def test_anonymising_a_child_forgets_their_return_details(demo_area: Organisation) -> None:
    from goldenthread.web.plans.models import Child
    from goldenthread.web.security.retention import _children_anonymise

    details = ChildReturnDetails.objects.filter(child__local_authority=demo_area).first()
    assert details is not None
    details.save()  # a history row too
    child_id = details.child_id
    _children_anonymise(Child.objects.filter(pk=child_id))
    assert not ChildReturnDetails.objects.filter(child_id=child_id).exists()
    history = ChildReturnDetails.history.model
    assert not history.objects.filter(child_id=child_id).exists()
    assert not ChildPlacement.objects.filter(child_id=child_id).exists()
    assert not ChildPlacement.history.model.objects.filter(child_id=child_id).exists()
