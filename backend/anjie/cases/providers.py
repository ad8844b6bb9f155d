"""What the case registry answers for the packages below it (wired in anjie.wiring)."""

from __future__ import annotations

import uuid

from sqlalchemy import ColumnElement, exists

from anjie.cases.models import CasePetitioner
from anjie.cases.ports import responsibility
from anjie.core.ports import IdColumn


def on_held_case(petitioner_id: IdColumn, user_id: uuid.UUID) -> ColumnElement[bool]:
    """Fills `petitioners.ports.on_held_case`: a petitioner is seen through the cases held."""
    return exists().where(
        CasePetitioner.petitioner_id == petitioner_id,
        responsibility().held(CasePetitioner.case_id, user_id),
    )
