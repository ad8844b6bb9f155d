"""Attachments are seen and added exactly where their case is: 404 outside, 403 by role."""

from __future__ import annotations

from tests.attachments.support import PNG, Bench, pdf
from tests.platform.problem_json import assert_problem


async def _upload_one(b: Bench) -> str:
    response = await b.upload(b.officer, pdf())
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def test_another_units_attachment_does_not_exist_for_me(b: Bench) -> None:
    attachment_id = await _upload_one(b)
    for tail in (f"/{attachment_id}", f"/{attachment_id}/content"):
        assert_problem(await b.get(b.outsider, tail), 404, "attachment_not_found")
    listed = await b.get(b.outsider, "", owner_type="case", owner_id=str(b.case_id))
    assert listed.status_code == 200
    assert listed.json()["items"] == []
    # Nor can they attach to it.
    response = await b.upload(b.outsider, PNG)
    assert_problem(response, 404, "case_not_found")
    assert await b.rows() == 1


async def test_my_own_units_case_is_mine_and_not_the_siblings(b: Bench) -> None:
    other_case = await b.other_case()
    response = await b.upload(b.outsider, PNG, owner_id=other_case)
    assert response.status_code == 201, response.text
    assert_problem(await b.get(b.s.office, f"/{response.json()['id']}"), 404)
    assert_problem(await b.get(b.officer, f"/{response.json()['id']}/content"), 404)


async def test_an_officer_not_assigned_to_the_case_sees_nothing(b: Bench) -> None:
    attachment_id = await _upload_one(b)
    stranger = b.s.stranger
    assert_problem(await b.get(stranger, f"/{attachment_id}"), 404, "attachment_not_found")
    assert_problem(await b.get(stranger, f"/{attachment_id}/content"), 404)
    assert (await b.get(stranger, "")).json()["items"] == []
    assert_problem(await b.upload(stranger, PNG), 404, "case_not_found")
    assert await b.rows() == 1
    assert len(b.blobs()) == 1


async def test_leaders_and_office_of_the_unit_see_and_add(b: Bench) -> None:
    attachment_id = await _upload_one(b)
    for user in (b.s.leader, b.s.office):
        assert (await b.get(user, f"/{attachment_id}/content")).status_code == 200
        assert (await b.upload(user, PNG)).status_code == 201
    # The county above sees its bureaus' attachments too.
    county_leader = await b.world.user(b.s.county, "leader")
    assert (await b.get(county_leader, f"/{attachment_id}")).status_code == 200


async def test_an_observer_sees_the_file_but_neither_downloads_nor_uploads(b: Bench) -> None:
    attachment_id = await _upload_one(b)
    rows, audits = await b.rows(), await b.audits()
    # An ID-card scan is personal data: its content is for those who may reveal it.
    assert (await b.get(b.observer, f"/{attachment_id}")).status_code == 200
    refused = assert_problem(
        await b.get(b.observer, f"/{attachment_id}/content"), 403, "attachment_download_forbidden"
    )
    assert "下载" in refused["detail"]
    assert (await b.rows(), await b.audits()) == (rows, audits)  # a refused read records nothing
    body = assert_problem(await b.upload(b.observer, PNG), 403, "forbidden")
    assert body["detail"] == "没有执行此操作的权限"
    assert (await b.rows(), await b.audits()) == (rows, audits)
    assert len(b.blobs()) == 1


async def test_an_admin_has_no_case_files(b: Bench) -> None:
    admin = await b.world.user(b.s.bureau, "admin")
    attachment_id = await _upload_one(b)
    assert_problem(await b.get(admin, f"/{attachment_id}/content"), 403, "forbidden")
    assert_problem(await b.upload(admin, PNG), 403, "forbidden")


async def test_without_a_token_it_is_401(b: Bench) -> None:
    response = await b.client.post(
        "/api/v1/attachments",
        data={"owner_type": "case", "owner_id": str(b.case_id)},
        files={"file": ("a.png", PNG, "image/png")},
    )
    assert_problem(response, 401)
    assert await b.rows() == 0
