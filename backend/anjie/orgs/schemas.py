from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, ClassVar

from pydantic import Field

from anjie.core.pagination import Limit, PageQuery
from anjie.core.schemas import ApiModel, Name, NoNul, OutModel, PatchModel
from anjie.orgs.models import OrgKind

Code = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,32}$"), NoNul]
RegionCode = Annotated[str, Field(pattern=r"^[0-9]{6,12}$"), NoNul]
ShortName = Annotated[str, Field(min_length=1, max_length=20), NoNul]


class OrgUnitCreate(ApiModel):
    parent_id: uuid.UUID
    name: Name
    short_name: ShortName | None = None
    kind: OrgKind
    code: Code
    region_code: RegionCode | None = None


class OrgUnitUpdate(PatchModel):
    not_null: ClassVar[frozenset[str]] = frozenset(
        {"parent_id", "name", "kind", "code", "is_active"}
    )
    # Published with null allowed on every field: on these it leaves the value as it is.
    null_leaves_unchanged: ClassVar[bool] = True

    parent_id: uuid.UUID | None = None
    name: Name | None = None
    short_name: ShortName | None = None
    kind: OrgKind | None = None
    code: Code | None = None
    region_code: RegionCode | None = None
    is_active: bool | None = None


class OrgUnitListQuery(PageQuery):
    limit: Limit = 100
    parent_id: uuid.UUID | None = None
    kind: OrgKind | None = None
    q: Annotated[str | None, Field(max_length=100)] = None
    is_active: bool | None = None


class OrgUnitOut(OutModel):
    id: uuid.UUID
    parent_id: uuid.UUID | None
    name: str
    short_name: str | None
    kind: OrgKind
    code: str
    region_code: str | None
    is_active: bool
    depth: int
    version: int
    created_at: datetime
    updated_at: datetime
