from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict


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
