"""Rules that relate a case's fields to each other, checked on create and on every PATCH.

They run on the merged state (stored values overlaid with the PATCH body), so a PATCH that moves
`registered_on` before the stored `first_petition_on` is refused too. A violation points at the
field the client sent: for a pair of dates that is the one in the body.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date
from typing import Any

from anjie.cases.enums import ProcedureStage
from anjie.cases.errors import CaseDataInvalid, Violation
from anjie.petitioners.schemas import PetitionerFields

_STAGE_ORDER = {stage.value: i for i, stage in enumerate(ProcedureStage)}

# The case's own dates, with their zh-CN names for messages (English uses the field name).
_DATES: dict[str, str] = {
    "registered_on": "登记日期",
    "first_petition_on": "首次信访日期",
    "latest_petition_on": "最近信访日期",
    "decision_date": "原处理决定日期",
    "decision_effective_on": "原处理决定生效日期",
    "last_escalated_visit_on": "最近进京赴省日期",
}


class _Checker:
    def __init__(self, values: Mapping[str, Any], changed: Collection[str], today: date) -> None:
        self.values = values
        self.changed = changed
        self.today = today
        self.found: list[Violation] = []

    def add(self, pointer: str, code: str, zh: str, en: str, **extra: Any) -> None:
        self.found.append(Violation(pointer, code, zh, en, extra))

    def not_future(self, pointer: str, value: date | None) -> None:
        if value is not None and value > self.today:
            self.add(pointer, "date_in_future", "日期不能晚于今天", "The date is in the future")

    def ordered(self, earlier: str, later: str, blame: str) -> None:
        """`earlier` ≤ `later`; the pointer goes to `blame` unless only the other one changed.
        A pair the request does not touch is not re-judged."""
        if earlier not in self.changed and later not in self.changed:
            return
        a, b = self.values.get(earlier), self.values.get(later)
        if a is None or b is None or a <= b:
            return
        other = later if blame == earlier else earlier
        if blame not in self.changed and other in self.changed:
            blame = other
        self.add(
            f"#/{blame}",
            "date_order",
            f"{_DATES[earlier]}（{a}）不能晚于{_DATES[later]}（{b}）",
            f"{earlier} ({a}) must not be after {later} ({b})",
        )

    def unique(self, name: str, items: Sequence[Any]) -> None:
        seen: set[Any] = set()
        for i, item in enumerate(items):
            if item in seen:
                self.add(f"#/{name}/{i}", "duplicate", "重复的取值", "Duplicate value")
            seen.add(item)


def check(values: Mapping[str, Any], *, changed: Collection[str], today: date) -> None:
    """Raise CaseDataInvalid listing every rule the merged state breaks."""
    c = _Checker(values, changed, today)
    for name in _DATES:
        if name in changed:
            c.not_future(f"#/{name}", values.get(name))
    c.ordered("first_petition_on", "registered_on", blame="first_petition_on")
    c.ordered("first_petition_on", "latest_petition_on", blame="latest_petition_on")
    c.ordered("decision_date", "decision_effective_on", blame="decision_effective_on")
    c.ordered("first_petition_on", "last_escalated_visit_on", blame="last_escalated_visit_on")

    if {"receiving_organs", "first_petition_on"} & set(changed):
        _receiving_organs(c, values["receiving_organs"], values["first_petition_on"])
    if "procedures" in changed:
        _procedures(c, values["procedures"])
    for name in ("legal_channels", "three_cross_flags"):
        if name in changed:
            c.unique(name, values[name])
    if "petitioners" in changed:
        _petitioners(c, values["petitioners"])
    if {"group_size", "petitioners"} & set(changed):
        count, size = values["petitioner_count"], values["group_size"]
        if size < count:
            c.add(
                "#/group_size" if "group_size" in changed else "#/petitioners",
                "group_size_too_small",
                f"信访人数（{size}）少于登记的信访人（{count} 人）",
                f"group_size ({size}) is smaller than the {count} petitioners listed",
            )
    if c.found:
        raise CaseDataInvalid(c.found)


def _receiving_organs(c: _Checker, organs: Sequence[Any], first: date) -> None:
    """Received no earlier than first petitioned: else one of the two dates is wrong."""
    for i, organ in enumerate(organs):
        received = organ.received_on
        pointer = f"#/receiving_organs/{i}/received_on"
        c.not_future(pointer, received)
        if received is not None and received < first:
            if "receiving_organs" not in c.changed:
                pointer = "#/first_petition_on"
            c.add(
                pointer,
                "date_order",
                f"受理日期（{received}）不能早于首次信访日期（{first}）",
                f"received_on ({received}) must not be before first_petition_on ({first})",
            )


def _procedures(c: _Checker, procedures: Sequence[Any]) -> None:
    last_stage = -1
    last_day: date | None = None
    for i, procedure in enumerate(procedures):
        stage = _STAGE_ORDER[str(procedure.stage)]
        if stage <= last_stage:
            c.add(
                f"#/procedures/{i}/stage",
                "procedure_order",
                "办理程序须按 初次办理 → 复查 → 复核 的顺序，每个环节至多一次",
                "Stages go initial → review → re_review, each at most once",
            )
        last_stage = max(last_stage, stage)
        day = procedure.decided_on
        c.not_future(f"#/procedures/{i}/decided_on", day)
        if day is not None and last_day is not None and day < last_day:
            c.add(
                f"#/procedures/{i}/decided_on",
                "date_order",
                "后一环节的决定日期不能早于前一环节",
                "A later stage cannot be decided before an earlier one",
            )
        last_day = day or last_day


def _petitioners(c: _Checker, items: Sequence[Any]) -> None:
    """The same person twice: by reference, or by ID number among the new ones."""
    seen: set[Any] = set()
    for i, item in enumerate(items):
        if isinstance(item, PetitionerFields):
            key, where = item.id_number, "id_number"
        else:
            key, where = item.petitioner_id, "petitioner_id"
        if key is None:
            continue
        if key in seen:
            c.add(
                f"#/petitioners/{i}/{where}",
                "duplicate",
                "同一信访人重复出现",
                "The same petitioner appears twice",
            )
        seen.add(key)
