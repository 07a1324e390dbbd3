"""The rubric corpus: real statements labelled twice to the outcome rubric, split by website.

One JSON line per statement (``evals/data/corpus/statements.jsonl``): ``id``, ``text``,
``source`` (URL), ``source_title``, ``source_kind``, ``country``, ``split`` (train/dev/test,
assigned by website so no site is in two splits), ``reader1`` and ``reader2`` (each reader's
rubric fields) and ``labels`` (the settled fields).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

CORPUS_PATH = Path(__file__).resolve().parents[3] / "evals" / "data" / "corpus" / "statements.jsonl"
KINDS = ("aspiration", "need", "target", "provision", "outcome")
BOOLEAN_FIELDS = (
    "has_when",
    "measurable",
    "specific",
    "about_child",
    "first_person",
    "not_provision",
    "plain",
    "smart",
)
RUBRIC_FIELDS = ("kind", *BOOLEAN_FIELDS, "theme", "theme2")
SPLITS = ("train", "dev", "test")
SPLIT_SHARES = {"train": 0.6, "dev": 0.2, "test": 0.2}
SPLIT_SEED = "goldenthread-corpus-v1"


@dataclass(frozen=True, slots=True)
class CorpusItem:
    """One corpus statement with its settled labels."""

    id: str
    text: str
    source: str
    split: str
    labels: dict[str, Any]
    reader1: dict[str, Any]
    reader2: dict[str, Any]


def corpus_load(path: Path = CORPUS_PATH) -> list[CorpusItem]:
    """Read the corpus (every line must have text, split and labels)."""
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        value = json.loads(line)
        items.append(
            CorpusItem(
                id=str(value["id"]),
                text=str(value["text"]),
                source=str(value.get("source", "")),
                split=str(value.get("split", "train")),
                labels=dict(value["labels"]),
                reader1=dict(value.get("reader1") or {}),
                reader2=dict(value.get("reader2") or {}),
            )
        )
    return items


def website(url: str) -> str:
    """The website a source URL belongs to: its host, lower-cased, without "www." or a final dot.

    Splitting by website (not page) keeps a site's house style out of the test set."""
    host = (urlparse(url).hostname or url).lower().rstrip(".")
    return host.removeprefix("www.")


def splits_assign(
    sources: Sequence[str],
    *,
    seed: str = SPLIT_SEED,
    shares: dict[str, float] | None = None,
    kept: Mapping[str, str] | None = None,
    new_to: str | None = None,
) -> dict[str, str]:
    """Website -> split, deterministic: websites in seeded-hash order, each to the split furthest
    below its share of statements so far. ``sources`` has one URL per statement.

    ``kept`` (website -> split) are websites already assigned: they keep their split and count
    towards its share, so adding statements never moves a test website into training.
    ``new_to`` puts every website not in ``kept`` in that one split (a fresh test set of
    websites no model or rule was chosen on)."""
    shares = shares or SPLIT_SHARES
    counts = Counter(website(source) for source in sources)
    kept = kept or {}
    filled = dict.fromkeys(shares, 0)
    assigned: dict[str, str] = {}
    for site, split in kept.items():
        if site in counts:
            assigned[site] = split
            filled[split] += counts[site]
    new_sites = [site for site in counts if site not in assigned]
    order = sorted(
        new_sites, key=lambda site: hashlib.sha256(f"{seed}:{site}".encode()).hexdigest()
    )
    for site in order:
        if new_to is not None:
            assigned[site] = new_to
            continue
        total = sum(filled.values()) + counts[site]
        # The split with the largest shortfall against its share once this site is placed.
        split = max(shares, key=lambda name: shares[name] * total - filled[name])
        assigned[site] = split
        filled[split] += counts[site]
    return assigned


def folds_by_website(items: Sequence[CorpusItem], folds: int) -> list[int]:
    """Each statement's fold for cross-validation: whole websites, the largest first, each to
    the smallest fold so far (ties to the lowest number), so the folds are near equal and no
    website is split."""
    sizes = Counter(website(item.source) for item in items)
    fold_of: dict[str, int] = {}
    totals = [0] * folds
    for site in sorted(sizes, key=lambda s: (-sizes[s], s)):
        fold = min(range(folds), key=lambda k: (totals[k], k))
        fold_of[site] = fold
        totals[fold] += sizes[site]
    return [fold_of[website(item.source)] for item in items]


def cohen_kappa(first: Sequence[object], second: Sequence[object]) -> float:
    """Cohen's kappa between two label sequences (1.0 when both are constant and equal)."""
    n = len(first)
    if n == 0:
        return 0.0
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    count_a, count_b = Counter(map(repr, first)), Counter(map(repr, second))
    expected = sum(count_a[key] * count_b.get(key, 0) for key in count_a) / (n * n)
    if expected >= 1.0:
        return 1.0 if observed >= 1.0 else 0.0
    return (observed - expected) / (1.0 - expected)


def agreement(items: Sequence[CorpusItem]) -> dict[str, tuple[float, int]]:
    """Per rubric field: (kappa between reader1 and reader2, items where both gave a value)."""
    figures: dict[str, tuple[float, int]] = {}
    for field in RUBRIC_FIELDS:
        pairs = [
            (item.reader1.get(field), item.reader2.get(field))
            for item in items
            if field in item.reader1 and field in item.reader2
        ]
        figures[field] = (cohen_kappa([a for a, _ in pairs], [b for _, b in pairs]), len(pairs))
    return figures
