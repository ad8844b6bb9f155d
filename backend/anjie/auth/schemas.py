from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict

from anjie.access.roles import Role
from anjie.core.schemas import ApiModel
from anjie.users.schemas import Password


class TokenResponse(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int
    refresh_token: str | None = None
    refresh_expires_in: int | None = None


class OrgUnitBrief(BaseModel):
    id: uuid.UUID
    name: str
    kind: str


class Me(BaseModel):
    id: uuid.UUID
    username: str
    display_name: str
    post: str | None
    roles: list[Role]
    permissions: list[str]
    org_unit: OrgUnitBrief


class PasswordChange(ApiModel):
    # A password is taken exactly as typed (the login form does not trim it either).
    model_config = ConfigDict(str_strip_whitespace=False)

    current_password: str
    new_password: Password


class LogoutRequest(ApiModel):
    refresh_token: str | None = None
