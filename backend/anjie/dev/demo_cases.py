"""Forty demo cases of the 清溪县 bureau, worked through the real services (so every case has
its 包案 assignments, plans, transitions and timeline in the audit trail), on the campaign's own
calendar: registered in the June 2010 census, worked in the second half of 2010, accepted in the
autumn 2011 summary phase.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.access.permissions import permissions_for
from anjie.access.principal import Principal
from anjie.assignments import service as assignments
from anjie.assignments.schemas import AssignmentCreate
from anjie.cases import service as cases
from anjie.cases import workflow
from anjie.cases.enums import CaseAction, CaseStatus, RoleInCase
from anjie.cases.models import Case
from anjie.cases.schemas import CaseCreate, CaseUpdate
from anjie.cases.workflow_schemas import TransitionIn
from anjie.core import clock
from anjie.core.clock import SHANGHAI
from anjie.core.crypto import PiiCipher
from anjie.core.idnumber import check_digit
from anjie.dev import demo_supervision
from anjie.dev.demo import demo_id
from anjie.dev.demo_stories import FLAG_SETS, FORMS, NAMES, ORGANS, PLACES, STATUSES, STORIES, Story
from anjie.plans import service as plans
from anjie.plans.schemas import PlanApprove, PlanIn
from anjie.users import repository as users_repo

OUTCOMES = ("claim_resolved", "educated", "corrected", "relieved")
FIRST_TITLE_MARK = "（示例）"


def _id_number(n: int) -> str:
    first17 = (
        f"51152{n % 9 + 1}19{50 + n % 40:02d}{n % 12 + 1:02d}{n % 27 + 1:02d}{n * 7 % 1000:03d}"
    )
    return first17 + check_digit(first17)


def _at(day: date) -> Callable[[], datetime]:
    moment = datetime.combine(day, time(10, 0), SHANGHAI).astimezone(UTC)
    return lambda: moment


async def _principal(session: AsyncSession, username: str) -> Principal:
    row = await users_repo.get_with_org_path(session, demo_id(f"user:{username}"))
    assert row is not None, f"demo user {username} is missing: load the demo units first"
    user, path = row
    return Principal(
        kind="user",
        id=user.id,
        name=user.display_name,
        roles=tuple(user.roles),
        org_unit_id=user.org_unit_id,
        org_path=path,
        permissions=permissions_for(user.roles),
    )


async def load(session: AsyncSession, cipher: PiiCipher) -> int:
    """Register and work the forty demo cases once; returns how many were added."""
    marker = await session.scalar(
        select(Case.id).where(Case.title.endswith(FIRST_TITLE_MARK)).limit(1)
    )
    if marker is not None:
        return 0
    office = await _principal(session, "office")
    leader = await _principal(session, "leader")
    officer = await _principal(session, "officer")
    targets = [status for status, count in STATUSES for _ in range(count)]
    try:
        for n, target in enumerate(targets):
            await _one_case(session, cipher, n, target, office, leader, officer)
        await demo_supervision.load(session, office, officer, _at)
    finally:
        clock.set_clock(None)
    return len(targets)


async def _one_case(
    session: AsyncSession,
    cipher: PiiCipher,
    n: int,
    target: CaseStatus,
    office: Principal,
    leader: Principal,
    officer: Principal,
) -> None:
    story = STORIES[n % len(STORIES)]
    name = NAMES[n % len(NAMES)]
    place = PLACES[n % len(PLACES)]
    day = date(2010, 6, 1) + timedelta(days=n % 24)
    clock.set_clock(_at(day))
    first = date(2002 + n % 6, n % 12 + 1, n % 27 + 1)  # before any review of 2008
    group = 1 if n % 7 else 3
    petitioners = [
        {
            "name": name if i == 0 else NAMES[(n + 11 * i) % len(NAMES)],
            "id_number": _id_number(n * 3 + i),
            "phone": f"138{(n * 7919 + i) % 10**8:08d}",
            "address": f"清溪县{place}{n % 9 + 1}组",
            "household_registration_place": f"清溪县{place}",
            "residence_place": f"清溪县{place}" if n % 5 else "成都市武侯区",
        }
        for i in range(group)
    ]
    procedures = [{"stage": "initial", "organ": story.organ, "decided_on": str(first)}]
    if target is CaseStatus.terminated or n % 4 == 0:
        procedures.append(
            {
                "stage": "review",
                "organ": "清溪县司法局",
                "decided_on": "2008-05-12",
                "reference_number": "清司复〔2008〕3号",
            }
        )
        procedures.append(
            {
                "stage": "re_review",
                "organ": "川南市司法局",
                "decided_on": "2009-03-20",
                "reference_number": "川南司复〔2009〕7号",
            }
        )
    title_suffix = FIRST_TITLE_MARK if n == 0 else ""
    data = CaseCreate.model_validate(
        {
            "campaign_id": str(demo_id("campaign:2010")),
            "title": f"{name}{'等' if group > 1 else ''}不服{story.organ}{story.matter}"
            f"信访案{title_suffix}",
            "registered_on": str(day),
            "petition_form": FORMS[n % len(FORMS)],
            "first_petition_on": str(first),
            "latest_petition_on": str(date(2010, 5, n % 28 + 1)),
            "petition_count": 2 + n % 15,
            "category": story.category,
            "receiving_organs": [
                {
                    "organ": ORGANS[n % len(ORGANS)],
                    "reference_number": f"清委政法〔2010〕{n + 11}号",
                    "received_on": str(date(2010, 5, n % 28 + 1)),
                }
            ],
            "decision_organ": story.organ,
            "decision_reference": f"清司〔{first.year}〕{n + 3}号",
            "decision_date": str(first),
            "demands": story.demands,
            "legal_channels": ["review_opinion"] if len(procedures) > 1 else [],
            "legal_channels_exhausted": len(procedures) == 3,
            "three_cross_flags": list(FLAG_SETS[n % len(FLAG_SETS)]),
            "three_cross_note": "户籍在清溪县，常住成都市" if n % 5 == 0 else None,
            "sensitive_period": n % 6 == 0,
            "risk_level": ("low", "medium", "high")[n % 3],
            "threat_recorded": n % 13 == 0,
            "threat_note": "扬言赴省上访" if n % 13 == 0 else None,
            "province_visits": n % 4,
            "beijing_visits": 1 if n % 13 == 0 else 0,
            "procedures": procedures,
            "petitioners": petitioners,
        }
    )
    created = await cases.create(session, office, cipher, data)
    case_id = created.id
    if target is CaseStatus.registered:
        return
    if target is CaseStatus.referred:
        await _transition(
            session,
            leader,
            case_id,
            CaseAction.refer,
            day + timedelta(days=20),
            reason="多次到党政机关滋事，经教育无效",
            police_organ="清溪县公安局城关派出所",
        )
        return
    await _analyse(
        session, cipher, case_id, story, n, day + timedelta(days=3), office, leader, officer
    )
    if target is CaseStatus.analysed:
        return
    if target is CaseStatus.terminated:
        await _transition(
            session,
            leader,
            case_id,
            CaseAction.terminate,
            date(2010, 9, 10 + n % 10),
            reason="经复查复核，原处理正确，依法终结",
            termination_basis="已经复查、复核，信访人以同一事实和理由再次提出",
        )
        return
    await _plan(session, case_id, story, day + timedelta(days=8), office, leader)
    await _transition(
        session,
        leader,
        case_id,
        CaseAction.approve_plan,
        day + timedelta(days=10),
        reason="方案五定齐全，同意实施",
    )
    if target is CaseStatus.plan_approved:
        return
    await _transition(
        session,
        # The officer starts the cases they hold themselves (see _analyse).
        officer if n % 3 != 2 and n % 2 else office,
        case_id,
        CaseAction.start_resolving,
        date(2010, 7, 1 + n % 20),
        reason="按方案开展化解工作",
    )
    if target is CaseStatus.resolving:
        return
    await _transition(
        session,
        leader,
        case_id,
        CaseAction.resolve,
        date(2010, 11, 1 + n % 25),
        reason="诉求已依法处理，信访人签订息诉罢访承诺书",
        outcome_kind=OUTCOMES[n % len(OUTCOMES)],
        commitment_signed=True,
        commitment_signed_on=str(date(2010, 10, 20 + n % 8)),
    )
    if target is CaseStatus.accepted:
        await _transition(
            session,
            office,
            case_id,
            CaseAction.accept,
            date(2011, 9, 20 + n % 8),
            reason="经自查验收，案结事了",
        )


async def _analyse(
    session: AsyncSession,
    cipher: PiiCipher,
    case_id: uuid.UUID,
    story: Story,
    n: int,
    day: date,
    office: Principal,
    leader: Principal,
    officer: Principal,
) -> None:
    clock.set_clock(_at(day))
    current = await cases.get(session, office, case_id)
    await cases.update(
        session,
        office,
        cipher,
        case_id,
        CaseUpdate(cause=story.cause, crux=story.crux),
        current.version,
    )
    departments = (
        "unit:grassroots",
        "unit:lawyers",
        "unit:corrections",
        "unit:legal_aid",
        "unit:jo_chengguan",
    )
    person = officer.id if n % 3 != 2 else office.id
    for role, user_id, unit_id in (
        (RoleInCase.responsible_leader, leader.id, None),
        (RoleInCase.responsible_department, None, demo_id(departments[n % len(departments)])),
        (RoleInCase.responsible_person, person, None),
        (RoleInCase.first_responsible, leader.id, None),
    ):
        await assignments.assign(
            session,
            office,
            case_id,
            AssignmentCreate(
                role_in_case=role, user_id=user_id, org_unit_id=unit_id, reason="领导包案，一包到底"
            ),
        )
    await _transition(
        session, office, case_id, CaseAction.analyse, day, reason="已查明原因和症结，落实包案责任"
    )


async def _plan(
    session: AsyncSession,
    case_id: uuid.UUID,
    story: Story,
    day: date,
    office: Principal,
    leader: Principal,
) -> None:
    clock.set_clock(_at(day))
    await plans.save(
        session,
        office,
        case_id,
        PlanIn(
            personnel="包案领导牵头，责任股室负责人和承办人组成工作专班",
            measures=list(story.measures),
            measures_detail="逐户走访，面对面听取诉求；必要时召开听证会",
            time_limit=date(2010, 11, 30),
            requirements="一月一研判，半月一报告；不得推诿、拖延",
            expected_effect="案结事了，信访人息诉罢访",
        ),
    )
    await plans.submit(session, office, case_id)
    await plans.approve(session, leader, case_id, PlanApprove(comment="同意"))


async def _transition(
    session: AsyncSession,
    principal: Principal,
    case_id: uuid.UUID,
    action: CaseAction,
    day: date,
    **fields: object,
) -> None:
    clock.set_clock(_at(day))
    body = TransitionIn.model_validate({"action": action.value, **fields})
    await workflow.transition(session, principal, case_id, body, "zh-CN")
