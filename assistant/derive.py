"""Figures computed from the quoted ones: a difference or a ratio the question asks for.

"2012年北京的人均公共教育支出比河北高多少元？" is answered by a sentence that gives both figures
("…分别为3038元、2680元、1188元") but not their difference. The answerer may state 3038 − 1188 =
1850, shown as a calculation on the quoted figures, never as something the report says. The
operands come from two places only:

* a "分别" enumeration naming the regions asked about ("北京市、天津市、河北省…分别为 a、b、c");
* a change over time in one clause ("从2000年的5.2%增加到9%", "从164.4亿元增长到1749.6亿元").

Every operand is a number of the cited quote, and the result is recomputed here from them, so the
answer's number check can accept it (``Calculation.result``) without trusting free text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

_DIFF_ZH = re.compile(r"(高|多|低|少|高出|多出|低了|少了|相差|差)了?(多少|几个百分点)|差距(是|有)?多(少|大)|"
                      r"(?:高于|超过|超出|低于|领先)[^，。？?]{1,6}?(?:多少|几个百分点)|"  # "北京的R&D投入强度超过天津多少？"
                      r"(提高|增加|增长|上升|下降|减少|净增|涨)了?(多少|几)(个百分点)?")
_RATIO_ZH = re.compile(r"几倍|多少倍")
_SUM_ZH = re.compile(r"(?:加起来|加在一起|合起来|合计|总计|共计)[^，。？?]{0,8}(?:多少|几)")
_SUM_EN = re.compile(r"\b(?:combined|in total|altogether|added together|taken together|put together)\b", re.I)
_DIFF_EN = re.compile(r"\bhow much (more|higher|lower|less|bigger|larger|greater)\b|\bby (?:roughly |about |approximately )?how (?:much|many)\b|\bdifference\b|"
                      r"\bgap\b|\bhow many (more|fewer|percentage points|points)\b|\bhow far (above|below|ahead|behind)\b", re.I)
_RATIO_EN = re.compile(r"\bhow many times\b|\bwhat(?:'s| is)? (?:the )?(?:equivalent |corresponding )?multiple\b|\b\w+-?fold\b|\btimes (larger|bigger|higher|greater|as)\b", re.I)

# "河北在三地中排第几？", "排老几", "Where does Hebei rank?": the place of one figure among those listed with it
_RANK_ZH = re.compile(r"排(?:在)?(?:第|老)几|排名(?:第几|如何|怎样|怎么样|多少|靠前|靠后)|第几(?:名|位)|排在(?:哪|什么位置)|(?:位次|名次)(?:如何|怎样|是)")
_RANK_EN = re.compile(r"\b(?:how|where) does [\w\s'-]{1,30} rank\b|\brank(?:s|ed)? (?:among|against|in|within|relative to)\b|\bwhat (?:is its|is the) rank(?:ing)?\b|\bin what (?:place|position)\b|\branking among\b", re.I)

# "三地中哪个地方R&D投入强度最高？", "Which place had the highest R&D intensity?", "And which was at the very bottom?":
# the place whose figure is the highest (lowest) of those listed together
_TOP_ZH = re.compile(r"(?:哪个|哪一个|哪一?地|哪里|哪儿|哪个地方|哪个省市|哪座城市|谁)[^，,。？?]{0,14}?(?:最(?P<a>高|大|多|强)|最(?P<b>低|小|少|弱)|(?P<c>垫底|倒数第一))"
                     r"|最(?P<d>高|大|多|强)的(?:是|为)?(?:哪|谁)|最(?P<e>低|小|少|弱)的(?:是|为)?(?:哪|谁)")
_TOP_EN = re.compile(r"\b(?:which|who|what (?:place|region|city|province|one))\b[^?]{0,70}?\b(?:(?P<a>highest|largest|biggest|greatest|most|top|leads?|led|ahead)"
                     r"|(?P<b>lowest|smallest|least|bottom|lags?|lagged|trails?|trailed|weakest))\b"
                     r"|^\s*(?:and|ok(?:ay)?|so)?[,\s]*(?:and\s+)?(?:the\s+)?(?:very\s+)?(?:(?P<c>highest|top)|(?P<d>lowest|bottom))\s*(?:one)?\s*\??\s*$", re.I)


def extreme_asked(q: str, lang: str) -> str | None:
    """"max" or "min": the question asks which place's figure is the highest (lowest); None otherwise."""
    m = (_TOP_ZH if lang == "zh" else _TOP_EN).search(q)
    if not m:
        return None
    g = m.groupdict()
    if lang == "zh":
        return "max" if (g["a"] or g["d"]) else "min"
    return "max" if (g["a"] or g["c"]) else "min"


