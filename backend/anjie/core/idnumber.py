"""Resident identity card numbers (GB 11643-1999): 18 characters, ISO 7064 MOD 11-2 check."""

from __future__ import annotations

from datetime import date

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def check_digit(first17: str) -> str:
    return _CHECK[sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def validate(value: str) -> str:
    """The normalised number, or ValueError saying what is wrong."""
    number = value.strip().upper()
    if (
        len(number) != 18
        or not number[:17].isdigit()
        or not (number[17].isdigit() or number[17] == "X")
    ):
        raise ValueError("an ID number has 18 characters: 17 digits and a digit or X")
    try:
        date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError as exc:
        raise ValueError("the birth date inside the ID number is not a real date") from exc
    if check_digit(number[:17]) != number[17]:
        raise ValueError("the ID number's check digit is wrong")
    return number


def birth_date(number: str) -> date:
    return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


def gender(number: str) -> str:
    return "male" if int(number[16]) % 2 == 1 else "female"
