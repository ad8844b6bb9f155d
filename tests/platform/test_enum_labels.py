"""The web app's enum labels are the server's: the generated file equals what /meta/enums serves
(the other direction, code → file, is `anjie openapi --check`)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.factories import World

GENERATED = Path(__file__).resolve().parents[2] / "frontend" / "src" / "api" / "enum-labels.json"


async def test_the_web_apps_labels_are_what_the_api_serves(world: World) -> None:
    county, _, _ = await world.county()
    reader = await world.user(county, "observer")

    response = await world.client.get("/api/v1/meta/enums", headers=world.auth(reader))

    assert response.status_code == 200, response.text
    served = response.json()
    assert served == json.loads(GENERATED.read_text(encoding="utf-8"))
    # Every value has both labels, and none is a bare identifier standing in for a label.
    for name, items in served.items():
        for item in items:
            assert item["zh-CN"] and item["en"], (name, item)
            assert item["zh-CN"] != item["value"], (name, item)
