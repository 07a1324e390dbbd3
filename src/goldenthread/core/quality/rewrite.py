"""A SMART skeleton built from the statement's own words, with visible placeholders.

"By {when}, I will {do what} {how well or how often} {where or with whom}." Nothing is invented:
any part the statement does not give becomes a placeholder in square brackets.
"""

from __future__ import annotations

import re

from goldenthread.core.quality.lexicon import VAGUE_RE
from goldenthread.core.quality.model import Kind
from goldenthread.core.quality.statement import Statement

WHEN_PLACEHOLDER = "[when: e.g. the end of Year 4]"
ACTION_PLACEHOLDER = "[do what: something you can see me do]"
MEASURE_PLACEHOLDER = "[how well or how often: e.g. 3 times a week]"
CONTEXT_PLACEHOLDER = "[where or with whom: e.g. in class with a friend]"

_SUBJECT_RE = re.compile(
    r"^\s*(?:(?:i|he|she|they|[A-Z][a-z]*|x{2,3}|_{2,}|\[[^\]]{1,30}\]|yp|cyp|"
    r"(?:the|this|a|our|my)\s+(?:child|student|pupil|young\s+person|learner|son|daughter))"
    r"\s+(?:will|would|should|can|wants?\s+to|to)\s+|to\s+|"
    r"i\s+want\s+to\s+)?(?:be\s+able\s+to\s+)?",
    re.IGNORECASE,
)
# A time phrase the reader did not resolve, leading the sentence: "By [date], …",
# "By the time they move on to college, …", "By the end of the semester, …".
_UNREAD_WHEN_RE = re.compile(
    r"^\s*(?:by|before|within|in|over|at)\s+([^,.;]{1,60}?)\s*,\s*", re.IGNORECASE
)
# The same, closing the sentence: "… in the words read by the end of the semester."
# (It starts only where a run of spaces starts: trying every space of a long run is quadratic.)
_UNREAD_TAIL_WHEN_RE = re.compile(
    r"(?<!\s)\s+(?:by|before)\s+((?:the\s+(?:end|time)\s+|next\s+)[^,.;:]{1,50}?)\s*\.?\s*$",
    re.IGNORECASE,
)
_DANGLING_RE = re.compile(
    r"(?<!\s)\s+(?:by|before|within|in|over|at|on|until|for)\s*$", re.IGNORECASE
)
_I_LEAD_RE = re.compile(r"^I(?:\s+(am)|(['’]m)|\s+([a-z]+))\b\s*")
#: What the child cannot do yet, in their own voice ("I’m not joining words", "I am struggling
#: to …", "I can't …"): a need, not an action to put after "I will".
_NOT_YET_RE = re.compile(
    r"^I(?:\s+am|['’]m)\s+(?:not|struggling|finding|unable)\b"
    r"|^I\s+(?:can['’]?t|cannot|can\s+not|don['’]t|do\s+not|find\s+it)\b"
)
_MODALS = frozenset({"will", "can", "could", "would", "should", "shall", "may", "might", "must"})
_PRONOUNS = {
    "his": "my",
    "her": "my",
    "their": "my",
    "him": "me",
    "them": "me",
    "himself": "myself",
    "herself": "myself",
    "themselves": "myself",
    "he": "I",
    "she": "I",
    "they": "I",
    "he's": "I'm",
    "she's": "I'm",
}
_PRONOUN_RE = re.compile(r"\b(" + "|".join(_PRONOUNS) + r")\b", re.IGNORECASE)
_PRONOUN_LOWER_RE = re.compile(r"\b(" + "|".join(_PRONOUNS) + r")\b")
_SERVICE_LEAD_RE = re.compile(
    r"^\s*(?:be\s+)?(?:supported|helped|encouraged|enabled|given\s+opportunities|taught)\s+to\s+",
    re.IGNORECASE,
)


