"""Evidence units: the sentences of paragraph chunks and the whole table rows an answer can rest on.

``split_units`` cuts retrieved passages into units, each knowing its hit (and so its chunk's source,
section, page and offsets) and the sentences before it in the same passage, which is what "it" or
"there" in the unit refer to. ``assistant.scoring`` scores them against a question; ``assistant.extract``
drafts the answer from the best.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Mapping, Sequence

from assistant import intent
from index.model import Chunk, Hit
from index.text import normalize

_SENT_END = "。！？；!?;"
_SENT_RE = re.compile(rf"[^{_SENT_END}\n]+[{_SENT_END}]?")
CONTENTS_LINE = re.compile(r"(?:\.{3,}|…+)\s*\d+\s*$")  # "第一节 …… 3": a line of the contents passage


@dataclass
class Unit:
    hit: Hit
    text: str  # verbatim evidence: a sentence of chunk.text, or the row's quote
    kind: str  # "sentence" | "row"
    match_text: str  # normalised text the question is matched against
    context: str = ""  # normalised preceding sentences of the same passage (what "it"/"there" refer to)
    score: float = 0.0
    coverage: float = 0.0
    reasons: list[str] = field(default_factory=list)
    places: tuple[str, ...] = ()  # which of the places asked together the unit names


def is_toc_row(u) -> bool:
    return u.kind == "row" and (u.hit.chunk.meta or {}).get("table") == "toc"


def is_chapter_title(title: str) -> bool:
    """"第一章 …" (not the appendix, chronicle or references that the contents list beside them)."""
    return bool(re.match(r"第[一二三四五六七八九十百\d]+章", title.strip()))


def toc_level(c) -> int:
    """A contents line's depth: 0 a chapter (or the appendix), 1 a section, 2 a part of a section."""
    m = c.meta or {}
    return 2 if m.get("subsection") else 1 if m.get("section") else 0


def toc_children(row: Chunk, toc_rows: Sequence[Chunk]) -> list[Chunk]:
    """The contents lines directly under a chapter or section line, in book order."""
    m = row.meta or {}
    ch, sec, sub = m.get("chapter") or "", m.get("section") or "", m.get("subsection") or ""
    if sub or not ch:
        return []
    out = []
    for r in toc_rows:
        rm = r.meta or {}
        if rm.get("chapter") != ch or r.id == row.id:
            continue
        if sec and rm.get("section") == sec and rm.get("subsection"):
            out.append(r)
        elif not sec and rm.get("section") and not rm.get("subsection"):
            out.append(r)
    return sorted(out, key=lambda c: c.order)


