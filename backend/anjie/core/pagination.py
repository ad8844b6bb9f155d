"""Keyset pagination: opaque cursors carrying the last row's sort key, never offsets."""

from __future__ import annotations

import base64
import json
import uuid
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import AfterValidator, BaseModel
from pydantic_core import PydanticCustomError

from anjie.core.errors import ValidationFailed

T = TypeVar("T")

MAX_LIMIT = 200
# Room for the longest sort key we page on (an org unit's path, up to 2000 characters), base64.
MAX_CURSOR_CHARS = 3000
# Our cursors are flat lists of a few scalars; anything else is not ours, and a nested one
# (`[[[[…]]]]`) would otherwise drive the JSON decoder into a recursion error.
_SCALARS = (str, int, float, bool, type(None))


def _parse(cursor: str) -> list[Any] | None:
    """The flat list inside a cursor, or None when it is not one of ours."""
    if len(cursor) > MAX_CURSOR_CHARS:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        # Depth before parsing: a flat list opens exactly one bracket outside its strings.
        if _depth(raw) > 1:
            return None
        key = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    if not isinstance(key, list) or not all(isinstance(v, _SCALARS) for v in key):
        return None
    return key


def _depth(raw: bytes) -> int:
    """The deepest bracket nesting of a JSON text, strings skipped (linear, no recursion)."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):  # ] }
            depth -= 1
    return deepest


def _well_formed(cursor: str | None) -> str | None:
    # Checked with the other query parameters, so a malformed cursor is a 422 on every list,
    # also one whose parent resource the caller cannot see.
    if cursor is not None and _parse(cursor) is None:
        raise PydanticCustomError("cursor", "bad cursor")
    return cursor


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size (at most 200)")]
Cursor = Annotated[
    str | None,
    Query(max_length=MAX_CURSOR_CHARS, description="`next_cursor` of the previous page"),
    AfterValidator(_well_formed),
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
    key = _parse(cursor)
    if key is None or len(key) != size:
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
