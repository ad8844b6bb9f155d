"""The relief cap: a multiple (36 by default) of a province's previous-year average monthly wage.

The wages are reference data entered by an administrator, one row per province and year, so a
new year's figure never changes the cap of an application submitted in an earlier year.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.principal import Principal
from anjie.audit import service as audit
from anjie.core import clock
from anjie.core.calendar import local_date
from anjie.relief import repository as repo
from anjie.relief.errors import ReliefStandardMissing, WageStandardNotFound
from anjie.relief.models import ReliefApplication, ReliefWageStandard
from anjie.relief.schemas import CENT, WageStandardIn, WageStandardOut, money_str
from anjie.users import repository as users_repo
from anjie.users.schemas import UserRef


@dataclass(frozen=True)
class Cap:
    amount: Decimal
    year: int


def cap_of(standard: ReliefWageStandard) -> Decimal:
    return (standard.average_monthly_wage * standard.multiple).quantize(CENT)


async def _out(session: AsyncSession, standard: ReliefWageStandard) -> WageStandardOut:
    names = await users_repo.display_names(
        session, [standard.entered_by] if standard.entered_by else []
    )
    by = standard.entered_by
    return WageStandardOut(
        province_code=standard.province_code,
        year=standard.year,
        average_monthly_wage=standard.average_monthly_wage,
        multiple=standard.multiple,
        cap=cap_of(standard),
        entered_by=UserRef(id=by, display_name=names[by]) if by and by in names else None,
        entered_at=standard.entered_at,
    )


async def get_standard(session: AsyncSession, province_code: str, year: int) -> WageStandardOut:
    standard = await repo.get_standard(session, province_code, year)
    if standard is None:
        raise WageStandardNotFound()
    return await _out(session, standard)


async def put_standard(
    session: AsyncSession, principal: Principal, province_code: str, year: int, data: WageStandardIn
) -> WageStandardOut:
    before = await repo.get_standard(session, province_code, year)
    old = None
    if before is not None:
        old = {
            "average_monthly_wage": money_str(before.average_monthly_wage),
            "multiple": before.multiple,
        }
    standard = await repo.put_standard(
        session,
        {
            "province_code": province_code,
            "year": year,
            "average_monthly_wage": data.average_monthly_wage,
            "multiple": data.multiple,
            "entered_by": principal.id,
            "entered_at": clock.now(),
        },
    )
    await audit.record(
        session,
        principal,
        "relief.wage_standard_put",
        entity_type="relief_wage_standard",
        entity_id=f"{province_code}-{year}",
        org_unit_id=principal.org_unit_id,
        org_path=principal.org_path,
        before=old,
        after={
            "average_monthly_wage": money_str(standard.average_monthly_wage),
            "multiple": standard.multiple,
            "cap": money_str(cap_of(standard)),
        },
    )
    return await _out(session, standard)


def standard_year(application: ReliefApplication) -> int:
    """The year before submission (Beijing date): last year's wage is the published one."""
    submitted = application.submitted_at
    if submitted is None:  # only submitted applications reach approval
        raise ValueError("application not submitted")
    return local_date(submitted).year - 1


async def cap_for(session: AsyncSession, application: ReliefApplication) -> Cap:
    year = standard_year(application)
    standard = await repo.get_standard(session, application.province_code, year)
    if standard is None:
        raise ReliefStandardMissing(application.province_code, year)
    return Cap(cap_of(standard), year)
