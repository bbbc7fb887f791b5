"""Indicator facts stated in a report's prose, found by the report's own patterns.

Patterns (in this order; a number used by one is not reused by the next):
1. lists across regions: ``北京市、天津市、河北省2013年R&D投入强度分别达到6.08%、3.0%、1.12%``;
2. change over time: ``…增加值从164.4亿元增长到1749.6亿元``, ``占…的比重从2000年的5.2%增加到9%``;
3. single values with a unit, either ``<indicator>为/达/高达 N<unit>`` or a count
   ``N<unit><noun>`` (``35 条高速公路``, ``277家…研发中心``); a clause that starts
   with 占/相当于/是 or is only a rate (年均复合增速) borrows the subject of the clause before.

Region comes from a topic phrase (就X而言), else the nearest region before the
value in its clause, else earlier in the sentence, else carried from the paragraph.
Year comes from the pattern (从2000年的…), else a time expression in the
sentence (a period ``2000~2013`` gives its ends to 从…到…), else carried into a
sentence opening with 而/同期/其中. Nothing is guessed beyond that: a fact with
no stated time gets an empty year.

Corrections live in ``corpus/overrides.csv``; each row carries the quote it corrects.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .clean import strip_ws
from .model import Paragraph, Report, TableRow
from .regions import Mention, find_regions

OVERRIDES_PATH = Path(__file__).resolve().parent / "overrides.csv"
# Sections whose paragraphs are records, not prose.
META_SECTIONS = {"封面", "图书在版编目(CIP)数据", "基金项目", "编委会", "目录"}

NUM = r"\d+(?:\.\d+)?"
UNITS = (
    r"(?:亿美元|万美元|亿元|万亿元|万元|元|亿吨|万吨|吨|万平方米|平方米|平方公里|公里|千米|万人次|万人|人次|人|"
    r"万户|户|家|个|条|项|所|座|台|部|件|篇|倍|%|％)"
)
_VAL_RE = re.compile(rf"(?<![\d.第])({NUM})\s*(余|多)?\s*({UNITS})")
_YEAR_RE = re.compile(r"(?<!\d)(\d{4})\s*(?:[~～\-—至到]\s*(\d{4})\s*)?年(底|末|初|上半年|下半年)?(?!代)")
_CLAUSE_SPLIT_RE = re.compile(r"[，；：,;]")
_SENT_RE = re.compile(r"[^。！？!?]+[。！？!?]?")
_TOPIC_RE = re.compile(r"(?:仅就|就|对于|对)(?P<x>[^，。；]{2,12}?)而言")
_CARRY_YEAR_RE = re.compile(r"^(?:而|同期|同年|其中)")
_LEAD_RE = re.compile(
    r"^(?:(?:而|其中|此外|另外|同时|但|但是|并且|且|仅|目前|当前|现在|近年来|截至|截止|在此区域内|此外)\s*[，,]?\s*)+"
)
_TRAIL_RE = re.compile(r"(?:已经|已|仅|约|共|累计|总计|达到了|达到|高达|已达|达|为|是|有|开通|超过|突破|增至|的|了|\s)+$")
_RATE_ONLY_RE = re.compile(r"^(?:年均)?(?:复合)?(?:增速|增长率|增幅|增长速度)$")
_CHANGE_RE = re.compile(
    rf"从\s*(?:(?P<y1>\d{{4}})\s*年(?:的)?)?\s*(?P<v1>{NUM})\s*(?P<u1>{UNITS})?\s*"
    rf"(?:增长|增加|提高|提升|上升|下降|减少|降低|扩大|跃升|下滑)(?:到|至|为)\s*(?P<v2>{NUM})\s*(?P<u2>{UNITS})"
)
_LIST_VALS = rf"{NUM}\s*(?:余|多)?\s*{UNITS}?(?:\s*[、和及]\s*{NUM}\s*(?:余|多)?\s*{UNITS}?)+"
_NOUN_STOP_RE = re.compile(r"[，。；：、,;:（(“”\"》]|的|在|于|和(?=\s*\d)|与(?=\s*\d)|及(?=\s*\d)|\s+\d")


@dataclass
class Fact:
    region: str
    year: str
    indicator: str
    value: str
    unit: str
    q_start: int  # quote bounds in the paragraph text
    q_end: int
    fields_extra: dict = field(default_factory=dict)


def _unit(u: str | None) -> str:
    return "%" if u == "％" else (u or "")


def _year_str(m: re.Match) -> str:
    y1, y2, suffix = m.group(1), m.group(2), m.group(3) or ""
    return f"{y1}~{y2}" if y2 else (f"{y1}年{suffix}" if suffix else y1)


def _in_book_title(text: str, pos: int) -> bool:
    return text.rfind("《", 0, pos) > text.rfind("》", 0, pos)


def _years(text: str, start: int = 0, end: int | None = None) -> list[re.Match]:
    end = len(text) if end is None else end
    return [m for m in _YEAR_RE.finditer(text, start, end) if not _in_book_title(text, m.start())]


def _clean_indicator(s: str) -> str:
    s = _YEAR_RE.sub("", s)
    s = _LEAD_RE.sub("", s.strip())
    s = re.sub(r"^(?:三地|两地|各地|地区|之间|三地之间|两地之间)*的?", "", s)
    s = _TRAIL_RE.sub("", s)
    s = re.sub(r"^[各约近共]", "", s)
    if "等" in s and not s.endswith("等"):
        s = s.rsplit("等", 1)[1]
    return s.strip(" ，,、")


def _strip_regions(s: str, mentions: list[Mention]) -> str:
    """Remove region mentions at the start of a phrase (``北京市的地铁运营里程`` -> ``地铁运营里程``)."""
    changed = True
    while changed:
        changed = False
        s2 = _LEAD_RE.sub("", s)
        for m in mentions:
            for name in sorted({m.name, m.name.rstrip("市省"), m.name + "地区"}, key=len, reverse=True):
                if s2.startswith(name):
                    s2 = re.sub(r"^(?:地区)?(?:三地|两地)?(?:之间)?的?", "", s2[len(name) :])
                    changed = True
                    break
        s = s2
    return s


class _Extractor:
    def __init__(self, p: Paragraph):
        self.p = p
        self.text = p.text
        self.facts: list[Fact] = []
        self.used: list[tuple[int, int]] = []
        self.region_carry = ""
        self.year_carry = ""

    def _used(self, a: int, b: int) -> bool:
        return any(a < e and s < b for s, e in self.used)

    def _add(self, fact: Fact, span: tuple[int, int]) -> None:
        self.used.append(span)
        self.facts.append(fact)

    # -- context -----------------------------------------------------------
    def _region_for(self, pos: int, clause_start: int, sent_start: int, mentions: list[Mention]) -> str:
        before_clause = [m for m in mentions if clause_start <= m.start < pos]
        if before_clause:
            return before_clause[-1].name
        before_sent = [m for m in mentions if sent_start <= m.start < pos]
        if before_sent:
            return before_sent[0].name
        return self.region_carry

    def run(self) -> list[Fact]:
        for sm in _SENT_RE.finditer(self.text):
            self._sentence(sm.start(), sm.end())
        return self.facts

    def _sentence(self, s0: int, s1: int) -> None:
        text = self.text
        sent = text[s0:s1]
        mentions = [Mention(m.name, m.start + s0, m.end + s0) for m in find_regions(sent)]
        topic = _TOPIC_RE.search(sent)
        topic_region = ""
        if topic:
            tm = find_regions(topic.group("x"))
            topic_region = tm[0].name if tm else ""
        years = _years(text, s0, s1)
        carry_year = self.year_carry if _CARRY_YEAR_RE.match(sent.lstrip()) else ""
        sent_year = _year_str(years[0]) if years else carry_year
        period = next((m for m in years if m.group(2)), None)

        self._lists(s0, s1, mentions, sent_year)
        self._changes(s0, s1, mentions, topic_region, sent_year, period)
        self._singles(s0, s1, mentions, topic_region, sent_year, period)

        if mentions:
            self.region_carry = topic_region or mentions[-1].name
        if years:
            self.year_carry = _year_str(years[-1]) if not years[-1].group(2) else years[-1].group(2)
        elif not carry_year:
            self.year_carry = ""

    # -- pattern 1: 分别 lists -----------------------------------------------
    def _lists(self, s0: int, s1: int, mentions: list[Mention], sent_year: str) -> None:
        text = self.text
        for m in re.finditer(r"分别(?:为|达到|达|是|占)?\s*(" + _LIST_VALS + ")", text[s0:s1]):
            vals_start, vals_end = s0 + m.start(1), s0 + m.end(1)
            head_start = max([s0] + [s0 + c.end() for c in _CLAUSE_SPLIT_RE.finditer(text[s0 : s0 + m.start()])])
            regs = [x for x in mentions if head_start <= x.start < s0 + m.start()]
            vals = list(_VAL_RE.finditer(text, vals_start, vals_end))
            nums = re.findall(rf"({NUM})\s*(余|多)?\s*({UNITS})?", text[vals_start:vals_end])
            if len(regs) < 2 or len(nums) != len(regs):
                continue
            last_reg = regs[-1].end
            mid = text[last_reg : s0 + m.start()]
            ym = _years(text, head_start, s0 + m.start())
            year = _year_str(ym[0]) if ym else sent_year
            indicator = _clean_indicator(mid)
            unit_default = next((u for _, _, u in reversed(nums) if u), "")
            if not indicator or not unit_default or not vals:
                continue
            for reg, (num, approx, unit) in zip(regs, nums):
                f = Fact(reg.name, year, indicator, num + approx, _unit(unit or unit_default), head_start, vals_end)
                self._add(f, (vals_start, vals_end))

    # -- pattern 2: 从X增长到Y ------------------------------------------------
    def _subject(self, clause_start: int, pos: int, mentions: list[Mention], prev: str) -> str:
        raw = self.text[clause_start:pos]
        subj = _clean_indicator(_strip_regions(raw.strip(), mentions))
        if not subj or subj.startswith(("占", "相当于", "是")) or _RATE_ONLY_RE.match(subj):
            subj = (prev + subj) if prev else subj
        return subj

    def _clause_bounds(self, s0: int, s1: int, pos: int) -> tuple[int, int]:
        text = self.text
        cs = max([s0] + [c.end() for c in _CLAUSE_SPLIT_RE.finditer(text, s0, pos)])
        ce_m = _CLAUSE_SPLIT_RE.search(text, pos, s1)
        ce = ce_m.start() if ce_m else s1
        while ce > cs and text[ce - 1] in "。！？!? ":
            ce -= 1
        return cs, ce

    def _changes(self, s0, s1, mentions, topic_region, sent_year, period) -> None:
        text = self.text
        prev_subject = ""
        for m in _CHANGE_RE.finditer(text, s0, s1):
            if self._used(m.start(), m.end()):
                continue
            cs, ce = self._clause_bounds(s0, s1, m.start())
            subj = self._subject(cs, m.start(), mentions, self._last_subject(s0, cs, mentions) or prev_subject)
            region = topic_region or self._region_for(m.start(), cs, s0, mentions)
            y1 = m.group("y1") or (period.group(1) if period else "")
            y2 = period.group(2) if period else ""
            unit = _unit(m.group("u2") or m.group("u1"))
            q0 = self._quote_start(s0, cs, subj, text[cs : m.start()])
            self._add(Fact(region, y1, subj, m.group("v1"), unit, q0, ce), (m.start("v1"), m.end("v1") + 1))
            self._add(Fact(region, y2, subj, m.group("v2"), unit, q0, ce), (m.start("v2"), m.end()))
            prev_subject = subj

    def _last_subject(self, s0: int, cs: int, mentions: list[Mention]) -> str:
        """The subject of the nearest earlier clause in this sentence that stated one."""
        for f in reversed(self.facts):
            if s0 <= f.q_start < cs + 1 and not f.indicator.startswith("占"):
                return re.split(r"占|相当于|年均", f.indicator)[0]
        return ""

    def _quote_start(self, s0: int, cs: int, subj: str, clause_head: str) -> int:
        """Extend the quote back to the clause that gave a borrowed subject."""
        if strip_ws(subj).startswith(strip_ws(_clean_indicator(clause_head)) or "\0"):
            return cs
        for f in reversed(self.facts):
            if s0 <= f.q_start <= cs:
                return f.q_start
        return s0

    # -- pattern 3: single values ---------------------------------------------
    def _singles(self, s0, s1, mentions, topic_region, sent_year, period) -> None:
        text = self.text
        for m in _VAL_RE.finditer(text, s0, s1):
            if self._used(m.start(), m.end()) or _in_book_title(text, m.start()):
                continue
            num, approx, unit = m.group(1), m.group(2) or "", _unit(m.group(3))
            cs, ce = self._clause_bounds(s0, s1, m.start())
            clause_start = cs
            after = text[m.end() : ce]
            noun_m = _NOUN_STOP_RE.search(after)
            noun = after[: noun_m.start()] if noun_m else after
            noun = re.sub(r"^[各约近共]", "", noun.strip())
            prior = [e for a, e in self.used if cs <= a and e <= m.start()]
            if prior:
                cs = max(prior)
                while cs < m.start() and text[cs] in "、，,和及与 ":
                    cs += 1
            head = text[cs : m.start()]
            year = sent_year
            ym = _years(text, cs, m.start())
            if ym:
                year = _year_str(ym[-1])
            if period and not ym:
                year = f"{period.group(1)}~{period.group(2)}"
            region = topic_region or self._region_for(m.start(), cs, s0, mentions)
            if noun and unit not in ("%", "倍") and not re.match(r"[\d.]", noun):
                indicator = noun
                q0 = clause_start
            else:
                prev = self._last_subject(s0, cs, mentions)
                h = head
                ratio_m = re.search(r"(?:已|仅)?(占|相当于|是)(.*?)的?\s*$", h)
                if unit in ("%", "倍") and ratio_m and _clean_indicator(_strip_regions(h[: ratio_m.start()], mentions)) == "":
                    other = ratio_m.group(2).rstrip("的")
                    if ratio_m.group(1) == "占":
                        indicator = f"{prev}占{other}的比重"
                    elif ratio_m.group(1) == "相当于":
                        indicator = f"{prev}相当于{other}的比例"
                    else:
                        indicator = f"{prev}相对{other}的倍数"
                    if not prev:
                        continue
                    own = [x for x in mentions if cs <= x.start < cs + ratio_m.start()]
                    prev_fact = next((f for f in reversed(self.facts) if s0 <= f.q_start <= cs), None)
                    region = own[0].name if own else (prev_fact.region if prev_fact else region)
                elif unit in ("%",) and ratio_m and ratio_m.group(1) == "占":
                    subj = _clean_indicator(_strip_regions(h[: ratio_m.start()], mentions))
                    indicator = f"{subj}占{ratio_m.group(2).rstrip('的')}的比重"
                else:
                    indicator = self._subject(cs, m.start(), mentions, prev)
                q0 = self._quote_start(s0, cs, indicator, head)
            if not indicator or len(indicator) > 40 or re.search(r"[，。；]", indicator):
                continue
            self._add(Fact(region, year, indicator, num + approx, unit, q0, ce), (m.start(), m.end()))


# -- overrides -------------------------------------------------------------------
def load_overrides(path: Path = OVERRIDES_PATH) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f) if (r.get("action") or "").strip() and not r["action"].startswith("#")]


def _apply_overrides(facts: list[tuple[Paragraph, Fact]], paragraphs: list[Paragraph], overrides,
                     source_id: str = "") -> list:
    """``set``: change fields of the facts with ``match_value`` stated inside ``quote``;
    ``drop``: remove them; ``add``: a fact the patterns miss, proven by ``quote``.
    A row applies only to the report named in its ``source`` column."""
    out = list(facts)
    for o in overrides:
        if (o.get("source") or "").strip() != source_id:
            continue
        q = strip_ws(o.get("quote") or "")
        if not q:
            raise ValueError(f"override row without a quote: {o}")
        action = o["action"].strip()
        if action in ("set", "drop"):
            hits = [
                i for i, (p, f) in enumerate(out)
                if f.value == o.get("match_value", "") and q in strip_ws(p.text)
                and strip_ws(f.value) in q
            ]
            for i in reversed(hits):
                p, f = out[i]
                if action == "drop":
                    out.pop(i)
                else:
                    changes = {k: o[k] for k in ("region", "year", "indicator", "unit") if o.get(k)}
                    out[i] = (p, replace(f, **changes))
        elif action == "add":
            p = next((p for p in paragraphs if q in strip_ws(p.text)), None)
            if p is None:
                continue
            f = Fact(o["region"], o["year"], o["indicator"], o["value"], o["unit"], 0, len(p.text))
            f.fields_extra["quote"] = o["quote"]
            out.append((p, f))
        else:
            raise ValueError(f"unknown override action {action!r}")
    return out


def extract_facts(report: Report) -> list[tuple[Paragraph, Fact]]:
    facts: list[tuple[Paragraph, Fact]] = []
    for p in report.paragraphs:
        if not p.section_path or p.section_path[0] in META_SECTIONS:
            continue
        for f in _Extractor(p).run():
            facts.append((p, f))
    return facts


def indicator_rows(report: Report, overrides_path: Path = OVERRIDES_PATH) -> list[TableRow]:
    from .tables import row_for

    facts = _apply_overrides(extract_facts(report), report.paragraphs, load_overrides(overrides_path), report.source_id)
    rows = []
    for p, f in facts:
        quote = f.fields_extra.get("quote") or p.text[f.q_start : f.q_end].strip(" ，。；")
        fields = {"region": f.region, "year": f.year, "indicator": f.indicator, "value": f.value, "unit": f.unit}
        rows.append(row_for("indicators", fields, p, quote))
    return rows