_WHEN_LEAD_RE = re.compile(r"^(?:when|once)\s+", re.IGNORECASE)
_BY_LEAD_RE = re.compile(r"^by\s+", re.IGNORECASE)
_WILL_LEAD_RE = re.compile(r"^(?:i\s+will\s+|will\s+)", re.IGNORECASE)
_I_VERB_RE = re.compile(r"\bI\s+([a-z]+s)\b")
_IRREGULAR = {"has": "have", "is": "am", "does": "do", "goes": "go", "was": "was"}
# "He's taken …" is "he has"; "She's happy" is "she is": the word after the 's decides.
_HE_S_RE = re.compile(r"\b(?:he|she)['’]s\s+(\w+)", re.IGNORECASE)
_PARTICIPLES = frozenset({"been", "got", "gotten", "taken", "made", "done", "had", "gone", "seen"})


def _he_s(match: re.Match[str]) -> str:
    word = match.group(1)
    lowered = word.lower()
    has = lowered in _PARTICIPLES or (lowered.endswith("ed") and len(lowered) > 3)
    return f"{'he has' if has else 'he is'} {word}"


# A time phrase that carries its own word for when ("In 6 months", "Within a year", "When I
# leave school"): it leads the sentence as it is, never as "By in 6 months" or "By 6 months".
_OWN_LEAD_RE = re.compile(
    r"^(?:in|within|before|after|over|during|at|on|until|till|from|for|every|each|throughout|"
    r"when|once|as\s+soon\s+as|upon|following|prior\s+to|while|whilst|between|ready\s+for|"
    r"[\w ]{1,12}\s(?:day|week|month|year)s?\s+(?:after|following))\b",
    re.IGNORECASE,
)


_SMALL_LEAD_RE = re.compile(r"^(?:Next|The|This|A|An)\b")
# An action that opens with an -ing word ("Living in my own flat"): the outline says "I will be
# living …"; "Being able to …" becomes "be able to …". Verbs that end in -ing are left alone.
_GERUND_LEAD_RE = re.compile(r"^([A-Za-z]+ing)\b")
_ING_VERBS = frozenset(
    {"bring", "sing", "swing", "sting", "cling", "fling", "string", "ring", "spring", "wring"}
    | {"during", "morning", "evening", "nothing", "something", "anything", "everything", "thing"}
)
_BEING_RE = re.compile(r"^being\b\s*", re.IGNORECASE)
# A lead-in before the subject that survived ("During writing tasks, I will choose …", "Given a
# reader, [student] will read …", "Child A will learn …"): it goes after the action ("choose …
# during writing tasks"). The words before the subject hold no sentence end, but may hold a full
# stop inside "$9.99" or "e.g. centres"; ``{}`` is the fewest characters it may have.
_LEAD_IN_START = r"^((?:[^;.]|\.(?=[\w,)]|\s*[a-z(])){{{},200}}?)"
_LEAD_IN_RE = re.compile(
    _LEAD_IN_START.format(0)
    + r"[\s,]*(?<![\w\[(])(?:I|[A-Z][A-Za-z]+(?:\s+[A-Z])?|[A-Z]{2,}|\[[^\]]{1,30}\]|"
    r"\([^)]{1,30}\)|_{2,}|[A-Z]\.|child(?:['’]s\s+name)?|all\s+children|"
    r"the\s+(?:child|student|pupil|young\s+person))\s+(?:will|can|should|would|is\s+able\s+to)\s+"
    r"(?:be\s+able\s+to\s+)?(.+)$",
    re.DOTALL,
)
_MODAL_GATE_RE = re.compile(r"\s(?:will|can|should|would|able)\s")
# The same with a verb in the present and no "will": "With cues, I produce …", "When tests are
# read aloud, J. answers …".
_LEAD_IN_PRESENT_RE = re.compile(
    _LEAD_IN_START.format(1) + r",\s*(?:I|[A-Z]\.|child|students|pupils)\s+"
    r"(?:successfully\s+|independently\s+)?([a-z]+)\b(.*)$",
    re.DOTALL,
)
# A group or role as the subject, in the present ("Pupils respond …", "Young person (YP) manages
# …"): the outline's "I will" takes its place.
_WORD_RE = re.compile(r"[A-Za-z]{3,}")
MAX_LEAD_PIECE_WORDS = 4
# How a lead-in opens ("When upset, …", "Given a reader, …", "With cues, …").
_LEAD_WORD_RE = re.compile(
    r"(?:when|whenever|given|with|without|during|after|before|if|in|at|on|using|following|upon|"
    r"while|whilst|through|by|once|within|for|from|as|across|throughout|provided|one\s+day|-)\b",
    re.IGNORECASE,
)
_GROUP_SUBJECT_RE = re.compile(
    r"^(?:(?:pupils|students|children|learners)\s+(?!(?:are|were|have|had|will|can|may|should|would|"
    r"must|need|do|did)\b)(?=[a-z]+\b)|(?:the\s+)?(?:young\s+person|child|pupil|student)"
    r"(?:\s+\((?:yp|cyp)\))?\s+(?=[a-z]+s\b)|(?:yp|cyp)\s+(?=[a-z]+s\b))",
    re.IGNORECASE,
)


