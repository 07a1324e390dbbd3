"""Provision judged ("outcomes not hours", both ways): is it clear what, who, how often, how long
and where, and is it free of the wording parents and tribunals cannot hold anyone to?

Each gap is a note with its reason and a suggested rewrite, added to the assessment of a
statement the judge calls provision.
"""

from __future__ import annotations

import re

UNENFORCEABLE: dict[str, str] = {
    "as needed": "“as needed” does not say how much help, so nobody can check it is given",
    "as required": "“as required” does not say how much help, so nobody can check it is given",
    "access to": "“access to” does not promise the help is given, only that it exists",
    "regular": "“regular” does not say how often",
    "opportunities to": "“opportunities to” does not promise anything happens",
    "support as required": "“support as required” does not say what help or how much",
    "where possible": "“where possible” lets the help be dropped",
    "if appropriate": "“if appropriate” lets the help be dropped",
}
_UNENFORCEABLE_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, UNENFORCEABLE), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
PARTS: dict[str, re.Pattern[str]] = {
    "how often": re.compile(
        r"\b(?:daily|weekly|fortnightly|monthly|termly|every|each|per|a\s+(?:day|week|term)|"
        r"times?\s+a|once|twice)\b",
        re.IGNORECASE,
    ),
    "how long": re.compile(r"\b\d+\s*(?:-|–)?\s*(?:min|minute|hour|hr|session)s?\b", re.I),
    "who": re.compile(
        r"\b(?:teacher|TA|assistant|therapist|SENCo|staff|adult|specialist|nurse|"
        r"psychologist|coach|keyworker|key worker|practitioner|SaLT|SALT|OT)s?\b",
        re.IGNORECASE,
    ),
    "where": re.compile(
        r"\b(?:in|at)\s+(?:class|school|home|college|nursery|the\s+\w+|a\s+quiet|small\s+group)\b",
        re.IGNORECASE,
    ),
}
REWRITE = (
    "Say what help, who gives it, how often, for how long and where: "
    "“A teaching assistant will run a 20-minute reading session with me 3 times a week in the "
    "library.”"
)


def provision_notes(text: str) -> tuple[str, ...]:
    """Notes on a provision statement: unenforceable words, then missing parts, then a rewrite."""
    notes = [
        f"Not enforceable: {UNENFORCEABLE[match.group(1).lower()]}."
        for match in _UNENFORCEABLE_RE.finditer(text)
    ]
    missing = [part for part, pattern in PARTS.items() if not pattern.search(text)]
    if missing:
        notes.append(f"This help does not say {', '.join(missing)}.")
    if notes:
        notes.append(REWRITE)
    return tuple(dict.fromkeys(notes))
