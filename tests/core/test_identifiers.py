"""NHS number (modulus 11) and unique pupil number (check letter) checks."""

from __future__ import annotations

import pytest

from goldenthread.core.identifiers import nhs_number_is_valid, normalise_nhs_number, upn_is_valid

UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def nhs_check_digit(first_nine: str) -> int:
    """Computed here independently: 11 - (weighted sum mod 11), weights 10 down to 2."""
    total = sum(int(d) * w for d, w in zip(first_nine, range(10, 1, -1), strict=True))
    return 11 - total % 11


def upn_with_check_letter(body: str) -> str:
    """A UPN for these 12 characters: the check letter, computed as the DfE describes."""
    total = sum(
        (int(c) if c.isdigit() else UPN_LETTERS.index(c)) * position
        for position, c in enumerate(body, start=2)
    )
    return UPN_LETTERS[total % 23] + body


@pytest.mark.parametrize("value", ["9434765919", "943 476 5919", "943-476-5919", " 9434765919 "])
def test_a_known_valid_nhs_number_passes_however_it_is_typed(value: str) -> None:
    assert nhs_number_is_valid(value)


def test_normalising_strips_spaces_and_hyphens() -> None:
    assert normalise_nhs_number("943 476-5919") == "9434765919"


@pytest.mark.parametrize("last", [d for d in "012345678" if d != "9"])
def test_every_other_check_digit_fails(last: str) -> None:
    assert not nhs_number_is_valid("943476591" + last)


@pytest.mark.parametrize("value", ["", "943476591", "94347659190", "943476591x", "943.476.5919"])
def test_wrong_shapes_fail(value: str) -> None:
    assert not nhs_number_is_valid(value)


def test_check_digit_ten_is_never_valid() -> None:
    first_nine = next(
        f"{n:09d}" for n in range(100_000_000, 100_001_000) if nhs_check_digit(f"{n:09d}") == 10
    )
    assert all(not nhs_number_is_valid(first_nine + str(d)) for d in range(10))


def test_check_digit_eleven_becomes_zero() -> None:
    first_nine = next(
        f"{n:09d}" for n in range(100_000_000, 100_001_000) if nhs_check_digit(f"{n:09d}") == 11
    )
    assert nhs_number_is_valid(first_nine + "0")
    assert not nhs_number_is_valid(first_nine + "1")


def test_computed_numbers_agree() -> None:
    for n in range(400_000_000, 400_001_000):
        check = nhs_check_digit(str(n))
        if check == 10:
            assert not any(nhs_number_is_valid(f"{n}{d}") for d in range(10)), n
        else:
            assert nhs_number_is_valid(f"{n}{check % 11}"), n


@pytest.mark.parametrize("body", ["123456789012", "820400100001", "20100000000A", "99999999999Z"])
def test_a_upn_with_the_right_check_letter_passes(body: str) -> None:
    upn = upn_with_check_letter(body)
    assert upn_is_valid(upn)
    assert upn_is_valid(upn.lower())
    assert upn_is_valid(f"  {upn} ")


@pytest.mark.parametrize("body", ["123456789012", "820400100001", "20100000000A"])
def test_every_wrong_check_letter_fails(body: str) -> None:
    right = upn_with_check_letter(body)[0]
    for letter in UPN_LETTERS:
        if letter != right:
            assert not upn_is_valid(letter + body)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "A12345678901",  # 12 characters
        "A1234567890123",  # 14 characters
        "A12345678901I",  # I is never used
        "A1234567890A1",  # a letter inside the number
        "1123456789012",  # starts with a digit
    ],
)
def test_wrong_upn_shapes_fail(value: str) -> None:
    assert not upn_is_valid(value)


@pytest.mark.parametrize("letter", ["I", "O", "S"])
def test_letters_that_look_like_digits_are_never_check_letters(letter: str) -> None:
    assert not upn_is_valid(letter + "123456789012")
