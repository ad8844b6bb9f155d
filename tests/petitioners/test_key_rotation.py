"""After the PII key rotates, a petitioner written under the old key stays readable, also once
only one of its encrypted fields has been rewritten under the new key."""

from __future__ import annotations

import base64
import json
import os
from collections.abc import AsyncIterator

import httpx
import pytest
from pydantic import SecretStr

from anjie.config import DEV_PII_KEYS, Settings
from anjie.main import create_app
from tests.cases.support import ID_1234, PETITIONERS, PHONE
from tests.factories import World


@pytest.fixture
async def rotated_client(settings: Settings, clean_db: None) -> AsyncIterator[httpx.AsyncClient]:
    """The same database behind an app whose active PII key is a new one (old key still known)."""
    ring = {**json.loads(DEV_PII_KEYS), "k2": base64.b64encode(os.urandom(32)).decode()}
    rotated = settings.model_copy(
        update={"pii_keys": SecretStr(json.dumps(ring)), "pii_active_kid": "k2"}
    )
    app = create_app(rotated)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 40001))
        async with httpx.AsyncClient(transport=transport, base_url="http://anjie.test") as c:
            yield c


async def test_rewriting_one_field_under_a_new_key_keeps_the_other_readable(
    world: World, rotated_client: httpx.AsyncClient
) -> None:
    _, bureau, _ = await world.county()
    office = await world.user(bureau, "office")
    created = await world.client.post(
        PETITIONERS,
        json={"name": "王某某", "id_number": ID_1234, "phone": PHONE},
        headers=world.auth(office),
    )
    assert created.status_code == 201, created.text
    person = created.json()
    assert await world.conn.fetchval("SELECT pii_kid FROM petitioner") == "dev-1"

    headers = {**world.auth(office), "If-Match": '"1"'}
    response = await rotated_client.patch(
        f"{PETITIONERS}/{person['id']}", json={"phone": "13900001111"}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert await world.conn.fetchval("SELECT pii_kid FROM petitioner") == "k2"

    reveal = await rotated_client.post(
        f"{PETITIONERS}/{person['id']}/reveal",
        json={"reason": "密钥轮换后核对"},
        headers=world.auth(office),
    )
    assert reveal.status_code == 200, reveal.text
    assert reveal.json()["id_number"] == ID_1234
    assert reveal.json()["phone"] == "13900001111"
