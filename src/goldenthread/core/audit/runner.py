"""Assess every audit item with the quality engine, in input order, in parallel when it pays.

Small inputs run in this process. Big ones (more than ``PARALLEL_THRESHOLD`` statements) are cut
into chunks of ``CHUNK_SIZE`` and shared between ``WORKERS`` processes: starting processes costs
about a second, which only pays off for thousands of statements.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any

from goldenthread.core.audit.model import AuditItem

WORKERS = 2
CHUNK_SIZE = 1000
PARALLEL_THRESHOLD = 2000

# One statement as sent to a worker: (id, text, today, date of birth), dates as ISO text.
WorkUnit = tuple[str | int, str, str, str | None]
Record = dict[str, Any]
ProgressCallback = Callable[[int], None]


def audit_run(
    items: Sequence[AuditItem],
    *,
    today: dt.date,
    progress: ProgressCallback | None = None,
    workers: int = WORKERS,
    chunk_size: int = CHUNK_SIZE,
    parallel_threshold: int = PARALLEL_THRESHOLD,
    themes: bool = True,
) -> list[Record]:
    """Return one audit record per item, in the same order as ``items``.

    ``today`` is used for items that carry no date of their own. ``progress`` is called with the
    number of statements finished after each chunk. ``themes=False`` skips theme linking (about
    half the time per statement).
    """
    work = audit_chunk if themes else audit_chunk_without_themes
    units: list[WorkUnit] = [
        (
            item.record_id,
            item.text,
            (item.today or today).isoformat(),
            item.date_of_birth.isoformat() if item.date_of_birth else None,
        )
        for item in items
    ]
    chunks = [units[start : start + chunk_size] for start in range(0, len(units), chunk_size)]
    records: list[Record] = []
    if workers > 1 and len(units) > parallel_threshold:
        # Each worker is one process on one core: the tokenizer must not start threads of its own.
        os.environ["TOKENIZERS_PARALLELISM"] = "false"
        context = multiprocessing.get_context("fork")
        with context.Pool(processes=workers) as pool:
            for done in pool.imap(work, chunks):
                records.extend(done)
                if progress is not None:
                    progress(len(done))
    else:
        for chunk in chunks:
            done = work(chunk)
            records.extend(done)
            if progress is not None:
                progress(len(done))
    return [_with_layout(record, item) for record, item in zip(records, items, strict=True)]


def audit_chunk_without_themes(chunk: Sequence[WorkUnit]) -> list[Record]:
    """Assess a chunk of statements without theme linking (runs in a worker process)."""
    return audit_chunk(chunk, themes=False)


def audit_chunk(chunk: Sequence[WorkUnit], *, themes: bool = True) -> list[Record]:
    """Assess a chunk of statements and add their theme links (runs in a worker process)."""
    from goldenthread.core.quality import assess
    from goldenthread.core.quality.model import StatementContext
    from goldenthread.core.quality.record import assessment_to_record

    records: list[Record] = []
    for record_id, text, today, date_of_birth in chunk:
        context = StatementContext(
            today=dt.date.fromisoformat(today),
            date_of_birth=dt.date.fromisoformat(date_of_birth) if date_of_birth else None,
        )
        records.append(assessment_to_record(assess(text, context), record_id))
    if themes:
        for record, link in zip(records, theme_links([unit[1] for unit in chunk]), strict=True):
            record.update(link)
    return records


def theme_links(texts: Sequence[str]) -> list[Record]:
    """Theme, area and domain suggestions per text, as the audit record's ``themes``, ``areas``
    and ``domain`` keys (the labels only: reasons are for pages, not for bulk audits)."""
    from goldenthread.core.linking import link_records_many

    return link_records_many(list(texts))


def _with_layout(record: Record, item: AuditItem) -> Record:
    """Add what the input said about the statement: its section, domain and extra columns.

    ``plan_domain`` is the domain the plan itself states (a sub-heading or column); ``domain``, when
    present, is theme linking's suggestion, which people confirm or correct.
    """
    record["section"] = item.section
    record["plan_domain"] = item.domain
    record["extra"] = dict(item.extra)
    return record
