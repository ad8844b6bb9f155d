"""Downloads and metadata: safe headers, exact bytes, names encoded for any browser."""

from __future__ import annotations

import uuid

from tests.attachments.support import PNG, Bench, pdf
from tests.platform.problem_json import assert_problem

PROMISE = "息诉罢访承诺书.pdf"
PROMISE_ENCODED = "%E6%81%AF%E8%AF%89%E7%BD%A2%E8%AE%BF%E6%89%BF%E8%AF%BA%E4%B9%A6.pdf"


async def test_download_headers_and_a_chinese_filename(b: Bench) -> None:
    content = pdf(3000)
    created = (await b.upload(b.officer, content, PROMISE)).json()
    response = await b.get(b.officer, f"/{created['id']}/content")
    assert response.status_code == 200, response.text
    assert response.content == content
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-length"] == str(len(content))
    assert response.headers["content-disposition"] == (
        f"attachment; filename=\"attachment.pdf\"; filename*=UTF-8''{PROMISE_ENCODED}"
    )
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "private, no-store"
    assert response.headers["etag"] == f'"{created["sha256"]}"'


async def test_an_ascii_name_keeps_its_fallback(b: Bench) -> None:
    created = (await b.upload(b.officer, pdf(), "Report 2010 (final).pdf")).json()
    response = await b.get(b.officer, f"/{created['id']}/content")
    assert response.headers["content-disposition"] == (
        'attachment; filename="Report_2010_(final).pdf"; '
        "filename*=UTF-8''Report%202010%20%28final%29.pdf"
    )


async def test_path_parts_control_characters_and_quotes_are_stripped(b: Bench) -> None:
    # Built by hand: httpx would percent-escape the quotes and the control characters. In the
    # header a quote is escaped as \"; U+202E would make "fdp.exe" display as "exe.pdf".
    boundary = "anjie-test-boundary"
    name = '../../张三/\\"evil\\"\u202e\x07gpj.pdf'
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="owner_type"\r\n\r\ncase\r\n',
        f'--{boundary}\r\nContent-Disposition: form-data; name="owner_id"\r\n\r\n{b.case_id}\r\n',
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        "Content-Type: application/pdf\r\n\r\n",
    ]
    body = "".join(parts).encode() + PNG + f"\r\n--{boundary}--\r\n".encode()
    response = await b.client.post(
        "/api/v1/attachments",
        content=body,
        headers={
            **b.world.auth(b.officer),
            "Content-Type": f"multipart/form-data; boundary={boundary}",
        },
    )
    assert response.status_code == 201, response.text
    assert response.json()["filename"] == "evilgpj.pdf"
    download = await b.get(b.officer, f"/{response.json()['id']}/content")
    header = download.headers["content-disposition"]
    assert header == "attachment; filename=\"evilgpj.png\"; filename*=UTF-8''evilgpj.png"


async def test_metadata(b: Bench) -> None:
    created = (await b.upload(b.officer, PNG, "现场.png", description="走访现场")).json()
    response = await b.get(b.observer, f"/{created['id']}")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body == created
    assert body["owner_type"] == "case"
    assert body["owner_id"] == body["case_id"] == str(b.case_id)
    assert body["uploaded_by"] == str(b.officer.id)
    assert body["uploaded_by_name"].startswith("测试用户")
    assert body["size_bytes"] == len(PNG)


async def test_an_unknown_attachment_is_404(b: Bench) -> None:
    for tail in ("", "/content"):
        response = await b.get(b.officer, f"/{uuid.uuid4()}{tail}")
        assert_problem(response, 404, "attachment_not_found")


async def test_a_missing_blob_is_a_clear_500(b: Bench) -> None:
    created = (await b.upload(b.officer, PNG)).json()
    for blob in b.blobs():
        blob.unlink()
    response = await b.get(b.officer, f"/{created['id']}/content")
    assert_problem(response, 500, "attachment_content_missing")


async def test_every_download_is_on_the_audit_trail_and_a_refused_one_is_not(b: Bench) -> None:
    created = (await b.upload(b.officer, pdf(), PROMISE)).json()
    for _ in range(2):
        assert (await b.get(b.officer, f"/{created['id']}/content")).status_code == 200
    rows = await b.conn.fetch(
        "SELECT actor_id, entity_id, case_id FROM audit_event "
        "WHERE action = 'attachment.download' ORDER BY id"
    )
    assert [(r["actor_id"], str(r["entity_id"]), r["case_id"]) for r in rows] == [
        (b.officer.id, created["id"], b.case_id)
    ] * 2
    timeline = await b.client.get(
        f"/api/v1/cases/{b.case_id}/timeline", headers=b.world.auth(b.officer)
    )
    assert [e["title"] for e in timeline.json()["items"][:2]] == ["查阅附件", "查阅附件"]
    # A caller outside the case gets 404, and nothing is recorded for them.
    before = await b.audits()
    assert_problem(await b.get(b.outsider, f"/{created['id']}/content"), 404)
    assert_problem(await b.get(b.s.stranger, f"/{created['id']}/content"), 404)
    assert await b.audits() == before
