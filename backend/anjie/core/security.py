"""Tokens and passwords behind one small module.

python-jose trusts a token's own `alg` unless told otherwise and skips an absent `aud`, so every
decode here passes exactly one algorithm, looks the key up by an allow-listed `kid`, and requires
every claim we issue.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from jose import JWTError, jwt
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from anjie.config import Settings
from anjie.core import clock

ALGORITHM = "HS256"
REQUIRED_CLAIMS = ("exp", "iat", "iss", "aud", "sub", "jti", "typ")
TokenType = Literal["access", "refresh", "calendar"]

_hasher = PasswordHash((Argon2Hasher(),))
# Verifying against this when the username is unknown keeps the timing of "no such user"
# comparable to "wrong password".
_DUMMY_HASH = _hasher.hash("anjie-timing-equaliser-not-a-password")


class TokenInvalid(Exception):
    """Any reason a bearer token is not accepted; the reason is logged, never shown."""


@dataclass(frozen=True)
class AccessClaims:
    subject: str
    jti: str
    token_version: int
    issued_at: datetime
    expires_at: datetime


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    if password_hash is None:
        _hasher.verify(password, _DUMMY_HASH)
        return False
    try:
        return _hasher.verify(password, password_hash)
    except Exception:  # noqa: BLE001 - a malformed stored hash is simply "no match"
        return False


def issue_access_token(settings: Settings, *, subject: str, token_version: int) -> tuple[str, int]:
    now = clock.now()
    lifetime = timedelta(minutes=settings.access_token_minutes)
    claims: dict[str, Any] = {
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "sub": subject,
        "iat": int(now.timestamp()),
        "nbf": int(now.timestamp()),
        "exp": int((now + lifetime).timestamp()),
        "jti": uuid.uuid4().hex,
        "typ": "access",
        "ver": token_version,
    }
    kid = settings.jwt_active_kid
    token = jwt.encode(
        claims, settings.jwt_key_ring[kid], algorithm=ALGORITHM, headers={"kid": kid}
    )
    return token, int(lifetime.total_seconds())


def decode_access_token(settings: Settings, token: str) -> AccessClaims:
    try:
        header = jwt.get_unverified_header(token)
    except JWTError as exc:
        raise TokenInvalid("malformed header") from exc
    if header.get("alg") != ALGORITHM:
        raise TokenInvalid("algorithm not allowed")
    kid = header.get("kid")
    ring = settings.jwt_key_ring
    if not isinstance(kid, str) or kid not in ring:
        raise TokenInvalid("unknown kid")
    try:
        claims = jwt.decode(
            token,
            ring[kid],
            algorithms=[ALGORITHM],
            audience=settings.jwt_audience,
            issuer=settings.jwt_issuer,
            options={
                "require_exp": True,
                "require_iat": True,
                "require_aud": True,
                "require_iss": True,
                "require_sub": True,
                "require_jti": True,
                "leeway": 0,
            },
        )
    except JWTError as exc:
        raise TokenInvalid(str(exc)) from exc
    missing = [name for name in REQUIRED_CLAIMS if name not in claims]
    if missing:
        raise TokenInvalid(f"missing claims {missing}")
    if claims["typ"] != "access":
        raise TokenInvalid("not an access token")
    version = claims.get("ver")
    if not isinstance(version, int) or isinstance(version, bool):
        raise TokenInvalid("missing token version")
    return AccessClaims(
        subject=str(claims["sub"]),
        jti=str(claims["jti"]),
        token_version=version,
        issued_at=datetime.fromtimestamp(int(claims["iat"]), clock.now().tzinfo),
        expires_at=datetime.fromtimestamp(int(claims["exp"]), clock.now().tzinfo),
    )


def new_opaque_token() -> str:
    """Refresh and calendar tokens: random, shown once, stored only as a hash."""
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> bytes:
    return hashlib.sha256(token.encode()).digest()


def keyed_digest(key: str, value: str) -> bytes:
    return hmac.new(key.encode(), value.encode(), hashlib.sha256).digest()
