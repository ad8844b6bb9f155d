"""Hearings are attachment owners: attached to once held, within the case's scope."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from anjie.attachments.storage import LocalStorage
from anjie.core import clock
from tests.factories import TestUser as Account
from tests.factories import World
from tests.hearings.support import hearing_scene, iso
from tests.platform.problem_json import assert_problem

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


@pytest.fixture(autouse=True)
def _store(app: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = LocalStorage(tmp_path / "data")
    monkeypatch.setattr(app.state, "attachment_storage", store, raising=False)  # type: ignore[attr-defined]


async def test_the_record_is_attached_once_held(world: World) -> None:
    h = await hearing_scene(world)
    hearing = await h.created(starts_at=iso(clock.now() - timedelta(hours=2)))

    async def upload(user: Account) -> httpx.Response:
        return await world.client.post(
            "/api/v1/attachments",
            data={"owner_type": "hearing", "owner_id": hearing["id"]},
            files={"file": ("听证笔录.png", PNG, "image/png")},
            headers=world.auth(user),
        )

    assert_problem(await upload(h.s.officer), 409, "hearing_not_held")
    held = await h.post(h.s.officer, f"/{hearing['id']}/hold", {"minutes": "双方达成和解"})
    assert held.status_code == 200, held.text
    response = await upload(h.s.officer)
    assert response.status_code == 201, response.text
    row = await h.s.conn.fetchrow("SELECT case_id, owner_type FROM attachment")
    assert (row["case_id"], row["owner_type"]) == (h.s.case_id, "hearing")
    # Outside the case's scope the hearing does not exist.
    assert_problem(await upload(h.s.stranger), 404, "hearing_not_found")
