"""The one source of "now": injectable so tests and deadline scans can move time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")

_now: Callable[[], datetime] = lambda: datetime.now(UTC)  # noqa: E731


def now() -> datetime:
    """Current time, aware, in UTC."""
    return _now()


def today() -> date:
    """Today's date as an official in Sichuan sees it (Asia/Shanghai), not the server's zone."""
    return _now().astimezone(SHANGHAI).date()


def set_clock(fn: Callable[[], datetime] | None) -> None:
    """Replace the clock (tests, replays); None restores the system clock."""
    global _now
    _now = fn if fn is not None else (lambda: datetime.now(UTC))


def noon_in_shanghai(day: date) -> datetime:
    """Noon in Asia/Shanghai on `day`, as UTC: a handy fixed "now" for tests and replays."""
    return datetime(day.year, day.month, day.day, 12, tzinfo=SHANGHAI).astimezone(UTC)
