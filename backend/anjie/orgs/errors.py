from __future__ import annotations

from anjie.core.errors import Conflict, NotFound


class OrgUnitNotFound(NotFound):
    code = "org_unit_not_found"
    message_zh = "单位不存在"
    message_en = "The org unit does not exist"


class OrgCodeTaken(Conflict):
    code = "org_unit_code_taken"
    message_zh = "单位代码已被使用"
    message_en = "This org unit code is already in use"


class OrgMoveIntoOwnSubtree(Conflict):
    code = "org_unit_cycle"
    message_zh = "不能把单位移到其下级单位之下"
    message_en = "A unit cannot be moved under one of its own sub-units"


class OrgUnitOwnRoot(Conflict):
    code = "org_unit_outside_scope"
    message_zh = "不能修改本人所在单位的上级关系"
    message_en = "You cannot move or disable the unit at the top of your own scope"


class OrgUnitNotEmpty(Conflict):
    code = "org_unit_not_empty"
    message_zh = "单位下仍有下级单位或用户，不能删除（可改为停用）"
    message_en = "The unit still has sub-units or users; disable it instead"
