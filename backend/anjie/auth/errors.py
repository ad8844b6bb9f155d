from __future__ import annotations

from anjie.core.errors import BadRequest, Forbidden, Unauthorized, ValidationFailed


class LoginFailed(Unauthorized):
    code = "invalid_credentials"
    message_zh = "用户名或密码错误"
    message_en = "Wrong username or password"
    # The failure counter and the audit event must survive this error.
    keep_writes = True


class RefreshRejected(Unauthorized):
    code = "refresh_token_invalid"
    message_zh = "登录已失效，请重新登录"
    message_en = "The refresh token is not valid; sign in again"
    keep_writes = True


class UnsupportedGrant(BadRequest):
    code = "unsupported_grant_type"
    message_zh = "不支持的授权方式"
    message_en = "This grant type is not supported"


class PasswordTooShort(ValidationFailed):
    code = "password_too_short"
    message_zh = "密码至少需要 {min} 个字符"
    message_en = "The password needs at least {min} characters"


class WrongCurrentPassword(Forbidden):
    code = "current_password_wrong"
    message_zh = "当前密码不正确"
    message_en = "The current password is wrong"
    # The failure counter and the audit event must survive this error.
    keep_writes = True
