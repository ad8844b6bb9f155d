"""Ports: how a package reads a fact that a package above it knows.

The package graph is layered (docs/architecture.md): a package imports only the layers below it.
When a rule needs an answer from above — the case registry's `resolved` guard asks whether a
return visit confirmed the outcome, and check-ins sit above the registry — the reading package
declares a `Port` beside the rule, typed by what it needs, and the composition root
(`anjie.wiring`) fills it with the implementation of the package that knows. The reader never
imports the provider.

A port is filled once per process with one implementation; wiring the same one again is a
no-op, so every app the tests build shares it.
"""

from __future__ import annotations

import uuid
from typing import Generic, TypeVar

from sqlalchemy import ColumnElement
from sqlalchemy.orm import QueryableAttribute

T = TypeVar("T")

# The id column a SQL-building port correlates with (`Case.id`, `CasePetitioner.case_id`).
IdColumn = ColumnElement[uuid.UUID] | QueryableAttribute[uuid.UUID]


class PortNotWired(RuntimeError):
    """A port was used before the composition root filled it: a wiring mistake, not bad input."""


class Port(Generic[T]):
    def __init__(self, name: str) -> None:
        self.name = name
        self._impl: T | None = None

    def provide(self, impl: T) -> None:
        if self._impl is not None and self._impl is not impl:
            raise RuntimeError(f"port {self.name!r} is already wired to {self._impl!r}")
        self._impl = impl

    def __call__(self) -> T:
        if self._impl is None:
            raise PortNotWired(f"port {self.name!r} has no provider (anjie.wiring.wire fills it)")
        return self._impl

    def __repr__(self) -> str:
        return f"Port({self.name!r})"
