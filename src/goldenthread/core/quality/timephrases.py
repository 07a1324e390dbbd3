"""Find the time phrase in a statement ("by the end of Year 3", "when I'm 14", "in 6 months")
and resolve it to a date with the child's date of birth and the English school calendar.

Decisions (documented in the rule catalogue):

- "by the time I'm in Year 6", "by Year 6" and "by the end of Year 6" all mean the end of Year 6.
- "by the end of the year" and "this year" mean the end of the school year (31 July by default).
- "when I leave school": the end of compulsory school age (last Friday in June of the school year
  in which the child turns 16), or the end of Year 13 if the child is already in Year 12 or over,
  or if the statement says college or sixth form.
- An age range "by 19/20" takes the later age. "by my next review" is taken as 12 months.
- A month with no day ("by July 2027") means the last day of that month.
"""

from __future__ import annotations

import re

from goldenthread.core.quality.fastre import FastPattern, KeyIndex
from goldenthread.core.quality.timeextra import EXTRA_PATTERNS
from goldenthread.core.quality.timeresolvers import (
    MONTH,
    NUM,
    ORDINAL,
    WHO,
    WHO_VERB,
    YEAR_GROUP,
    Resolver,
    TimePhrase,
    When,
    academic_year,
    age,
    before_year_n,
    calendar_year,
    day_month_year,
    duration,
    end_of_early_years,
    end_of_year_n,
    festival,
    full_date,
    iso_date,
    key_stage,
    leave_school,
    month_only,
    month_year,
    named_term,
    review,
    school_phase,
    school_year,
    season_year,
    start_school,
    term,
    vague,
)

_BY = r"(?:(?:by|before|at|until|for)\s+)?(?:the\s+)?"
_AGE_TAIL = r"(?:\s*(?:/|-|–|or|to)\s*" + NUM + r")?(?:\s+years?(?:\s+old)?)?\b"
_UNITS = r"(day|week|month|term|year)s?(?:'s?|’s?)?(?:\s+time)?\b"

# (pattern, resolver). All are searched; the earliest match wins, then the longest.
# What the date patterns need to find somewhere (their resolvers read these digits).
_DIGIT_GATES: dict[Resolver, str] = {
    full_date: r"\d[/.-]\d",
    iso_date: r"\d-\d",
    day_month_year: r"\d\d\d\d",
    month_year: r"\d\d\d\d",
    season_year: r"\d\d\d\d",
}


def _gate(pattern: str, resolver: Resolver) -> str | None:
    """What must be in the text for ``pattern`` to match, as a pattern that ``re`` finds fast:
    the pattern without its optional "by the" lead, or, for dates, digits in the right shape."""
    if pattern.startswith(_BY):
        return pattern[len(_BY) :]
    return _DIGIT_GATES.get(resolver)