def _gerund_lead(text: str) -> str:
    """ "Living in my own flat" → "be living in my own flat"; "Being able to" → "be able to"."""
    match = _GERUND_LEAD_RE.match(text)
    if match is None or match.group(1).lower() in _ING_VERBS:
        return text
    if _BEING_RE.match(text):
        return "be " + _BEING_RE.sub("", text, count=1)
    return "be " + text[0].lower() + text[1:]


def _lead_in_last(text: str) -> str:
    modal = _MODAL_GATE_RE.search(text) is not None
    if "," not in text and not modal:
        return text  # neither pattern can match (speed: most actions)
    match = _LEAD_IN_RE.match(text) if modal else None
    if match is not None:
        lead, action = match.group(1), match.group(2)
    else:
        match = _LEAD_IN_PRESENT_RE.match(text) if "," in text else None
        if match is None:
            return text
        verb = _I_VERB_RE.sub(_first_person_verb, f"I {match.group(2)}")  # "I answers" → "I answer"
        lead, action = match.group(1), verb[2:] + match.group(3)
    comma_after = text[match.end(1) :].lstrip().startswith(",")
    lead = lead.strip(" ,;:")
    # A lead-in opens with its own word ("When upset, …"; or its last part does: "…, with
    # prompts, the student will"), or is a short piece cut off by a comma ("college, I will …");
    # "read so that Mum will be proud" is a second clause and stays.
    short_piece = comma_after and len(lead.split()) <= MAX_LEAD_PIECE_WORDS
    pieces = [piece.strip() for piece in lead.split(",") if piece.strip()]
    opens = bool(pieces) and any(_LEAD_WORD_RE.match(piece) for piece in (lead, pieces[-1]))
    if lead and not (opens or short_piece):
        return text
    action = action.rstrip(" ,.;")
    if not _WORD_RE.search(lead) or _DANGLING_RE.search(" " + lead) or lead.lower() == "by the":
        return action  # nothing worth keeping: "By the", "-31"
    return f"{action} {lead[0].lower() + lead[1:]}" if lead else action


_FIRST_WORD_RE = re.compile(r"^([A-Z][a-z]+)\b")
_CAPITALISED_RE = re.compile(r"\b[A-Z][a-z]+\b")
_SUBJECT_VERB_RE = re.compile(
    r"^\w+\s+(?:\w+ly\s+)?(?!(?:yes|always|towards|across|unless|this|thus|its)\b)\w+[^s\W]s\b"
)
# What is left of the statement opens with a subject of its own, not a doing word: "My
# achievements are celebrated …", "This enables them to …", "Sam’s Mum would like …".
_SO_THAT = "[do what, so that: “"
_NOT_AN_ACTION_RE = re.compile(
    r"^(?:My|Our|Their|His|Her|Its|This|These|That|Those|The|A|An|It|There|Such"
    r"|[A-Z][a-z]+[’']s)\b"  # "Sam’s Mum would like …"
)


