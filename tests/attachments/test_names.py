"""File names: what is kept of a client's name, and how it is offered for download."""

from __future__ import annotations

import pytest

from anjie.attachments.names import clean_filename, content_disposition, download_name
from anjie.attachments.sniffing import JPEG, PDF, PNG


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("息诉罢访承诺书.pdf", "息诉罢访承诺书.pdf"),
        ("/etc/passwd", "passwd"),
        ("..\\..\\boot.ini", "boot.ini"),
        ("a\x00b\r\nc.pdf", "abc.pdf"),
        ('say "hi".pdf', "say hi.pdf"),
        ("fdp\u202e.exe", "fdp.exe"),
        ("  many   spaces\t.pdf ", "many spaces.pdf"),
        (".pdf", "attachment.pdf"),
        ("...", "attachment"),
        ("", "attachment"),
        (None, "attachment"),
    ],
)
def test_clean_filename(raw: str | None, clean: str) -> None:
    assert clean_filename(raw) == clean


def test_a_long_name_keeps_its_suffix() -> None:
    name = clean_filename("卷" * 300 + ".pdf")
    assert len(name) == 200
    assert name.endswith("卷.pdf")
    assert len(clean_filename("x" * 300)) == 200


@pytest.mark.parametrize(
    ("filename", "kind", "offered"),
    [
        ("scan.pdf", PDF, "scan.pdf"),
        ("scan.PDF", PDF, "scan.PDF"),
        ("scan.pdf", PNG, "scan.png"),
        ("photo.jpeg", JPEG, "photo.jpeg"),
        ("photo", JPEG, "photo.jpg"),
        ("a.b.c", PDF, "a.b.pdf"),
    ],
)
def test_download_name_follows_the_sniffed_type(filename: str, kind: object, offered: str) -> None:
    assert download_name(filename, kind) == offered  # type: ignore[arg-type]


def test_content_disposition_is_ascii_and_exact() -> None:
    header = content_disposition('2010年"承诺"书.pdf')
    header.encode("ascii")  # a header value must be ASCII here
    assert header == (
        'attachment; filename="2010.pdf"; '
        "filename*=UTF-8''2010%E5%B9%B4%22%E6%89%BF%E8%AF%BA%22%E4%B9%A6.pdf"
    )
