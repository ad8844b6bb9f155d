from __future__ import annotations

import uuid
from typing import Any

from anjie.cases.errors import LocalisedItems
from anjie.core.errors import BadRequest, Conflict, NotFound, ValidationFailed


class CheckInNotFound(NotFound):
    code = "check_in_not_found"
    message_zh = "回访记录不存在"
    message_en = "The check-in does not exist"


class IdempotencyKeyNotUuid(BadRequest):
    code = "idempotency_key_not_uuid"
    message_zh = "Idempotency-Key 须为手机采集回访时生成的 UUID"
    message_en = "The Idempotency-Key must be the UUID the phone generated for this visit"


class CheckInInvalid(LocalisedItems, ValidationFailed):
    """Well-typed fields that break a rule (time in the future, unknown officer and the like)."""


class CheckInAlreadyRecorded(Conflict):
    """The visit's client id is on file already: a re-sync after its idempotency record expired,
    or another account syncing the same phone's queue."""

    code = "check_in_already_recorded"
    message_zh = "该回访记录已经上传过（客户端编号重复）"
    message_en = "This visit was uploaded already (its client id is on file)"

    def __init__(self, check_in_id: uuid.UUID | None) -> None:
        self.check_in_id = check_in_id
        super().__init__()

    def extra(self) -> dict[str, Any]:
        return {"check_in_id": str(self.check_in_id)} if self.check_in_id else {}
