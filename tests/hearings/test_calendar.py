"""The personal iCalendar feed: one opaque token per user, opening that user's hearings only."""

from __future__ import annotations

import hashlib
from typing import Any

import icalendar

from tests.factories import TestUser as Account
from tests.factories import World
from tests.hearings.support import HEARINGS, HearingScene, hearing_scene, in_days, iso, utc
from tests.platform.problem_json import assert_problem

TOKEN = f"{HEARINGS}/calendar-token"
FEED = f"{HEARINGS}/calendar.ics"


async def _token(h: HearingScene, user: Account) -> str:
    response = await h.client.post(TOKEN, headers=h.s.world.auth(user))
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["feed_url"].endswith(f"{FEED}?token={body['token']}")
    token: str = body["token"]
    return token


async def _feed(h: HearingScene, token: str) -> Any:
    # No Authorization header: calendar apps only have the URL.
    response = await h.client.get(FEED, params={"token": token})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def _uids(calendar: Any) -> set[str]:
    return {str(e["UID"]) for e in calendar.walk("VEVENT")}


def _uid(hearing: dict[str, Any]) -> str:
    return f"hearing-{hearing['id']}@anjie"


async def test_the_feed_lists_my_hearings_only(world: World) -> None:
    h = await hearing_scene(world)
    me, other = h.official, await world.user(h.s.bureau, "leader")
    chaired = await h.created(chair_user_id=str(me.id), place="听证室")
    clerked = await h.created(starts_at=iso(in_days(12)), clerk_user_id=str(me.id))
    sat_in = await h.created(
        starts_at=iso(in_days(14)),
        participants=[
            {"kind": "official", "user_id": str(me.id)},
            {"kind": "petitioner", "petitioner_id": str(h.petitioner_id)},
        ],
    )
    not_mine = await h.created(starts_at=iso(in_days(16)), chair_user_id=str(other.id))
    dropped = await h.created(starts_at=iso(in_days(18)), clerk_user_id=str(me.id))
    await h.post(h.s.office, f"/{dropped['id']}/cancel", {"reason": "信访人撤回申请"})
    moved = await h.created(starts_at=iso(in_days(20)), clerk_user_id=str(me.id))
    await h.post(h.s.office, f"/{moved['id']}/postpone", {"reason": "改期"})

    calendar = await _feed(h, await _token(h, me))
    assert _uids(calendar) == {_uid(x) for x in (chaired, clerked, sat_in, moved)}
    assert _uid(not_mine) not in _uids(calendar) and _uid(dropped) not in _uids(calendar)
    event = next(e for e in calendar.walk("VEVENT") if str(e["UID"]) == _uid(chaired))
    assert event.decoded("DTSTART") == utc(chaired["starts_at"])
    assert event.decoded("DTEND") == utc(chaired["ends_at"])
    assert str(event["LOCATION"]) == "听证室"
    assert chaired["case_number"] in str(event["SUMMARY"])
    assert "主持人" in str(event["DESCRIPTION"])
    postponed = next(e for e in calendar.walk("VEVENT") if str(e["UID"]) == _uid(moved))
    assert str(postponed["STATUS"]) == "TENTATIVE"
    # The other official's feed has only their hearing.
    assert _uids(await _feed(h, await _token(h, other))) == {_uid(not_mine)}


async def test_the_feed_carries_no_petitioner_data(world: World) -> None:
    h = await hearing_scene(world)
    await h.created(chair_user_id=str(h.official.id))
    response = await h.client.get(FEED, params={"token": await _token(h, h.official)})
    text = response.content.decode()
    for secret in ("张某某", "510***********1234", "138****5678", str(h.petitioner_id)):
        assert secret not in text


async def test_tokens_are_hashed_replaced_and_revoked(world: World) -> None:
    h = await hearing_scene(world)
    first = await _token(h, h.official)
    stored = await h.s.conn.fetchval(
        "SELECT token_hash FROM hearing_calendar_token WHERE user_id = $1", h.official.id
    )
    assert stored == hashlib.sha256(first.encode()).digest()
    second = await _token(h, h.official)
    assert second != first
    assert_problem(await h.client.get(FEED, params={"token": first}), 401, "calendar_token_invalid")
    await _feed(h, second)

    revoked = await h.client.delete(TOKEN, headers=world.auth(h.official))
    assert revoked.status_code == 204
    response = await h.client.get(FEED, params={"token": second})
    assert_problem(response, 401, "calendar_token_invalid")
    assert_problem(await h.client.get(FEED, params={"token": "made-up"}), 401)
    actions = [e["action"] for e in await h.s.conn.fetch("SELECT action FROM audit_event")]
    assert actions.count("hearing.calendar_token_issue") == 2
    assert actions.count("hearing.calendar_token_revoke") == 1


async def test_the_token_opens_nothing_else(world: World) -> None:
    h = await hearing_scene(world)
    hearing = await h.created(chair_user_id=str(h.official.id))
    token = await _token(h, h.official)
    as_bearer = {"Authorization": f"Bearer {token}"}
    for path in (HEARINGS, f"{HEARINGS}/{hearing['id']}", "/api/v1/auth/me"):
        assert_problem(await h.client.get(path, headers=as_bearer), 401)
    assert_problem(await h.client.get(HEARINGS, params={"token": token}), 401)


async def test_a_disabled_account_loses_its_feed(world: World) -> None:
    h = await hearing_scene(world)
    token = await _token(h, h.official)
    await h.s.conn.execute("UPDATE app_user SET is_active = false WHERE id = $1", h.official.id)
    assert_problem(await h.client.get(FEED, params={"token": token}), 401)


async def test_the_feed_speaks_the_callers_language_not_identifiers(world: World) -> None:
    h = await hearing_scene(world)
    me = h.official
    await h.created(
        participants=[
            {"kind": "official", "user_id": str(me.id)},
            {"kind": "petitioner", "petitioner_id": str(h.petitioner_id)},
        ]
    )
    [event] = list((await _feed(h, await _token(h, me))).walk("VEVENT"))
    summary, description = str(event["SUMMARY"]), str(event["DESCRIPTION"])
    assert summary.startswith("调解 · ")
    assert "状态：已安排" in description and "我的角色：工作人员" in description
    for identifier in ("mediation", "scheduled", "official"):
        assert identifier not in summary + description
