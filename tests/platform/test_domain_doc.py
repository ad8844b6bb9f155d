"""docs/domain.md keeps the server's vocabulary: every value `/meta/enums` serves is a row of its
glossary with the identifier and both labels exactly as the server has them.

A glossary table of a served enum follows a paragraph containing "`/meta/enums` → `name`"; its
rows are `| `value` | 中文 | English | …` (extra columns are free). A row whose value the server
does not serve fails too, so the page cannot keep a value the code has dropped. The paths the
page names must exist, so module references stay true when code moves. No database is needed:
the labels are read from the registry the endpoint serves.
"""

from __future__ import annotations

import re
from pathlib import Path

import anjie.meta.labels  # noqa: F401 - loads every domain's vocabulary, as /meta/enums does
from anjie.core.labels import all_enums

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "domain.md"
CAPTION = re.compile(r"`/meta/enums` → `([a-z0-9_]+)`")
IDENTIFIER = re.compile(r"^`([a-z0-9_]+)`$")
# Where a path in the page may be rooted: the repository, the Python package (the rules tables
# name modules as `cases/guards.py`) and the web app's print views.
PATH_ROOTS = (ROOT, ROOT / "backend" / "anjie", ROOT / "frontend" / "src" / "views" / "print")
PATHLIKE = re.compile(r"^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*/?$")


def _served() -> dict[str, dict[str, tuple[str, str]]]:
    return {
        name: {item["value"]: (item["zh-CN"], item["en"]) for item in items}
        for name, items in all_enums().items()
    }


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _documented() -> dict[str, list[tuple[int, str, str, str]]]:
    """Enum name → (line number, value, 中文, English) of the rows of its captioned tables.

    A table belongs to the caption in the paragraph just before it (a caption may wrap)."""
    tables: dict[str, list[tuple[int, str, str, str]]] = {}
    paragraph: list[str] = []
    fresh = True  # the next text line starts a new paragraph
    current: str | None = None
    in_table = False
    for number, line in enumerate(DOC.read_text(encoding="utf-8").splitlines(), start=1):
        if line.lstrip().startswith("|"):
            if not in_table:
                in_table = True
                found = CAPTION.search(" ".join(paragraph))
                current = found.group(1) if found else None
                if current is not None:
                    tables.setdefault(current, [])
                continue  # the header row
            cells = _cells(line)
            if current is None or set("".join(cells)) <= set("-: "):
                continue
            match = IDENTIFIER.match(cells[0])
            value = match.group(1) if match else cells[0]
            zh, en = [*cells, "", ""][1:3]
            tables[current].append((number, value, zh, en))
            continue
        if in_table:
            in_table, paragraph, fresh = False, [], True
        if not line.strip():
            fresh = True
        elif fresh:
            paragraph, fresh = [line.strip()], False
        else:
            paragraph.append(line.strip())
    return tables


def _row(value: str, zh: str, en: str) -> str:
    return f"| `{value}` | {zh} | {en} |"


def test_every_served_enum_value_is_a_glossary_row_with_the_servers_labels() -> None:
    served = _served()
    documented = _documented()
    problems: list[str] = []
    for name, values in served.items():
        if name not in documented:
            problems.append(f"enum {name}: no table captioned “`/meta/enums` → `{name}`”")
            continue
        rows = {value: (line, zh, en) for line, value, zh, en in documented[name]}
        for value, (zh, en) in values.items():
            if value not in rows:
                problems.append(f"enum {name}: row missing: {_row(value, zh, en)}")
            elif rows[value][1:] != (zh, en):
                line, doc_zh, doc_en = rows[value]
                problems.append(
                    f"enum {name}, line {line}: {_row(value, doc_zh, doc_en)} "
                    f"but the server has {_row(value, zh, en)}"
                )
        for line, value, _, _ in documented[name]:
            if value not in values:
                problems.append(f"enum {name}, line {line}: `{value}` is not served")
    for name in documented.keys() - served.keys():
        problems.append(f"a table is captioned `{name}`, which /meta/enums does not serve")
    assert not problems, "docs/domain.md is out of step with the server:\n" + "\n".join(problems)


def test_the_registry_is_not_empty() -> None:
    # Guards the test above against passing on nothing: the server serves the case vocabulary.
    served = _served()
    assert {"case_status", "case_action", "role", "relief_step", "hearing_kind"} <= set(served)


def test_every_path_the_page_names_exists_in_the_repository() -> None:
    """Module paths stay true when code moves; links stay inside the repository."""
    text = DOC.read_text(encoding="utf-8")
    named = {
        token
        for token in re.findall(r"`([^`\n]+)`", text)
        if PATHLIKE.match(token) and ("/" in token or re.search(r"\.(py|ts|vue|css)$", token))
    }
    missing = sorted(t for t in named if not any((root / t).exists() for root in PATH_ROOTS))
    assert named and not missing, f"docs/domain.md names paths that do not exist: {missing}"
    links = re.findall(r"\]\(([^)\s]+)\)", text)
    slugs = {
        "#" + re.sub(r"[^a-z0-9 -]", "", heading.strip().lower()).replace(" ", "-")
        for heading in re.findall(r"^#+ (.+)$", text, flags=re.MULTILINE)
    }

    def resolves(link: str) -> bool:
        if link.startswith("#"):
            return link in slugs
        target = (DOC.parent / link).resolve()
        return target.is_relative_to(ROOT) and target.exists()

    broken = [link for link in links if not resolves(link)]
    assert not broken, f"docs/domain.md has links that do not resolve in the repository: {broken}"
