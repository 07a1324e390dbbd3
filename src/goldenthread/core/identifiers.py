"""Checks for the identifiers a child may carry: NHS number and unique pupil number (UPN)."""

from __future__ import annotations

import re

_NHS_WEIGHTS = range(10, 1, -1)
_UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"  # the 23 check letters (no I, O or S)
_UPN_SHAPE = re.compile(r"^[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z]$")


def normalise_nhs_number(value: str) -> str:
    """Strip the spaces and hyphens people type, so '943 476 5919' becomes '9434765919'."""
    return re.sub(r"[\s-]", "", value)


def nhs_number_is_valid(value: str) -> bool:
    """True when the value is ten digits whose last digit is the modulus 11 check digit.

    The NHS number's tenth digit is 11 minus the weighted sum (weights 10 down to 2) of the first
    nine, modulo 11; a result of 10 means the number can never be valid, and 11 becomes 0.
    """
    digits = normalise_nhs_number(value)
    if not re.fullmatch(r"\d{10}", digits):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], _NHS_WEIGHTS, strict=True))
    check = 11 - total % 11
    if check == 10:
        return False
    return (0 if check == 11 else check) == int(digits[9])


def upn_is_valid(value: str) -> bool:
    """True when a unique pupil number has the right shape and check letter.

    A UPN is 13 characters: a check letter, then 12 characters. The check letter is the sum of
    characters 2 to 13, each multiplied by its position, modulo 23, as a letter from the list of
    23 that leaves out I, O and S (DfE common basic data set).
    """
    upn = value.strip().upper()
    if not _UPN_SHAPE.match(upn):
        return False
    total = 0
    for position, char in enumerate(upn[1:], start=2):
        number = int(char) if char.isdigit() else _UPN_LETTERS.index(char)
        total += number * position
    return _UPN_LETTERS[total % 23] == upn[0]
