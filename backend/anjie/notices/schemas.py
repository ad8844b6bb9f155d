"""Request and response bodies of supervision notices. Shape only; the rules that need the
database or the clock (addressees hold the case, the reply date lies ahead) are in service.py."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, Field

from anjie.core.pagination import PageQuery
from anjie.core.schemas import ApiModel, NoNul, Reason, Years
from anjie.notices.models import NoticeStatus
from anjie.users.schemas import UserRef

Text = Annotated[str, Field(min_length=1, max_length=20_000), NoNul]
Note = Annotated[str, Field(max_length=2000), NoNul]
# The days a reply date may name at all; service.py also wants it after today.
ReplyDay = Annotated[date, Field(ge=date(2000, 1, 1), le=date(2199, 12, 31)), Years(2000, 2199)]


class NoticeCreate(ApiModel):
    case_id: uuid.UUID
    to_user_ids: list[uuid.UUID] = Field(
        min_length=1,
        max_length=50,
        description="Addressees: people holding the case (包案), in the issuer's scope; the "
        "first answers for the reply deadline",
    )
    to_unit_id: uuid.UUID | None = Field(
        default=None, description="The responsible unit addressed, in the issuer's scope"
    )
    reason: Text = Field(description="督办事由")
    requirements: Text = Field(description="督办要求")
    reply_due_on: ReplyDay = Field(description="反馈期限: a day after today")


class ReplyCreate(ApiModel):
    text: Text = Field(description="The written report on the notice")


class NoticeClose(ApiModel):
    note: Note | None = None


class NoticeReturn(ApiModel):
    reason: Reason = Field(description="Why the reply is not enough")
    reply_due_on: ReplyDay = Field(description="The new reply date: a day after today")


class NoticeListQuery(PageQuery):
    """The notice list's query parameters, newest first; the filters combine with AND."""

    case_id: uuid.UUID | None = None
    status: Annotated[list[NoticeStatus] | None, Field(description="Any of these")] = None
    to_me: Annotated[bool, Field(description="Only notices addressed to the caller")] = False


class UnitRef(BaseModel):
    id: uuid.UUID
    name: str


class ReplyOut(BaseModel):
    id: uuid.UUID
    author: UserRef
    text: str
    created_at: datetime


class NoticeOut(BaseModel):
    id: uuid.UUID
    number: str = Field(description="文号, per issuing unit and year")
    case_id: uuid.UUID
    case_number: str
    org_unit_id: uuid.UUID = Field(description="The case's unit")
    issuing_unit_id: uuid.UUID
    issued_by: UserRef
    issued_at: datetime
    to_users: list[UserRef]
    to_unit: UnitRef | None
    reason: str
    requirements: str
    reply_due_on: date
    status: NoticeStatus
    replies: list[ReplyOut] = Field(description="Oldest first")
    deadline_id: uuid.UUID | None = Field(
        description="The latest reply deadline (none when the campaign switched the rule off)"
    )
    closed_at: datetime | None
    closed_by: uuid.UUID | None
    close_note: str | None
    version: int
    created_at: datetime
    updated_at: datetime
