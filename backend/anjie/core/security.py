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
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

import anyio
from jose import JWTError, jwt
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from anjie.config import Settings
from anjie.core import clock

ALGORITHM = "HS256"
REQUIRED_CLAIMS = ("exp", "iat", "iss", "aud", "sub", "jti", "typ")
TokenType = Literal["access", "refresh", "calendar"]
_MAX_NUMERIC_DATE = 253_402_300_799  # 9999-12-31T23:59:59Z, the last instant datetime can hold

_hasher = PasswordHash((Argon2Hasher(),))
# Verifying against this when the username is unknown keeps the timing of "no such user"
# comparable to "wrong password".
_DUMMY_HASH = _hasher.hash("anjie-timing-equaliser-not-a-password")
_HASH_SLOTS = anyio.CapacityLimiter(4)


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


async def hash_password_async(password: str) -> str:
    """`hash_password` in a worker thread (see `verify_password_async`)."""
    async with _HASH_SLOTS:
        return await anyio.to_thread.run_sync(hash_password, password)


async def verify_password_async(password: str, password_hash: str | None) -> bool:
    """`verify_password` in a worker thread: argon2 spends a fifth of a second of CPU, which on
    the event loop would stall every other request; a few slots bound its memory (64 MiB each)."""
    async with _HASH_SLOTS:
        return await anyio.to_thread.run_sync(verify_password, password, password_hash)


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


def _numeric_date(claims: dict[str, Any], name: str) -> int:
    value = claims.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TokenInvalid(f"{name} is not a NumericDate")
    if not 0 <= value <= _MAX_NUMERIC_DATE:
        raise TokenInvalid(f"{name} is out of range")
    return int(value)


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
                "require_aud": True,
                "require_iss": True,
                "require_sub": True,
                "require_jti": True,
                # Time claims are checked below against core.clock (jose reads the system clock
                # and crashes on a non-numeric value); `require_*` would switch jose's checks on.
                "verify_exp": False,
                "verify_nbf": False,
                "verify_iat": False,
                "leeway": 0,
            },
        )
    except JWTError as exc:
        raise TokenInvalid(str(exc)) from exc
    missing = [name for name in REQUIRED_CLAIMS if name not in claims]
    if missing:
        raise TokenInvalid(f"missing claims {missing}")
    now = int(clock.now().timestamp())
    issued_at = _numeric_date(claims, "iat")
    expires_at = _numeric_date(claims, "exp")
    if expires_at <= now:
        raise TokenInvalid("expired")
    # We never issue a token for longer than the configured lifetime, so one that claims more
    # (exp in 9999 under a valid signature) was not made by this service as configured now.
    if expires_at - issued_at > settings.access_token_minutes * 60:
        raise TokenInvalid("lifetime longer than configured")
    if issued_at > now:
        raise TokenInvalid("issued in the future")
    if "nbf" in claims and _numeric_date(claims, "nbf") > now:
        raise TokenInvalid("not yet valid")
    if claims["typ"] != "access":
        raise TokenInvalid("not an access token")
    version = claims.get("ver")
    if not isinstance(version, int) or isinstance(version, bool):
        raise TokenInvalid("missing token version")
    return AccessClaims(
        subject=str(claims["sub"]),
        jti=str(claims["jti"]),
        token_version=version,
        issued_at=datetime.fromtimestamp(issued_at, UTC),
        expires_at=datetime.fromtimestamp(expires_at, UTC),
    )


def new_opaque_token() -> str:
    """Refresh and calendar tokens: random, shown once, stored only as a hash."""
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> bytes:
    return hashlib.sha256(token.encode()).digest()


def keyed_digest(key: str, value: str) -> bytes:
    return hmac.new(key.encode(), value.encode(), hashlib.sha256).digest()
