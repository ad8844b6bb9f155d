"""A bureau with a case, the people around it, and sample files of every kind.

Setup rows go straight into the database (tests/workflow/support.py builds the case); uploads
and downloads go through HTTP as multipart requests.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from tests.cases.support import assign
from tests.factories import TestUser, World
from tests.workflow.support import Scene, insert_case, scene

URL = "/api/v1/attachments"
LIMIT = 20 * 1024 * 1024

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
WEBP = b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00/\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88"
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00" + bytes(100)


def pdf(size: int | None = None) -> bytes:
    """A PDF of exactly `size` bytes (padded inside a comment-free stream)."""
    head = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    tail = b"\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    if size is None:
        return head + tail
    return head + b"0" * (size - len(head) - len(tail)) + tail


def office(*members: str, extra: dict[str, bytes] | None = None) -> bytes:
    """A ZIP with a [Content_Types].xml and the given member names (as Word/Excel write)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        for name in members:
            archive.writestr(name, "<x/>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = office("_rels/.rels", "word/document.xml", "word/styles.xml", "docProps/core.xml")
XLSX = office("_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml")


@dataclass
class Bench:
    s: Scene
    officer: TestUser  # assigned to the case
    observer: TestUser
    outsider: TestUser  # office of the sibling bureau
    storage_root: Path
    staging: Path

    @property
    def world(self) -> World:
        return self.s.world

    @property
    def conn(self) -> asyncpg.Connection:
        return self.s.conn

    @property
    def client(self) -> httpx.AsyncClient:
        return self.s.client

    @property
    def case_id(self) -> uuid.UUID:
        return self.s.case_id

    async def upload(
        self,
        user: TestUser,
        content: bytes,
        filename: str = "材料.pdf",
        *,
        content_type: str = "application/pdf",
        owner_type: str = "case",
        owner_id: uuid.UUID | str | None = None,
        description: str | None = None,
        headers: dict[str, str] | None = None,
        lang: str = "zh-CN",
    ) -> httpx.Response:
        data: dict[str, Any] = {
            "owner_type": owner_type,
            "owner_id": str(owner_id or self.case_id),
        }
        if description is not None:
            data["description"] = description
        return await self.client.post(
            URL,
            data=data,
            files={"file": (filename, content, content_type)},
            headers={**self.world.auth(user), "Accept-Language": lang, **(headers or {})},
        )

    async def get(self, user: TestUser, tail: str = "", **params: Any) -> httpx.Response:
        return await self.client.get(URL + tail, headers=self.world.auth(user), params=params)

    async def rows(self) -> int:
        return int(await self.conn.fetchval("SELECT count(*) FROM attachment"))

    async def audits(self) -> int:
        return int(await self.conn.fetchval("SELECT count(*) FROM audit_event"))

    def blobs(self) -> list[Path]:
        return sorted(p for p in self.storage_root.rglob("*") if p.is_file())

    def leftovers(self) -> list[Path]:
        """Staged uploads not cleaned up (the staging dir is this test's own temp dir)."""
        return list(self.staging.iterdir())

    async def other_case(self) -> uuid.UUID:
        """A case of the sibling bureau, in the same campaign."""
        return await insert_case(self.conn, self.s.campaign_id, self.s.sibling)


async def bench(world: World, storage_root: Path, staging: Path) -> Bench:
    s = await scene(world)
    await assign(world.conn, s.case_id, user=s.officer)
    return Bench(
        s=s,
        officer=s.officer,
        observer=await world.user(s.bureau, "observer"),
        outsider=await world.user(s.sibling, "office"),
        storage_root=storage_root,
        staging=staging,
    )
