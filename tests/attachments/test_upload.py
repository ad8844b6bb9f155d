"""Uploads: the type comes from the bytes, the size is capped, and a refusal writes nothing."""

from __future__ import annotations

import hashlib
import json

import pytest

from tests.attachments.support import DOCX, ELF, JPEG, LIMIT, PNG, WEBP, XLSX, Bench, office, pdf
from tests.platform.problem_json import assert_one_audit, assert_problem, last_audit_id

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


async def assert_nothing_written(b: Bench, rows: int, audits: int) -> None:
    assert await b.rows() == rows
    assert await b.audits() == audits
    assert b.blobs() == []
    assert b.leftovers() == []


async def test_a_png_called_pdf_is_stored_and_served_as_png(b: Bench) -> None:
    response = await b.upload(b.officer, PNG, "扫描件.pdf", content_type="application/pdf")
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["media_type"], body["extension"]) == ("image/png", "png")
    assert body["filename"] == "扫描件.pdf"  # what the client called it, kept for the record
    assert response.headers["location"] == f"/api/v1/attachments/{body['id']}"

    download = await b.get(b.officer, f"/{body['id']}/content")
    assert download.status_code == 200
    assert download.headers["content-type"] == "image/png"
    assert download.content == PNG
    # Saved under the suffix of what it is, so it opens in an image viewer.
    assert download.headers["content-disposition"].endswith("''%E6%89%AB%E6%8F%8F%E4%BB%B6.png")


@pytest.mark.parametrize(
    ("content", "media_type", "extension"),
    [
        (pdf(), "application/pdf", "pdf"),
        (JPEG, "image/jpeg", "jpg"),
        (PNG, "image/png", "png"),
        (WEBP, "image/webp", "webp"),
        (DOCX, DOCX_TYPE, "docx"),
        (XLSX, XLSX_TYPE, "xlsx"),
    ],
    ids=["pdf", "jpeg", "png", "webp", "docx", "xlsx"],
)
async def test_each_allowed_kind_is_recognised_whatever_the_client_says(
    b: Bench, content: bytes, media_type: str, extension: str
) -> None:
    response = await b.upload(b.officer, content, "upload.bin", content_type="text/plain")
    assert response.status_code == 201, response.text
    assert (response.json()["media_type"], response.json()["extension"]) == (media_type, extension)


@pytest.mark.parametrize(
    "content",
    [
        ELF,
        b"",
        b"MZ\x90\x00" + bytes(60),  # a Windows executable
        b"<html><script>alert(1)</script></html>",
        office("readme.txt"),  # a ZIP, but no Office document
        office("word/document.xml", "xl/workbook.xml"),  # claims to be both
        office("word/document.xml", "word/vbaProject.bin"),  # macro-enabled (docm)
        b"PK\x03\x04" + bytes(40),  # a broken ZIP
        b"RIFF\x00\x00\x00\x00AVI LIST",  # RIFF, but not WebP
    ],
    ids=["elf", "empty", "exe", "html", "zip", "docx+xlsx", "docm", "broken-zip", "avi"],
)
async def test_anything_else_is_415_and_nothing_is_written(b: Bench, content: bytes) -> None:
    rows, audits = await b.rows(), await b.audits()
    response = await b.upload(b.officer, content, "photo.jpg", content_type="image/jpeg")
    body = assert_problem(response, 415, "attachment_type_not_allowed")
    assert "application/pdf" in body["allowed"]
    await assert_nothing_written(b, rows, audits)


async def test_an_executable_called_jpg_is_refused_in_english_too(b: Bench) -> None:
    response = await b.upload(b.officer, ELF, "photo.jpg", content_type="image/jpeg", lang="en")
    body = assert_problem(response, 415, "attachment_type_not_allowed")
    assert body["detail"].startswith("Only PDF, JPEG")
    await assert_nothing_written(b, 0, 0)