_NUM = r"(\d+(?:\.\d+)?)\s*(%|亿元|万元|元|公里|家|个|亿|万)?"
# "北京市、天津市、河北省三地人均公共教育支出分别为3038元、2680元、1188元"
_ENUM = re.compile(r"([^，。；：]*?)分别(?:为|是|达到|达)?\s*(" + _NUM + r"(?:\s*、\s*" + _NUM + r")+)")
# "从2000年的5.2%增加到9%", "从164.4亿元增长到1749.6亿元" (years maybe given as "2000~2013年" before)
_CHANGE = re.compile(r"从\s*(?:(\d{4})\s*年的?)?\s*" + _NUM + r"\s*(?:增加|增长|提高|上升|下降|减少)到\s*(?:(\d{4})\s*年的?)?\s*" + _NUM)
_SPAN = re.compile(r"(\d{4})\s*[~～\-—至到]\s*(\d{4})\s*年")
_OWN = re.compile(r"(\d+(?:\.\d+)?)\s*(余|多)?\s*(%|亿元|万元|元|公里|家|个|条|亿|万)?")


@dataclass(frozen=True)
class Calculation:
    kind: str  # "difference" | "ratio" | "sum"
    a_label: str
    a: str  # as quoted, with its unit ("3038元")
    b_label: str
    b: str
    result: str  # "1850元", "5.43", "3.8个百分点"; a rank: "3"
    unit: str
    ranked: tuple[tuple[str, str], ...] = ()  # a rank: every (label, figure) of the enumeration, highest first


# "how many times Hebei's level was Beijing's": the first place named is the measure of the second
_TIMES_OF_EN = re.compile(r"\bhow many times\b(?: (?:as \w+ as|over|the size of))?\s+(?:the\s+)?[\w-]+'s?\b.*\b(?:is|was|were|are)\s+(?:the\s+)?[\w-]+'s?(?:\s+\w+)?\s*\??\s*$", re.I)


def reference_first(q: str) -> bool:
    """The question names the reference figure before the one measured against it."""
    return bool(_TIMES_OF_EN.search(q))


def asked(q: str, lang: str) -> str | None:
    """"difference", "ratio", "sum", "rank" or None."""
    if lang == "zh":
        return ("ratio" if _RATIO_ZH.search(q) else "difference" if _DIFF_ZH.search(q) else "sum" if _SUM_ZH.search(q)
                else "rank" if _RANK_ZH.search(q) else None)
    return ("ratio" if _RATIO_EN.search(q) else "difference" if _DIFF_EN.search(q) else "sum" if _SUM_EN.search(q)
            else "rank" if _RANK_EN.search(q) else None)


def _num(s: str) -> tuple[float, str, str]:
    m = _OWN.search(s)  # ("170余个": 170, unit 个)
    return float(m.group(1)), m.group(1), m.group(3) or ""


def _fmt(x: float) -> str:
    s = f"{x:.2f}".rstrip("0").rstrip(".")
    return s or "0"


