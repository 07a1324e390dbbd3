"""Reading JSON someone else wrote (an imported passport, a FHIR Bundle, an API body) within
limits, each refusal naming the limit it met.

- size: at most ``MAX_BYTES`` (5 MB; a real record is well under 1 MB);
- nesting: at most ``MAX_DEPTH`` levels of objects and lists (a FHIR Bundle needs about 10);
- numbers: integers of at most ``MAX_DIGITS`` digits and finite decimals (no NaN or Infinity);
- no NUL character in any string or key (PostgreSQL cannot store one).

Reason: without them a file nested 100,000 deep or a 5,000-digit number made the server fail
(a 500) instead of answering, and a NUL was stored on SQLite but refused by PostgreSQL (issue 14).
"""

from __future__ import annotations

import json
import math
from typing import Any

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 32
MAX_DIGITS = 15

TOO_BIG = "The file is larger than 5 MB, the most we take"
NOT_JSON = "The file is not JSON (UTF-8 text written as JSON)"
TOO_DEEP = f"The JSON is nested more than {MAX_DEPTH} levels deep, the most we take"
NUMBER_TOO_BIG = (
    f"A number in the file has more than {MAX_DIGITS} digits, or is not a finite number: "
    "the most we take"
)
NUL_CHARACTER = "The file holds a NUL character (\\u0000), which cannot be saved: remove it"


class JsonLimitError(ValueError):
    """The JSON could not be read within the limits; ``str()`` is the message to show."""


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise JsonLimitError(NUMBER_TOO_BIG)
    return int(text)


def _decimal(text: str) -> float:
    number = float(text)
    if not math.isfinite(number) or len(text) > 4 * MAX_DIGITS:
        raise JsonLimitError(NUMBER_TOO_BIG)
    return number


def _constant(text: str) -> Any:
    raise JsonLimitError(NUMBER_TOO_BIG)


def _check(data: object) -> None:
    """Depth and NUL characters, walked without recursion."""
    stack: list[tuple[object, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            if "\x00" in value:
                raise JsonLimitError(NUL_CHARACTER)
        elif isinstance(value, dict | list):
            if depth > MAX_DEPTH:
                raise JsonLimitError(TOO_DEEP)
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                if isinstance(key, str) and "\x00" in key:
                    raise JsonLimitError(NUL_CHARACTER)
                stack.append((item, depth + 1))


def json_loads_limited(raw: bytes | str) -> Any:
    """The JSON in ``raw``, or ``JsonLimitError`` naming the limit it broke (or that it is not
    JSON at all)."""
    if len(raw) > MAX_BYTES:
        raise JsonLimitError(TOO_BIG)
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        data = json.loads(text, parse_int=_integer, parse_float=_decimal, parse_constant=_constant)
    except RecursionError as error:
        raise JsonLimitError(TOO_DEEP) from error
    except JsonLimitError:
        raise
    except ValueError as error:  # not UTF-8, or not JSON
        raise JsonLimitError(NOT_JSON) from error
    _check(data)
    return data
