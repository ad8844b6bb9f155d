"""Domain events: the facts a domain publishes, handled inside the transaction that wrote them.

A service that changes something publishes what happened (`await publish(session, CaseRegistered
(...))`) after its own writes and their audit event. Every subscriber runs right then, awaited,
on the same session: it sees the publishing write's rows, and what it writes commits or rolls
back with them. A subscriber that raises fails the request, so nothing of it is kept — neither
the change nor its audit event nor any other subscriber's work. A request that fails after
publishing leaves no subscriber effect behind for the same reason.

Subscribers are registered in the composition root (`anjie.wiring`) on the bus of one app, and
run in the order they were registered; a subscriber to a base class (`CaseFact`) receives every
subclass. A domain never imports the packages that react to it. Effects that leave the process
(webhooks, messages) are written as rows here and carried out later by a worker.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession


@dataclass(frozen=True, kw_only=True)
class DomainEvent:
    """Base of every event. `name` is the fact's stable dotted name (`case.registered`)."""

    name: ClassVar[str] = "event"


E = TypeVar("E", bound=DomainEvent)
Handler = Callable[[AsyncSession, E], Awaitable[None]]

# Subscribers may publish in turn; past this depth a chain of reactions is a wiring mistake.
_MAX_DEPTH = 8
_SESSION_KEY = "anjie.events"
_DEPTH_KEY = "anjie.events.depth"


class EventBusMissing(RuntimeError):
    """A session that was not opened through `Database`: its facts would be lost unseen."""


class EventBus:
    def __init__(self) -> None:
        self._subscribers: list[tuple[type[DomainEvent], Handler[Any]]] = []

    def subscribe(self, event_type: type[E], handler: Handler[E]) -> None:
        self._subscribers.append((event_type, handler))

    def unsubscribe(self, handler: Handler[Any]) -> None:
        self._subscribers = [(t, h) for t, h in self._subscribers if h is not handler]

    def handlers_for(self, event: DomainEvent) -> list[Handler[Any]]:
        return [h for t, h in self._subscribers if isinstance(event, t)]

    def session_info(self) -> dict[str, Any]:
        """What a session needs to carry so that `publish` finds this bus."""
        return {_SESSION_KEY: self}

    async def publish(self, session: AsyncSession, event: DomainEvent) -> None:
        depth = session.info.get(_DEPTH_KEY, 0)
        if depth >= _MAX_DEPTH:
            raise RuntimeError(f"event {event.name} nested {depth} deep: subscribers loop")
        session.info[_DEPTH_KEY] = depth + 1
        try:
            for handler in self.handlers_for(event):
                await handler(session, event)
        finally:
            session.info[_DEPTH_KEY] = depth


def bus_of(session: AsyncSession) -> EventBus:
    bus = session.info.get(_SESSION_KEY)
    if not isinstance(bus, EventBus):
        raise EventBusMissing("this session has no event bus: open it through anjie.core.db")
    return bus


async def publish(session: AsyncSession, event: DomainEvent) -> None:
    """Run every subscriber of `event` now, in this session's transaction."""
    await session.flush()
    await bus_of(session).publish(session, event)
