from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, ClassVar

from pydantic import BaseModel, Field, StringConstraints, field_validator

from anjie.access.roles import Role
from anjie.core.pagination import PageQuery
from anjie.core.schemas import ApiModel, Name, NoNul, OutModel, PatchModel, RawNoNul

MIN_PASSWORD = 12

Username = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$"), NoNul]
# Passwords are taken exactly as typed: the sign-in form does not trim, so neither may this.
Password = Annotated[
    str,
    StringConstraints(strip_whitespace=False),
    Field(min_length=MIN_PASSWORD, max_length=256),
    RawNoNul,
]
Post = Annotated[str, Field(min_length=1, max_length=100), NoNul]
Roles = Annotated[list[Role], Field(max_length=5)]


def _unique_roles(roles: list[Role]) -> list[Role]:
    return sorted(set(roles), key=list(Role).index)


class UserRef(BaseModel):
    id: uuid.UUID
    display_name: str


class UserCreate(ApiModel):
    org_unit_id: uuid.UUID
    username: Username
    display_name: Name
    post: Post | None = None
    roles: Roles = []
    password: Password

    _roles = field_validator("roles")(_unique_roles)


class UserUpdate(PatchModel):
    not_null: ClassVar[frozenset[str]] = frozenset({"org_unit_id", "display_name", "is_active"})
    # Published with null allowed on every field: on these it leaves the value as it is.
    null_leaves_unchanged: ClassVar[bool] = True

    org_unit_id: uuid.UUID | None = None
    display_name: Name | None = None
    post: Post | None = None
    is_active: bool | None = None


class UserListQuery(PageQuery):
    org_unit_id: uuid.UUID | None = None
    role: Role | None = None
    q: Annotated[str | None, Field(max_length=100)] = None
    is_active: bool | None = None


class RolesUpdate(ApiModel):
    roles: Roles

    _roles = field_validator("roles")(_unique_roles)


class PasswordReset(ApiModel):
    new_password: Password


class UserOut(OutModel):
    id: uuid.UUID
    org_unit_id: uuid.UUID
    username: str
    display_name: str
    post: str | None
    roles: list[Role]
    is_active: bool
    version: int
    created_at: datetime
    updated_at: datetime
