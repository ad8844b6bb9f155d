"""The roles a user may hold."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    admin = "admin"
    leader = "leader"
    office = "office"
    officer = "officer"
    observer = "observer"


# Roles that see every case of their unit's subtree; officers see only the cases they hold.
SUBTREE_ROLES = (Role.leader, Role.office, Role.observer)
