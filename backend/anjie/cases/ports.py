"""What the case registry reads of the casework above it.

The registry's rules need three facts that casework packages own (and the ledger shows a fourth,
the case's deadlines, which supervision keeps): who holds the case (包案,
assignments) — which also decides what an officer sees —, whether an approved plan has all five
fixes (plans), and whether a return visit confirmed that petitioning stopped (check-ins). The
registry may not import those packages (they build on it), so it declares here what it needs;
each package fills its port in the composition root (`anjie.wiring`).
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import ColumnElement
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.cases.enums import RoleInCase
from anjie.core.ports import IdColumn, Port


@dataclass(frozen=True)
class Holder:
    """Who holds a responsibility role on a case: a person or a unit, by name."""

    role: str
    id: uuid.UUID
    name: str


class Responsibility(Protocol):
    def held(
        self, case_id: IdColumn, user_id: uuid.UUID, role: RoleInCase | None = None
    ) -> ColumnElement[bool]:
        """SQL, correlated with `case_id`: the user holds an active assignment on that case
        (in `role`, when given)."""
        ...

    async def holders(
        self, session: AsyncSession, case_ids: Collection[uuid.UUID], roles: Sequence[RoleInCase]
    ) -> dict[uuid.UUID, dict[str, Holder]]:
        """The active holders of `roles` on every listed case, in one statement."""
        ...

    async def active_pairs(
        self, session: AsyncSession, case_id: uuid.UUID
    ) -> Sequence[tuple[str, uuid.UUID | None]]:
        """(role_in_case, user_id) of every active assignment on the case."""
        ...


@dataclass(frozen=True)
class NextDeadline:
    """A case's nearest running deadline, as the ledger shows it."""

    id: uuid.UUID
    kind: str
    due_at: datetime
    overdue: bool


class Deadlines(Protocol):
    def due(
        self, case_id: IdColumn, *, overdue_at: datetime | None, due_before: datetime | None
    ) -> ColumnElement[bool]:
        """SQL, correlated with `case_id`: a running deadline of the case is past due at
        `overdue_at` / due before `due_before` (each only when given)."""
        ...

    async def next_of(
        self, session: AsyncSession, case_ids: Collection[uuid.UUID]
    ) -> dict[uuid.UUID, NextDeadline]:
        """The nearest running deadline of every listed case, in one statement."""
        ...


CaseCheck = Callable[[AsyncSession, uuid.UUID], Awaitable[bool]]

responsibility: Port[Responsibility] = Port("responsibility")
# Supervision keeps every clock of a case: the ledger filters and shows them.
deadlines: Port[Deadlines] = Port("deadlines")
# An approved plan is in force and none of its five fixes is empty.
plan_ready: Port[CaseCheck] = Port("plan_ready")
# The latest return visit since the case entered its status reached the petitioner and found
# them satisfied or accepting.
return_visit_confirms: Port[CaseCheck] = Port("return_visit_confirms")
