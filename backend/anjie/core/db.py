"""Engine, sessions and the one-transaction-per-request discipline.

The edge owns the transaction: `get_session` opens it, services only `flush()`, and because the
dependency is function-scoped its exit (the commit) runs before the response is sent — a client
never sees a success for a write that then fails to commit.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import BigInteger, Connection, DateTime, MetaData, event, func
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, mapped_column

from anjie.core import clock
from anjie.core.errors import AppError, DatabaseUnavailable
from anjie.core.events import EventBus

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: DateTime(timezone=True), int: BigInteger}


class Timestamps:
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now())


@event.listens_for(Timestamps, "before_update", propagate=True)
def _touch(mapper: Mapper[Any], connection: Connection, target: Timestamps) -> None:
    """Every change the session writes to a row moves its `updated_at` (and so its version).

    A flush event rather than a column `onupdate`: it also fires when only a row's collections
    changed (a case's receiving organs), which `onupdate` would not see, and not for bulk
    `update()` statements (moving a unit's subtree leaves the descendants' times alone). The
    app clock, so that tests and replays that move it see it here too.
    """
    target.updated_at = clock.now()


def asyncpg_url(url: str) -> str:
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix) :]
    return url


class Database:
    """The engine and its sessions. Every session carries the app's event bus, so a service's
    `publish` reaches the subscribers the composition root registered."""

    def __init__(
        self, url: str, *, events: EventBus, pool_size: int = 10, echo: bool = False
    ) -> None:
        self.events = events
        self.engine: AsyncEngine = create_async_engine(
            asyncpg_url(url),
            pool_size=pool_size,
            max_overflow=pool_size,
            pool_pre_ping=True,
            echo=echo,
            connect_args={"server_settings": {"timezone": "UTC", "application_name": "anjie"}},
        )
        self.sessionmaker = async_sessionmaker(
            self.engine, expire_on_commit=False, info=events.session_info()
        )

    async def dispose(self) -> None:
        await self.engine.dispose()


# SQLSTATEs of a server that is going away or not there yet: connection exceptions (class 08),
# admin shutdown, crash shutdown, cannot connect now.
_UNAVAILABLE_SQLSTATES = frozenset({"57P01", "57P02", "57P03"})


def database_unavailable(exc: BaseException) -> bool:
    """The error says the database is unreachable or dropped the connection — not that the
    request was wrong. Refused and timed-out connects surface as OSError (TimeoutError is one)."""
    if isinstance(exc, OSError):
        return True
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        sqlstate = str(getattr(exc.orig, "sqlstate", None) or "")
        if sqlstate.startswith("08") or sqlstate in _UNAVAILABLE_SQLSTATES:
            return True
        cause = exc.orig.__cause__ if exc.orig is not None else None
        return isinstance(cause, OSError)
    return False


async def _rollback(session: AsyncSession) -> None:
    try:
        await session.rollback()
    except Exception as exc:
        # A connection that is gone has nothing to roll back; the server already discarded it.
        if not database_unavailable(exc):
            raise


async def _session(request: Request) -> AsyncIterator[AsyncSession]:
    db: Database = request.app.state.db
    async with db.sessionmaker() as session:
        try:
            await session.begin()
            try:
                yield session
            except AppError as exc:
                if exc.keep_writes:
                    await session.commit()
                else:
                    await _rollback(session)
                raise
            except BaseException:
                await _rollback(session)
                raise
            else:
                await session.commit()
        except Exception as exc:
            # An outage is "later", not a server fault: 503 with Retry-After, nothing half-kept
            # (the transaction never committed, or its commit was lost with the connection and
            # the client retries with the same Idempotency-Key).
            if database_unavailable(exc):
                raise DatabaseUnavailable() from exc
            raise


SessionDep = Annotated[AsyncSession, Depends(_session, scope="function")]


def session_info(session: AsyncSession) -> dict[str, Any]:
    return session.info
