"""Headline figures of a SEN2 return, as the DfE publishes them ("Education, health and care
plans", explore-education-statistics), so an authority can set them beside last year's."""

from __future__ import annotations

from dataclasses import dataclass, fields

from goldenthread.core.returns.sen2 import TWENTY_WEEKS, Sen2Return


@dataclass
class Sen2Headlines:
    plans_in_force: int = 0  # EHC plans in force on the census date
    requests_received: int = 0  # initial requests for assessment received in the year
    requests_refused: int = 0  # decided in the year not to assess
    assessments_not_issued: int = 0  # decided in the year not to issue a plan
    new_plans: int = 0  # plans first issued in the year
    new_plans_within_20_weeks: int = 0  # of those, issued within 20 weeks (exceptions kept out)
    new_plans_without_exception: int = 0  # new plans no 20-week exception applied to
    new_plans_within_20_weeks_all: int = 0  # within 20 weeks, counting exception cases too
    plans_ceased: int = 0
    reviews_expected: int = 0  # plans in force whose annual review fell due in the year
    reviews_held: int = 0  # of plans in force, a review meeting in the year
    reviews_maintained: int = 0
    reviews_amended: int = 0
    reviews_ceased: int = 0
    reviews_decided_within_4_weeks: int = 0

    @property
    def percent_within_20_weeks(self) -> float | None:
        """The published measure: new plans within 20 weeks, excluding exception cases."""
        if not self.new_plans_without_exception:
            return None
        return round(100 * self.new_plans_within_20_weeks / self.new_plans_without_exception, 1)

    @property
    def percent_within_20_weeks_all(self) -> float | None:
        if not self.new_plans:
            return None
        return round(100 * self.new_plans_within_20_weeks_all / self.new_plans, 1)

    @property
    def percent_reviews_within_4_weeks(self) -> float | None:
        if not self.reviews_held:
            return None
        return round(100 * self.reviews_decided_within_4_weeks / self.reviews_held, 1)

    def rows(self) -> list[tuple[str, str]]:
        """(label, value) rows for the summary table, plain-English labels."""
        labels = {
            "plans_in_force": "EHC plans in force on the census date",
            "requests_received": "Requests for an EHC needs assessment received",
            "requests_refused": "Requests refused (decided not to assess)",
            "assessments_not_issued": "Assessments where it was decided not to issue a plan",
            "new_plans": "New EHC plans issued",
            "new_plans_within_20_weeks": "New plans issued within 20 weeks (exceptions excluded)",
            "new_plans_without_exception": "New plans with no 20-week exception",
            "new_plans_within_20_weeks_all": "New plans issued within 20 weeks (all)",
            "plans_ceased": "EHC plans ceased",
            "reviews_expected": "Annual reviews due in the year",
            "reviews_held": "Annual review meetings held in the year",
            "reviews_maintained": "Review decisions: plan maintained",
            "reviews_amended": "Review decisions: plan amended",
            "reviews_ceased": "Review decisions: plan ceased",
            "reviews_decided_within_4_weeks": "Review decisions made within 4 weeks",
        }
        out = [(labels[f.name], str(getattr(self, f.name))) for f in fields(self)]
        for label, value in (
            (
                "Percent of new plans within 20 weeks (exceptions excluded)",
                self.percent_within_20_weeks,
            ),
            ("Percent of new plans within 20 weeks (all)", self.percent_within_20_weeks_all),
            ("Percent of review decisions within 4 weeks", self.percent_reviews_within_4_weeks),
        ):
            out.append((label, "none in the year" if value is None else f"{value}%"))
        return out


def sen2_headlines(sen2: Sen2Return) -> Sen2Headlines:
    period = sen2.header.period
    out = Sen2Headlines()
    decisions = {"M": "reviews_maintained", "A": "reviews_amended", "C": "reviews_ceased"}
    for person in sen2.people:
        for request in person.requests:
            out.requests_received += period.holds(request.received_date)
            out.requests_refused += request.outcome == "J" and period.holds(request.outcome_date)
            assessment = request.assessment
            if assessment is not None:
                decided = period.holds(assessment.outcome_date)
                out.assessments_not_issued += assessment.outcome == "I" and decided
                plan = assessment.named_plan
                if plan is not None and period.holds(plan.start_date):
                    out.new_plans += 1
                    assert plan.start_date is not None  # held by the period
                    quick = (
                        request.received_date is not None
                        and plan.start_date - request.received_date <= TWENTY_WEEKS
                    )
                    out.new_plans_within_20_weeks_all += quick
                    if not assessment.week20_exception:
                        out.new_plans_without_exception += 1
                        out.new_plans_within_20_weeks += quick
                if plan is not None:
                    out.plans_ceased += period.holds(plan.cease_date)
            active = request.active_plan
            if active is not None:
                out.plans_in_force += 1
                out.reviews_expected += active.review_expected
                review = active.last_review
                if review is not None and period.holds(review.meeting_date):
                    out.reviews_held += 1
                    if review.outcome in decisions:
                        name = decisions[review.outcome]
                        setattr(out, name, getattr(out, name) + 1)
                    out.reviews_decided_within_4_weeks += review.decided_within_four_weeks
    return out