def _quoted(text: str) -> str:
    """Words that are not a doing word, quoted for the writer to turn into one."""
    return f"{_SO_THAT}{text.strip(' ,.')}”]"


def _sentence_case(text: str, names: set[str]) -> str:
    """The action's first word in lower case when it only had a capital for opening the
    statement ("Use short instructions" → "use short instructions"): not "I", a child's name,
    or a word the statement writes with a capital again (a name or place)."""
    match = _FIRST_WORD_RE.match(text)
    if match is None:
        return text
    word = match.group(1)
    if word in names or word in _CAPITALISED_RE.findall(text, match.end()):
        return text
    if _SUBJECT_VERB_RE.match(text):  # "Johnny presently reads …": a name as the subject
        return text
    return word.lower() + text[match.end() :]


def when_lead(when: str) -> str:
    """The opening of the sentence for a time phrase: "By the end of Year 4", "In 6 months",
    "By [when: …]" when there is none."""
    phrase = _BY_LEAD_RE.sub("", " ".join(when.split()).strip(" .,;")).strip(" .,;")
    if not phrase:
        return f"By {WHEN_PLACEHOLDER}"
    if _OWN_LEAD_RE.match(phrase):
        return phrase[0].upper() + phrase[1:]
    if _SMALL_LEAD_RE.match(phrase):  # "Next year I will…" → "By next year, I will…"
        phrase = phrase[0].lower() + phrase[1:]
    return f"By {phrase}"


def _first_person_verb(match: re.Match[str]) -> str:
    """ "I plays" → "I play" after turning "he" into "I"."""
    verb = match.group(1)
    if verb in _IRREGULAR:
        return f"I {_IRREGULAR[verb]}"
    if verb.endswith("ss") or len(verb) <= 3:
        return match.group(0)
    stem = verb[:-2] if verb.endswith(("ches", "shes", "xes", "sses")) else verb[:-1]
    return f"I {stem}"


def _first_person(text: str) -> str:
    """ "his" → "my", "she" → "I" … For plain ASCII text the words are found in the lower-cased
    text, which gives the same places as ignoring case, and faster."""
    if not text.isascii():
        return _PRONOUN_RE.sub(lambda m: _PRONOUNS[m.group(1).lower()], text)
    parts, last = [], 0
    for match in _PRONOUN_LOWER_RE.finditer(text.lower()):
        parts += [text[last : match.start()], _PRONOUNS[match.group(1)]]
        last = match.end()
    return "".join(parts) + text[last:] if parts else text


def _when(statement: Statement) -> str:
    time = statement.time
    if time is None or time.vague:
        unread = _UNREAD_WHEN_RE.match(statement.text) or _UNREAD_TAIL_WHEN_RE.search(
            statement.text
        )
        if unread is None:
            return WHEN_PLACEHOLDER
        # Keep the phrase's own word ("within a year"); only "by" is the outline's.
        return _BY_LEAD_RE.sub("", _first_person(unread.group(0).strip(" ,.;")))
    said = statement.text[time.start : time.end].strip()
    said = _WHEN_LEAD_RE.sub("the time ", said)
    said = _BY_LEAD_RE.sub("", said)
    return said if said else WHEN_PLACEHOLDER


def _i_lead(text: str) -> str:
    """ "I have …" → "have …", "I am …" → "be …": the outline supplies "I will"."""
    match = _I_LEAD_RE.match(text)
    if match is None:
        return text
    if match.group(1) or match.group(2):
        rest = text[match.end() :]
        if rest.startswith("going to "):  # "I'm going to travel …" → "travel …"
            return rest[len("going to ") :]
        return "be " + rest
    if match.group(3) in _MODALS:
        return text[match.end() :]
    return text[2:]


