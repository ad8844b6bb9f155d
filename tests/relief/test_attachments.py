"""Hardship proofs attach to an application; who may attach follows the application's case."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from anjie.attachments.storage import LocalStorage
from tests.factories import TestUser as Account
from tests.factories import World
from tests.platform.problem_json import assert_problem
from tests.relief.support import relief_scene

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


@pytest.fixture(autouse=True)
def store(app: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The session's app is shared: install a store of this test's own, as the attachments
    # tests do, instead of writing into the configured data directory.
    state = app.state  # type: ignore[attr-defined]
    monkeypatch.setattr(state, "attachment_storage", LocalStorage(tmp_path), raising=False)


async def _upload(world: World, user: Account, owner_id: str) -> httpx.Response:
    return await world.client.post(
        "/api/v1/attachments",
        data={"owner_type": "relief_application", "owner_id": owner_id},
        files={"file": ("困难证明.png", PNG, "image/png")},
        headers=world.auth(user),
    )


async def test_a_proof_attaches_to_the_application(world: World) -> None:
    r = await relief_scene(world)
    app_id = (await r.create())["id"]
    response = await _upload(world, r.s.officer, app_id)
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["owner_id"], body["case_id"]) == (app_id, str(r.s.case_id))

    # Out of the case's sight the application does not exist, for attaching as for reading.
    assert_problem(await _upload(world, r.s.stranger, app_id), 404)
    sibling = await world.user(r.s.sibling, "office")
    response = await _upload(world, sibling, app_id)
    assert_problem(response, 404, "relief_application_not_found")
