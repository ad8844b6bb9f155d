"""The petitioners of a case, as a request names them: known ones by id, new ones by their data.

Checking and writing are two steps. `plan_petitioners` only reads, and refuses the request before
anything is locked or written; `PetitionerPlan.execute` creates the new petitioners (each
audited with the case id) once the caller holds its locks.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.permissions import Permission
from anjie.access.principal import Principal
from anjie.cases import repository as repo
from anjie.cases.errors import CasePetitionerNotFound, PetitionerAlreadyRegistered, Violation
from anjie.cases.schemas import PetitionerRef
from anjie.core.crypto import PiiCipher
from anjie.core.errors import Forbidden
from anjie.petitioners import service as petitioners
from anjie.petitioners.schemas import PetitionerFields


@dataclass
class PetitionerPlan:
    session: AsyncSession
    principal: Principal
    cipher: PiiCipher
    items: Sequence[PetitionerRef | PetitionerFields]

    async def execute(self, *, unit_id: uuid.UUID, case_id: uuid.UUID) -> list[uuid.UUID]:
        """The petitioner ids in the request's order, new petitioners created in `unit_id`."""
        ids: list[uuid.UUID] = []
        for item in self.items:
            if isinstance(item, PetitionerRef):
                ids.append(item.petitioner_id)
                continue
            created = await petitioners.create(
                self.session, self.principal, self.cipher, item, unit_id, case_id=case_id
            )
            ids.append(created.id)
        return ids


async def plan_petitioners(
    session: AsyncSession,
    principal: Principal,
    cipher: PiiCipher,
    items: Sequence[PetitionerRef | PetitionerFields],
) -> PetitionerPlan:
    refs = {i: it.petitioner_id for i, it in enumerate(items) if isinstance(it, PetitionerRef)}
    new = {i: it for i, it in enumerate(items) if isinstance(it, PetitionerFields)}
    if new and not principal.can(Permission.petitioners_write):
        # Officers may link known petitioners to their cases but not register new people.
        raise Forbidden()
    if refs:
        visible = await repo.hold_visible_petitioners(session, principal, set(refs.values()))
        missing = [i for i, pid in refs.items() if pid not in visible]
        if missing:
            raise CasePetitionerNotFound(
                [
                    Violation(
                        f"#/petitioners/{i}/petitioner_id",
                        "petitioner_not_found",
                        "信访人不存在",
                        "The petitioner does not exist",
                    )
                    for i in missing
                ]
            )
    indexes = {i: cipher.blind_index(item.id_number) for i, item in new.items() if item.id_number}
    if indexes:
        known = await repo.visible_by_blind_index(session, principal, set(indexes.values()))
        clashes = [(i, known[bidx]) for i, bidx in indexes.items() if bidx in known]
        if clashes:
            raise PetitionerAlreadyRegistered(
                [
                    Violation(
                        f"#/petitioners/{i}/id_number",
                        "petitioner_exists",
                        "该身份证号的信访人已登记",
                        "A petitioner with this ID number is already registered",
                        {"petitioner_id": str(pid)},
                    )
                    for i, pid in clashes
                ]
            )
    return PetitionerPlan(session, principal, cipher, items)
