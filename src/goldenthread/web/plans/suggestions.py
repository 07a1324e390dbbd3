"""Link suggestions as people see them: best first, in words, with the reasons.

The linker (``goldenthread.core.linking``) suggests themes, an area of need and a service for a
statement. Here those suggestions become what a form shows beside its fields, the boxes it ticks
for a person who has not chosen yet, the record kept beside the person's choice at every save,
and the short summary the history page shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import QueryDict

from goldenthread.core.linking import Links, suggest_links

# What each kind of part links, in the order the form shows the fields.
LINKED_FIELDS: dict[str, tuple[str, ...]] = {
    "outcomes": ("themes", "area", "domain"),
    "needs": ("area", "domain"),
    "provision": ("domain",),
}
TEXT_FIELD = {"outcomes": "text", "needs": "text", "provision": "description"}
SUGGEST_BUTTON = {
    "outcomes": "Suggest themes and area",
    "needs": "Suggest area and service",
    "provision": "Suggest service",
}
SUGGEST_ACTION = "suggest"
# Confidence in words families understand, highest first: (lowest confidence, words).
CONFIDENCE_WORDS: tuple[tuple[float, str], ...] = (
    (0.8, "very likely"),
    (0.5, "likely"),
    (0.2, "possible"),
    (0.0, "unlikely"),
)
THEMES_SHOWN = 4
SERVICE = "service"


def confidence_words(confidence: float, *, with_percent: bool = False) -> str:
    """ "very likely", or "very likely (91%)" for professionals."""
    words = next(words for lowest, words in CONFIDENCE_WORDS if confidence >= lowest)
    return f"{words} ({round(confidence * 100)}%)" if with_percent else words


@dataclass(frozen=True)
class SuggestionLine:
    """One suggested label: its stored value, its name, how likely, and the words behind it."""

    value: str
    label: str
    likely: str
    because: tuple[str, ...]
    suggested: bool


@dataclass
class SuggestionsView:
    """Everything the form shows about the suggestions for one statement."""

    themes: list[SuggestionLine] = field(default_factory=list)
    area: SuggestionLine | None = None
    domain: SuggestionLine | None = None
    examples: list[str] = field(default_factory=list)

    def item_hints(self) -> dict[str, dict[str, str]]:
        """Hints for the ticked-by-suggestion items of each field: {field: {value: hint}}."""
        hints: dict[str, dict[str, str]] = {"themes": {}}
        for line in self.themes:
            if line.suggested:
                hints["themes"][line.value] = f"Suggested: {line.likely}"
        if self.area:
            hints["area"] = {self.area.value: f"Suggested: {self.area.likely}"}
        if self.domain:
            hints["domain"] = {self.domain.value: f"Suggested: {self.domain.likely}"}
        return hints


def suggestions_view(links: Links, *, kind: str, with_percent: bool) -> SuggestionsView:
    """What to show for ``kind``'s linked fields, best first."""
    fields = LINKED_FIELDS[kind]
    view = SuggestionsView(examples=[example.text for example in links.examples])
    if "themes" in fields:
        chosen = {t.theme for t in links.suggested_themes()}
        view.themes = [
            SuggestionLine(
                str(t.theme),
                t.label,
                confidence_words(t.confidence, with_percent=with_percent),
                t.because,
                t.theme in chosen,
            )
            for t in links.themes[:THEMES_SHOWN]
        ]
    if "area" in fields and links.areas:
        a = links.areas[0]
        view.area = SuggestionLine(
            a.area,
            a.label,
            confidence_words(a.confidence, with_percent=with_percent),
            a.because,
            True,
        )
    if "domain" in fields and links.domain:
        d = links.domain[0]
        view.domain = SuggestionLine(
            d.domain,
            d.label,
            confidence_words(d.confidence, with_percent=with_percent),
            d.because,
            True,
        )
    return view


def suggestions_for(text: str, *, kind: str, with_percent: bool) -> SuggestionsView | None:
    """Suggestions with reasons for the words a person wrote, or None when there are none yet."""
    if kind not in LINKED_FIELDS or not text.strip():
        return None
    return suggestions_view(suggest_links(text), kind=kind, with_percent=with_percent)


def data_preselect(data: QueryDict, view: SuggestionsView, *, kind: str) -> QueryDict:
    """The posted form with the suggestions filled in where the person has not chosen yet.

    Nothing the person chose is changed: they confirm or change what is filled in, then save.
    """
    filled = data.copy()
    fields = LINKED_FIELDS[kind]
    if "themes" in fields and not filled.getlist("themes"):
        filled.setlist("themes", [line.value for line in view.themes if line.suggested])
    if "area" in fields and view.area and not filled.get("area"):
        filled["area"] = view.area.value
    if "domain" in fields and view.domain and not filled.get("domain"):
        filled["domain"] = view.domain.value
    return filled


def record_summary(record: dict[str, Any] | None) -> str:
    """The stored suggestion in one line, for the history page: best theme(s), area, service."""
    if not record:
        return ""
    from goldenthread.core.linking.labels import AREA_LABELS, DOMAIN_LABELS, THEME_BY_NUMBER

    parts = []
    themes = record.get("themes") or []
    picked = [t for t in themes if t["confidence"] >= 0.5] or themes[:1]
    if picked:
        names = ", ".join(
            f"{THEME_BY_NUMBER[t['theme']].name} ({confidence_words(t['confidence'])})"
            for t in picked
        )
        parts.append(f"Themes: {names}")
    for key, name, labels in (
        ("areas", "area", AREA_LABELS),
        ("domain", SERVICE, DOMAIN_LABELS),
    ):
        best = (record.get(key) or [None])[0]
        if best:
            value = best["area" if key == "areas" else "domain"]
            words = confidence_words(best["confidence"])
            parts.append(f"{name.capitalize()}: {labels.get(value, value)} ({words})")
    return "; ".join(parts)
