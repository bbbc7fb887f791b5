"""Writing answers: a chosen evidence unit (sentence or table row) as the sentence that answers.

Chinese answers state the row's fields or quote the sentence. English answers state what can be
stated without a translation model: the figure with its indicator, region and year in English
(glossary names), a record field, the listed items, or the glossary names in the passage -- the
Chinese quote always follows. ``numbers_supported`` checks that every number an answer states
appears in the quotes it cites.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Sequence

from assistant import intent
from assistant.terms import ALT, GROUP, REFERENCE, has_term, reference_authors
from index.text import normalize, squash_ws

if TYPE_CHECKING:
    from assistant.evidence import Unit

_NUM_RE = re.compile(r"\d+(?:\.\d+)?")
_MARK_RE = re.compile(r"\[\d+\]")

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



def render_chapters(titles: Sequence[str], lang: str, glossary) -> str:
    n = len(titles)
    if lang == "zh":
        return f"全书共{intent.cn_number(n)}章：" + "；".join(titles) + "。"
    named = []
    for i, t in enumerate(titles, 1):
        en = _en_title(re.sub(r"^第[一二三四五六七八九十]+章\s*", "", t), glossary)
        named.append(f"chapter {intent.en_number(i)}: {en} ({t})" if en else t)
    return f"The report has {intent.en_number(n)} chapters: " + "; ".join(named) + "."


def render_back_matter(lines: Sequence[tuple[str, str]], lang: str, glossary) -> str:
    """The parts after the chapters, each with the page it starts on: [("附录", "148"), …]."""
    n = len(lines)
    if lang == "zh":
        return f"正文之后有{intent.cn_number(n)}部分：" + "；".join(f"{t}（第{p}页）" if p else t for t, p in lines) + "。"
    named = []
    for t, p in lines:
        en = _en_title(t, glossary)
        named.append((f"{t} ({en})" if en else t) + (f", page {p}" if p else ""))
    return f"After the chapters come {intent.en_number(n)} parts: " + "; ".join(named) + "."


def render_others(label: str, had: Sequence[str], rest: Sequence[str]) -> str:
    """The persons of a record row the asker does not know yet, after those they do (Chinese)."""
    return f"{label}中，除{'、'.join(had)}外，还有{'、'.join(rest)}。"


def render_same_page(title: str, others: Sequence[str], page: str, lang: str) -> str:
    """The other contents lines that start on the page a line starts on."""
    if lang == "zh":
        return f"与“{title}”同在第{page}页开始的还有：" + "；".join(f"“{t}”" for t in others) + "。"
    return f"Also starting on page {page}, with “{title}”: " + "; ".join(f"“{t}”" for t in others) + "."


def render_term(phrase: str, zh: str) -> str:
    """The report's Chinese for an English phrase asked about."""
    return f"The report's Chinese for \"{phrase}\" is {zh}."


def _en_title(zh: str, glossary) -> str:
    """English for a heading: the glossary's name for it, else its known parts in order."""
    if glossary is None:
        return ""
    whole = glossary.to_en(zh)
    if whole:
        return whole
    parts = [en for _, en in glossary.find_zh(zh)] if hasattr(glossary, "find_zh") else []
    return ", ".join(dict.fromkeys(parts))


def render_parts(title: str, parts: Sequence[str], lang: str, glossary, count_unit: str | None = None,
                 page: str = "") -> str:
    """A chapter or section line and the lines under it; ``count_unit`` (a count question's measure
    word, "个") says how many there are in the question's own words; ``page``, where the line starts
    when that is asked too."""
    if lang == "zh":
        # the count in words: it is counted from the cited lines, not quoted from them
        n = "两" if len(parts) == 2 else intent.cn_number(len(parts))
        starts = f"从第{page}页开始，" if page else ""
        if count_unit is not None:
            return f"“{title}”{starts}下共列出{n}{count_unit or '个'}部分：" + "；".join(parts) + "。"
        return f"“{title}”{starts}分为{n}部分：" + "；".join(parts) + "。"
    named = []
    for p in parts:
        en = _en_title(re.sub(r"^[第一二三四五六七八九十章节、\s]+", "", p), glossary)
        named.append(f"{en} ({p})" if en else p)
    n = len(parts)
    head = _en_title(re.sub(r"^[第一二三四五六七八九十章节、\s]+", "", title), glossary)
    starts = f" starts on page {page} and" if page else ""
    out = (f"{head} ({title})" if head else f"“{title}”") + f"{starts} has {intent.en_number(n)} parts: " + "; ".join(named) + "."
    return out[:1].upper() + out[1:]  # ("Preface (前言) has four parts: …")


