"""What the petitioners domain reads of the case registry above it.

An officer sees a petitioner through the cases they hold. Cases link petitioners and know who
holds them, and they build on this package, so the registry fills this port (anjie.wiring).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlalchemy import ColumnElement

from anjie.core.ports import IdColumn, Port

# SQL, correlated with the given petitioner id column: the petitioner is a party to a case on
# which the user holds an active assignment.
on_held_case: Port[Callable[[IdColumn, uuid.UUID], ColumnElement[bool]]] = Port("on_held_case")
