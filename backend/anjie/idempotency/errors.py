from __future__ import annotations

from typing import Any

from anjie.core.errors import BadRequest, Conflict, ValidationFailed


class IdempotencyKeyRequired(BadRequest):
    code = "idempotency_key_required"
    message_zh = "此请求需要 Idempotency-Key 请求头（客户端生成的 UUID）"
    message_en = "This request needs an Idempotency-Key header (a client-generated UUID)"


class IdempotencyKeyReused(ValidationFailed):
    code = "idempotency_key_reused"
    message_zh = "该 Idempotency-Key 已用于内容不同的请求"
    message_en = "This Idempotency-Key was already used for a different request"


class IdempotencyInFlight(Conflict):
    code = "idempotency_in_flight"
    message_zh = "相同 Idempotency-Key 的请求正在处理中，请稍后重试"
    message_en = "A request with this Idempotency-Key is still being processed; retry shortly"

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        # The first request finishes within a request's time; the client retries, not gives up.
        self.headers.setdefault("Retry-After", "1")
