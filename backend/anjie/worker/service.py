"""One tick of the deadline worker: remind, mark overdue, escalate, open the accountability
review — each effect exactly once, however many workers tick at the same time.

"Once" is the primary key of `deadline_step (deadline_id, step)`: a worker inserts the step with
ON CONFLICT DO NOTHING RETURNING, and only the inserter carries the effect out, in the same
transaction, so the step and its effect commit or vanish together. Notifications are unique per
(recipient, source key) and the review per deadline, so even a step replayed by hand notifies
nobody twice. Candidates are locked with SKIP LOCKED: two workers split the work rather than
queue on each other. Every effect is audited as the system, on the case's timeline where there
is a case (docs/architecture.md, domain events).

Days past due are calendar days for every kind, also for the working-day relief clocks: an
escalation is about how long a miss has lasted, not about the counted period.
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

import anjie.supervision.labels  # noqa: F401  (the deadline kinds named in the titles)
from anjie.access.roles import Role
from anjie.accountability import service as accountability
from anjie.audit import service as audit
from anjie.cases.enums import RoleInCase
from anjie.core import clock
from anjie.core.events import publish
from anjie.core.labels import label
from anjie.notifications import repository as people
from anjie.notifications.channels import Channel
from anjie.notifications.models import NotificationKind
from anjie.notifications.service import deliver_pending, notify
from anjie.orgs import repository as orgs_repo
from anjie.supervision.models import Deadline, DeadlineStatus
from anjie.supervision.rules import DEFAULTS, DeadlineRuleKind, Rule
from anjie.supervision.service import rule_for
from anjie.worker import repository as repo
from anjie.worker.events import DeadlineStepTaken

log = logging.getLogger("anjie.worker")
SessionFactory = Callable[[], AsyncSession]
_BATCH = 100


@dataclass(frozen=True)
class TickResult:
    steps: dict[str, int]
    delivered: int

    @property
    def total(self) -> int:
        return sum(self.steps.values())


def _kind_zh(kind: str) -> str:
    return label("deadline_rule_kind", kind, "zh-CN")


def _kind_en(kind: str) -> str:
    return label("deadline_rule_kind", kind, "en")


class _Deadline:
    """What one deadline's steps need, read once."""

    def __init__(self, session: AsyncSession, d: Deadline, rule: Rule, now: datetime) -> None:
        self.session, self.d, self.rule, self.now = session, d, rule, now
        self.taken: list[str] = []

    async def _notify(
        self, users: Sequence[uuid.UUID], kind: NotificationKind, step: str, zh: str, en: str
    ) -> None:
        for user_id in dict.fromkeys(users):
            await notify(
                self.session,
                user_id,
                kind,
                f"deadline:{self.d.id}:{step}",
                zh,
                en,
                case_id=self.d.case_id,
                deadline_id=self.d.id,
            )

    async def _responsible(self) -> list[uuid.UUID]:
        if self.d.responsible_user_id is not None:
            return [self.d.responsible_user_id]
        # A campaign's clock (or a case not yet staffed) is the office's to keep.
        return await people.nearest_with_role(self.session, self.d.org_unit_id, Role.office.value)

    async def _leader(self) -> list[uuid.UUID]:
        if self.d.case_id is not None:
            leader = await people.holder(
                self.session, self.d.case_id, RoleInCase.responsible_leader.value
            )
            if leader is not None:
                return [leader]
        return await people.nearest_with_role(self.session, self.d.org_unit_id, Role.leader.value)

    async def _step(self, step: str, detail: dict[str, Any] | None = None) -> bool:
        if not await repo.take_step(self.session, self.d.id, step, self.now, detail):
            return False
        self.taken.append(step)
        return True

    async def _audit_and_publish(self, step: str, before: dict[str, Any]) -> None:
        d = self.d
        await audit.record(
            self.session,
            audit.Actor.system(),
            f"deadline.{step.split('_')[0]}",
            entity_type="deadline",
            entity_id=d.id,
            org_unit_id=d.org_unit_id,
            org_path=await orgs_repo.get_path(self.session, d.org_unit_id),
            case_id=d.case_id,
            reason=step,
            before=before,
            after={"status": d.status, "escalation_level": d.escalation_level, "step": step},
        )
        await publish(
            self.session,
            DeadlineStepTaken(
                deadline_id=d.id,
                step=step,
                kind=d.kind,
                case_id=d.case_id,
                org_unit_id=d.org_unit_id,
                escalation_level=d.escalation_level,
            ),
        )

    def _before(self) -> dict[str, Any]:
        return {"status": self.d.status, "escalation_level": self.d.escalation_level}

    async def work(self) -> None:
        d, rule, now = self.d, self.rule, self.now
        name_zh, name_en = _kind_zh(d.kind), _kind_en(d.kind)
        due = d.due_on.isoformat()
        lead = timedelta(days=rule.reminder_lead_days)
        if d.due_at - lead <= now < d.due_at and await self._step("reminder"):
            await self._notify(
                await self._responsible(),
                NotificationKind.reminder,
                "reminder",
                f"{name_zh}将于{due}到期",
                f"{name_en} is due on {due}",
            )
            await self._audit_and_publish("reminder", self._before())
        if d.due_at >= now:
            return
        if await self._step("overdue"):
            before = self._before()
            d.status = DeadlineStatus.overdue.value
            await self.session.flush()
            await self._notify(
                await self._responsible(),
                NotificationKind.overdue,
                "overdue",
                f"{name_zh}已超期（应于{due}完成）",
                f"{name_en} is overdue (due on {due})",
            )
            await self._audit_and_publish("overdue", before)
        for level, days in enumerate(rule.escalation_days, start=1):
            step = f"escalation_{level}"
            if now <= d.due_at + timedelta(days=days) or not await self._step(step):
                continue
            before = self._before()
            d.escalation_level = max(d.escalation_level, level)
            await self.session.flush()
            if level == 1:
                users = await self._leader()
            else:
                users = await people.nearest_with_role(
                    self.session, d.org_unit_id, Role.office.value
                )
            await self._notify(
                users,
                NotificationKind.escalation,
                step,
                f"{name_zh}超期未完成，已升级督办（第{level}级）",
                f"{name_en} is overdue and escalated (level {level})",
            )
            await self._audit_and_publish(step, before)
        grace = timedelta(days=rule.accountability_grace_days)
        if now > d.due_at + grace and await self._step("accountability"):
            if d.case_id is not None:
                # The review's own subscriber tells the unit's leaders.
                await accountability.open_for_deadline(
                    self.session, case_id=d.case_id, deadline_id=d.id, due_at=d.due_at
                )
            else:
                await self._notify(
                    await people.nearest_with_role(self.session, d.org_unit_id, Role.leader.value),
                    NotificationKind.accountability,
                    "accountability",
                    f"{name_zh}超期{rule.accountability_grace_days}日仍未完成，应予责任倒查",
                    f"{name_en} is still not done "
                    f"{rule.accountability_grace_days} days past due: review responsibility",
                )
            await self._audit_and_publish("accountability", self._before())


