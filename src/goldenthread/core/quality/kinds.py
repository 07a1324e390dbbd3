"""Which of the five kinds a statement is: aspiration, need, target, provision or outcome.

Waltham Forest's chart: an aspiration is a whole-life hope; a need is what makes things hard
(not a diagnosis); a target is a short step ("learn to…", "by the end of term"); provision is
the help given (sessions, hours, programmes, staff); an outcome is the difference for the child,
time-bound to a phase, key stage, age or date.

Each kind has weighted cue patterns. Scores are summed with a prior and turned into a
confidence with a softmax. Deterministic: the same text and context always give the same kind.
"""

from __future__ import annotations

import math
import re

from goldenthread.core.quality.model import Kind

SOFTMAX_TEMPERATURE = 1.0
PRIORS: dict[Kind, float] = {
    Kind.OUTCOME: 0.6,
    Kind.TARGET: 0.0,
    Kind.ASPIRATION: 0.2,
    Kind.NEED: 0.0,
    Kind.PROVISION: 0.0,
}
SHORT_HORIZON_DAYS = 135  # about one term and a bit: a step, not an end-of-phase outcome


def _cues(*pairs: tuple[str, float]) -> tuple[tuple[re.Pattern[str], float], ...]:
    return tuple((re.compile(pattern), weight) for pattern, weight in pairs)


