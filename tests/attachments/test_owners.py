"""The owner registry: other domains make their objects attachable by registering a resolver;
until then their owner type is refused with a clear 422."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.attachments import owners
from anjie.attachments.models import OWNER_TYPES
from anjie.attachments.owners import OwnerType
from anjie.cases.access import get_visible_case
from anjie.core.errors import NotFound
from tests.attachments.support import PNG, Bench
from tests.platform.problem_json import assert_problem


@pytest.mark.usefixtures("without_check_ins")
async def test_an_unregistered_owner_type_is_422_and_nothing_is_written(b: Bench) -> None:
    response = await b.upload(b.officer, PNG, owner_type="check_in", owner_id=uuid.uuid4())
    body = assert_problem(response, 422, "owner_type_unavailable")
    assert body["errors"] == [
        {
            "pointer": "#/owner_type",
            "detail": "暂不能为此类对象上传附件",
            "code": "owner_type_unavailable",
        }
    ]
    english = await b.upload(
        b.officer, PNG, owner_type="check_in", owner_id=uuid.uuid4(), lang="en"
    )
    assert english.json()["errors"][0]["detail"].startswith("Attachments cannot be added")
    assert (await b.rows(), await b.audits(), b.blobs(), b.leftovers()) == (0, 0, [], [])


async def test_an_unknown_owner_type_is_a_validation_error(b: Bench) -> None:
    response = await b.upload(b.officer, PNG, owner_type="petitioner")
    body = assert_problem(response, 422, "validation_failed")
    assert [e["pointer"] for e in body["errors"]] == ["#/owner_type"]


async def test_a_registered_owner_type_is_scoped_by_its_resolver(b: Bench) -> None:
    """What the hearings (relief, check-ins) domain does: map its id to the case, or 404."""
    hearing_id = uuid.uuid4()

    class HearingNotFound(NotFound):
        code = "hearing_not_found"

    async def hearing_case(
        session: AsyncSession, principal: Principal, owner_id: uuid.UUID
    ) -> uuid.UUID:
        if owner_id != hearing_id:
            raise HearingNotFound()
        # A real resolver loads the hearing in the caller's scope; its case decides.
        return (await get_visible_case(session, principal, b.case_id)).id

    # The registry is this test's copy (conftest): replace whatever hearings registered.
    owners._resolvers.pop(OwnerType.hearing, None)
    owners.register(OwnerType.hearing, hearing_case)
    response = await b.upload(b.officer, PNG, owner_type="hearing", owner_id=hearing_id)
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["owner_type"], body["owner_id"], body["case_id"]) == (
        "hearing",
        str(hearing_id),
        str(b.case_id),
    )
    assert_problem(
        await b.upload(b.officer, PNG, owner_type="hearing", owner_id=uuid.uuid4()),
        404,
        "hearing_not_found",
    )
    # The hearing's attachment is scoped like its case.
    assert_problem(await b.get(b.s.stranger, f"/{body['id']}"), 404)
    assert_problem(
        await b.upload(b.s.stranger, PNG, owner_type="hearing", owner_id=hearing_id),
        404,
        "case_not_found",
    )
    listed = await b.get(b.observer, "", owner_type="hearing", owner_id=str(hearing_id))
    assert [a["id"] for a in listed.json()["items"]] == [body["id"]]


def test_registration_rules() -> None:
    async def one(session: AsyncSession, principal: Principal, owner_id: uuid.UUID) -> uuid.UUID:
        return owner_id

    async def other(session: AsyncSession, principal: Principal, owner_id: uuid.UUID) -> uuid.UUID:
        return owner_id

    owners._resolvers.pop(OwnerType.relief_application, None)
    assert not owners.is_registered("relief_application")
    owners.register("relief_application", one)
    owners.register(OwnerType.relief_application, one)  # idempotent
    assert owners.is_registered(OwnerType.relief_application)
    with pytest.raises(ValueError, match="already registered"):
        owners.register(OwnerType.relief_application, other)
    with pytest.raises(ValueError):
        owners.register("petitioner", one)
    assert owners.is_registered("case")


def test_the_enum_and_the_tables_check_agree() -> None:
    assert tuple(OwnerType) == OWNER_TYPES
