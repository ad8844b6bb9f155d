"""The repository speaks only of itself: no file cites a document that is not in it, and the
documents' links lead to files that are."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Design notes kept outside the repository, and absolute paths of a workstation (spelled in
# pieces, so that this file does not name them itself).
_ROOTS = ["/" + "work/", "../" + "shared/"]
OUTSIDE = re.compile(
    r"\b(DESIGN|GLOSSARY|FORMS|FRONTEND|SEED-EN)\.md\b|" + "|".join(map(re.escape, _ROOTS))
)
TEXT = {
    ".py",
    ".ts",
    ".vue",
    ".md",
    ".json",
    ".toml",
    ".yml",
    ".yaml",
    ".sh",
    ".mjs",
    ".css",
    ".scss",
    ".html",
    ".ini",
    ".mako",
    ".cfg",
    ".txt",
    "",
}
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def _tracked() -> list[Path]:
    names = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    return [ROOT / n for n in names if Path(n).suffix in TEXT and (ROOT / n).is_file()]


def test_no_file_cites_a_document_outside_the_repository() -> None:
    found = []
    for path in _tracked():
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
            if OUTSIDE.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:80]}")
    assert found == []


def test_the_documents_links_lead_inside_the_repository() -> None:
    broken = []
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in LINK.findall(doc.read_text()):
            if "://" in target:
                continue
            if not (doc.parent / target).exists():
                broken.append(f"{doc.relative_to(ROOT)} → {target}")
    assert broken == []
