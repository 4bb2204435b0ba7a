"""Every document the code cites is in the repository: each ``docs/networks.md §…``
citation names a section that exists there, and nothing points outside the repository
(the research brief in ../shared/docs is not shipped)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "networks.md"
SELF = {DOC, Path(__file__).resolve()}
SCANNED = ("*.py", "*.md", "*.html", "*.txt")
SKIPPED = {".venv", ".git", "node_modules", "__pycache__", ".artifacts"}
CITATION = re.compile(r"docs/networks\.md[^§\n]{0,40}((?:§[\w.\-–]+[,;/ ]*(?:and )?)+)")
SECTION = re.compile(r"§([\w.\-–]+)")


def _source_files():
    for pattern in SCANNED:
        for path in ROOT.rglob(pattern):
            if SKIPPED.isdisjoint(path.relative_to(ROOT).parts) and path not in SELF:
                yield path


def _sections() -> set[str]:
    """Every section id the document defines: headings («## 1.», «### 6.B») and the
    numbered points («**1.4**», «**6.A.1–2**» covers 6.A.1 and 6.A.2)."""
    text = DOC.read_text()
    found = set(re.findall(r"^##+ (\d+(?:\.[A-Z])?)\.? ", text, re.M))
    for base, first, last in re.findall(
        r"\*\*(\d+(?:\.[A-Z])?)\.(\d+)(?:[–-](\d+))?\*\*", text
    ):
        for number in range(int(first), int(last or first) + 1):
            found.add(f"{base}.{number}")
    return found


def _cited(raw: str) -> list[str]:
    ids = []
    for token in SECTION.findall(raw):
        for part in re.split(r"[–-]", token.rstrip(".")):
            if part:
                ids.append(part.rstrip("."))
    return ids


def test_the_document_exists_and_numbers_its_sections():
    sections = _sections()
    for expected in ("1", "1.4", "3.4", "6.A", "6.B.4", "6.C.4", "7", "9.6"):
        assert expected in sections


def test_every_citation_names_a_section_of_docs_networks_md():
    sections = _sections()
    missing, count = [], 0
    for path in _source_files():
        for line_no, line in enumerate(path.read_text(errors="ignore").splitlines(), 1):
            for match in CITATION.finditer(line):
                for section in _cited(match.group(1)):
                    count += 1
                    if section not in sections:
                        missing.append(f"{path.relative_to(ROOT)}:{line_no} §{section}")
    assert count > 60  # the code does cite it
    assert missing == []


def test_nothing_cites_the_research_brief_outside_the_repository():
    outside = [
        str(path.relative_to(ROOT))
        for path in _source_files()
        if "shared/docs" in path.read_text(errors="ignore")
    ]
    assert outside == []
