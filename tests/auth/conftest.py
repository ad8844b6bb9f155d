from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from anjie.core import clock
from tests.auth.support import MoveClock
from tests.factories import TestUser as Account
from tests.factories import Unit, World


@pytest.fixture
async def bureau(world: World) -> Unit:
    return await world.unit("清溪县司法局")


@pytest.fixture
async def officer(world: World, bureau: Unit) -> Account:
    return await world.user(bureau, "officer")


@pytest.fixture
def move_clock() -> Iterator[MoveClock]:
    """Freeze the app's clock at a given instant; the system clock is back after the test."""

    def move(at: datetime) -> None:
        clock.set_clock(lambda: at)

    try:
        yield move
    finally:
        clock.set_clock(None)
