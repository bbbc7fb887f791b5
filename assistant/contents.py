"""What the contents lines say by their numbers and their order: the line that holds another, the pages a part runs
over, the chapter or part that runs longest or lists the most lines, several chapters named by number, a chapter named by
the page it starts on. Every answer here is read or counted on the contents rows, which it cites."""

from __future__ import annotations

import re

from assistant import evidence, intent, question as qmod
from index.model import Hit
from index.text import normalize


def row_unit(c) -> evidence.Unit:
    """A table row the answerer cites by itself (a contents line, a funded project)."""
    return evidence.Unit(Hit(c, 0.0), c.quote or c.text, "row", "")


def extreme_followed(extreme: tuple[str, str] | None, main: str) -> tuple[str, str] | None:
    """The chapter extreme asked, the other end when a follow-up asks it alone ("And the shortest?", "那最短的呢？")."""
    m = re.match(r"^\s*(?:and|what about|how about)?\s*(?:the\s+)?(?:(longest|most)|(shortest|fewest|least))\b"
                 r"|^\s*(?:那)?(?:篇幅)?最(?:(长|多)|(短|少))的?(?:呢|是哪一?章)", main, re.I)
    if extreme is None or m is None:
        return extreme
    return extreme[0], "max" if (m.group(1) or m.group(3)) else "min"