def render_count(items: Sequence[str], lang: str, unit: str, what_en: str) -> str:
    """"共有四项：…": the rows counted, as the report words them (the count is counted, not quoted)."""
    n = len(items)
    items = [re.sub(r"[；;。，,\s]+$", "", i) for i in items]
    if lang == "zh":
        return f"共有{'两' if n == 2 else intent.cn_number(n)}{unit or '项'}：" + "；".join(items) + "。"
    return f"The report lists {intent.en_number(n)} {what_en}: " + "; ".join(items) + "."


def render_nth_part(section: str, n: int, heading: str, lang: str, glossary) -> str:
    """"前言第二部分的标题是“二、产业梯度明显，但链接融合不够”。" (the heading as the report words it)."""
    if lang == "zh":
        return f"{section}第{intent.cn_number(n)}部分的标题是“{heading}”。"
    name = en_term(section, glossary.to_en) if glossary is not None else section
    return f"Part {intent.en_number(n)} of the {name} ({section}) is headed “{heading}” (Chinese original)."


def render_nth_listed(item: str, n: int, total: int, lang: str, glossary) -> str:
    """"第三个是“国际交往中心”。": the item at a place in a list the quoted sentence gives (the last: n = -1)."""
    if lang == "zh":
        return f"{'最后一个' if n < 0 else f'第{intent.cn_number(n)}个'}是“{item}”（共{intent.cn_number(total)}个）。"
    en = en_term(item, glossary.to_en) if glossary is not None else item
    place = "last" if n < 0 else {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}.get(n, f"{n}th")
    return f"The {place} of the {intent.en_number(total)} listed is “{item}”" + ("" if en == item else f" ({en})") + "."


# a reference as a footnote gives it: "邢元敏，薛进文.新时期京津“双城记”：京津冀协同发展研究（一）[M].天津：天津人民出版社，2014."
def render_cited_work(reference: str, lang: str, glossary) -> str:
    """"脚注引用的是邢元敏、薛进文的《…》，天津人民出版社（天津）2014年出版。": the work a footnote cites, its authors, its
    publisher, place and year, as the reference gives them ("" when the passage is no such reference)."""
    m = REFERENCE.match(normalize(reference))
    if not m:
        return ""
    authors = reference_authors(reference)
    title, city, press, year = squash_ws(m.group("title")), m.group("city"), m.group("publisher"), m.group("year")
    if lang == "zh":
        return f"脚注引用的是{'、'.join(authors)}的《{title}》，{press}（{city}）{year}年出版。"
    to_en = glossary.to_en if glossary is not None else (lambda t: None)
    names = " and ".join(f"{a} ({en})" if (en := to_en(a)) else a for a in authors)
    city_en = to_en(city) or city
    return f"The footnote cites 《{title}》 by {names}, published by {press} ({city_en}) in {year}."


def render_stated_count(n: int, lang: str) -> str:
    """The book's own statement of how many chapters it has (the number is the quote's)."""
    if lang == "zh":
        return f"全书分为{intent.cn_number(n)}章。"
    return f"The book is divided into {intent.en_number(n)} chapters, as its preface states (quoted below)."


def render_subsections(intro: str, heads: Sequence[str], lang: str, items: bool = False) -> str:
    """An introduction and the headings of the parts it introduces (or, ``items``, the first
    sentences of the numbered paragraphs that follow it), as the report words them."""
    if lang == "zh":
        return intro.rstrip() + "；".join(heads) + "。"
    what = "the numbered paragraphs that follow, first sentences" if items else "the headings of the parts that follow"
    return (f"The passage introduces {intent.en_number(len(heads))} points, {what} "
            f"(Chinese original): " + "; ".join(heads) + ".")


def render(u: Unit, lang: str, numeric: bool, glossary, qterms: dict | None = None, listing: bool = False) -> str:
    return render_row(u, lang, glossary) if u.kind == "row" else render_sentence(u, lang, numeric, glossary, qterms, listing)


# ------------------------------------------------------------------ rendering


