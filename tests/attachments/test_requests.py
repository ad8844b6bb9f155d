"""Malformed uploads get a 422 at the field, lists page and filter, retries are idempotent."""

from __future__ import annotations

import uuid

from tests.attachments.support import JPEG, PNG, URL, Bench, pdf
from tests.platform.problem_json import assert_problem


async def test_nul_in_the_description_is_422_and_nothing_is_written(b: Bench) -> None:
    response = await b.upload(b.officer, PNG, description="现场\x00照片")
    body = assert_problem(response, 422, "validation_failed")
    assert body["errors"] == [
        {"pointer": "#/description", "detail": "不能包含空字符（\\u0000）", "code": "nul_character"}
    ]
    assert (await b.rows(), await b.audits(), b.blobs()) == (0, 0, [])


async def test_missing_or_malformed_fields_are_422(b: Bench) -> None:
    response = await b.client.post(
        URL,
        data={"owner_type": "case", "owner_id": "not-a-uuid", "description": "x" * 2001},
        headers=b.world.auth(b.officer),
    )
    body = assert_problem(response, 422, "validation_failed")
    assert sorted(e["pointer"] for e in body["errors"]) == [
        "#/description",
        "#/file",
        "#/owner_id",
    ]
    # A text field where the file should be.
    response = await b.client.post(
        URL,
        data={"owner_type": "case", "owner_id": str(b.case_id), "file": "%PDF-1.7"},
        files={"other": ("x.pdf", pdf(), "application/pdf")},
        headers=b.world.auth(b.officer),
    )
    assert_problem(response, 422, "validation_failed")
    assert await b.rows() == 0


async def test_two_files_in_one_request_are_refused(b: Bench) -> None:
    response = await b.client.post(
        URL,
        data={"owner_type": "case", "owner_id": str(b.case_id)},
        files=[("file", ("a.png", PNG, "image/png")), ("file", ("b.png", PNG, "image/png"))],
        headers=b.world.auth(b.officer),
    )
    assert_problem(response, 400)
    assert await b.rows() == 0


async def test_list_filters_and_pages(b: Bench) -> None:
    ids = [(await b.upload(b.officer, PNG, f"{n}.png")).json()["id"] for n in range(3)]
    other = await b.other_case()
    outsider_file = await b.upload(b.outsider, JPEG, owner_id=other)
    assert outsider_file.status_code == 201

    first = await b.get(b.observer, "", owner_type="case", owner_id=str(b.case_id), limit=2)
    assert first.status_code == 200, first.text
    page = first.json()
    assert [a["id"] for a in page["items"]] == ids[:2]
    assert page["next_cursor"]
    second = await b.get(
        b.observer, "", owner_type="case", owner_id=str(b.case_id), cursor=page["next_cursor"]
    )
    assert [a["id"] for a in second.json()["items"]] == ids[2:]
    assert second.json()["next_cursor"] is None

    everything = await b.get(b.s.leader, "")
    assert [a["id"] for a in everything.json()["items"]] == ids  # not the sibling's file
    by_case = await b.get(b.s.leader, "", case_id=str(b.case_id))
    assert len(by_case.json()["items"]) == 3
    none = await b.get(b.s.leader, "", owner_id=str(uuid.uuid4()))
    assert none.json()["items"] == []
    later = await b.get(b.s.leader, "", updated_after="2999-01-01T00:00:00+08:00")
    assert later.json()["items"] == []
    assert_problem(await b.get(b.s.leader, "", cursor="garbage"), 422)


async def test_a_retry_with_the_same_key_returns_the_first_answer(b: Bench) -> None:
    key = {"Idempotency-Key": str(uuid.uuid4())}
    first = await b.upload(b.officer, PNG, "现场.png", headers=key)
    assert first.status_code == 201, first.text
    again = await b.upload(b.officer, PNG, "现场.png", headers=key)
    assert again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    assert again.headers["location"] == first.headers["location"]
    assert await b.rows() == 1
    assert await b.audits() == 1

    different = await b.upload(b.officer, JPEG, "现场.png", headers=key)
    assert_problem(different, 422)
    assert await b.rows() == 1
    assert b.leftovers() == []
