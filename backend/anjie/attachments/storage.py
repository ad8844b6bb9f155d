"""Where attachment bytes live, behind a small interface.

Blobs are content-addressed by their sha256 (hex): the same file uploaded twice is stored once,
and a key can never name a path outside the store. `LocalStorage` keeps them on disk under
`{data_dir}/attachments/ab/cd/<sha256>`; an S3-compatible backend can implement the same
`Storage` protocol later (put = PutObject from the staged file, open = a streaming GetObject,
delete = DeleteObject) and be installed as `app.state.attachment_storage`.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import AsyncIterator
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO, Protocol

from anyio import to_thread

CHUNK = 64 * 1024
_KEY = re.compile(r"[0-9a-f]{64}")


class StoredFileMissing(Exception):
    """The key has no bytes in the store."""


class Storage(Protocol):
    async def put(self, key: str, source: Path) -> None:
        """Store the file at `source` under `key`; readers never see a partial file."""

    async def open(self, key: str) -> AsyncIterator[bytes]:
        """The stored bytes in chunks; raises StoredFileMissing before the first chunk."""

    async def delete(self, key: str) -> None:
        """Remove the bytes of `key` (no error when already gone)."""


class LocalStorage:
    def __init__(self, root: Path) -> None:
        # Nothing is created here: the directories appear with the first upload.
        self.root = Path(root) / "attachments"

    def path_of(self, key: str) -> Path:
        if not _KEY.fullmatch(key):
            raise ValueError("a storage key is a lowercase sha256 hex digest")
        return self.root / key[:2] / key[2:4] / key

    async def put(self, key: str, source: Path) -> None:
        await to_thread.run_sync(self._put, key, source)

    def _put(self, key: str, source: Path) -> None:
        target = self.path_of(key)
        if target.exists():
            return  # same key, same bytes
        target.parent.mkdir(parents=True, exist_ok=True)
        # Written beside the target, then renamed: os.replace is atomic within a filesystem.
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as out, source.open("rb") as src:
                shutil.copyfileobj(src, out, CHUNK)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
        except BaseException:
            with suppress(FileNotFoundError):
                os.unlink(tmp)
            raise

    async def open(self, key: str) -> AsyncIterator[bytes]:
        path = self.path_of(key)
        try:
            handle = await to_thread.run_sync(path.open, "rb")
        except FileNotFoundError as exc:
            raise StoredFileMissing(key) from exc
        return _chunks(handle)

    async def delete(self, key: str) -> None:
        await to_thread.run_sync(lambda: self.path_of(key).unlink(missing_ok=True))


async def _chunks(handle: BinaryIO) -> AsyncIterator[bytes]:
    try:
        while chunk := await to_thread.run_sync(handle.read, CHUNK):
            yield chunk
    finally:
        handle.close()
