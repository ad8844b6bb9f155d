"""The working-day calendar over HTTP: the package's years, unknown years as a clear 409, and an
admin entering next year's State Council arrangement.

Expected 2026 dates are the State Council arrangement as carried by chinesecalendar 1.11.0 (see
test_calendar.py). The 2027 arrangement below is made up for the test; only its shape matters.
"""

from __future__ import annotations

from typing import Any

from tests import factories
from tests.factories import World
from tests.platform.problem_json import assert_one_audit, assert_problem, last_audit_id, pointers

YEARS = "/api/v1/calendar/years"
WORKING_DAYS = "/api/v1/calendar/working-days"

ARRANGEMENT_2027: dict[str, Any] = {
    "notice_reference": "国办发明电〔2026〕7号",
    "holidays": [
        {"day": "2027-01-01", "name": "元旦"},  # Friday
        {"day": "2027-01-04", "name": "元旦"},  # Monday
        {"day": "2027-01-05", "name": "元旦"},  # Tuesday
    ],
    "workdays": [{"day": "2027-01-10", "name": "元旦"}],  # Sunday, worked
}


async def _user(world: World, *roles: str) -> factories.TestUser:
    _, bureau, _ = await world.county()
    return await world.user(bureau, *roles)


def _days(body: dict[str, Any]) -> dict[str, tuple[bool, str | None]]:
    return {d["day"]: (d["is_workday"], d["name"]) for d in body["days"]}


async def test_2026_lists_holidays_and_working_weekends(world: World) -> None:
    officer = await _user(world, "officer")
    response = await world.client.get(f"{YEARS}/2026", headers=world.auth(officer))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["year"] == 2026 and body["source"] == "package"
    days = _days(body)
    # Spring Festival: weekday holidays, and the two adjusted working Saturdays.
    for day in ("2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"):
        assert days[day] == (False, "Spring Festival"), day
    assert days["2026-02-23"] == (False, "Spring Festival")
    assert days["2026-02-14"] == (True, "Spring Festival")
    assert days["2026-02-28"] == (True, "Spring Festival")
    # National Day: weekday holidays; worked Sunday 09-20 and Saturday 10-10.
    for day in ("2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"):
        assert days[day] == (False, "National Day"), day
    assert days["2026-09-20"] == (True, "National Day")
    assert days["2026-10-10"] == (True, "National Day")
    # Only exceptions are listed: no ordinary weekday, no ordinary weekend, no weekend holiday.
    assert "2026-03-02" not in days and "2026-03-01" not in days
    assert "2026-02-15" not in days  # a Sunday inside the holiday is still just a Sunday
    assert list(days) == sorted(days)


async def test_unknown_year_is_409_not_a_guess(world: World) -> None:
    officer = await _user(world, "officer")
    response = await world.client.get(f"{YEARS}/2027", headers=world.auth(officer))
    body = assert_problem(response, 409, "calendar_year_unknown")
    assert "2027" in body["detail"] and "国务院" in body["detail"]
    english = await world.client.get(
        f"{YEARS}/2027", headers={**world.auth(officer), "Accept-Language": "en"}
    )
    assert "State Council" in assert_problem(english, 409)["detail"]
    for params in ({"start": "2027-01-01", "days": "3"}, {"start": "2026-12-28", "days": "10"}):
        response = await world.client.get(WORKING_DAYS, headers=world.auth(officer), params=params)
        assert_problem(response, 409, "calendar_year_unknown")
    # Before the package's first year is unknown too, and so is the end of the date range.
    assert_problem(await world.client.get(f"{YEARS}/2003", headers=world.auth(officer)), 409)
    for params in ({"start": "9999-12-31", "days": "1"}, {"start": "0001-01-01", "days": "0"}):
        response = await world.client.get(WORKING_DAYS, headers=world.auth(officer), params=params)
        assert_problem(response, 409, "calendar_year_unknown")


async def test_working_days_over_the_package_year(world: World) -> None:
    officer = await _user(world, "officer")
    cases = [
        ("2026-09-30", 1, "2026-10-08"),  # across National Day
        ("2026-02-13", 1, "2026-02-14"),  # adjusted working Saturday
        ("2026-02-15", 0, "2026-02-24"),  # 0 days from a holiday: the next working day
        ("2026-03-02", 0, "2026-03-02"),
    ]
    for start, days, result in cases:
        response = await world.client.get(
            WORKING_DAYS, headers=world.auth(officer), params={"start": start, "days": str(days)}
        )
        assert response.status_code == 200, response.text
        assert response.json() == {
            "start": start,
            "days": days,
            "result": result,
            "due_at": f"{result}T23:59:59+08:00",
        }


