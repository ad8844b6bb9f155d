"""Language negotiation for problem details and enum labels (zh-CN default, en)."""

from __future__ import annotations

from typing import Literal

Lang = Literal["zh-CN", "en"]
DEFAULT_LANG: Lang = "zh-CN"


def negotiate(accept_language: str | None) -> Lang:
    """Pick zh-CN or en from an Accept-Language header, honouring q-values."""
    if not accept_language:
        return DEFAULT_LANG
    best: tuple[float, Lang] | None = None
    for part in accept_language.split(",")[:20]:
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        tag = tag.strip().lower()
        lang: Lang | None = (
            "zh-CN" if tag.startswith("zh") else "en" if tag.startswith("en") else None
        )
        if lang is not None and q > 0 and (best is None or q > best[0]):
            best = (q, lang)
    return best[1] if best else DEFAULT_LANG
