"""The type of an upload, decided from its bytes alone.

The client's filename and Content-Type are never trusted: a PNG called `scan.pdf` is a PNG, and
an executable called `photo.jpg` is refused. Office files are ZIP archives; they are recognised
from the archive's central directory only — no member is decompressed, so a zip bomb costs
nothing — and macro-enabled documents (vbaProject.bin) are refused.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

MAX_ZIP_ENTRIES = 10_000


@dataclass(frozen=True)
class FileKind:
    media_type: str
    extension: str
    # Suffixes a client's filename may carry for this kind and still be kept on download.
    suffixes: tuple[str, ...]


PDF = FileKind("application/pdf", "pdf", ("pdf",))
JPEG = FileKind("image/jpeg", "jpg", ("jpg", "jpeg", "jpe"))
PNG = FileKind("image/png", "png", ("png",))
WEBP = FileKind("image/webp", "webp", ("webp",))
DOCX = FileKind(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", ("docx",)
)
XLSX = FileKind(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", ("xlsx",)
)
ALLOWED = (PDF, JPEG, PNG, WEBP, DOCX, XLSX)
BY_MEDIA_TYPE = {kind.media_type: kind for kind in ALLOWED}

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


# Office documents are zip files: their stated unpacked size and compression ratio are bounded.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100


def sniff(path: Path) -> FileKind | None:
    """The kind of the file at `path`, or None when it is not one we accept. Blocking I/O."""
    with path.open("rb") as handle:
        head = handle.read(16)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(_PNG_SIGNATURE):
        return PNG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"PK\x03\x04"):
        return _office(path)
    return None


def _office(path: Path) -> FileKind | None:
    try:
        # Opening reads the central directory and nothing else.
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        return None
    names = [m.filename for m in members]
    if len(names) > MAX_ZIP_ENTRIES or "[Content_Types].xml" not in names:
        return None
    # A zip bomb: whoever opens it later (a viewer, an indexer) would unpack gigabytes. The
    # central directory states each member's size; real documents stay far below these.
    unpacked = sum(m.file_size for m in members)
    packed = max(1, sum(m.compress_size for m in members))
    if unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_COMPRESSION_RATIO:
        return None
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        return None
    word = any(name.startswith("word/") for name in names)
    excel = any(name.startswith("xl/") for name in names)
    if word and not excel:
        return DOCX
    if excel and not word:
        return XLSX
    return None
