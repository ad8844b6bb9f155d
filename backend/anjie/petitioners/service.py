"""Petitioners: personal data encrypted at rest, masked on the way out, revealed only with a
reason to those who work the person's cases — and every reveal is audited."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.policies import can_reveal_pii_of_case
from anjie.access.principal import Principal
from anjie.audit import service as audit
from anjie.core import idnumber
from anjie.core.concurrency import check_version
from anjie.core.crypto import PiiCipher
from anjie.core.ids import uuid7
from anjie.core.masking import mask_id_number, mask_phone
from anjie.core.pagination import decode_id_cursor
from anjie.orgs import repository as orgs_repo
from anjie.orgs.errors import OrgUnitNotFound
from anjie.petitioners import repository as repo
from anjie.petitioners.errors import PetitionerNotFound, RevealNotAllowed
from anjie.petitioners.models import Petitioner
from anjie.petitioners.schemas import (
    PetitionerFields,
    PetitionerListQuery,
    PetitionerOut,
    PetitionerUpdate,
    Revealed,
)


def to_out(p: Petitioner) -> PetitionerOut:
    return PetitionerOut(
        id=p.id,
        org_unit_id=p.org_unit_id,
        name=p.name,
        gender=p.gender,
        ethnicity=p.ethnicity,
        id_number=p.id_number_masked,
        phone=p.phone_masked,
        address=p.address,
        household_registration_place=p.household_registration_place,
        residence_place=p.residence_place,
        occupation=p.occupation,
        version=p.version,
        created_at=p.created_at,
        updated_at=p.updated_at,
    )


def _aad(petitioner_id: uuid.UUID, field: str) -> str:
    return f"petitioner:{petitioner_id}:{field}"


def _rekey(cipher: PiiCipher, p: Petitioner) -> None:
    """Re-encrypt every field under the active key before any one of them is rewritten.

    The row has one `pii_kid` for both ciphertexts: rewriting only the phone under a new key
    would leave the ID number sealed with a key the row no longer names.
    """
    if p.pii_kid == cipher.active_kid:
        return
    old_kid = p.pii_kid
    if p.id_number_enc is not None:
        plain = cipher.decrypt(old_kid, p.id_number_enc, _aad(p.id, "id_number"))
        p.pii_kid, p.id_number_enc = cipher.encrypt(plain, _aad(p.id, "id_number"))
    if p.phone_enc is not None:
        plain = cipher.decrypt(old_kid, p.phone_enc, _aad(p.id, "phone"))
        p.pii_kid, p.phone_enc = cipher.encrypt(plain, _aad(p.id, "phone"))
    p.pii_kid = cipher.active_kid


def _set_id_number(cipher: PiiCipher, p: Petitioner, value: str | None) -> None:
    if value is None:
        # Gender and birth date were read off the number: they go with it.
        p.id_number_enc = p.id_number_bidx = p.id_number_masked = None
        p.gender = p.birth_date = None
        return
    p.pii_kid, p.id_number_enc = cipher.encrypt(value, _aad(p.id, "id_number"))
    p.id_number_bidx = cipher.blind_index(value)
    p.id_number_masked = mask_id_number(value)
    p.gender = idnumber.gender(value)
    p.birth_date = idnumber.birth_date(value)


def _set_phone(cipher: PiiCipher, p: Petitioner, value: str | None) -> None:
    if value is None:
        p.phone_enc = p.phone_masked = None
        return
    p.pii_kid, p.phone_enc = cipher.encrypt(value, _aad(p.id, "phone"))
    p.phone_masked = mask_phone(value)


def snapshot(p: Petitioner) -> dict[str, Any]:
    """For the audit trail: masked forms only."""
    return {
        "name": p.name,
        "id_number": p.id_number_masked,
        "phone": p.phone_masked,
        "address": p.address,
        "household_registration_place": p.household_registration_place,
        "residence_place": p.residence_place,
    }


_PLAIN = (
    "name",
    "ethnicity",
    "address",
    "household_registration_place",
    "residence_place",
    "occupation",
)


async def create(
    session: AsyncSession,
    principal: Principal,
    cipher: PiiCipher,
    data: PetitionerFields,
    org_unit_id: uuid.UUID | None = None,
    *,
    case_id: uuid.UUID | None = None,
) -> Petitioner:
    unit_id = org_unit_id or getattr(data, "org_unit_id", None) or principal.org_unit_id
    unit = await orgs_repo.get_in_scope(session, unit_id, principal.org_path)
    if unit is None:
        raise OrgUnitNotFound()
    p = Petitioner(id=uuid7(), org_unit_id=unit.id, pii_kid=cipher.active_kid)
    for field in _PLAIN:
        setattr(p, field, getattr(data, field))
    _set_id_number(cipher, p, data.id_number)
    _set_phone(cipher, p, data.phone)
    session.add(p)
    await session.flush()
    await session.refresh(p)
    await audit.record(
        session,
        principal,
        "petitioner.create",
        entity_type="petitioner",
        entity_id=p.id,
        org_unit_id=unit.id,
        org_path=unit.path,
        case_id=case_id,
        after=snapshot(p),
    )
    return p


async def get(session: AsyncSession, principal: Principal, petitioner_id: uuid.UUID) -> Petitioner:
    p = await repo.get_visible(session, principal, petitioner_id)
    if p is None:
        raise PetitionerNotFound()
    return p


async def list_petitioners(
    session: AsyncSession, principal: Principal, query: PetitionerListQuery
) -> Sequence[Petitioner]:
    after = decode_id_cursor(query.cursor)
    return await repo.list_visible(
        session, principal, after_id=after, limit=query.limit + 1, q=query.q
    )


async def search_by_id_number(
    session: AsyncSession, principal: Principal, cipher: PiiCipher, id_number: str
) -> Sequence[Petitioner]:
    return await repo.list_visible(
        session,
        principal,
        after_id=None,
        limit=50,
        q=None,
        blind_index=cipher.blind_index(id_number),
    )


async def update(
    session: AsyncSession,
    principal: Principal,
    cipher: PiiCipher,
    petitioner_id: uuid.UUID,
    data: PetitionerUpdate,
    expected_version: int,
) -> Petitioner:
    p = await repo.get_visible(session, principal, petitioner_id, for_update=True)
    if p is None:
        raise PetitionerNotFound()
    check_version(expected_version, p.version)
    before = snapshot(p)
    changes = data.changes()
    for field in _PLAIN:
        if field in changes:
            setattr(p, field, changes[field])
    if "id_number" in changes or "phone" in changes:
        _rekey(cipher, p)
    if "id_number" in changes:
        _set_id_number(cipher, p, changes["id_number"])
    if "phone" in changes:
        _set_phone(cipher, p, changes["phone"])
    await session.flush()
    path = await orgs_repo.get_path(session, p.org_unit_id)
    await audit.record(
        session,
        principal,
        "petitioner.update",
        entity_type="petitioner",
        entity_id=p.id,
        org_unit_id=p.org_unit_id,
        org_path=path,
        before=before,
        after=snapshot(p),
    )
    return p


async def reveal(
    session: AsyncSession,
    principal: Principal,
    cipher: PiiCipher,
    petitioner_id: uuid.UUID,
    reason: str,
) -> Revealed:
    p = await repo.get_visible(session, principal, petitioner_id)
    if p is None:
        raise PetitionerNotFound()
    assigned = await repo.is_on_assigned_case(session, principal, p.id)
    if not can_reveal_pii_of_case(principal, case_visible=True, assigned=assigned):
        raise RevealNotAllowed()
    id_number = (
        cipher.decrypt(p.pii_kid, p.id_number_enc, _aad(p.id, "id_number"))
        if p.id_number_enc
        else None
    )
    phone = cipher.decrypt(p.pii_kid, p.phone_enc, _aad(p.id, "phone")) if p.phone_enc else None
    path = await orgs_repo.get_path(session, p.org_unit_id)
    await audit.record(
        session,
        principal,
        "pii.reveal",
        entity_type="petitioner",
        entity_id=p.id,
        org_unit_id=p.org_unit_id,
        org_path=path,
        reason=reason,
        after={"fields": [f for f, v in (("id_number", id_number), ("phone", phone)) if v]},
    )
    return Revealed(id=p.id, id_number=id_number, phone=phone)
