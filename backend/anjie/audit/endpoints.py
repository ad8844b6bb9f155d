from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from anjie.access.dependencies import Authorize
from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.access.roles import Role
from anjie.audit import repository, service
from anjie.audit.models import AuditEvent
from anjie.audit.schemas import AuditEventOut, AuditEventQuery, VerifyResult
from anjie.core.db import SessionDep
from anjie.core.errors import ValidationFailed
from anjie.core.pagination import Page, decode_cursor, page_of

router = APIRouter(prefix="/audit-events", tags=["audit"])

Reader = Annotated[Principal, Depends(Authorize(Permission.audit_read))]
Verifier = Annotated[Principal, Depends(Authorize(Permission.audit_verify))]
_MAX_ID = 2**63 - 1  # bigint


def _before_id(cursor: str | None) -> int | None:
    """The id inside one of our cursors; any other well-formed JSON is as bad as garbage."""
    key = decode_cursor(cursor, 1)
    if key is None:
        return None
    value = key[0]
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= _MAX_ID:
        raise ValidationFailed(
            errors=[
                {
                    "pointer": "#",
                    "parameter": "query:cursor",
                    "detail": "bad cursor",
                    "code": "cursor",
                }
            ]
        )
    return value


def _out(event: AuditEvent) -> AuditEventOut:
    data = {c: getattr(event, c) for c in AuditEventOut.model_fields if c != "hash"}
    return AuditEventOut(**data, hash=event.hash.hex())


@router.get("", operation_id="listAuditEvents")
async def list_audit_events(
    session: SessionDep,
    principal: Reader,
    query: Annotated[AuditEventQuery, Query()],
) -> Page[AuditEventOut]:
    """The audit trail of the caller's subtree, newest first."""
    before_id = _before_id(query.cursor)
    # Events tied to no unit (failed sign-ins with unknown names) are for administrators of a
    # top-level unit only.
    top_level = principal.org_path.count("/") == 2
    rows = await repository.list_events(
        session,
        org_path=principal.org_path,
        include_unscoped=top_level and principal.has_role(Role.admin),
        before_id=before_id,
        limit=query.limit + 1,
        action=query.action,
        entity_type=query.entity_type,
        entity_id=query.entity_id,
        actor_id=query.actor_id,
        case_id=query.case_id,
        occurred_from=query.occurred_from,
        occurred_to=query.occurred_to,
    )
    page = page_of(list(rows), query.limit, lambda event: [event.id])
    return Page[AuditEventOut](items=[_out(e) for e in page.items], next_cursor=page.next_cursor)


@router.post("/verify", operation_id="verifyAuditChain")
async def verify_audit_chain(session: SessionDep, principal: Verifier) -> VerifyResult:
    """Recompute the whole hash chain; `first_bad_id` names the first row that does not match."""
    return await service.verify(session)
