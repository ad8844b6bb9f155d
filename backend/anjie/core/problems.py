"""Renders every error as RFC 9457 application/problem+json, in the caller's language."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

from anjie.core import errors
from anjie.core.errors import IdempotentReplay
from anjie.core.i18n import Lang, negotiate

log = logging.getLogger("anjie.errors")

PROBLEM_JSON = "application/problem+json"
# unique_violation, foreign_key_violation, serialization_failure, deadlock_detected
_CONFLICT_SQLSTATES = frozenset({"23505", "23503", "40001", "40P01"})

# zh-CN wording for the pydantic error types a form can produce; others fall back to English.
_ZH_MESSAGES: dict[str, str] = {
    "missing": "必填项",
    "string_too_short": "长度不能少于 {min_length} 个字符",
    "string_too_long": "长度不能超过 {max_length} 个字符",
    "string_type": "应为文本",
    "string_pattern_mismatch": "格式不正确",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "decimal_parsing": "应为金额数字",
    "bool_type": "应为是或否",
    "bool_parsing": "应为是或否",
    "greater_than": "应大于 {gt}",
    "greater_than_equal": "应不小于 {ge}",
    "less_than": "应小于 {lt}",
    "less_than_equal": "应不大于 {le}",
    "enum": "不是允许的取值：{expected}",
    "literal_error": "不是允许的取值：{expected}",
    "date_type": "应为日期（YYYY-MM-DD）",
    "date_parsing": "应为日期（YYYY-MM-DD）",
    "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
    "datetime_type": "应为带时区的时间",
    "datetime_parsing": "应为带时区的时间",
    "timezone_aware": "时间须带时区",
    "uuid_parsing": "编号格式不正确",
    "uuid_type": "编号格式不正确",
    "list_type": "应为列表",
    "too_short": "至少需要 {min_length} 项",
    "too_long": "最多 {max_length} 项",
    "dict_type": "应为对象",
    "model_type": "应为对象",
    "json_invalid": "JSON 格式错误",
    "extra_forbidden": "不允许的字段",
    "null_not_allowed": "不能为空",
    "decimal_max_places": "小数位数不能超过 {decimal_places} 位",
    "decimal_max_digits": "数字位数不能超过 {max_digits} 位",
    "decimal_type": "应为金额数字",
    "finite_number": "应为有限的数字",
    "value_error": "取值无效",
    "nul_character": "不能包含空字符（\\u0000）",
    "control_character": "不能包含控制字符或双向文字控制符（U+{codepoint}）",
    "phone_number": "不是有效的手机（11 位）或固定电话号码",
    "url_parsing": "网址格式不正确",
}


# The one schema of every error body (problem_body below), shared by every documented 4xx/5xx.
PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "title": "Problem",
    "description": "RFC 9457 problem details; extra members add detail (the failed guard, …)",
    "required": ["type", "title", "status", "detail", "code", "request_id"],
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": {"type": "string"},
        "code": {"type": "string", "description": "Stable machine-readable reason"},
        "request_id": {"type": ["string", "null"]},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["pointer", "detail", "code"],
                "properties": {
                    "pointer": {"type": "string", "description": "JSON pointer into the body"},
                    "detail": {"type": "string"},
                    "code": {"type": "string"},
                    "parameter": {
                        "type": "string",
                        "description": "`query:name`, `path:name`, `header:name` for parameters",
                    },
                },
                "additionalProperties": True,
            },
        },
    },
    "additionalProperties": True,
}


def problem_body(
    *,
    status: int,
    code: str,
    title: str,
    detail: str,
    lang: Lang,
    request_id: str | None,
    errors_: Sequence[dict[str, Any]] | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The RFC 9457 body; also used by the middleware, which answers before FastAPI runs."""
    body: dict[str, Any] = {
        "type": f"https://anjie.example/problems/{code.replace('_', '-')}",
        "title": errors.localized_title(title, lang),
        "status": status,
        "detail": detail,
        "code": code,
        "request_id": request_id,
    }
    if errors_:
        body["errors"] = list(errors_)
    if extra:
        # Extras add detail; they never replace the members every problem has.
        body.update({k: v for k, v in extra.items() if k not in body})
    return body


