from __future__ import annotations

from anjie.core.errors import Conflict, NotFound


class AssignmentNotFound(NotFound):
    code = "assignment_not_found"
    message_zh = "包案记录不存在"
    message_en = "The assignment does not exist"


class AssigneeNotFound(NotFound):
    # Users and units outside the caller's subtree are as absent as ones that do not exist.
    code = "assignee_not_found"
    message_zh = "指定的人员或部门不存在"
    message_en = "The person or department does not exist"


class AssigneeInactive(Conflict):
    code = "assignee_inactive"
    message_zh = "指定的人员或部门已停用"
    message_en = "The person or department is disabled"


class AssigneeNotLeader(Conflict):
    code = "assignee_not_leader"
    message_zh = "包案领导须由局领导担任"
    message_en = "The responsible leader must hold the bureau leader role"


class AlreadyAssigned(Conflict):
    code = "already_assigned"
    message_zh = "该人员或部门已在本案担任此职责"
    message_en = "This person or department already holds this role on the case"


class AssignmentEnded(Conflict):
    code = "assignment_ended"
    message_zh = "该包案记录已结束"
    message_en = "This assignment has already ended"