#: A writer's label before the statement: "Short term:", "Long-term outcome -", "Interim target:",
#: "Step 2:", "Outcome 1:" (a label, not part of the outline).
_LABEL_RE = re.compile(
    r"^(?:(?:short|medium|long)[\s-]*term(?:\s+(?:outcome|target|goal|aim))?"
    r"|(?:interim\s+)?(?:outcome|target|goal|objective|aim|step)\s*\d{0,2})\s*[:\-–]\s*",
    re.IGNORECASE,
)


def _action(statement: Statement, names: set[str]) -> str:
    text = statement.text
    time = statement.time
    if time is not None and not time.vague:
        text = text[: time.start] + text[time.end :]
    elif _UNREAD_WHEN_RE.match(text):
        text = _UNREAD_WHEN_RE.sub("", text, count=1)
    else:
        text = _UNREAD_TAIL_WHEN_RE.sub("", text, count=1)
    text = " ".join(text.split()).strip(" ,.;:")  # as re.sub(r"\s+", " ", …), then trimmed
    text = _LABEL_RE.sub("", text, count=1)
    text = _DANGLING_RE.sub("", text)
    # "In mathematics, by the end of the year, [the student] will …": a lead-in, then the subject.
    text = _UNREAD_WHEN_RE.sub("", text, count=1).lstrip(" ,;:")
    text = _SUBJECT_RE.sub("", text, count=1)
    text = _SERVICE_LEAD_RE.sub("", text, count=1)
    text = _WILL_LEAD_RE.sub("", text)
    for name in names:
        text = re.sub(rf"\b{re.escape(name)}\b", "I", text)
    text = _HE_S_RE.sub(_he_s, text)
    text = _first_person(text)
    text = _I_VERB_RE.sub(_first_person_verb, text)
    grouped = _GROUP_SUBJECT_RE.sub("I ", text, count=1)
    if grouped != text:  # "Pupils responds" → "I responds" → "I respond"
        text = _I_VERB_RE.sub(_first_person_verb, grouped)
    if _NOT_YET_RE.match(text):
        return _quoted(text)
    text = _i_lead(text)
    text = _gerund_lead(_lead_in_last(text))
    if _NOT_AN_ACTION_RE.match(text):
        return _quoted(text)
    vague = VAGUE_RE.search(text.lower())
    if vague is not None:
        word = text[vague.start() : vague.end()]
        text = f"{text[: vague.start()]}[do what: instead of “{word}”]{text[vague.end() :]}"
    return _sentence_case(text.strip(" ,."), names) or ACTION_PLACEHOLDER


def rewrite_skeleton(
    statement: Statement, names: set[str] | None = None, kind: Kind | None = None
) -> str:
    """The statement as "By …, I will … … …", keeping its words and marking what is missing.

    ``kind`` is the statement's kind as decided (the judge's); the rules' reading otherwise.
    Provision and needs are not outcomes in other words: they get an outcome's frame to fill.
    """
    when = _when(statement)
    kind = statement.kind if kind is None else kind
    if kind in {Kind.PROVISION, Kind.NEED}:
        action = "[do what: the difference this makes for me]"
        return f"{when_lead(when)}, I will {action} {MEASURE_PLACEHOLDER} {CONTEXT_PLACEHOLDER}."
    action = _action(statement, names or set())
    if kind is Kind.ASPIRATION:
        if action.startswith(_SO_THAT):  # one bracket, not one inside another
            action = action[len(_SO_THAT) : -len("”]")]
        action = f"[a first step towards: “{action}”]"
    parts = [f"{when_lead(when)}, I will {action}"]
    if not statement.strong_measures:
        parts.append(MEASURE_PLACEHOLDER)
    if not statement.contexts:
        parts.append(CONTEXT_PLACEHOLDER)
    return " ".join(parts) + "."
