"""The disclosure-control policy, and the published values it produces.

A published value is either a number or a GSS symbol (``c`` confidential, ``z`` not applicable,
``x`` unavailable, ``k`` rounds to zero), never both. See docs/disclosure-control.md.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

MAX_PERCENTAGE_DECIMALS = 3

BAD_THRESHOLD = "threshold must be 1 or more: small counts are always withheld"
BAD_ROUNDING_BASE = "rounding_base must be 1 or more (1 means totals are not rounded)"
BAD_DECIMALS = f"percentage_decimals must be between 0 and {MAX_PERCENTAGE_DECIMALS}"
NEGATIVE_COUNT = "a count of children cannot be negative"
BAD_ROUNDING = "rounding must be 'nearest' or 'random'"
NO_ROUNDING_KEY = "random rounding needs a secret rounding_key, or anyone could repeat the draws"


class Rounding(StrEnum):
    """How a published count is rounded to the base (ADR 0019)."""

    NEAREST = "nearest"  # half up: 17 → 15, 18 → 20
    RANDOM = "random"  # up or down, drawn once per cell and count with a secret key (ADR 0019)


class CellStatus(StrEnum):
    """Why a published value looks the way it does."""

    SHOWN = "shown"  # the exact count
    ROUNDED = "rounded"  # a total, rounded to the policy's base
    ROUNDS_TO_ZERO = "rounds_to_zero"  # a total above zero that rounds to zero: symbol k
    PRIMARY = "primary"  # withheld: a count from 1 to the threshold
    SECONDARY = "secondary"  # withheld so that a primary one cannot be worked out
    NOT_APPLICABLE = "not_applicable"  # e.g. a percentage of zero children: symbol z


WITHHELD = frozenset({CellStatus.PRIMARY, CellStatus.SECONDARY})


@dataclass(frozen=True, slots=True)
class DisclosurePolicy:
    """How counts of children are protected before anyone outside the case team sees them.

    Defaults (ADR 0019): withhold counts 1–5 as ``c`` with secondary suppression, show true
    zeros as 0, round *every* other published count — cells and totals alike — to the nearest
    5, and withhold a count that would round to 5 or less (6 and 7), percentages to 1 decimal
    place worked out from the rounded numbers. Rounding every cell is what stops a withheld
    count being recovered by differencing two filtered views of the same area.
    ``rounding="random"`` (what the dashboards use, with a secret ``rounding_key``) rounds each
    count up or down instead, so one published number stands for any of 9 counts, not 5: that
    is what stops a *chained* attacker (ADR 0019). It then withholds 1–9, which could round to 5.
    ``round_cells=False`` is the old rule (exact cells, rounded totals), which differencing
    defeats; it is kept only to test the suppression rules on exact values.
    """

    threshold: int = 5  # counts from 1 to this are withheld
    rounding_base: int = 5  # published counts are rounded to this (use 10 for national)
    round_cells: bool = True  # round interior counts too, not only totals (ADR 0019)
    percentage_decimals: int = 1
    confidential: str = "c"
    not_applicable: str = "z"
    unavailable: str = "x"
    rounds_to_zero: str = "k"
    rounding: str = Rounding.NEAREST
    rounding_key: str = ""  # the secret behind random rounding's draws (never published)

    def __post_init__(self) -> None:
        if self.rounding not in set(Rounding):
            raise ValueError(BAD_ROUNDING)
        if self.rounding == Rounding.RANDOM and not self.rounding_key:
            raise ValueError(NO_ROUNDING_KEY)
        if self.threshold < 1:
            raise ValueError(BAD_THRESHOLD)
        if self.rounding_base < 1:
            raise ValueError(BAD_ROUNDING_BASE)
        if not 0 <= self.percentage_decimals <= MAX_PERCENTAGE_DECIMALS:
            raise ValueError(BAD_DECIMALS)

    def is_small(self, count: int) -> bool:
        """True for a count that must never be published (zero is shown).

        That is 1 to the threshold and, when cells are rounded, any count that would round to
        the threshold or below (6 and 7 round to 5), because a published 5 could then only mean
        6 or 7: a bucket of two, which differencing turns back into an exact count.
        """
        if count < 1:
            return False
        if count <= self.threshold:
            return True
        if not self.round_cells:
            return False
        lowest = min(rounded_values(count=count, policy=self))
        return lowest <= self.threshold

    @property
    def largest_hidden(self) -> int:
        """The largest count that is always withheld (7 by default), for notes on the pages."""
        count = self.threshold
        while self.is_small(count + 1):
            count += 1
        return count

    def symbol_for(self, status: CellStatus) -> str:
        """The GSS symbol shown in place of a number, or "" when the number is shown."""
        if status in WITHHELD:
            return self.confidential
        if status is CellStatus.NOT_APPLICABLE:
            return self.not_applicable
        if status is CellStatus.ROUNDS_TO_ZERO:
            return self.rounds_to_zero
        return ""


@dataclass(frozen=True, slots=True)
class PublishedCount:
    """One count as it may be published: a number, or a symbol with the reason."""

    value: int | None
    status: CellStatus
    symbol: str = ""

    @property
    def withheld(self) -> bool:
        return self.status in WITHHELD

    @property
    def text(self) -> str:
        return self.symbol if self.value is None else str(self.value)


@dataclass(frozen=True, slots=True)
class PublishedShare:
    """A percentage (or rate per ``per``) as it may be published."""

    value: Decimal | None
    status: CellStatus
    symbol: str = ""

    @property
    def text(self) -> str:
        return self.symbol if self.value is None else str(self.value)


def round_to_base(count: int, base: int) -> int:
    """Round half up to a multiple of ``base`` (17 → 15 and 18 → 20 with base 5).

    Half up, not to even, because that is what readers expect and what DfE tables do.
    """
    if count < 0:
        raise ValueError(NEGATIVE_COUNT)
    return (count + base // 2) // base * base


def round_randomly(*, count: int, base: int, key: str, cell: Sequence[str]) -> int:
    """Round down or up to a multiple of ``base``: up with chance remainder / base (so 13 is 15
    three times in five), the draw fixed by a keyed hash of the cell and the count.

    Reason: nearest rounding tells a reader every count to within ±2, and chaining many sums
    of such narrow ranges pinned 206 withheld cells of the demo area (ADR 0019); a random
    direction widens each range to ±4. The draw is keyed by where the count sits (its row and
    column) and the count itself, never by the filter, so the same count in the same place is
    always published the same way and asking again, or through another filter that gives the
    same children, draws nothing new. The key is secret, so the draws cannot be repeated.
    """
    if count < 0:
        raise ValueError(NEGATIVE_COUNT)
    below = count // base * base
    remainder = count - below
    if remainder == 0:
        return count
    message = "\x1f".join((*cell, str(count))).encode()
    digest = hmac.new(key.encode(), message, hashlib.sha256).digest()
    draw = int.from_bytes(digest[:8], "big") % base
    return below + base if draw < remainder else below


def count_round(*, count: int, policy: DisclosurePolicy, cell: Sequence[str] = ()) -> int:
    """A count rounded as the policy says (``cell`` is where it sits, for random rounding)."""
    if policy.rounding == Rounding.RANDOM:
        return round_randomly(
            count=count, base=policy.rounding_base, key=policy.rounding_key, cell=cell
        )
    return round_to_base(count, policy.rounding_base)


def rounded_values(*, count: int, policy: DisclosurePolicy) -> frozenset[int]:
    """Every number this count can be published as, wherever it sits: what a reader who
    knows the rules (but not the key) can work back from."""
    if policy.rounding == Rounding.RANDOM:
        below = count // policy.rounding_base * policy.rounding_base
        if below == count:
            return frozenset({count})
        return frozenset({below, below + policy.rounding_base})
    return frozenset({round_to_base(count, policy.rounding_base)})


def count_withhold(*, status: CellStatus, policy: DisclosurePolicy) -> PublishedCount:
    """A withheld count: no number, the confidential symbol."""
    return PublishedCount(value=None, status=status, symbol=policy.symbol_for(status))


def total_publish(
    *, count: int, policy: DisclosurePolicy, cell: Sequence[str] = ()
) -> PublishedCount:
    """A total that is safe to show, rounded to the policy's base.

    Rounded so that two overlapping tables (the same group filtered two ways) cannot be
    subtracted to find a small group; a total above zero that rounds to zero shows ``k``.
    """
    if count == 0:
        return PublishedCount(value=0, status=CellStatus.SHOWN)
    rounded = count_round(count=count, policy=policy, cell=cell)
    if rounded == 0:
        return PublishedCount(
            value=None,
            status=CellStatus.ROUNDS_TO_ZERO,
            symbol=policy.symbol_for(CellStatus.ROUNDS_TO_ZERO),
        )
    status = CellStatus.SHOWN if policy.rounding_base == 1 else CellStatus.ROUNDED
    return PublishedCount(value=rounded, status=status)


def cell_publish(
    *, count: int, policy: DisclosurePolicy, cell: Sequence[str] = ()
) -> PublishedCount:
    """An interior count that is safe to show: rounded like a total (ADR 0019).

    Rounded because an exact cell can be subtracted from the same cell of another filtered
    view (the whole area minus the other phases) to give back a withheld count exactly.
    """
    if policy.round_cells:
        return total_publish(count=count, policy=policy, cell=cell)
    return PublishedCount(value=count, status=CellStatus.SHOWN)


def headline_protect(
    *, count: int, policy: DisclosurePolicy, cell: Sequence[str] = ()
) -> PublishedCount:
    """One headline number on its own (e.g. "children with an EHC plan"): withhold or round.

    A headline is a total, so it is rounded like one; a count from 1 to the threshold is
    withheld because it could identify a child.
    """
    if count < 0:
        raise ValueError(NEGATIVE_COUNT)
    if policy.is_small(count):
        return count_withhold(status=CellStatus.PRIMARY, policy=policy)
    return total_publish(count=count, policy=policy, cell=cell)


def share_protect(
    *,
    numerator: int,
    denominator: int,
    numerator_withheld: bool,
    denominator_withheld: bool,
    policy: DisclosurePolicy,
    per: int = 100,
) -> PublishedShare:
    """A percentage (or rate per ``per``) worked out from the exact, unrounded counts.

    Withheld when either count is withheld, because a share and one count give the other;
    ``z`` when nobody is in the denominator, because a share of no children means nothing.
    """
    if denominator == 0:
        status = CellStatus.NOT_APPLICABLE
        return PublishedShare(value=None, status=status, symbol=policy.symbol_for(status))
    if numerator_withheld or denominator_withheld:
        status = CellStatus.SECONDARY if not policy.is_small(numerator) else CellStatus.PRIMARY
        return PublishedShare(value=None, status=status, symbol=policy.symbol_for(status))
    exact = Decimal(numerator * per) / Decimal(denominator)
    places = Decimal(1).scaleb(-policy.percentage_decimals)
    return PublishedShare(
        value=exact.quantize(places, rounding=ROUND_HALF_UP), status=CellStatus.SHOWN
    )


def share_of_published(
    *,
    numerator: PublishedCount,
    denominator: PublishedCount,
    policy: DisclosurePolicy,
    per: int = 100,
) -> PublishedShare:
    """A percentage worked out from two *published* (rounded) counts, never the exact ones.

    Withheld when either count is withheld; ``z`` when the denominator is a true zero.
    Because a percentage of the exact counts, given to 1 decimal place beside a rounded total,
    gives the exact counts back (33.3% of "30" can only be 10 of 30), and with them the
    differencing that rounding prevents. A share of published numbers says nothing new.
    """
    if denominator.value == 0 and denominator.status is CellStatus.SHOWN:
        status = CellStatus.NOT_APPLICABLE
        return PublishedShare(value=None, status=status, symbol=policy.symbol_for(status))
    if numerator.value is None or denominator.value is None or denominator.value == 0:
        status = CellStatus.SECONDARY if numerator.value is not None else CellStatus.PRIMARY
        return PublishedShare(value=None, status=status, symbol=policy.symbol_for(status))
    # Rounded apart, a part can be shown above its whole ("65" of "60"): never more than all.
    exact = min(Decimal(numerator.value * per) / Decimal(denominator.value), Decimal(per))
    places = Decimal(1).scaleb(-policy.percentage_decimals)
    return PublishedShare(
        value=exact.quantize(places, rounding=ROUND_HALF_UP), status=CellStatus.SHOWN
    )


def rate_protect(
    *, numerator: int, denominator: int, policy: DisclosurePolicy, per: int = 100
) -> PublishedShare:
    """A headline share on its own, such as "% of plans issued within 20 weeks".

    Withheld when the numerator, the denominator or the difference between them (the
    children *not* counted) is from 1 to the threshold, because "98 of 100" tells you that
    2 children were not.
    """
    if numerator < 0 or denominator < 0:
        raise ValueError(NEGATIVE_COUNT)
    small = (
        policy.is_small(numerator)
        or policy.is_small(denominator)
        or policy.is_small(denominator - numerator)
    )
    return share_protect(
        numerator=numerator,
        denominator=denominator,
        numerator_withheld=small,
        denominator_withheld=small,
        policy=policy,
        per=per,
    )
