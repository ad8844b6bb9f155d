"""Each application carries the actions its caller may take now (`allowed_actions`), computed by
the step machine the endpoints enforce: what is listed unblocked is accepted, what is listed
blocked is refused with the listed problem code, and what is not listed is refused."""

from __future__ import annotations

from typing import Any, get_args

import pytest

from anjie.relief.guards import BLOCKERS
from anjie.relief.schemas import Blocker
from tests.factories import TestUser as Account
from tests.factories import World
from tests.platform.problem_json import assert_problem
from tests.relief.conftest import MoveClock
from tests.relief.support import Relief, beijing, relief_scene

ACTIONS = ("submit", "unit_opinion", "review", "approve", "reject", "disburse", "notify")
# How an application reaches each step: (who, action) from its draft.
PATHS: dict[str, list[tuple[str, str]]] = {
    "draft": [],
    "submitted": [("officer", "submit")],
    "unit_opinion": [("officer", "submit"), ("office", "unit_opinion")],
    "reviewed": [("officer", "submit"), ("office", "unit_opinion"), ("office", "review")],
    "approved": [
        ("officer", "submit"),
        ("office", "unit_opinion"),
        ("office", "review"),
        ("leader", "approve"),
    ],
    "disbursed": [
        ("officer", "submit"),
        ("office", "unit_opinion"),
        ("office", "review"),
        ("leader", "approve"),
        ("office", "disburse"),
    ],
    "notified": [
        ("officer", "submit"),
        ("office", "unit_opinion"),
        ("office", "review"),
        ("leader", "approve"),
        ("office", "disburse"),
        ("office", "notify"),
    ],
    "rejected": [("officer", "submit"), ("leader", "reject")],
}
# What each role may do at each step (relief_write: officer, office, leader; relief_review:
# office, leader; relief_approve: leader); the observer only reads.
EXPECTED: dict[str, dict[str, list[str]]] = {
    "officer": {"draft": ["submit"]},
    "office": {
        "draft": ["submit"],
        "submitted": ["unit_opinion"],
        "unit_opinion": ["review"],
        "approved": ["disburse"],
        "disbursed": ["notify"],
    },
    "leader": {
        "draft": ["submit"],
        "submitted": ["unit_opinion", "reject"],
        "unit_opinion": ["review", "reject"],
        "reviewed": ["approve", "reject"],
        "approved": ["disburse"],
        "disbursed": ["notify"],
    },
    "observer": {},
}
AMOUNT = {"amount_approved": "12000.00"}


def tail(action: str) -> str:
    return action.replace("_", "-")


def body_for(action: str) -> dict[str, Any]:
    return AMOUNT if action == "approve" else {}


class Roles:
    def __init__(self, r: Relief, observer: Account) -> None:
        s = r.s
        self.users = {
            "officer": s.officer,
            "office": s.office,
            "leader": s.leader,
            "observer": observer,
        }

    def __getitem__(self, role: str) -> Account:
        return self.users[role]


async def at_step(r: Relief, roles: Roles, step: str) -> str:
    """A new application (a new petitioner each, so no grant stands in the way) at `step`."""
    petitioner = await r.petitioner(r.s.office, r.s.case_id)
    app_id: str = (await r.create(applicant_petitioner_id=str(petitioner)))["id"]
    for role, action in PATHS[step]:
        await r.ok(roles[role], app_id, tail(action), **body_for(action))
    return app_id


def listed(body: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(a["action"], a["blocked_by"]) for a in body["allowed_actions"]]


@pytest.mark.parametrize("step", list(PATHS))
async def test_the_list_per_role_and_step_is_what_the_endpoints_take(
    world: World, move_clock: MoveClock, step: str
) -> None:
    r = await relief_scene(world)
    roles = Roles(r, await world.user(r.s.bureau, "observer"))
    move_clock(beijing("2026-11-02"))
    app_id = await at_step(r, roles, step)

    for role in roles.users:
        expected = [(action, None) for action in EXPECTED[role].get(step, [])]
        one = await r.get(roles[role], f"/{app_id}")
        assert one.status_code == 200, one.text
        assert (one.json()["step"], listed(one.json())) == (step, expected), role
        # The list carries the same, computed for the whole page at once.
        page = (await r.get(roles[role], case_id=str(r.s.case_id))).json()["items"]
        assert [listed(a) for a in page if a["id"] == app_id] == [expected], role

        # Whatever is not listed is refused (no permission: 403; not at this step: 409) …
        for action in ACTIONS:
            if (action, None) in expected:
                continue
            response = await r.step(roles[role], app_id, tail(action), **body_for(action))
            if response.status_code == 403:
                assert_problem(response, 403, "forbidden")
            else:
                assert_problem(response, 409, "relief_step_invalid")
        assert (await r.get(r.s.office, f"/{app_id}")).json()["step"] == step

        # … and whatever is listed is taken (each on its own application at the same step).
        for action, _ in expected:
            fresh = await at_step(r, roles, step)
            taken = await r.ok(roles[role], fresh, tail(action), **body_for(action))
            assert taken["step"] != step, (role, action)


