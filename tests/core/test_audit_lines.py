"""``record_line`` writes exactly what ``json.dumps`` of the audit record dict writes."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from goldenthread.core.audit import lines
from goldenthread.core.audit.lines import record_line
from goldenthread.core.quality import assess, assessment_to_record

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_quality_golden import _context, golden_cases

LINKS = {
    "areas": [{"area": "cognition_and_learning", "confidence": 0.807}],
    "domain": [{"domain": "education", "confidence": 1.0}],
    "themes": [{"theme": 4, "confidence": 0.997}, {"theme": 1, "confidence": 0.0}],
}


def _dumps(assessment, record_id, links, tail):  # type: ignore[no-untyped-def]
    record = assessment_to_record(assessment, record_id)
    record.update(links)
    record.update(tail)
    return json.dumps(record, ensure_ascii=False)


def test_lines_are_json_dumps_for_every_golden_statement() -> None:
    tails = [
        {"section": None, "plan_domain": None, "extra": {}},
        {"section": "E", "plan_domain": "health", "extra": {"row": 3, "ü": "“x”\n", "n": None}},
    ]
    for number, (text, raw) in enumerate(golden_cases()):
        assessment = assess(text, _context(raw))
        for record_id in (number, f"id-{number}", None):
            for links in (LINKS, {}):
                for tail in tails:
                    line, failing = record_line(assessment, record_id, links, tail)
                    assert line == _dumps(assessment, record_id, links, tail)
                    record = json.loads(line)
                    assert failing == tuple(
                        name
                        for name, found in record["criteria"].items()
                        if found["status"] == "fail"
                    )


def test_awkward_text_and_a_full_finding_cache(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(lines, "MAX_FINDINGS", 2)
    context = _context({"today": dt.date(2026, 11, 22).isoformat()})
    for text in (
        'Tab\there "quoted" \\ back\u2028slash \x00 😀 é',
        "",
        "I will read 3 books by July 2027.",
        "To improve his social skills.",
    ):
        assessment = assess(text, context)
        for _ in range(2):  # written, then (for shared findings) from the cache
            line, _failing = record_line(assessment, 1, LINKS, {"extra": {}})
            assert line == _dumps(assessment, 1, LINKS, {"extra": {}})