# Each pattern is only run when the words it needs are in the statement (see fastre).
_PATTERNS: tuple[tuple[FastPattern, Resolver], ...] = tuple(
    (FastPattern(pattern, gate=_gate(pattern, resolver)), resolver)
    for pattern, resolver in (
        (
            _BY + r"end\s+of\s+(?:the\s+)?(?:summer\s+term\s+(?:of|in)\s+)?" + YEAR_GROUP,
            end_of_year_n,
        ),
        (
            r"\b(?:by|when|before|once)\s+(?:the\s+time\s+)?" + WHO + r"\s+in\s+" + YEAR_GROUP,
            end_of_year_n,
        ),
        (r"\bby\s+" + YEAR_GROUP, end_of_year_n),
        (
            r"\b(?:before|when|once)\s+" + WHO_VERB + r"\s+(?:start|starts|move|moves|go|goes|"
            r"transfer|transfers)\s+(?:up\s+)?(?:in)?to\s+" + YEAR_GROUP,
            before_year_n,
        ),
        (
            _BY + r"end\s+of\s+(?:the\s+|my\s+)?(reception|nursery)(?:\s+year)?\b",
            end_of_early_years,
        ),
        (
            r"\b(?:(?:before|when|once)\s+" + WHO_VERB + r"\s+(start|starts|move|moves|go|goes|"
            r"transfer|transfers)(?:\s+up)?(?:\s+(?:in)?to)?|end\s+of|(?:when|before)\s+"
            + WHO_VERB
            + r"\s+(?:leave|leaves|finish|finishes))\s+(?:my\s+|his\s+|her\s+|their\s+|the\s+)?"
            r"(infant|junior|primary|secondary)(?:\s+school)?\b",
            school_phase,
        ),
        (
            r"\b(?:before|when|once)\s+"
            + WHO_VERB
            + r"\s+(?:start|starts)\s+(?:school|reception)\b",
            start_school,
        ),
        (
            _BY
            + r"end\s+of\s+(?:the\s+)?(?:key\s+stage\s*(\d)|ks\s?(\d)|(?:the\s+)?(?:eyfs|early\s+"
            r"years\s+foundation\s+stage|foundation\s+stage))\b",
            key_stage,
        ),
        (
            r"\b(?:by\s+the\s+time|when|once|before|by\s+when)\s+(?:"
            + WHO
            + r"|"
            + WHO_VERB
            + r"\s+(?:turn|turns|reach|reaches))\s+"
            + NUM
            + _AGE_TAIL,
            age,
        ),
        (r"\b(?:by|before|at|from)\s+(?:the\s+)?age\s+(?:of\s+)?" + NUM + _AGE_TAIL, age),
        (r"\bby\s+(\d{1,2})\s*/\s*(\d{1,2})\b(?!\s*/)", age),
        (r"\b(?:by|before)\s+(?:my|his|her|their|[a-z]+'s)\s+" + ORDINAL + r"\s+birthday", age),
        (
            r"\b(?:when|before|by\s+the\s+time)\s+" + WHO_VERB + r"\s+(?:leave|leaves|finish|"
            r"finishes)\s+(school|college|sixth\s+form)\b",
            leave_school,
        ),
        (
            _BY
            + r"end\s+of\s+(this\s+|the\s+|next\s+|the\s+next\s+|the\s+current\s+)?(?:school\s+)?"
            r"(?:(autumn|spring|summer)\s+)?(half[\s-]?)?term\b(?!\s+(?:of\s+)?\d{4})",
            term,
        ),
        (r"\b(this|next)\s+(?:(autumn|spring|summer)\s+)?(half[\s-]?)?term\b", term),
        (r"\bby\s+()()(half[\s-]?term)\b", term),
        (
            r"\bby\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(autumn|spring|summer)\b(?!\s+(?:term\s+)?"
            r"(?:of\s+)?\d)",
            named_term,
        ),
        (
            _BY + r"end\s+of\s+(?:this|the|next|the\s+next|the\s+current|my|the\s+school)?\s*"
            r"(?:school\s+|academic\s+)?year\b(?!\s?\d)",
            school_year,
        ),
        (r"\b(?:this|next)\s+(?:school\s+|academic\s+)year\b", school_year),
        (
            # not "in terms of", "later in the day"
            r"(?<!times\s)(?<!once\s)(?<!twice\s)(?<!later\s)\b(?:in|within|over|for)\s+"
            r"(?!terms\s+of\b)(?:the\s+)?(?:next\s+|coming\s+)?(?:"
            + NUM
            + r"\s+|an?\s+|one\s+)?"
            + _UNITS,
            duration,
        ),
        (r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b", full_date),
        (r"\b(\d{4})-(\d{2})-(\d{2})\b", iso_date),
        (r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH + r",?\s+(\d{4})\b", day_month_year),
        (
            r"\b(by|in|before|until|end\s+of)\s+(?:the\s+end\s+of\s+)?" + MONTH + r",?\s+(\d{4})\b",
            month_year,
        ),
        (r"\bby\s+(?:the\s+end\s+of\s+)?" + MONTH + r"(?!\s*,?\s*\d)\b", month_only),
        (
            r"\b(?:by|in|before|end\s+of)\s+(?:the\s+)?(summer|spring|autumn|winter)(?:\s+term)?\s+"
            r"(?:of\s+)?(\d{4})\b",
            season_year,
        ),
        (
            r"\b(?:by|in|during|end\s+of)\s+(?:the\s+)?(?:end\s+of\s+)?(?:the\s+)?(?:academic\s+|school"
            r"\s+)?(?:year\s+)?(20\d{2})\s?[/-]\s?(?:20)?\d{2}\b",
            academic_year,
        ),
        (r"\b(?:by|in|before|end\s+of)\s+(?:the\s+end\s+of\s+)?(20\d{2})\b", calendar_year),
        (
            r"\b(?:by|before)\s+(?:the\s+)?(christmas|easter)(?:\s+holidays?)?(?:\s+(20\d{2}))?\b",
            festival,
        ),
        (r"\b(?:by|at|before)\s+(?:my|his|her|their|the)\s+next\s+(?:annual\s+)?review\b", review),
        (
            r"\b(?:one\s+day|some\s*day|in\s+(?:the\s+)?future|eventually|soon|in\s+time|over\s+time|"
            r"at\s+some\s+point|in\s+the\s+long\s+(?:term|run)|in\s+adult\s+life|in\s+adulthood|as\s+an"
            r"\s+adult|when\s+" + WHO + r"\s+(?:older|an\s+adult|a\s+grown[\s-]?up|grown[\s-]?up|"
            r"bigger|big)|when\s+(?:i|he|she|they)\s+grows?\s+up|later\s+in\s+life)\b",
            vague,
        ),
    )
)
_PATTERNS += tuple((FastPattern(pattern), resolver) for pattern, resolver in EXTRA_PATTERNS)
_INDEX = KeyIndex([pattern for pattern, _ in _PATTERNS])
_QUICK = re.compile(
    r"\d|year|term|age|when|by|before|in |within|over|christmas|easter|one day|some|soon|time|"
    r"future|adult|grow|later|next|this|xmas|period|move|transition|transfer|\[|graduat|leaving|"
    r"after|upon|prior|semester|couple|following|exiting|review|monitored|during|"
    r"throughout|while|between|complet|end of|week|month"
)


def find_time_phrase(text: str, when: When, *, lowered: str | None = None) -> TimePhrase | None:
    """The statement's time phrase: the earliest definite one, else a vague one, else None."""
    lower = lowered if lowered is not None else text.lower()
    if not _QUICK.search(lower):
        return None
    best: tuple[tuple[int, int, int], re.Match[str], Resolver] | None = None
    for index in _INDEX.candidates(lower):  # one scan for every pattern's keys (speed)
        pattern, resolver = _PATTERNS[index]
        if best is not None and resolver is vague:
            continue  # a definite phrase found already beats any vague one (speed)
        match = pattern.search_known(lower)  # KeyIndex has checked its keys
        if match is None:
            continue
        rank = (0 if resolver is not vague else 1, match.start(), -match.end())
        if best is None or rank < best[0]:
            best = (rank, match, resolver)
    if best is None:
        return None
    _, match, resolver = best
    category, due, note = resolver(match, when)
    return TimePhrase(
        start=match.start(),
        end=match.end(),
        category=category,
        due=due,
        note=note,
        vague=category == "vague",
        approximate=category == "review",
    )