async def test_admin_enters_2027(world: World) -> None:
    admin = await _user(world, "admin")
    mark = await last_audit_id(world.conn)
    response = await world.client.put(
        f"{YEARS}/2027", headers=world.auth(admin), json=ARRANGEMENT_2027
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["source"] == "override"
    assert body["notice_reference"] == ARRANGEMENT_2027["notice_reference"]
    expected = {
        "2027-01-01": (False, "元旦"),
        "2027-01-04": (False, "元旦"),
        "2027-01-05": (False, "元旦"),
        "2027-01-10": (True, "元旦"),
    }
    assert _days(body) == expected
    await assert_one_audit(world.conn, mark, "calendar.enter_year", "2027")

    officer = await world.user(admin.unit, "officer")
    again = await world.client.get(f"{YEARS}/2027", headers=world.auth(officer))
    assert again.status_code == 200 and again.json() == body

    async def add(start: str, days: int) -> dict[str, Any]:
        params = {"start": start, "days": str(days)}
        response = await world.client.get(WORKING_DAYS, headers=world.auth(officer), params=params)
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    # From Thu 2026-12-31: Fri 01-01 holiday, weekend, Mon/Tue holidays → Wed 01-06 is day 1.
    assert (await add("2026-12-31", 1))["result"] == "2027-01-06"
    assert (await add("2026-12-31", 3))["result"] == "2027-01-08"
    worked_sunday = await add("2026-12-31", 4)
    assert worked_sunday["result"] == "2027-01-10"
    assert worked_sunday["due_at"] == "2027-01-10T23:59:59+08:00"
    assert (await add("2027-01-10", 1))["result"] == "2027-01-11"
    # The rest of an entered year is Monday to Friday.
    assert (await add("2027-06-04", 1))["result"] == "2027-06-07"
    # 2028 is still unknown.
    response = await world.client.get(
        WORKING_DAYS, headers=world.auth(officer), params={"start": "2027-12-30", "days": "5"}
    )
    assert_problem(response, 409, "calendar_year_unknown")


async def test_re_entering_a_year_replaces_it(world: World) -> None:
    admin = await _user(world, "admin")
    first = await world.client.put(
        f"{YEARS}/2027", headers=world.auth(admin), json=ARRANGEMENT_2027
    )
    assert first.status_code == 200, first.text
    corrected = {"holidays": [{"day": "2027-01-01", "name": "元旦"}], "workdays": []}
    response = await world.client.put(f"{YEARS}/2027", headers=world.auth(admin), json=corrected)
    assert response.status_code == 200, response.text
    assert _days(response.json()) == {"2027-01-01": (False, "元旦")}
    assert response.json()["notice_reference"] is None
    stored = await world.conn.fetch("SELECT day FROM calendar_day ORDER BY day")
    assert [str(r["day"]) for r in stored] == ["2027-01-01"]
    params = {"start": "2026-12-31", "days": "1"}
    added = await world.client.get(WORKING_DAYS, headers=world.auth(admin), params=params)
    assert added.json()["result"] == "2027-01-04"


async def test_only_admins_enter_years(world: World) -> None:
    for role in ("leader", "office", "officer", "observer"):
        caller = await _user(world, role)
        response = await world.client.put(
            f"{YEARS}/2027", headers=world.auth(caller), json=ARRANGEMENT_2027
        )
        assert_problem(response, 403, "forbidden")
    assert await world.conn.fetchval("SELECT count(*) FROM calendar_year") == 0


async def test_bad_arrangements_are_422_and_change_nothing(world: World) -> None:
    admin = await _user(world, "admin")
    outside = {"holidays": [{"day": "2028-01-03"}], "workdays": []}
    twice = {"holidays": [{"day": "2027-01-01"}], "workdays": [{"day": "2027-01-01"}]}
    for arrangement in (outside, twice):
        response = await world.client.put(
            f"{YEARS}/2027", headers=world.auth(admin), json=arrangement
        )
        assert_problem(response, 422, "calendar_arrangement_invalid")
    missing = await world.client.put(f"{YEARS}/2027", headers=world.auth(admin), json={})
    assert set(pointers(assert_problem(missing, 422))) == {"#/holidays", "#/workdays"}
    bad_day = {"holidays": [{"day": "2027-02-30"}], "workdays": []}
    response = await world.client.put(f"{YEARS}/2027", headers=world.auth(admin), json=bad_day)
    assert pointers(assert_problem(response, 422)) == ["#/holidays/0/day"]
    response = await world.client.put(f"{YEARS}/1999", headers=world.auth(admin), json=outside)
    assert_problem(response, 422)
    assert await world.conn.fetchval("SELECT count(*) FROM calendar_year") == 0
    assert await world.conn.fetchval("SELECT count(*) FROM calendar_day") == 0
    assert_problem(await world.client.get(f"{YEARS}/2027", headers=world.auth(admin)), 409)


async def test_day_counts_are_bounded(world: World) -> None:
    officer = await _user(world, "officer")
    for days in ("100000", "-1", "3661", "1.5", "many"):
        response = await world.client.get(
            WORKING_DAYS, headers=world.auth(officer), params={"start": "2026-01-05", "days": days}
        )
        body = assert_problem(response, 422, "validation_failed")
        assert body["errors"][0]["parameter"] == "query:days"
    response = await world.client.get(WORKING_DAYS, headers=world.auth(officer))
    assert {e["parameter"] for e in assert_problem(response, 422)["errors"]} == {
        "query:start",
        "query:days",
    }
