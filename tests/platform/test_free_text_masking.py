"""Numbers typed into free text are masked for a caller who may not reveal personal data, in
every JSON answer — the field-by-field masks cannot see them."""

from __future__ import annotations

from anjie.core.masking import mask_free_text
from tests.cases.support import bureau, case_body, fresh_id_number
from tests.factories import World


def test_the_patterns_mask_id_and_phone_numbers_and_nothing_else() -> None:
    text = "身份证510106198001011234，手机13812345678，座机028-86001234，旧证510106800101123"
    masked = mask_free_text(text)
    for secret in ("510106198001011234", "13812345678", "028-86001234", "510106800101123"):
        assert secret not in masked
    assert "510***********1234" in masked and "138****5678" in masked
    for kept in ("QX-SFJ-2010-0001", "2026-03-17T15:59:59Z", "20000.00", "清司复〔2008〕3号"):
        assert mask_free_text(kept) == kept


async def test_an_observer_reads_demands_with_the_numbers_masked(world: World) -> None:
    b = await bureau(world)
    number = fresh_id_number()
    demands = f"要求撤销公证书；信访人身份证号{number}，联系电话13912345678"
    body = case_body(b.campaign_id, demands=demands)
    created = await world.client.post("/api/v1/cases", json=body, headers=world.auth(b.office))
    assert created.status_code == 201, created.text
    case_id = created.json()["id"]

    as_office = await world.client.get(f"/api/v1/cases/{case_id}", headers=world.auth(b.office))
    assert as_office.json()["demands"] == demands
    as_observer = await world.client.get(f"/api/v1/cases/{case_id}", headers=world.auth(b.observer))
    assert as_observer.status_code == 200
    shown = as_observer.json()["demands"]
    assert number not in shown and "13912345678" not in shown
    assert f"{number[:3]}***********{number[-4:]}" in shown and "139****5678" in shown
    assert int(as_observer.headers["content-length"]) == len(as_observer.content)
    # Lists too.
    listed = await world.client.get("/api/v1/cases", headers=world.auth(b.observer))
    assert all(number not in c["demands"] for c in listed.json()["items"])


def test_identifiers_that_hold_digit_runs_are_left_alone() -> None:
    for kept in (
        "69ca3f166f024d2da086299160287a4e",  # a request id
        "01a23578-b526-7af5-85ca-138123456789",  # a UUID whose last group is digits
        "a13812345678b",
        "QX-SFJ-2010-13812345678",
    ):
        assert mask_free_text(kept) == kept
