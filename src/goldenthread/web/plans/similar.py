"""Outcomes others wrote for a similar need: good examples from the same area, names taken out.

Design (docs/adr/0006-similar-outcomes.md): an area may hold 150,000 outcomes, so nothing is
embedded per request. Every save (``services.links.part_save``) and the demo seeder store each
outcome's embedding (float16 bytes) and the quality engine's SMART verdict on the row. Each
process keeps, per local authority, a matrix of its SMART, live outcomes' embeddings, with the
child and areas of need of each. Before use it checks a cheap stamp (the newest ``updated_at``
of any outcome, from an index, and the number of outcomes): when it moved, only the rows
changed since are read and patched in; when it went back (rows removed) the matrix is rebuilt.
A request embeds only the linked needs' words, scores one matrix product over the rows in the
same areas of need, and then asks the database to confirm the best few (same local authority,
another child, still live and SMART), so a stale cache can never show a wrong one.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from django.db.models import Count, Max, Q, QuerySet

from goldenthread.core.linking.duplicates import embed_statements, similar_statements, strip_names
from goldenthread.web.plans.models import AreaOfNeed, Child, Need, Outcome

SHOWN = 5
CANDIDATES = 25  # scored from the cache, then confirmed by the database
AREA_BIT = {area: 1 << i for i, area in enumerate(AreaOfNeed.values)}
DIMS = 256


@dataclass
class _AreaIndex:
    stamp: tuple[dt.datetime | None, int] = (None, 0)
    row_of: dict[int, int] = field(default_factory=dict)
    ids: list[int] = field(default_factory=list)
    child_ids: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, np.int64))
    area_bits: npt.NDArray[np.uint8] = field(default_factory=lambda: np.zeros(0, np.uint8))
    live: npt.NDArray[np.bool_] = field(default_factory=lambda: np.zeros(0, np.bool_))
    vectors: npt.NDArray[np.float16] = field(
        default_factory=lambda: np.zeros((0, DIMS), np.float16)
    )


_INDEXES: dict[int, _AreaIndex] = {}
_LOCK = threading.Lock()


def _shown_outcomes(local_authority_id: int) -> QuerySet[Outcome]:
    """Outcomes that may be shown as examples: live, SMART, in a current plan of a live child."""
    return Outcome.objects.filter(
        plan__child__local_authority_id=local_authority_id,
        quality_smart=True,
        archived_at__isnull=True,
        plan__archived_at__isnull=True,
        plan__next_version__isnull=True,
        plan__child__archived_at__isnull=True,
    )


def _stamp() -> tuple[dt.datetime | None, int]:
    got = Outcome.objects.aggregate(newest=Max("updated_at"), count=Count("id"))
    return got["newest"], got["count"]


def _refresh(local_authority_id: int) -> _AreaIndex:
    stamp = _stamp()
    index = _INDEXES.get(local_authority_id)
    went_back = index is not None and _went_back(index.stamp, stamp)
    if index is None or went_back:
        index, since = _AreaIndex(), None
    elif index.stamp == stamp:
        return index
    else:
        since = index.stamp[0]
    _patch(index, local_authority_id, since)
    index.stamp = stamp
    _INDEXES[local_authority_id] = index
    return index


def _went_back(old: tuple[dt.datetime | None, int], new: tuple[dt.datetime | None, int]) -> bool:
    """Rows were removed (or rolled back) since the index was read: patching cannot see that."""
    (old_newest, old_count), (newest, count) = old, new
    if count < old_count or (old_newest is not None and newest is None):
        return True
    return old_newest is not None and newest is not None and newest < old_newest


def _patch(index: _AreaIndex, local_authority_id: int, since: dt.datetime | None) -> None:
    """Read the area's outcomes changed since ``since`` (all when None) into the index."""
    if since is None:
        changed = Outcome.objects.filter(plan__child__local_authority_id=local_authority_id)
    else:
        # By the updated_at index alone, then this area's rows kept (the planner would
        # otherwise walk the whole area through the child join).
        changed = Outcome.objects.filter(updated_at__gte=since)
    rows = [
        row[:4]
        for row in changed.values_list(
            "pk", "plan__child_id", "area", "embedding", "plan__child__local_authority_id"
        )
        if row[4] == local_authority_id
    ]
    pks = [row[0] for row in rows]
    shown_query = _shown_outcomes(local_authority_id)
    # A few changed rows: ask about those ids only (an IN over a join is slow on SQLite).
    if since is not None:
        shown_query = shown_query.filter(pk__in=pks)
    shown = set(shown_query.values_list("pk", flat=True))
    links = Outcome.needs.through.objects.values_list("outcome_id", "need__area")
    if since is None:
        links = links.filter(outcome__plan__child__local_authority_id=local_authority_id)
    else:
        links = links.filter(outcome_id__in=pks)
    need_areas: dict[int, int] = {}
    for outcome_id, area in links:
        need_areas[outcome_id] = need_areas.get(outcome_id, 0) | AREA_BIT.get(area, 0)
    new = [row for row in rows if row[0] not in index.row_of]
    start = len(index.ids)
    for offset, row in enumerate(new):
        index.row_of[row[0]] = start + offset
        index.ids.append(row[0])
    grow = len(new)
    index.child_ids = np.concatenate([index.child_ids, np.zeros(grow, np.int64)])
    index.area_bits = np.concatenate([index.area_bits, np.zeros(grow, np.uint8)])
    index.live = np.concatenate([index.live, np.zeros(grow, np.bool_)])
    index.vectors = np.concatenate([index.vectors, np.zeros((grow, DIMS), np.float16)])
    for pk, child_id, area, embedding in rows:
        at = index.row_of[pk]
        usable = pk in shown and embedding is not None and len(embedding) == DIMS * 2
        index.live[at] = usable
        index.child_ids[at] = child_id
        index.area_bits[at] = AREA_BIT.get(area, 0) | need_areas.get(pk, 0)
        if usable and embedding is not None:
            index.vectors[at] = np.frombuffer(bytes(embedding), dtype=np.float16)


