from __future__ import annotations

from typing import Any

from anjie.accountability.models import AccountabilityRecord
from anjie.accountability.schemas import PersonOut, RecordOut


def to_out(r: AccountabilityRecord) -> RecordOut:
    return RecordOut.model_validate(
        {
            **{field: getattr(r, field) for field in RecordOut.model_fields if field != "persons"},
            "persons": [PersonOut.model_validate(p) for p in r.persons],
        }
    )


def snapshot(r: AccountabilityRecord) -> dict[str, Any]:
    """What the audit trail keeps of a record: ids and roles, the finding, the decision."""
    return {
        "deadline_ids": [str(d) for d in r.deadline_ids],
        "persons": [
            {
                "role_in_case": p["role_in_case"],
                "user_id": p["user_id"],
                "org_unit_id": p["org_unit_id"],
            }
            for p in r.persons
        ],
        "finding": r.finding,
        "decision": r.decision,
        "decision_note": r.decision_note,
        "status": r.status,
    }
