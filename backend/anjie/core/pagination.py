"""Keyset pagination: opaque cursors carrying the last row's sort key, never offsets."""

from __future__ import annotations

import base64
import json
import uuid
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel

from anjie.core.errors import ValidationFailed

T = TypeVar("T")

MAX_LIMIT = 200

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size (at most 200)")]
# Room for the longest sort key we page on (an org unit's path, up to 2000 characters), base64.
Cursor = Annotated[
    str | None, Query(max_length=3000, description="`next_cursor` of the previous page")
]


class PageQuery(BaseModel):
    """A list's paging as query parameters; each list's query model adds its sort and filters.

    Plain BaseModel, not ApiModel: unknown query parameters are ignored and text is not
    trimmed, as with single query parameters."""

    limit: Limit = 50
    cursor: Cursor = None


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None


def encode_cursor(key: list[Any]) -> str:
    raw = json.dumps(key, separators=(",", ":"), default=str).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, size: int) -> list[Any] | None:
    """The sort key inside a cursor; a cursor that is not ours is a 422, not a 500."""
    if cursor is None:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        key = None
    if not isinstance(key, list) or len(key) != size:
        raise bad_cursor()
    return key


def bad_cursor() -> ValidationFailed:
    """The error for a cursor that decodes but whose values are not of the expected types."""
    return ValidationFailed(
        errors=[
            {
                "pointer": "#",
                "parameter": "query:cursor",
                "detail": "bad cursor",
                "code": "cursor",
            }
        ]
    )


def page_of(items: list[T], limit: int, key: Any) -> Page[T]:
    """Build a page from `limit + 1` fetched rows; `key(row)` gives the cursor values."""
    has_more = len(items) > limit
    shown = items[:limit]
    return Page[T](items=shown, next_cursor=encode_cursor(key(shown[-1])) if has_more else None)


def decode_id_cursor(cursor: str | None) -> uuid.UUID | None:
    """The id inside a cursor of a list ordered by id alone."""
    key = decode_cursor(cursor, 1)
    if key is None:
        return None
    if not isinstance(key[0], str):
        raise bad_cursor()
    try:
        return uuid.UUID(key[0])
    except ValueError:
        raise bad_cursor() from None
