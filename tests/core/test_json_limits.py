"""Reading JSON within limits: what is inside every limit reads as ``json.loads`` would."""

from __future__ import annotations

import pytest

from goldenthread.core.json_limits import (
    MAX_DEPTH,
    MAX_DIGITS,
    NUMBER_TOO_BIG,
    TOO_DEEP,
    JsonLimitError,
    json_loads_limited,
)


def test_json_inside_every_limit_reads_as_usual() -> None:
    nested = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert json_loads_limited(nested) is not None
    assert json_loads_limited(b'{"n": -' + b"9" * MAX_DIGITS + b', "x": 1.5, "t": "a\\tb"}') == {
        "n": -int("9" * MAX_DIGITS),
        "x": 1.5,
        "t": "a\tb",
    }


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), TOO_DEEP),
        ('{"n": ' + "1" * (MAX_DIGITS + 1) + "}", NUMBER_TOO_BIG),
        ('{"n": -Infinity}', NUMBER_TOO_BIG),
    ],
)
def test_each_limit_names_itself(raw: str, message: str) -> None:
    with pytest.raises(JsonLimitError, match=message[:20]):
        json_loads_limited(raw)
