from __future__ import annotations

import httpx

from tests.factories import World


async def test_readyz_and_request_id(client: httpx.AsyncClient) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready"}
    assert len(response.headers["x-request-id"]) >= 8


async def test_login_and_me(world: World) -> None:
    _, bureau, _ = await world.county()
    user = await world.user(bureau, "leader")
    response = await world.login(user.username)
    assert response.status_code == 200, response.text
    token = response.json()["access_token"]
    me = await world.client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200, me.text
    assert me.json()["roles"] == ["leader"]
