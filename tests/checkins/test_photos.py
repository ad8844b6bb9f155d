"""Photos of a visit: attachments owned by the check-in, seen by whoever sees its case."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from anjie.attachments.storage import LocalStorage
from tests import factories
from tests.checkins.support import record, resolving_scene, visit
from tests.factories import World
from tests.platform.problem_json import assert_problem

# A 1×1 PNG header: enough for the attachment module's content sniffing.
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


@pytest.fixture(autouse=True)
def _store(app: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The storage seam the attachments module honours; a private directory for this test.
    monkeypatch.setattr(app.state, "attachment_storage", LocalStorage(tmp_path), raising=False)


async def _upload(
    world: World, user: factories.TestUser, owner_id: uuid.UUID | str
) -> httpx.Response:
    return await world.client.post(
        "/api/v1/attachments",
        data={"owner_type": "check_in", "owner_id": str(owner_id)},
        files={"file": ("现场.png", PNG, "image/png")},
        headers=world.auth(user),
    )


async def test_a_photo_hangs_on_a_visible_check_in_only(world: World) -> None:
    s = await resolving_scene(world)
    check_in = await record(s, s.officer, visit(s.officer))
    response = await _upload(world, s.officer, check_in["id"])
    assert response.status_code == 201, response.text
    photo = response.json()
    assert (photo["owner_type"], photo["owner_id"]) == ("check_in", check_in["id"])
    assert photo["case_id"] == str(s.case_id)

    outsider = await world.user(s.sibling, "office")
    for user in (s.stranger, outsider):
        assert_problem(await _upload(world, user, check_in["id"]), 404, "check_in_not_found")
    assert_problem(await _upload(world, s.officer, uuid.uuid4()), 404, "check_in_not_found")
