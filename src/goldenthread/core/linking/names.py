"""Take children's names out of text before it is shown beyond their own record."""

from __future__ import annotations

import re
from collections.abc import Iterable

NAME_PLACEHOLDER = "[name]"
# "I am Sam", "my name is Sam Smith", "I'm called Sam": a capitalised word or two after these.
_SELF_INTRODUCTION = re.compile(
    r"(?P<lead>\b(?:[Ii] am|[Ii]'m|[Mm]y name is|[Mm]y name's|[Cc]all me|[Ii] am called|"
    r"[Ii]'m called)\s+)(?P<name>[A-Z][a-z'\-]+(?:\s+[A-Z][a-z'\-]+)?)"
)
# Capitalised words after "I am" that are not names ("I am Happy" is rare but "I am Deaf" is not).
_NOT_NAMES = frozenset(
    """
    A An The Not Deaf Blind Autistic Happy Sad Able Going Learning Working Good Very In At
    On Now Still Years Year Proud Ready Better
    """.split()
)


def strip_names(text: str, names: Iterable[str]) -> str:
    """Replace the given names, and self-introduced first names, with "[name]".

    ``names`` are the child's first, preferred and last names (any may be empty). Matching
    ignores case and keeps possessives ("Sam's" -> "[name]'s"). The reason: a statement
    shown across children must never carry another child's name.
    """
    cleaned = text
    parts = {part.strip() for name in names for part in re.split(r"\s+", name or "") if part}
    for part in sorted(parts, key=len, reverse=True):
        cleaned = re.sub(
            rf"(?<![\w\[]){re.escape(part)}(?!\w)", NAME_PLACEHOLDER, cleaned, flags=re.IGNORECASE
        )

    def _replace(match: re.Match[str]) -> str:
        words = match.group("name").split()
        if words[0] in _NOT_NAMES:
            return match.group(0)
        kept = [NAME_PLACEHOLDER] + [w for w in words[1:] if w in _NOT_NAMES]
        return match.group("lead") + " ".join(kept)

    cleaned = _SELF_INTRODUCTION.sub(_replace, cleaned)
    return re.sub(r"(\[name\])(?:\s+\[name\])+", r"\1", cleaned)
