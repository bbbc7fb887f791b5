"""Plain data types for a parsed report.

Everything downstream (chunks, citations, tables) points back at these records,
so each one carries its provenance: the source file, the section path, the page
(only where the table of contents gives one) and character offsets into the
*shipped source file* (not into the cleaned text).

A paragraph that the cleaner rejoined across a page break has several source
spans; ``start``/``end`` are the outer bounds and ``spans`` the exact pieces.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

PATH_SEP = " > "


@dataclass(frozen=True)
class Paragraph:
    id: str  # stable: "<source_id>:<section id>:<n>", unchanged while the text is unchanged
    text: str  # cleaned text (what is indexed and quoted)
    section_path: tuple[str, ...]  # e.g. ("前言", "二、产业梯度明显，但链接融合不够")
    page: int | None  # start page of the section from the TOC; None when unknown
    start: int  # offset of the first source character
    end: int  # offset after the last source character
    spans: tuple[tuple[int, int], ...]  # exact source pieces, in order
    note_ids: tuple[str, ...] = ()  # footnotes whose marker sits in this paragraph
    source: str = ""  # source id (file stem)

    @property
    def section(self) -> str:
        return PATH_SEP.join(self.section_path)


@dataclass(frozen=True)
class Footnote:
    id: str  # "<source_id>:fn1"
    marker: str  # "①"
    text: str
    paragraph_id: str  # paragraph holding the marker
    start: int
    end: int


@dataclass
class Section:
    id: str  # "s0", "s0.1", ... stable for a given structure
    title: str
    level: int  # 0 = root (the report itself)
    page: int | None = None
    children: list["Section"] = field(default_factory=list)
    paragraph_ids: list[str] = field(default_factory=list)
    path: tuple[str, ...] = ()

    def walk(self) -> Iterator["Section"]:
        yield self
        for c in self.children:
            yield from c.walk()


@dataclass(frozen=True)
class TableRow:
    """One row of a structured table, with the passage that proves it."""

    table: str  # "toc", "publication", "funding", "indicators"
    fields: dict  # column -> value (str); ordered as the table's columns
    paragraph_id: str
    quote: str  # verbatim span of the paragraph text (modulo whitespace)
    section_path: tuple[str, ...]
    page: int | None

    @property
    def section(self) -> str:
        return PATH_SEP.join(self.section_path)


@dataclass
class Report:
    source_id: str  # file stem, used in ids
    source_path: str
    source_sha256: str  # hash of the source bytes: the index is stale when it changes
    title: str
    root: Section
    paragraphs: list[Paragraph]
    footnotes: list[Footnote] = field(default_factory=list)
    tables: dict[str, list[TableRow]] = field(default_factory=dict)

    def paragraph(self, pid: str) -> Paragraph:
        return self._by_id()[pid]

    def _by_id(self) -> dict[str, Paragraph]:
        cache = self.__dict__.get("_pid_cache")
        if cache is None or len(cache) != len(self.paragraphs):
            cache = {p.id: p for p in self.paragraphs}
            self.__dict__["_pid_cache"] = cache
        return cache

    def sections(self) -> Iterator[Section]:
        return self.root.walk()

    def neighbours(self, pid: str, before: int = 1, after: int = 1) -> list[Paragraph]:
        """The paragraph with its neighbours inside the same section (for context views)."""
        idx = {p.id: i for i, p in enumerate(self.paragraphs)}
        i = idx[pid]
        sp = self.paragraphs[i].section_path
        out = []
        for j in range(max(0, i - before), min(len(self.paragraphs), i + after + 1)):
            if self.paragraphs[j].section_path == sp:
                out.append(self.paragraphs[j])
        return out
