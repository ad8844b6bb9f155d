from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from anjie.core.errors import AppError, Conflict, NotFound, ValidationFailed
from anjie.core.i18n import DEFAULT_LANG, Lang
from anjie.petitioners.errors import PetitionerNotFound


class CaseNotFound(NotFound):
    code = "case_not_found"
    message_zh = "案件不存在"
    message_en = "The case does not exist"


@dataclass(frozen=True)
class Violation:
    """One field-level problem: where (JSON pointer into the body), a stable code, both texts."""

    pointer: str
    code: str
    zh: str
    en: str
    extra: dict[str, Any] = field(default_factory=dict)

    def item(self, lang: Lang) -> dict[str, Any]:
        text = self.zh if lang == "zh-CN" else self.en
        return {"pointer": self.pointer, "detail": text, "code": self.code, **self.extra}


class LocalisedItems(AppError):
    """Base of errors whose `errors` items carry texts in both languages.

    The problem handlers ask for `detail(lang)` before they read `errors`, so the items are
    switched to the caller's language there; until then they are in the default language.
    """

    def __init__(self, violations: list[Violation]) -> None:
        self.violations = violations
        super().__init__(errors=[v.item(DEFAULT_LANG) for v in violations])

    def detail(self, lang: Lang) -> str:
        self.errors = [v.item(lang) for v in self.violations]
        return super().detail(lang)


class CaseDataInvalid(LocalisedItems, ValidationFailed):
    """Fields that are well-typed but do not fit together (dates out of order and the like)."""


class CasePetitionerNotFound(LocalisedItems, PetitionerNotFound):
    """A `petitioner_id` in the body that does not exist or that the caller cannot see."""


class PetitionerAlreadyRegistered(LocalisedItems, Conflict):
    """A new petitioner whose ID number belongs to a petitioner the caller can already see."""

    code = "petitioner_exists"
    message_zh = "该身份证号的信访人已登记，请引用已有信访人"
    message_en = "A petitioner with this ID number is already registered; refer to it instead"
