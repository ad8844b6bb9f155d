"""File names from clients: cleaned before they are stored, encoded safely when served."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from anjie.attachments.sniffing import FileKind

MAX_FILENAME = 200
FALLBACK = "attachment"
_SPACES = re.compile(r"\s+")
_NOT_ASCII_SAFE = re.compile(r"[^A-Za-z0-9._()+-]+")


def clean_filename(raw: str | None) -> str:
    """The last path component, without control/format characters or quotes, ≤ 200 chars."""
    name = (raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = unicodedata.normalize("NFC", name)
    # Category C covers control characters (NUL, CR, LF) and format ones such as U+202E, which
    # would display "exe.pdf" for "fdp.exe".
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C" and ch not in "\"'")
    name = _SPACES.sub(" ", name).strip()
    if not name.strip("."):
        return FALLBACK
    if name.startswith("."):
        # ".pdf" or "..\x": no hidden files, and no name that is only a suffix.
        name = FALLBACK + "." + name.lstrip(".")
    if len(name) > MAX_FILENAME:
        stem, dot, suffix = name.rpartition(".")
        if dot and stem and len(suffix) <= 10:
            name = stem[: MAX_FILENAME - len(suffix) - 1].rstrip() + "." + suffix
        else:
            name = name[:MAX_FILENAME]
    return name


def download_name(filename: str, kind: FileKind) -> str:
    """The stored name, with the suffix of what the file really is when the client's differs
    (a PNG uploaded as `scan.pdf` downloads as `scan.png`, so it opens in the right program)."""
    stem, dot, suffix = filename.rpartition(".")
    if dot and stem and suffix.lower() in kind.suffixes:
        return filename
    return f"{stem if dot and stem else filename}.{kind.extension}"


def content_disposition(name: str) -> str:
    """`attachment` with an ASCII fallback name and the exact name in RFC 5987 form."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = _NOT_ASCII_SAFE.sub("_", ascii_name.replace(" ", "_"))
    stem, dot, suffix = ascii_name.rpartition(".")
    if not dot:
        stem, suffix = ascii_name, ""
    stem = stem.strip("._")
    if not stem:
        stem = FALLBACK
    ascii_name = f"{stem}.{suffix}" if suffix else stem
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"
