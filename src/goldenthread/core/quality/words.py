"""The engine's verdict on words alone (no child's details), kept for the life of the process.

The demo seeder judges each distinct outcome wording to store ``Outcome.quality_smart``, and the
insights refresh then judges the same wordings again for the checks they fail (``WordingCheck``).
Both ask about the words alone on the same day, so the second asks this cache. Only the small
verdict is kept (SMART or not, a bit per failed criterion, and the fields worth a second look),
never the reading behind it.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from goldenthread.core.quality.engine import CRITERIA, assess, engine_version
from goldenthread.core.quality.model import StatementContext, Status
from goldenthread.core.quality.second_look import second_look_stored

KEPT = 65_536  # distinct wordings (about 100 characters each: a few MB at most)


def words_verdict(text: str, today: dt.date) -> tuple[bool, int, str]:
    """(SMART, failed, second look) for the words judged on ``today``: bit i of ``failed`` is
    set when criterion ``CRITERIA[i]`` fails; the second look is the rubric fields the learned
    judge is unsure of, comma-separated (``Outcome.quality_second_look``).
    Kept by engine version, so a new model judges again."""
    return _verdict(text, today, engine_version())


@lru_cache(maxsize=KEPT)
def _verdict(text: str, today: dt.date, engine: str) -> tuple[bool, int, str]:
    del engine  # part of the cache key only
    assessment = assess(text, StatementContext(today=today))
    failed = sum(
        1 << i for i, name in enumerate(CRITERIA) if assessment.criteria[name].status is Status.FAIL
    )
    return assessment.smart, failed, second_look_stored(assessment.unsure)
