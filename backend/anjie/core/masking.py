"""Masking of personal data and secrets wherever values leave the database."""

from __future__ import annotations

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
