from pathlib import Path

from goldenthread.core.quality import CRITERIA, RULES
from goldenthread.core.quality.catalogue import render

DOC = Path(__file__).resolve().parents[2] / "docs" / "quality-rules.md"


def test_catalogue_is_up_to_date():
    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/quality-rules.md is stale: run "
        "`python -m goldenthread.core.quality.catalogue > docs/quality-rules.md`"
    )


def test_every_rule_and_threshold_is_documented():
    text = DOC.read_text(encoding="utf-8")
    for name in CRITERIA:
        assert f"### `{name}`" in text
        assert RULES[name].function.__name__ in text
        assert RULES[name].reason in text
        for threshold in RULES[name].thresholds:
            assert f"`{threshold}`" in text
