"""Rules about when: time-bound, and the two judgements we only make on real evidence —
achievable and realistic."""

from __future__ import annotations

from goldenthread.core import calendar as cal
from goldenthread.core.quality.fastre import fast
from goldenthread.core.quality.model import Finding, Span, Status
from goldenthread.core.quality.registry import finding, nice_date, quote, rule
from goldenthread.core.quality.statement import Statement

EARLY_YEARS_AGE = 5
EARLY_YEARS_MAX_DAYS = 400  # about a year (Waltham Forest: medium 6 months, short 3 months)
MAX_PLAN_AGE = cal.ADULT_PLAN_AGE_LIMIT
BIG_CHANGE_MAX_DAYS = 56  # eight weeks
BIG_CHANGE_RE = fast(
    r"\b(?:expected\s+level|age[- ]related|catch\s+up|in\s+line\s+with\s+(?:my\s+|his\s+|her\s+|"
    r"their\s+)?peers|the\s+same\s+as\s+(?:my\s+|his\s+|her\s+|their\s+)?peers|key\s+stage|gcses?|"
    r"fluently|fully\s+independent|live\s+independently|all\s+(?:of\s+)?(?:my|the)\s+\w+|"
    r"level\s+\d|(?:a\s+)?paid\s+job|get\s+a\s+job)\b"
)
WHEN_EXAMPLE = "Add a date or a stage, like “by the end of Year 4” or “by July 2027”."
NEEDS_JUDGEMENT = "This needs the team's judgement. Nothing in the words shows a problem."


def _span(statement: Statement) -> tuple[Span, ...]:
    time = statement.time
    return () if time is None else (Span(time.start, time.end),)


def _past_age_limit(statement: Statement) -> bool:
    dob, time = statement.context.date_of_birth, statement.time
    if dob is None or time is None or time.due is None:
        return False
    return time.due > cal.birthday(dob, MAX_PLAN_AGE)


def _early_years_too_far(statement: Statement) -> bool:
    dob, horizon = statement.context.date_of_birth, statement.horizon_days
    if dob is None or horizon is None:
        return False
    return cal.age_on(dob, statement.today) < EARLY_YEARS_AGE and horizon > EARLY_YEARS_MAX_DAYS


def _time_problem(statement: Statement, spans: tuple[Span, ...]) -> Finding | None:
    time = statement.time
    assert time is not None
    due, plan_end = time.due, statement.context.plan_end
    if due is None:
        return None
    if due < statement.today:
        return finding(
            "time_bound",
            Status.FAIL,
            f"This date has already passed ({nice_date(due)}).",
            spans=spans,
            suggestion="Choose a date that is still to come. " + WHEN_EXAMPLE,
        )
    if _past_age_limit(statement):
        return finding(
            "time_bound",
            Status.FAIL,
            f"This is after the child turns {MAX_PLAN_AGE} ({nice_date(due)}). Plans end by then.",
            spans=spans,
            suggestion="Choose a date before the child turns 25.",
        )
    if plan_end is not None and due > plan_end:
        return finding(
            "time_bound",
            Status.WARN,
            f"This is after the plan ends ({nice_date(due)}, plan ends {nice_date(plan_end)}).",
            spans=spans,
            suggestion="Choose a date before the plan ends, or check the plan end.",
        )
    if _early_years_too_far(statement):
        return finding(
            "time_bound",
            Status.WARN,
            "This is more than a year away for a child under 5. Young children change fast.",
            spans=spans,
            suggestion="For young children, aim for about 3 to 6 months.",
        )
    return None


@rule(
    "time_bound",
    EARLY_YEARS_AGE=EARLY_YEARS_AGE,
    EARLY_YEARS_MAX_DAYS=EARLY_YEARS_MAX_DAYS,
    MAX_PLAN_AGE=MAX_PLAN_AGE,
)
def check_time_bound(statement: Statement) -> Finding:  # noqa: PLR0911 (one return per case)
    """Finds the time phrase and works out the date with the date of birth and the school
    calendar. Fails with no time phrase, a vague one ("one day"), a date that has passed, or a
    date after age 25. Warns after the plan end, for a "next review" date, and for a child under
    5 when the date is more than about a year away. Age and year-group phrases with no date of
    birth still pass, with a note.

    An outcome has to say when, so everyone knows when to check whether it has happened. The Code
    of Practice expects outcomes to aim at the end of a phase or key stage.
    """
    time = statement.time
    if time is None:
        return finding(
            "time_bound",
            Status.FAIL,
            "This does not say when. " + WHEN_EXAMPLE,
            suggestion=WHEN_EXAMPLE,
        )
    spans = _span(statement)
    said = quote(statement.text, spans[0])
    if time.vague:
        return finding(
            "time_bound",
            Status.FAIL,
            f"{said} is not a date. It could be any time.",
            spans=spans,
            suggestion=WHEN_EXAMPLE,
        )
    if time.due is None and time.note and "date of birth" not in time.note:
        return finding("time_bound", Status.FAIL, time.note, spans=spans, suggestion=WHEN_EXAMPLE)
    problem = _time_problem(statement, spans)
    if problem is not None:
        return problem
    if time.due is None:
        return finding("time_bound", Status.PASS, f"It says when: {said}. {time.note}", spans=spans)
    if time.approximate:
        return finding(
            "time_bound",
            Status.WARN,
            f"{said} is not a fixed date. {time.note}",
            spans=spans,
            suggestion=WHEN_EXAMPLE,
        )
    return finding(
        "time_bound", Status.PASS, f"It says when: {said} (by {nice_date(time.due)}).", spans=spans
    )


@rule("achievable", BIG_CHANGE_MAX_DAYS=BIG_CHANGE_MAX_DAYS)
def check_achievable(statement: Statement) -> Finding:
    """Only judged on real evidence: warns when a big change (catching up, a key stage, a job,
    working at the expected level) is given only a few weeks. Otherwise "n/a": the team decides.

    Outcomes should stretch the child but be possible in the time, with the right help. We can
    only see the words, not the child, so we do not guess.
    """
    horizon = statement.horizon_days
    soon = horizon is not None and 0 <= horizon <= BIG_CHANGE_MAX_DAYS
    big = BIG_CHANGE_RE.search(statement.masked) if soon else None  # only looked for if soon
    if big is not None:
        spans = (Span(big.start(), big.end()), *_span(statement))
        return finding(
            "achievable",
            Status.WARN,
            "This is a big change for only a few weeks. Check it can happen in time.",
            spans=spans,
            suggestion="Give it longer, or make this a smaller first step.",
        )
    return finding("achievable", Status.NOT_APPLICABLE, NEEDS_JUDGEMENT)


@rule("realistic", MAX_PLAN_AGE=MAX_PLAN_AGE)
def check_realistic(statement: Statement) -> Finding:
    """Only judged on real evidence: fails when the date has already passed or is after the
    child turns 25. Otherwise "n/a": the team decides.

    A plan can only promise what can happen while it is in place. We do not guess about the child.
    """
    time = statement.time
    if time is not None and time.due is not None:
        spans = _span(statement)
        if time.due < statement.today:
            return finding(
                "realistic",
                Status.FAIL,
                "The date has already passed, so this cannot be done in time.",
                spans=spans,
                suggestion="Choose a date that is still to come.",
            )
        if _past_age_limit(statement):
            return finding(
                "realistic",
                Status.FAIL,
                f"The date is after the child turns {MAX_PLAN_AGE}, when plans end.",
                spans=spans,
                suggestion="Choose a date before the child turns 25.",
            )
    return finding("realistic", Status.NOT_APPLICABLE, NEEDS_JUDGEMENT)