def en_term(term: str, glossary_en: Callable[[str], str | None]) -> str:
    """A region or value in English where the glossary knows it ("北京市" -> "Beijing"), else as written."""
    t = (term or "").strip()
    if not t:
        return ""
    return glossary_en(t) or glossary_en(re.sub(r"[市省]$", "", t)) or t


def _year_zh(y: str) -> str:
    y = y.strip()
    if not y:
        return ""
    return y if "年" in y else y + "年"


def en_name(zh: str, glossary) -> str:
    """"郭斌" -> "Guo Bin (郭斌)" when the glossary knows the name, else the Chinese as written."""
    en = glossary.to_en(zh) if glossary is not None else None
    return f"{en} ({zh})" if en else zh


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
        if year and not all(y in u.text for y in re.findall(r"\d{4}", year)):
            # the year read off the sentence before ("2013年，北京市…；而天津市第二产业比重为50.6%"): the
            # answer states only what its quote holds
            year = ""
        if lang == "zh":
            return f"{_year_zh(year)}{region}{ind}为{value}{unit}。"
        region_en = en_term(region, glossary_en) if region else ""
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
        kind = "chapter" if re.match(r"第[一二三四五六七八九十\d]+章", title.strip()) else "section"
        return f"The {kind} “{title}”" + (f" ({t_en})" if t_en and not t_en.startswith("figure") else "") + f" starts on page {page}."
    if table == "publication" or {"field", "value"} <= set(m):
        f, label, v = m.get("field", ""), m.get("label", ""), m.get("value", "")
        if lang == "zh":
            return f"{label or f}：{v}。"
        v_en = en_term(v, glossary_en)
        if ":" in f:  # "signed_by:总序": a signature at the end of a section
            kind, part = f.split(":", 1)
            part_en = glossary_en(part) or part
            return (f"The {part_en} ({part}) is signed by {v}" + ("" if v_en == v else f" ({v_en})") + "."
                    if kind == "signed_by" else f"The {part_en} ({part}) is dated {v}.")
        if "、" in v:  # a list of names: each in English where the glossary knows it
            named = [en_name(x, glossary) for x in v.split("、")]
            return f"The {(f or label).replace('_', ' ')} given in the book's publication record: " + ", ".join(named) + "."
        name = (f or label).replace("_", " ")
        name = re.sub(r"\b(isbn|cip)\b", lambda m: m.group(1).upper(), name)  # "cip number" -> "CIP number"
        name = re.sub(r"\benglish\b", "English", name)  # ("english title": a language's name is capitalised)
        verb = "are" if re.search(r"[^s]s$", name) and not name.endswith("series") else "is"  # ("The subject headings … are …")
        return f"The {name} given in the book's publication record {verb} {v}" + ("" if v_en == v else f" ({v_en})") + "."
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
    if (defines := re.match(r"^\s*([\u4e00-\u9fff]{2,12}?)(?:是指|指的是|定义为)", u.text)) and glossary is not None:
        # "信息服务业是指…": what the sentence defines, and that the quote below is its definition
        en = glossary.to_en(defines.group(1))
        term = (("the " if en[:1].islower() else "") + en + f" ({defines.group(1)})") if en else defines.group(1)
        return f"The report defines {term} as follows (quoted below)."
    items = enumeration(u.text, qterms or {}) if listing else []
    if items:
        named = []
        for it in items:
            # the glossary's name for the item, else its known parts ("Tianjin Economic-Technological
            # Development Zone, automotive industry, demonstration base"), the Chinese after it
            en = _en_title(it, glossary)
            named.append(f"{en} ({it})" if en and en != it else it)
        return "According to the report, they are: " + "; ".join(named) + "."
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
    京东, 当当, 聚美优品), from the clause that holds most of the question's words, then the one with
    the most list items; [] when there is none."""
    clauses = [c for c in re.split(r"[，,；;。]", sentence) if c.count("、") >= 1]
    if not clauses:
        return []
    # the list the question asks about ("the four 'centres'": the clause of 中心s), else the longest
    clause = max(clauses, key=lambda c: (sum(v for t, v in qterms.items() if not t.startswith("~") and has_term(t, normalize(c).lower())),
                                         c.count("、")))
    if quoted := re.search(r"[“\"]([^”\"]*、[^”\"]*)[”\"]", clause):
        clause = quoted.group(1)  # "北京市“全国政治中心、…、科技创新中心”新的核心功能定位": the quoted list
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


def numbers_supported(sentence: str, quotes: Sequence[str], derived: frozenset[str] | set[str] = frozenset()) -> bool:
    """Every number stated in the sentence appears in one of the quotes it cites, or is the
    result of a calculation on them (``derived``, recomputed by derive.py from the quoted figures)."""
    hay = squash_ws(" ".join(quotes))
    for n in _NUM_RE.findall(_MARK_RE.sub("", sentence)):
        if n not in hay and n not in derived:
            return False
    return True


def en_value(v: str) -> str:
    """"3038元" -> "3038 yuan", "1749.6亿元" -> "1749.6 hundred million yuan"."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([余多])?\s*(\D*)\s*", v)
    if not m:
        return v
    unit = m.group(3)
    # ("170余个" -> "over 170": a figure the report rounds)
    return ("over " if m.group(2) else "") + m.group(1) + UNIT_EN.get(unit, f" {unit}" if unit and unit != "个" else "")