class Contents:
    """The contents rows of the book (``toc``, in book order), its chapter lines, and how many sections each chapter has."""

    def __init__(self, toc: list, chapter_lines: list, sections: dict[int, int], max_citations: int):
        self._toc = toc
        self._chapter_lines = chapter_lines
        self._sections = sections
        self._max_citations = max_citations

    def line_above(self, row, level: int):
        """The contents line at ``level`` (0 a chapter, 1 a section) that holds ``row``, if any."""
        m = row.meta or {}
        return next((c for c in self._toc if evidence.toc_level(c) == level and (c.meta or {}).get("chapter") == m.get("chapter")
                     and (level == 0 or (c.meta or {}).get("section") == m.get("section"))), None)
    def next_line(self, row):
        """The contents line after ``row`` at its level or above, when both give a page number; None otherwise."""
        ids = [c.id for c in self._toc]
        if row.id not in ids or not str((row.meta or {}).get("page") or "").isdigit():
            return None
        after = [c for c in self._toc[ids.index(row.id) + 1:] if evidence.toc_level(c) <= evidence.toc_level(row)]
        return after[0] if after and str((after[0].meta or {}).get("page") or "").isdigit() else None

    def line_span(self, row) -> tuple[int, int] | None:
        """(first page, last page) of a contents line: up to the page before the next line at its level or above."""
        if (nxt := self.next_line(row)) is None:
            return None
        start = int((row.meta or {})["page"])
        return start, max(start, int((nxt.meta or {})["page"]) - 1)

    def chapter_by_page(self, q: str, lang: str) -> str:
        """"Who wrote the chapter that starts on page 74?", "从第74页开始的那一章是谁写的？": the chapter named by the page the
        contents give it, by its ordinal; ``q`` unchanged when no one chapter starts on that page."""
        if lang == "zh":
            m = re.search(r"(?:从)?第\s*(\d{1,3})\s*页(?:开始|起)的(?:那|这)?一?章", q)
        else:
            m = re.search(r"\bthe chapter (?:that|which) (?:starts|begins|opens) on page (\d{1,3})\b", q, re.I)
        if not m:
            return q
        found = [c for c in self._chapter_lines if str((c.meta or {}).get("page") or "") == m.group(1)]
        if len(found) != 1 or not (n := qmod.chapter_number(str((found[0].meta or {}).get("chapter") or ""))):
            return q
        return q[: m.start()] + (f"第{intent.cn_number(n)}章" if lang == "zh" else f"chapter {n}") + q[m.end():]
    def chapters_named(self, form: str, lang: str) -> tuple[str, list, set[str]] | None:
        """"第三章和第四章的标题是什么？", "What are chapters 3 and 4 called, and where do they start?": a question that
        names two or more chapters by number and asks their titles or pages: (the answer, each chapter's line, the
        chapter numbers told); None for any other question."""
        q = qmod.split_context(form)[0]
        nums = [intent.cn_value(n) if not n.isdigit() else int(n) for n in re.findall(r"第([一二三四五六七八九十]|\d{1,2})章", q)]
        if m := re.search(r"\bchapters\s+(\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})+)\b", q, re.I):
            nums += [int(x) for x in re.findall(r"\d{1,2}", m.group(1))]
        nums = list(dict.fromkeys(nums))
        asked = re.search(r"标题|题目|名称|叫什么|是什么|讲什么|讲的是|哪一?页|第几页|页码|\b(?:titles?|called|named|names?|pages?|start|begin|about)\b", q, re.I)
        # (not chapters that only say where: "第三章、第四章里，麦谷产业园在第几页？")
        if len(nums) < 2 or not asked or re.search(r"第[一二三四五六七八九十\d]+节|\bsections?\b|谁|\bwho\b|章(?:里|中|内|下面|当中)|\bin chapters\b", q, re.I):
            return None
        lines = {qmod.chapter_number(str((c.meta or {}).get("chapter") or "")): c for c in self._chapter_lines}
        if not all(n in lines for n in nums):
            return None
        units = [row_unit(lines[n]) for n in nums]
        if lang == "zh":
            text = "；".join(f"“{(lines[n].meta or {}).get('title')}”从第{(lines[n].meta or {}).get('page')}页开始" for n in nums) + "。"
        else:
            text = " ".join(f"Chapter {n} is “{(lines[n].meta or {}).get('title')}”, starting on page {(lines[n].meta or {}).get('page')}." for n in nums)
        return text, units, {str(n) for n in nums}
    def chapter_extreme(self, kind: str, which: str, lang: str) -> tuple[str, list, set[str]] | None:
        """(the answer, the contents lines it rests on, the numbers it computes) for the chapter with the most (fewest)
        pages by the contents, or the most (fewest) sections: every chapter's count is told, so the reader sees the
        comparison; None when the contents do not give what it needs, or two chapters tie."""
        chapters = [c for c in self._chapter_lines if str((c.meta or {}).get("page") or "").isdigit()]
        if len(chapters) < 2:
            return None
        units = [row_unit(c) for c in chapters]
        titles = [str((c.meta or {}).get("title") or "") for c in chapters]
        if kind == "sections":
            counts = [self._sections.get(qmod.chapter_number(str((c.meta or {}).get("chapter") or "")) or 0, 0) for c in chapters]
            spans = None
        else:
            nxt = self.next_line(chapters[-1])
            if nxt is None:
                return None  # (the last chapter's end is not given)
            starts = [int((c.meta or {})["page"]) for c in chapters] + [int((nxt.meta or {})["page"])]
            spans = [(a, b - 1) for a, b in zip(starts, starts[1:])]
            counts = [b - a + 1 for a, b in spans]
            units.append(row_unit(nxt))
        best = max(counts) if which == "max" else min(counts)
        if counts.count(best) != 1 or not all(counts):
            return None
        i = counts.index(best)
        if kind == "sections":
            if lang == "zh":
                each = "，".join(f"{t.split()[0]}{n}节" for t, n in zip(titles, counts))
                text = f"按目录，“{titles[i]}”下设{best}节，{'最多' if which == 'max' else '最少'}（{each}）。"
            else:
                each = ", ".join(f"chapter {k + 1} {n}" for k, n in enumerate(counts))
                text = f"By the contents, “{titles[i]}” has the {'most' if which == 'max' else 'fewest'} sections: {best} ({each})."
        else:
            if lang == "zh":
                each = "，".join(f"{t.split()[0]}第{a}–{b}页（{n}页）" for t, (a, b), n in zip(titles, spans, counts))
                text = (f"按目录页码，“{titles[i]}”篇幅{'最长' if which == 'max' else '最短'}：第{spans[i][0]}–{spans[i][1]}页，共{best}页"
                        f"（{each}；每章到下一部分开始的前一页为止）。")
            else:
                each = ", ".join(f"chapter {k + 1} pp. {a}–{b} ({n})" for k, ((a, b), n) in enumerate(zip(spans, counts)))
                text = (f"By the contents' page numbers, “{titles[i]}” is the {'longest' if which == 'max' else 'shortest'} chapter: "
                        f"pages {spans[i][0]}–{spans[i][1]}, {best} pages ({each}; each runs to the page before the next part starts).")
        numbers = {str(n) for n in counts} | ({str(x) for ab in spans for x in ab} if spans else set()) \
            | {str(k + 1) for k in range(len(chapters))}  # ("chapter 2": the quote's 第二章)
        return text, [units[i]] + [u for k, u in enumerate(units) if k != i], numbers
    def part_extreme(self, measure: str, which: str, form: str, lang: str) -> tuple[str, list, set[str]] | None:
        """The part of the contents that runs longest (shortest) or lists the most (fewest) lines, among the lines the
        question names ("附录和大事记", "国务院和工信部两部分"), or those directly under the line it names ("第四章", "“产业
        结构”那一节"), or all sections or all finest entries of the book; every candidate's count is told. None when the
        question names no such set, a count is missing, or two candidates tie."""
        q = qmod.split_context(form)[0]
        titled = [(c, re.sub(r"^(?:第[一二三四五六七八九十]+[章节]|[一二三四五六七八九十]+、)\s*", "", str((c.meta or {}).get("title") or "")))
                  for c in self._toc]
        nq = normalize(q)
        # (a line's title without the body it belongs to: "工信部" names "二、国家工信部")
        named = [c for c, core in titled if (len(core) >= 2 and normalize(core) in nq) or (
            len(short := re.sub(r"^(?:国家|北京市|天津市|河北省)", "", core)) >= 3 and short != core and normalize(short) in nq)]
        for m in re.finditer(r"第([一二三四五六七八九十]+)章", q):
            named += [c for c in self._chapter_lines if qmod.chapter_number(str((c.meta or {}).get("chapter") or "")) == intent.cn_value(m.group(1))]
        if m := re.search(r"\bchapter\s+(\d{1,2})\b", q, re.I):
            named += [c for c in self._chapter_lines if qmod.chapter_number(str((c.meta or {}).get("chapter") or "")) == int(m.group(1))]
        named = list(dict.fromkeys(named))
        # (a line named inside another named line is the one meant: "第一章“产业结构”那一节" is the section)
        named = [c for c in named if not any(o is not c and evidence.toc_level(o) > evidence.toc_level(c)
                                             and c in (self.line_above(o, 0), self.line_above(o, 1)) for o in named)]
        if len(named) >= 2 and len({evidence.toc_level(c) for c in named}) == 1:
            candidates, where = named, ""
        elif len(named) == 1:
            parent = named[0]
            candidates = evidence.toc_children(parent, self._toc)
            where = str((parent.meta or {}).get("title") or "")
        elif not named and re.search(r"哪一?节|\bwhich (?:single )?section\b", q, re.I):
            candidates, where = [c for c in self._toc if evidence.toc_level(c) == 1], ("全书" if lang == "zh" else "the book")
        elif not named and re.search(r"最细一级|条目中|\bsub-?entr(?:y|ies)\b", q, re.I) and measure == "pages":
            candidates, where = [c for c in self._toc if evidence.toc_level(c) == 2], ("全书" if lang == "zh" else "the book")
        else:
            return None
        if len(candidates) < 2:
            return None
        if measure == "entries":
            counts = [len(evidence.toc_children(c, self._toc)) for c in candidates]
            spans = None
        else:
            spans = [self.line_span(c) for c in candidates]
            if any(sp is None for sp in spans):
                return None
            counts = [b - a + 1 for a, b in spans]
        best = max(counts) if which == "max" else min(counts)
        if counts.count(best) != 1 or not any(counts):
            return None
        i = counts.index(best)
        title = lambda c: str((c.meta or {}).get("title") or "")  # noqa: E731
        order = [i] + [k for k in range(len(candidates)) if k != i]
        units = [row_unit(candidates[k]) for k in order[: self._max_citations]]
        shown = list(range(len(candidates)))
        if len(candidates) > 6:
            # (of many, the few at the top are told: "“第三节 河北高新技术开发区”10条，…")
            shown = sorted(shown, key=lambda k: -counts[k] if which == "max" else counts[k])[:3]
        cands = [candidates[k] for k in shown]
        cnts = [counts[k] for k in shown]
        sps = [spans[k] for k in shown] if spans else None
        more = (f"等{len(candidates)}条中的前三" if lang == "zh" else f"; the top three of {len(candidates)}") if len(shown) < len(candidates) else ""
        if measure == "entries":
            if lang == "zh":
                each = "，".join(f"“{title(c)}”{n}条" for c, n in zip(cands, cnts)) + more
                most = ("更多" if which == "max" else "更少") if len(candidates) == 2 else ("最多" if which == "max" else "最少")
                text = f"按目录，{where + '中' if where else ''}“{title(candidates[i])}”下列的条目{most}，共{best}条（{each}）。"
            else:
                each = ", ".join(f"“{title(c)}” {n}" for c, n in zip(cands, cnts)) + more
                text = f"By the contents, “{title(candidates[i])}” lists the {'most' if which == 'max' else 'fewest'} entries: {best} ({each})."
        else:
            if lang == "zh":
                each = "，".join(f"“{title(c)}”第{a}–{b}页（{n}页）" for c, (a, b), n in zip(cands, sps, cnts)) + more
                most = ("更长" if which == "max" else "更短") if len(candidates) == 2 else ("最长" if which == "max" else "最短")
                text = (f"按目录页码，{where + '中' if where else ''}“{title(candidates[i])}”篇幅{most}："
                        f"第{spans[i][0]}–{spans[i][1]}页，共{best}页（{each}；每部分到下一条目开始的前一页为止）。")
            else:
                each = ", ".join(f"“{title(c)}” pp. {a}–{b} ({n})" for c, (a, b), n in zip(cands, sps, cnts)) + more
                text = (f"By the contents' page numbers, “{title(candidates[i])}” runs {'longest' if which == 'max' else 'shortest'}: pages "
                        f"{spans[i][0]}–{spans[i][1]}, {best} pages ({each}; each runs to the page before the next entry starts).")
        numbers = {str(n) for n in counts} | ({str(x) for ab in spans for x in ab} if spans else set()) | {str(len(candidates)), "3"}
        return text, units, numbers
