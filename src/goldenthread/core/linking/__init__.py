"""Theme, area and domain linking, and duplicate finding, for plan statements.

    from goldenthread.core.linking import suggest_links, suggest_links_many, Links

The default suggester is a small static embedding distilled from all-MiniLM-L6-v2 plus a
lexicon, with linear heads trained on evals/data/themes/train.jsonl. It runs offline with
numpy and model2vec only (no torch) and gives the same answer every time.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from goldenthread.core.linking.labels import AREAS, DOMAINS, THEMES, Theme
from goldenthread.core.linking.suggest import (
    AreaSuggestion,
    DomainSuggestion,
    LinkRecord,
    Links,
    LinkSuggester,
    NearestExample,
    StaticLinkSuggester,
    ThemeSuggestion,
)

if TYPE_CHECKING:
    from goldenthread.core.linking.suggest import FloatArray

__all__ = [
    "AREAS",
    "DOMAINS",
    "THEMES",
    "AreaSuggestion",
    "DomainSuggestion",
    "LinkSuggester",
    "Links",
    "NearestExample",
    "StaticLinkSuggester",
    "Theme",
    "ThemeSuggestion",
    "default_suggester",
    "link_records_many",
    "suggest_links",
    "suggest_links_many",
]


@lru_cache(maxsize=1)
def default_suggester() -> StaticLinkSuggester:
    """The shipped model, loaded once per process (about a second, about 100 MB)."""
    from goldenthread.core.linking.model import (
        FeatureEncoder,
        default_examples,
        default_heads,
    )

    return StaticLinkSuggester(FeatureEncoder.load_default(), default_heads(), default_examples())


def suggest_links(text: str, *, suggester: LinkSuggester | None = None) -> Links:
    """Suggested themes, areas of need and domain for one statement, best first."""
    return suggest_links_many([text], suggester=suggester)[0]


def suggest_links_many(
    texts: Sequence[str], *, suggester: LinkSuggester | None = None, explain: bool = True
) -> list[Links]:
    """Suggestions for many statements at once (batched: use this for audits).

    ``explain=False`` skips the reasons and nearest examples: several times faster, for
    area-wide audits where only the labels and confidences are kept.
    """
    return (suggester or default_suggester()).suggest(texts, explain=explain)


def link_records_many(
    texts: Sequence[str],
    *,
    suggester: LinkSuggester | None = None,
    features: FloatArray | None = None,
) -> list[LinkRecord]:
    """``[links.to_record() for links in suggest_links_many(texts, explain=False)]``, faster.

    For audits: labels and confidences only, as plain dicts, without building Links. In
    worker processes (one per core) set ``TOKENIZERS_PARALLELISM=false`` before the first
    call so the tokenizer does not start a thread per core in each worker; the tokenizer
    is rarely called anyway (see wordcache.py). ``features``, when given, is the default
    ``FeatureEncoder.encode(texts)`` already worked out (used by the default suggester only).
    """
    chosen = suggester or default_suggester()
    if isinstance(chosen, StaticLinkSuggester):
        return chosen.records(texts, features)
    return [links.to_record() for links in chosen.suggest(texts, explain=False)]
