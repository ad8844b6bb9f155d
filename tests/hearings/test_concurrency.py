"""Two bookings racing for the same official or room: exactly one wins, the other is told why."""

from __future__ import annotations

import asyncio

from tests.factories import World
from tests.hearings.support import HEARINGS, hearing_scene, in_days, iso
from tests.platform.problem_json import assert_problem


async def test_concurrent_bookings_of_one_official_let_exactly_one_through(world: World) -> None:
    h = await hearing_scene(world)
    for round_ in range(3):
        starts = iso(in_days(10 + round_))
        # Same chair and time, different rooms: only the official can clash.
        bodies = [
            h.body(starts_at=starts, place=f"第{round_}-{i}调解室", participants=[])
            for i in range(2)
        ]
        responses = await asyncio.gather(
            *(world.client.post(HEARINGS, json=b, headers=world.auth(h.s.office)) for b in bodies)
        )
        codes = sorted(r.status_code for r in responses)
        assert codes == [201, 409], [r.text for r in responses]
        loser = next(r for r in responses if r.status_code == 409)
        winner = next(r for r in responses if r.status_code == 201).json()
        body = assert_problem(loser, 409, "hearing_conflict")
        assert [(c["resource"], c["hearing_id"]) for c in body["conflicts"]] == [
            ("official", winner["id"])
        ]
    assert await h.s.conn.fetchval("SELECT count(*) FROM hearing") == 3


async def test_concurrent_bookings_of_one_room_let_exactly_one_through(world: World) -> None:
    h = await hearing_scene(world)
    chairs = [h.chair, h.s.leader, await world.user(h.s.bureau, "leader")]
    bodies = [
        h.body(chair_user_id=str(chair.id), place="听证大厅", participants=[]) for chair in chairs
    ]
    responses = await asyncio.gather(
        *(world.client.post(HEARINGS, json=b, headers=world.auth(h.s.office)) for b in bodies)
    )
    assert sorted(r.status_code for r in responses) == [201, 409, 409], [r.text for r in responses]
    assert await h.s.conn.fetchval("SELECT count(*) FROM hearing") == 1
