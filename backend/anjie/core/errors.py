"""Domain errors. Raised below the router, rendered once as RFC 9457 problem+json.

Each error has a stable `code`, an HTTP status and a message in both UI languages; subclasses
override the class attributes and may pass format parameters.
"""

from __future__ import annotations

from typing import Any, ClassVar

from anjie.core.i18n import Lang


class AppError(Exception):
    status: ClassVar[int] = 400
    code: ClassVar[str] = "bad_request"
    title: ClassVar[str] = "Bad request"
    message_zh: ClassVar[str] = "请求有误"
    message_en: ClassVar[str] = "The request is not valid"
    # Writes made before this error was raised are committed anyway (e.g. a failed-login counter
    # and its audit event must survive the 401 they cause).
    keep_writes: ClassVar[bool] = False

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
        **params: Any,
    ) -> None:
        self.detail_override = detail
        self.errors = errors
        self.headers = headers or {}
        self.params = params
        super().__init__(detail or self.message_en.format(**params))

    def detail(self, lang: Lang) -> str:
        if self.detail_override is not None:
            return self.detail_override
        template = self.message_zh if lang == "zh-CN" else self.message_en
        try:
            return template.format(**self.params)
        except (KeyError, IndexError):
            return template

    def extra(self) -> dict[str, Any]:
        """Extra members for the problem body (e.g. the guard that failed)."""
        return {}


class BadRequest(AppError):
    pass


class Unauthorized(AppError):
    status = 401
    code = "unauthorized"
    title = "Unauthorized"
    message_zh = "未登录或登录已失效"
    message_en = "Authentication is required or has expired"

    def __init__(self, detail: str | None = None, **kw: Any) -> None:
        super().__init__(detail, **kw)
        self.headers.setdefault("WWW-Authenticate", 'Bearer realm="anjie"')


class Forbidden(AppError):
    status = 403
    code = "forbidden"
    title = "Forbidden"
    message_zh = "没有执行此操作的权限"
    message_en = "You are not allowed to do this"


class NotFound(AppError):
    status = 404
    code = "not_found"
    title = "Not found"
    message_zh = "资源不存在"
    message_en = "The resource does not exist"


class MethodNotAllowed(AppError):
    status = 405
    code = "method_not_allowed"
    title = "Method not allowed"
    message_zh = "不支持此请求方法"
    message_en = "This method is not allowed here"


class Conflict(AppError):
    status = 409
    code = "conflict"
    title = "Conflict"
    message_zh = "与当前状态冲突"
    message_en = "The request conflicts with the current state"


class PreconditionFailed(AppError):
    status = 412
    code = "precondition_failed"
    title = "Precondition failed"
    message_zh = "数据已被他人修改，请刷新后重试"
    message_en = "The resource was changed by someone else; reload and try again"


class PayloadTooLarge(AppError):
    status = 413
    code = "payload_too_large"
    title = "Payload too large"
    message_zh = "请求内容过大（上限 {limit} 字节）"
    message_en = "The request body is too large (limit {limit} bytes)"


class UnsupportedMediaType(AppError):
    status = 415
    code = "unsupported_media_type"
    title = "Unsupported media type"
    message_zh = "不支持的内容类型"
    message_en = "This content type is not supported"


class ValidationFailed(AppError):
    status = 422
    code = "validation_failed"
    title = "Validation failed"
    message_zh = "提交的数据有误"
    message_en = "The submitted data is not valid"


class PreconditionRequired(AppError):
    status = 428
    code = "precondition_required"
    title = "Precondition required"
    message_zh = "修改需要 If-Match 请求头"
    message_en = "This change needs an If-Match header"


class TooManyRequests(AppError):
    status = 429
    code = "too_many_requests"
    title = "Too many requests"
    message_zh = "尝试次数过多，请 {retry_after} 秒后再试"
    message_en = "Too many attempts; try again in {retry_after} seconds"
    keep_writes = True

    def __init__(self, retry_after: int, **kw: Any) -> None:
        super().__init__(retry_after=retry_after, **kw)
        self.headers["Retry-After"] = str(retry_after)


class ServiceUnavailable(AppError):
    status = 503
    code = "service_unavailable"
    title = "Service unavailable"
    message_zh = "服务暂不可用"
    message_en = "The service is unavailable"


class DatabaseUnavailable(ServiceUnavailable):
    """The database cannot be reached or went away mid-request: nothing was kept, try later.

    503 with Retry-After rather than a 500, so that clients that queue writes (the phone's outbox,
    docs/architecture.md) keep the write and send it again with the same Idempotency-Key.
    """

    code = "database_unavailable"
    message_zh = "数据库暂不可用，请稍后重试"
    message_en = "The database is unavailable; try again shortly"
    retry_after_seconds: ClassVar[int] = 5

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.headers.setdefault("Retry-After", str(self.retry_after_seconds))


class InternalError(AppError):
    status = 500
    code = "internal_error"
    title = "Internal server error"
    message_zh = "服务器内部错误，请联系管理员并提供请求编号"
    message_en = "Internal server error; contact the administrator with the request id"


class IdempotentReplay(Exception):
    """Carries a stored response back to the client (rendered by the app's handler)."""

    def __init__(self, status: int, body: Any, headers: dict[str, str]) -> None:
        super().__init__("idempotent replay")
        self.status = status
        self.body = body
        self.headers = headers


# RFC 9457 lets the title change with the language alone; the SPA shows it above the detail.
ZH_TITLES: dict[str, str] = {
    "Bad request": "请求有误",
    "Unauthorized": "未登录或登录已失效",
    "Forbidden": "无权操作",
    "Not found": "未找到",
    "Method not allowed": "不支持的请求方法",
    "Conflict": "操作冲突",
    "Precondition failed": "数据已被他人修改",
    "Payload too large": "内容过大",
    "Unsupported media type": "不支持的文件类型",
    "Validation failed": "输入有误",
    "Precondition required": "缺少版本信息",
    "Too many requests": "请求过于频繁",
    "Service unavailable": "服务暂不可用",
    "Internal server error": "服务器内部错误",
}


def localized_title(title: str, lang: str) -> str:
    return ZH_TITLES.get(title, title) if lang == "zh-CN" else title
