"""Masking of personal data and secrets wherever values leave the database."""

from __future__ import annotations

import re
from typing import Any

_SECRET_KEYS = ("password", "token", "secret", "hash", "key")
_ID_KEYS = ("id_number",)
_PHONE_KEYS = ("phone", "mobile")


def mask_id_number(value: str) -> str:
    """510***********1234: the region prefix and last four stay readable for officials."""
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_phone(value: str) -> str:
    """138****5678."""
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def redact(data: Any) -> Any:
    """Copy of a JSON-like value with secrets removed and PII masked, by key name."""
    if isinstance(data, dict):
        out: dict[str, Any] = {}
        for key, value in data.items():
            name = str(key).lower()
            if any(part in name for part in _SECRET_KEYS) and not name.endswith("_id"):
                out[key] = "[redacted]" if value is not None else None
            elif isinstance(value, str) and any(part in name for part in _ID_KEYS):
                out[key] = mask_id_number(value)
            elif isinstance(value, str) and any(part in name for part in _PHONE_KEYS):
                out[key] = mask_phone(value)
            else:
                out[key] = redact(value)
        return out
    if isinstance(data, list):
        return [redact(item) for item in data]
    return data


# The request-state key by which the access layer asks for free text to be masked in responses.
MASK_FREE_TEXT = "mask_free_text"

# ID numbers (18 characters, or the old 15 digits) and mainland mobile and landline numbers
# typed into free text (notes, demands, minutes): what a field-by-field mask cannot see.
_FREE_TEXT = re.compile(
    # Bounded by anything but letters, digits and dashes, so digit runs inside identifiers (a
    # UUID's last group, a hex request id, a case number) are never taken for a number.
    r"(?<![0-9A-Za-z-])"
    r"(?:\d{17}[\dXx]|\d{15}|1[3-9]\d{9}|0\d{2,3}-?\d{7,8})"
    r"(?![0-9A-Za-z-])"
)


def _mask_match(match: re.Match[str]) -> str:
    found = match.group()
    # ID numbers are 15 or 18 long; region codes never start with 0, landlines always do.
    return mask_id_number(found) if len(found) in (15, 18) else mask_phone(found)


def mask_free_text(text: str) -> str:
    """`text` with every ID and phone number in it masked as the fields are."""
    return _FREE_TEXT.sub(_mask_match, text)


def mask_strings(data: Any) -> Any:
    """A JSON value with `mask_free_text` applied to every string in it."""
    if isinstance(data, str):
        return mask_free_text(data)
    if isinstance(data, dict):
        return {key: mask_strings(value) for key, value in data.items()}
    if isinstance(data, list):
        return [mask_strings(item) for item in data]
    return data
