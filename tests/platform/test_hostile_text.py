"""Text a person did not type (issue 14, smaller items): control characters and bidi overrides
are refused at the field that carries them; a phone number must be one a phone can dial."""

from __future__ import annotations

from typing import Any

import pytest

from tests.cases.support import ID_1234, PETITIONERS, PHONE, bureau
from tests.factories import World
from tests.platform.problem_json import assert_problem, pointers


async def _post(world: World, **fields: Any) -> Any:
    b = await bureau(world)
    body = {"name": "王某某", "id_number": ID_1234, "phone": PHONE, **fields}
    response = await world.client.post(PETITIONERS, json=body, headers=world.auth(b.office))
    count = await world.conn.fetchval("SELECT count(*) FROM petitioner")
    return response, count


@pytest.mark.parametrize(
    "name",
    [
        "王\u202e某某",  # right-to-left override: shows the name reversed
        "王\u2066某\u2069",  # isolates
        "王\x1b[31m某",  # an ANSI escape
        "王\x85某",  # C1 next-line
        "王\x7f某",
    ],
)
async def test_control_and_bidi_characters_are_422_at_their_field(world: World, name: str) -> None:
    response, count = await _post(world, name=name)
    assert_problem(response, 422, "validation_failed")
    assert pointers(response.json()) == ["#/name"]
    assert response.json()["errors"][0]["code"] == "control_character"
    assert count == 0


async def test_tabs_and_newlines_stay_allowed(world: World) -> None:
    response, count = await _post(world, name="王某某", address="四川省\n清溪县\t城关镇")
    assert response.status_code == 201, response.text
    assert count == 1


@pytest.mark.parametrize("phone", ["1381234567", "0831123456", "23456", "10012345678"])
async def test_phone_numbers_no_phone_can_dial_are_refused(world: World, phone: str) -> None:
    response, count = await _post(world, phone=phone)
    assert_problem(response, 422, "validation_failed")
    assert pointers(response.json()) == ["#/phone"]
    assert count == 0


@pytest.mark.parametrize(
    "phone", ["13812345678", "138-1234-5678", "+86 138 1234 5678", "0831-1234567", "028 8765 4321"]
)
async def test_mobile_and_landline_numbers_pass(world: World, phone: str) -> None:
    response, count = await _post(world, phone=phone)
    assert response.status_code == 201, response.text
    assert count == 1
