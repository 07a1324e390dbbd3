"""The guidance counted on top of the learned judgement: what the model cannot see for itself.

- Early years: for a child under 5, a time frame longer than the guidance's medium term
  (about 6 months) is not time-bound; the time rule fails it, and the verdict follows.
- A phase-impossible outcome (a GCSE before secondary age) or a date already past fails
  ``achievable``/``realistic``; such a statement is not SMART.
- Jargon: acronyms and professional terms make a statement not plain, and JARGON_BLOCKS_SMART
  or more of them stop it being SMART. A short form in capitals that is not on the jargon list
  and not spelled out ("LSA", "C/YP") makes it not plain too; it does not stop it being SMART
  (on the corpus's train and dev splits, that made the SMART verdict agree less with readers).
"""

from __future__ import annotations

from dataclasses import replace

from goldenthread.core.quality.judge.protocol import Judgement
from goldenthread.core.quality.model import Finding, Status
from goldenthread.core.quality.rules_plain import acronyms_unexplained, jargon_hard
from goldenthread.core.quality.statement import Statement

JARGON_BLOCKS_SMART = 2
EARLY_YEARS_AGE = 5


def verdict_settle(
    judgement: Judgement, statement: Statement, criteria: dict[str, Finding]
) -> Judgement:
    """Apply the guidance's hard limits to a judgement (see the module docstring)."""
    fields = dict(judgement.fields)
    settled: set[str] = set()  # fields a hard limit decided: the model's doubt no longer counts
    jargon = jargon_hard(statement.text, statement.lower)
    if jargon or acronyms_unexplained(statement.text):
        fields["plain"] = False
        settled.add("plain")
    blocked = (
        len(jargon) >= JARGON_BLOCKS_SMART
        or criteria["achievable"].status is Status.FAIL
        or criteria["realistic"].status is Status.FAIL
        or (_early_years(statement) and criteria["time_bound"].status is Status.FAIL)
    )
    if blocked:
        fields["smart"] = False
        settled.add("smart")
    unsure = tuple(name for name in judgement.unsure if name not in settled)
    if fields == judgement.fields and unsure == judgement.unsure:
        return judgement
    return replace(judgement, fields=fields, unsure=unsure)


def _early_years(statement: Statement) -> bool:
    born = statement.context.date_of_birth
    if born is None:
        return False
    return (statement.today - born).days < EARLY_YEARS_AGE * 365.25