PROVISION_CUES = _cues(
    (r"\b(?:sessions?|lessons?)\s+(?:a|per|each|every)\s+(?:day|week|term)\b", 2.5),
    (r"\b\d+\s*(?:minutes?|mins?|hours?|hrs?)\s+(?:a|per|each|every)\s+"
     r"(?:day|week|term|month)", 2.5),
    (r"\b(?:\d+|one|two|three|four|five)\s+(?:sessions?|hours?)\b", 1.5),
    (r"\bsessions?\b", 1.0),
    (r"\bprogramme\b|\bprogram\b(?!s)", 1.5),
    (r"\b1:1\b|\bone[- ]to[- ]one\b|\bsmall[- ]group\s+(?:work|teaching|intervention)", 1.2),
    (r"\bdelivered\s+by\b|\bcarried\s+out\s+by\b|\bled\s+by\b|\bprovided\s+by\b|\brun\s+by\b", 2.5),
    (r"\b(?:staff|adults?|teachers?|practitioners?|ta|lsa|key\s+workers?)\s+(?:modelling|to\s+"
     r"model|will\s+model|to\s+provide|will\s+provide|to\s+deliver|will\s+deliver|to\s+support|"
     r"will\s+support)\b", 2.5),
    (r"\b(?:speech\s+and\s+language|occupational|physio|play|music|equine|art)\s*therapy\b", 1.2),
    (r"\btherapy\b|\btherapist\b|\bsalt\b|\bslt\b", 0.8),
    (r"\b(?:ta|lsa|teaching\s+assistant|learning\s+mentor|job\s+coach|signer)\s+support\b", 2.0),
    (r"\bsupport\s+(?:from|of)\b|\bwith\s+\w+\s+signer\s+support\b", 1.2),
    (r"\btraining\s+(?:for\s+)?(?:key\s+)?(?:staff|adults|parents)\b|\bstaff\s+training\b", 2.5),
    (r"\bequipment\b|\baids?\s+(?:to|for)\b|\bresources?\b", 1.0),
    (r"\battend\s+\w+(?:\s+\w+)?\s+club\s+\d+\s+(?:mornings?|afternoons?|days?)", 2.5),
    (r"\b\d+\s+(?:mornings?|afternoons?|days?)\s+(?:a|per)\s+week\b", 1.5),
    (r"\bwork\s+experience\s+for\b|\bcourse\b|\bcurriculum\b|\bsocial\s+stor(?:y|ies)\b", 1.2),
    (r"\bpicture\s+cues\b|\bvisual\s+(?:aids|supports?|timetable)\b|\bmodelling\b", 1.0),
    (r"\b(?:to|will)\s+(?:be\s+)?(?:receive|provided|offered|given|available)\b", 2.0),
    (r"\b(?:to|will)\s+(?:have\s+)?access\s+to\b", 1.5),
    (r"\bweekly\b|\bdaily\b|\btermly\b", 0.4),
    (r"\b(?:monitored|reviewed|developed)\s+by\b", 1.5),
    (r"^\s*(?:a|an)\s+\w+", 0.3),
)
NEED_CUES = _cues(
    (r"\bdifficult(?:y|ies)\b", 2.0),
    (r"\bdelay(?:ed)?\b", 2.0),
    (r"\bimpair(?:ment|ed)\b", 2.0),
    (r"\bnon[- ]?verbal\b", 2.0),
    (r"\bstruggles?\b|\bstruggling\b", 1.8),
    (r"\bfinds?\s+it\s+(?:hard|difficult|tricky)\b", 2.2),
    (r"\bneeds?\s+(?:support|help|adult|prompting|reminders)\b", 1.5),
    (r"\bhas\s+(?:limited|little|no|poor|low)\b|\b(?:very\s+)?limited\b", 1.5),
    (r"\bbarriers?\b", 1.5),
    (r"\bunable\s+to\b|\bcannot\b|\bcan't\b|\bcan’t\b|\bis\s+not\s+able\b|"
     r"\bnot\s+yet\s+able\b", 1.8),
    (r"\b(?:diagnos(?:is|ed)|autism|autistic|adhd|dyslexi[ac]|dyspraxi[ac]|cerebral\s+palsy|"
     r"epilepsy|disorder|syndrome|condition)\b", 1.5),
    (r"\baffect(?:s|ing|ed)?\b|\bimpact(?:s|ing|ed)?\s+on\b", 1.2),
    (r"\brelies\s+on\b|\bdepend(?:s|ent)\s+on\b|\bnot\s+independently\b", 1.8),
    (r"\banxi(?:ety|ous)\b|\bdistress(?:ed)?\b|\bmeltdowns?\b|\bsensitiv(?:e|ity)\b", 1.0),
    (r"\bat\s+risk\b|\bbelow\s+(?:age|expected)\b|\bsignificant\b|\bsevere\b|\bprofound\b", 1.0),
    (r"\bjust\s+producing\b|\bonly\s+(?:uses|says|eats)\b|\bdoes\s+not\b|\bdoesn't\b", 1.2),
    (r"\b(?:he|she|they|[a-z]+)\s+(?:is|are)\s+(?:unable|not)\b", 1.0),
)
ASPIRATION_CUES = _cues(
    (r"\bwhen\s+(?:i\s+am|i'm|i’m|he\s+is|she\s+is|they\s+are)\s+(?:an\s+adult|a\s+grown|grown|"
     r"older|big)", 2.5),
    (r"\bwhen\s+(?:i|he|she|they)\s+grows?\s+up\b", 2.5),
    (r"\b(?:i\s+)?(?:want|would\s+like|wish|hope|dream|aspire)\s+(?:to\s+)?(?:be|become|work|"
     r"have|live|get|go|study|travel|learn\s+to\s+drive)\b", 1.8),
    (r"^(?:to\s+)?(?:be|become)\s+an?\s+\w+", 1.5),
    (r"\b(?:to\s+)?(?:be|become)\s+an?\s+(?:chef|vet|nurse|doctor|teacher|zoo\s*keeper|"
     r"footballer|hairdresser|mechanic|pilot|artist|actor|singer|scientist|builder|police|"
     r"firefighter|astronaut|dancer|engineer|princess|lsa|youtuber|gamer|farmer|[a-z]+ist|"
     r"[a-z]+er)\b", 2.0),
    (r"\b(?:have|get)\s+a\s+(?:paid\s+)?(?:part[- ]time\s+|full[- ]time\s+)?job\b|\bpaid\s+"
     r"(?:job|work|employment)\b", 1.8),
    (r"\bdreams?\b|\bhopes?\b|\bwish(?:es)?\b|\bambitions?\b|\bone\s+day\b|\bsomeday\b", 1.8),
    (r"\blive\s+independently\b|\bmy\s+own\s+(?:home|flat|house)\b|\bget\s+married\b|\bhave\s+a\s+"
     r"family\b|\bgo\s+to\s+university\b", 1.8),
    (r"\bbe\s+(?:happy|healthy|valued|safe|included)\b", 1.0),
    (r"^(?:to\s+)?be\s+able\s+to\b", 0.8),
    (r"\bso\s+that\s+i\s+can\s+(?:do\s+the\s+things|have\s+fun|enjoy)\b", 0.8),
    (r"\bin\s+the\s+future\b|\bas\s+an\s+adult\b|\bin\s+adult\s+life\b", 1.5),
)
TARGET_CUES = _cues(
    (r"\blearn\s+(?:to|how\s+to)\b", 2.6),
    (r"^\s*(?:to\s+)?learn\b", 0.8),
    (r"\bsmall\s+steps?\b|\bnext\s+step\b|\bfirst\s+step\b", 1.5),
    (r"\bpractis(?:e|ing)\b|\bpractic(?:e|ing)\b", 0.6),
    (r"\bconsistently\b|\bconstantly\b", 0.5),
    (r"^(?:recognise|use|say|point|identify|match|name|count|follow|write|read|sign|take|make|"
     r"copy|sort|choose|greet|wait|sit|put|hold|answer)\b", 1.6),
)
OUTCOME_CUES = _cues(
    (r"\bi\s+will\b|\bi'll\b|\bi’ll\b", 1.3),
    (r"\bwill\s+be\s+able\s+to\b|\bwill\s+have\b", 0.9),
    (r"\b(?:he|she|they|[a-z]+)\s+will\s+(?!be\s+(?:given|offered|provided|supported))\w+", 0.6),
    (r"\bso\s+that\b", 0.3),
    (r"\bwithout\s+(?:adult\s+)?(?:support|help|prompt)", 0.4),
    (r"\bindependently\b|\bon\s+my\s+own\b", 0.3),
)

