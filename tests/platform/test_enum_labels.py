"""The web app's enum labels are the server's: the file `anjie openapi` generated for it is what
`/meta/enums` serves, so a label changed on either side alone fails here (and `--check` fails
when the file was not regenerated)."""

from __future__ import annotations

import json

import pytest

from anjie.cli import ENUM_LABELS_FILE
from tests.factories import World


@pytest.mark.parametrize("language", ["zh-CN", "en"])
async def test_meta_enums_equal_the_generated_file(world: World, language: str) -> None:
    _, bureau, _ = await world.county()
    observer = await world.user(bureau, "observer")
    headers = {**world.auth(observer), "Accept-Language": language}
    response = await world.client.get("/api/v1/meta/enums", headers=headers)
    assert response.status_code == 200, response.text
    generated = json.loads(ENUM_LABELS_FILE.read_text(encoding="utf-8"))
    # Both labels whatever the caller's language, in the same order: the file is the response.
    assert list(response.json()) == list(generated)
    assert response.json() == generated


def test_every_value_has_both_labels() -> None:
    generated = json.loads(ENUM_LABELS_FILE.read_text(encoding="utf-8"))
    assert generated, "no enum labels generated"
    for name, items in generated.items():
        values = [item["value"] for item in items]
        assert len(values) == len(set(values)), name
        for item in items:
            assert set(item) == {"value", "zh-CN", "en"}, (name, item)
            assert item["zh-CN"].strip() and item["en"].strip(), (name, item)
