"""Report -> retrievable chunks.

Paragraph chunks
  * never cross a section boundary (a section's own paragraphs only);
  * are packed from sentence units (Chinese 。！？；, English . ! ? ;, and line
    breaks); a unit longer than a chunk is cut at commas, then by characters;
  * are sized in the embedder's tokens (``count_tokens``): at most
    ``max_tokens`` each, consecutive chunks of one paragraph share trailing
    sentences up to ``overlap_tokens``; a section that fits stays whole; a tail
    under ``min_tokens`` is merged back into the chunk before it;
  * keep the report's text verbatim (paragraphs of one chunk joined by "\\n").

Table rows (``report.tables``) become one ``table_row`` chunk each, rendered
from their fields (``北京市 | 2013年 | R&D投入强度 | 6.08%``; key/value tables as
``出版发行：经济管理出版社``), with the proving paragraph and verbatim quote.

Ids are content hashes; offsets point into the source file (exact where the
cleaned text aligns with the source spans, else the paragraphs' outer bounds).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Callable

from corpus.model import Paragraph, Report, TableRow

from .model import Chunk
from .settings import ChunkSettings
from .text import split_clauses, split_sentences

TokenCounter = Callable[[str], int]


@dataclass
class _Unit:
    para: Paragraph
    pi: int  # paragraph index within the section
    start: int  # offsets into para.text
    end: int
    tokens: int  # content tokens (specials/prefix excluded)
    overlap: bool = False  # repeated from the previous chunk

    @property
    def text(self) -> str:
        return self.para.text[self.start : self.end]


def chunk_id(source: str, kind: str, section_path: tuple[str, ...], text: str) -> str:
    blob = "\x1f".join([source, kind, " > ".join(section_path), text])
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()[:20]


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch == "\n":
            spans.append((start, i + 1))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _units(para: Paragraph, pi: int, max_content: int, count: TokenCounter) -> list[_Unit]:
    out: list[_Unit] = []
    text = para.text
    for ls, le in _line_spans(text):
        for ss, se in split_sentences(text[ls:le]):
            ss, se = ls + ss, ls + se
            n = count(text[ss:se])
            if n <= max_content:
                out.append(_Unit(para, pi, ss, se, n))
                continue
            # too long: clauses, then characters
            for cs, ce in split_clauses(text[ss:se]):
                cs, ce = ss + cs, ss + ce
                n = count(text[cs:ce])
                if n <= max_content:
                    out.append(_Unit(para, pi, cs, ce, n))
                    continue
                a = cs
                while a < ce:
                    lo, hi = a + 1, ce  # largest b with count(text[a:b]) <= max_content
                    while lo < hi:
                        mid = (lo + hi + 1) // 2
                        if count(text[a:mid]) <= max_content:
                            lo = mid
                        else:
                            hi = mid - 1
                    out.append(_Unit(para, pi, a, lo, count(text[a:lo])))
                    a = lo
    return [u for u in out if u.text.strip()]


def _merge_adjacent(units: list[_Unit]) -> list[_Unit]:
    """Units of one chunk, ordered, with touching units of one paragraph fused."""
    out: list[_Unit] = []
    for u in units:
        if out and out[-1].pi == u.pi and out[-1].end == u.start:
            last = out[-1]
            out[-1] = _Unit(last.para, last.pi, last.start, u.end, last.tokens + u.tokens)
        else:
            out.append(u)
    return out


def _render(units: list[_Unit]) -> str:
    return "\n".join(u.text.strip() for u in _merge_adjacent(units))


class _Aligner:
    """Maps offsets in a paragraph's cleaned text to offsets in the source file."""

    def __init__(self, source_text: str | None):
        self.src = source_text

    def offsets(self, para: Paragraph, start: int, end: int) -> tuple[int, int]:
        if self.src is None or not para.spans:
            return para.start, para.end
        m = self._map(para)
        if m is None:
            return para.start, para.end
        s = m[start] if start < len(m) else para.end
        e = (m[end - 1] + 1) if 0 < end <= len(m) else para.end
        return s, e

    def _map(self, para: Paragraph) -> list[int] | None:
        """Greedy alignment: each cleaned character maps to the next equal source
        character within a short window (markup such as ``<sup>`` and OCR spaces
        are skipped); characters the cleaner inserted map to the current position."""
        cache = self.__dict__.setdefault("_cache", {})
        if para.id in cache:
            return cache[para.id]
        src = self.src
        positions = [i for a, b in para.spans for i in range(a, min(b, len(src)))]
        out: list[int] = []
        j = 0
        missed = 0
        for ch in para.text:
            k = j
            limit = min(len(positions), j + 48)
            while k < limit and src[positions[k]] != ch:
                k += 1
            if k < limit:
                out.append(positions[k])
                j = k + 1
            else:
                missed += 1
                out.append(positions[j] if j < len(positions) else para.end)
        ok = missed <= max(2, len(para.text) // 10)
        cache[para.id] = out if ok else None
        return cache[para.id]


def _section_chunks(report: Report, paras: list[Paragraph], cs: ChunkSettings, count: TokenCounter, base: int, align: _Aligner) -> list[tuple[list[_Unit], str]]:
    max_content = max(8, cs.max_tokens - base)
    units = [u for pi, p in enumerate(paras) for u in _units(p, pi, max_content, count)]
    if not units:
        return []
    groups: list[list[_Unit]] = []
    cur: list[_Unit] = []
    cur_tokens = 0
    i = 0
    while i < len(units):
        u = units[i]
        fresh = [x for x in cur if not x.overlap]
        if cur and cur_tokens + u.tokens > max_content and fresh:
            groups.append(cur)
            # overlap: trailing units of the same paragraph as the next unit
            ov: list[_Unit] = []
            t = 0
            for x in reversed(cur):
                if x.pi != u.pi or t + x.tokens > cs.overlap_tokens:
                    break
                ov.insert(0, x)
                t += x.tokens
            cur = [_Unit(x.para, x.pi, x.start, x.end, x.tokens, overlap=True) for x in ov]
            cur_tokens = t
            continue
        cur.append(u)
        cur_tokens += u.tokens
        i += 1
    if cur and any(not x.overlap for x in cur):
        groups.append(cur)
    # a short tail goes back into the chunk before it
    if len(groups) >= 2:
        tail_new = [x for x in groups[-1] if not x.overlap]
        if sum(x.tokens for x in tail_new) < cs.min_tokens:
            prev = groups[-2]
            seen = {(x.pi, x.start) for x in prev}
            groups[-2] = prev + [x for x in groups[-1] if (x.pi, x.start) not in seen]
            groups.pop()
    return [(g, _render(g)) for g in groups]


def _render_row(row: TableRow) -> str:
    f = {k: str(v).strip() for k, v in row.fields.items()}
    if set(f) >= {"label", "value"}:
        return f"{f['label']}：{f['value']}"
    if row.table == "toc":
        path = [x for x in (f.get("chapter"), f.get("section"), f.get("subsection")) if x]
        title = f.get("title") or (path[-1] if path else "")
        if path and path[-1] == title:
            path = path[:-1]
        head = " > ".join(path + [title]) if title else " > ".join(path)
        return f"{head} | 第{f['page']}页" if f.get("page") else head
    if row.table == "indicators":
        parts = [f.get("region", ""), f"{f['year']}年" if f.get("year") and not f["year"].endswith("年") else f.get("year", ""),
                 f.get("indicator", ""), f.get("value", "") + (f.get("unit", "") if f.get("unit", "") not in f.get("value", "") else "")]
        return " | ".join(p for p in parts if p)
    return " | ".join(v for v in f.values() if v)


def _find_squashed(text: str, quote: str) -> tuple[int, int] | None:
    """Span of ``quote`` in ``text`` ignoring whitespace on both sides."""
    q = "".join(quote.split())
    if not q:
        return None
    pos = text.find(quote)
    if pos >= 0:
        return pos, pos + len(quote)
    idx = [i for i, ch in enumerate(text) if not ch.isspace()]
    flat = "".join(text[i] for i in idx)
    k = flat.find(q)
    if k < 0:
        return None
    return idx[k], idx[k + len(q) - 1] + 1


def sentence_quote(para: Paragraph, quote: str, max_chars: int = 240) -> str:
    """The sentence(s) of ``para`` that hold ``quote`` (verbatim): a table row is cited
    with its whole sentence, which is what a reader needs to check it."""
    span = _find_squashed(para.text, quote)
    if span is None:
        return quote
    a, b = span
    text = para.text
    spans = [(ls + s, ls + e) for ls, le in _line_spans(text) for s, e in split_sentences(text[ls:le])]
    start = max((s for s, e in spans if s <= a), default=a)
    end = min((e for s, e in spans if e >= b), default=b)
    out = text[start:end].strip()
    return out if len(out) <= max_chars else quote


def table_chunks(report: Report, start_order: int = 0) -> list[Chunk]:
    out: list[Chunk] = []
    order = start_order
    for table, rows in report.tables.items():
        for row in rows:
            try:
                p = report.paragraph(row.paragraph_id)
            except KeyError:
                p = None
            s, e = (p.start, p.end) if p is not None else (0, 0)
            quote = sentence_quote(p, row.quote) if p is not None else row.quote
            text = _render_row(row)
            meta = dict(row.fields)
            meta.setdefault("table", table)
            if quote != row.quote:
                meta["row_quote"] = row.quote
            out.append(
                Chunk(
                    id=chunk_id(report.source_id, "table_row", row.section_path, f"{table}\x1f{text}\x1f{row.quote}"),
                    text=text,
                    kind="table_row",
                    section_path=tuple(row.section_path),
                    page=row.page,
                    source=report.source_id,
                    start=s,
                    end=e,
                    paragraph_ids=(row.paragraph_id,),
                    quote=quote,
                    order=order,
                    meta=meta,
                )
            )
            order += 1
    return out


def chunk_report(report: Report, settings: ChunkSettings, count_tokens: TokenCounter, source_text: str | None = None,
                 include_tables: bool = True) -> list[Chunk]:
    """All chunks of a report in reading order (paragraph chunks, then table rows).

    ``count_tokens`` is the embedder's counter (specials and prefix included);
    ``source_text`` (the decoded source file) makes offsets exact.
    """
    base = count_tokens("")

    def count(t: str) -> int:
        return max(0, count_tokens(t) - base)

    align = _Aligner(source_text)
    chunks: list[Chunk] = []
    seen: dict[str, int] = {}
    order = 0
    for sec in report.sections():
        paras = [report.paragraph(pid) for pid in sec.paragraph_ids]
        if not paras:
            continue
        for units, text in _section_chunks(report, paras, settings, count, base, align):
            first, last = units[0], units[-1]
            s, _ = align.offsets(first.para, first.start, first.end)
            _, e = align.offsets(last.para, last.start, last.end)
            path = tuple(paras[0].section_path) or tuple(sec.path)
            cid = chunk_id(report.source_id, "paragraph", path, text)
            if cid in seen:  # identical text twice in one section
                seen[cid] += 1
                cid = f"{cid}-{seen[cid]}"
            else:
                seen[cid] = 0
            pids = tuple(dict.fromkeys(u.para.id for u in units))
            chunks.append(
                Chunk(
                    id=cid,
                    text=text,
                    kind="paragraph",
                    section_path=path,
                    page=first.para.page,
                    source=report.source_id,
                    start=s,
                    end=max(e, s),
                    paragraph_ids=pids,
                    quote=text,
                    order=order,
                    meta={"tokens": base + sum(u.tokens for u in units)},
                )
            )
            order += 1
    for fn in report.footnotes:
        # a footnote is a passage of its own, under the paragraph that carries its marker ("前言 › 一、… › 脚注①"):
        # the work it cites (邢元敏、薛进文, 天津人民出版社) can be asked for and quoted
        try:
            para = report.paragraph(fn.paragraph_id)
        except KeyError:
            continue
        text = fn.text.strip()
        if not text:
            continue
        path = tuple(para.section_path) + (f"脚注{fn.marker}",)
        chunks.append(
            Chunk(
                id=chunk_id(report.source_id, "paragraph", path, text),
                text=text,
                kind="paragraph",
                section_path=path,
                page=para.page,
                source=report.source_id,
                start=fn.start,
                end=max(fn.end, fn.start),
                paragraph_ids=(fn.paragraph_id,),
                quote=text,
                order=order,
                meta={"tokens": base + count(text), "footnote": fn.marker},
            )
        )
        order += 1
    if include_tables:
        chunks.extend(table_chunks(report, start_order=order))
    return chunks
