"""Refresh-token rotation, reuse detection, absolute expiry and logout."""

from __future__ import annotations

from datetime import timedelta

import asyncpg
import httpx

from anjie.config import Settings
from tests.auth.support import (
    COOKIE_PATH,
    LOGOUT_URL,
    ME_URL,
    REFRESH_COOKIE,
    TOKEN_URL,
    MoveClock,
    assert_problem,
    assert_unauthorized,
    audit_rows,
    bearer,
    password_login,
    refresh_cookies,
    refresh_grant,
    utcnow,
)
from tests.factories import TestUser as Account
from tests.factories import Unit, World

DAY = 86400


async def _login(client: httpx.AsyncClient, user: Account) -> dict[str, str]:
    response = await password_login(client, user.username)
    assert response.status_code == 200, response.text
    tokens: dict[str, str] = response.json()
    return tokens


async def _cookie_login(client: httpx.AsyncClient, user: Account) -> tuple[str, str]:
    """(access token, refresh cookie value) as the SPA gets them."""
    response = await password_login(client, user.username, token_delivery="cookie")
    client.cookies.clear()
    assert response.status_code == 200, response.text
    [(cookie, _)] = refresh_cookies(response)
    return response.json()["access_token"], cookie


async def test_refresh_returns_a_new_pair_and_the_old_token_then_fails(
    world: World, officer: Account
) -> None:
    first = await _login(world.client, officer)
    response = await refresh_grant(world.client, first["refresh_token"])

    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    second = response.json()
    assert second["refresh_token"] not in (None, first["refresh_token"])
    assert second["access_token"] != first["access_token"]
    me = await world.client.get(ME_URL, headers=bearer(second["access_token"]))
    assert me.status_code == 200, me.text
    assert me.json()["id"] == str(officer.id)

    assert_unauthorized(
        await refresh_grant(world.client, first["refresh_token"]), "refresh_token_invalid"
    )


async def test_reuse_revokes_the_whole_family_and_is_audited(
    world: World, officer: Account, admin_conn: asyncpg.Connection
) -> None:
    other_session = await _login(world.client, officer)
    r1 = (await _login(world.client, officer))["refresh_token"]
    r2 = (await refresh_grant(world.client, r1)).json()["refresh_token"]
    r3 = (await refresh_grant(world.client, r2)).json()["refresh_token"]
    assert await audit_rows(admin_conn, "auth.refresh_reuse") == []

    assert_unauthorized(await refresh_grant(world.client, r1), "refresh_token_invalid")
    # The newest link was never used, but it belongs to a family someone copied.
    assert_unauthorized(await refresh_grant(world.client, r3), "refresh_token_invalid")

    [event, *_] = await audit_rows(admin_conn, "auth.refresh_reuse")
    assert event["entity_type"] == "user"
    assert event["entity_id"] == str(officer.id)
    assert event["org_path"] == officer.unit.path
    assert event["ip"] == "127.0.0.1"
    for token in (r1, r2, r3):
        assert token not in event["as_text"]
    unrevoked = await admin_conn.fetchval(
        "SELECT count(*) FROM refresh_token WHERE user_id = $1 AND revoked_at IS NULL",
        officer.id,
    )
    assert unrevoked == 1  # only the other session's token
    response = await refresh_grant(world.client, other_session["refresh_token"])
    assert response.status_code == 200, response.text


async def test_refresh_via_the_cookie_rotates_the_cookie(
    world: World, officer: Account, settings: Settings
) -> None:
    _, cookie = await _cookie_login(world.client, officer)

    response = await refresh_grant(world.client, cookie=cookie)
    assert response.status_code == 200, response.text
    assert response.json()["refresh_token"] is None
    [(rotated, attrs)] = refresh_cookies(response)
    assert rotated != cookie
    assert rotated not in response.text
    assert "httponly" in attrs and attrs["samesite"].lower() == "strict"
    assert attrs["path"] == COOKIE_PATH
    me = await world.client.get(ME_URL, headers=bearer(response.json()["access_token"]))
    assert me.status_code == 200, me.text

    assert_unauthorized(await refresh_grant(world.client, cookie=cookie), "refresh_token_invalid")


async def test_browser_cookie_jar_round_trip(world: World, officer: Account) -> None:
    client = world.client
    login = await password_login(client, officer.username, token_delivery="cookie")
    assert login.status_code == 200, login.text
    assert client.cookies.get(REFRESH_COOKIE, path=COOKIE_PATH)

    refreshed = await client.post(TOKEN_URL, data={"grant_type": "refresh_token"})
    assert refreshed.status_code == 200, refreshed.text
    access = refreshed.json()["access_token"]

    out = await client.post(LOGOUT_URL, headers=bearer(access))
    assert out.status_code == 204, out.text
    assert REFRESH_COOKIE not in client.cookies
    again = await client.post(TOKEN_URL, data={"grant_type": "refresh_token"})
    assert_unauthorized(again, "refresh_token_invalid")


async def test_family_past_its_expiry_is_refused(
    world: World, officer: Account, admin_conn: asyncpg.Connection
) -> None:
    token = (await _login(world.client, officer))["refresh_token"]
    await admin_conn.execute(
        "UPDATE refresh_token SET expires_at = now() - interval '1 second' WHERE user_id = $1",
        officer.id,
    )
    assert_unauthorized(await refresh_grant(world.client, token), "refresh_token_invalid")


