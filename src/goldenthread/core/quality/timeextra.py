"""Time phrases found in real plans that the main table missed (issue 15's list).

"by the end of the next key stage", "by next summer", "by Xmas 2015", "By July 16" (2016),
"By 12/2014", "By [date]" (a template placeholder), "over a 2 week period", "ready for his move
to secondary school"; from the corpus's dev split: "By (IEP end date)", "by the end of the
semester", "after graduation" / "after high school", "within a couple of weeks", "from Year 9".
Each is (pattern, resolver) in the same shape as timephrases._PATTERNS.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from goldenthread.core.quality.timeresolvers import _MONTHS as MONTHS
from goldenthread.core.quality.timeresolvers import MONTH, NUM, Resolved, When, to_number

NEXT_KEY_STAGE_NOTE = "The end of the next key stage: add the date of birth to work out the date."
PLACEHOLDER_NOTE = "This is a placeholder for a date: put in the real date."
PHASE_MOVE_NOTE = "The move to the next school or college: check the date."
LEAVING_NOTE = "Leaving school or college: check the date."
SEMESTER_NOTE = "The end of a semester: put in the date."
FROM_YEAR_NOTE = "This says when it starts: say by when it should be done."


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1) + relativedelta(months=1, days=-1)


def next_key_stage(m: re.Match[str], when: When) -> Resolved:
    return "key_stage", None, NEXT_KEY_STAGE_NOTE


def next_summer(m: re.Match[str], when: When) -> Resolved:
    year = when.today.year + (1 if when.today.month >= 6 else 0)
    return "term", dt.date(year, 7, 31), ""


def christmas_year(m: re.Match[str], when: When) -> Resolved:
    return "date", dt.date(int(m.group(1)), 12, 25), ""


def month_short_year(m: re.Match[str], when: When) -> Resolved:
    """ "By July 16": the end of July 2016 (a two-digit year after a month name)."""
    month = MONTHS[m.group(1).rstrip(".")]
    return "date", _month_end(2000 + int(m.group(2)), month), ""


def month_slash_year(m: re.Match[str], when: When) -> Resolved:
    month, year = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12:
        return "date", None, "This date does not exist. Check the month."
    return "date", _month_end(year, month), ""


def placeholder(m: re.Match[str], when: When) -> Resolved:
    return "date", None, PLACEHOLDER_NOTE


def _after(when: When, count: int, unit: str) -> Resolved:
    """A duration of ``count`` days, weeks or months from today."""
    step = {"day": relativedelta(days=count), "week": relativedelta(weeks=count)}.get(
        unit, relativedelta(months=count)
    )
    return "duration", when.today + step, ""


def period(m: re.Match[str], when: When) -> Resolved:
    return _after(when, to_number(m.group(1)), m.group(2))


def phase_move(m: re.Match[str], when: When) -> Resolved:
    return "year_group", None, PHASE_MOVE_NOTE


def leaving(m: re.Match[str], when: When) -> Resolved:
    return "year_group", None, LEAVING_NOTE


def semester(m: re.Match[str], when: When) -> Resolved:
    return "term", None, SEMESTER_NOTE


def couple(m: re.Match[str], when: When) -> Resolved:
    return _after(when, 2, m.group(1))


def from_year(m: re.Match[str], when: When) -> Resolved:
    return "year_group", None, FROM_YEAR_NOTE


_DATE_WORDS = r"(?:date|when|end|day|week|month|year|review|term|time|deadline)s?\b"

EXTRA_PATTERNS = (
    (r"\bby\s+(?:the\s+)?end\s+of\s+(?:the\s+)?next\s+key\s+stage\b", next_key_stage),
    (r"\bby\s+next\s+summer\b", next_summer),
    (r"\b(?:by|before)\s+(?:xmas|christmas)\s+(20\d{2})\b", christmas_year),
    (r"\bby\s+" + MONTH + r"\s+(\d{2})\b(?!\s*(?:st|nd|rd|th)|\d)", month_short_year),
    (r"\bby\s+(\d{1,2})\s*/\s*(20\d{2})\b", month_slash_year),
    # "By [date]", "By (IEP end date)": a placeholder in brackets that names a date or an end
    # (not "measured by [assessment method]").
    (r"\bby\s+\[(?=[^\]]{0,40}\b" + _DATE_WORDS + r")[^\]]{1,40}\]", placeholder),
    (r"\bby\s+\((?=[^)]{0,40}\b" + _DATE_WORDS + r")[^)]{1,40}\)", placeholder),
    (r"\bby\s+the\s+end\s+of\s+(?:the\s+|this\s+|next\s+)?semester\b", semester),
    (
        r"\b(?:after|upon|on|before|prior\s+to)\s+(?:graduation|graduating|leaving\s+(?:school|"
        r"college|sixth\s+form)|(?:high|secondary)\s+school\b(?!\s+(?:staff|teachers?|will)))",
        leaving,
    ),
    (r"\bwithin\s+a\s+couple\s+of\s+(day|week|month)s\b", couple),
    (
        r"\bfrom\s+(?:year|yr)\s*(?:[1-9]|1[0-4])\b(?=\s*(?:$|[,.;:)]|onwards|upwards|until|to\s+y))",
        from_year,
    ),
    (r"\bover\s+(?:a|an|the)\s+" + NUM + r"[\s-]+(day|week|month)s?\s+period\b", period),
    (
        r"\b(?:ready\s+for|before|by)\s+(?:my|his|her|their|the)\s+(?:move|transition|transfer)\s+"
        r"(?:in)?to\s+(?:secondary|high|upper|middle)\s+school\b",
        phase_move,
    ),
)
