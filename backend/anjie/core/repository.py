"""What the repositories share: reading a row together with the names it refers to."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, Select
from sqlalchemy.orm import QueryableAttribute, aliased

# A row of an entity and the names joined to it: `row[0]` is the entity, the names are read by
# their labels (`row.chair_name`).
JoinedSelect = Select[*tuple[Any, ...]]
JoinedRow = Row[*tuple[Any, ...]]


def with_names(
    query: JoinedSelect,
    key: QueryableAttribute[Any],
    /,
    *,
    required: bool = False,
    **columns: QueryableAttribute[Any],
) -> JoinedSelect:
    """`query` also reading, under the given labels, columns of the row that `key` refers to by
    its id (`user_name=User.display_name`), in the same statement (no N+1).

    Each call joins its own alias, so one row can name several users (author, decider) and the
    caller's own joins of the same table are left alone. The join is an outer one, the names
    None where `key` is, unless `required` (a NOT NULL key).
    """
    entity = next(iter(columns.values())).class_
    target: Any = aliased(entity)
    query = query.add_columns(
        *(getattr(target, column.key).label(label) for label, column in columns.items())
    )
    on = target.id == key
    return query.join(target, on) if required else query.outerjoin(target, on)
