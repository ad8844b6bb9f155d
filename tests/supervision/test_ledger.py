"""The case ledger and the dashboard see the deadlines: `overdue` and `due_before` filters, each
case's next deadline, and the summary's counts of every kind."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from anjie.core import clock
from tests.cases.support import bureau, case_body
from tests.factories import World


@pytest.fixture
def at() -> Iterator[Any]:
    def move(day: date) -> None:
        moment = clock.noon_in_shanghai(day)
        clock.set_clock(lambda: moment)

    try:
        yield move
    finally:
        clock.set_clock(None)


async def test_the_ledger_filters_and_shows_the_next_deadline(world: World, at: Any) -> None:
    at(date(2026, 3, 2))
    b = await bureau(world)
    created = []
    for day in ("2026-03-02", "2026-02-20"):
        body = case_body(b.campaign_id, registered_on=day)
        response = await world.client.post("/api/v1/cases", json=body, headers=world.auth(b.office))
        assert response.status_code == 201, response.text
        created.append(response.json())
    fresh, older = created
    # Registered 20 February: its plan was due 9 March (7 March is a Saturday), so on
    # 10 March it is overdue; the other's is due 17 March.
    at(date(2026, 3, 10))
    headers = world.auth(b.office)

    listed = await world.client.get("/api/v1/cases", headers=headers, params={"overdue": "true"})
    assert listed.status_code == 200, listed.text
    assert [c["id"] for c in listed.json()["items"]] == [older["id"]]
    soon = await world.client.get(
        "/api/v1/cases", headers=headers, params={"due_before": "2026-03-18"}
    )
    assert {c["id"] for c in soon.json()["items"]} == {fresh["id"], older["id"]}
    none = await world.client.get(
        "/api/v1/cases", headers=headers, params={"due_before": "2026-03-09"}
    )
    assert none.json()["items"] == []

    detail = await world.client.get(f"/api/v1/cases/{fresh['id']}", headers=headers)
    nxt = detail.json()["next_deadline"]
    assert (nxt["kind"], nxt["due_at"], nxt["overdue"]) == (
        "plan_submission",
        "2026-03-17T15:59:59Z",
        False,
    )

    summary = await world.client.get("/api/v1/reports/summary", headers=headers)
    assert summary.status_code == 200, summary.text
    counts = summary.json()["deadlines"]
    assert (counts["overdue"], counts["due_soon"]) == (1, 0)
    # Another unit's office counts none of them.
    other = await world.client.get("/api/v1/reports/summary", headers=world.auth(b.office_b))
    assert other.json()["deadlines"] == {"overdue": 0, "due_soon": 0}


@pytest.mark.parametrize("params", [{"overdue": "maybe"}, {"due_before": "2026-13-01"}])
async def test_bad_deadline_filters_on_the_ledger_are_422(
    world: World, params: dict[str, str]
) -> None:
    b = await bureau(world)
    response = await world.client.get("/api/v1/cases", headers=world.auth(b.office), params=params)
    assert response.status_code == 422
