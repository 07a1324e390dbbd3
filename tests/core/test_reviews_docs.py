from pathlib import Path

from goldenthread.core.reviews import DEADLINE_RULES, REVIEW_INTERVALS
from goldenthread.core.reviews.catalogue import render
from goldenthread.core.vocabulary import PLAN_KIND_LABELS

DOC = Path(__file__).resolve().parents[2] / "docs" / "reviews.md"


def test_reviews_doc_is_up_to_date():
    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/reviews.md is stale: run "
        "`python -m goldenthread.core.reviews.catalogue > docs/reviews.md`"
    )


def test_every_rule_and_interval_is_documented():
    text = DOC.read_text(encoding="utf-8")
    assert DEADLINE_RULES
    for entry in DEADLINE_RULES.values():
        assert f"### `{entry.name}`" in text
        assert entry.reason in text
        assert entry.source in text
    for kind, row in REVIEW_INTERVALS.items():
        assert f"{PLAN_KIND_LABELS[kind]} (`{kind.value}`)" in text
        assert row.source in text
