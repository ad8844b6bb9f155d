"""Org unit rules: the tree, its materialised paths, and who may change which part of it."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.audit import service as audit
from anjie.core.concurrency import check_version
from anjie.core.ids import uuid7
from anjie.core.pagination import decode_cursor
from anjie.core.ports import Port
from anjie.orgs import repository as repo
from anjie.orgs.errors import (
    OrgCodeTaken,
    OrgMoveIntoOwnSubtree,
    OrgUnitNotEmpty,
    OrgUnitNotFound,
    OrgUnitOwnRoot,
)
from anjie.orgs.models import OrgKind, OrgUnit
from anjie.orgs.schemas import OrgUnitCreate, OrgUnitListQuery, OrgUnitOut, OrgUnitUpdate

# Accounts belong to units; the users domain, above this one, answers whether a unit has any.
unit_members: Port[Callable[[AsyncSession, uuid.UUID], Awaitable[bool]]] = Port("unit_members")


def to_out(unit: OrgUnit) -> OrgUnitOut:
    return OrgUnitOut(
        id=unit.id,
        parent_id=unit.parent_id,
        name=unit.name,
        short_name=unit.short_name,
        kind=OrgKind(unit.kind),
        code=unit.code,
        region_code=unit.region_code,
        is_active=unit.is_active,
        depth=unit.path.count("/") - 1,
        version=unit.version,
        created_at=unit.created_at,
        updated_at=unit.updated_at,
    )


def _snapshot(unit: OrgUnit) -> dict[str, object]:
    return {
        "parent_id": unit.parent_id,
        "name": unit.name,
        "short_name": unit.short_name,
        "kind": unit.kind,
        "code": unit.code,
        "region_code": unit.region_code,
        "is_active": unit.is_active,
    }


async def get(session: AsyncSession, principal: Principal, unit_id: uuid.UUID) -> OrgUnit:
    unit = await repo.get_in_scope(session, unit_id, principal.org_path)
    if unit is None:
        raise OrgUnitNotFound()
    return unit


async def list_units(
    session: AsyncSession, principal: Principal, query: OrgUnitListQuery
) -> Sequence[OrgUnit]:
    key = decode_cursor(query.cursor, 1)
    return await repo.list_in_scope(
        session,
        principal.org_path,
        after_path=str(key[0]) if key else None,
        limit=query.limit + 1,
        parent_id=query.parent_id,
        kind=query.kind.value if query.kind else None,
        q=query.q,
        is_active=query.is_active,
    )


async def create(session: AsyncSession, principal: Principal, data: OrgUnitCreate) -> OrgUnit:
    await repo.lock_tree(session)
    parent = await repo.get_in_scope(session, data.parent_id, principal.org_path)
    if parent is None:
        raise OrgUnitNotFound()
    if await repo.code_taken(session, data.code):
        raise OrgCodeTaken()
    unit_id = uuid7()
    unit = OrgUnit(
        id=unit_id,
        parent_id=parent.id,
        path=f"{parent.path}{unit_id}/",
        name=data.name,
        short_name=data.short_name,
        kind=data.kind.value,
        code=data.code,
        region_code=data.region_code,
    )
    session.add(unit)
    await session.flush()
    await session.refresh(unit)
    await audit.record(
        session,
        principal,
        "org_unit.create",
        entity_type="org_unit",
        entity_id=unit.id,
        org_unit_id=unit.id,
        org_path=unit.path,
        after=_snapshot(unit),
    )
    return unit


async def update(
    session: AsyncSession,
    principal: Principal,
    unit_id: uuid.UUID,
    data: OrgUnitUpdate,
    expected_version: int,
) -> OrgUnit:
    if data.parent_id is not None:
        # Taken before the row lock, so that movers queue here rather than deadlock.
        await repo.lock_tree(session)
    unit = await repo.get_in_scope(session, unit_id, principal.org_path, for_update=True)
    if unit is None:
        raise OrgUnitNotFound()
    check_version(expected_version, unit.version)
    before = _snapshot(unit)
    changes = data.changes()
    if unit.path == principal.org_path and (
        "parent_id" in data.model_fields_set or changes.get("is_active") is False
    ):
        # Moving or disabling one's own top unit would take it out of one's own scope.
        raise OrgUnitOwnRoot()
    new_code = changes.get("code")
    if new_code is not None and await repo.code_taken(session, new_code, exclude=unit.id):
        raise OrgCodeTaken()
    new_parent_id = changes.pop("parent_id", None)
    if new_parent_id is not None and new_parent_id != unit.parent_id:
        parent = await repo.get_in_scope(session, new_parent_id, principal.org_path)
        if parent is None:
            raise OrgUnitNotFound()
        if parent.path.startswith(unit.path):
            raise OrgMoveIntoOwnSubtree()
        old_path = unit.path
        new_path = f"{parent.path}{unit.id}/"
        await repo.move_subtree(session, old_path, new_path)
        unit.parent_id = parent.id
        unit.path = new_path
    for field, value in changes.items():
        setattr(unit, field, value.value if hasattr(value, "value") else value)
    await session.flush()
    await audit.record(
        session,
        principal,
        "org_unit.update",
        entity_type="org_unit",
        entity_id=unit.id,
        org_unit_id=unit.id,
        org_path=unit.path,
        before=before,
        after=_snapshot(unit),
    )
    return unit


async def delete(
    session: AsyncSession, principal: Principal, unit_id: uuid.UUID, expected_version: int
) -> None:
    await repo.lock_tree(session)
    unit = await repo.get_in_scope(session, unit_id, principal.org_path, for_update=True)
    if unit is None:
        raise OrgUnitNotFound()
    check_version(expected_version, unit.version)
    if unit.path == principal.org_path:
        raise OrgUnitOwnRoot()
    if await repo.has_children(session, unit.id) or await unit_members()(session, unit.id):
        raise OrgUnitNotEmpty()
    await audit.record(
        session,
        principal,
        "org_unit.delete",
        entity_type="org_unit",
        entity_id=unit.id,
        org_unit_id=unit.parent_id,
        org_path=unit.path,
        before=_snapshot(unit),
    )
    await session.delete(unit)
    await session.flush()
