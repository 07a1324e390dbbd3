"""SEN2: each check caught on purpose with the child's record named; XML shape; headline counts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from xml.etree.ElementTree import fromstring  # nosec B405 - our own output, in a test

import pytest

from goldenthread.core.returns.findings import Finding
from goldenthread.core.returns.sen2 import (
    ActivePlan,
    AnnualReview,
    Assessment,
    Header,
    NamedPlan,
    Period,
    Person,
    Placement,
    Request,
    Sen2Return,
    sen2_xml,
)
from goldenthread.core.returns.sen2_rules import RULES, sen2_findings
from goldenthread.core.returns.sen2_summary import sen2_headlines

PERIOD = Period(2027)
D = dt.date
VALID_UPN = "A123456789012"
RECORD = 41
SCHOOL = Placement(urn="123456", entry_date=D(2025, 9, 1), named_setting=True)


def _at(*places: Placement) -> Callable[[], Person]:
    return lambda: _active(P, placements=places)


def _person(**changes: object) -> Person:
    named = NamedPlan(plan_ref=7, start_date=D(2026, 5, 1), placements=(Placement(urn="123456"),))
    active = ActivePlan(
        plan_ref=7,
        placements=(SCHOOL,),
        needs=("ASD", "SLCN"),
        review_expected=False,
        last_review=AnnualReview(D(2026, 11, 2), "M", D(2026, 11, 20)),
    )
    request = Request(
        received_date=D(2026, 1, 5),
        source="1",
        outcome="A",
        outcome_date=D(2026, 2, 10),
        assessment=Assessment("H", D(2026, 4, 1), named_plan=named),
        active_plan=active,
    )
    base = Person(
        ref=RECORD,
        surname="Okafor",
        forename="Ada",
        birth_date=D(2015, 3, 1),
        sex="F",
        ethnicity="BAFR",
        postcode="WS1 1AA",
        upn=VALID_UPN,
        requests=(request,),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def _return(*people: Person, lea: str = "990") -> Sen2Return:
    return Sen2Return(Header(PERIOD, lea, dt.datetime(2027, 1, 10, 9, 0)), people)


def _request(person: Person, **changes: object) -> Person:
    return replace(person, requests=(replace(person.requests[0], **changes),))  # type: ignore[arg-type]


def _assessment(person: Person, **changes: object) -> Person:
    a = person.requests[0].assessment
    assert a is not None
    return _request(person, assessment=replace(a, **changes))  # type: ignore[arg-type]


def _named(person: Person, **changes: object) -> Person:
    a = person.requests[0].assessment
    assert a is not None and a.named_plan is not None
    return _assessment(person, named_plan=replace(a.named_plan, **changes))  # type: ignore[arg-type]


def _active(person: Person, **changes: object) -> Person:
    active = person.requests[0].active_plan
    assert active is not None
    return _request(person, active_plan=replace(active, **changes))  # type: ignore[arg-type]


def _review(person: Person, **changes: object) -> Person:
    active = person.requests[0].active_plan
    assert active is not None and active.last_review is not None
    return _active(person, last_review=replace(active.last_review, **changes))  # type: ignore[arg-type]


P = _person()
BREAKS: dict[str, tuple[Callable[[], Person], str]] = {
    "SEN2-P01": (lambda: _person(surname=" "), "Surname"),
    "SEN2-P02": (lambda: _person(forename=""), "Forename"),
    "SEN2-P03": (lambda: _person(birth_date=None), "PersonBirthDate"),
    "SEN2-P04": (lambda: _person(birth_date=D(2027, 2, 1)), "PersonBirthDate"),
    "SEN2-P05": (lambda: _person(birth_date=D(2000, 1, 1)), "PersonBirthDate"),
    "SEN2-P06": (lambda: _person(sex="2"), "Sex"),
    "SEN2-P07": (lambda: _person(ethnicity="XXXX"), "Ethnicity"),
    "SEN2-P08": (lambda: _person(postcode="NOT A CODE"), "PostCode"),
    "SEN2-P09": (lambda: _person(upn="B123456789012"), "UPN"),
    "SEN2-P10": (lambda: _person(upn="", uln="12345"), "UniqueLearnerNumber"),
    "SEN2-P11": (lambda: _person(upn=""), "UPNunknown"),
    "SEN2-P12": (lambda: _person(upn="", upn_unknown="UN7"), "UPNunknown"),
    "SEN2-R01": (lambda: _request(P, received_date=None), "ReceivedDate"),
    "SEN2-R02": (lambda: _request(P, received_date=D(2027, 1, 30)), "ReceivedDate"),
    "SEN2-R03": (lambda: _request(P, outcome="Z", assessment=None), "RequestOutcome"),
    "SEN2-R04": (lambda: _request(P, outcome_date=D(2025, 12, 1)), "RequestOutcomeDate"),
    "SEN2-R05": (lambda: _request(P, outcome_date=None), "RequestOutcomeDate"),
    "SEN2-R06": (lambda: _request(P, outcome="J"), "RequestOutcome"),
    "SEN2-R07": (lambda: _request(P, source="9"), "RequestSource"),
    "SEN2-A01": (lambda: _assessment(P, outcome="Q", named_plan=None), "AssessmentOutcome"),
    "SEN2-A02": (lambda: _assessment(P, outcome_date=D(2025, 1, 1)), "AssessmentOutcomeDate"),
    "SEN2-A03": (lambda: _assessment(P, named_plan=None), "NamedPlan"),
    "SEN2-N01": (lambda: _named(P, start_date=None), "StartDate"),
    "SEN2-N02": (lambda: _named(P, start_date=D(2025, 12, 30)), "StartDate"),
    "SEN2-N03": (lambda: _named(P, cease_date=D(2026, 9, 1)), "CeaseReason"),
    "SEN2-N04": (lambda: _named(P, cease_date=D(2026, 9, 1), cease_reason="0"), "CeaseReason"),
    "SEN2-N05": (lambda: _named(P, cease_date=D(2026, 4, 1), cease_reason="5"), "CeaseDate"),
    "SEN2-L01": (
        lambda: _active(P, placements=(Placement(urn="123456", sen_setting="EHE"),)),
        "PlacementDetail: URN / UKPRN / SENsetting",
    ),
    "SEN2-L02": (lambda: _active(P, placements=(Placement(urn="12345"),)), "PlacementDetail: URN"),
    "SEN2-L03": (
        lambda: _active(P, placements=(Placement(ukprn="2000000"),)),
        "PlacementDetail: UKPRN",
    ),
    "SEN2-L04": (
        lambda: _active(P, placements=(Placement(sen_setting="ZZZ"),)),
        "PlacementDetail: SENsetting",
    ),
    "SEN2-L05": (
        lambda: _active(
            P,
            placements=(
                Placement(urn="123456", entry_date=D(2026, 9, 1), leaving_date=D(2026, 8, 1)),
            ),
        ),
        "PlacementDetail: LeavingDate",
    ),
    "SEN2-L06": (
        lambda: _active(P, placements=(Placement(urn="123456", rank=2),)),
        "PlacementDetail: PlacementRank",
    ),
    "SEN2-L07": (lambda: _active(P, placements=()), "PlacementDetail"),
    "SEN2-L08": (
        _at(SCHOOL, replace(SCHOOL, urn="654321", entry_date=D(2026, 3, 1))),
        "PlacementDetail: EntryDate",
    ),
    "SEN2-L09": (_at(replace(SCHOOL, leaving_date=D(2026, 7, 20))), "PlacementDetail: LeavingDate"),
    "SEN2-L10": (
        _at(
            replace(SCHOOL, leaving_date=D(2026, 7, 20)), replace(SCHOOL, entry_date=D(2027, 1, 22))
        ),
        "PlacementDetail: EntryDate",
    ),
    "SEN2-L11": (_at(Placement(sen_setting="NEET")), "PlacementDetail: EntryDate"),
    "SEN2-L12": (_at(replace(SCHOOL, urn="")), "PlacementDetail: URN / UKPRN"),
    "SEN2-S01": (lambda: _active(P, needs=()), "SENtype"),
    "SEN2-S02": (lambda: _active(P, needs=("NSA",)), "SENtype"),
    "SEN2-V01": (lambda: _review(P, outcome="1"), "ReviewOutcome"),
    "SEN2-V02": (lambda: _review(P, decision_date=D(2026, 10, 1)), "LastReview"),
    "SEN2-V03": (lambda: _review(P, meeting_date=D(2027, 1, 29)), "ReviewMeeting"),
    "SEN2-V04": (lambda: _active(P, review_expected=True, last_review=None), "ReviewMeeting"),
}


def test_a_valid_person_passes_every_check() -> None:
    assert sen2_findings(_return(P)) == []


def test_every_rule_has_a_breaking_test() -> None:
    assert set(BREAKS) | {"SEN2-H01", "SEN2-P13"} == set(RULES)


@pytest.mark.parametrize("rule_id", sorted(BREAKS))
def test_each_rule_is_caught_naming_the_record_and_field(rule_id: str) -> None:
    make, field = BREAKS[rule_id]
    found = [f for f in sen2_findings(_return(make())) if f.rule.rule_id == rule_id]
    assert found, f"{rule_id} not caught"
    assert {(f.record, f.field) for f in found} == {(RECORD, field)}
    assert RULES[rule_id].source and "SEN2" in RULES[rule_id].source
    assert str(RECORD) in found[0].describe() and field in found[0].describe()


def test_header_and_duplicate_upn() -> None:
    other = replace(P, ref=42)
    found = sen2_findings(_return(P, other, lea="99"))
    assert Finding(RULES["SEN2-H01"], 0, "LEA", "99") in found
    dupes = {f.record for f in found if f.rule.rule_id == "SEN2-P13"}
    assert dupes == {RECORD, 42}


def test_queries_do_not_block_but_errors_do() -> None:
    (query,) = sen2_findings(_return(_active(P, placements=())))
    assert query.rule.rule_id == "SEN2-L07" and not query.blocks_export
    assert all(f.blocks_export for f in sen2_findings(_return(_person(surname=""))))


@pytest.mark.parametrize(
    ("year", "census"),
    [
        (2025, D(2025, 1, 16)),
        (2026, D(2026, 1, 15)),
        (2027, D(2027, 1, 21)),
        (2028, D(2028, 1, 20)),
    ],
)
def test_census_date_is_the_third_thursday_in_january(year: int, census: dt.date) -> None:
    period = Period(year)
    assert period.reference_date == census
    assert (period.start, period.end) == (D(year - 1, 1, 1), D(year - 1, 12, 31))


def test_the_xml_parses_and_has_the_modules_in_order() -> None:
    root = fromstring(sen2_xml(_return(P)))
    assert root.tag == "Message"
    assert [c.tag for c in root] == ["Header", "Persons"]
    assert root.findtext("Header/CollectionDetails/Collection") == "SEN2"
    assert root.findtext("Header/CollectionDetails/Year") == "2027"
    assert root.findtext("Header/CollectionDetails/ReferenceDate") == "2027-01-21"
    assert root.findtext("Header/Source/LEA") == "990"
    person = root.find("Persons/Person")
    assert person is not None
    assert [c.tag for c in person][:8] == [
        "Surname", "Forename", "PersonBirthDate", "Sex", "Ethnicity", "PostCode",
        "UPN", "Requests",
    ]  # fmt: skip
    request = person.find("Requests")
    assert request is not None
    assert request.findtext("ReceivedDate") == "2026-01-05"
    assert request.findtext("Assessment/NamedPlan/StartDate") == "2026-05-01"
    assert request.findtext("Assessment/NamedPlan/PlanDetail/URN") == "123456"
    active = request.find("ActivePlans")
    assert active is not None
    assert active.findtext("PlacementDetail/URN") == "123456"
    assert active.findtext("PlacementDetail/EntryDate") == "2025-09-01"
    assert (active.findtext("PlacementDetail/RES"), active.findtext("PlacementDetail/WBP")) == (
        "0",
        "0",
    )
    assert active.find("RES") is None and active.find("WBP") is None  # per placement since v1.2
    assert [n.findtext("SENtype") for n in active.findall("SENneed")] == ["ASD", "SLCN"]
    assert [n.findtext("SENtypeRank") for n in active.findall("SENneed")] == ["1", "2"]
    assert [c.tag for c in active.find("SENneed") or []] == ["SENtype", "SENtypeRank"]
    assert active.findtext("ReviewMeeting") == "2026-11-02"
    assert active.findtext("ReviewOutcome") == "M"
    assert active.findtext("LastReview") == "2026-11-20"  # the date of the review decision
    assert active.find("ReviewDecision") is None and active.find("GenderCurrent") is None


def test_names_with_markup_are_escaped() -> None:
    xml = sen2_xml(_return(_person(surname="O'Brien <&> Smith")))
    root = fromstring(xml)
    assert root.findtext("Persons/Person/Surname") == "O'Brien <&> Smith"


def test_headlines_count_20_weeks_at_the_edge_and_exceptions() -> None:
    def made(days: int, exception: bool, ref: int) -> Person:
        received = D(2026, 2, 2)
        start = received + dt.timedelta(days=days)
        p = _named(_request(_person(ref=ref, upn=""), received_date=received), start_date=start)
        return _assessment(p, week20_exception=exception, outcome_date=received)

    people = [made(140, False, 1), made(141, False, 2), made(200, True, 3), made(100, True, 4)]
    h = sen2_headlines(_return(*people))
    assert h.new_plans == 4
    assert h.new_plans_without_exception == 2
    assert h.new_plans_within_20_weeks == 1  # day 140 is within; day 141 is not
    assert h.new_plans_within_20_weeks_all == 2
    assert h.percent_within_20_weeks == 50.0
    assert h.requests_received == 4
    assert h.plans_in_force == 4
    assert h.reviews_held == 4 and h.reviews_maintained == 4
    assert h.reviews_decided_within_4_weeks == 4


def test_review_decided_after_exactly_4_weeks_counts_and_a_day_later_does_not() -> None:
    on_time = _review(P, decision_date=D(2026, 11, 30))
    late = _review(replace(P, ref=2, upn=""), decision_date=D(2026, 12, 1))
    h = sen2_headlines(_return(on_time, late))
    assert (h.reviews_held, h.reviews_decided_within_4_weeks) == (2, 1)


def test_residential_and_work_based_are_sent_per_placement() -> None:
    places = (
        replace(SCHOOL, leaving_date=D(2026, 7, 20)),
        Placement(ukprn="10012345", entry_date=D(2026, 9, 1), residential=True, work_based=True),
    )
    root = fromstring(sen2_xml(_return(_active(P, placements=places))))
    details = root.findall("Persons/Person/Requests/ActivePlans/PlacementDetail")
    assert [(d.findtext("RES"), d.findtext("WBP")) for d in details] == [("0", "0"), ("1", "1")]
    assert details[1].findtext("UKPRN") == "10012345"
    assert details[0].findtext("LeavingDate") == "2026-07-20"


def test_leaving_one_setting_the_day_the_next_starts_is_not_an_overlap() -> None:
    moved = _at(
        replace(SCHOOL, leaving_date=D(2026, 9, 1)),
        replace(SCHOOL, urn="654321", entry_date=D(2026, 9, 1)),
    )()
    assert sen2_findings(_return(moved)) == []
    dual = _at(SCHOOL, replace(SCHOOL, urn="654321", rank=2, entry_date=D(2026, 3, 1)))()
    assert sen2_findings(_return(dual)) == []  # a second (dual) placement is not an overlap


def test_a_placement_open_on_the_census_date_is_needed_and_a_later_one_does_not_count() -> None:
    left = replace(SCHOOL, leaving_date=D(2027, 1, 21))  # leaves on the census date: still open
    assert sen2_findings(_return(_at(left)())) == []
