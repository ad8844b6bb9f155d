from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from anjie.core.pagination import PageQuery

Token = Annotated[str | None, Field(max_length=64, pattern=r"^[A-Za-z0-9._:-]+$")]


class AuditEventQuery(PageQuery):
    """The audit list's query parameters; the filters combine with AND."""

    action: Token = None
    entity_type: Token = None
    entity_id: Token = None
    actor_id: uuid.UUID | None = None
    case_id: uuid.UUID | None = None
    # Aware only: a bare local time would be read in the server's own zone.
    occurred_from: AwareDatetime | None = None
    occurred_to: AwareDatetime | None = None


class AuditEventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    occurred_at: datetime
    actor_type: str
    actor_id: uuid.UUID | None
    actor_name: str | None
    actor_roles: list[str]
    org_unit_id: uuid.UUID | None
    action: str
    entity_type: str
    entity_id: str | None
    case_id: uuid.UUID | None
    reason: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    ip: str | None
    request_id: str | None
    hash: str


class VerifyResult(BaseModel):
    ok: bool
    checked: int
    first_bad_id: int | None
