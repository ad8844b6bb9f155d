from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from anjie.access.permissions import Permission


@dataclass(frozen=True)
class Principal:
    """Who is calling: a user (or, later, an API client), with the org subtree they may see."""

    kind: str
    id: uuid.UUID
    name: str
    roles: tuple[str, ...]
    org_unit_id: uuid.UUID
    org_path: str
    permissions: frozenset[Permission]
    ip: str | None = None
    user_agent: str | None = None
    request_id: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions

    def has_role(self, *roles: str) -> bool:
        return any(role in self.roles for role in roles)

    def sees_path(self, path: str | None) -> bool:
        return path is not None and path.startswith(self.org_path)
