from __future__ import annotations

from anjie.core.errors import NotFound


class CaseNotFound(NotFound):
    code = "case_not_found"
    message_zh = "案件不存在"
    message_en = "The case does not exist"
