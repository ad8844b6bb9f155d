from __future__ import annotations

from anjie.core.errors import Conflict, NotFound


class UserNotFound(NotFound):
    code = "user_not_found"
    message_zh = "用户不存在"
    message_en = "The user does not exist"


class UsernameTaken(Conflict):
    code = "username_taken"
    message_zh = "用户名已被使用"
    message_en = "This username is already in use"


class CannotChangeSelf(Conflict):
    code = "cannot_change_own_account"
    message_zh = "不能停用本人账号或修改本人角色"
    message_en = "You cannot disable your own account or change your own roles"
