"""Pure ASGI middleware: request ids, body-size limits, hostile URLs, access logs, last-resort 500s.

Written at the ASGI level (not BaseHTTPMiddleware) so that streaming bodies are counted as they
arrive and an unhandled error still leaves as problem+json carrying its request id.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from typing import Any
from urllib.parse import unquote

from fastapi.routing import iter_route_contexts
from starlette.exceptions import HTTPException
from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from anjie.core import errors, metrics
from anjie.core.i18n import Lang, negotiate
from anjie.core.logging import request_id_var
from anjie.core.masking import MASK_FREE_TEXT, mask_strings
from anjie.core.problems import PROBLEM_JSON, problem_body

log = logging.getLogger("anjie.access")
# The SPA and the phone app load only their own scripts; Element Plus and Vant set inline
# styles; photos are previewed from blob: URLs; the service worker and manifest are same-origin.
# The production proxy sends the same policy.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
    "worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# The interactive docs page loads Swagger UI from its CDN; it is off in production.
_CSP_EXEMPT = frozenset({"/api/v1/docs"})
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_NUL_DETAIL: dict[Lang, str] = {
    "zh-CN": "网址不能包含空字符（\\u0000）",
    "en": "The URL must not contain NUL characters",
}


def security_headers(path: str, headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """Headers every response carries, whoever produced it (route, static file, error).

    JSON without a caching rule of its own is `no-store`: API answers carry personal data and
    must not stay in a shared or browser cache after sign-out.
    """
    present = {name.lower() for name, _ in headers}
    extra = [
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
    ]
    if path not in _CSP_EXEMPT:
        extra.append((b"content-security-policy", CONTENT_SECURITY_POLICY.encode()))
    content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
    if b"json" in content_type and b"cache-control" not in present:
        extra.append((b"cache-control", b"no-store"))
    return [(name, value) for name, value in extra if name not in present]


def allow_every_method(
    scope: Scope, headers: list[tuple[bytes, bytes]]
) -> list[tuple[bytes, bytes]]:
    """A 405's `Allow` names every method of the path (RFC 9110 §15.5.6). The router answers
    from the first route whose path matched, and a path's methods are often split over routes."""
    path = scope.get("path", "")
    methods: set[str] = set()
    for context in iter_route_contexts(getattr(scope.get("app"), "routes", [])):
        regex, _, _ = compile_path(str(context.path_format))
        if context.methods and regex.match(path):
            methods |= set(context.methods)
    if not methods:
        return headers
    allow = ", ".join(sorted(methods)).encode()
    return [(k, v) for k, v in headers if k.lower() != b"allow"] + [(b"allow", allow)]


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, *, max_body_bytes: int, max_json_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.max_json_bytes = max_json_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        incoming = headers.get("x-request-id", "")
        request_id = incoming if _VALID_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        token = request_id_var.set(request_id)
        lang = negotiate(headers.get("accept-language"))
        started = time.perf_counter()
        status_holder: dict[str, Any] = {"status": 0, "started": False}
        is_json = "json" in headers.get("content-type", "")
        limit = self.max_json_bytes if is_json else self.max_body_bytes

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
                status_holder["started"] = True
                message.setdefault("headers", [])
                message["headers"] = [
                    *message["headers"],
                    (b"x-request-id", request_id.encode()),
                    *security_headers(scope.get("path", ""), message["headers"]),
                ]
                if message["status"] == 405:
                    message["headers"] = allow_every_method(scope, message["headers"])
            await send(message)

        async def problem(err: errors.AppError) -> None:
            body = problem_body(
                status=err.status,
                code=err.code,
                title=err.title,
                detail=err.detail(lang),
                lang=lang,
                request_id=request_id,
                errors_=err.errors,
                extra=err.extra(),
            )
            raw = json.dumps(body, ensure_ascii=False).encode()
            await send_with_id(
                {
                    "type": "http.response.start",
                    "status": err.status,
                    "headers": [
                        (b"content-type", PROBLEM_JSON.encode()),
                        (b"content-length", str(len(raw)).encode()),
                        *((k.lower().encode(), v.encode()) for k, v in err.headers.items()),
                    ],
                }
            )
            await send_with_id({"type": "http.response.body", "body": raw})

        try:
            declared = headers.get("content-length")
            if declared is not None and (not declared.isdigit() or int(declared) > limit):
                await problem(errors.PayloadTooLarge(limit=limit))
                return
            raw_path = unquote(scope.get("raw_path", b"").decode("latin-1"))
            query = unquote(scope.get("query_string", b"").decode("latin-1"))
            if "\x00" in raw_path or "\x00" in query:
                item = {
                    "pointer": "#",
                    "parameter": "path" if "\x00" in raw_path else "query",
                    "detail": _NUL_DETAIL[lang],
                    "code": "nul_character",
                }
                await problem(errors.ValidationFailed(errors=[item]))
                return

            received = 0

            async def counting_receive() -> Message:
                nonlocal received
                message = await receive()
                if message["type"] == "http.request":
                    received += len(message.get("body", b""))
                    if received > limit:
                        # An HTTPException survives FastAPI's body parsing (others become 400).
                        raise HTTPException(413, detail=str(limit))
                return message

            await self.app(scope, counting_receive, send_with_id)
        except HTTPException as exc:
            if exc.status_code != 413:
                raise
            if not status_holder["started"]:
                await problem(errors.PayloadTooLarge(limit=limit))
        except Exception:
            log.exception("unhandled error", extra={"request_id": request_id})
            if not status_holder["started"]:
                await problem(errors.InternalError())
        finally:
            metrics.observe(scope, status_holder["status"], time.perf_counter() - started)
            log.info(
                "request",
                extra={
                    "request_id": request_id,
                    "method": scope.get("method"),
                    # The path only: query strings may carry search terms, never logged.
                    "path": scope.get("path"),
                    "status": status_holder["status"],
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            request_id_var.reset(token)


class MaskFreeText:
    """Masks ID and phone numbers inside the JSON strings answered to a caller who may not
    reveal personal data (observers): the access layer marks such a request in its state, so
    free text (notes, demands, minutes) is masked like the fields are."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        chunks: list[bytes] = []

        async def masking_send(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                state = scope.get("state", {})
                content_type = dict(message.get("headers", [])).get(b"content-type", b"")
                if state.get(MASK_FREE_TEXT) and b"json" in content_type:
                    start = message
                    return
            elif start is not None and message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                raw = b"".join(chunks)
                body = (
                    json.dumps(
                        mask_strings(json.loads(raw)), ensure_ascii=False, separators=(",", ":")
                    ).encode()
                    if raw
                    else raw  # a 204 has no body to mask
                )
                headers = [(k, v) for k, v in start.get("headers", []) if k != b"content-length"]
                headers.append((b"content-length", str(len(body)).encode()))
                await send({**start, "headers": headers})
                await send({"type": "http.response.body", "body": body})
                return
            await send(message)

        await self.app(scope, receive, masking_send)