# How the time phrase's category shifts the kind (outcome is end-of-phase; target is short).
TIME_WEIGHTS: dict[str, dict[Kind, float]] = {
    "year_group": {Kind.OUTCOME: 2.6, Kind.ASPIRATION: -1.5, Kind.TARGET: -0.3},
    "key_stage": {Kind.OUTCOME: 2.8, Kind.ASPIRATION: -1.5, Kind.TARGET: -0.3},
    "age": {Kind.OUTCOME: 2.4, Kind.ASPIRATION: -1.2},
    "leave_school": {Kind.OUTCOME: 2.0, Kind.ASPIRATION: -0.8},
    "school_year": {Kind.OUTCOME: 2.2, Kind.ASPIRATION: -1.2},
    "date": {Kind.OUTCOME: 2.0, Kind.ASPIRATION: -1.2},
    "duration": {Kind.OUTCOME: 2.0, Kind.ASPIRATION: -1.2},
    "review": {Kind.OUTCOME: 1.5, Kind.ASPIRATION: -1.0},
    "term": {Kind.TARGET: 3.3, Kind.OUTCOME: 0.4, Kind.ASPIRATION: -1.5},
    "vague": {Kind.ASPIRATION: 1.5, Kind.OUTCOME: -0.5},
}


Cues = tuple[tuple[re.Pattern[str], float], ...]
_GATE_SIZE = 6


def _gates(cues: Cues) -> tuple[tuple[re.Pattern[str], Cues], ...]:
    """Cue patterns in small batches, each behind one combined pattern: a batch whose combined
    pattern finds nothing is skipped (speed: most statements match few cues)."""
    batches = [cues[i:i + _GATE_SIZE] for i in range(0, len(cues), _GATE_SIZE)]
    return tuple((re.compile("|".join(f"(?:{p.pattern})" for p, _ in batch)), batch)
                 for batch in batches)


_GATES: dict[int, tuple[tuple[re.Pattern[str], Cues], ...]] = {}


def _add(scores: dict[Kind, float], text: str, kind: Kind, cues: Cues) -> None:
    gates = _GATES.get(id(cues))
    if gates is None:
        gates = _GATES[id(cues)] = _gates(cues)
    for gate, batch in gates:
        if gate.search(text) is None:
            continue
        for pattern, weight in batch:
            if pattern.search(text):
                scores[kind] += weight


def kind_scores(lower: str, *, time_category: str | None, horizon_days: int | None,
                has_measure: bool) -> dict[Kind, float]:
    """Raw score per kind for a lower-cased statement and what the time phrase rule found."""
    scores = dict(PRIORS)
    _add(scores, lower, Kind.PROVISION, PROVISION_CUES)
    _add(scores, lower, Kind.NEED, NEED_CUES)
    _add(scores, lower, Kind.ASPIRATION, ASPIRATION_CUES)
    _add(scores, lower, Kind.TARGET, TARGET_CUES)
    _add(scores, lower, Kind.OUTCOME, OUTCOME_CUES)
    if time_category is not None:
        for kind, weight in TIME_WEIGHTS[time_category].items():
            scores[kind] += weight
        short = horizon_days is not None and 0 <= horizon_days <= SHORT_HORIZON_DAYS
        if short and time_category in {"duration", "date"}:
            scores[Kind.TARGET] += 1.8
            scores[Kind.OUTCOME] -= 0.6
    elif not has_measure:
        scores[Kind.ASPIRATION] += 0.2
        scores[Kind.OUTCOME] -= 0.1
    if has_measure:
        scores[Kind.OUTCOME] += 0.4
        scores[Kind.TARGET] += 0.4
        scores[Kind.ASPIRATION] -= 0.8
    return scores


def classify_kind(lower: str, *, time_category: str | None, horizon_days: int | None,
                  has_measure: bool) -> tuple[Kind, float]:
    """The most likely kind and a confidence between 0 and 1 (softmax over the kind scores)."""
    scores = kind_scores(lower, time_category=time_category, horizon_days=horizon_days,
                         has_measure=has_measure)
    best = max(scores, key=lambda kind: (scores[kind], -list(Kind).index(kind)))
    top = scores[best]
    total = sum(math.exp((score - top) / SOFTMAX_TEMPERATURE) for score in scores.values())
    return best, round(1.0 / total, 3)
