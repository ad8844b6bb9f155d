"""Sort orders of the case list and their keyset cursors.

A cursor carries the sort it was made for, the last row's sort value and its id, so the next page
starts strictly after that row even when many rows share the sort value; a cursor from another
sort order is refused rather than silently misread.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from anjie.core.pagination import bad_cursor, decode_cursor, encode_cursor

SortName = Literal[
    "updated_at", "-updated_at", "registered_on", "-registered_on", "first_petition_on", "number"
]
DEFAULT_SORT: SortName = "-updated_at"


@dataclass(frozen=True)
class Sort:
    name: str
    column: str
    descending: bool
    kind: type

    def key_of(self, value: Any, row_id: uuid.UUID) -> str:
        text = value.isoformat() if isinstance(value, date | datetime) else str(value)
        return encode_cursor([self.name, text, str(row_id)])

    def parse(self, cursor: str | None) -> tuple[Any, uuid.UUID] | None:
        key = decode_cursor(cursor, 3)
        if key is None:
            return None
        name, text, row_id = key
        if name != self.name or not isinstance(text, str) or not isinstance(row_id, str):
            raise bad_cursor()
        try:
            value: Any = text
            if self.kind is datetime:
                value = datetime.fromisoformat(text)
                if value.tzinfo is None:
                    raise ValueError("naive")
            elif self.kind is date:
                value = date.fromisoformat(text)
            return value, uuid.UUID(row_id)
        except ValueError:
            raise bad_cursor() from None


SORTS: dict[str, Sort] = {
    "updated_at": Sort("updated_at", "updated_at", False, datetime),
    "-updated_at": Sort("-updated_at", "updated_at", True, datetime),
    "registered_on": Sort("registered_on", "registered_on", False, date),
    "-registered_on": Sort("-registered_on", "registered_on", True, date),
    "first_petition_on": Sort("first_petition_on", "first_petition_on", False, date),
    "number": Sort("number", "number", False, str),
}
