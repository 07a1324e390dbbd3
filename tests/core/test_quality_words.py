"""The kept verdict on words alone is the engine's own (``core.quality.words``)."""

from __future__ import annotations

import datetime as dt

import pytest

from goldenthread.core.quality import CRITERIA, StatementContext, Status, assess
from goldenthread.core.quality.words import words_verdict

DAY = dt.date(2026, 12, 6)


@pytest.mark.parametrize(
    "text",
    [
        "By the end of Year 6, Sam will read a short book aloud to an adult with few mistakes.",
        "Sam will be happier.",
        "",
    ],
)
def test_the_kept_verdict_is_the_engines_and_asking_again_gives_the_same(text: str) -> None:
    found = assess(text, StatementContext(today=DAY))
    failed = sum(
        1 << i for i, name in enumerate(CRITERIA) if found.criteria[name].status is Status.FAIL
    )
    assert words_verdict(text, DAY) == (found.smart, failed, ",".join(found.unsure))
    assert words_verdict(text, DAY) == (found.smart, failed, ",".join(found.unsure))
