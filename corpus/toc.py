"""Table of contents: entry lines -> (chapter, section, subsection, title, page), and
start pages for the sections of the parsed tree.

Only the TOC gives pages for a Markdown source; a section the TOC does not list
gets no page (nothing is invented).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clean import clean_inline, collapse_spaced_cjk, strip_ws
from .model import Section
from .structure import heading_kind

LEADER = " ..... "
_ENTRY_RE = re.compile(r"^(?P<title>.+?)(?:\s*[.…·・]{2,}\s*|\s+)(?P<page>\d{1,4})$")


@dataclass(frozen=True)
class TocEntry:
    title: str
    page: int | None
    level: int  # 1 chapter / front-back matter, 2 节, 3 enumerated part, 4 (一)
    chapter: str
    section: str
    subsection: str
    line: str  # the cleaned entry line as it appears in the paragraph text


def clean_toc_line(raw: str) -> tuple[str, int | None]:
    """``"<b>第二节 电子商务</b>\\t<b>57</b>"`` -> ``("第二节 电子商务", 57)``."""
    s = clean_inline(raw.replace("\t", " "))
    m = _ENTRY_RE.match(s)
    if m:
        title, page = m.group("title"), int(m.group("page"))
    else:
        title, page = s, None
    title = collapse_spaced_cjk(title.strip(" .…·・"))
    return title, page


def render_entry(title: str, page: int | None) -> str:
    return f"{title}{LEADER}{page}" if page is not None else title


def _level(title: str) -> int:
    kind = heading_kind(title)
    return {"front": 1, "chapter": 1, "jie": 2, "enum": 3, "paren": 4}.get(kind, 3)


def parse_entries(lines: list[str]) -> list[TocEntry]:
    """Rendered or raw TOC lines -> entries with their place in the hierarchy."""
    out: list[TocEntry] = []
    chapter = section = ""
    for raw in lines:
        if not raw.strip():
            continue
        title, page = clean_toc_line(raw)
        if not title:
            continue
        level = _level(title)
        if level == 1:
            chapter, section = title, ""
            out.append(TocEntry(title, page, 1, title, "", "", render_entry(title, page)))
        elif level == 2:
            section = title
            out.append(TocEntry(title, page, 2, chapter, title, "", render_entry(title, page)))
        else:
            out.append(TocEntry(title, page, level, chapter, section, title, render_entry(title, page)))
    return out


def entry_path(e: TocEntry) -> tuple[str, ...]:
    return tuple(x for x in (e.chapter, e.section, e.subsection) if x)


def assign_pages(root: Section, entries: list[TocEntry]) -> int:
    """Give each section listed in the TOC its start page; returns how many matched."""
    by_path = {tuple(strip_ws(x) for x in entry_path(e)): e.page for e in entries if e.page is not None}
    n = 0
    for sec in root.walk():
        if not sec.path:
            continue
        key = tuple(strip_ws(x) for x in sec.path)
        if key in by_path:
            sec.page = by_path[key]
            n += 1
    return n
