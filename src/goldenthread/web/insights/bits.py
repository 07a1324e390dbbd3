"""Rows held as bits in one facts column (ADR 0013): an outcome's themes, and the
Education/Health/Social Care domains of the provision that supports it.

One definition for the refresh that writes the masks and the queries that read them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import F, Q
from django.db.models.lookups import GreaterThan

from goldenthread.core import vocabulary as v


def theme_bit(number: int) -> int:
    """The bit for theme ``number`` (1 to 4) in a ``themes`` mask."""
    return 1 << (number - 1)


DOMAIN_BITS: Mapping[str, int] = {d.value: 1 << i for i, d in enumerate(v.DOMAIN_LABELS)}
# (row key, bit) for each row held in a mask.
THEME_FLAGS: list[tuple[Any, int]] = [(n, theme_bit(n)) for n in v.THEMES]
DOMAIN_FLAGS: list[tuple[Any, int]] = list(DOMAIN_BITS.items())
FLAG_ROWS: Mapping[str, tuple[str, list[tuple[Any, int]]]] = {
    "theme": ("themes", THEME_FLAGS),
    "provision": ("provision_domains", DOMAIN_FLAGS),
}


def has_bits(field: str, bits: int) -> GreaterThan[Any]:
    """``field & bits > 0`` as a condition (a filter, or an aggregate's ``filter=``)."""
    return GreaterThan(F(field).bitand(bits), 0)


def bit_flags(row: str) -> list[tuple[Any, Any]]:
    """A condition for each row held in the mask, then one (key ``None``) for "none of them"."""
    field, flags = FLAG_ROWS[row]
    every = sum(bit for _, bit in flags)
    return [(key, has_bits(field, bit)) for key, bit in flags] + [
        (None, Q(**{field: 0}) | ~Q(has_bits(field, every)))
    ]