@dataclass(frozen=True)
class SimilarOutcome:
    text: str
    similarity: float


def similar_outcomes_for(
    *, child: Child, needs: list[Need], limit: int = SHOWN
) -> list[SimilarOutcome]:
    """Up to ``limit`` SMART outcomes other children in the same area have for needs like these.

    Most similar to the needs' words first; only the words, with every name taken out (the
    other child's and this child's), never who they belong to.
    """
    texts = [need.text for need in needs if need.text.strip()]
    wanted = 0
    for need in needs:
        wanted |= AREA_BIT.get(need.area, 0)
    if not texts or not wanted:
        return []
    with _LOCK:
        index = _refresh(child.local_authority_id)
        pool = np.flatnonzero(
            index.live & ((index.area_bits & wanted) != 0) & (index.child_ids != child.pk)
        )
        if len(pool) == 0:
            return []
        corpus = index.vectors[pool].astype(np.float32)
        candidate_ids = [index.ids[i] for i in pool]
    query = embed_statements(texts).mean(axis=0)
    query /= float(np.linalg.norm(query)) or 1.0
    best = similar_statements(query.astype(np.float32), corpus, k=CANDIDATES)
    score_of = {candidate_ids[i]: score for i, score in best}
    confirmed = (
        _shown_outcomes(child.local_authority_id)
        .filter(pk__in=list(score_of))
        .exclude(plan__child=child)
        .filter(
            Q(area__in=[a for a, bit in AREA_BIT.items() if bit & wanted])
            | Q(needs__area__in=[n.area for n in needs])
        )
        .select_related("plan__child")
        .distinct()
    )
    own = (child.first_name, child.last_name, child.preferred_name)
    shown: dict[str, SimilarOutcome] = {}
    for outcome in sorted(confirmed, key=lambda o: -score_of[o.pk]):
        other = outcome.plan.child
        text = strip_names(
            outcome.text, (*own, other.first_name, other.last_name, other.preferred_name)
        )
        shown.setdefault(text, SimilarOutcome(text, round(score_of[outcome.pk], 3)))
        if len(shown) >= limit:
            break
    return list(shown.values())
