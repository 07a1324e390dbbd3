"""Shape, determinism and explanations of theme / area / domain suggestions."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from goldenthread.core.linking import (
    AREAS,
    DOMAINS,
    AreaSuggestion,
    DomainSuggestion,
    Links,
    LinkSuggester,
    ThemeSuggestion,
    suggest_links,
    suggest_links_many,
)

TRAVEL = "By the end of Year 9, Jordan will travel to school on the bus on his own."
ANXIETY = "Maya will use her breathing exercises to calm down when she feels anxious."
READING = "By the end of Year 4, Daisy will read a book at her level with 90% accuracy."
FRIENDS = "I want to make friends and go to the youth club with them on Fridays."


def test_links_shape_and_order() -> None:
    links = suggest_links(TRAVEL)
    assert [t.theme for t in links.themes] and sorted(t.theme for t in links.themes) == [1, 2, 3, 4]
    assert {a.area for a in links.areas} == set(AREAS)
    assert {d.domain for d in links.domain} == set(DOMAINS)
    for group in (links.themes, links.areas, links.domain):
        confidences = [item.confidence for item in group]
        assert confidences == sorted(confidences, reverse=True)
        assert all(0.0 <= c <= 1.0 for c in confidences)
    assert abs(sum(a.confidence for a in links.areas) - 1.0) < 0.01


def test_theme_carries_label_and_pfa() -> None:
    best = suggest_links(TRAVEL).themes[0]
    assert best.theme == 1
    assert best.label.startswith("Independent Lives")
    assert best.pfa == "independent_living"


@pytest.mark.parametrize(("text", "theme"), [(TRAVEL, 1), (FRIENDS, 2), (ANXIETY, 3), (READING, 4)])
def test_clear_statements_get_their_theme(text: str, theme: int) -> None:
    assert suggest_links(text).themes[0].theme == theme


def test_to_record() -> None:
    record = suggest_links(READING).to_record()
    assert set(record) == {"themes", "areas", "domain"}
    assert record["themes"][0] == {"theme": 4, "confidence": record["themes"][0]["confidence"]}
    assert set(record["areas"][0]) == {"area", "confidence"}
    assert set(record["domain"][0]) == {"domain", "confidence"}


def test_deterministic_and_batch_equals_single() -> None:
    texts = [TRAVEL, ANXIETY, READING, FRIENDS]
    first = suggest_links_many(texts)
    assert first == suggest_links_many(texts)
    assert [suggest_links(t) for t in texts] == first


def test_explanations_present_and_plain() -> None:
    links = suggest_links(TRAVEL)
    assert links.themes[0].because, "best theme must say why"
    assert links.areas[0].because and links.domain[0].because
    assert {"bus", "travel"} & set(links.themes[0].because)
    assert "jordan" not in links.themes[0].because  # names are never a reason
    assert links.examples and links.examples[0].similarity > 0.5


def test_suggested_themes_never_empty() -> None:
    links = suggest_links("ok")
    assert len(links.suggested_themes()) >= 1


def test_unexplained_batch_has_same_labels() -> None:
    texts = [TRAVEL, ANXIETY, READING, FRIENDS]
    bare = suggest_links_many(texts, explain=False)
    full = suggest_links_many(texts)
    assert [b.to_record() for b in bare] == [f.to_record() for f in full]
    assert bare[0].themes[0].because == () and bare[0].examples == ()


def test_empty_batch() -> None:
    assert suggest_links_many([]) == []


class FakeSuggester:
    def suggest(self, texts: Sequence[str], *, explain: bool = True) -> list[Links]:
        return [
            Links(
                themes=(ThemeSuggestion(2, "Family", "community_inclusion", 1.0, ("fake",)),),
                areas=(AreaSuggestion("sensory_and_physical", "S", 1.0, ()),),
                domain=(DomainSuggestion("health", "Health", 1.0, ()),),
            )
            for _ in texts
        ]


def test_protocol_accepts_a_fake() -> None:
    fake: LinkSuggester = FakeSuggester()
    assert suggest_links(READING, suggester=fake).themes[0].theme == 2
