"""A figure the asker remembers only roughly, read as the one figure of the report it can be.

"七十多个百分点那个是什么？" -> "76.9%那个是什么？"; "将近五百公里的是啥" -> "465公里的是啥"; "一千七百多亿那个数是哪年的" ->
"1749.6亿那个数是哪年的". The range a rough figure allows is read from how it is said (N多: up to the next step of
its last digit; 将近N: a little under N; N左右/大约N: either side of N); it is replaced only when the report's text
has exactly one figure of that kind of unit in the range. Built once per index from its passages.
"""
from __future__ import annotations

import re

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_STEPS = {"十": 10, "百": 100, "千": 1000}
_CN = r"[零〇一二两三四五六七八九十百千]+"

# the unit a figure is counted in, by family: what the asker says -> what the report writes
_UNITS = (
    (r"个百分点|百分点|%|的百分比|的比重|的比例|的占比", "%"),
    (r"公里|千米", "公里"),
    (r"亿元|亿", "亿"),
    (r"万元|万", "万"),
    (r"元|块钱|块", "元"),
    (r"条", "条"),
    (r"家", "家"),
    (r"个", "个"),
    (r"所", "所"),
    (r"项", "项"),
    (r"千字", "千字"),
)
_UNIT_RE = "|".join(u for u, _ in _UNITS)
# a rough figure: 将近/接近/快/近/差不多/大约/约 N, N多/N来/N余, N左右/上下
_ROUGH = re.compile(rf"(?P<pre>将近|接近|快要?|近|差不多|大约|大概|约)?\s*(?P<num>\d+(?:\.\d*)?|{_CN}(?:点[零〇一二三四五六七八九]*)?)\s*(?P<more>多|来|余|几)?\s*(?P<unit>{_UNIT_RE})"
                    rf"(?P<post>左右|上下)?")
# a figure of the report's text: 76.9%, 465 公里, 1749.6亿元, 200 余条
_FIGURE = re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?)\s*(余|多)?\s*({_UNIT_RE})")


def cn_int(s: str) -> int | None:
    """"七十" -> 70, "一千七百" -> 1700, "两百" -> 200, "五百" -> 500; None for what is no such numeral."""
    total, digit = 0, None
    for ch in s:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _STEPS:
            total += (1 if digit is None else digit) * _STEPS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


def _family(unit: str) -> str:
    return next(f for u, f in _UNITS if re.fullmatch(u, unit))


def _range(m: re.Match) -> tuple[float, float] | None:
    raw = m.group("num")
    if "点" in raw or raw.endswith("."):
        # "六点零几" -> [6.0, 6.1); "一点几" -> [1, 2); "十一点几" -> [11, 12)
        whole, _, frac = raw.replace("点", ".").partition(".")
        w = int(whole) if whole.isdigit() else cn_int(whole)
        digits = "".join(str(_DIGITS[c]) if c in _DIGITS else c for c in frac)
        if w is None or not m.group("more") or not digits.isdigit() and digits:
            return None
        lo = float(f"{w}.{digits}") if digits else float(w)
        return lo, lo + 10 ** -len(digits) if digits else lo + 1
    value = float(raw) if raw[0].isdigit() else cn_int(raw)
    if value is None or value <= 0:
        return None
    if m.group("more"):
        # "七十多" -> [70, 80); "一千七百多" -> [1700, 1800); "两百多", "200多" -> [200, 300)
        if raw[0].isdigit():
            whole = raw.split(".")[0]
            step = 10 ** (len(whole) - len(whole.rstrip("0"))) if "." not in raw else 1
        else:
            step = _STEPS.get(raw[-1], 1)
        return value, value + step
    if m.group("pre") in ("将近", "接近", "快", "快要", "近"):
        return value * 0.85, value
    if m.group("pre") or m.group("post"):
        return value * 0.9, value * 1.1
    return None  # an exact figure: nothing to resolve


_CODE = re.compile(r"(?<![A-Za-z\d.-])(?=[A-Z\d-]*\d)[A-Z\d][A-Z\d-]{4,}[A-Z\d](?![A-Za-z\d.])")  # 14JGC089, 9154027, ISBN
# "尾号089的那个项目", "编号最后三位是089": the end of a code the asker has
_CODE_END = re.compile(r"(?:尾号|末尾|最后[两三四五几]位|后[两三四五]位|尾数)(?:是|为)?\s*(\d{2,})")


class Figures:
    def __init__(self, texts):
        texts = list(texts)
        self._codes = frozenset(m.group(0) for t in texts for m in _CODE.finditer(t))
        found: dict[tuple[str, float], tuple[str, bool]] = {}
        for t in texts:
            for m in _FIGURE.finditer(t):
                found.setdefault((_family(m.group(3)), float(m.group(1))), (f"{m.group(1)}{m.group(2) or ''}{m.group(3)}", bool(m.group(2))))
        self._found = found

    def complete_code(self, q: str) -> str:
        """"那尾号089的呢？" -> "那14JGC089的呢？": the one code of the report that ends so; unchanged otherwise."""
        def one(m: re.Match) -> str:
            hits = [c for c in self._codes if c.endswith(m.group(1)) and c != m.group(1)]
            return hits[0] if len(hits) == 1 else m.group(0)
        return _CODE_END.sub(one, q)

    def resolve(self, q: str) -> str:
        """``q`` with each rough figure replaced by the one figure of the report it can be; unchanged otherwise, and when
        the question asks for that value itself ("定价五十多块，具体多少钱？": the asker's guess is checked, not quoted)."""
        if re.search(r"多少|几(?![点十百千万])|准确|确切|具体数", q) and not re.search(r"什么|啥|哪个|哪项|哪一项|哪年", q):
            return q
        def one(m: re.Match) -> str:
            span = _range(m)
            if span is None:
                return m.group(0)
            lo, hi = span
            fam = _family(m.group("unit"))
            # ("二十几个百分点" is above 20: not the 20% of another figure; the report's own "400多家" is one of "四百多家")
            strict = bool(m.group("more")) and "点" not in m.group("num")
            hits = {said for (f, v), (said, rough) in self._found.items() if f == fam
                    and (lo < v or (lo == v and (rough or not strict))) and v < hi + (1e-9 if m.group("pre") else 0)}
            return hits.pop() if len(hits) == 1 else m.group(0)
        return _ROUGH.sub(one, q)
