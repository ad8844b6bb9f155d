from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, model_validator

from anjie.cases.enums import RoleInCase
from anjie.core.schemas import ApiModel, Reason, field_error
from anjie.users.schemas import UserRef


class PersonRef(UserRef):
    post: str | None


class UnitRef(BaseModel):
    id: uuid.UUID
    name: str


class AssignmentCreate(ApiModel):
    role_in_case: RoleInCase
    user_id: uuid.UUID | None = None
    org_unit_id: uuid.UUID | None = None
    reason: Reason

    @model_validator(mode="after")
    def _one_holder(self) -> AssignmentCreate:
        # A department is a unit; every other role is held by a person.
        if self.role_in_case == RoleInCase.responsible_department:
            if self.org_unit_id is None:
                raise field_error("AssignmentCreate", "org_unit_id", "missing", "required")
            if self.user_id is not None:
                raise field_error(
                    "AssignmentCreate", "user_id", "not_allowed", "a department is a unit"
                )
        else:
            if self.user_id is None:
                raise field_error("AssignmentCreate", "user_id", "missing", "required")
            if self.org_unit_id is not None:
                raise field_error(
                    "AssignmentCreate", "org_unit_id", "not_allowed", "this role is a person"
                )
        return self


class AssignmentEnd(ApiModel):
    reason: Reason


class AssignmentOut(BaseModel):
    id: uuid.UUID
    case_id: uuid.UUID
    role_in_case: RoleInCase
    user: PersonRef | None
    org_unit: UnitRef | None
    active: bool
    started_at: datetime
    ended_at: datetime | None
    assigned_by: UserRef | None
    ended_by: UserRef | None
    reason: str | None
    end_reason: str | None


class AssignmentList(BaseModel):
    """Every assignment of one case (a handful): not paginated."""

    items: list[AssignmentOut]