def compute(kind: str, text: str, first: Sequence[str], second: Sequence[str], percent: bool = False) -> Calculation | None:
    """``first``/``second``: the surfaces of two regions compared, in the question's order; without
    them, a change over time (later against earlier) is read, a share ("%") when ``percent``. None
    when the quote does not give both figures in a form read here."""
    if first and second:
        for m in _ENUM.finditer(text):
            names = m.group(1).split("、")
            values = [v.strip() for v in re.split(r"\s*、\s*", m.group(2))]
            if len(names) != len(values):
                continue
            def find(surfaces):
                return next(((i, s) for i, n in enumerate(names) for s in surfaces if s and s in n), (None, ""))
            (ia, sa), (ib, sb) = find(first), find(second)
            if ia is None or ib is None or ia == ib:
                continue
            return _calc(kind, sa, values[ia], sb, values[ib])
        # "北京大学与天津市达成170余个合作项目，与河北省达成160余个合作项目": each place with the first
        # number of its own clause
        clauses = re.split(r"[，,；;。]", text)

        def own(surfaces):
            for c in clauses:
                for sf in surfaces:
                    if sf and sf in c and (m := _OWN.search(c, c.index(sf) + len(sf))):
                        return sf, m.group(1) + (m.group(2) or "") + (m.group(3) or "")
            return None
        pa, pb = own(first), own(second)
        if pa and pb and pa[1] != pb[1]:
            return _calc(kind, pa[0], pa[1], pb[0], pb[1])
        return None
    span = _SPAN.search(text)
    for m in _CHANGE.finditer(text):
        y0, v0, u0, y1, v1, u1 = m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6)
        unit = u1 or u0 or ""
        if (unit == "%") != percent:
            continue
        y0 = y0 or (span.group(1) if span else "")
        y1 = y1 or (span.group(2) if span else "")
        return _calc(kind, f"{y1}年" if y1 else "", v1 + (u1 or unit), f"{y0}年" if y0 else "", v0 + (u0 or unit))
    return None


def rank(text: str, surfaces: Sequence[str], name_of=lambda n: n) -> Calculation | None:
    """The rank of one place's figure among those a "分别" enumeration gives ("北京市、天津市、河北省…分别达到
    6.08%、3.0%、1.12%": 河北省 3rd of 3), highest first; ``name_of`` names an enumerated place ("河北省2013年…"
    -> 河北省). None when the text lists no figures for that place with others in one unit."""
    for m in _ENUM.finditer(text):
        names = m.group(1).split("、")
        values = [v.strip() for v in re.split(r"\s*、\s*", m.group(2))]
        if len(names) != len(values):
            continue
        i = next((i for i, n in enumerate(names) for sf in surfaces if sf and sf in n), None)
        nums = [_num(v) for v in values]
        if i is None or len({u for _, _, u in nums}) > 1:
            continue
        place = 1 + sum(1 for x, _, _ in nums if x > nums[i][0])
        order = sorted(range(len(values)), key=lambda j: -nums[j][0])
        return Calculation("rank", name_of(names[i]), values[i], "", "", str(place), str(len(values)),
                           tuple((name_of(names[j]), values[j]) for j in order))
    return None


def extreme(text: str, which: str, name_of=lambda n: n) -> Calculation | None:
    """The place with the highest (``which`` = "max") or lowest figure of a "分别" enumeration, as a rank (1st, or
    last, of n); None when the text lists no figures of several places in one unit."""
    for m in _ENUM.finditer(text):
        names = m.group(1).split("、")
        values = [v.strip() for v in re.split(r"\s*、\s*", m.group(2))]
        if len(names) != len(values) or len(names) < 2:
            continue
        nums = [_num(v) for v in values]
        if len({u for _, _, u in nums}) > 1 or len({x for x, _, _ in nums}) < len(nums):
            continue
        order = sorted(range(len(values)), key=lambda j: -nums[j][0])
        i = order[0] if which == "max" else order[-1]
        return Calculation("rank", name_of(names[i]), values[i], "", "", "1" if which == "max" else str(len(values)),
                           str(len(values)), tuple((name_of(names[j]), values[j]) for j in order))
    return None