def split_sentences(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for m in _SENT_RE.finditer(text):
        s = m.group(0)
        stripped = s.strip()
        if len(stripped) < 2:
            continue
        start = m.start() + (len(s) - len(s.lstrip()))
        if out and stripped.startswith("另一方面") and "一方面" in out[-1][1] and out[-1][1].endswith(("；", ";")):
            # "一方面是…；另一方面由…造成": the two halves of one statement stay one sentence
            out[-1] = (out[-1][0], text[out[-1][0]: start + len(stripped)])
            continue
        out.append((start, stripped))
    return out


def next_sentence(u: Unit) -> str:
    """The sentence after the unit in its passage ("" for the last one or a row)."""
    sents = [x for _, x in split_sentences(u.hit.chunk.text)]
    try:
        i = sents.index(u.text)
    except ValueError:
        return ""
    return sents[i + 1] if i + 1 < len(sents) else ""


def has_years(u: Unit, years: Sequence[str]) -> bool:
    """The unit states every asked year, or continues a clause that does: "2000~2013年，…年均复合增速20%；
    占全市GDP的比重从2000年的5.2%增加到9%" -- the second clause is still about 2000~2013."""
    continued = u.context.rstrip().endswith(("；", ";")) if u.kind == "sentence" else False

    def says(y: str, text: str) -> bool:
        # (a year, not four digits inside a code: TJSHS201510031008 states no 2015)
        return y in text and bool(re.search(rf"(?<![\dA-Za-z]){re.escape(y)}(?!\d)", text))
    return all(says(y, u.match_text) or (continued and says(y, u.context)) for y in years)


def split_units(hits: Sequence[Hit], lead: Mapping[str, str] | None = None) -> list[Unit]:
    """The evidence units (sentences, rows) of passages, unscored. ``lead``: chunk id -> the end of
    the paragraph text before it, when a paragraph was split across chunks (the first sentences of
    a chunk read with it: "在影视文化领域，集聚了…" names 中关村 only in the sentences before)."""
    units: list[Unit] = []
    lead = lead or {}
    for h in hits:
        c = h.chunk
        ctx = normalize(c.section).lower()
        if c.kind in ("table_row", "record"):
            fields = " ".join(str(v) for v in (c.meta or {}).values() if v is not None)
            units.append(Unit(h, c.quote or c.text, "row", ctx + " " + normalize(c.text + " " + fields).lower()))
            continue
        sents = split_sentences(c.text)
        if not sents:
            continue
        earlier = [x for _, x in split_sentences(lead.get(c.id, ""))][-2:]
        for i, (_, s) in enumerate(sents):
            # a contents line stands alone: the lines above it are other sections, not its context
            prev = (earlier + [x for _, x in sents[:i]])[-2:]
            before = "" if CONTENTS_LINE.search(s) else " ".join(normalize(x).lower() for x in prev)
            units.append(Unit(h, s, "sentence", ctx + " " + normalize(s).lower(), context=before))
    return units


def row_field(u: Unit, *names: str) -> str:
    """The first of the row's named fields that has a value ("" for none, or for a sentence)."""
    meta = u.hit.chunk.meta or {}
    for n in names:
        v = meta.get(n)
        if v not in (None, ""):
            return str(v)
    return ""


def section_of(u: Unit) -> str:
    """The unit's section heading, normalised as its match text is."""
    return normalize(u.hit.chunk.section).lower()


def countable(u: Unit) -> list[str]:
    """The items of a record row whose value is a list of names ("陈倩、郭斌、…"); a sentence's
    "京东、当当、聚美优品等" is not counted: 等 says the list goes on."""
    if u.kind != "row":
        return []
    value = row_field(u, "value")
    if not value or re.search(r"\d", value) or "、" not in value:
        return []
    return [v.strip() for v in value.split("、") if v.strip()]


_LIST_LEAD = re.compile(r"^.*(?:集聚了|聚集了|涌现出|包括|例如|比如|突出|带动|通过|从|在|如|是|有|了)(?=.)")


_NOT_A_NAME = re.compile(r"[的了为是和与我\d]|方面|入手")


def named_items(text: str, q: str = "") -> list[str]:
    """See ``_named_items`` (read once per sentence and question: scoring asks it of every sentence)."""
    return list(_named_items(text, q))


@lru_cache(maxsize=4096)
def _named_items(text: str, q: str = "") -> tuple[str, ...]:
    """The names a sentence lists by "、" ("集聚了乐视网、爱奇艺、优酷等一批…" -> 乐视网, 爱奇艺, 优酷), for counting them;
    [] unless a list reads cleanly. The lists a sentence may give: a quoted one (“全国政治中心、文化中心、…”), works named
    in 《》 one after another, and its longest run of "、", with the words before the first name and from 等 on cut off (a
    quote or a bracket stays inside its name: 保定“中国电谷”, 腾讯（北京）总部). A list that goes on after a comma
    ("…，以及数字内容") or holds a phrase rather than a name (of more than eighteen characters, or with 的, 了, 为 or a figure)
    is not counted. Of several, the one sharing most words with the question ``q`` ("签的合作协议…几个": the 《…协议》s)."""
    lists = [parts for m in re.finditer(r"“([^”]{4,80})”", text)
             if len(parts := [p.strip() for p in m.group(1).split("、")]) >= 2
             and all(2 <= len(p) <= 18 and not _NOT_A_NAME.search(p) for p in parts)]
    if (works := re.search(r"《[^》]{2,40}》(?:\s*(?:、|以及|和|及|与)\s*《[^》]{2,40}》)+", text)) is not None:
        lists.append(re.findall(r"《[^》]{2,40}》", works.group(0)))
    if items := _run_items(text):
        lists.append(items)
    if not lists:
        return ()
    if q:
        said = {q[i: i + 2] for i in range(len(q) - 1) if re.fullmatch(r"[\u4e00-\u9fff]{2}", q[i: i + 2])}
        shared = [sum(w in "".join(x) for w in said) for x in lists]
        if max(shared) > 0:
            return tuple(lists[shared.index(max(shared))])
    return tuple(lists[0])


def _run_items(text: str) -> list[str]:
    """The names of a sentence's longest run of "、" (see ``named_items``), [] unless they read cleanly."""
    guarded = re.sub(r"“[^”]{1,20}”|（[^（）]{1,12}）|\([^()]{1,12}\)", lambda m: m.group(0).replace("、", "\x00"), text)
    runs = list(re.finditer(r"[^，,。；;：:、]{1,40}(?:、[^，,。；;：:、]{1,40})+", guarded))
    if not runs:
        return []
    run = max(runs, key=lambda m: m.group(0).count("、"))
    if re.match(r"\s*[，,]?\s*(?:以及|和|及|与|还有)", guarded[run.end():]):
        return []
    items = [p.replace("\x00", "、").strip() for p in run.group(0).split("、")]
    items[0] = _LIST_LEAD.sub("", items[0])
    # the list ends at 等 ("乐视网、爱奇艺、优酷等一批…的影视内容、数字音视频技术": three names)
    end = next((i for i, x in enumerate(items) if re.search(r"等|以及|及(?!时)", x)), len(items) - 1)
    items = items[:end] + [re.split(r"等|以及|及(?!时)", items[end])[0]]
    bare = [re.sub(r"（[^（）]*）|“[^”]*”|《[^》]*》", "", i) for i in items]
    if len(items) < 2 or any(not 2 <= len(i) <= 18 or _NOT_A_NAME.search(b) or "、" in i for i, b in zip(items, bare)):
        return []
    return items


_NAMED_ASKED = re.compile(r"点名|列举|列了|列出|举了|提到|提了|点了|举例|例子|哪些|哪几|分别|是谁|叫什么|\b(?:which|name|names|named|list|listed|who)\b", re.I)


def counts_the_named(q: str, text: str, items: Sequence[str] = ()) -> bool:
    """A count question the names ``items`` of a sentence answer: it asks which they are too ("几家？是哪些？", "举了几个例子"),
    or it counts the kind of thing the sentence lists them as ("几家…企业" of "…信息服务企业，如用友公司、…", "几个中心" of
    "政治中心、文化中心、…"); not "京津冀区域一共有多少个民用运输机场？" of "铁路、公路、机场、港口等", nor "多少人" of any list;
    and not when the sentence counts them itself ("…等八大优势产业": a count of its names only when they are asked for)."""
    named = bool(_NAMED_ASKED.search(q))
    if not re.search(r"[\u4e00-\u9fff]{2}", re.sub(r"“[^”]*”|《[^》]*》", "", q)):
        # in English, only when the names are asked for, of a kind the sentence lists
        kind = re.search(r"\bhow many (\w+)", q, re.I)
        zh = _COUNTED_EN.get(kind.group(1).lower(), "") if kind else ""
        return named and bool(zh) and (zh == "*" or bool(re.search(zh, text)))
    m = intent.count_asked(q)
    clause = re.sub(r"(?:呢|吗|啊|呀|来着|了)+$", "", re.match(r"[^，,。？?；;！!]*", q[m.end():]).group(0)) if m else ""
    head = clause[-2:] if len(clause) >= 2 else ""
    if head and not re.fullmatch(_GENERIC_COUNTED, head):
        # (what they are is said just after the list, "…等领军企业", or just before it, "信息服务企业，如用友公司、…")
        at = text.find(items[0]) if items else -1
        end = text.find(items[-1], max(at, 0)) + len(items[-1]) if items else -1
        after = text[end: end + 16] if at >= 0 and end >= 0 else ""
        before = bool(at >= 0 and re.search(rf"{re.escape(head)}[，,]?\s*(?:如|包括|例如|比如|有|像)?[“《]?$", text[max(0, at - 8): at]))
        if not (head in after or before or (items and all(i.endswith(head) for i in items))):
            return False
    elif not named:
        return False
    if re.search(r"等\s*(?:\d+|[一二两三四五六七八九十百]+)\s*(?:多|余)?\s*[大家个项位名类种条所座]", text):
        # "航天航空、高端装备制造等八大优势产业": the sentence counts them itself; the names count only when asked for
        return named
    return True


# the things counted a sentence's list may be of, in English ("*": any list)
_COUNTED_EN = {"companies": "企业|公司", "firms": "企业|公司", "enterprises": "企业|公司", "documents": "文件|规划|纲要",
               "agreements": "协议", "centres": "中心", "centers": "中心", "clusters": "集群", "bases": "基地", "belts": "产业带",
               "examples": "*", "names": "*", "items": "*"}
# a count of what a list may hold whatever it is ("举了几个例子", "几个？", "几个中心" is checked against the text)
_GENERIC_COUNTED = r"(?:例子|举例|个例|东西|名字|名称|项目|部分|方面)"


def quotes_a_phrase(text: str) -> bool:
    """The text quotes a phrase of four or more Chinese characters (“两市一省”, “北京研发、天津转化、河北配套”), not a
    project's title (“…研究”)."""
    return any(len(re.findall(r"[\u4e00-\u9fff]", m)) >= 4 and not m.endswith("研究") for m in re.findall(r"“([^”]{4,40})”", text))


def quotes_phrase_of(text: str, n: int) -> bool:
    """The text quotes a phrase of ``n`` Chinese characters (“北京研发、天津转化、河北配套”: 12)."""
    return any(len(re.findall(r"[\u4e00-\u9fff]", m)) == n for m in re.findall(r"“([^”]{4,40})”", text))


def listed_items(text: str) -> list[str]:
    """The items of the list a sentence gives: a quoted one first (“全国政治中心、文化中心、国际交往中心、科技创新
    中心”), else its longest run of "、" (each item up to 20 characters); [] when it lists nothing."""
    for m in re.finditer(r"“([^”]{4,80})”", text):
        parts = [p.strip() for p in re.split(r"[、，,]", m.group(1)) if p.strip()]
        if len(parts) >= 2:
            return parts
    runs = re.findall(r"[^，,。；;：:、“”（）()]{1,20}(?:、[^，,。；;：:、“”（）()]{1,20})+", text)
    best = max(runs, key=lambda r: r.count("、"), default="")
    return [p.strip() for p in best.split("、")] if best else []
