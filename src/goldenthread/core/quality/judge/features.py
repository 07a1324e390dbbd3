"""Features from the rule detectors, and what the rules alone say for each rubric field.

The learned heads see the sentence embedding plus these: the rules' kind, every criterion's
status, and counts from the detectors (time phrase, measures, provision cues, places, names,
first person, service-led wording, jargon, length). The rules' own reading of each field is
kept too, so a disagreement with the model can be shown as "worth a second look".
"""

from __future__ import annotations

import re

import numpy as np
import numpy.typing as npt

from goldenthread.core.quality.fastre import FastPattern
from goldenthread.core.quality.lexicon import FIRST_PERSON_RE
from goldenthread.core.quality.model import Finding, Kind, Status
from goldenthread.core.quality.rules_plain import (
    CAPITALS_RE,
    SPELLED_OUT_RE,
    jargon_hard,
    jargon_in,
)
from goldenthread.core.quality.statement import Statement

FloatArray = npt.NDArray[np.float32]

RULE_CRITERIA = (
    "specific",
    "measurable",
    "achievable",
    "realistic",
    "time_bound",
    "person_centred",
    "outcome_not_provision",
    "not_aspiration",
    "plain_language",
)
_STATUSES = (Status.PASS, Status.WARN, Status.FAIL)
_KINDS = tuple(Kind)


class _Caseless:
    """A case-blind pattern, run fast where that is exact.

    On ASCII text, ignoring case is the same as matching the lower-case pattern on the
    lower-cased text (same length, same places): there the pattern runs as a
    :class:`FastPattern`, which gives up at once when none of its words is in the text. Other
    text (where ``lower()`` may change lengths, and case folding has special cases) is
    matched by the case-blind pattern itself."""

    __slots__ = ("fast", "regex")

    def __init__(self, source: str) -> None:
        if source != source.lower():
            raise ValueError("write the pattern in lower case")
        self.regex = re.compile(source, re.IGNORECASE)
        self.fast = FastPattern(source, key_limit=32)

    def search(self, statement: Statement) -> bool:
        if statement.text.isascii():
            return self.fast.search(statement.lower) is not None
        return self.regex.search(statement.text) is not None

    def count(self, statement: Statement) -> int:
        if statement.text.isascii():
            return sum(1 for _ in self.fast.finditer(statement.lower))
        return len(self.regex.findall(statement.text))


_SERVICE = _Caseless(
    r"\b(?:staff|adults?|teachers?|ta|therapists?|school|setting|college|parents?|carers?)\s+"
    r"(?:will|to|should|must)\b|\bwill (?:be given|receive|have access|be supported|be provided)"
    r"|\b(?:access to|support (?:from|with|to)|sessions?|weekly|daily|programme|groups?)\b"
)
_ABLE = _Caseless(r"\b(?:can|is able to|are able to|has (?:developed|learned|learnt))\b")
_WILL = _Caseless(r"\bwill\b")
_GERUND_START_RE = re.compile(r"^\s*(?:to\s+)?[a-z]+ing\b", re.IGNORECASE)
_TO_START_RE = re.compile(r"^\s*(?:for \w+ )?to\s", re.IGNORECASE)
_DIGIT_RE = re.compile(r"\d")
# Short runs of capitals ("LSA", "C/YP") and ones spelled out in brackets, as the plain-words rule
# finds them; the model was trained with this shorter list of everyday ones.
_CAPITALS_COMMON = frozenset({"I", "OK", "TV", "UK", "AM", "PM", "PE"})
_HOPE = _Caseless(r"\b(?:want|wants|would like|hope|dream|wish|one day|when i'?m older)\b")
_NEED = _Caseless(
    r"\b(?:finds? it (?:hard|difficult)|struggles?|difficult(?:y|ies)|delay|needs? (?:help|support)"
    r"|has (?:a )?(?:diagnosis|significant)|is not yet|cannot|can't|unable)\b"
)

FEATURE_NAMES: tuple[str, ...] = (
    *(f"rule_kind_{kind.value}" for kind in _KINDS),
    "rule_kind_confidence",
    *(f"{name}_{status.value}" for name in RULE_CRITERIA for status in _STATUSES),
    "time_phrase",
    "time_due_known",
    "time_within_term",
    "strong_measures",
    "weak_measures",
    "provision_cues",
    "places",
    "names",
    "first_person",
    "service_led",
    "able_now",
    "will",
    "gerund_start",
    "to_start",
    "digits",
    "hope_words",
    "need_words",
    "jargon",
    "words",
    "capitals",
    "capitals_spelled_out",
)


