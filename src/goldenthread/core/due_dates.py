"""Warnings (not refusals) about an outcome's or step's due date (issue 16).

A due date outside the child's life (before birth, after their 25th birthday) is refused by
``core.record_rules``. These two are only warned about, because each can be right:

- the due date has already passed. Reason: an outcome still being worked on needs a date to
  come, or every "overdue" list is wrong; but a plan may be typed up after the event, or an
  outcome recorded as met, so the person may save it anyway.
- the words and the due date disagree: the words say "by the end of Year 6", "by July 2027" or
  "within 6 months", and the due date box says something else. Reason: families read the
  words, the lists read the box; both should say the same. The words are read by the quality
  engine's time phrases (``core.quality.timephrases``), with the child's date of birth and the
  school calendar. They agree when the two dates are at most ``AGREE_WITHIN`` apart (a month
  with no day means its last day; "the end of Year 6" is the end of that school year, and a date
  a few days either side is the same intention). "By my next review" and vague words ("one day")
  are not compared. A duration ("within 6 months") counts from ``written_on``: the day the
  outcome was first written, so it does not drift as time passes.
"""

from __future__ import annotations

import datetime as dt

from goldenthread.core.quality.timephrases import find_time_phrase
from goldenthread.core.quality.timeresolvers import When

AGREE_WITHIN = dt.timedelta(days=31)

DUE_PASSED = (
    "The due date, {due}, has already passed. Check it is right: an outcome still being worked "
    "on needs a date to come"
)
WORDS_DISAGREE = (
    "The words say \u201c{phrase}\u201d ({in_words}) but the due date is {due}. Change one so "
    "they agree: families read the words"
)


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def words_due_date(
    text: str, *, born: dt.date | None, written_on: dt.date
) -> tuple[str, dt.date] | None:
    """The time phrase in ``text`` and the date it means, or None (no phrase, or one that has no
    definite date)."""
    phrase = find_time_phrase(text, When(today=written_on, dob=born))
    if phrase is None or phrase.due is None or phrase.vague or phrase.approximate:
        return None
    return text[phrase.start : phrase.end].strip(), phrase.due


def due_date_warnings(
    text: str,
    due: dt.date | None,
    *,
    born: dt.date | None,
    today: dt.date,
    written_on: dt.date | None = None,
    finished: bool = False,
) -> list[str]:
    """What to warn about a due date ``due`` for the words ``text``: empty when nothing.
    ``finished``: the outcome is recorded as achieved (or closed), so a past date is expected."""
    if due is None:
        return []
    found = []
    if due < today and not finished:
        found.append(DUE_PASSED.format(due=_day(due)))
    meant = words_due_date(text or "", born=born, written_on=written_on or today)
    if meant is not None and abs(meant[1] - due) > AGREE_WITHIN:
        phrase, in_words = meant
        found.append(WORDS_DISAGREE.format(phrase=phrase, in_words=_day(in_words), due=_day(due)))
    return found