@pytest.mark.parametrize("size", [21 * 1024 * 1024, LIMIT + 1], ids=["21MiB", "limit+1"])
async def test_too_large_is_413_and_nothing_is_written(b: Bench, size: int) -> None:
    rows, audits = await b.rows(), await b.audits()
    response = await b.upload(b.officer, pdf(size))
    body = assert_problem(response, 413, "attachment_too_large")
    assert body["limit"] == LIMIT
    assert str(LIMIT) in body["detail"]
    await assert_nothing_written(b, rows, audits)


@pytest.mark.parametrize("size", [LIMIT - 1, LIMIT], ids=["limit-1", "limit"])
async def test_up_to_the_limit_is_accepted(b: Bench, size: int) -> None:
    content = pdf(size)
    response = await b.upload(b.officer, content)
    assert response.status_code == 201, response.text
    assert response.json()["size_bytes"] == size
    assert b.blobs()[0].stat().st_size == size
    assert b.leftovers() == []


async def test_sha256_and_size_are_recorded_and_the_blob_is_content_addressed(b: Bench) -> None:
    content = pdf(5000)
    digest = hashlib.sha256(content).hexdigest()
    response = await b.upload(b.officer, content)
    assert response.status_code == 201, response.text
    assert response.json()["sha256"] == digest
    row = await b.conn.fetchrow(
        "SELECT * FROM attachment WHERE id = $1::uuid", response.json()["id"]
    )
    assert bytes(row["sha256"]) == hashlib.sha256(content).digest()
    assert row["size_bytes"] == len(content)
    assert row["case_id"] == row["owner_id"] == b.case_id
    assert row["uploaded_by"] == b.officer.id
    assert b.blobs() == [b.storage_root / digest[:2] / digest[2:4] / digest]
    assert b.blobs()[0].read_bytes() == content

    # The same bytes again: a second row, one blob.
    again = await b.upload(b.officer, content, "副本.pdf")
    assert again.status_code == 201
    assert await b.rows() == 2
    assert len(b.blobs()) == 1


async def test_the_upload_leaves_an_audit_event(b: Bench) -> None:
    before = await last_audit_id(b.conn)
    content = pdf(1234)
    response = await b.upload(b.officer, content, "息诉罢访承诺书.pdf", description="本人签字")
    assert response.status_code == 201, response.text
    event = await assert_one_audit(b.conn, before, "attachment.upload", response.json()["id"])
    row = await b.conn.fetchrow("SELECT * FROM audit_event WHERE id = $1", event["id"])
    assert row["case_id"] == b.case_id
    assert row["entity_type"] == "attachment"
    assert row["org_unit_id"] == b.s.bureau.id
    assert row["actor_id"] == b.officer.id
    after = json.loads(row["after"])
    assert after["filename"] == "息诉罢访承诺书.pdf"
    assert after["media_type"] == "application/pdf"
    assert after["size"] == 1234
    assert after["sha256"] == hashlib.sha256(content).hexdigest()


async def test_the_description_is_trimmed_and_kept(b: Bench) -> None:
    response = await b.upload(b.officer, PNG, "a.png", description="  现场照片  ")
    assert response.json()["description"] == "现场照片"
    response = await b.upload(b.officer, PNG, "a.png", description="   ")
    assert response.json()["description"] is None


async def test_a_zip_bomb_dressed_as_a_document_is_refused(b: Bench) -> None:
    # 50 MB of zeros compress to some fifty kilobytes: whoever opened it would unpack them.
    bomb = office(
        "_rels/.rels", "word/styles.xml", extra={"word/document.xml": b"\0" * (50 * 1024 * 1024)}
    )
    assert len(bomb) < 2 * 1024 * 1024
    rows = await b.rows()
    response = await b.upload(b.officer, bomb, "报告.docx")
    assert_problem(response, 415, "attachment_type_not_allowed")
    assert await b.rows() == rows
    # A real document of the same shape still goes in.
    assert (await b.upload(b.officer, DOCX, "报告.docx")).status_code == 201
