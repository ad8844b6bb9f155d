from __future__ import annotations

from typing import Any

from anjie.core.errors import (
    Forbidden,
    InternalError,
    NotFound,
    PayloadTooLarge,
    UnsupportedMediaType,
    ValidationFailed,
)
from anjie.core.i18n import DEFAULT_LANG, Lang


class AttachmentNotFound(NotFound):
    code = "attachment_not_found"
    message_zh = "附件不存在"
    message_en = "The attachment does not exist"


class AttachmentTooLarge(PayloadTooLarge):
    code = "attachment_too_large"
    message_zh = "附件过大（上限 {limit} 字节）"
    message_en = "The file is too large (limit {limit} bytes)"

    def extra(self) -> dict[str, Any]:
        return {"limit": self.params.get("limit")}


class AttachmentTypeNotAllowed(UnsupportedMediaType):
    code = "attachment_type_not_allowed"
    message_zh = "只能上传 PDF、JPEG、PNG、WebP、Word（docx）或 Excel（xlsx）文件"
    message_en = "Only PDF, JPEG, PNG, WebP, Word (docx) or Excel (xlsx) files can be uploaded"

    def extra(self) -> dict[str, Any]:
        return {"allowed": self.params.get("allowed", [])}


class OwnerTypeUnavailable(ValidationFailed):
    """A valid owner type whose domain has not registered a resolver (not built yet)."""

    code = "owner_type_unavailable"
    message_zh = "暂不能为此类对象上传附件"
    message_en = "Attachments cannot be added to this kind of object yet"

    def __init__(self) -> None:
        super().__init__(errors=self._items(DEFAULT_LANG))

    def _items(self, lang: Lang) -> list[dict[str, Any]]:
        text = self.message_zh if lang == "zh-CN" else self.message_en
        return [{"pointer": "#/owner_type", "detail": text, "code": self.code}]

    def detail(self, lang: Lang) -> str:
        # The field item follows the caller's language too; handlers read detail() first.
        self.errors = self._items(lang)
        return super().detail(lang)


class AttachmentContentMissing(InternalError):
    """The row exists but its bytes are gone from storage: an operations problem, not the
    caller's."""

    code = "attachment_content_missing"
    message_zh = "附件文件缺失，请联系管理员并提供请求编号"
    message_en = "The attachment's file is missing; contact the administrator with the request id"


class AttachmentDownloadForbidden(Forbidden):
    code = "attachment_download_forbidden"
    message_zh = "督导查阅角色不能下载附件内容（附件可能含身份证件等个人信息）"
    message_en = "Observers may not download attachment content (it may hold ID scans)"
