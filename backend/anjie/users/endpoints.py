from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from anjie.access.dependencies import Authorize
from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.core.concurrency import IfMatch, set_etag
from anjie.core.db import SessionDep
from anjie.core.pagination import Page, page_of
from anjie.users import service
from anjie.users.schemas import (
    PasswordReset,
    RolesUpdate,
    UserCreate,
    UserListQuery,
    UserOut,
    UserUpdate,
)

router = APIRouter(prefix="/users", tags=["users"])

Reader = Annotated[Principal, Depends(Authorize(Permission.users_read))]
Writer = Annotated[Principal, Depends(Authorize(Permission.users_write))]


@router.get("", operation_id="listUsers")
async def list_users(
    session: SessionDep,
    principal: Reader,
    query: Annotated[UserListQuery, Query()],
) -> Page[UserOut]:
    rows = await service.list_users(session, principal, query)
    page = page_of(list(rows), query.limit, lambda user: [str(user.id)])
    return Page[UserOut](
        items=[service.to_out(u) for u in page.items], next_cursor=page.next_cursor
    )


@router.post("", status_code=status.HTTP_201_CREATED, operation_id="createUser")
async def create_user(
    body: UserCreate, session: SessionDep, principal: Writer, response: Response
) -> UserOut:
    user = await service.create(session, principal, body)
    set_etag(response, user.version)
    return service.to_out(user)


@router.get("/{user_id}", operation_id="getUser")
async def get_user(
    user_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response
) -> UserOut:
    user = await service.get(session, principal, user_id)
    set_etag(response, user.version)
    return service.to_out(user)


@router.patch("/{user_id}", operation_id="updateUser")
async def update_user(
    user_id: uuid.UUID,
    body: UserUpdate,
    session: SessionDep,
    principal: Writer,
    response: Response,
    expected_version: IfMatch,
) -> UserOut:
    """Edit or disable an account (`is_active: false` ends its sessions at once)."""
    user = await service.update(session, principal, user_id, body, expected_version)
    set_etag(response, user.version)
    return service.to_out(user)


@router.put("/{user_id}/roles", operation_id="setUserRoles")
async def set_user_roles(
    user_id: uuid.UUID,
    body: RolesUpdate,
    session: SessionDep,
    principal: Writer,
    response: Response,
    expected_version: IfMatch,
) -> UserOut:
    user = await service.set_roles(session, principal, user_id, body, expected_version)
    set_etag(response, user.version)
    return service.to_out(user)


@router.post(
    "/{user_id}/password-reset",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="resetUserPassword",
)
async def reset_user_password(
    user_id: uuid.UUID, body: PasswordReset, session: SessionDep, principal: Writer
) -> None:
    """Set a new password for an account; its sessions end at once."""
    await service.reset_password(session, principal, user_id, body)
