"""The list costs the same number of SQL statements for 10 cases as for 200 (no N+1)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event

from tests.cases.support import CASES, bureau, insert_cases
from tests.factories import World


async def _statements_for(world: World, app: Any, user: Any, limit: int) -> tuple[int, int]:
    executed: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        executed.append(statement)

    engine = app.state.db.engine.sync_engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        response = await world.client.get(CASES, params={"limit": limit}, headers=world.auth(user))
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert all(item["petitioners"] and item["responsible_person"] for item in items)
    assert all(item["receiving_organs"] and item["procedures"] for item in items)
    return len(items), len(executed)


@pytest.mark.slow
async def test_statement_count_does_not_grow_with_the_page(world: World, app: Any) -> None:
    b = await bureau(world)
    await insert_cases(world.conn, b.a, b.campaign_id, 10, person=b.officer, prefix="TEN")
    small_items, small = await _statements_for(world, app, b.office, 10)
    await insert_cases(
        world.conn, b.a, b.campaign_id, 190, person=b.officer, prefix="MORE", first_seq=11
    )
    large_items, large = await _statements_for(world, app, b.office, 200)
    assert (small_items, large_items) == (10, 200)
    assert small == large, (small, large)
    # auth, page, organs, procedures, petitioners, holders, next deadlines
    assert small <= 9, small
