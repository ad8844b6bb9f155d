"""A reply carries its evidence as attachments (owner type supervision_reply), within the scope
of the notice's case."""

from __future__ import annotations

import uuid
from pathlib import Path

import httpx
import pytest

from anjie.attachments.storage import LocalStorage
from tests.factories import TestUser as Account
from tests.notices.support import NoticeScene
from tests.platform.problem_json import assert_problem

PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _store(app: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = LocalStorage(tmp_path / "data")
    monkeypatch.setattr(app.state, "attachment_storage", store, raising=False)  # type: ignore[attr-defined]


async def _upload(n: NoticeScene, user: Account, reply_id: str) -> httpx.Response:
    return await n.client.post(
        "/api/v1/attachments",
        data={"owner_type": "supervision_reply", "owner_id": reply_id},
        files={"file": ("办理情况报告.pdf", PDF, "application/pdf")},
        headers=n.world.auth(user),
    )


async def test_a_reply_takes_attachments_within_the_cases_scope(n: NoticeScene) -> None:
    notice = await n.issued()
    reply_id = (await n.reply(notice)).json()["replies"][0]["id"]

    response = await _upload(n, n.holder, reply_id)

    assert response.status_code == 201, response.text
    row = await n.conn.fetchrow("SELECT case_id, owner_type, owner_id FROM attachment")
    assert (row["case_id"], row["owner_type"], str(row["owner_id"])) == (
        n.s.case_id,
        "supervision_reply",
        reply_id,
    )
    listed = await n.client.get(
        "/api/v1/attachments",
        params={"owner_type": "supervision_reply", "owner_id": reply_id},
        headers=n.world.auth(n.s.office),
    )
    assert listed.status_code == 200, listed.text
    assert [a["id"] for a in listed.json()["items"]] == [response.json()["id"]]
    # Outside the case's scope, or for no such reply, the reply does not exist.
    assert_problem(await _upload(n, n.s.stranger, reply_id), 404, "notice_reply_not_found")
    assert_problem(await _upload(n, n.outsider, reply_id), 404, "notice_reply_not_found")
    assert_problem(await _upload(n, n.holder, str(uuid.uuid4())), 404, "notice_reply_not_found")
    assert await n.count("attachment") == 1
