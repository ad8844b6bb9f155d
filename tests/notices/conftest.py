from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from anjie.core import clock
from anjie.notices.events import NoticeFact
from tests.factories import World
from tests.notices.support import NOW, NoticeScene, notice_scene


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    """Every notice test runs on a fixed Wednesday, so reply dates and numbers are known."""
    clock.set_clock(lambda: NOW)
    try:
        yield
    finally:
        clock.set_clock(None)


@pytest.fixture
def facts(app: object) -> Iterator[list[NoticeFact]]:
    """The notice facts the app publishes during the test, in order."""
    seen: list[NoticeFact] = []

    async def record(session: AsyncSession, fact: NoticeFact) -> None:
        seen.append(fact)

    bus = app.state.events  # type: ignore[attr-defined]
    bus.subscribe(NoticeFact, record)
    try:
        yield seen
    finally:
        bus.unsubscribe(record)


@pytest.fixture
async def n(world: World) -> NoticeScene:
    return await notice_scene(world)
