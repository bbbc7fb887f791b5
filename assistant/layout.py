"""The order of the report's parts and of the rows its ordered lists give: what comes before or after.

- Parts: the front matter, the prefaces and their numbered points, the chapters, as the record's paragraph
  sections give them in reading order ("总序之后是什么？" -> 前言; "讲完交通以后前言接着讲哪方面？" -> its fourth point).
- Rows: the imprint's lines and the funded projects, in the order the page prints them ("责任编辑下面那一行写的是谁？").

Built once per index from its chunks; nothing here is written for one report.
"""
from __future__ import annotations

import re

from assistant import evidence
from index.model import Hit

_ORDERED_TABLES = ("publication", "funding")  # rows whose order is the page's (the contents have their own reader)
# other names a reader gives a part: the imprint page by what it holds
_ALIASES = {"图书在版编目(CIP)数据": ("版权页", "版权信息", "在版编目", "CIP数据", "CIP")}
_NUMBERED_POINT = re.compile(r"^[一二三四五六七八九十]+、\s*")
_CHAPTER_HEAD = re.compile(r"^(第[一二三四五六七八九十百\d]+[章节])\s*(.*)$")
# the question asks for a part of the text, not a line or an item of a list
_PART_ASKED = re.compile(r"部分|哪一?[块段篇点]|哪(?:个|些)?方面|什么内容|讲(?:的是)?什么|是什么|\b(?:part|section|comes)\b", re.I)
_ITEM_ASKED = re.compile(r"一行|一条|一项|哪一?个项目|列的|\b(?:line|entry|project|grant|item)\b", re.I)
_POINT_ASKED = re.compile(r"[点条]|方面|\bpoints?\b", re.I)


def _plain(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _names(title: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(full names, short names) a question may call a part by: "总序"; "第一章", "京津冀信息服务业发展现状";
    a numbered point by its opening words ("科技合作很多", "科技合作"; short: "科技")."""
    t = _plain(title)
    full = [t, *_ALIASES.get(t, ())]
    short: list[str] = []
    if m := _CHAPTER_HEAD.match(title.strip()):
        full += [_plain(m.group(1)), _plain(m.group(2))] if m.group(2) else [_plain(m.group(1))]
    elif _NUMBERED_POINT.match(t):
        head = re.split(r"[，,、]", _NUMBERED_POINT.sub("", t))[0]
        full += [head, head[:4]]
        short.append(head[:2])
    return tuple(n for n in dict.fromkeys(full) if len(n) >= 2), tuple(short)


class Layout:
    def __init__(self, chunks):
        paras = sorted((c for c in chunks if c.kind == "paragraph" and not any(p.startswith("脚注") for p in c.section_path)),
                       key=lambda c: c.order)
        self._first: dict[tuple, object] = {}
        for c in paras:
            self._first.setdefault(tuple(c.section_path), c)
        self._paths = list(self._first)
        self._rows: dict[tuple, list] = {}
        for c in sorted(chunks, key=lambda c: c.order):
            table = (c.meta or {}).get("table")
            if c.kind != "paragraph" and table in _ORDERED_TABLES:
                self._rows.setdefault((table, tuple(c.section_path)), []).append(c)

    def part_named(self, q: str, context: str = "") -> tuple | None:
        """The deepest part the question names (a numbered point only with its part named, or "点"/"方面" asked)."""
        text, ctx = _plain(q), _plain(context)
        best: tuple | None = None
        for path in self._paths:
            full, short = _names(path[-1])
            if not any(_anchor(n, text) for n in (*full, *short)):
                continue
            if len(path) > 1 and not (_POINT_ASKED.search(q) or any(n in text + ctx for n in _names(path[-2])[0])):
                continue
            if best is None or len(path) > len(best):
                best = path
        return best

    def neighbour(self, path: tuple, step: int) -> tuple | None:
        """The part ``step`` away from ``path`` among the parts of its level under the same parent."""
        same = [p for p in self._paths if len(p) == len(path) and p[:-1] == path[:-1]]
        i = same.index(path) + step if path in same else -1
        return same[i] if 0 <= i < len(same) else None

    def opening(self, path: tuple) -> evidence.Unit | None:
        """The first sentence of a part, to cite for it."""
        c = self._first.get(path)
        if c is None:
            return None
        sents = evidence.split_sentences(c.text)
        text = sents[0][1] if sents else c.text
        return evidence.Unit(Hit(c, 0.0), text, "sentence", "")

    def row_beside(self, row, step: int, by_line: bool = False):
        """The row ``step`` away from ``row`` in its list, or None; ``by_line``: the printed line away ("下面那一行":
        rows read from one line of the imprint count once)."""
        rows = self._rows.get(((row.meta or {}).get("table"), tuple(row.section_path)), [])
        if row not in rows:
            return None
        lines: list[list] = []
        for c in rows:
            if by_line and lines and c.start == lines[-1][0].start and (c.meta or {}).get("table") == "publication":
                lines[-1].append(c)
            else:
                lines.append([c])
        i = next(k for k, line in enumerate(lines) if row in line) + step
        return lines[i][0] if 0 <= i < len(lines) else None


def _anchor(name: str, text: str) -> bool:
    """``name`` occurs in ``text`` other than as where the asker looks: "版权页上责任编辑下面那一行", "总序里…说完以后"."""
    return any(text[m.end(): m.end() + 1] not in ("上", "里", "中", "内") for m in re.finditer(re.escape(name), text))


_AFTER_EN = re.compile(r"\b(?:after|before|follows|follow|precedes|precede|following|preceding)\s+(?:the\s+|its\s+)?$", re.I)


def anchors_en(q: str, glossary) -> str:
    """The Chinese of the parts an English question counts from: "What comes after the general preface?" -> 总序
    (a phrase named after "after", "before", "follows" or "precedes"; "In the CIP data, …" only says where to look)."""
    if glossary is None:
        return ""
    words = q.split()
    out = []
    for a, _, _, zhs, src in glossary.groups(q):
        if src == "glossary" and _AFTER_EN.search(" ".join(words[:a]) + " "):
            out += zhs
    return " ".join(out)


def asks_part(q: str) -> bool:
    """"总序之后是什么？", "前言接着讲哪方面？": a part of the text is asked, not a line of a list."""
    return bool(_PART_ASKED.search(q)) and not _ITEM_ASKED.search(q)


def render_neighbour(base: str, other: str, step: int, lang: str, en=lambda t: "") -> str:
    if lang == "zh":
        return f"“{base}”{'之后' if step > 0 else '之前'}是“{other}”。"
    b, o = (f"{t} ({en(t)})" if en(t) else t for t in (base, other))
    return f"{'After' if step > 0 else 'Before'} {b} comes {o}."
