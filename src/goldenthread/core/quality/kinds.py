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

from goldenthread.core.quality.fastre import FastPattern, KeyIndex, fast
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
SHORT_TARGET_WEIGHT = 2.6  # a dated step within SHORT_HORIZON_DAYS leans to target …
SHORT_OUTCOME_WEIGHT = -1.0  # … and away from outcome


CUE_KEY_LIMIT = 60  # cue keys are all found in one scan (KeyIndex), so long lists cost little


def _cues(*pairs: tuple[str, float]) -> tuple[tuple[FastPattern, float], ...]:
    return tuple((fast(pattern, key_limit=CUE_KEY_LIMIT), weight) for pattern, weight in pairs)


PROVISION_CUES = _cues(
    (r"\b(?:sessions?|lessons?)\s+(?:a|per|each|every)\s+(?:day|week|term)\b", 2.5),
    (
        r"\b\d+\s*(?:minutes?|mins?|hours?|hrs?)\s+(?:a|per|each|every)\s+"
        r"(?:day|week|term|month)",
        2.5,
    ),
    (r"\b(?:\d+|one|two|three|four|five)\s+(?:sessions?|hours?)\b", 1.5),
    (r"\bsessions?\b", 1.0),
    (r"\bprogramme\b|\bprogram\b(?!s)", 1.5),
    (r"\b1:1\b|\bone[- ]to[- ]one\b|\bsmall[- ]group\s+(?:work|teaching|intervention)", 1.2),
    (r"\bdelivered\s+by\b|\bcarried\s+out\s+by\b|\bled\s+by\b|\bprovided\s+by\b|\brun\s+by\b", 2.5),
    (
        r"\b(?:staff|adults?|teachers?|practitioners?|ta|lsa|key\s+workers?)\s+(?:modelling|to\s+"
        r"model|will\s+model|to\s+provide|will\s+provide|to\s+deliver|will\s+deliver|to\s+support|"
        r"will\s+support)\b",
        2.5,
    ),
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
    # Who gives the help: professionals and services named as the ones acting or visiting.
    (
        r"\b(?:social\s+worker|school\s+nurse|nurse|physio(?:therapist)?|specialist\s+teacher|"
        r"advisory\s+teacher|(?:educational\s+)?psychologist|paediatrician|dietitian|dietician|"
        r"counsellor|interpreter|personal\s+assistant|passenger\s+assistant|key\s+person|tutor|"
        r"portage|camhs|outreach|short\s+breaks?|direct\s+payments?)\b",
        1.2,
    ),
    (
        r"\b(?:staff|school|college|setting|nursery|teachers?|class\s+teacher|[a-z]+ist|[a-z]+"
        r"\s+worker|nurse|tutor|physio|camhs)\s+(?:to|will)\s+(?:complete|use|provide|review|visit|"
        r"observe|deliver|implement|give|offer|arrange|assess|monitor|advise|check|carry\s+out|"
        r"put\s+in\s+place|run|set\s+up|make)\b",
        2.0,
    ),
    # What the help is: things, places, arrangements and checks given to the child.
    (
        r"^\s*(?:access|support|training|input|monitoring|transport|use\s+of|time\s+with|"
        r"adult\s+support|work\s+experience)\b",
        1.5,
    ),
    (
        r"\b(?:input|monitoring|visits?|transport|taxi|placement|package|arrangements|extra\s+time|"
        r"reader|scribe|laptop|software|hoist|standing\s+frame|writing\s+slope|enlarged\s+print|"
        r"large\s+print|sensory\s+room|quiet\s+(?:space|room|area)|safe\s+space|timetable|"
        r"supply|training|care\s+plan|assessment)\b",
        1.0,
    ),
    (
        r"\b(?:every|each)\s+(?:\d+|two|three|four|six|few)\s+(?:weeks|months)\b|\bfortnightly\b"
        r"|\b(?:once|twice)\s+a\s+(?:term|half[\s-]?term|month|fortnight)\b|\bper\s+(?:month|term)\b",
        1.0,
    ),
    (
        r"\b(?:to|will)\s+(?:have|get)\s+(?:a\s+|an\s+)?(?:access|reduced|\w+\s+support|support|"
        r"input|help)\b",
        1.5,
    ),
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
    (
        r"\bunable\s+to\b|\bcannot\b|\bcan't\b|\bcan’t\b|\bis\s+not\s+able\b|"
        r"\bnot\s+yet\s+able\b",
        1.8,
    ),
    (
        r"\b(?:diagnos(?:is|ed)|autism|autistic|adhd|dyslexi[ac]|dyspraxi[ac]|cerebral\s+palsy|"
        r"epilepsy|disorder|syndrome|condition)\b",
        1.5,
    ),
    (r"\baffect(?:s|ing|ed)?\b|\bimpact(?:s|ing|ed)?\s+on\b", 1.2),
    (r"\brelies\s+on\b|\bdepend(?:s|ent)\s+on\b|\bnot\s+independently\b", 1.8),
    (r"\banxi(?:ety|ous)\b|\bdistress(?:ed)?\b|\bmeltdowns?\b|\bsensitiv(?:e|ity)\b", 1.0),
    (r"\bat\s+risk\b|\bbelow\s+(?:age|expected)\b|\bsignificant\b|\bsevere\b|\bprofound\b", 1.0),
    (r"\bjust\s+producing\b|\bonly\s+(?:uses|says|eats)\b|\bdoes\s+not\b|\bdoesn't\b", 1.2),
    (r"\b(?:he|she|they|[a-z]+)\s+(?:is|are)\s+(?:unable|not)\b", 1.0),
    # How things are now, in the present tense: "Ellie has a stammer", "I have trouble".
    (r"\b(?:he|she|they|[a-z]+)\s+has\s+(?!to\b|been\b|learn|achieved|made|done|got\s+to)\w+", 1.5),
    (
        r"\bi\s+(?:have\s+(?:trouble|difficulty|problems)|don't|do\s+not|don’t|get\s+(?:upset|cross|"
        r"angry|anxious)|forget|skip|find\s+it)\b",
        1.5,
    ),
    (
        r"\b(?:trouble|hard\s+to|distress(?:ing)?|overwhelm(?:ed|ing)?|painful|weak|forgets?|tired|"
        r"worse|upset|frustrat(?:ed|ion)|refuses?|avoids?|hits?\s+out|loses?|lose|below\s+the|"
        r"not\s+toilet\s+trained|new\s+to\s+english|arising\s+from|as\s+a\s+result\s+of|"
        r"because\s+of|due\s+to|loss)\b",
        1.2,
    ),
    (r"\bneeds\s+(?:a|an|her|his|their|trained|staff|to\s+be|someone|constant)\b", 1.2),
)
ASPIRATION_CUES = _cues(
    (
        r"\bwhen\s+(?:i\s+am|i'm|i’m|he\s+is|she\s+is|they\s+are)\s+(?:an\s+adult|a\s+grown|grown|"
        r"older|big)",
        2.5,
    ),
    (r"\bwhen\s+(?:i|he|she|they)\s+grows?\s+up\b", 2.5),
    (
        r"\b(?:i\s+)?(?:want|would\s+like|wish|hope|dream|aspire)\s+(?:to\s+)?(?:be|become|work|"
        r"have|live|get|go|study|travel|learn\s+to\s+drive)\b",
        1.8,
    ),
    (
        r"\bi\s+(?:want|would\s+like|wish|hope|dream)\b|\bmy\s+(?:aim|goal|dream)\s+in\s+life\b|"
        r"\bin\s+life\b",
        1.2,
    ),
    (r"^(?:to\s+)?(?:be|become)\s+an?\s+\w+", 1.5),
    (
        r"\b(?:to\s+)?(?:be|become)\s+an?\s+(?:chef|vet|nurse|doctor|teacher|zoo\s*keeper|"
        r"footballer|hairdresser|mechanic|pilot|artist|actor|singer|scientist|builder|police|"
        r"firefighter|astronaut|dancer|engineer|princess|lsa|youtuber|gamer|farmer|[a-z]+ist|"
        r"[a-z]+er)\b",
        2.0,
    ),
    (
        r"\b(?:have|get)\s+a\s+(?:paid\s+)?(?:part[- ]time\s+|full[- ]time\s+)?job\b|\bpaid\s+"
        r"(?:job|work|employment)\b",
        1.8,
    ),
    (r"\bdreams?\b|\bhopes?\b|\bwish(?:es)?\b|\bambitions?\b|\bone\s+day\b|\bsomeday\b", 1.8),
    (
        r"\blive\s+independently\b|\bmy\s+own\s+(?:home|flat|house)\b|\bget\s+married\b|\bhave\s+a\s+"
        r"family\b|\bgo\s+to\s+university\b",
        1.8,
    ),
    (r"\bbe\s+(?:happy|healthy|valued|safe|included|independent)\b", 1.0),
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
    (r"\b(?:interim|termly|weekly|short[- ]term|next)\s+targets?\b|^\s*targets?\b", 2.0),
    (
        r"^(?:recognise|use|say|point|identify|match|name|count|follow|write|read|sign|take|make|"
        r"copy|sort|choose|greet|wait|sit|put|hold|answer)\b",
        1.6,
    ),
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


Cues = tuple[tuple[FastPattern, float], ...]


def _add(scores: dict[Kind, float], kind: Kind, cues: Cues, hits: tuple[int, ...]) -> None:
    for index in hits:
        scores[kind] += cues[index][1]


CueHits = tuple[tuple[int, ...], ...]  # per kind in _KIND_CUES order: the cues found
_KIND_CUES: tuple[tuple[Kind, Cues], ...] = (
    (Kind.PROVISION, PROVISION_CUES),
    (Kind.NEED, NEED_CUES),
    (Kind.ASPIRATION, ASPIRATION_CUES),
    (Kind.TARGET, TARGET_CUES),
    (Kind.OUTCOME, OUTCOME_CUES),
)
_KIND_ORDER = {kind: index for index, kind in enumerate(Kind)}


_ALL_CUES = tuple(
    (position, index, pattern)
    for position, (_, cues) in enumerate(_KIND_CUES)
    for index, (pattern, _) in enumerate(cues)
)
_CUE_INDEX = KeyIndex([pattern for _, _, pattern in _ALL_CUES])


def find_cues(lower: str) -> CueHits:
    """Which cues of each kind a lower-cased statement has (worked out once per statement; the
    provision rule reuses the provision cues)."""
    hits: list[list[int]] = [[] for _ in _KIND_CUES]
    for flat in _CUE_INDEX.candidates(lower):
        position, index, pattern = _ALL_CUES[flat]
        if pattern.search_known(lower) is not None:  # KeyIndex has checked its keys
            hits[position].append(index)
    return tuple(tuple(found) for found in hits)


def kind_scores(
    lower: str,
    *,
    time_category: str | None,
    horizon_days: int | None,
    has_measure: bool,
    cues: CueHits | None = None,
) -> dict[Kind, float]:
    """Raw score per kind for a lower-cased statement and what the time phrase rule found."""
    scores = dict(PRIORS)
    found = find_cues(lower) if cues is None else cues
    for (kind, kind_cues), hits in zip(_KIND_CUES, found, strict=True):
        _add(scores, kind, kind_cues, hits)
    if time_category is not None:
        short = horizon_days is not None and 0 <= horizon_days <= SHORT_HORIZON_DAYS
        if time_category == "term" and horizon_days is not None and not short:
            time_category = "date"  # "the summer term 2027", a year off, is not a short step
        for kind, weight in TIME_WEIGHTS[time_category].items():
            scores[kind] += weight
        if short and time_category in {"duration", "date"}:
            scores[Kind.TARGET] += SHORT_TARGET_WEIGHT
            scores[Kind.OUTCOME] += SHORT_OUTCOME_WEIGHT
    elif not has_measure:
        scores[Kind.ASPIRATION] += 0.2
        scores[Kind.OUTCOME] -= 0.1
    if has_measure:
        scores[Kind.OUTCOME] += 0.4
        scores[Kind.TARGET] += 0.4
        scores[Kind.ASPIRATION] -= 0.8
    return scores


def classify_kind(
    lower: str,
    *,
    time_category: str | None,
    horizon_days: int | None,
    has_measure: bool,
    cues: CueHits | None = None,
) -> tuple[Kind, float]:
    """The most likely kind and a confidence between 0 and 1 (softmax over the kind scores)."""
    scores = kind_scores(
        lower,
        time_category=time_category,
        horizon_days=horizon_days,
        has_measure=has_measure,
        cues=cues,
    )
    best = max(scores, key=lambda kind: (scores[kind], -_KIND_ORDER[kind]))
    top = scores[best]
    total = sum(math.exp((score - top) / SOFTMAX_TEMPERATURE) for score in scores.values())
    return best, round(1.0 / total, 3)
