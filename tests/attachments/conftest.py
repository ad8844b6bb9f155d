"""Each test gets its own attachment store and staging directory under pytest's tmp_path.

The app (and its settings) are shared by the whole session, so the store is not configured
through settings.data_dir: the storage dependency honours a store installed as
`app.state.attachment_storage` (the same seam a deployment would use for S3), and this fixture
installs one for the duration of a test. Temp files go to a per-test directory too, so a test
can assert that a refused upload left nothing behind.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from anjie.attachments import owners
from anjie.attachments.owners import OwnerType
from anjie.attachments.storage import LocalStorage
from tests.attachments.support import Bench, bench
from tests.factories import World


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def staging(tmp_path: Path) -> Path:
    path = tmp_path / "staging"
    path.mkdir()
    return path


@pytest.fixture(autouse=True)
def attachment_storage(
    app: object, store_dir: Path, staging: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[LocalStorage]:
    store = LocalStorage(store_dir)
    monkeypatch.setattr(app.state, "attachment_storage", store, raising=False)  # type: ignore[attr-defined]
    monkeypatch.setattr(tempfile, "tempdir", str(staging))
    # A private copy of the registry: tests may register owner types without leaking them,
    # and an owner type registered by another domain can be taken away for one test.
    monkeypatch.setattr(owners, "_resolvers", dict(owners._resolvers))
    yield store


@pytest.fixture
async def b(world: World, store_dir: Path, staging: Path) -> Bench:
    return await bench(world, store_dir / "attachments", staging)


@pytest.fixture
def without_check_ins(monkeypatch: pytest.MonkeyPatch) -> None:
    """As before the check-ins domain registers its owner type."""
    monkeypatch.delitem(owners._resolvers, OwnerType.check_in, raising=False)
