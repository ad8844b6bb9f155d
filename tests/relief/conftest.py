from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

import pytest

from anjie.core import clock

MoveClock = Callable[[datetime], None]


@pytest.fixture
def move_clock() -> Iterator[MoveClock]:
    """Freeze the app's clock at an instant; the system clock is back after the test."""

    def move(at: datetime) -> None:
        clock.set_clock(lambda: at)

    try:
        yield move
    finally:
        clock.set_clock(None)
