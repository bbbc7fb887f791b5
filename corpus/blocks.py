"""Source text -> blocks (headings, text blocks, footnotes) with exact offsets.

A block is a run of consecutive non-blank lines (a heading line is always a
block of its own). ``gap_before`` counts the blank lines before it: OCR output
marks a page break with a run of 3 or more blank lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .clean import FOOTNOTE_BLOCK_RE, clean_heading, is_debris
from .structure import heading_kind

PAGE_BREAK_GAP = 3
_HEADING_RE = re.compile(r"^ {0,3}(#{1,6})(?:\s|$)")


@dataclass
class Block:
    kind: str  # "heading" | "text" | "footnote"
    start: int
    end: int
    lines: list[tuple[int, int]] = field(default_factory=list)  # stripped span of each source line
    gap_before: int = 0
    hashes: int = 0

    def raw(self, src: str) -> str:
        return src[self.start : self.end]

    @property
    def page_break_before(self) -> bool:
        return self.gap_before >= PAGE_BREAK_GAP


def _lines(src: str):
    pos = 0
    n = len(src)
    while pos < n:
        nl = src.find("\n", pos)
        end = n if nl < 0 else nl
        yield pos, src[pos:end].rstrip("\r")
        pos = end + 1


_PLAIN_END = set("。！？!?")


def _plain_heading(line: str) -> bool:
    """In text without markup (plain .txt, PDF): a short line that names a book part."""
    t = line.strip()
    if not t or len(t) > 30 or t[-1] in _PLAIN_END or t[-1] in "，；,;":
        return False
    return heading_kind(clean_heading(t)) in ("front", "chapter", "jie", "enum")


def lex(src: str, plain: bool = False) -> list[Block]:
    """``plain``: the source has no Markdown blank-line paragraphs (PDF text): a line
    ending a sentence closes its block, and short lines naming a book part are headings."""
    blocks: list[Block] = []
    cur: Block | None = None
    blank = 0
    for pos, line in _lines(src):
        if not line.strip() or is_debris(line):
            cur = None
            blank += 1
            continue
        lead = len(line) - len(line.lstrip())
        s, e = pos + lead, pos + len(line.rstrip())
        m = _HEADING_RE.match(line)
        if m or (plain and _plain_heading(line)):
            cur = None
            blocks.append(Block("heading", s, e, [(s, e)], blank, len(m.group(1)) if m else 0))
            blank = 0
            continue
        if cur is None:
            kind = "footnote" if FOOTNOTE_BLOCK_RE.match(line) and "<sup>" in line[:12] else "text"
            cur = Block(kind, s, e, [(s, e)], blank)
            blocks.append(cur)
            blank = 0
        else:
            cur.lines.append((s, e))
            cur.end = e
        if plain and line.rstrip()[-1] in _PLAIN_END:
            cur = None
    return blocks
