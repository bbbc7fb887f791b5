"""OCR'd Markdown (or plain text) -> section tree, paragraphs and footnotes.

Book rules, each a pattern rather than a fact about one file:
- The blocks before the first recognisable book heading (前言, 第一章, 图书在版编目...)
  are the title page. A second, near-identical copy of it (OCR of the inner
  title page, with variants such as 郭艳 for 郭斌) is recognised and dropped.
- Heading depth follows the heading's kind (chapter, 节, 一、, （一）), not its
  ``#`` count; front matter (总序, 前言, 目录...) is always top level.
- ``# 第一章`` directly followed by ``## <title>`` is one heading; a series title
  ``《…》`` standing directly above a heading is that page's first paragraph.
- A summing-up paragraph (综上所述…) after enumerated parts belongs to the parent.
- A prose paragraph that stops mid-sentence and resumes after a page break (a run
  of 3+ blank lines), possibly with a footnote in between, is rejoined.
- ``<sup>①</sup>`` markers leave the sentence; the footnote is kept as a
  :class:`Footnote` linked to the paragraph holding its marker.
- The 目录 becomes one paragraph per chapter, one line per entry, and gives the
  start pages of the sections it lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .blocks import Block, lex
from .clean import (
    FOOTNOTE_BLOCK_RE,
    FOOTNOTE_MARK_RE,
    clean_heading,
    clean_inline,
    ends_sentence,
    join_fragments,
    strip_ws,
)
from .model import Footnote, Paragraph, Section
from .structure import (
    CHAPTER_LABEL_RE,
    KNOWN_KINDS,
    SUMMARY_RE,
    fixed_depth,
    heading_kind,
)
from .toc import TocEntry, assign_pages, clean_toc_line, parse_entries, render_entry

TITLE_PAGE = "封面"
TOC_TITLES = {"目录"}
_HASH_PREFIX_RE = re.compile(r"^\s*#+\s*")


@dataclass
class ParsedDoc:
    title: str
    root: Section
    paragraphs: list[Paragraph]
    footnotes: list[Footnote]
    toc: list[TocEntry]
    dropped: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, reason)
    heading_offsets: dict[str, int] = field(default_factory=dict)  # section id -> offset of its heading


@dataclass
class _Draft:
    section: Section
    spans: list[tuple[int, int]]
    text: str
    markers: list[str] = field(default_factory=list)
    note_ids: list[str] = field(default_factory=list)


@dataclass
class _Open:
    section: Section
    depth: int
    kind: str


def _heading_span(src: str, b: Block) -> tuple[int, int]:
    raw = b.raw(src)
    m = _HASH_PREFIX_RE.match(raw)
    return (b.start + (m.end() if m else 0), b.end)


def _is_prose(text: str) -> bool:
    return len(text) >= 20 and any(c in text for c in "，。；,")


class _Builder:
    def __init__(self, src: str, source_id: str, plain: bool = False):
        self.src = src
        self.source_id = source_id
        self.blocks = lex(src, plain=plain)
        self.heading_at: dict[str, int] = {}
        self.root = Section(id="s0", title=source_id, level=0, path=())
        self.stack: list[_Open] = [_Open(self.root, 0, "root")]
        self.drafts: list[_Draft] = []
        self.footnotes: list[tuple[str, str, int, int, int]] = []  # marker, text, start, end, draft idx
        self.toc_lines: list[str] = []
        self.dropped: list[tuple[int, int, str]] = []

    # -- helpers -------------------------------------------------------------
    def _title(self, b: Block) -> str:
        return clean_heading(b.raw(self.src))

    def _kind(self, b: Block) -> str:
        return heading_kind(self._title(b)) if b.kind == "heading" else b.kind

    def _open(self, title: str, kind: str, hashes: int) -> Section:
        depth = fixed_depth(kind)
        if depth is None:
            if kind in ("enum", "paren"):
                anchor = next(
                    (o for o in reversed(self.stack) if o.kind not in ("enum", "paren") or (kind == "paren" and o.kind == "enum")),
                    self.stack[0],
                )
                depth = anchor.depth + 1
            else:
                depth = max(1, hashes)
        while self.stack[-1].depth >= depth:
            self.stack.pop()
        parent = self.stack[-1].section
        sec = Section(
            id=f"{parent.id}.{len(parent.children) + 1}",
            title=title,
            level=len(parent.path) + 1,
            path=parent.path + (title,),
        )
        parent.children.append(sec)
        self.stack.append(_Open(sec, depth, kind))
        return sec

    def _add(self, spans: list[tuple[int, int]], section: Section | None = None, text: str | None = None) -> _Draft:
        sec = section or self.stack[-1].section
        if text is None:
            text = join_fragments([clean_inline(self.src[a:b]) for a, b in spans])
        markers: list[str] = []
        for a, b in spans:
            markers += FOOTNOTE_MARK_RE.findall(self.src[a:b])
        d = _Draft(sec, list(spans), text, markers)
        self.drafts.append(d)
        return d

    # -- title page ------------------------------------------------------------
    def _split_title_region(self) -> int:
        """Number of leading blocks that form the title page (0 if there is none).

        Only short lines qualify: a document whose first recognisable heading comes
        after real prose has no title page, its opening is ordinary body text."""
        for i, b in enumerate(self.blocks):
            if b.kind == "heading" and self._kind(b) in KNOWN_KINDS:
                region = self.blocks[:i]
                if len(region) > 60 or any(len(self._block_key(x)) > 200 for x in region):
                    return 0
                return i
        return 0

    def _block_key(self, b: Block) -> str:
        a, e = _heading_span(self.src, b) if b.kind == "heading" else (b.start, b.end)
        return strip_ws(clean_inline(self.src[a:e].replace("\n", " ")))

    def _dedupe_title(self, blocks: list[Block]) -> list[Block]:
        keys = [self._block_key(b) for b in blocks]
        for k in range(1, len(blocks)):
            if SequenceMatcher(None, keys[k], keys[0]).ratio() < 0.8:
                continue
            first, second = "".join(keys[:k]), "".join(keys[k:])
            if len(second) >= 0.5 * len(first) and SequenceMatcher(None, first, second, autojunk=False).ratio() >= 0.75:
                for b in blocks[k:]:
                    self.dropped.append((b.start, b.end, "duplicate title page"))
                return blocks[:k]
        return blocks

    def _title_page(self, blocks: list[Block]) -> str:
        blocks = self._dedupe_title(blocks)
        if not blocks:
            return ""
        sec = self._open(TITLE_PAGE, "front", 1)
        title_parts: list[str] = []
        for b in blocks:
            if b.kind == "heading":
                self._add([_heading_span(self.src, b)], sec)
                t = self._title(b)
                if not title_parts or t.startswith(("—", "-", ":", "：")) and len(title_parts) == 1:
                    title_parts.append(t)
            else:
                self._add(list(b.lines), sec)
        self.stack = self.stack[:1]
        return "".join(title_parts)

    # -- body ------------------------------------------------------------------
    def _continuation(self, i: int) -> int | None:
        """Index of the block continuing text block ``i`` across a page break, if any."""
        page_break = False
        j = i + 1
        while j < len(self.blocks):
            b = self.blocks[j]
            page_break = page_break or b.page_break_before
            if b.kind == "footnote":
                j += 1
                continue
            if b.kind == "text" and page_break:
                return j
            return None
        return None

    def _in_toc(self) -> bool:
        return strip_ws(self.stack[-1].section.title) in TOC_TITLES

    def _toc_block(self, b: Block) -> None:
        for a, e in b.lines:
            raw = self.src[a:e]
            title, page = clean_toc_line(raw)
            if not title:
                continue
            self.toc_lines.append(raw)
            line = render_entry(title, page)
            new_group = heading_kind(title) in ("chapter", "front") or not self.drafts or self.drafts[-1].section is not self.stack[-1].section
            if new_group:
                self._add([(a, e)], text=line)
            else:
                d = self.drafts[-1]
                d.spans.append((a, e))
                d.text += "\n" + line

    def _body(self, start: int) -> None:
        consumed: set[int] = set()
        caption: Block | None = None
        i = start
        while i < len(self.blocks):
            b = self.blocks[i]
            if i in consumed:
                i += 1
                continue
            if b.kind == "heading":
                title, kind = self._title(b), self._kind(b)
                nxt = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
                if kind == "caption" and nxt is not None and nxt.kind == "heading":
                    caption = b
                    i += 1
                    continue
                if kind == "chapter" and CHAPTER_LABEL_RE.match(strip_ws(title)) and nxt is not None \
                        and nxt.kind == "heading" and self._kind(nxt) == "other":
                    title = f"{strip_ws(title)} {self._title(nxt)}"
                    i += 1
                sec = self._open(title, kind if kind != "caption" else "other", b.hashes)
                self.heading_at[sec.id] = b.start
                if caption is not None:
                    self._add([_heading_span(self.src, caption)], sec)
                    caption = None
                i += 1
                continue
            if b.kind == "footnote":
                m = FOOTNOTE_BLOCK_RE.match(b.raw(self.src))
                marker = m.group(1) or m.group(2)
                text = join_fragments([clean_inline(self.src[a:e]) for a, e in b.lines])
                self.footnotes.append((marker, text, b.start, b.end, len(self.drafts)))
                i += 1
                continue
            if self._in_toc():
                self._toc_block(b)
                i += 1
                continue
            spans = list(b.lines)
            first_text = clean_inline(self.src[spans[0][0] : spans[0][1]])
            if SUMMARY_RE.match(first_text) and self.stack[-1].kind in ("enum", "paren"):
                while self.stack[-1].kind in ("enum", "paren"):
                    self.stack.pop()
            text = join_fragments([clean_inline(self.src[a:e]) for a, e in spans])
            cur = i
            while _is_prose(text) and not ends_sentence(text):
                j = self._continuation(cur)
                if j is None:
                    break
                consumed.add(j)
                spans += self.blocks[j].lines
                text = join_fragments([clean_inline(self.src[a:e]) for a, e in spans])
                cur = j
            self._add(spans, text=text)
            i += 1

    # -- assembly --------------------------------------------------------------
    def _link_footnotes(self) -> list[Footnote]:
        out: list[Footnote] = []
        taken: set[tuple[int, str]] = set()
        for n, (marker, text, start, end, before) in enumerate(self.footnotes, 1):
            fid = f"{self.source_id}:fn{n}"
            order = list(range(before - 1, -1, -1)) + list(range(before, len(self.drafts)))
            idx = next((k for k in order if marker in self.drafts[k].markers and (k, marker) not in taken), None)
            if idx is None:
                continue
            taken.add((idx, marker))
            self.drafts[idx].note_ids.append(fid)
            out.append(Footnote(id=fid, marker=marker, text=text, paragraph_id=str(idx), start=start, end=end))
        return out

    def build(self) -> ParsedDoc:
        split = self._split_title_region()
        title = self._title_page(self.blocks[:split]) if split else ""
        self._body(split)
        entries = parse_entries(self.toc_lines)
        assign_pages(self.root, entries)
        notes = self._link_footnotes()
        counters: dict[str, int] = {}
        paragraphs: list[Paragraph] = []
        for d in self.drafts:
            n = counters[d.section.id] = counters.get(d.section.id, 0) + 1
            pid = f"{self.source_id}:{d.section.id}:{n}"
            d.section.paragraph_ids.append(pid)
            paragraphs.append(
                Paragraph(
                    id=pid,
                    text=d.text,
                    section_path=d.section.path,
                    page=d.section.page,
                    start=d.spans[0][0],
                    end=d.spans[-1][1],
                    spans=tuple(d.spans),
                    note_ids=tuple(d.note_ids),
                    source=self.source_id,
                )
            )
        notes = [
            Footnote(f.id, f.marker, f.text, paragraphs[int(f.paragraph_id)].id, f.start, f.end) for f in notes
        ]
        if not title:
            first = next((s for s in self.root.children if s.title != TITLE_PAGE), None)
            title = first.title if first else self.source_id
        self.root.title = title
        return ParsedDoc(title, self.root, paragraphs, notes, entries, self.dropped, self.heading_at)


def parse_text(src: str, source_id: str, plain: bool = False) -> ParsedDoc:
    """Parse Markdown or plain text (``plain``: text extracted from a PDF). Offsets refer to ``src``."""
    return _Builder(src, source_id, plain).build()
