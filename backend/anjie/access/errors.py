from __future__ import annotations

from anjie.core.errors import Unauthorized


class TokenRejected(Unauthorized):
    code = "token_invalid"
    message_zh = "登录已失效，请重新登录"
    message_en = "Your session is not valid; sign in again"