async def test_four_eyes_is_listed_as_a_blocked_approval(
    world: World, move_clock: MoveClock
) -> None:
    r = await relief_scene(world)
    s = r.s
    move_clock(beijing("2026-11-02"))
    app_id = (await r.create(s.leader))["id"]
    await r.ok(s.leader, app_id, "submit")
    await r.ok(s.office, app_id, "unit-opinion")
    reviewed = await r.ok(s.office, app_id, "review")
    assert listed(reviewed) == []  # the office reviews; it never approves

    mine = (await r.get(s.leader, f"/{app_id}")).json()
    assert listed(mine) == [("approve", "relief_four_eyes"), ("reject", None)]
    response = await r.step(s.leader, app_id, "approve", **AMOUNT)
    assert_problem(response, 409, "relief_four_eyes")

    theirs = (await r.get(s.leader2, f"/{app_id}")).json()
    assert listed(theirs) == [("approve", None), ("reject", None)]
    approved = await r.ok(s.leader2, app_id, "approve", **AMOUNT)
    # The step's answer lists what its caller may do next.
    assert (approved["step"], listed(approved)) == ("approved", [("disburse", None)])


async def test_an_exceptional_amount_lists_the_second_approval_for_another_leader(
    world: World, move_clock: MoveClock
) -> None:
    r = await relief_scene(world, wage_2025="1000.00")  # cap 36 000.00
    s = r.s
    move_clock(beijing("2026-11-02"))
    app_id = (await r.create(amount_requested="50000.00"))["id"]
    await r.to_reviewed(app_id)
    first = await r.ok(
        s.leader,
        app_id,
        "approve",
        amount_approved="50000.00",
        exceptional=True,
        exceptional_reason="申请人身患重病，医疗费用远超标准",
    )
    assert (first["step"], first["awaiting_second_approval"]) == ("reviewed", True)
    assert listed(first) == [("approve", "relief_four_eyes"), ("reject", None)]
    assert_problem(await r.step(s.leader, app_id, "approve"), 409, "relief_four_eyes")

    second = (await r.get(s.leader2, f"/{app_id}")).json()
    assert listed(second) == [("approve", None), ("reject", None)]
    assert (await r.ok(s.leader2, app_id, "approve"))["step"] == "approved"


async def test_a_grant_elsewhere_in_the_case_is_listed_as_a_blocked_approval(
    world: World, move_clock: MoveClock
) -> None:
    r = await relief_scene(world)
    s = r.s
    move_clock(beijing("2026-11-02"))
    first = (await r.create())["id"]
    second = (await r.create(s.leader2))["id"]
    await r.to_reviewed(first)
    await r.ok(s.leader2, second, "submit")
    await r.ok(s.office, second, "unit-opinion")
    await r.ok(s.office, second, "review")
    other = await r.petitioner(s.office, s.case_id)
    third = (await r.create(applicant_petitioner_id=str(other)))["id"]
    await r.to_reviewed(third)
    await r.ok(s.leader, first, "approve", **AMOUNT)

    page = (await r.get(s.leader, case_id=str(s.case_id))).json()["items"]
    by_id = {a["id"]: listed(a) for a in page}
    assert by_id[second] == [("approve", "relief_already_granted"), ("reject", None)]
    assert by_id[third] == [("approve", None), ("reject", None)]  # another petitioner
    assert by_id[first] == [("disburse", None)]
    assert listed((await r.get(s.leader, f"/{second}")).json()) == by_id[second]
    assert_problem(
        await r.step(s.leader, second, "approve", **AMOUNT), 409, "relief_already_granted"
    )

    # Four eyes is checked first, by the endpoint and in the list alike.
    theirs = (await r.get(s.leader2, f"/{second}")).json()
    assert listed(theirs) == [("approve", "relief_four_eyes"), ("reject", None)]
    assert_problem(await r.step(s.leader2, second, "approve", **AMOUNT), 409, "relief_four_eyes")


def test_each_blocker_is_the_code_of_the_problem_it_stands_for() -> None:
    assert set(BLOCKERS) == set(get_args(Blocker))
    for code, problem in BLOCKERS.items():
        assert problem.code == code
