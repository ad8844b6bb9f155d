"""Documents the web app reads at build time, generated from the server's own tables.

`anjie openapi` writes them beside the typed client and `anjie openapi --check` fails when one is
stale, so the web app never restates what the server decides: which role holds which permission,
and every enum's labels in both UI languages (the same registry `/meta/enums` serves).
"""

from __future__ import annotations

import json

import anjie.meta.labels  # noqa: F401 - every domain's vocabulary, as /meta/enums serves it
from anjie.access.permissions import ROLE_PERMISSIONS
from anjie.core.labels import all_enums


def role_permissions_document() -> str:
    """Role → its permissions, both sorted: the web app hides what a role can never do."""
    table = {role.value: sorted(p.value for p in perms) for role, perms in ROLE_PERMISSIONS.items()}
    return json.dumps(table, indent=2) + "\n"


def enum_labels_document() -> str:
    """Enum name → its values in declaration order with their zh-CN and English labels."""
    return json.dumps(all_enums(), ensure_ascii=False, indent=2) + "\n"