def total(text: str, name_of=lambda n: n) -> Calculation | None:
    """The sum of every figure a "分别" enumeration gives ("三地人均公共教育支出分别为3038元、2680元、1188元": 6906元);
    None when the text lists no figures of several places in one unit."""
    for m in _ENUM.finditer(text):
        names = m.group(1).split("、")
        values = [v.strip() for v in re.split(r"\s*、\s*", m.group(2))]
        nums = [_num(v) for v in values]
        if len(names) != len(values) or len(names) < 3 or len({u for _, _, u in nums}) > 1 or nums[0][2] == "%":
            continue  # (shares of different wholes add up to nothing)
        unit = nums[0][2]
        return Calculation("total", "", "", "", "", _fmt(sum(x for x, _, _ in nums)) + unit, unit,
                           tuple((name_of(n), v) for n, v in zip(names, values)))
    return None


def _calc(kind: str, la: str, a: str, lb: str, b: str) -> Calculation | None:
    (xa, _, ua), (xb, _, ub) = _num(a), _num(b)
    unit = ua or ub
    if ua and ub and ua != ub:
        return None
    if kind == "ratio":
        if xb == 0:
            return None
        return Calculation(kind, la, a, lb, b, _fmt(xa / xb), "")
    about = "余" if re.search(r"\d\s*[余多]", a + b) else ""  # "170余 + 160余": about 330
    if kind == "sum":
        return Calculation(kind, la, a, lb, b, _fmt(xa + xb) + about + unit, unit)
    if about:
        return None  # a difference of two rounded figures says little
    diff = xa - xb
    unit_out = "个百分点" if unit == "%" else unit
    return Calculation(kind, la, a, lb, b, _fmt(abs(diff)) + unit_out, unit)


def render(c: Calculation, lang: str, en_label=lambda s: s, en_value=lambda s: s) -> str:
    """The calculation, written as one, in the question's language."""
    if c.kind == "rank":
        n, place = int(c.unit), int(c.result)
        end = "最高" if place == 1 else "最低" if place == n else ""
        if lang == "zh":
            listed = "、".join(f"{lb}{v}" for lb, v in c.ranked)
            return f"按引文数字由高到低：{listed}；{c.a_label}排第{place}（共{n}个{'，' + end if end else ''}）。"
        listed = ", ".join(f"{en_label(lb)} {en_value(v)}" for lb, v in c.ranked)
        nth = {1: "1st", 2: "2nd", 3: "3rd"}.get(place, f"{place}th")
        return f"Ranked by the quoted figures, highest first: {listed}; {en_label(c.a_label)} is {nth} of {n}{' (' + ('highest' if place == 1 else 'lowest') + ')' if end else ''}."
    if c.kind == "total":
        if lang == "zh":
            return f"按引文数字计算：{' + '.join(f'{lb}{v}' for lb, v in c.ranked)}，合计{c.result}。"
        return f"Computed from the quoted figures: {' + '.join(f'{en_label(lb)} {en_value(v)}' for lb, v in c.ranked)} = {en_value(c.result)} in total."
    bigger = _num(c.a)[0] >= _num(c.b)[0]
    if lang == "zh":
        if c.kind == "ratio":
            return f"按引文数字计算：{c.a_label}{c.a} ÷ {c.b_label}{c.b} ≈ {c.result}倍。"
        if c.kind == "sum":
            return f"按引文数字计算：{c.a_label}{c.a} + {c.b_label}{c.b}，合计{c.result}。"
        return f"按引文数字计算：{c.a_label}{c.a} − {c.b_label}{c.b}，{c.a_label}比{c.b_label}{'高' if bigger else '低'}{c.result}。"
    la, lb = en_label(c.a_label), en_label(c.b_label)
    a, b = en_value(c.a), en_value(c.b)
    if c.kind == "ratio":
        return f"Computed from the quoted figures: {la} {a} ÷ {lb} {b} ≈ {c.result} times."
    if c.kind == "sum":
        return f"Computed from the quoted figures: {la} {a} + {lb} {b} = {en_value(c.result)} in total."
    res = c.result.replace("个百分点", " percentage points") if c.result.endswith("个百分点") else en_value(c.result)
    return f"Computed from the quoted figures: {la} {a} − {lb} {b} = {res} ({la} {'higher' if bigger else 'lower'})."


def numbers(c: Calculation) -> set[str]:
    """The numbers the calculation adds to an answer (its result)."""
    return set(re.findall(r"\d+(?:\.\d+)?", c.result))
