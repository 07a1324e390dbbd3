"""Rules about the words of the outcome itself: measurable, specific and person-centred."""

from __future__ import annotations

from goldenthread.core.quality.lexicon import (
    FIRST_PERSON_SUBJECT_RE,
    OBSERVABLE_RE,
    SERVICE_LED_RE,
    THIRD_PERSON_RE,
    VAGUE_RE,
    VAGUE_VERBS,
)
from goldenthread.core.quality.model import Finding, Span, Status
from goldenthread.core.quality.registry import finding, quote, rule
from goldenthread.core.quality.statement import Statement

MEASURE_EXAMPLE = "Say how many, how often or how long, like “3 times a week” or “for 10 minutes”."
CONTEXT_EXAMPLE = "Say where or with whom, like “in class” or “with two friends at break time”."
FIRST_PERSON_EXAMPLE = "Write it as the child would say it: “I will …”."
STRONG_MEASURES_TO_PASS = 1
WEAK_MEASURES_TO_PASS = 2


@rule(
    "measurable",
    STRONG_MEASURES_TO_PASS=STRONG_MEASURES_TO_PASS,
    WEAK_MEASURES_TO_PASS=WEAK_MEASURES_TO_PASS,
)
def check_measurable(statement: Statement) -> Finding:
    """Looks for something you could count or see: numbers, how often ("3 times a week"), how
    long ("for 10 minutes"), "at least two", percentages, levels, "4 key words". Passes with one
    of these, or with two signs of independence ("independently", "without adult support").
    Warns with only one sign of independence. Fails with none. Numbers in the time phrase
    ("Year 3", "age 14") do not count.

    If nobody can count or see it, nobody can tell whether it has happened, and the review
    cannot show progress.
    """
    strong, weak = statement.strong_measures, statement.weak_measures
    if len(strong) >= STRONG_MEASURES_TO_PASS or len(weak) >= WEAK_MEASURES_TO_PASS:
        spans = strong + weak
        return finding(
            "measurable",
            Status.PASS,
            f"It says how you will know: {quote(statement.text, spans[0])}.",
            spans=spans,
        )
    if weak:
        return finding(
            "measurable",
            Status.WARN,
            f"{quote(statement.text, weak[0])} helps, but it does not say how much or how often.",
            spans=weak,
            suggestion=MEASURE_EXAMPLE,
        )
    return finding(
        "measurable",
        Status.FAIL,
        "This does not say how you will know it has happened. " + MEASURE_EXAMPLE,
        suggestion=MEASURE_EXAMPLE,
    )


def _vague_suggestion(statement: Statement, vague: list[Span]) -> str:
    parts = []
    for span in vague[:3]:
        word = statement.lower[span.start : span.end]
        base = next((key for key in VAGUE_VERBS if word.startswith(key)), word)
        parts.append(f"instead of “{word}”, say what you will do: {VAGUE_VERBS.get(base, 'do')}")
    return "; ".join(parts).capitalize() + "."


@rule("specific")
def check_specific(statement: Statement) -> Finding:
    """Looks for an action you can see (say, point, walk, write, choose…) and a place or people
    (in class, at home, with two friends). Passes with both and no vague verbs. Warns when the
    place or people are missing, or vague verbs (understand, improve, develop, be aware, access,
    engage, make progress, know) sit beside an action. Fails with no action you can see.

    A specific outcome says exactly what the child will do and where, so everyone works on the
    same thing and the child can see it happen.
    """
    text = statement.masked
    vague = [Span(m.start(), m.end()) for m in VAGUE_RE.finditer(text)]
    actions = [Span(m.start(), m.end()) for m in OBSERVABLE_RE.finditer(text)]
    contexts = statement.contexts
    if not actions:
        if vague:
            return finding(
                "specific",
                Status.FAIL,
                f"{quote(statement.text, vague[0])} is hard to see or check. Say what "
                "the child will do.",
                spans=tuple(vague),
                suggestion=_vague_suggestion(statement, vague),
            )
        return finding(
            "specific",
            Status.FAIL,
            "This does not say what the child will do. Use a doing word you can see, "
            "like “say”, “point to”, “walk” or “choose”.",
            suggestion="Say what the child will do, where, and with whom.",
        )
    if vague:
        return finding(
            "specific",
            Status.WARN,
            f"{quote(statement.text, vague[0])} is hard to see or check.",
            spans=tuple(vague),
            suggestion=_vague_suggestion(statement, vague),
        )
    if not contexts:
        return finding(
            "specific",
            Status.WARN,
            f"It says what: {quote(statement.text, actions[0])}, but not where or with whom.",
            spans=tuple(actions),
            suggestion=CONTEXT_EXAMPLE,
        )
    return finding(
        "specific",
        Status.PASS,
        f"It says what ({quote(statement.text, actions[0])}) and where or with whom "
        f"({quote(statement.text, contexts[0])}).",
        spans=(actions[0], contexts[0]),
    )


@rule("person_centred")
def check_person_centred(statement: Statement) -> Finding:
    """Passes when the child speaks ("I will…"). Warns when the child is the subject in the third
    person ("Amil will…", "she will…") or nobody is named. Fails on service-led wording ("to
    receive", "staff will", "SALT to provide", "will be given", "to be offered", "to access")
    unless the child also speaks, when it warns.

    The Code of Practice says an outcome should be personal, not written from the service's point
    of view. Both guides ask for the child's own words, in the first person, where possible.
    """
    lower = statement.lower
    service = [Span(m.start(), m.end()) for m in SERVICE_LED_RE.finditer(lower)]
    first = FIRST_PERSON_SUBJECT_RE.search(lower)
    if service:
        status = Status.WARN if first else Status.FAIL
        return finding(
            "person_centred",
            status,
            f"{quote(statement.text, service[0])} is about what adults or services "
            "do, not what the child will do.",
            spans=tuple(service),
            suggestion="Say what the child will do: “I will …”. Put the help in the "
            "provision part of the plan.",
        )
    if first:
        return finding(
            "person_centred",
            Status.PASS,
            "It is in the child's own voice (“I …”).",
            spans=(Span(first.start(), first.end()),),
        )
    names = statement.name_spans
    third = THIRD_PERSON_RE.search(lower)
    span = names[0] if names else None
    if span is None and third is not None:
        span = Span(third.start(), third.end())
    if span is not None:
        return finding(
            "person_centred",
            Status.WARN,
            f"It is about the child ({quote(statement.text, span)}), but not in their own voice.",
            spans=(span,),
            suggestion=FIRST_PERSON_EXAMPLE,
        )
    return finding(
        "person_centred",
        Status.WARN,
        "It does not say who will do this.",
        suggestion=FIRST_PERSON_EXAMPLE,
    )
