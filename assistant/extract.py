"""The default answerer: extractive and exact, no LLM.

Given the (rewritten) question and the retrieved hits, it scores evidence units --
sentences of paragraph chunks and whole table rows -- by how much of the question
they cover (IDF-weighted terms, with English questions expanded into the report's
Chinese terms through the glossary) under hard constraints (an asked year must be
in the evidence, an asked region must match, a numeric question needs a number next
to the asked indicator). The best unit becomes the direct answer; a table row is
preferred for numeric questions and rendered as a sentence; every sentence carries a
[n] marker and every number it states is checked against its cited quote.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence

from assistant import prompts, question as qmod
from index.glossary import _fold, en_words
from index.model import Chunk, Hit
from index.text import normalize, squash_ws

_SENT_END = "。！？；!?;"
_SENT_RE = re.compile(rf"[^{_SENT_END}\n]+[{_SENT_END}]?")
_CLAUSE_RE = re.compile(r"[^，,；;。！？!?]+")  # "电话：(010) 51915602" is one clause
_NUM_RE = re.compile(r"\d+(?:\.\d+)?")
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?:\s*[~～-]\s*(?:19|20)?\d\d)?\s*年")  # "2014年" dates, not amounts
_MARK_RE = re.compile(r"\[\d+\]")

_NUMERIC_ZH = re.compile(r"多少|(?<!哪)几|比重|比例|占比|多高|多大|多长|数量|规模|强度|增长到|增加到|达到|金额|数额|价格|定价|字数|印张|页|第几")
_NUMERIC_EN = re.compile(
    r"\bhow (many|much|long|large|big|high)\b|\bwhat (share|percentage|proportion|was the (value|figure|number|amount|price))\b"
    r"|\b(share|percent|percentage|proportion|number of|figure|price|count|page|intensity|spending|length|capacity|value added)\b",
    re.I,
)
_PAGE_Q = re.compile(r"第几页|哪一页|页码|多少页|\bpages?\b", re.I)

STOP_ZH = set(
    "的 了 是 在 和 与 及 或 吗 呢 吧 啊 么 什么 多少 哪些 哪个 哪 几 如何 怎么 怎样 为什么 请问 请 告诉 我 你 "
    "报告 本书 这本书 书 中 里 对 有 有没有 为 其 被 从 到 给 这 那 那么 一个 是否 提到 提及 说 讲 所 年 年底 时 "
    "哪一 哪一年 多 少 根据 按照 之 上 下 个 该 位 谁 呢？ ？ ? ， 。 、".split()
)
STOP_EN = set(
    "the a an of in on at to for and or is are was were be been by with from as what which who whom whose how "
    "many much does did do according report book this that these those it its their there per about tell me "
    "please give list name named say says said stated state mention mentioned value figure number in into than "
    "was were reach reached amount level start starts started begin begins began appear appears located "
    "found listed doe good best great nice well".split()  # "doe": en_words folds "does"
)

HARD_FAILURES = {"year missing", "asked-for thing missing", "a contents line names no person", "no number of the asked unit", "indicator not asked", "region missing", "no number", "no number next to the asked indicator",
                 "table of contents row for a question not about the book's structure"}
INDICATOR_MATCH = 0.5  # share of the row's indicator (IDF-weighted) the question must name; swept on tune: 0.2-0.75
LIST_SHARE = 0.8  # a list answer takes the rows scoring at least this share of the best one
RANK_PRIOR = 0.12  # the fused retriever's order is informative: hybrid hit@1 is well above chance
UNKNOWN_WEIGHT = 1.0
EN_UNKNOWN_WEIGHT = 0.6
_INTERROGATIVE = re.compile(r"^(几|哪|多少|什么|怎么|怎样|如何|为何)")
_SECTION_WORD = re.compile(r"节|部分|\bsections?\b|\bparts?\b", re.I)
# a question about the book's structure (contents lines may answer it); "第一节里，…由哪几类产业构成"
# names a section only as the place to look, so the ordinal alone does not make one
_STRUCTURE_Q = re.compile(r"页|目录|标题|题目|叫什么|名为|名称|哪一?章|哪一?节|几章|几节|哪些章|哪些节|章节|各章|各节"
                          r"|讲什么|讲的是什么|讲了什么|主题|分成哪|分为哪|哪几个方面|哪几部分|哪些部分"
                          r"|\b(sections?|chapters?|pages?|contents|titled?|called|named|parts?)\b", re.I)
_CN_COUNT = re.compile(r"[一二三四五六七八九十两百千万]+(?:个|章|节|家|条|项|类|种|大|方面|部分|名|位|批|所|座)")

UNIT_EN = {
    "%": "%",
    "元": " yuan",
    "亿元": " hundred million yuan",
    "亿吨": " hundred million tonnes",
    "公里": " km",
    "家": " (companies)",
    "个": "",
    "条": "",
    "千字": " thousand characters",
    "页": "",
}


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


@dataclass
class Draft:
    """An answer before numbering: sentences, each with the units it rests on."""

    answerable: bool
    sentences: list[tuple[str, list[Unit]]]
    best: Unit | None
    refusal: str = ""
    support: float = 0.0
    numeric: bool = False
    terms: dict = field(default_factory=dict)
    listing: bool = False  # a list question


class Terms:
    """Question terms with IDF weights from the indexed chunks."""

    def __init__(self, tokenize: Callable[[str], list[str]], chunks: Sequence[Chunk], expand: Callable[[str], list[str]] | None,
                 glossary=None, stopwords: frozenset = frozenset(), docs: Sequence[Sequence[str]] | None = None):
        """``docs``: the chunks already tokenised (the keyword index's documents), so that start-up
        does not segment the whole corpus a second time."""
        self.tokenize = tokenize
        self.expand = expand
        self.glossary = glossary
        self.stopwords = stopwords
        df: dict[str, int] = {}
        if docs is None:
            docs = [tokenize(normalize(c.text + " " + c.section)) for c in chunks]
        for d in docs:
            for t in set(d):
                df[t] = df.get(t, 0) + 1
        self.n = max(1, len(docs))
        self.df = df
        self.max_idf = math.log(1 + self.n / 0.5)
        self._longer_cache: dict[str, list[str]] = {}

    def _longer(self, word: str) -> list[str]:
        """The report's words that contain ``word`` ("信息服务业" for "服务业"): a paraphrase of
        "服务业" must not rewrite the middle of "信息服务业"."""
        if word not in self._longer_cache:
            self._longer_cache[word] = [t for t in self.df if len(t) > len(word) and word in t]
        return self._longer_cache[word]

    def known(self, t: str) -> bool:
        """The report uses the term (any alternative of a group)."""
        return any(a in self.df for a in t.removeprefix(GROUP).split(ALT))

    def idf(self, t: str) -> float:
        d = self.df.get(t)
        if d is None:
            # a word the report never uses: evidence the answer may not be here, but paraphrases
            # ("国际标准书号" for ISBN) also produce such words, so it weighs like a mid-frequency term
            return UNKNOWN_WEIGHT * self.max_idf
        return math.log(1 + self.n / (d + 0.5))

    def parts(self, phrase: str) -> list[str]:
        """The words of a Chinese phrase that carry meaning (for partial matches)."""
        return [t for t in dict.fromkeys(self.tokenize(phrase)) if len(t) >= 2 and t not in STOP_ZH] or [phrase]

    def phrase_idf(self, phrase: str) -> float:
        if phrase in self.df:
            return self.idf(phrase)
        return max(self.idf(t) for t in self.parts(phrase))

    def credit(self, term: str, text: str) -> float:
        """How much of a question term a text holds: 1 for a plain term or any alternative of a
        phrase group found whole; for a group, else half the IDF share of its best alternative's words."""
        if not term.startswith(GROUP):
            return 1.0 if term in text else 0.0
        best = 0.0
        for alt in term[len(GROUP):].split(ALT):
            if alt in text:
                return 1.0
            ps = self.parts(alt)
            if len(ps) > 1:
                w = sum(self.idf(p) for p in ps)
                best = max(best, 0.5 * sum(self.idf(p) for p in ps if p in text) / w)
        return best

    def words(self, terms) -> set[str]:
        """Every word of the terms: plain terms, and the alternatives of groups with their words."""
        out: set[str] = set()
        for t in terms:
            if t.startswith(GROUP):
                for alt in t[len(GROUP):].split(ALT):
                    out.add(alt)
                    out.update(self.parts(alt))
            else:
                out.add(t)
        return out

    def of(self, q: str, lang: str) -> dict[str, float]:
        """Content terms of a question with weights."""
        return self.analyse(q, lang)[0]

    def analyse(self, q: str, lang: str) -> tuple[dict[str, float], set[str]]:
        """(content terms with weights, the terms naming what an English question asks for)."""
        qn = normalize(q)
        focus_keys: set[str] = set()
        if lang == "zh":
            for pat, repl in _paraphrases():
                if pat in qn and not any(t in qn for t in self._longer(pat)):
                    qn = qn.replace(pat, " " + repl + " ")
        out: dict[str, float] = {}
        grouped: set[str] = set()  # English words a glossary/lexicon phrase stands for ("4" in "chapter 4")
        if lang == "en" and self.glossary is not None and hasattr(self.glossary, "groups"):
            words = en_words(q)
            grouped = {words[i] for a, b, *_ in self.glossary.groups(q) for i in range(a, b)}
        for t in self.tokenize(qn):
            tl = t.lower().strip()
            if not tl or tl in STOP_ZH or tl in STOP_EN or not re.search(r"[\w\u4e00-\u9fff]", tl):
                continue
            if grouped and (tl in grouped or _fold(tl) in grouped):
                continue
            if re.fullmatch(r"(19|20)\d\d", tl):
                continue  # years are hard constraints, not terms
            if lang == "zh" and _INTERROGATIVE.match(tl):
                continue  # "几类", "哪几个", "多少家": the question's form, not its content
            if len(tl) == 1 and "\u4e00" <= tl <= "\u9fff" and tl not in self.df:
                continue  # a lone character the report never uses as a word ("定位成" -> "成")
            if re.fullmatch(r"[a-z]+", tl) and lang == "en":
                # English words count only if the report uses them (GDP, ISBN, BPO ...);
                # other English words are represented by their glossary expansion below.
                if tl in self.df or tl.upper() in self.df:
                    out[tl] = self.idf(tl)
                continue
            out[tl] = self.idf(tl)
        if lang == "en" and self.glossary is not None and hasattr(self.glossary, "groups"):
            # One English phrase is one term, whatever the number of Chinese words it becomes:
            # "high-tech zone" -> "高新区" must not weigh three times ("高新", "新区", "高新区").
            focus = focus_words(en_words(q))
            for a, b, key, zhs, source in self.glossary.groups(q):
                if all(w in STOP_EN for w in key):
                    continue  # the question's frame ("start", "number"), not its content
                alts = [a for a in dict.fromkeys(normalize(z).lower() for z in zhs)
                        if a and a not in STOP_ZH and (len(a) >= 2 or re.fullmatch(r"[a-z&]+", a))]
                if alts:
                    # a curated phrase weighs as its most telling form; a general-dictionary word with
                    # several candidate translations ("goods" -> 货物|产品|物资) only as its least
                    idfs = [self.phrase_idf(x) for x in alts]
                    w = max(idfs) if source == "glossary" else min(idfs)
                    # the thing asked for ("What *telephone number* ... for the publisher?") weighs
                    # more than the words that only locate it
                    key = GROUP + ALT.join(alts)
                    in_focus = bool(focus & set(range(a, b)))
                    out.setdefault(key, w * (FOCUS_WEIGHT if in_focus else 1.0))
                    if in_focus:
                        focus_keys.add(key)
        elif lang == "en" and self.expand is not None:
            for zh in self.expand(q):
                for t in self.tokenize(normalize(zh)):
                    if t in STOP_ZH or len(t) < 2 and not re.fullmatch(r"[A-Za-z&]+", t):
                        continue
                    out.setdefault(t.lower(), self.idf(t))
        if lang == "en" and self.glossary is not None:
            # English content words the glossary does not know and the report does not use stay
            # in the question as unmatched weight ("weather", "recipe"): otherwise an off-topic
            # question that names a region would look fully covered.
            covered = self.glossary.matched_words(q)
            words = en_words(q)
            focus = focus_words(words)
            for i, w in enumerate(words):
                if i in covered or w in STOP_EN or w in self.stopwords or len(w) < 3 or w.isdigit():
                    continue
                if w in self.df or w.upper() in self.df:
                    if i in focus:
                        focus_keys.add(w)
                    continue
                out.setdefault("~" + w, EN_UNKNOWN_WEIGHT * self.max_idf)
                if i in focus:
                    focus_keys.add("~" + w)  # asked for something the report has no word for
        return out, focus_keys


FOCUS_WEIGHT = 1.5
_NOUN_FOCUS = re.compile(r"\bhow (many|much)\b", re.I)  # "what is the code of …": the value may be the code itself
_AUX = frozenset("is are was were do does doe did has have had can could will would should may might".split())  # "doe": en_words folds "does"
_PREP = frozenset("of for in on at by from to with about under among between during does did".split())


def focus_words(words: list[str]) -> set[int]:
    """Indices of the words naming what an English question asks for (its wh-phrase head):
    "what telephone number does ..." -> telephone number; "who is the editor-in-chief of ..." ->
    editor in chief; "how many companies ..." -> companies. Empty when there is no such phrase."""
    if not words:
        return set()
    i = 0
    while i < len(words) and words[i] not in ("what", "which", "who", "how"):
        i += 1
    if i >= len(words) - 1:
        return set()
    j = i + 1
    if words[i] == "how":
        if words[j] not in ("many", "much"):
            return set()
        j += 1
    elif words[i] == "who" and words[j] not in _AUX:
        return set()  # "who drafted …": a verb, not the thing asked for
    elif words[j] in _AUX:
        # "what is the X of ...", "who was the X ..."
        j += 1
        if j < len(words) and words[j] in ("the", "a", "an"):
            j += 1
        else:
            return set()
    out = set()
    while j < len(words) and words[j] not in _AUX and words[j] not in _PREP and len(out) < 4:
        out.add(j)
        j += 1
    return out


GROUP = "="  # a term "=出版社|出版发行" is one English phrase; its Chinese forms are alternatives
ALT = "|"


def has_term(term: str, text: str) -> bool:
    return any(a in text for a in term.removeprefix(GROUP).split(ALT))


@lru_cache(maxsize=1)
def _paraphrases() -> tuple[tuple[str, str], ...]:
    path = Path(__file__).parent / "data" / "paraphrases_zh.tsv"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pat, repl = line.split("\t")
            out.append((pat.strip(), repl.strip()))
    return tuple(sorted(out, key=lambda x: -len(x[0])))


_DATE_Q = re.compile(r"日期|哪天|哪一天|何时|什么时候|哪年哪月|哪一年哪个?月|哪一?个月|几月|\bwhen\b|\bdate\b|\bwhat day\b", re.I)
_DATE_RE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月")
_PLURAL_WH = re.compile(r"\b(which|what)\s+(\w+\s+)?\w{3,}(?<!ss)(?<!us)(?<!is)s\b(?!\s+(is|was)\b)", re.I)
_LIST_Q = re.compile(r"哪些|哪几|有什么|列举|列出|分别|\bgive (me )?(the|all) (\w+ ){0,3}\w+s\b|\bname (some|the)\b|\bwhich\b.*\b(are|were)\b|\blist\b|\bwhat are\b", re.I)
# "多少册" asks for a number of 册: evidence must have one ("第1次印刷" does not say how many copies)
_HOW_MANY_ZH = re.compile(r"多少(家|个|册|本|条|项|人|名|位|页|元|亿元|万元|公里|千字|字|吨|所|座|件|篇|部|种|类)")


def is_toc_row(u) -> bool:
    return u.kind == "row" and (u.hit.chunk.meta or {}).get("table") == "toc"


_WHO_Q = re.compile(r"\bwho\b|\bwhom\b|谁|哪位", re.I)
_ORG_SUFFIX = re.compile(r"(社|局|委|部|院|会|公司|大学|学院|中心|研究所|书店|集团|办公室)$")
_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _agent_like(value: str) -> bool:
    """A person's name (2-4 characters, or several separated by 、 or spaces) or an organisation."""
    v = re.sub(r"[◎:：]", " ", value).strip()
    names = [x for x in re.split(r"[\s、,，]+", v) if x]
    return bool(names) and (all(_NAME_RE.fullmatch(x) for x in names) or bool(_ORG_SUFFIX.search(v)))


_CN_NUM = "零一二三四五六七八九十"
_ORD_RE = re.compile(r"第([一二三四五六七八九十]+)([章节])")
_ORD_EN = re.compile(r"\b(chapter|section)\s+(\d+)\b", re.I)


def _cn(n: int) -> str:
    if n <= 10:
        return _CN_NUM[n]
    return ("" if n < 20 else _CN_NUM[n // 10]) + "十" + ("" if n % 10 == 0 else _CN_NUM[n % 10])


def ordinals(q: str) -> dict[str, str]:
    """Chapter / section ordinals asked about: {"章": "第二章", "节": "第四节"}."""
    out = {kind: f"第{num}{kind}" for num, kind in _ORD_RE.findall(q)}
    for kind, n in _ORD_EN.findall(q):
        out.setdefault("章" if kind.lower() == "chapter" else "节", f"第{_cn(int(n))}{'章' if kind.lower() == 'chapter' else '节'}")
    return out


_PARTS_Q = re.compile(r"分成哪|分为哪|包括哪|包含哪|哪几个方面|哪几部分|哪几节|哪些节|哪些部分|由哪几|有哪几|下设|"
                      r"\bwhat (sections|parts|subsections)\b|\bwhich (sections|parts|subsections)\b|\bsubsections?\b"
                      r"|\b(divided|organi[sz]ed|split|broken down|subdivided) into\b|\bbroken down\b|\bbreak(s)? down\b|\bconsists? of\b|\bwhat does (it|the section|the chapter) cover\b", re.I)


_CHAPTERS_Q = re.compile(r"几章|各章|哪几章|哪些章|每一?章|所有章|全书.*章|\bchapters\b", re.I)


def is_chapter_title(title: str) -> bool:
    """"第一章 …" (not the appendix, chronicle or references that the contents list beside them)."""
    return bool(re.match(r"第[一二三四五六七八九十百\d]+章", title.strip()))


def asks_for_chapters(q: str) -> bool:
    """The question is about the book's chapters as a whole ("这本书分几章，各章讲什么？",
    "What are the four chapters of the report about?"), not about one chapter."""
    return bool(_CHAPTERS_Q.search(q)) and not ordinals(q) and not _WHO_Q.search(q) and not re.search(
        r"\bchapters? (one|two|three|four|five|six|\d)\b", q, re.I)


def render_chapters(titles: Sequence[str], lang: str, glossary) -> str:
    n = len(titles)
    if lang == "zh":
        return f"全书共{_cn(n)}章：" + "；".join(titles) + "。"
    words = "zero one two three four five six seven eight nine ten".split()
    named = []
    for i, t in enumerate(titles, 1):
        en = _en_title(re.sub(r"^第[一二三四五六七八九十]+章\s*", "", t), glossary)
        named.append(f"chapter {words[i] if i <= 10 else i}: {en} ({t})" if en else t)
    return f"The report has {words[n] if n <= 10 else n} chapters: " + "; ".join(named) + "."


def _en_title(zh: str, glossary) -> str:
    """English for a heading: the glossary's name for it, else its known parts in order."""
    if glossary is None:
        return ""
    whole = glossary.to_en(zh)
    if whole:
        return whole
    parts = [en for _, en in glossary.find_zh(zh)] if hasattr(glossary, "find_zh") else []
    return ", ".join(dict.fromkeys(parts))


def asks_for_parts(q: str) -> bool:
    """The question asks what a chapter or section is divided into."""
    return bool(_PARTS_Q.search(q))


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


def render_parts(title: str, parts: Sequence[str], lang: str, glossary) -> str:
    if lang == "zh":
        return f"“{title}”分为{len(parts)}部分：" + "；".join(parts) + "。"
    words = "zero one two three four five six seven eight nine ten".split()
    named = []
    for p in parts:
        en = _en_title(re.sub(r"^[第一二三四五六七八九十章节、\s]+", "", p), glossary)
        named.append(f"{en} ({p})" if en else p)
    n = len(parts)
    head = _en_title(re.sub(r"^[第一二三四五六七八九十章节、\s]+", "", title), glossary)
    return (f"{head} ({title})" if head else f"“{title}”") + f" has {words[n] if n <= 10 else n} parts: " + "; ".join(named) + "."


def split_sentences(text: str) -> list[tuple[int, str]]:
    out = []
    for m in _SENT_RE.finditer(text):
        s = m.group(0)
        stripped = s.strip()
        if len(stripped) < 2:
            continue
        out.append((m.start() + (len(s) - len(s.lstrip())), stripped))
    return out


def _units(hits: Sequence[Hit]) -> list[Unit]:
    units: list[Unit] = []
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
        for i, (_, s) in enumerate(sents):
            before = " ".join(normalize(x).lower() for _, x in sents[max(0, i - 2) : i])
            units.append(Unit(h, s, "sentence", ctx + " " + normalize(s).lower(), context=before))
    return units


def _numeric(q: str, lang: str) -> bool:
    return bool(_NUMERIC_EN.search(q) if lang == "en" else _NUMERIC_ZH.search(q))


def _row_field(u: Unit, *names: str) -> str:
    meta = u.hit.chunk.meta or {}
    for n in names:
        v = meta.get(n)
        if v not in (None, ""):
            return str(v)
    return ""


def score_units(q: str, lang: str, hits: Sequence[Hit], terms: Terms) -> tuple[list[Unit], dict]:
    qterms, focus = terms.analyse(q, lang)
    total = sum(qterms.values()) or 1.0
    # only where the focus is surely a counted noun ("how many X"): "who commissioned …" names an
    # action, and in "what is the code of …" the value itself is the code
    how_many = bool(focus) and bool(_NOUN_FOCUS.search(q))
    unknown_focus = how_many and all(t.startswith("~") for t in focus)
    qyears = qmod.years(q)
    regions = [m.slot for m in qmod.mentions(q) if m.slot.category == "region"]
    numeric = _numeric(q, lang)
    qnums = set(_NUM_RE.findall(q))  # "项目（9154027）的资助金额是多少": 9154027 is not an answer
    page_q = bool(_PAGE_Q.search(q))
    structure_q = bool(_STRUCTURE_Q.search(q))
    date_q = bool(_DATE_Q.search(q))
    who_q = bool(_WHO_Q.search(q))
    m = _HOW_MANY_ZH.search(q) if lang == "zh" else None
    measure = m.group(1) if m else ""
    list_q = bool(_LIST_Q.search(q)) or (lang == "en" and bool(_PLURAL_WH.search(q)))
    ords = ordinals(q)
    units = _units(hits)
    # terms that name the asked indicator: not regions, not unknown words
    region_words = {z.lower() for r in qmod._slots() if r.category == "region" for z in r.zh}
    def names_region(t: str) -> bool:
        return any(a in region_words or any(a in z for z in region_words) for a in t.removeprefix(GROUP).split(ALT))

    ind_terms = {t: w for t, w in qterms.items() if not t.startswith("~") and not names_region(t)}
    for u in units:
        if u.kind == "row" and (u.hit.chunk.meta or {}).get("table") == "toc":
            # a contents line is its title; the chapter/section path above it is context and
            # counts half ("the Tianjin policy section" is 第三节 天津市政策, not a line under it)
            title = normalize(str(u.hit.chunk.meta.get("title") or "")).lower()
            u.coverage = sum(w * max(terms.credit(t, title), 0.5 * terms.credit(t, u.match_text))
                             for t, w in qterms.items()) / total if qterms else 0.0
        elif u.kind == "row":
            # a row is its own text and fields; the section it sits in is context and counts half
            # (every row under "编委会成员 (以姓氏拼音排序)" must not look like it states the order)
            own = u.match_text[len(normalize(u.hit.chunk.section).lower()) + 1 :]
            u.coverage = sum(w * max(terms.credit(t, own), 0.5 * terms.credit(t, u.match_text))
                             for t, w in qterms.items()) / total if qterms else 0.0
        else:
            u.coverage = sum(w * terms.credit(t, u.match_text) for t, w in qterms.items()) / total if qterms else 0.0
        s = u.coverage
        if how_many and not unknown_focus and not any(terms.credit(t, u.match_text) > 0 for t in focus):
            # "How many *people* work in …": evidence must name what is counted
            s *= 0.5
            u.reasons.append("asked-for thing missing")
        if unknown_focus:
            # "How many *employees* …": the report has no word for what is asked for, so no passage
            # can answer, however much else it shares with the question ("Zhongguancun")
            s *= 0.5
            u.reasons.append("asked-for thing missing")
        if qyears and not all(y in u.match_text for y in qyears):
            s *= 0.2
            u.reasons.append("year missing")
        if regions:
            region_text = _row_field(u, "region").lower() if u.kind == "row" else ""
            # a sentence may name its region one or two sentences earlier ("中关村…。如在电子商务领域，…")
            names_region = any(z.lower() in u.match_text for z in region_words)
            hay = region_text or (u.match_text if names_region else u.match_text + " " + u.context)
            if not any(any(z.lower() in hay for z in r.zh) for r in regions):
                s *= 0.35
                u.reasons.append("region missing")
            elif u.kind == "row" and region_text:
                s += 0.08
        if numeric:
            if not ([n for n in _NUM_RE.findall(_YEAR_RE.sub(" ", u.text)) if n not in qnums] or _CN_COUNT.search(u.text)):
                s *= 0.4
                u.reasons.append("no number")
            elif u.kind == "sentence" and not _number_near_terms(u.text, ind_terms):
                s *= 0.6
                u.reasons.append("no number next to the asked indicator")
            if u.kind == "row":
                s += 0.06
        if u.kind == "row":
            # how specifically the row's key (indicator / field label / title) is what was asked
            key = _row_field(u, "indicator", "label", "title", "project_title")
            kt = [t for t in terms.tokenize(normalize(key)) if len(t) >= 2] if key else []
            if kt:
                ind_words = terms.words(ind_terms)
                overlap = sum(1 for t in kt if t in ind_words) / len(kt)
                s += 0.12 * overlap
                known_missing = [t for t in qterms if not t.startswith("~") and terms.known(t)
                                 and terms.credit(t, u.match_text) == 0]
                if overlap == 1.0 and (u.hit.chunk.meta or {}).get("table") == "publication" and not known_missing:
                    # the record field asked for by name ("网址", "电话", "定价") -- unless the question
                    # asks something about it the row does not say ("编委会成员按什么顺序排列")
                    s += 0.2
                # the asked indicator must be (mostly) this row's indicator, weighted by how telling
                # each word is: "第二产业比重" is not answered by the "第三产业比重" row
                w_all = sum(terms.idf(t) for t in kt)
                w_hit = sum(terms.idf(t) for t in kt if t in ind_words)
                if (u.hit.chunk.meta or {}).get("table") == "indicators" and w_hit < INDICATOR_MATCH * w_all:
                    u.reasons.append("indicator not asked")
        is_toc = u.kind == "row" and (u.hit.chunk.meta or {}).get("table") == "toc"
        if is_toc and ords:
            m = u.hit.chunk.meta
            if "章" in ords and not (m.get("chapter", "") or "").startswith(ords["章"]):
                s *= 0.3
            if "节" in ords and not ((m.get("section", "") or "").startswith(ords["节"]) or (m.get("title", "") or "").startswith(ords["节"])):
                s *= 0.3
            if "节" not in ords and "章" in ords and (m.get("section") or m.get("subsection")) and not _SECTION_WORD.search(q):
                s *= 0.6  # asked about the chapter itself, not one of its sections
        if ords and u.kind == "sentence":
            # "第一节里，…": the passage should come from the section the question names
            path = [str(p) for p in u.hit.chunk.section_path]
            if all(any(p.startswith(o) for p in path) for o in ords.values()):
                s += 0.1
        if who_q and is_toc_row(u):
            s *= 0.3
            u.reasons.append("a contents line names no person")
        if measure and not re.search(rf"\d\s*(?:多|余)?\s*{re.escape(measure)}", u.text):
            s *= 0.4
            u.reasons.append("no number of the asked unit")
        if who_q and u.kind == "row":
            value = _row_field(u, "value")
            if value:
                # "who" asks for a person or an organisation, not a title or a place
                s += 0.1 if _agent_like(value) else -0.1
        if date_q:
            if _DATE_RE.search(u.text):
                s += 0.2
            else:
                s *= 0.6
        if list_q and u.kind == "sentence":
            s += 0.03 * min(4, u.text.count("、"))
        if u.kind == "row":
            value = _row_field(u, "value")
            if value and any(len(t) >= 2 and normalize(value).lower().endswith(t) for t in terms.words(ind_terms)):
                s += 0.1  # the value is the kind of thing asked for ("经济管理出版社" for a 出版社)
        if page_q and is_toc:
            s += 0.15
        elif is_toc and not structure_q:
            s *= 0.3
            u.reasons.append("table of contents row for a question not about the book's structure")
        s += RANK_PRIOR / u.hit.rank if u.hit.rank else 0.0
        u.score = s
    units.sort(key=lambda u: -u.score)
    return units, {"terms": qterms, "years": qyears, "numeric": numeric, "regions": [r.id for r in regions], "list": list_q}


def _number_near_terms(sentence: str, qterms: dict[str, float]) -> bool:
    sn = normalize(sentence).lower()
    strong = [t for t, w in qterms.items() if len(t) >= 2 and not re.fullmatch(r"\d+", t)]
    for cl in _CLAUSE_RE.findall(sn):
        if (_NUM_RE.search(_YEAR_RE.sub(" ", cl)) or _CN_COUNT.search(cl)) and any(has_term(t, cl) for t in strong):
            return True
    return False


def draft(q: str, lang: str, hits: Sequence[Hit], terms: Terms, min_support: float, glossary) -> Draft:
    units, info = score_units(q, lang, hits, terms)
    qyears = info["years"]
    if not units:
        return Draft(False, [], None, prompts.REFUSAL[lang])
    if qyears and not any(all(y in u.match_text for y in qyears) for u in units):
        missing = [y for y in qyears if not any(y in u.match_text for u in units)] or qyears
        return Draft(False, [], units[0], prompts.REFUSAL_YEAR[lang].format(year="、".join(missing) if lang == "zh" else ", ".join(missing)) + " " + prompts.REFUSAL[lang], units[0].score)
    # Hard constraints: evidence that misses an asked year or region, a numeric question without a
    # number next to the asked indicator, or a contents line for a question not about the book's
    # structure cannot be the answer, however well it scores otherwise.
    ok = [u for u in units if not any(r in HARD_FAILURES for r in u.reasons)]
    best = ok[0] if ok else units[0]
    if not ok or best.score < min_support:
        return Draft(False, [], best, prompts.REFUSAL[lang], best.score)
    all_units, units = units, ok
    if info["list"] and best.kind == "sentence":
        # the same evidence as a table row: the row lists with its siblings
        same = squash_ws(best.text)
        twin = next((u for u in ok if u.kind == "row" and squash_ws(u.text) and squash_ws(u.text) in same
                     and u.score >= LIST_SHARE * best.score), None)
        if twin is not None:
            best = twin
    chosen = [best]
    if info["list"] and best.kind == "sentence" and "、" not in best.text:
        # "北京市形成了一批具有特色的产业集群。例如，以中关村为依托的…": the list follows the intro
        nxt = _next_sentence(best)
        if nxt and _EXAMPLES.match(nxt):
            follow = next((u for u in all_units if u.hit.chunk.id == best.hit.chunk.id and u.text == nxt), None)
            if follow is not None:
                chosen.append(follow)
    if info["list"]:
        # "本书得到了哪些基金项目的资助？" / "Give the project numbers of the … grants": the other rows of
        # the same table, or sentences of the same section, that answer as well as the best one are
        # part of the answer
        table = (best.hit.chunk.meta or {}).get("table") if best.kind == "row" else None
        seen = {squash_ws(best.text)}
        for u in ok[1:]:
            key = squash_ws(u.text)
            if u.score < LIST_SHARE * best.score or key in seen or any(key in k or k in key for k in seen):
                continue
            same = ((u.hit.chunk.meta or {}).get("table") == table) if best.kind == "row" else (
                u.kind == "sentence" and u.hit.chunk.section == best.hit.chunk.section)
            if same and u.kind == best.kind:
                chosen.append(u)
                seen.add(key)
    sentences: list[tuple[str, list[Unit]]] = [(render(u, lang, info["numeric"], glossary, info["terms"], info["list"]), [u])
                                               for u in chosen]
    return Draft(True, sentences, best, support=best.score, numeric=info["numeric"], terms=info["terms"], listing=info["list"])


_EXAMPLES = re.compile(r"^(例如|比如|譬如|如|包括|主要有|主要包括|其中|分别是|具体)")


def _next_sentence(u: Unit) -> str:
    sents = [x for _, x in split_sentences(u.hit.chunk.text)]
    try:
        i = sents.index(u.text)
    except ValueError:
        return ""
    return sents[i + 1] if i + 1 < len(sents) else ""


def render(u: Unit, lang: str, numeric: bool, glossary, qterms: dict | None = None, listing: bool = False) -> str:
    return render_row(u, lang, glossary) if u.kind == "row" else render_sentence(u, lang, numeric, glossary, qterms, listing)


# ------------------------------------------------------------------ rendering


def _en(term: str, glossary_en: Callable[[str], str | None]) -> str:
    t = (term or "").strip()
    if not t:
        return ""
    return glossary_en(t) or glossary_en(re.sub(r"[市省]$", "", t)) or t


def _year_zh(y: str) -> str:
    y = y.strip()
    if not y:
        return ""
    return y if "年" in y else y + "年"


def _en_phrase(zh: str, glossary) -> str:
    """English for a Chinese phrase: the glossary's name for the whole, else its known parts."""
    if not zh:
        return ""
    whole = glossary.to_en(zh) if glossary is not None else None
    if whole:
        return whole
    if glossary is not None and hasattr(glossary, "find_zh"):
        parts = [en for _, en in glossary.find_zh(zh)]
        if parts:
            return "figure for " + " / ".join(dict.fromkeys(parts))
    return ""


def render_row(u: Unit, lang: str, glossary) -> str:
    m = u.hit.chunk.meta or {}
    table = m.get("table", "")
    glossary_en = (lambda t: glossary.to_en(t)) if glossary is not None else (lambda t: None)
    if table == "indicators" or {"indicator", "value"} <= set(m):
        region, year, ind = m.get("region", ""), m.get("year", ""), m.get("indicator", "")
        value, unit = str(m.get("value", "")), m.get("unit", "")
        if lang == "zh":
            return f"{_year_zh(year)}{region}{ind}为{value}{unit}。"
        region_en = _en(region, glossary_en) if region else ""
        ind_en = _en_phrase(ind, glossary) or "figure"
        value_en = value.replace("多", "+").replace("余", "+")
        unit_en = UNIT_EN.get(unit, f" {unit}" if unit else "")
        y = year.replace("年底", " (year end)").replace("年", "").replace("~", "–")
        head = f"In {y}, " if year else ""
        subject = f"{region_en}'s {ind_en}" if region_en and not re.search(r"[\u4e00-\u9fff]", region_en) else f"the {ind_en}"
        sent = f"{head}{subject} was {value_en}{unit_en}."
        return sent[0].upper() + sent[1:]
    if table == "toc" or ("page" in m and "title" in m):
        title, page = m.get("title", ""), m.get("page", "")
        if lang == "zh":
            return f"“{title}”从第{page}页开始。"
        t_en = _en_phrase(re.sub(r"^[第一二三四五六七八九十章节、\s]+", "", title), glossary)
        return f"The section “{title}”" + (f" ({t_en})" if t_en and not t_en.startswith("figure") else "") + f" starts on page {page}."
    if table == "publication" or {"field", "value"} <= set(m):
        f, label, v = m.get("field", ""), m.get("label", ""), m.get("value", "")
        if lang == "zh":
            return f"{label or f}：{v}。"
        name = (f or label).replace("_", " ")
        v_en = _en(v, glossary_en)
        return f"The {name} given in the book's publication record is {v}" + ("" if v_en == v else f" ({v_en})") + "."
    if table == "funding" or "number" in m:
        prog, title, num = m.get("programme", ""), m.get("project_title", ""), m.get("number", "")
        if lang == "zh":
            return f"{prog}“{title}”的项目编号为{num}。"
        prog_en = glossary.to_en(prog) if glossary is not None else None
        return f"The grant number is {num}" + (f" ({prog_en})" if prog_en else " (see the funded project quoted below)") + "."
    skip = ("table", "row_quote")
    if lang == "zh":
        return "；".join(f"{k}：{v}" for k, v in m.items() if k not in skip and v not in (None, "")) + "。"
    return "; ".join(f"{k.replace('_', ' ')}: {v}" for k, v in m.items() if k not in skip and v) + "."


def render_sentence(u: Unit, lang: str, numeric: bool, glossary, qterms: dict | None = None, listing: bool = False) -> str:
    if lang == "zh":
        return u.text
    # English without a translation model: state what can be stated in English (the figures next to
    # the asked indicator, the names the glossary knows), and let the Chinese quote follow.
    if numeric:
        clause = best_clause(u.text, qterms or {})
        nums = _numbers_with_units(clause or u.text)
        if nums:
            return "According to the report, the figure is " + ", ".join(nums) + " (quoted below)."
    items = enumeration(u.text, qterms or {}) if listing else []
    if items:
        named = []
        for it in items:
            en = glossary.to_en(it) if glossary is not None else None
            named.append(f"{it} ({en})" if en and en != it else it)
        return "According to the report, they are: " + ", ".join(named) + "."
    names = []
    if glossary is not None and hasattr(glossary, "find_zh"):
        asked = {a for t in (qterms or {}) for a in t.removeprefix(GROUP).split(ALT)}
        for zh, en in glossary.find_zh(u.text):
            if normalize(zh).lower() in asked or re.search(r"[\u4e00-\u9fff]", en):
                continue
            names.append(en)
    if names:
        return "According to the report, the passage quoted below names: " + ", ".join(dict.fromkeys(names[:8])) + "."
    return "The report answers this in the passage quoted below (Chinese original)."


_ENUM_HEAD = re.compile(r"^.*(?:包括|包含|聚集了|集聚了|形成了|有|在|如|是|为|了|：|:)")
_ENUM_TAIL = re.compile(r"(?:等|以及|及其).*$")


def enumeration(sentence: str, qterms: dict) -> list[str]:
    """The items of the 、-separated list in a sentence ("聚集了京东、当当、聚美优品等领军企业" ->
    京东, 当当, 聚美优品), from the clause with the most list items; [] when there is none."""
    clauses = [c for c in re.split(r"[，,；;。]", sentence) if c.count("、") >= 1]
    if not clauses:
        return []
    clause = max(clauses, key=lambda c: c.count("、"))
    parts = [p.strip() for p in clause.split("、")]
    if len(parts) < 2:
        return []
    parts[0] = _ENUM_HEAD.sub("", parts[0]).strip() or parts[0]
    parts[-1] = _ENUM_TAIL.sub("", parts[-1]).strip() or parts[-1]
    parts = [re.sub(r"^[“”\"'‘’（(]+|[“”\"'‘’）)]+$", "", p) for p in parts]
    if any(not p or len(p) > 20 for p in parts):
        return []
    return parts


def best_clause(sentence: str, qterms: dict) -> str:
    """The clause (split at ，；： and 、) that holds a number and most of the question's weight."""
    best, best_w = "", 0.0
    for cl in re.split(r"[，,；;：:、]", sentence):
        if not _NUM_RE.search(cl):
            continue
        cn = normalize(cl).lower()
        w = sum(v for t, v in qterms.items() if has_term(t, cn))
        if w > best_w:
            best, best_w = cl, w
    return best


_NUM_UNIT_RE = re.compile(r"(\d+(?:\.\d+)?)\s*(%|亿元|亿吨|公里|千字|元|家|个|条|页)?")


def _numbers_with_units(text: str) -> list[str]:
    out = []
    for m in _NUM_UNIT_RE.finditer(text):
        n, unit = m.group(1), m.group(2) or ""
        if not unit and re.fullmatch(r"(19|20)\d\d", n):
            continue
        out.append(n + UNIT_EN.get(unit, unit))
    return out[:8]


def numbers_supported(sentence: str, quotes: Sequence[str]) -> bool:
    """Every number stated in the sentence appears in one of the quotes it cites."""
    hay = squash_ws(" ".join(quotes))
    for n in _NUM_RE.findall(_MARK_RE.sub("", sentence)):
        if n not in hay:
            return False
    return True
