"""Worth a second look: the fields the learned judge decided too near even to trust, in words,
on the audit's HTML report and summary (the outcome form's panel is tested in tests/web)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import pytest

from goldenthread.commands import audit as audit_command
from goldenthread.core.audit.model import AuditItem
from goldenthread.core.audit.runner import audit_run
from goldenthread.core.audit.summary import audit_summarise, audit_summary_text
from goldenthread.core.quality import StatementContext, assess
from goldenthread.core.quality.judge import RUBRIC_FIELDS
from goldenthread.core.quality.judge.learned import (
    KIND_UNSURE_BELOW,
    UNSURE_BAND,
    default_judge,
    judgement_from_scores,
)
from goldenthread.core.quality.second_look import (
    FIELD_CRITERIA,
    FIELD_WORDS,
    second_look_fields,
    second_look_sentence,
)

TODAY = dt.date(2026, 12, 7)
# The shipped judge is unsure whether this says exactly what will change (checked first, so a
# rebuilt judge that is sure of it fails loudly rather than passing unseen).
UNSURE = "Sam will take part in group work in class."
SURE = "To improve his social skills."


def test_every_rubric_field_the_judge_decides_has_words() -> None:
    assert set(FIELD_WORDS) == set(RUBRIC_FIELDS) - {"theme", "theme2"}
    assert set(FIELD_CRITERIA) <= set(FIELD_WORDS)


def test_nothing_unsure_says_nothing() -> None:
    assert second_look_sentence(()) == ""


def test_one_field_is_named_in_plain_words() -> None:
    assert second_look_sentence(("specific",)) == (
        "Worth a second look: our checks are not sure about whether it says exactly what will "
        "change. Read it again yourself."
    )


def test_several_fields_are_listed_in_rubric_order_and_smart_gives_way_to_its_parts() -> None:
    assert second_look_fields(("smart", "specific", "measurable")) == ["measurable", "specific"]
    assert second_look_fields(("smart",)) == ["smart"]
    sentence = second_look_sentence(("specific", "kind", "smart"))
    assert sentence.startswith(
        "Worth a second look: our checks are not sure about what kind of statement it is; and "
        "whether it says exactly what will change."
    )
    assert "SMART" not in sentence


def _scores(kind: list[float], yes: dict[str, float]) -> dict[str, list[float]]:
    """Scores (log-odds) that give these probabilities once through the judge's softmax and
    sigmoid (temperature already applied)."""
    import math

    scores = {"kind": [math.log(p) for p in kind], "theme": [0.0, 0.0, 0.0, 0.0]}
    for name, p in yes.items():
        scores[name] = [math.log(p / (1 - p))]
    return scores


def _rules(**fields: object) -> dict[str, object]:
    reading: dict[str, object] = {"kind": "outcome", "smart": False}
    reading.update(dict.fromkeys(FIELD_WORDS, True) | fields)
    return reading


def test_a_probability_in_the_band_is_unsure_and_one_outside_is_not() -> None:
    heads = default_judge().heads
    low, high = UNSURE_BAND
    parts = {"has_when": 0.95, "measurable": 0.95, "about_child": 0.95, "not_provision": 0.95}
    sure = dict(parts, specific=0.9, first_person=0.1, plain=0.9, smart=0.9)
    judged = judgement_from_scores(heads, _scores([0.05, 0.05, 0.05, 0.05, 0.8], sure), _rules())
    assert judged.unsure == ()
    for p in (low + 0.01, 0.5, high - 0.01):
        near = dict(sure, specific=p)
        judged = judgement_from_scores(heads, _scores([0.05] * 4 + [0.8], near), _rules())
        assert "specific" in judged.unsure
        # SMART rests on "specific": if that could turn, so could SMART.
        assert "smart" in judged.unsure
    top = KIND_UNSURE_BELOW - 0.05
    rest = (1 - 2 * top) / 3
    judged = judgement_from_scores(heads, _scores([rest, rest, rest, top, top], sure), _rules())
    assert "kind" in judged.unsure
    top = KIND_UNSURE_BELOW + 0.05
    rest = (1 - top) / 4
    judged = judgement_from_scores(heads, _scores([rest] * 4 + [top], sure), _rules())
    assert "kind" not in judged.unsure


def test_smart_is_not_unsure_when_a_sure_part_fails() -> None:
    heads = default_judge().heads
    fields = {"has_when": 0.05, "measurable": 0.5, "specific": 0.9, "about_child": 0.95}
    fields |= {"not_provision": 0.95, "first_person": 0.1, "plain": 0.9, "smart": 0.1}
    # The rules decide has_when: they find no time frame.
    rules = _rules(has_when=False)
    judged = judgement_from_scores(heads, _scores([0.05] * 4 + [0.8], fields), rules)
    assert "measurable" in judged.unsure
    assert "smart" not in judged.unsure, "it has no time frame, whatever the measure"


def _audit(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    audit_command.add_arguments(parser)
    return audit_command.run(parser.parse_args(list(argv)))


def test_the_audit_counts_and_reports_what_is_worth_a_second_look(tmp_path: Path) -> None:
    context = StatementContext(today=TODAY)
    assert "specific" in assess(UNSURE, context).unsure
    assert assess(SURE, context).unsure == ()
    results = audit_run(
        [AuditItem(position=n, text=t) for n, t in enumerate((UNSURE, SURE))],
        today=TODAY,
        themes=False,
    )
    assert [result.second_look for result in results] == [True, False]
    summary = audit_summarise(results)
    assert summary.second_look_count == 1
    assert "Worth a second look (the learned judge is unsure): 1 (50%)" in (
        audit_summary_text(summary)
    )

    source = tmp_path / "outcomes.jsonl"
    source.write_text("".join(json.dumps({"text": text}) + "\n" for text in (UNSURE, SURE)))
    out = tmp_path / "audit.html"
    assert _audit(str(source), "-o", str(out), "--today", TODAY.isoformat()) == 0
    html = out.read_text(encoding="utf-8")
    assert "1 (50%) are worth a second look" in html
    assert html.count("Worth a second look: our checks are not sure about") == 1
    assert "whether it says exactly what will change" in html


@pytest.mark.parametrize("text", [UNSURE, SURE])
def test_the_record_names_the_unsure_fields(text: str) -> None:
    record = json.loads(
        audit_run([AuditItem(position=1, text=text)], today=TODAY, themes=False)[0].line
    )
    assert set(record["unsure"]) <= set(FIELD_WORDS)
    assert bool(record["unsure"]) is (text == UNSURE)


def test_a_field_a_hard_limit_decides_is_not_left_unsure() -> None:
    from dataclasses import replace

    from goldenthread.core.quality.engine import read_and_check
    from goldenthread.core.quality.verdict import verdict_settle

    statement, criteria, smart = read_and_check(
        "By July 2027 I will use my VOCA and PECS with my SALT in 3 of 4 sessions.",
        StatementContext(today=TODAY),
    )
    judged = default_judge().judge_read(statement, criteria, smart)
    doubtful = replace(judged, unsure=("specific", "plain", "smart"))
    settled = verdict_settle(doubtful, statement, criteria)
    assert settled.fields["plain"] is False and settled.fields["smart"] is False
    assert settled.unsure == ("specific",), "jargon decides plain and blocks SMART"
