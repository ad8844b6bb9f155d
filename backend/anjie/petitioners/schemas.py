from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Annotated, ClassVar

from pydantic import AfterValidator, BaseModel, Field
from pydantic_core import PydanticCustomError

from anjie.core import idnumber
from anjie.core.pagination import PageQuery
from anjie.core.schemas import ApiModel, NoNul, OutModel, PatchModel, Reason

PersonName = Annotated[str, Field(min_length=1, max_length=50), NoNul]
Place = Annotated[str, Field(min_length=1, max_length=200), NoNul]
IdNumber = Annotated[
    str, Field(min_length=15, max_length=20), NoNul, AfterValidator(idnumber.validate)
]
# A mainland number, written with spaces or hyphens as people do: a mobile (11 digits, 1[3-9]…),
# a landline with its area code (0 + 10 or 11 digits), or a local landline (7 or 8 digits); with
# +86 or 0086 in front when given internationally. A 10-digit number is none of these.
_PHONE_DIGITS = re.compile(r"^(?:1[3-9][0-9]{9}|0[1-9][0-9]{9,10}|[2-9][0-9]{6,7})$")


def _mainland_phone(value: str) -> str:
    digits = re.sub(r"[ -]", "", value)
    for prefix in ("+86", "0086"):
        if digits.startswith(prefix) and len(digits) > len(prefix) + 7:
            digits = digits.removeprefix(prefix)
            break
    if not _PHONE_DIGITS.match(digits):
        raise PydanticCustomError(
            "phone_number", "not a mainland mobile (11 digits) or landline number"
        )
    return value


Phone = Annotated[
    str,
    Field(pattern=r"^\+?[0-9][0-9 -]{4,18}[0-9]$"),
    NoNul,
    AfterValidator(_mainland_phone),
]


class PetitionerFields(ApiModel):
    name: PersonName
    id_number: IdNumber | None = None
    phone: Phone | None = None
    ethnicity: Annotated[str, Field(max_length=20), NoNul] | None = None
    address: Place | None = None
    household_registration_place: Place | None = None
    residence_place: Place | None = None
    occupation: Annotated[str, Field(max_length=100), NoNul] | None = None


class PetitionerCreate(PetitionerFields):
    org_unit_id: uuid.UUID | None = Field(
        default=None, description="Owning unit; defaults to the caller's unit"
    )


class PetitionerUpdate(PatchModel):
    not_null: ClassVar[frozenset[str]] = frozenset({"name"})
    # Published with null allowed on every field: on these it leaves the value as it is.
    null_leaves_unchanged: ClassVar[bool] = True

    name: PersonName | None = None
    id_number: IdNumber | None = None
    phone: Phone | None = None
    ethnicity: Annotated[str, Field(max_length=20), NoNul] | None = None
    address: Place | None = None
    household_registration_place: Place | None = None
    residence_place: Place | None = None
    occupation: Annotated[str, Field(max_length=100), NoNul] | None = None


class PetitionerListQuery(PageQuery):
    q: Annotated[str | None, Field(max_length=50, description="Name contains")] = None


class PetitionerOut(OutModel):
    """ID number and phone are always masked here; see POST /petitioners/{id}/reveal."""

    id: uuid.UUID
    org_unit_id: uuid.UUID
    name: str
    gender: str | None
    ethnicity: str | None
    id_number: str | None = Field(description="Masked, e.g. 510***********1234")
    phone: str | None = Field(description="Masked, e.g. 138****5678")
    address: str | None
    household_registration_place: str | None
    residence_place: str | None
    occupation: str | None
    version: int
    created_at: datetime
    updated_at: datetime


class IdNumberSearch(ApiModel):
    """Lookup by ID number goes in a body, never in a URL (URLs end up in logs)."""

    id_number: IdNumber


class RevealRequest(ApiModel):
    reason: Reason


class Revealed(BaseModel):
    id: uuid.UUID
    id_number: str | None
    phone: str | None
