"""Rules about what kind of statement this is: an outcome, not provision and not an aspiration."""

from __future__ import annotations

from goldenthread.core.quality.kinds import PROVISION_CUES
from goldenthread.core.quality.model import Finding, Kind, Span, Status
from goldenthread.core.quality.registry import finding, quote, rule
from goldenthread.core.quality.statement import Statement

STRONG_PROVISION_CUE = 2.0
ASK_WHAT_IT_DOES = (
    "Ask: what will this help do for the child, or make possible for them? Write that change "
    "as the outcome, and keep the help in the provision part of the plan."
)


def _provision_spans(statement: Statement, min_weight: float) -> tuple[Span, ...]:
    spans: list[Span] = []
    for index in statement.provision_cues:  # only the cues known to be there
        pattern, weight = PROVISION_CUES[index]
        if weight >= min_weight:
            spans.extend(Span(m.start(), m.end()) for m in pattern.finditer(statement.masked))
    return tuple(sorted(spans, key=lambda span: span.start))


@rule("outcome_not_provision", STRONG_PROVISION_CUE=STRONG_PROVISION_CUE)
def check_outcome_not_provision(statement: Statement) -> Finding:
    """Fails when the statement reads as provision: hours, sessions, programmes, therapy, staff,
    equipment, training ("outcomes not hours"). Warns when it reads as a need (what is hard for
    the child), or when an outcome also names strong provision cues (weight at or above
    STRONG_PROVISION_CUE). Passes otherwise.

    The Code of Practice says provision is not an outcome: "3 hours of speech and language
    therapy" is help, not the difference it makes. Families need to see what will change.
    """
    if statement.kind is Kind.PROVISION:
        spans = _provision_spans(statement, 0.0)
        said = f"{quote(statement.text, spans[0])} is help" if spans else "This is help"
        return finding(
            "outcome_not_provision",
            Status.FAIL,
            f"{said} the child will get (provision), not the difference it makes.",
            spans=spans,
            suggestion=ASK_WHAT_IT_DOES,
        )
    if statement.kind is Kind.NEED:
        return finding(
            "outcome_not_provision",
            Status.WARN,
            "This says what is hard for the child (a need), not what will be different.",
            suggestion="Say what the child will be able to do, by when.",
        )
    strong = _provision_spans(statement, STRONG_PROVISION_CUE)
    if strong:
        return finding(
            "outcome_not_provision",
            Status.WARN,
            f"It also talks about help: {quote(statement.text, strong[0])}.",
            spans=strong,
            suggestion="Keep hours, sessions and staff in the provision "
            "part of the plan. Keep the outcome about the child.",
        )
    return finding(
        "outcome_not_provision",
        Status.PASS,
        "It is about what will change for the child, not the help they get.",
    )


@rule("not_aspiration")
def check_not_aspiration(statement: Statement) -> Finding:
    """Fails when the statement reads as a long-term hope (a job, "when I am an adult", "one
    day") with no timeframe or measure. Warns when it has a vague time ("when I'm older") but
    otherwise reads as an outcome. Passes otherwise.

    Aspirations matter, but they belong in Section A of the plan. The local authority cannot be
    held to them, so an outcome must be a step that can be checked.
    """
    time = statement.time
    if statement.kind is Kind.ASPIRATION:
        return finding(
            "not_aspiration",
            Status.FAIL,
            "This is a long-term hope (an aspiration). It belongs in the “all about "
            "me” part of the plan (Section A).",
            spans=() if time is None else (Span(time.start, time.end),),
            suggestion="Keep the hope. Then write a step towards it that can happen "
            "by a date, like “By the end of Year 4, I will …”.",
        )
    if time is not None and time.vague:
        return finding(
            "not_aspiration",
            Status.WARN,
            f"{quote(statement.text, Span(time.start, time.end))} sounds like a long-term hope.",
            spans=(Span(time.start, time.end),),
            suggestion="Use a date or a stage instead.",
        )
    return finding(
        "not_aspiration",
        Status.PASS,
        "It is a step that can be checked, not only a long-term hope.",
    )
