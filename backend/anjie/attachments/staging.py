"""Uploads are copied to a private temp file, counted and hashed on the way, before anything
else looks at them: the size limit holds without reading the file into memory, and the type
is sniffed from a real file (zipfile needs to seek)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from anjie.attachments.errors import AttachmentTooLarge

CHUNK = 64 * 1024


@dataclass(frozen=True)
class Staged:
    path: Path
    size: int
    sha256: bytes


def stage(source: BinaryIO, limit: int) -> Staged:
    """Copy `source` to a temp file; 413 (and no file left) past `limit` bytes. Blocking I/O."""
    source.seek(0)
    digest = hashlib.sha256()
    size = 0
    fd, name = tempfile.mkstemp(prefix="anjie-upload-")
    try:
        with os.fdopen(fd, "wb") as out:
            while chunk := source.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise AttachmentTooLarge(limit=limit)
                digest.update(chunk)
                out.write(chunk)
    except BaseException:
        os.unlink(name)
        raise
    return Staged(Path(name), size, digest.digest())


def discard(staged: Staged) -> None:
    staged.path.unlink(missing_ok=True)
