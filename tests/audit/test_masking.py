"""No personal data in clear and no secrets in the audit trail."""

from __future__ import annotations

import json
from typing import Any

from anjie.audit import service
from anjie.audit.service import Actor
from anjie.core.masking import redact
from tests.audit.helpers import NEW_PASSWORD, audit_rows, create_user, list_all, top_admin, verify
from tests.factories import PASSWORD, World

ID_NUMBER = "510104199001011234"
PHONE = "13812345678"
SECRETS = ("hunter2-hunter2", "eyJhbGciOi.secret.token", "s3cr3t-value", "opaque-key-value")


def test_redact_masks_id_numbers_and_phones() -> None:
    assert redact({"id_number": ID_NUMBER}) == {"id_number": "510***********1234"}
    assert redact({"phone": PHONE}) == {"phone": "138****5678"}
    assert redact({"mobile": PHONE, "petitioner_id_number": ID_NUMBER}) == {
        "mobile": "138****5678",
        "petitioner_id_number": "510***********1234",
    }
    nested = redact({"petitioners": [{"name": "张三", "id_number": ID_NUMBER, "phone": PHONE}]})
    assert nested == {
        "petitioners": [{"name": "张三", "id_number": "510***********1234", "phone": "138****5678"}]
    }


def test_redact_drops_secret_values() -> None:
    data = {
        "password": SECRETS[0],
        "new_password": SECRETS[0],
        "access_token": SECRETS[1],
        "client_secret": SECRETS[2],
        "api_key": SECRETS[3],
        "password_hash": "$argon2id$v=19$m=65536,t=3,p=4$abc$def",
        "nested": [{"refresh_token": SECRETS[1]}],
        "user_id": "kept-because-it-is-an-id",
        "name": "张三",
    }
    out = redact(data)
    text = json.dumps(out, ensure_ascii=False)
    for secret in (*SECRETS, "$argon2"):
        assert secret not in text
    assert out["user_id"] == "kept-because-it-is-an-id"
    assert out["name"] == "张三"
    assert redact({"password": None}) == {"password": None}
    assert data["password"] == SECRETS[0], "redact must not change its input"


async def test_recorded_snapshots_are_masked_in_the_row_and_in_the_api(
    world: World, app: Any
) -> None:
    province, admin = await top_admin(world)
    async with app.state.db.sessionmaker() as session, session.begin():
        await service.record(
            session,
            Actor.system(),
            "petitioner.update",
            entity_type="petitioner",
            org_path=province.path,
            before={"id_number": ID_NUMBER, "phone": PHONE},
            after={"id_number": ID_NUMBER, "phone": PHONE, "password": SECRETS[0]},
        )
    row = (await audit_rows(world.conn))[0]
    raw = row["before"] + row["after"]
    for clear in (ID_NUMBER, PHONE, SECRETS[0]):
        assert clear not in raw
    assert "510***********1234" in raw and "138****5678" in raw

    item = (await list_all(world, admin))[0]
    assert item["after"]["id_number"] == "510***********1234"
    assert item["after"]["phone"] == "138****5678"
    assert item["after"]["password"] != SECRETS[0]
    assert (await verify(world, admin))["ok"] is True


async def test_no_password_or_hash_reaches_the_trail(world: World) -> None:
    wrong_password = "wrong-but-long-password"
    province, admin = await top_admin(world)
    created = await create_user(world, admin, province, "zhaoliu", "officer", password=PASSWORD)
    assert created.status_code == 201, created.text
    user_id = created.json()["id"]

    assert (await world.login("zhaoliu")).status_code == 200
    assert (await world.login("zhaoliu", wrong_password)).status_code == 401
    reset = await world.client.post(
        f"/api/v1/users/{user_id}/password-reset",
        json={"new_password": NEW_PASSWORD},
        headers=world.auth(admin),
    )
    assert reset.status_code == 204, reset.text
    token = (await world.login("zhaoliu", NEW_PASSWORD)).json()["access_token"]
    changed = await world.client.post(
        "/api/v1/auth/password",
        json={"current_password": NEW_PASSWORD, "new_password": PASSWORD + "-again"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert changed.status_code == 204, changed.text

    rows = await audit_rows(world.conn)
    assert {r["action"] for r in rows} >= {
        "user.create",
        "auth.login",
        "auth.login_failed",
        "user.reset_password",
        "auth.password_change",
    }
    trail = json.dumps([dict(r) for r in rows], default=str, ensure_ascii=False)
    for secret in (PASSWORD, wrong_password, NEW_PASSWORD, "$argon2", token):
        assert secret not in trail
    api = json.dumps(await list_all(world, admin), ensure_ascii=False)
    for secret in (PASSWORD, wrong_password, NEW_PASSWORD, "$argon2", token):
        assert secret not in api
    # The account snapshot is there, only without secrets.
    create = next(r for r in rows if r["action"] == "user.create")
    assert json.loads(create["after"])["username"] == "zhaoliu"
