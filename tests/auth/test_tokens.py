"""Access tokens the API must refuse: every one is a 401 problem, never a 500 and never a 200.

Tokens are built with python-jose from the test settings' key ring, so each case differs from a
valid token (checked first) in exactly one respect.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import asyncpg
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jose import jwt

from anjie.config import Settings
from anjie.core.security import issue_access_token
from tests.auth.support import ME_URL, MoveClock, assert_unauthorized, bearer, utcnow
from tests.factories import TestUser as Account
from tests.factories import World


def claims_for(user: Account, settings: Settings, **changes: Any) -> dict[str, Any]:
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "sub": str(user.id),
        "iat": now,
        "nbf": now,
        "exp": now + 600,
        "jti": uuid.uuid4().hex,
        "typ": "access",
        "ver": user.token_version,
    }
    claims.update(changes)
    return claims


def sign(
    claims: dict[str, Any],
    settings: Settings,
    *,
    algorithm: str = "HS256",
    key: str | None = None,
    headers: dict[str, Any] | None = None,
) -> str:
    kid = settings.jwt_active_kid
    secret = key if key is not None else settings.jwt_key_ring[kid]
    headers = {"kid": kid} if headers is None else headers
    return jwt.encode(claims, secret, algorithm=algorithm, headers=headers)


def b64(data: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def raw_hs256(header: object, payload: object, settings: Settings) -> str:
    """Signed with the right key, whatever the JSON inside (jose refuses to build odd ones)."""
    signing_input = f"{b64(header)}.{b64(payload)}"
    key = settings.jwt_key_ring[settings.jwt_active_kid].encode()
    mac = hmac.new(key, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{base64.urlsafe_b64encode(mac).rstrip(b'=').decode()}"


def rsa_pem() -> str:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


Forge = Callable[[Account, Settings], str]


def _without(claim: str) -> Forge:
    def forge(user: Account, settings: Settings) -> str:
        claims = claims_for(user, settings)
        del claims[claim]
        return sign(claims, settings)

    return forge


def _alg_none(user: Account, settings: Settings) -> str:
    header = {"alg": "none", "typ": "JWT", "kid": settings.jwt_active_kid}
    return f"{b64(header)}.{b64(claims_for(user, settings))}."


def _kid(kid: object) -> Forge:
    return lambda u, s: sign(claims_for(u, s), s, headers={"kid": kid})


FORGED: dict[str, Forge] = {
    "alg_none": _alg_none,
    "alg_none_with_signature": lambda u, s: _alg_none(u, s) + sign({}, s).rsplit(".", 1)[1],
    "other_secret": lambda u, s: sign(claims_for(u, s), s, key="x" * 48),
    "hs512_right_secret": lambda u, s: sign(claims_for(u, s), s, algorithm="HS512"),
    "hs384_right_secret": lambda u, s: sign(claims_for(u, s), s, algorithm="HS384"),
    "rs256": lambda u, s: sign(claims_for(u, s), s, algorithm="RS256", key=rsa_pem()),
    "expired": lambda u, s: sign(
        claims_for(u, s, iat=int(time.time()) - 1000, exp=int(time.time()) - 1), s
    ),
    "not_yet_valid": lambda u, s: sign(claims_for(u, s, nbf=int(time.time()) + 600), s),
    **{f"missing_{c}": _without(c) for c in ("aud", "iss", "jti", "typ", "sub", "exp", "iat")},
    "missing_ver": _without("ver"),
    "wrong_aud": lambda u, s: sign(claims_for(u, s, aud="another-api"), s),
    "wrong_iss": lambda u, s: sign(claims_for(u, s, iss="someone-else"), s),
    "typ_refresh": lambda u, s: sign(claims_for(u, s, typ="refresh"), s),
    "typ_calendar": lambda u, s: sign(claims_for(u, s, typ="calendar"), s),
    "unknown_kid": _kid("retired-7"),
    "no_kid": lambda u, s: sign(claims_for(u, s), s, headers={}),
    "kid_not_a_string": _kid(["dev-1"]),
    "sub_not_a_uuid": lambda u, s: sign(claims_for(u, s, sub="admin"), s),
    "sub_unknown_user": lambda u, s: sign(claims_for(u, s, sub=str(uuid.uuid4())), s),
    "ver_old": lambda u, s: sign(claims_for(u, s, ver=u.token_version - 1), s),
    "ver_as_string": lambda u, s: sign(claims_for(u, s, ver=str(u.token_version)), s),
    "ver_as_bool": lambda u, s: sign(claims_for(u, s, ver=True), s),
    # Well-signed but odd claim values must still be a 401, not a crash.
    "exp_null": lambda u, s: sign(claims_for(u, s, exp=None), s),
    "exp_text": lambda u, s: sign(claims_for(u, s, exp="tomorrow"), s),
    "exp_list": lambda u, s: sign(claims_for(u, s, exp=[2_000_000_000]), s),
    "iat_object": lambda u, s: sign(claims_for(u, s, iat={"t": 1}), s),
    "iat_huge": lambda u, s: sign(claims_for(u, s, iat=10**20), s),
    "exp_huge": lambda u, s: sign(claims_for(u, s, exp=10**20), s),
    "claims_not_an_object": lambda u, s: raw_hs256(
        {"alg": "HS256", "kid": s.jwt_active_kid}, ["not", "claims"], s
    ),
    "header_not_an_object": lambda u, s: raw_hs256(["HS256"], claims_for(u, s), s),
    "garbage": lambda u, s: "this-is-not-a-token",
    "three_garbage_parts": lambda u, s: "a.b.c",
    "empty_parts": lambda u, s: "..",
    "truncated": lambda u, s: sign(claims_for(u, s), s)[:-10],
    "huge": lambda u, s: "a" * 8000,
}


async def test_a_well_formed_token_is_accepted(world: World, officer: Account) -> None:
    # The baseline every refusal below differs from.
    token = sign(claims_for(officer, world.settings), world.settings)
    response = await world.client.get(ME_URL, headers=bearer(token))
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("case", sorted(FORGED))
async def test_forged_or_malformed_token_is_401(world: World, officer: Account, case: str) -> None:
    token = FORGED[case](officer, world.settings)
    response = await world.client.get(ME_URL, headers=bearer(token))
    assert_unauthorized(response)


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": ""},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer "},
        {"Authorization": "Basic b2ZmaWNlcjpzZWNyZXQ="},
        {"Authorization": "Token abc"},
    ],
    ids=["none", "empty", "scheme_only", "scheme_space", "basic", "other_scheme"],
)
async def test_missing_token_is_401(world: World, headers: dict[str, str]) -> None:
    response = await world.client.get(ME_URL, headers=headers)
    assert_unauthorized(response)


async def test_a_valid_token_in_another_scheme_is_refused(world: World, officer: Account) -> None:
    response = await world.client.get(ME_URL, headers={"Authorization": world.token(officer)})
    assert_unauthorized(response)


async def test_token_of_a_deleted_user_is_401(
    world: World, officer: Account, admin_conn: asyncpg.Connection
) -> None:
    headers = world.auth(officer)
    assert (await world.client.get(ME_URL, headers=headers)).status_code == 200
    await admin_conn.execute("DELETE FROM app_user WHERE id = $1", officer.id)
    assert_unauthorized(await world.client.get(ME_URL, headers=headers))


async def test_token_of_a_disabled_user_is_401(
    world: World, officer: Account, admin_conn: asyncpg.Connection
) -> None:
    headers = world.auth(officer)
    assert (await world.client.get(ME_URL, headers=headers)).status_code == 200
    await admin_conn.execute("UPDATE app_user SET is_active = false WHERE id = $1", officer.id)
    assert_unauthorized(await world.client.get(ME_URL, headers=headers))


async def test_token_issued_before_a_token_version_bump_is_401(
    world: World, officer: Account, admin_conn: asyncpg.Connection
) -> None:
    headers = world.auth(officer)
    assert (await world.client.get(ME_URL, headers=headers)).status_code == 200
    await admin_conn.execute(
        "UPDATE app_user SET token_version = token_version + 1 WHERE id = $1", officer.id
    )
    assert_unauthorized(await world.client.get(ME_URL, headers=headers))
    officer.token_version += 1
    assert (await world.client.get(ME_URL, headers=world.auth(officer))).status_code == 200


async def test_expiry_follows_the_app_clock(
    world: World, officer: Account, move_clock: MoveClock
) -> None:
    issued_at = utcnow() + timedelta(days=3)  # e.g. a deadline test that moved time forward
    move_clock(issued_at)
    token, lifetime = issue_access_token(
        world.settings, subject=str(officer.id), token_version=officer.token_version
    )
    assert (await world.client.get(ME_URL, headers=bearer(token))).status_code == 200

    move_clock(issued_at + timedelta(seconds=lifetime - 1))
    assert (await world.client.get(ME_URL, headers=bearer(token))).status_code == 200

    move_clock(issued_at + timedelta(seconds=lifetime))  # `exp` itself is already too late
    assert_unauthorized(await world.client.get(ME_URL, headers=bearer(token)))


async def test_a_token_from_the_future_is_refused(
    world: World, officer: Account, move_clock: MoveClock
) -> None:
    now = utcnow()
    move_clock(now + timedelta(hours=1))
    token = world.token(officer)
    move_clock(now)
    assert_unauthorized(await world.client.get(ME_URL, headers=bearer(token)))


async def test_a_lifetime_longer_than_configured_is_refused(world: World, officer: Account) -> None:
    """A valid signature does not make a token ours: we never issue one for longer than the
    configured lifetime, so a token expiring in year 9999 is refused."""
    settings = world.settings
    lifetime = settings.access_token_minutes * 60
    now = int(time.time())
    exactly = sign(claims_for(officer, settings, iat=now, exp=now + lifetime), settings)
    assert (await world.client.get(ME_URL, headers=bearer(exactly))).status_code == 200
    for exp in (now + lifetime + 1, 253_402_300_799):  # one second more; 9999-12-31
        token = sign(claims_for(officer, settings, iat=now, exp=exp), settings)
        assert_unauthorized(await world.client.get(ME_URL, headers=bearer(token)))
    # An issue time moved forward to fit the window is a token from the future.
    late = sign(
        claims_for(officer, settings, iat=253_402_300_000, nbf=now, exp=253_402_300_799), settings
    )
    assert_unauthorized(await world.client.get(ME_URL, headers=bearer(late)))
