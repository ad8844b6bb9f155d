from __future__ import annotations

from anjie.core.errors import Conflict, ValidationFailed


class CalendarYearUnknownError(Conflict):
    code = "calendar_year_unknown"
    message_zh = "{year} 年的法定节假日安排尚未录入，请管理员先录入国务院放假安排"
    message_en = (
        "No official holiday data for {year}; an administrator must enter that year's "
        "State Council holiday arrangement first"
    )


class ArrangementInvalid(ValidationFailed):
    code = "calendar_arrangement_invalid"
    message_zh = "放假安排有误：{problem}"
    message_en = "The holiday arrangement is not valid: {problem}"
