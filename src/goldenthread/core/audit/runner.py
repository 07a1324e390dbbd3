"""Assess every audit item with the quality engine, in input order, in parallel when it pays.

Small inputs run in this process. Big ones (more than ``PARALLEL_THRESHOLD`` statements) are cut
into chunks of ``CHUNK_SIZE`` and shared between ``WORKERS`` processes, one per core: starting
processes costs about a second, which only pays off for thousands of statements.

Workers hand back each record already written as its JSONL line, with the few facts the summary
counts: sending text between processes is far cheaper than sending nested dicts, and it spreads
the JSON writing over both cores. CSV and HTML output read the line back with ``record()``.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any, NamedTuple, cast

import numpy as np

from goldenthread.core.audit.model import AuditItem

if TYPE_CHECKING:
    from goldenthread.core.linking.model import FeatureEncoder
    from goldenthread.core.linking.suggest import FloatArray

#: One worker per core this process may run on (2 on the reference machine).
WORKERS = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
CHUNK_SIZE = 1000
PARALLEL_THRESHOLD = 2000
#: The most theme links kept for repeated statements in one process (then it starts afresh).
LINKS_CACHE_SIZE = 20_000

# One statement as sent to a worker: (id, text, today, date of birth, section, plan domain,
# extra input columns), dates as ISO text.
WorkUnit = tuple[str | int, str, str, str | None, str | None, str | None, dict[str, Any]]
Record = dict[str, Any]
ProgressCallback = Callable[[int], None]
FAIL = "fail"
_LINKS: dict[str, Record] = {}


class AuditResult(NamedTuple):
    """One statement's audit record as its JSONL line, plus what the summary counts."""

    line: str
    kind: str
    smart: bool
    failing: tuple[str, ...]
    section: str | None
    second_look: bool = False  # the learned judge is unsure of a field (worth a second look)

    def record(self) -> Record:
        """The record as a dict (the JSONL contract, docs/schemas/audit-record.schema.json)."""
        parsed: Record = json.loads(self.line)
        return parsed


def audit_run(
    items: Sequence[AuditItem],
    *,
    today: dt.date,
    progress: ProgressCallback | None = None,
    workers: int = WORKERS,
    chunk_size: int = CHUNK_SIZE,
    parallel_threshold: int = PARALLEL_THRESHOLD,
    themes: bool = True,
) -> list[AuditResult]:
    """Return one audit result per item, in the same order as ``items`` (see ``audit_stream``)."""
    return list(
        audit_stream(
            items,
            today=today,
            progress=progress,
            workers=workers,
            chunk_size=chunk_size,
            parallel_threshold=parallel_threshold,
            themes=themes,
        )
    )


def audit_stream(
    items: Sequence[AuditItem],
    *,
    today: dt.date,
    progress: ProgressCallback | None = None,
    workers: int = WORKERS,
    chunk_size: int = CHUNK_SIZE,
    parallel_threshold: int = PARALLEL_THRESHOLD,
    themes: bool = True,
) -> Iterator[AuditResult]:
    """Yield one audit result per item, in the same order as ``items``, as chunks finish.

    Streaming lets a JSONL report be written while later chunks are still being checked, so
    memory stays flat however long the input. ``today`` is used for items that carry no date of
    their own. ``progress`` is called with the number of statements finished after each chunk.
    ``themes=False`` skips theme linking.
    """
    work = audit_chunk if themes else audit_chunk_without_themes
    units: list[WorkUnit] = [
        (
            item.record_id,
            item.text,
            (item.today or today).isoformat(),
            item.date_of_birth.isoformat() if item.date_of_birth else None,
            item.section,
            item.domain,
            dict(item.extra),
        )
        for item in items
    ]
    chunks = [units[start : start + chunk_size] for start in range(0, len(units), chunk_size)]
    if workers > 1 and len(units) > parallel_threshold:
        # Each worker is one process on one core: the tokenizer must not start threads of its own.
        os.environ["TOKENIZERS_PARALLELISM"] = "false"
        models_load(themes=themes)
        # The models are loaded once, here, and shared with the workers by fork. Freezing the
        # collector's view of them keeps the workers' garbage collections from touching (and
        # so copying) every page they live on.
        gc.freeze()
        try:
            context = multiprocessing.get_context("fork")
            with context.Pool(processes=workers) as pool:
                for done in pool.imap(partial(_without_collector, work), chunks):
                    if progress is not None:
                        progress(len(done))
                    yield from done
        finally:
            gc.unfreeze()
    else:
        for chunk in chunks:
            done = work(chunk)
            if progress is not None:
                progress(len(done))
            yield from done