def rule_features(statement: Statement, criteria: dict[str, Finding]) -> FloatArray:
    """One row of rule-detector features for ``statement`` (see FEATURE_NAMES)."""
    text = statement.text
    row: list[float] = [1.0 if statement.kind is kind else 0.0 for kind in _KINDS]
    row.append(statement.kind_confidence)
    for name in RULE_CRITERIA:
        status = criteria[name].status
        row.extend(1.0 if status is value else 0.0 for value in _STATUSES)
    horizon = statement.horizon_days
    row += [
        float(statement.time is not None),
        float(statement.time is not None and statement.time.due is not None),
        float(horizon is not None and horizon <= 120),
        min(len(statement.strong_measures), 3) / 3,
        min(len(statement.weak_measures), 3) / 3,
        min(len(statement.provision_cues), 3) / 3,
        min(len(statement.contexts), 3) / 3,
        float(bool(statement.name_spans)),
        min(sum(1 for _ in FIRST_PERSON_RE.finditer(statement.lower)), 3) / 3,
        min(_SERVICE.count(statement), 3) / 3,
        float(_ABLE.search(statement)),
        float(_WILL.search(statement)),
        float(bool(_GERUND_START_RE.match(text))),
        float(bool(_TO_START_RE.match(text))),
        float(bool(_DIGIT_RE.search(statement.masked))),
        float(_HOPE.search(statement)),
        float(_NEED.search(statement)),
        # Every listed word, everyday ones too, as the shipped model was trained (ADR 0054).
        min(len(jargon_in(text, statement.lower)), 3) / 3,
        min(len(text.split()), 60) / 60,
        min(_capitals(text), 3) / 3,
        float(SPELLED_OUT_RE.search(text) is not None),
    ]
    return np.asarray(row, dtype=np.float32)


def _capitals(text: str) -> int:
    """Runs of capitals that are not everyday words ("I", "TV"); 0 for shouted text."""
    if text.isupper():
        return 0
    return sum(
        1 for m in CAPITALS_RE.finditer(text) if m.group(0).rstrip("s") not in _CAPITALS_COMMON
    )


def rule_reading(
    statement: Statement, criteria: dict[str, Finding], smart: bool
) -> dict[str, object]:
    """What the rules alone say for each boolean rubric field, and the kind."""

    def passes(name: str) -> bool:
        return criteria[name].status is Status.PASS

    def not_failed(name: str) -> bool:
        return criteria[name].status is not Status.FAIL

    return {
        "kind": statement.kind.value,
        # "one day", "soon", "in the future" do not count (the rubric's has_when)
        "has_when": statement.time is not None and not statement.time.vague,
        "measurable": passes("measurable"),
        "specific": passes("specific"),
        "about_child": not_failed("person_centred") and statement.kind is not Kind.PROVISION,
        "first_person": in_childs_voice(statement.text, statement.lower),
        "not_provision": statement.kind is not Kind.PROVISION,
        "plain": not_failed("plain_language") and not jargon_hard(statement.text, statement.lower),
        "smart": smart,
    }


# A quotation inside a statement ("use prompts such as 'I wonder…'", a script for staff): its
# "I" is not the child's voice. Straight single quotes open only where no letter is before them
# (not the apostrophe of "don't").
_QUOTED_RE = re.compile(
    r"“[^”]{1,300}”|\"[^\"]{1,300}\"|‘[^’]{1,300}’(?!\w)|(?<!\w)'[^']{1,300}'(?!\w)"
)
# A parent speaking of their child ("I need my children to…", "I would like my son to…").
_PARENT_VOICE_RE = re.compile(
    r"\bmy\s+(?:\w+\s+)?(?:son|daughter|child|children|kids?|boy|girl|grandson|granddaughter|"
    r"twins?|sons|daughters)\b"
)
_I_E_RE = re.compile(r"\bi\.\s?e\b")  # "i.e.", not "I"
# Words outside any quotation that make the rest of the statement more than a quotation.
MIN_WORDS_OUTSIDE_QUOTES = 3


def in_childs_voice(text: str, lower: str) -> bool:
    """Whether the statement is written as the child or young person (the rubric's
    ``first_person``): "I", "me" or "my", but not inside a quotation within the statement, not a
    parent writing of "my son", not "i.e." and not the charity I CAN."""
    if FIRST_PERSON_RE.search(lower) is None:
        return False
    if _PARENT_VOICE_RE.search(lower):
        return False
    if "i.e" in lower or "i. e" in lower:
        lower = _I_E_RE.sub(lambda m: " " * len(m.group(0)), lower)
    if "I CAN" in text:
        lower = lower.replace("i can", "x xxx")
    if any(mark in text for mark in "“\"‘'"):
        outside = _QUOTED_RE.sub(lambda m: " " * len(m.group(0)), lower)
        if len(outside.split()) >= MIN_WORDS_OUTSIDE_QUOTES:
            lower = outside
    return FIRST_PERSON_RE.search(lower) is not None
