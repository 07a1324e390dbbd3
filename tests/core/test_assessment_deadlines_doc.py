from pathlib import Path

from goldenthread.core.assessments import ASSESSMENT_RULES
from goldenthread.core.assessments.catalogue import render

DOC = Path(__file__).resolve().parents[2] / "docs" / "assessment-deadlines.md"


def test_assessment_deadlines_doc_is_up_to_date():
    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/assessment-deadlines.md is stale: run "
        "`python -m goldenthread.core.assessments.catalogue > docs/assessment-deadlines.md`"
    )


def test_every_rule_is_documented_with_its_source():
    text = DOC.read_text(encoding="utf-8")
    for entry in ASSESSMENT_RULES.values():
        assert f"### `{entry.name}`" in text
        assert entry.source in text
