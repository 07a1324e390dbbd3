"""The review report as a page and a real PDF, the lists each role may see, and the daily
``goldenthread reviews due`` command."""

from __future__ import annotations

import csv
import io
import re
from contextlib import redirect_stdout

import pytest
from django.utils import timezone
from pypdf import PdfReader

from goldenthread.cli import main
from goldenthread.web.accounts.models import Role
from goldenthread.web.reviews.models import Review
from tests.web import factories
from tests.web.conftest import PageClient
from tests.web.factories import Area
from tests.web.reviews_helpers import CHILD_WORDS, PARENT_WORDS, make_late, review_post

pytestmark = pytest.mark.django_db(transaction=False)


def _record(page: PageClient, area: Area) -> Review:
    plan = area.thread.plan
    page.post(f"/plans/{plan.pk}/reviews/new/", review_post(plan))
    return Review.objects.get(plan=plan)


def test_report_page_uses_the_familys_own_words(coordinator_page: PageClient, area: Area) -> None:
    review = _record(coordinator_page, area)
    report = coordinator_page.get(f"/plans/{area.thread.plan.pk}/reviews/{review.pk}/")
    assert CHILD_WORDS in report.text
    assert PARENT_WORDS in report.text
    assert area.thread.outcome.text in report.text


def test_pdf_is_a_real_pdf_with_the_childs_words_and_outcomes(
    coordinator_page: PageClient, area: Area
) -> None:
    review = _record(coordinator_page, area)
    response = coordinator_page.get(
        f"/plans/{area.thread.plan.pk}/reviews/{review.pk}/report.pdf"
    ).response
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    words = " ".join(text.split())
    assert " ".join(CHILD_WORDS.split()) in words
    assert " ".join(area.thread.outcome.text.split()) in words
    assert " ".join(area.thread.unhelped_outcome.text.split()) in words


def test_a_parent_may_read_the_report_but_not_record_a_review(page: PageClient, area: Area) -> None:
    page.sign_in(area.coordinator)
    review = _record(page, area)
    parent = factories.user_create(role=Role.PARENT)
    factories.relationship_create(child=area.child, person=parent, kind="parent")
    page.sign_in(parent)
    plan = area.thread.plan
    page.get(f"/plans/{plan.pk}/reviews/{review.pk}/")
    page.get(f"/plans/{plan.pk}/reviews/new/", status=403)
    page.get(f"/plans/{plan.pk}/reviews/{review.pk}/after/", status=403)


@pytest.mark.parametrize(
    ("role", "mine", "area_list"),
    [
        (Role.COORDINATOR, 200, 200),
        (Role.SENCO, 200, 403),
        (Role.QUALITY_LEAD, 403, 200),
        (Role.STRATEGIC_LEADER, 403, 403),
        (Role.PARENT, 403, 403),
    ],
)
def test_who_sees_which_list(
    page: PageClient, area: Area, role: str, mine: int, area_list: int
) -> None:
    org = area.school if role == Role.SENCO else area.local_authority
    page.sign_in(factories.user_create(role=role, organisation=org))
    page.get("/reviews/", status=mine)
    page.get("/reviews/late/", status=mine)
    page.get("/reviews/late/area/", status=area_list)


def test_area_list_shows_initials_for_children_you_do_not_work_with(
    coordinator_page: PageClient, area: Area
) -> None:
    make_late(area.other_thread.plan)
    listing = coordinator_page.get("/reviews/late/area/")
    other = area.other_child
    assert other.full_name not in listing.text
    assert f"{other.first_name[0]}.{other.last_name[0]}. (child {other.pk})" in listing.text


def test_senco_sees_their_settings_late_list(page: PageClient, area: Area) -> None:
    make_late(area.thread.plan)
    senco = factories.user_create(role=Role.SENCO, organisation=area.school)
    page.sign_in(senco)
    listing = page.get("/reviews/late/setting/")
    assert "Brook Lane Primary" in listing.text
    assert f"(child {area.child.pk})" in listing.text


def _run(*args: str) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["reviews", "due", *args]) == 0
    return out.getvalue()


def test_command_lists_late_deadlines_without_names(area: Area) -> None:
    make_late(area.thread.plan)
    today = timezone.localdate().isoformat()
    text = _run("--days", "0", "--today", today)
    child = area.child
    assert f"plan {area.thread.plan.pk}" in text
    assert f"{child.first_name[0]}.{child.last_name[0]}. (child {child.pk})" in text
    assert "coordinator" in text
    assert re.search(r"next_review\s+due \d{4}-\d\d-\d\d\s+\d+ days late", text)
    assert child.last_name not in text
    rows = list(csv.reader(io.StringIO(_run("--format", "csv", "--today", today))))
    assert rows[0] == ["plan_id", "child", "coordinator", "deadline", "due", "days_late"]
    late = [r for r in rows[1:] if r[0] == str(area.thread.plan.pk) and r[3] == "next_review"]
    assert late
    assert int(late[0][5]) > 0


def test_command_refuses_a_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reviews", "due", "--today", "tomorrow"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