async def _rule(
    session: AsyncSession, cache: dict[tuple[str, uuid.UUID | None], Rule], d: Deadline
) -> Rule:
    key = (d.kind, d.campaign_id)
    if key not in cache:
        cache[key] = await rule_for(session, DeadlineRuleKind(d.kind), d.campaign_id)
    return cache[key]


async def tick(
    session_factory: SessionFactory,
    now: datetime | None = None,
    *,
    channels: Sequence[Channel] = (),
) -> TickResult:
    """Work every deadline that needs it, a batch per transaction; then deliver what is waiting
    for the channels. A deadline whose work fails is logged and left for the next tick; the
    others go on."""
    now = now or clock.now()
    counted: Counter[str] = Counter()
    default_lead = max(rule.reminder_lead_days for rule in DEFAULTS.values())
    after: uuid.UUID | None = None
    while True:
        async with session_factory() as session, session.begin():
            lead = await repo.longest_lead(session, default_lead)
            batch = await repo.candidates(session, now, lead, after=after, limit=_BATCH)
            rules: dict[tuple[str, uuid.UUID | None], Rule] = {}
            # Read before any savepoint rolls back (that expires the rows it touched).
            ids = [d.id for d in batch]
            for d, deadline_id in zip(batch, ids, strict=True):
                try:
                    async with session.begin_nested():
                        worked = _Deadline(session, d, await _rule(session, rules, d), now)
                        await worked.work()
                    counted.update(step.split("_")[0] for step in worked.taken)
                except Exception:
                    log.exception("deadline step failed", extra={"deadline_id": str(deadline_id)})
            after = ids[-1] if ids else after
        if len(batch) < _BATCH:
            break
    async with session_factory() as session, session.begin():
        delivered = await deliver_pending(session, channels)
    result = TickResult(steps=dict(counted), delivered=delivered)
    if result.total or delivered:
        log.info("worker tick", extra={"steps": result.steps, "delivered": delivered})
    return result