async def test_rotation_keeps_the_family_absolute_expiry(
    world: World, officer: Account, settings: Settings, move_clock: MoveClock
) -> None:
    start = utcnow()
    lifetime = settings.refresh_token_days * DAY
    move_clock(start)
    token = (await _login(world.client, officer))["refresh_token"]

    move_clock(start + timedelta(hours=1))
    response = await refresh_grant(world.client, token)
    assert response.status_code == 200, response.text
    assert response.json()["refresh_expires_in"] == lifetime - 3600

    move_clock(start + timedelta(seconds=lifetime - 1))
    response = await refresh_grant(world.client, response.json()["refresh_token"])
    assert response.status_code == 200, response.text
    assert response.json()["refresh_expires_in"] == 1

    move_clock(start + timedelta(seconds=lifetime))
    last = await refresh_grant(world.client, response.json()["refresh_token"])
    assert_unauthorized(last, "refresh_token_invalid")


async def test_refresh_for_a_disabled_account_fails(
    world: World, officer: Account, admin_conn: asyncpg.Connection
) -> None:
    token = (await _login(world.client, officer))["refresh_token"]
    await admin_conn.execute("UPDATE app_user SET is_active = false WHERE id = $1", officer.id)
    assert_unauthorized(await refresh_grant(world.client, token), "refresh_token_invalid")


async def test_unknown_refresh_token_fails(world: World) -> None:
    response = await refresh_grant(world.client, "made-up-refresh-token-0123456789abcdef")
    assert_unauthorized(response, "refresh_token_invalid")
    response = await refresh_grant(world.client, cookie="made-up-cookie-0123456789abcdef")
    assert_unauthorized(response, "refresh_token_invalid")


async def test_logout_ends_that_session_only(world: World, officer: Account) -> None:
    session = await _login(world.client, officer)
    other = await _login(world.client, officer)

    response = await world.client.post(
        LOGOUT_URL,
        json={"refresh_token": session["refresh_token"]},
        headers=bearer(session["access_token"]),
    )
    assert response.status_code == 204, response.text
    assert response.content == b""

    failed = await refresh_grant(world.client, session["refresh_token"])
    assert_unauthorized(failed, "refresh_token_invalid")
    assert (await refresh_grant(world.client, other["refresh_token"])).status_code == 200


async def test_logout_ends_the_access_token_at_once(
    world: World, officer: Account, admin_conn: asyncpg.Connection
) -> None:
    session = await _login(world.client, officer)
    other = await _login(world.client, officer)
    etag_before = await admin_conn.fetchval(
        "SELECT version FROM app_user WHERE id = $1", officer.id
    )

    response = await world.client.post(
        LOGOUT_URL,
        json={"refresh_token": session["refresh_token"]},
        headers=bearer(session["access_token"]),
    )
    assert response.status_code == 204, response.text

    # Not 15 minutes later: now.
    assert_unauthorized(await world.client.get(ME_URL, headers=bearer(session["access_token"])))
    # The other session's access token goes too; its own refresh token gets it a new one.
    assert_unauthorized(await world.client.get(ME_URL, headers=bearer(other["access_token"])))
    renewed = await refresh_grant(world.client, other["refresh_token"])
    assert renewed.status_code == 200, renewed.text
    fresh = bearer(renewed.json()["access_token"])
    assert (await world.client.get(ME_URL, headers=fresh)).status_code == 200
    # Signing out is not an edit of the account: its ETag is unchanged.
    etag_after = await admin_conn.fetchval("SELECT version FROM app_user WHERE id = $1", officer.id)
    assert etag_after == etag_before


async def test_logout_with_the_cookie_clears_it(
    world: World, officer: Account, admin_conn: asyncpg.Connection
) -> None:
    access, cookie = await _cookie_login(world.client, officer)

    response = await world.client.post(
        LOGOUT_URL, headers={**bearer(access), "Cookie": f"{REFRESH_COOKIE}={cookie}"}
    )
    world.client.cookies.clear()
    assert response.status_code == 204, response.text
    [(value, attrs)] = refresh_cookies(response)
    assert value in ("", '""')
    assert attrs["max-age"] == "0"
    assert attrs["path"] == COOKIE_PATH
    assert_unauthorized(await refresh_grant(world.client, cookie=cookie), "refresh_token_invalid")
    [event] = await audit_rows(admin_conn, "auth.logout")
    assert event["actor_id"] == officer.id


async def test_logout_without_a_refresh_token_ends_every_session(
    world: World, officer: Account
) -> None:
    sessions = [await _login(world.client, officer) for _ in range(2)]
    response = await world.client.post(LOGOUT_URL, headers=bearer(sessions[0]["access_token"]))
    assert response.status_code == 204, response.text
    for session in sessions:
        failed = await refresh_grant(world.client, session["refresh_token"])
        assert_unauthorized(failed, "refresh_token_invalid")


async def test_logout_cannot_end_someone_elses_session(
    world: World, officer: Account, bureau: Unit
) -> None:
    victim = await world.user(bureau, "officer")
    victim_tokens = await _login(world.client, victim)
    mine = await _login(world.client, officer)

    response = await world.client.post(
        LOGOUT_URL,
        json={"refresh_token": victim_tokens["refresh_token"]},
        headers=bearer(mine["access_token"]),
    )
    assert response.status_code == 204, response.text
    assert (await refresh_grant(world.client, victim_tokens["refresh_token"])).status_code == 200


async def test_logout_needs_an_access_token(world: World, officer: Account) -> None:
    tokens = await _login(world.client, officer)
    response = await world.client.post(LOGOUT_URL, json={"refresh_token": tokens["refresh_token"]})
    assert_unauthorized(response)
    assert (await refresh_grant(world.client, tokens["refresh_token"])).status_code == 200


async def test_logout_refuses_an_unknown_body_field(world: World, officer: Account) -> None:
    tokens = await _login(world.client, officer)
    response = await world.client.post(
        LOGOUT_URL, json={"token": tokens["refresh_token"]}, headers=bearer(tokens["access_token"])
    )
    assert_problem(response, 422, "validation_failed")