def problem_response(
    request: Request,
    *,
    status: int,
    code: str,
    title: str,
    detail: str,
    errors_: Sequence[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> JSONResponse:
    body = problem_body(
        status=status,
        code=code,
        title=title,
        detail=detail,
        lang=lang_of(request),
        request_id=getattr(request.state, "request_id", None),
        errors_=errors_,
        extra=extra,
    )
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_JSON)


def lang_of(request: Request) -> Lang:
    return negotiate(request.headers.get("accept-language"))


def _pointer(loc: Sequence[int | str]) -> tuple[str, str | None]:
    """Map a pydantic location to a JSON pointer into the body, or a parameter name."""
    if not loc:
        return "#", None
    where, *rest = loc
    if where == "body":
        if not rest:
            return "#", None
        return "#/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in rest), None
    return "#", f"{where}:{'.'.join(str(p) for p in rest)}"


def validation_items(raw: Sequence[Any], lang: Lang) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for err in raw[:50]:
        etype = str(err.get("type", "value_error"))
        ctx = {k: v for k, v in (err.get("ctx") or {}).items() if isinstance(v, str | int | float)}
        message = str(err.get("msg", "invalid"))
        if message.startswith("Value error, "):
            message = message.removeprefix("Value error, ")
        if etype == "value_error" and "NUL" in message:
            etype = "nul_character"
        if lang == "zh-CN" and etype in _ZH_MESSAGES:
            try:
                message = _ZH_MESSAGES[etype].format(**ctx)
            except (KeyError, IndexError):
                message = _ZH_MESSAGES[etype]
        pointer, parameter = _pointer(tuple(err.get("loc", ())))
        if etype == "json_invalid":
            # Its location is a character offset into the text, not a member of the document.
            pointer = "#"
        item: dict[str, Any] = {"pointer": pointer, "detail": message, "code": etype}
        if parameter:
            item["parameter"] = parameter
        items.append(item)
    return items


def install(app: FastAPI) -> None:
    @app.exception_handler(errors.AppError)
    async def _app_error(request: Request, exc: errors.AppError) -> JSONResponse:
        lang = lang_of(request)
        return problem_response(
            request,
            status=exc.status,
            code=exc.code,
            title=exc.title,
            detail=exc.detail(lang),
            errors_=exc.errors,
            headers=exc.headers,
            extra=exc.extra(),
        )

    @app.exception_handler(IdempotentReplay)
    async def _replay(request: Request, exc: IdempotentReplay) -> JSONResponse:
        headers = {**exc.headers, "Idempotent-Replayed": "true"}
        return JSONResponse(exc.body, status_code=exc.status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        lang = lang_of(request)
        err = errors.ValidationFailed()
        return problem_response(
            request,
            status=422,
            code=err.code,
            title=err.title,
            detail=err.detail(lang),
            errors_=validation_items(exc.errors(), lang),
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400 and isinstance(exc.__cause__, UnicodeDecodeError):
            # FastAPI's answer to a JSON body that is not even text; other bodies that are not
            # JSON are 422 json_invalid, and so is this one.
            raw = [{"type": "json_invalid", "loc": ("body",), "msg": "JSON decode error"}]
            return await _validation(request, RequestValidationError(raw))
        mapped: dict[int, type[errors.AppError]] = {
            401: errors.Unauthorized,
            403: errors.Forbidden,
            404: errors.NotFound,
            405: errors.MethodNotAllowed,
            413: errors.PayloadTooLarge,
            415: errors.UnsupportedMediaType,
        }
        cls = mapped.get(exc.status_code, errors.BadRequest)
        err = cls(limit=exc.detail) if cls is errors.PayloadTooLarge else cls()
        lang = lang_of(request)
        return problem_response(
            request,
            status=exc.status_code,
            code=err.code,
            title=err.title,
            detail=err.detail(lang),
            headers=dict(exc.headers or {}),
        )

    @app.exception_handler(DBAPIError)
    async def _db(request: Request, exc: DBAPIError) -> JSONResponse:
        # Values the schema let through but PostgreSQL refuses (out-of-range numbers, bytes
        # the encoding cannot hold) are the client's fault: 422, and the transaction is gone.
        sqlstate = getattr(getattr(exc, "orig", None), "sqlstate", None) or ""
        lang = lang_of(request)
        if isinstance(exc, DataError) or sqlstate.startswith("22"):
            err = errors.ValidationFailed()
            return problem_response(
                request, status=422, code="invalid_value", title=err.title, detail=err.detail(lang)
            )
        if sqlstate in _CONFLICT_SQLSTATES:
            # A concurrent request won a race the service's own checks could not see (unique
            # or foreign key decided at commit, deadlock, serialization failure): retryable.
            log.warning("database conflict", extra={"sqlstate": sqlstate})
            conflict = errors.Conflict()
            return problem_response(
                request,
                status=409,
                code=conflict.code,
                title=conflict.title,
                detail=conflict.detail(lang),
            )
        return await _unexpected(request, exc)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.error(
            "unhandled error",
            exc_info=exc,
            extra={"request_id": getattr(request.state, "request_id", None)},
        )
        err = errors.InternalError()
        return problem_response(
            request, status=500, code=err.code, title=err.title, detail=err.detail(lang_of(request))
        )
