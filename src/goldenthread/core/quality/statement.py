"""A statement read once: lower-cased text, its time phrase, measures and kind, shared by rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from goldenthread.core import calendar as cal
from goldenthread.core.quality.fastre import FastPattern
from goldenthread.core.quality.kinds import classify_kind, find_cues
from goldenthread.core.quality.lexicon import (
    CONTEXT_RE,
    MEASURE_STRONG_RE,
    MEASURE_WEAK_RE,
    NAME_SUBJECT_RE,
    NOT_NAMES,
)
from goldenthread.core.quality.model import Kind, Span, StatementContext
from goldenthread.core.quality.timephrases import find_time_phrase
from goldenthread.core.quality.timeresolvers import TimePhrase, When


@dataclass(frozen=True, slots=True)
class Statement:
    """What every rule needs to know about one statement, worked out once."""

    text: str
    lower: str
    masked: str  # lower-cased, with the time phrase blanked out (so "Year 3" is not a measure)
    context: StatementContext
    time: TimePhrase | None
    strong_measures: tuple[Span, ...]
    weak_measures: tuple[Span, ...]
    kind: Kind
    kind_confidence: float
    terms: cal.TermDates | None = None
    provision_cues: tuple[int, ...] = ()  # indexes into kinds.PROVISION_CUES found in ``masked``
    contexts: tuple[Span, ...] = ()  # places and people ("in class"), found in ``masked``
    name_spans: tuple[Span, ...] = ()  # names as the subject ("Amil will"), found in ``text``

    @property
    def today(self) -> dt.date:
        return self.context.today

    @property
    def horizon_days(self) -> int | None:
        """Days from today to the due date, if there is one."""
        if self.time is None or self.time.due is None:
            return None
        return (self.time.due - self.context.today).days


def _spans(pattern: FastPattern, text: str) -> tuple[Span, ...]:
    return tuple(Span(m.start(), m.end()) for m in pattern.finditer(text))


def read_statement(
    text: str, context: StatementContext, terms: cal.TermDates | None = None
) -> Statement:
    """Read a statement once for all the rules."""
    lower = text.lower()
    time = find_time_phrase(text, When(context.today, context.date_of_birth, terms), lowered=lower)
    masked = lower
    if time is not None:
        masked = lower[: time.start] + " " * (time.end - time.start) + lower[time.end :]
    strong = _spans(MEASURE_STRONG_RE, masked)
    weak = _spans(MEASURE_WEAK_RE, masked)
    horizon = None if time is None or time.due is None else (time.due - context.today).days
    cues = find_cues(masked)  # ``masked`` is ``lower`` when there is no time phrase
    kind, confidence = classify_kind(
        masked,
        time_category=None if time is None else time.category,
        horizon_days=horizon,
        has_measure=bool(strong or weak),
        cues=cues,
    )
    return Statement(
        text=text,
        lower=lower,
        masked=masked,
        context=context,
        time=time,
        strong_measures=strong,
        weak_measures=weak,
        kind=kind,
        kind_confidence=confidence,
        terms=terms,
        provision_cues=cues[0],
        contexts=_spans(CONTEXT_RE, masked),
        name_spans=tuple(
            Span(m.start(1), m.end(1))
            for m in NAME_SUBJECT_RE.finditer(text)
            if m.group(1) not in NOT_NAMES
        ),
    )
