"""Enum labels in both UI languages: one place, served by /meta/enums and generated for the web
app by `anjie openapi` (meta/export.py)."""

from __future__ import annotations

from enum import StrEnum
from functools import cache

from anjie.core.i18n import Lang

_REGISTRY: dict[str, tuple[type[StrEnum], dict[str, tuple[str, str]]]] = {}


def register(name: str, enum: type[StrEnum], labels: dict[str, tuple[str, str]]) -> None:
    missing = {member.value for member in enum} - set(labels)
    if missing:
        raise ValueError(f"enum {name} lacks labels for {sorted(missing)}")
    _REGISTRY[name] = (enum, labels)


def all_enums() -> dict[str, list[dict[str, str]]]:
    return {
        name: [
            {"value": member.value, "zh-CN": labels[member.value][0], "en": labels[member.value][1]}
            for member in enum
        ]
        for name, (enum, labels) in sorted(_REGISTRY.items())
    }


@cache
def _flat() -> dict[tuple[str, str], tuple[str, str]]:
    return {
        (name, item["value"]): (item["zh-CN"], item["en"])
        for name, items in all_enums().items()
        for item in items
    }


def label(enum: str, value: str, lang: Lang) -> str:
    """One enum value's label in the caller's language (the value itself if unknown)."""
    zh, en = _flat().get((enum, value), (value, value))
    return zh if lang == "zh-CN" else en
