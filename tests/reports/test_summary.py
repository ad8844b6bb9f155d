"""The dashboard's figures: counts over the caller's cases, deadlines and the caller's tasks."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from tests import factories
from tests.checkins.support import now, record, shanghai_day, visit
from tests.factories import World
from tests.hearings.support import HearingScene, in_days, iso
from tests.platform.problem_json import assert_problem
from tests.relief.support import Relief, relief_scene
from tests.workflow.support import FULL_PLAN, insert_case

SUMMARY = "/api/v1/reports/summary"
DEADLINES = "/api/v1/reports/deadlines"


async def _get(world: World, user: factories.TestUser, url: str, **params: Any) -> Any:
    response = await world.client.get(url, headers=world.auth(user), params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _by(buckets: list[dict[str, Any]]) -> dict[str, int]:
    return {b["key"]: b["count"] for b in buckets}


async def _organ(r: Relief, case_id: uuid.UUID, position: int, organ: str) -> None:
    await r.s.conn.execute(
        "INSERT INTO case_receiving_organ (case_id, position, organ) VALUES ($1, $2, $3)",
        case_id,
        position,
        organ,
    )


async def test_counts_by_status_category_organ_and_unit(world: World) -> None:
    r = await relief_scene(world)
    s = r.s
    # Besides the scene's registered case: two more bureau cases, a section case, a sibling's.
    resolving = await insert_case(s.conn, s.campaign_id, s.bureau, status="resolving")
    await insert_case(s.conn, s.campaign_id, s.bureau, status="resolved", category="lawyers")
    await insert_case(s.conn, s.campaign_id, s.section, category="legal_aid")
    sibling = await insert_case(s.conn, s.campaign_id, s.sibling)
    await _organ(r, s.case_id, 0, "government")
    await _organ(r, s.case_id, 1, "political_legal_committee")
    await _organ(r, resolving, 0, "government")
    await _organ(r, sibling, 0, "government")

    body = await _get(world, s.leader, SUMMARY)
    assert (body["total"], body["open"], body["closed"]) == (4, 3, 1)
    assert _by(body["by_status"]) == {"registered": 2, "resolving": 1, "resolved": 1}
    assert body["by_status"][0] == {"key": "registered", "count": 2}  # largest first
    assert _by(body["by_category"]) == {"notarisation": 2, "lawyers": 1, "legal_aid": 1}
    # A case received by two organs counts for each; the sibling unit's case not at all.
    assert _by(body["by_receiving_organ"]) == {"government": 2, "political_legal_committee": 1}
    assert {u["name"]: u["count"] for u in body["by_unit"]} == {
        s.bureau.name: 3,
        s.section.name: 1,
    }
    observer = await world.user(s.bureau, "observer")
    assert (await _get(world, observer, SUMMARY))["by_status"] == body["by_status"]

    # Narrowed to the section's subtree; officers see the cases assigned to them only.
    assert (await _get(world, s.leader, SUMMARY, org_unit_id=str(s.section.id)))["total"] == 1
    assert (await _get(world, s.leader, SUMMARY, campaign_id=str(uuid.uuid4())))["total"] == 0
    mine = await _get(world, s.officer, SUMMARY)
    assert (mine["total"], mine["my_tasks"]["assigned_open_cases"]) == (1, 1)
    stranger = await _get(world, s.stranger, SUMMARY)
    assert (stranger["total"], stranger["by_status"], stranger["by_unit"]) == (0, [], [])


async def test_scope_roles_and_bad_input(world: World) -> None:
    r = await relief_scene(world)
    s = r.s
    for url in (SUMMARY, DEADLINES):
        response = await world.client.get(
            url, headers=world.auth(s.leader), params={"org_unit_id": str(s.sibling.id)}
        )
        assert_problem(response, 404)
        response = await world.client.get(
            url, headers=world.auth(s.leader), params={"org_unit_id": "not-a-uuid"}
        )
        assert_problem(response, 422)
        assert_problem(await world.client.get(url, headers=world.auth(r.admin)), 403)
        assert_problem(await world.client.get(url), 401)
    for limit in ("0", "101", "1e9", "9" * 40):
        response = await world.client.get(
            DEADLINES, headers=world.auth(s.leader), params={"limit": limit}
        )
        assert_problem(response, 422)


async def _application(r: Relief, case_id: uuid.UUID) -> str:
    """A submitted application on a case of the bureau, by the office."""
    petitioner = await r.petitioner(r.s.office, case_id)
    body = await r.create(r.s.office, case_id=str(case_id), applicant_petitioner_id=str(petitioner))
    await r.ok(r.s.office, body["id"], "submit")
    return str(body["id"])


async def test_deadlines_overdue_first_with_counts(world: World) -> None:
    r = await relief_scene(world)
    s = r.s
    late = await _application(r, s.case_id)
    soon = await _application(r, await insert_case(s.conn, s.campaign_id, s.bureau))
    far = await _application(r, await insert_case(s.conn, s.campaign_id, s.bureau))
    due = {late: -1, soon: 1, far: 14}
    for app_id, days in due.items():
        await s.conn.execute(
            "UPDATE relief_application SET due_at = $2 WHERE id = $1",
            uuid.UUID(app_id),
            now() + timedelta(days=days),
        )
    # The scene's case is being resolved; its last visit set a next visit for yesterday.
    await s.conn.execute("UPDATE petition_case SET status = 'resolving' WHERE id = $1", s.case_id)
    await record(s, s.officer, visit(s.officer, next_visit_on=None))
    last = await record(s, s.officer, visit(s.officer))
    yesterday = shanghai_day(now()) - timedelta(days=1)
    await s.conn.execute(
        "UPDATE check_in SET next_visit_on = $2 WHERE id = $1", uuid.UUID(last["id"]), yesterday
    )
    h = HearingScene(s=s, chair=s.leader2, official=s.stranger, petitioner_id=r.petitioner_id)
    hearing = await h.created(starts_at=iso(in_days(2)))
    await h.created(starts_at=iso(in_days(9)), place="第二调解室")  # beyond the week

    summary = await _get(world, s.leader, SUMMARY)
    assert summary["relief_deadlines"] == {"overdue": 1, "due_soon": 1}
    assert summary["return_visits"] == {"overdue": 1, "due_soon": 0}
    assert summary["hearings_next_7_days"] == 1

    items = await _get(world, s.leader, DEADLINES)
    got = [(i["kind"], i["ref_id"], i["overdue"]) for i in items]
    assert got == [
        ("relief_step", late, True),
        ("return_visit", last["id"], True),
        ("relief_step", soon, False),
        ("hearing", hearing["id"], False),
    ]
    assert items[0]["detail"] == "submitted" and items[3]["detail"] == "mediation"
    assert items[1]["due_at"].startswith(f"{yesterday.isoformat()}T15:59:59")  # 23:59:59 +08
    assert items[1]["case_id"] == str(s.case_id)
    assert [i["ref_id"] for i in await _get(world, s.leader, DEADLINES, limit=2)] == [
        late,
        last["id"],
    ]
    # The officer works only the scene's case: its relief step, visit and hearing.
    officer = await _get(world, s.officer, DEADLINES)
    assert [i["ref_id"] for i in officer] == [late, last["id"], hearing["id"]]


async def test_tasks_are_the_callers(world: World) -> None:
    r = await relief_scene(world)
    s = r.s
    assert (await s.put(s.officer, "/plan", FULL_PLAN)).status_code == 200
    assert (await s.post(s.officer, "/plan/submit")).status_code == 200
    await r.create(s.officer)  # the officer's own draft
    second = await r.petitioner(s.office, s.case_id)
    submitted = await r.create(s.officer, applicant_petitioner_id=str(second))
    await r.ok(s.officer, submitted["id"], "submit")

    tasks = [(await _get(world, u, SUMMARY))["my_tasks"] for u in (s.officer, s.office, s.leader)]
    assert tasks[0] == {"assigned_open_cases": 1, "plans_to_approve": 0, "relief_to_act": 1}
    assert tasks[1] == {"assigned_open_cases": 0, "plans_to_approve": 0, "relief_to_act": 1}
    assert tasks[2] == {"assigned_open_cases": 0, "plans_to_approve": 1, "relief_to_act": 1}
