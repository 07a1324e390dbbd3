"""Names as a search compares them: without case or accents, the same on every database.

"Prŷs", "PRYS" and "prys" fold to "prys"; "Zoë" to "zoe"; "Øyvind" to "oyvind"; "Straße" to
"strasse". Folding is done here in Python, once, when a child is saved (``Child.search_name``),
and again on the words searched for, so SQLite and PostgreSQL compare the same plain lower-case
text with no collation or extension (such as PostgreSQL's ``unaccent``) that only one of them has.
"""

from __future__ import annotations

import unicodedata

# Letters that Unicode does not decompose into a base letter and an accent.
_UNDECOMPOSED = str.maketrans(
    {
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "œ": "oe",
        "ı": "i",
        "ħ": "h",
        "\u2019": "'",  # right single quotation mark, as typed for O'Brien on phones
        "\u2018": "'",
        "\u02bc": "'",
    }
)


def fold(text: str) -> str:
    """``text`` without case or accents, with runs of spaces made one."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_UNDECOMPOSED))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(unicodedata.normalize("NFKC", plain).split())


def search_words(query: str) -> list[str]:
    """The folded words of a search: every one must be found for a name to match."""
    return fold(query).split()
