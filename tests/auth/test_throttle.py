"""Login throttling per (account, IP), per IP, and a per-account ceiling that a stranger cannot
use to lock the owner out. The test app sees requests from 127.0.0.1 unless a test gives another
client address (`from_ip`)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

import httpx

from anjie.config import Settings
from tests.auth.support import (
    MoveClock,
    assert_problem,
    assert_unauthorized,
    password_login,
    utcnow,
)
from tests.factories import TestUser as Account
from tests.factories import Unit, World

WRONG = "definitely-not-it-9"


def assert_throttled(response: httpx.Response, settings: Settings) -> int:
    body = assert_problem(response, 429, "too_many_requests")
    raw = response.headers["retry-after"]
    assert raw.isdigit(), raw
    wait = int(raw)
    assert 0 < wait <= settings.login_window_seconds
    assert str(wait) in body["detail"]
    assert "access_token" not in response.text
    return wait


async def _fail(client: httpx.AsyncClient, username: str, times: int) -> None:
    for _ in range(times):
        assert_unauthorized(await password_login(client, username, WRONG), "invalid_credentials")


@asynccontextmanager
async def from_ip(app: object, ip: str) -> AsyncIterator[httpx.AsyncClient]:
    """A client whose requests reach the app from `ip` (the socket's address, as uvicorn gives
    it without trusted proxies)."""
    transport = httpx.ASGITransport(
        app=app,  # type: ignore[arg-type]
        raise_app_exceptions=False,
        client=(ip, 40000),
    )
    async with httpx.AsyncClient(transport=transport, base_url="http://anjie.test") as client:
        yield client


async def test_account_is_throttled_from_that_ip_even_for_the_right_password(
    world: World, officer: Account, bureau: Unit, settings: Settings
) -> None:
    await _fail(world.client, officer.username, settings.login_max_failures_per_account)

    response = await password_login(world.client, officer.username)
    assert_throttled(response, settings)
    # Only that account: a colleague on the same IP still signs in.
    colleague = await world.user(bureau, "officer")
    assert (await password_login(world.client, colleague.username)).status_code == 200


async def test_a_stranger_cannot_lock_the_owner_out(
    app: object, world: World, settings: Settings, bureau: Unit
) -> None:
    """The issue's repro: five anonymous wrong passwords locked the account (admin included)
    for everybody. Now the stranger's IP is throttled and the owner from elsewhere gets in."""
    admin = await world.user(bureau, "admin")
    async with from_ip(app, "198.51.100.66") as stranger:
        await _fail(stranger, admin.username, settings.login_max_failures_per_account)
        assert_throttled(await password_login(stranger, admin.username), settings)
        assert_throttled(await password_login(stranger, admin.username, WRONG), settings)
    async with from_ip(app, "192.0.2.10") as owner:
        response = await password_login(owner, admin.username)
        assert response.status_code == 200, response.text
    # The owner's success does not hand the stranger fresh guesses.
    async with from_ip(app, "198.51.100.66") as stranger:
        assert_throttled(await password_login(stranger, admin.username, WRONG), settings)


async def test_past_the_ceiling_each_ip_gets_one_try_and_the_owner_still_gets_in(
    app: object, world: World, officer: Account, settings: Settings
) -> None:
    settings_ceiling = settings.login_account_ceiling
    per_pair = settings.login_max_failures_per_account
    ips = [f"203.0.113.{i}" for i in range(1, settings_ceiling // per_pair + 2)]
    failed = 0
    for ip in ips:
        async with from_ip(app, ip) as bot:
            while failed < settings_ceiling:
                response = await password_login(bot, officer.username, WRONG)
                if response.status_code == 429:
                    break
                assert_unauthorized(response, "invalid_credentials")
                failed += 1
    assert failed == settings_ceiling
    # An address that has failed on the account is now refused at once, even with one failure.
    async with from_ip(app, "198.51.100.1") as bot:
        assert_unauthorized(
            await password_login(bot, officer.username, WRONG), "invalid_credentials"
        )
        assert_throttled(await password_login(bot, officer.username, WRONG), settings)
    # The owner, from an address of their own, with the right password: in.
    async with from_ip(app, "192.0.2.77") as owner:
        response = await password_login(owner, officer.username)
        assert response.status_code == 200, response.text


async def test_one_failure_fewer_is_not_throttled(
    world: World, officer: Account, settings: Settings
) -> None:
    await _fail(world.client, officer.username, settings.login_max_failures_per_account - 1)
    assert (await password_login(world.client, officer.username)).status_code == 200


async def test_unknown_account_is_throttled_the_same_way(world: World, settings: Settings) -> None:
    await _fail(world.client, "ghost.account", settings.login_max_failures_per_account)
    assert_throttled(await password_login(world.client, "ghost.account", WRONG), settings)


async def test_spelling_variants_count_against_one_account(
    world: World, officer: Account, settings: Settings
) -> None:
    variants = [officer.username.upper(), f" {officer.username} ", officer.username.title()]
    for i in range(settings.login_max_failures_per_account):
        await _fail(world.client, variants[i % len(variants)], 1)
    assert_throttled(await password_login(world.client, officer.username), settings)


async def test_retry_after_counts_down_and_the_window_ends(
    world: World, officer: Account, settings: Settings, move_clock: MoveClock
) -> None:
    window = settings.login_window_seconds
    start = utcnow()
    move_clock(start)
    await _fail(world.client, officer.username, settings.login_max_failures_per_account)
    assert (
        assert_throttled(await password_login(world.client, officer.username), settings) == window
    )

    move_clock(start + timedelta(seconds=window - 100))
    assert assert_throttled(await password_login(world.client, officer.username), settings) == 100

    move_clock(start + timedelta(seconds=window - 1))
    assert assert_throttled(await password_login(world.client, officer.username), settings) == 1

    move_clock(start + timedelta(seconds=window))
    response = await password_login(world.client, officer.username)
    assert response.status_code == 200, response.text


async def test_ip_is_throttled_across_usernames(
    world: World, officer: Account, settings: Settings
) -> None:
    # One failure per name: no account comes near its own limit, the IP does.
    for i in range(settings.login_max_failures_per_ip):
        await _fail(world.client, f"spray-{i}", 1)

    assert_throttled(await password_login(world.client, officer.username), settings)
    assert_throttled(await password_login(world.client, "yet-another-name", WRONG), settings)


async def test_forwarding_headers_do_not_escape_the_ip_limit_in_the_app(
    world: World, officer: Account, settings: Settings
) -> None:
    for i in range(settings.login_max_failures_per_ip):
        await _fail(world.client, f"spray-{i}", 1)
    response = await world.client.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": officer.username, "password": officer.password},
        headers={
            "X-Forwarded-For": "203.0.113.9",
            "X-Real-IP": "203.0.113.9",
            "Forwarded": "for=203.0.113.9",
        },
    )
    assert_throttled(response, settings)