def _without_collector(
    work: Callable[[Sequence[WorkUnit]], list[AuditResult]], chunk: Sequence[WorkUnit]
) -> list[AuditResult]:
    """``work(chunk)`` with the cycle collector paused (in a worker process only).

    Judging a chunk makes many short-lived objects, and the collector would scan them again
    and again (about 5% of a worker's time); they are freed by reference counting anyway, and
    the collector catches up when it is switched back on after the chunk."""
    gc.disable()
    try:
        return work(chunk)
    finally:
        gc.enable()


def audit_chunk_without_themes(chunk: Sequence[WorkUnit]) -> list[AuditResult]:
    """Assess a chunk of statements without theme linking (runs in a worker process)."""
    return audit_chunk(chunk, themes=False)


def audit_chunk(chunk: Sequence[WorkUnit], *, themes: bool = True) -> list[AuditResult]:
    """Assess a chunk of statements and add their theme links (runs in a worker process).

    The chunk is judged as one batch (``assess_many``); repeated statements are judged and
    linked once."""
    from goldenthread.core.audit.lines import record_line
    from goldenthread.core.quality.engine import assess_many
    from goldenthread.core.quality.model import StatementContext

    texts = [unit[1] for unit in chunk]
    # Theme linking and the judge start from the same features (sentence vector and lexicon
    # counts): each text is encoded once, when the first of them needs it.
    features = ChunkFeatures(feature_encoder())
    links = theme_links(texts, features) if themes else [{}] * len(chunk)
    contexts = [
        StatementContext(
            today=dt.date.fromisoformat(unit[2]),
            date_of_birth=dt.date.fromisoformat(unit[3]) if unit[3] else None,
        )
        for unit in chunk
    ]
    assessments = assess_many(list(zip(texts, contexts, strict=True)), encode=features)
    results: list[AuditResult] = []
    for unit, link, assessment in zip(chunk, links, assessments, strict=True):
        record_id, _, _, _, section, plan_domain, extra = unit
        # What the input said: the section and domain the plan's layout gives, and the
        # input's other columns. ``domain`` (when present) is theme linking's suggestion.
        tail = {"section": section, "plan_domain": plan_domain, "extra": extra}
        line, failing = record_line(assessment, record_id, link, tail)
        results.append(
            AuditResult(
                line,
                assessment.kind.value,
                assessment.smart,
                failing,
                section,
                bool(assessment.unsure),
            )
        )
    return results


def models_load(*, themes: bool) -> None:
    """Load the judge (and the theme linker) in this process, before workers are forked."""
    from goldenthread.core.quality.engine import engine_version

    engine_version()  # loads the learned judge
    if themes:
        from goldenthread.core.linking import default_suggester

        default_suggester()


@lru_cache(maxsize=1)
def feature_encoder() -> FeatureEncoder:
    """The features theme linking and the judge share (the shipped embedding and lexicon)."""
    from goldenthread.core.linking.model import FeatureEncoder

    return FeatureEncoder.load_default()


class ChunkFeatures:
    """``encoder.encode(texts)``, each text encoded at most once (rows are bit for bit the
    same whatever else is in the batch: the sentence vectors and counts are per text)."""

    def __init__(self, encoder: FeatureEncoder) -> None:
        self._encoder = encoder
        self._rows: dict[str, FloatArray] = {}

    def __call__(self, texts: Sequence[str]) -> FloatArray:
        missing = [text for text in dict.fromkeys(texts) if text not in self._rows]
        if missing:
            self._rows.update(zip(missing, self._encoder.encode(missing), strict=True))
        return cast("FloatArray", np.stack([self._rows[text] for text in texts]))


def theme_links(
    texts: Sequence[str], features: Callable[[Sequence[str]], FloatArray] | None = None
) -> list[Record]:
    """Theme, area and domain suggestions per text, as the audit record's ``themes``, ``areas``
    and ``domain`` keys (the labels only: reasons are for pages, not for bulk audits).

    ``features``, when given, gives ``feature_encoder().encode`` rows for texts."""
    from goldenthread.core.linking import link_records_many

    new = list(dict.fromkeys(text for text in texts if text not in _LINKS))
    if len(_LINKS) + len(new) > LINKS_CACHE_SIZE:
        _LINKS.clear()
        new = list(dict.fromkeys(texts))
    if new:
        rows = None if features is None else features(new)
        _LINKS.update(zip(new, link_records_many(new, features=rows), strict=True))
    # The records are shared between repeats; nothing changes them after this.
    return [_LINKS[text] for text in texts]
