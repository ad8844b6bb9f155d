"""Base models for request and response bodies.

Strings are hostile until proven otherwise: PostgreSQL cannot store NUL, so a NUL anywhere in a
request body is a 422 at the field that carries it, before any SQL runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    ValidationError,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import InitErrorDetails, PydanticCustomError, core_schema

# C0 controls other than tab, newline and carriage return, DEL, the C1 controls, and the bidi
# embeddings, overrides and isolates: invisible characters that reorder or hide what an official
# reads (a name or a number shown reversed) and that no form of the campaign needs.
_CONTROLS = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    found = _CONTROLS.search(value)
    if found is not None:
        raise PydanticCustomError(
            "control_character",
            "must not contain control or bidirectional-override characters (U+{codepoint})",
            {"codepoint": f"{ord(found.group()):04X}"},
        )
    return value


# What `str_strip_whitespace` trims (Unicode White_Space but the controls refused anyway),
# spelled out: `\\s` differs between the contract's regex dialect and Python's.
_SPACE = r"\t\n\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_CONTROL_CLASS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"


def text_pattern(min_length: int, *, trimmed: bool = True) -> str:
    """The contract's regex for a refused-controls text whose (trimmed) value keeps `min_length`
    characters: what the validators enforce, so a client (and the contract fuzz) knows it."""
    text, solid = f"[^{_CONTROL_CLASS}]", f"[^{_SPACE}{_CONTROL_CLASS}]"
    if not trimmed:
        return f"^{text}{{{min_length},}}$"
    if min_length <= 0:
        return f"^{text}*$"
    if min_length == 1:
        return f"^[{_SPACE}]*{solid}{text}*$"
    return f"^[{_SPACE}]*{solid}{text}{{{min_length - 2},}}{solid}[{_SPACE}]*$"


class _Text:
    """NUL and control characters refused (`_no_nul`), and said in the schema as a pattern."""

    def __init__(self, *, trimmed: bool = True) -> None:
        self.trimmed = trimmed

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(_no_nul, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        if json_schema.get("type") == "string" and "pattern" not in json_schema:
            json_schema["pattern"] = text_pattern(
                json_schema.get("minLength", 0), trimmed=self.trimmed
            )
        return json_schema


NoNul = _Text()
# For text taken exactly as typed (`strip_whitespace=False`): blanks count towards its length.
RawNoNul = _Text(trimmed=False)


@dataclass(frozen=True)
class Years:
    """A date's or a moment's bounds (`ge`/`le`, from 1 January of `first` to 31 December of
    `last`) said in the contract: JSON Schema has no minimum for a date, so the pattern names the
    years, and a client knows the day it sends is in range."""

    first: int
    last: int = 9999

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        for branch in json_schema.get("anyOf", [json_schema]):
            if branch.get("type") == "string":
                branch["pattern"] = self.pattern()
        return json_schema

    def pattern(self) -> str:
        assert self.first % 100 == 0 and self.last % 100 == 99, "whole centuries"
        centuries = range(self.first // 100, self.last // 100 + 1)
        # A whole run of ten centuries (2000–2999) is one `2[0-9]`.
        parts = [
            f"{tens}[0-9]" if all(tens * 10 + d in centuries for d in range(10)) else str(c)
            for c in centuries
            for tens in [c // 10]
            if c % 10 == 0 or not all(tens * 10 + d in centuries for d in range(10))
        ]
        return f"^(?:{'|'.join(parts)})[0-9]{{2}}-"


Int32 = Annotated[int, Field(ge=-(2**31), le=2**31 - 1)]
Name = Annotated[str, Field(min_length=1, max_length=100), NoNul]
ShortText = Annotated[str, Field(max_length=200), NoNul]
LongText = Annotated[str, Field(max_length=20_000), NoNul]
Reason = Annotated[str, Field(min_length=2, max_length=2000), NoNul]


def _find_nul(value: Any, path: tuple[str | int, ...]) -> tuple[str | int, ...] | None:
    if isinstance(value, str):
        return path if "\x00" in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            # `path` may be () (a key at the top level), which is falsy: test for None.
            found = _find_nul(key, path)
            if found is None:
                found = _find_nul(item, (*path, str(key)))
            if found is not None:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = _find_nul(item, (*path, index))
            if found is not None:
                return found
    return None


class ApiModel(BaseModel):
    """Request bodies: unknown fields are refused, text is trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _refuse_nul(cls, data: Any) -> Any:
        # A net under the per-field check, for fields typed without NoNul (dict values, keys).
        found = _find_nul(data, ())
        if found is not None:
            # Reported at the field that carries it, so the client gets a pointer to that field.
            error = PydanticCustomError("nul_character", "must not contain NUL characters")
            raise ValidationError.from_exception_data(
                cls.__name__, [InitErrorDetails(type=error, loc=found, input="")]
            )
        return data


class OutModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


def _patch_schema(schema: dict[str, Any], cls: type[BaseModel]) -> None:
    """Describe `not_null` fields as optional but never null, as the validator enforces."""
    if getattr(cls, "null_leaves_unchanged", False):
        return
    required: frozenset[str] = getattr(cls, "not_null", frozenset())
    for name, prop in schema.get("properties", {}).items():
        if name not in required:
            continue
        branches = [b for b in prop.pop("anyOf", []) if b.get("type") != "null"]
        prop.pop("default", None)
        if len(branches) == 1:
            prop.update(branches[0])
        elif branches:
            prop["anyOf"] = branches


def field_error(model: str, field: str, code: str, message: str) -> ValidationError:
    """A 422 item pointing at `field` (a model validator would otherwise point at the root)."""
    error = PydanticCustomError(code, message)
    return ValidationError.from_exception_data(
        model, [InitErrorDetails(type=error, loc=(field,), input=None)]
    )


class PatchModel(ApiModel):
    """PATCH bodies: a field left out stays as it is, null clears an optional field, and the
    `not_null` fields (NOT NULL columns) may be left out but never sent as null."""

    not_null: ClassVar[frozenset[str]] = frozenset()
    # Bodies whose contract has always let `not_null` fields be null, meaning "leave it as it
    # is": they keep that meaning (and their schema) instead of a 422.
    null_leaves_unchanged: ClassVar[bool] = False
    model_config = ConfigDict(json_schema_extra=_patch_schema)

    def changes(self, *, exclude: set[str] | None = None) -> dict[str, Any]:
        """The fields to write: those sent, without a null sent for a `not_null` field."""
        sent = self.model_dump(exclude_unset=True, exclude=exclude)
        return {k: v for k, v in sent.items() if v is not None or k not in self.not_null}

    @model_validator(mode="after")
    def _refuse_nulls(self) -> Self:
        if self.null_leaves_unchanged:
            return self
        nulls = sorted(n for n in self.model_fields_set & self.not_null if getattr(self, n) is None)
        if nulls:
            error = PydanticCustomError("null_not_allowed", "may be left out but not null")
            raise ValidationError.from_exception_data(
                type(self).__name__,
                [InitErrorDetails(type=error, loc=(name,), input=None) for name in nulls],
            )
        return self
