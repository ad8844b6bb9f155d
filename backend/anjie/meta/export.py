"""Documents the web app reads at build time, generated from the server's own tables.

`anjie openapi` writes them beside the typed client and `anjie openapi --check` fails when one is
stale, so the web app never restates what the server decides: which role holds which permission,
and every enum's labels in both UI languages (the same registry `/meta/enums` serves).
"""

from __future__ import annotations

import json


def role_permissions_document() -> str:
    """Role → its permissions, both sorted: the web app hides what a role can never do."""
    from anjie.auth.permissions import ROLE_PERMISSIONS

    table = {role.value: sorted(p.value for p in perms) for role, perms in ROLE_PERMISSIONS.items()}
    return json.dumps(table, indent=2) + "\n"


def enum_labels_document() -> str:
    """Enum name → its values in declaration order with their zh-CN and English labels."""
    # Each domain registers its labels when its endpoints are imported: load them all, so the
    # file holds exactly what the running app serves.
    import anjie.api  # noqa: F401
    from anjie.core.labels import all_enums

    return json.dumps(all_enums(), ensure_ascii=False, indent=2) + "\n"
