from __future__ import annotations

from anjie.core.errors import Conflict, NotFound


class RecordNotFound(NotFound):
    code = "accountability_record_not_found"
    message_zh = "责任倒查记录不存在"
    message_en = "The accountability record does not exist"


class CaseNotFound(NotFound):
    code = "case_not_found"
    message_zh = "案件不存在"
    message_en = "The case does not exist"


class AlreadyDecided(Conflict):
    code = "accountability_decided"
    message_zh = "该责任倒查已作出决定，不能再次决定"
    message_en = "The accountability record has been decided already"


class DeciderConcerned(Conflict):
    code = "accountability_decider_concerned"
    message_zh = "被倒查的责任人不能对本记录作出决定"
    message_en = "A person the record concerns cannot decide it"
