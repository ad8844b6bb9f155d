from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field

import anjie.attachments.labels  # noqa: F401 - registers the owner types' labels
from anjie.attachments.owners import OwnerType
from anjie.core.pagination import Cursor, Limit
from anjie.core.schemas import NoNul

Description = Annotated[str, Field(max_length=2000), NoNul]


class AttachmentListQuery(BaseModel):
    owner_type: OwnerType | None = None
    owner_id: uuid.UUID | None = None
    case_id: Annotated[
        uuid.UUID | None, Field(description="Every attachment of the case and its parts")
    ] = None
    updated_after: datetime | None = None
    # Paging last, as published (so not a PageQuery).
    limit: Limit = 50
    cursor: Cursor = None


class AttachmentOut(BaseModel):
    id: uuid.UUID
    case_id: uuid.UUID = Field(description="The case the owner belongs to (decides who sees it)")
    owner_type: OwnerType
    owner_id: uuid.UUID
    filename: str = Field(description="The client's file name, cleaned")
    media_type: str = Field(description="Decided from the file's bytes, not from the client")
    extension: str
    size_bytes: int
    sha256: str = Field(description="Hex digest of the content")
    description: str | None
    uploaded_by: uuid.UUID
    uploaded_by_name: str
    uploaded_at: datetime