# "第一章（李晓昕、万少萍），第二章（朱云、宋艳静），第三章、第四章（孟程燕、赵如平），附录（李晓昕）"
_SHARE_OF_WORK = re.compile(r"((?:第[一二三四五六七八九十]+章|附录)(?:[、和](?:第[一二三四五六七八九十]+章|附录))*)（([^（）]{2,40})）")


def shares_of_work(sentence: str) -> list[tuple[list[str], list[str]]]:
    """The parts and the people of a sentence that divides the work ("第三章、第四章（孟程燕、赵如平）": (["第三章",
    "第四章"], ["孟程燕", "赵如平"])); [] for any other sentence."""
    return [(re.split(r"[、和]", m.group(1)), [n for n in re.split(r"[、，,]", m.group(2)) if n]) for m in _SHARE_OF_WORK.finditer(sentence)]


def render_parts_of(sentence: str, question: str, lang: str, glossary) -> str:
    """The parts a sentence that divides the work among people gives the person the question names ("宋艳静：第二章。",
    "Song Yanjing (宋艳静) worked on Chapter 2 (第二章)."); "" when the question names no one the sentence does, or more
    than one."""
    shares = shares_of_work(sentence)
    names = {n for _, ns in shares for n in ns}
    asked = [n for n in names if n in question or (lang != "zh" and (en := en_name(n, glossary)) != n
                                                 and re.search(r"\b" + re.escape(re.sub(r"\s*\(.*\)$", "", en)) + r"\b", question, re.I))]
    # ("Which chapters did Meng Chengyan and Zhao Ruping write?": the parts they share, in the order the sentence gives)
    asked = sorted(asked, key=sentence.find)
    parts = [p for ps, ns in shares if all(a in ns for a in asked) for p in ps]
    if not asked or not parts:
        return ""
    if lang == "zh":
        return f"{'、'.join(asked)}负责：{'、'.join(parts)}。"
    labels = []
    for x in parts:
        n = intent.cn_value(x[1:-1]) if x.startswith("第") and len(x) == 3 else None
        labels.append(f"Chapter {n} ({x})" if n else f"the appendix ({x})" if x == "附录" else x)
    return " and ".join(en_name(a, glossary) for a in asked) + " worked on " + ", ".join(labels) + "."


def render_who_wrote(sentence: str, parts: Sequence[str], lang: str, glossary) -> str:
    """Who wrote the parts asked for ("第二章", "附录"), read off a sentence that divides the work
    among people part by part; "" when the sentence does not name every part asked."""
    found = []
    shares = shares_of_work(sentence)
    for p in parts:
        ns = next((ns for ps, ns in shares if p in ps), None)
        if ns is None:
            return ""
        found.append((p, ns))
    if lang == "zh":
        return "；".join(f"{p}：{'、'.join(ns)}" for p, ns in found) + "。"
    out = []
    for p, ns in found:
        n = intent.cn_value(p[1:-1]) if p.startswith("第") and len(p) == 3 else None  # ("第十一章": as written)
        label = f"Chapter {n}" if n else "The appendix" if p == "附录" else p
        out.append(f"{label} ({p}): " + ", ".join(en_name(x, glossary) for x in ns))
    return "; ".join(out) + "."
