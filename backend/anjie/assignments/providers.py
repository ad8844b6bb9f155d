"""What the assignments domain answers for the packages below it (wired in anjie.wiring)."""

from __future__ import annotations

from anjie.assignments import repository


class Responsibility:
    """Fills `cases.ports.responsibility`: 包案 decides who answers for a case and so what an
    officer sees."""

    held = staticmethod(repository.held)
    holders = staticmethod(repository.holders)
    active_pairs = staticmethod(repository.active_pairs)


responsibility = Responsibility()
