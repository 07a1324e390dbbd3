"""The counted parts of the rubric corpus README, written from the corpus file itself.

Three parts of ``evals/data/corpus/README.md`` are figures about the file, so they are written by
``scripts/corpus_readme.py`` rather than by hand: the "Counts (this file)" list, the reader
agreement table and the "Sources" list. The method prose is left as it is.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from goldenthread.evaluation.corpus import agreement, corpus_load, website

COUNTS_HEADING = "## Counts (this file)"
AGREEMENT_HEADING = "## Reader agreement"
SOURCES_HEADING = "## Sources"


def _counted(counter: Counter[str]) -> str:
    return ", ".join(f"{key} {n}" for key, n in counter.most_common())


def counts_block(records: list[dict[str, Any]]) -> str:
    """The "Counts" list: statements, pages, websites, splits, countries, kinds, how settled."""
    examples = [r for r in records if r["id"].startswith("ex")]
    lines = [
        f"- statements: {len(records)} ({len(examples)} rubric worked examples"
        f" + {len(records) - len(examples)} collected)",
        f"- distinct pages: {len({r['source'] for r in records})};"
        f" distinct websites: {len({website(r['source']) for r in records})}",
    ]
    for split in ("train", "dev", "test"):
        chosen = [r for r in records if r["split"] == split]
        lines.append(
            f"- {split}: {len(chosen)} statements from {len({r['source'] for r in chosen})} pages"
            f" on {len({website(r['source']) for r in chosen})} websites"
        )
    countries = Counter(str(r.get("country", "")) for r in records)
    outside = len(records) - countries["England"]
    uk_outside = sum(countries[c] for c in ("Scotland", "Wales", "Northern Ireland"))
    lines += [
        f"- countries: {_counted(countries)}",
        f"- **non-England share: {outside} of {len(records)} ="
        f" {100 * outside / len(records):.1f}%** (UK outside England: {uk_outside})",
        f"- source_kind: {_counted(Counter(str(r.get('source_kind', '')) for r in records))}",
        f"- kind (settled label): {_counted(Counter(r['labels']['kind'] for r in records))}",
    ]
    for split in ("train", "dev", "test"):
        kinds = Counter(r["labels"]["kind"] for r in records if r["split"] == split)
        lines.append(f"  - {split}: {_counted(kinds)}")
    collected = [r for r in records if not r["id"].startswith("ex")]
    to_reader1 = sum(1 for r in examples if "settled" in str(r["labels"].get("note", "")))
    agreed = len(examples) - to_reader1
    agreed += sum(1 for r in collected if "settled_note" not in r and "settled_by" not in r)
    settled = sum(1 for r in collected if "settled_note" in r)
    fallback = sum(1 for r in collected if "settled_by" in r)
    lines.append(
        f"- settled by: both readers agreed on every field {agreed}; adjudicated (`settled_note`)"
        f" {settled}; reader1 where adjudication was missing (`settled_by`) {fallback};"
        f" worked examples settled to reader1 {to_reader1}"
    )
    lines.append(
        f"\nOf the {outside} non-England statements, {countries['US']} are from US pages"
        f" (IEP goal banks, sample plans); UK outside England is {uk_outside}."
    )
    return "\n".join(lines) + "\n"


def agreement_table(path: Path) -> str:
    """The kappa table: all statements, collected only, worked examples only."""
    items = corpus_load(path)
    columns = [
        agreement(items),
        agreement([i for i in items if not i.id.startswith("ex")]),
        agreement([i for i in items if i.id.startswith("ex")]),
    ]
    rows = [
        "| field | kappa, all | n | kappa, collected only | n | kappa, worked examples | n |",
        "|---|---|---|---|---|---|---|",
    ]
    for field in columns[0]:
        cells = " | ".join(f"{c[field][0]:.3f} | {c[field][1]}" for c in columns)
        rows.append(f"| {field} | {cells} |")
    return "\n".join(rows) + "\n"


def sources_block(records: list[dict[str, Any]]) -> str:
    """Every website with its pages and statement counts, its split, kinds and countries."""
    pages: dict[str, Counter[str]] = defaultdict(Counter)
    for record in records:
        pages[website(record["source"])][record["source"]] += 1
    lines = []
    for site in sorted(pages):
        chosen = [r for r in records if website(r["source"]) == site]
        kinds = sorted({str(r.get("source_kind", "")) for r in chosen})
        countries = sorted({str(r.get("country", "")) for r in chosen})
        n_pages = len(pages[site])
        lines.append(
            f"- **{site}**: {n_pages} page{'s' if n_pages != 1 else ''}, {len(chosen)} statements,"
            f" {chosen[0]['split']} ({', '.join(kinds)}; {', '.join(countries)})"
        )
        lines += [f"  - <{url}> ({n})" for url, n in sorted(pages[site].items())]
    return "\n".join(lines) + "\n"


def _replace(text: str, heading: str, body: str, keep_intro: bool) -> str:
    """Replace the section under ``heading`` (to the next "## ") with ``body``.

    With ``keep_intro`` the paragraphs before the section's first list or table are kept."""
    start = text.index(heading)
    end_match = re.compile(r"^## ", re.M).search(text, start + len(heading))
    end = end_match.start() if end_match else len(text)
    section = text[start:end]
    head_end = section.index("\n") + 1
    intro = ""
    if keep_intro:
        first = re.search(r"^(\||- )", section[head_end:], re.M)
        intro = section[head_end : head_end + (first.start() if first else 0)]
    else:
        intro = "\n"
    tail = "\n" if end_match else ""
    return text[:start] + section[:head_end] + intro + body + tail + text[end:]


def readme_rewrite(path: Path) -> str:
    """The README next to the corpus file at ``path`` with its counted sections rewritten."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    text = (path.parent / "README.md").read_text(encoding="utf-8")
    text = _replace(text, COUNTS_HEADING, counts_block(records), keep_intro=False)
    text = _replace(text, AGREEMENT_HEADING, agreement_table(path), keep_intro=True)
    return _replace(text, SOURCES_HEADING, sources_block(records), keep_intro=False)
