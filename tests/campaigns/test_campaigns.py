from __future__ import annotations

from datetime import date

from anjie.core import clock
from tests.factories import World

SEED = {
    "name": "集中清理涉法涉诉信访积案专项活动",
    "document_reference": "清司发〔2010〕18号",
    "cutoff_date": "2009-12-31",
    "resolution_target": "2010-12-31",
    "self_inspection_due": "2011-10-01",
    "phases": [
        {"phase": "mobilisation", "starts_on": "2010-05-15", "ends_on": "2010-05-30"},
        {"phase": "census", "starts_on": "2010-05-31", "ends_on": "2010-06-25"},
        {"phase": "concentrated_resolution", "starts_on": "2010-07-01", "ends_on": "2010-12-31"},
        {"phase": "summary_acceptance", "starts_on": "2011-09-01", "ends_on": "2011-12-31"},
    ],
}


async def test_office_creates_and_everyone_below_reads(world: World) -> None:
    county, bureau, sibling = await world.county()
    office = await world.user(bureau, "office")
    section = await world.unit("城关司法所", bureau, kind="judicial_office")
    officer = await world.user(section, "officer")
    observer = await world.user(county, "observer")
    stranger = await world.user(sibling, "office")

    created = await world.client.post("/api/v1/campaigns", json=SEED, headers=world.auth(office))
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["cutoff_date"] == "2009-12-31"
    assert [p["phase"] for p in body["phases"]] == [p["phase"] for p in SEED["phases"]]  # type: ignore[index]
    campaign_id = body["id"]

    for reader in (officer, observer):  # a unit below and a unit above both see it
        got = await world.client.get(f"/api/v1/campaigns/{campaign_id}", headers=world.auth(reader))
        assert got.status_code == 200
    hidden = await world.client.get(
        f"/api/v1/campaigns/{campaign_id}", headers=world.auth(stranger)
    )
    assert hidden.status_code == 404
    listed = await world.client.get("/api/v1/campaigns", headers=world.auth(stranger))
    assert listed.json()["items"] == []


async def test_current_phase_follows_the_clock(world: World) -> None:
    _, bureau, _ = await world.county()
    office = await world.user(bureau, "office")
    created = await world.client.post("/api/v1/campaigns", json=SEED, headers=world.auth(office))
    campaign_id = created.json()["id"]
    try:
        clock.set_clock(lambda: clock.noon_in_shanghai(date(2010, 6, 20)))
        got = await world.client.get(f"/api/v1/campaigns/{campaign_id}", headers=world.auth(office))
        assert got.json()["current_phase"] == "census"
        clock.set_clock(lambda: clock.noon_in_shanghai(date(2011, 9, 30)))
        got = await world.client.get(f"/api/v1/campaigns/{campaign_id}", headers=world.auth(office))
        assert got.json()["current_phase"] == "summary_acceptance"
    finally:
        clock.set_clock(None)


async def test_update_needs_if_match_and_only_issuers_write(world: World) -> None:
    _, bureau, _ = await world.county()
    office = await world.user(bureau, "office")
    section = await world.unit("基层股", bureau, kind="section")
    section_office = await world.user(section, "office")
    officer = await world.user(bureau, "officer")
    created = await world.client.post("/api/v1/campaigns", json=SEED, headers=world.auth(office))
    url = f"/api/v1/campaigns/{created.json()['id']}"

    no_match = await world.client.patch(url, json={"name": "新名称"}, headers=world.auth(office))
    assert no_match.status_code == 428
    ok = await world.client.patch(
        url, json={"name": "新名称"}, headers={**world.auth(office), "If-Match": '"1"'}
    )
    assert ok.status_code == 200, ok.text
    assert ok.json()["version"] == 2
    stale = await world.client.patch(
        url, json={"name": "再改"}, headers={**world.auth(office), "If-Match": '"1"'}
    )
    assert stale.status_code == 412
    # Visible from below, but not theirs to change.
    below = await world.client.patch(
        url, json={"name": "越权"}, headers={**world.auth(section_office), "If-Match": '"2"'}
    )
    assert below.status_code == 404
    forbidden = await world.client.post("/api/v1/campaigns", json=SEED, headers=world.auth(officer))
    assert forbidden.status_code == 403


async def test_bad_campaigns_are_refused(world: World) -> None:
    _, bureau, _ = await world.county()
    office = await world.user(bureau, "office")
    twice = {**SEED, "phases": [SEED["phases"][0], SEED["phases"][0]]}  # type: ignore[index]
    backwards = {
        **SEED,
        "phases": [{"phase": "census", "starts_on": "2010-06-25", "ends_on": "2010-05-31"}],
    }
    for body in (twice, backwards, {**SEED, "name": "a\u0000b"}, {**SEED, "cutoff_date": "x"}):
        response = await world.client.post(
            "/api/v1/campaigns", json=body, headers=world.auth(office)
        )
        assert response.status_code == 422, response.text
        assert response.headers["content-type"] == "application/problem+json"
    count = await world.conn.fetchval("SELECT count(*) FROM campaign")
    assert count == 0
