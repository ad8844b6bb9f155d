"""Changing one's own password, and an administrator disabling an account: both end sessions."""

from __future__ import annotations

import asyncpg
import httpx

from tests.auth.support import (
    ME_URL,
    PASSWORD_URL,
    assert_problem,
    assert_unauthorized,
    audit_rows,
    bearer,
    password_login,
    refresh_grant,
)
from tests.factories import PASSWORD, Unit, World
from tests.factories import TestUser as Account

NEW_PASSWORD = "a-brand-new-passphrase-42"


async def _login(
    client: httpx.AsyncClient, username: str, password: str = PASSWORD
) -> dict[str, str]:
    response = await password_login(client, username, password)
    assert response.status_code == 200, response.text
    tokens: dict[str, str] = response.json()
    return tokens


async def _change(client: httpx.AsyncClient, access: str, current: str, new: str) -> httpx.Response:
    return await client.post(
        PASSWORD_URL,
        json={"current_password": current, "new_password": new},
        headers=bearer(access),
    )


async def test_wrong_current_password_is_403_and_changes_nothing(
    world: World, officer: Account
) -> None:
    tokens = await _login(world.client, officer.username)
    response = await _change(world.client, tokens["access_token"], "not-my-password!", NEW_PASSWORD)

    assert_problem(response, 403, "current_password_wrong")
    me = await world.client.get(ME_URL, headers=bearer(tokens["access_token"]))
    assert me.status_code == 200, me.text
    assert (await password_login(world.client, officer.username)).status_code == 200
    assert (await password_login(world.client, officer.username, NEW_PASSWORD)).status_code == 401


async def test_short_new_password_is_422_at_the_field(world: World, officer: Account) -> None:
    tokens = await _login(world.client, officer.username)
    response = await _change(world.client, tokens["access_token"], PASSWORD, "elevenchars")

    body = assert_problem(response, 422, "validation_failed")
    assert [e["pointer"] for e in body["errors"]] == ["#/new_password"]
    assert "12" in body["errors"][0]["detail"]
    assert (await password_login(world.client, officer.username)).status_code == 200


async def test_twelve_characters_are_enough(world: World, officer: Account) -> None:
    tokens = await _login(world.client, officer.username)
    response = await _change(world.client, tokens["access_token"], PASSWORD, "twelve-chars")
    assert response.status_code == 204, response.text
    assert (await password_login(world.client, officer.username, "twelve-chars")).status_code == 200


async def test_nul_in_the_new_password_is_422(world: World, officer: Account) -> None:
    tokens = await _login(world.client, officer.username)
    response = await _change(world.client, tokens["access_token"], PASSWORD, "abc\x00defghijklmn")
    body = assert_problem(response, 422, "validation_failed")
    assert body["errors"][0]["pointer"] in ("#", "#/new_password")


async def test_change_password_ends_sessions_and_the_new_password_works(
    world: World, officer: Account, admin_conn: asyncpg.Connection
) -> None:
    tokens = await _login(world.client, officer.username)
    other = await _login(world.client, officer.username)

    response = await _change(world.client, tokens["access_token"], PASSWORD, NEW_PASSWORD)
    assert response.status_code == 204, response.text
    assert response.content == b""

    for session in (tokens, other):
        assert_unauthorized(await world.client.get(ME_URL, headers=bearer(session["access_token"])))
        failed = await refresh_grant(world.client, session["refresh_token"])
        assert_unauthorized(failed, "refresh_token_invalid")
    old = await password_login(world.client, officer.username)
    assert_unauthorized(old, "invalid_credentials")
    fresh = await _login(world.client, officer.username, NEW_PASSWORD)
    me = await world.client.get(ME_URL, headers=bearer(fresh["access_token"]))
    assert me.status_code == 200, me.text

    [event] = await audit_rows(admin_conn, "auth.password_change")
    assert event["actor_id"] == officer.id
    assert PASSWORD not in event["as_text"] and NEW_PASSWORD not in event["as_text"]
    stored = await admin_conn.fetchval(
        "SELECT password_hash FROM app_user WHERE id = $1", officer.id
    )
    assert stored.startswith("$argon2id$")


async def test_password_is_taken_exactly_as_typed(world: World, officer: Account) -> None:
    # Spaces at either end are part of the password: the login form does not trim them either.
    spaced = "  spaces around it  "
    tokens = await _login(world.client, officer.username)
    response = await _change(world.client, tokens["access_token"], PASSWORD, spaced)
    assert response.status_code == 204, response.text
    assert (await password_login(world.client, officer.username, spaced)).status_code == 200
    assert (await password_login(world.client, officer.username, spaced.strip())).status_code == 401


async def test_change_password_needs_a_token(world: World) -> None:
    response = await world.client.post(
        PASSWORD_URL, json={"current_password": PASSWORD, "new_password": NEW_PASSWORD}
    )
    assert_unauthorized(response)


async def test_disabling_a_user_ends_their_sessions_at_once(
    world: World, admin_conn: asyncpg.Connection
) -> None:
    county = await world.unit("清溪县", kind="county")
    bureau: Unit = await world.unit("甲司法局", county)
    admin = await world.user(county, "admin")
    target = await world.user(bureau, "officer")
    tokens = await _login(world.client, target.username)
    me = await world.client.get(ME_URL, headers=bearer(tokens["access_token"]))
    assert me.status_code == 200, me.text

    url = f"/api/v1/users/{target.id}"
    current = await world.client.get(url, headers=world.auth(admin))
    assert current.status_code == 200, current.text
    response = await world.client.patch(
        url,
        json={"is_active": False},
        headers={**world.auth(admin), "If-Match": current.headers["etag"]},
    )
    assert response.status_code == 200, response.text
    assert response.json()["is_active"] is False

    assert_unauthorized(await world.client.get(ME_URL, headers=bearer(tokens["access_token"])))
    failed = await refresh_grant(world.client, tokens["refresh_token"])
    assert_unauthorized(failed, "refresh_token_invalid")
    assert_unauthorized(await password_login(world.client, target.username), "invalid_credentials")
    [event] = await audit_rows(admin_conn, "user.disable")
    assert event["entity_id"] == str(target.id)


async def test_wrong_current_passwords_are_throttled_like_sign_ins(
    world: World, officer: Account, admin_conn: asyncpg.Connection
) -> None:
    """The issue measured 236 guesses a minute at the current password; now the account's
    sign-in counters apply, and the right password is refused too once they are spent."""
    settings = world.settings
    access = (await _login(world.client, officer.username))["access_token"]
    for _ in range(settings.login_max_failures_per_account):
        response = await _change(world.client, access, "guess-guess-guess", NEW_PASSWORD)
        assert_problem(response, 403, "current_password_wrong")
    for current in ("guess-guess-guess", PASSWORD):
        response = await _change(world.client, access, current, NEW_PASSWORD)
        assert_problem(response, 429, "too_many_requests")
        wait = response.headers["retry-after"]
        assert wait.isdigit() and 0 < int(wait) <= settings.login_window_seconds
    # Nothing changed, and every refused guess is in the audit trail.
    assert (await world.client.get(ME_URL, headers=bearer(access))).status_code == 200
    failed = await audit_rows(admin_conn, "auth.password_change_failed")
    assert len(failed) == settings.login_max_failures_per_account
    assert all(row["actor_id"] == officer.id for row in failed)
