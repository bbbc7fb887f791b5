"""The default answerer: extractive and exact, no LLM.

Given the (rewritten) question and the retrieved hits, it scores evidence units --
sentences of paragraph chunks and whole table rows -- by how much of the question
they cover (IDF-weighted terms, with English questions expanded into the report's
Chinese terms through the glossary) under hard constraints (an asked year must be
in the evidence, an asked region must match, a numeric question needs a number next
to the asked indicator). The best unit becomes the direct answer; a table row is
preferred for numeric questions and rendered as a sentence; every sentence carries a
[n] marker and every number it states is checked against its cited quote.

Around it: ``assistant.terms`` (the question's weighted terms), ``assistant.intent`` (what kind of
answer the wording asks for) and ``assistant.render`` (the answer sentence, in either language).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Mapping, Sequence

from assistant import intent, prompts, question as qmod
from assistant import derive
from assistant.render import en_name, en_term, en_value, render
from assistant.terms import ALT, GROUP, Terms, has_term, names_the_book
from index.glossary import en_words
from index.model import Chunk, Hit
from index.text import normalize, squash_ws

_SENT_END = "。！？；!?;"
_SENT_RE = re.compile(rf"[^{_SENT_END}\n]+[{_SENT_END}]?")
_CLAUSE_RE = re.compile(r"[^，,；;。！？!?]+")  # "电话：(010) 51915602" is one clause
_NUM_RE = re.compile(r"\d+(?:\.\d+)?")
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?:\s*[~～-]\s*(?:19|20)?\d\d)?\s*年")  # "2014年" dates, not amounts
_MARK_RE = re.compile(r"\[\d+\]")


HARD_FAILURES = {"year missing", "no date", "person missing", "organisation missing", "only the asked-for word matches", "not in the chapter or section asked", "the contents line is not the one asked", "a page number comes from the contents", "asked-for thing missing", "a contents line names no person", "no number of the asked unit", "indicator not asked", "region missing", "no number", "no number next to the asked indicator",
                 "table of contents row for a question not about the book's structure"}
INDICATOR_MATCH = 0.5  # share of the row's indicator (IDF-weighted) the question must name; swept on tune: 0.2-0.75
LIST_SHARE = 0.8  # a list answer takes the rows scoring at least this share of the best one
FIELD_MISSING = 0.7  # a unit without the record field asked for
TOC_PAGE_SUPPORT = 0.45  # coverage a contents line needs to answer a page question (dev sets: right >= 0.50, wrong <= 0.39)
RANK_PRIOR = 0.12  # the fused retriever's order is informative: hybrid hit@1 is well above chance
_CN_COUNT = re.compile(r"[一二三四五六七八九十两百千万]+(?:个|章|节|家|条|项|类|种|大|方面|部分|名|位|批|所|座|点)|第[一二三四五六七八九十]+")

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
    derived: set[str] = field(default_factory=set)  # numbers computed from quoted ones (derive.py)


_DATE_RE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月")
def is_toc_row(u) -> bool:
    return u.kind == "row" and (u.hit.chunk.meta or {}).get("table") == "toc"


_ORG_SUFFIX = re.compile(r"(社|局|委|部|院|会|公司|大学|学院|中心|研究所|书店|集团|办公室)$")
_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _agent_like(value: str) -> bool:
    """A person's name (2-4 characters, or several separated by 、 or spaces) or an organisation."""
    v = re.sub(r"[◎:：]", " ", value).strip()
    names = [x for x in re.split(r"[\s、,，]+", v) if x]
    return bool(names) and (all(_NAME_RE.fullmatch(x) for x in names) or bool(_ORG_SUFFIX.search(v)))


def is_chapter_title(title: str) -> bool:
    """"第一章 …" (not the appendix, chronicle or references that the contents list beside them)."""
    return bool(re.match(r"第[一二三四五六七八九十百\d]+章", title.strip()))


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
    out = []
    for m in _SENT_RE.finditer(text):
        s = m.group(0)
        stripped = s.strip()
        if len(stripped) < 2:
            continue
        out.append((m.start() + (len(s) - len(s.lstrip())), stripped))
    return out


def has_years(u: Unit, years: Sequence[str]) -> bool:
    """The unit states every asked year, or continues a clause that does: "2000~2013年，…年均复合增速20%；
    占全市GDP的比重从2000年的5.2%增加到9%" -- the second clause is still about 2000~2013."""
    continued = u.context.rstrip().endswith(("；", ";")) if u.kind == "sentence" else False
    return all(y in u.match_text or (continued and y in u.context) for y in years)


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
            before = "" if _CONTENTS_LINE.search(s) else " ".join(normalize(x).lower() for x in prev)
            units.append(Unit(h, s, "sentence", ctx + " " + normalize(s).lower(), context=before))
    return units


def _row_field(u: Unit, *names: str) -> str:
    meta = u.hit.chunk.meta or {}
    for n in names:
        v = meta.get(n)
        if v not in (None, ""):
            return str(v)
    return ""


REFERENCE_SHARE = 0.5  # the sentence before, for a sentence opening with 其/它/这/该 (what it refers to)
SECTION_SHARE = 0.5  # a sentence's section heading is context: it counts half, as for rows


@lru_cache(maxsize=1)
def _region_words() -> frozenset[str]:
    return frozenset(z.lower() for r in qmod._slots() if r.category == "region" for z in r.zh)


def _made_of(token: str, words) -> bool:
    """"占全市gdp的比重" is named by "share of GDP" (比重, gdp): a long key word mostly spelled by
    asked words."""
    if len(token) < 4:
        return False
    inside = [w for w in words if len(w) >= 2 and w in token and w != token]
    covered = set()
    for w in inside:
        i = token.find(w)
        covered.update(range(i, i + len(w)))
    return len(inside) >= 2 and len(covered) >= 0.5 * len(token)


def names_region_term(t: str) -> bool:
    """A term that is (an alternative naming) a region: 北京, =北京市|北京."""
    words = _region_words()
    return any(a in words or any(a in z for z in words) for a in t.removeprefix(GROUP).split(ALT))


def ctx_of(u: Unit) -> str:
    return normalize(u.hit.chunk.section).lower()


def score_units(q: str, lang: str, hits: Sequence[Hit], terms: Terms,
                lead: Mapping[str, str] | None = None) -> tuple[list[Unit], dict]:
    q = intent.plain_role(q) if lang == "en" else q
    qterms, focus = terms.analyse(q, lang)
    # a follow-up's carried context lends its scope (years, places, chapter) when the question names
    # none, never its question form: "Who wrote that chapter?" after a page question asks who
    full = q
    q, ctx = qmod.split_context(full)
    main = q
    # "And in film and video?" after the e-commerce leaders: the follow-up's own topic replaces the
    # earlier one, so the evidence must hold it (the earlier question's words only locate it)
    own_terms = terms.analyse(main, lang)[0] if ctx else qterms  # the follow-up's own words
    swapped = [t for t in own_terms if not t.startswith("~") and terms.known(t)
               and not _ORDINAL_TERM.match(t)] if ctx and not intent.asks(main) else []
    if ctx and not intent.asks(q):
        q = ctx + " " + q  # "And the Maigu industrial park?" asks what the earlier question asked
    total = sum(qterms.values()) or 1.0
    # only where the focus is surely a counted noun ("how many X"): "who commissioned …" names an
    # action, and in "what is the code of …" the value itself is the code
    how_many = bool(focus) and intent.how_many(q)
    unknown_focus = how_many and all(t.startswith("~") for t in focus)
    # "What's the publisher's email address?": the report has no word for what is asked
    unknown_asked = terms.unknown_asked(q, lang, focus) or terms.unknown_name(full, lang, qterms)
    if lang == "en" and not ctx and intent.terse(q):
        # "publisher email address": a query of nouns asks for all of them; one the report has no
        # word for cannot be answered
        unknown_asked = unknown_asked or next((k[1:] for k in qterms if k.startswith("~")), None)
    if lang == "en" and intent.who_verb(q) and (v := re.search(r"\bwho\s+([a-z]+ed)\b", q, re.I)):
        # "Who translated the report into English?": the report has no word for the deed asked about
        # (a deed done, not a position held: "Who sits on the board?")
        verb = en_words(v.group(1))
        unknown_asked = unknown_asked or (verb[0] if verb and "~" + verb[0] in qterms else None)
    # the role a "who did X" question asks about, when the report has a word for it
    role = [t for t in focus if not t.startswith("~")] if lang == "en" and intent.who_verb(q) else []
    if lang == "zh" and (verb := intent.who_role_zh(q)):
        role = [verb]
    elif lang == "zh" and (m := re.search(r"(?:是|为)(?:谁|哪位|哪一位)[？?。]*$", main)):
        # "这套丛书的总主编是哪位？": the role named just before "是谁" must be in the evidence
        before = [t for t in terms.tokenize(main[: m.start()]) if len(t) >= 2 and t in terms.df]
        role = before[-1:] if before and main[: m.start()].endswith(before[-1]) and _ROLE_NOUN.search(before[-1]) else []
    # what a "who did it" question is about ("总序是谁写的" -> 总序; "who wrote the preface" -> 前言)
    subj = intent.who_subject(q, lang)
    subj_terms = [t for t in terms.analyse(subj, lang)[0] if not _GENERIC_WORK.issuperset(
        t.removeprefix(GROUP).split(ALT))] if subj else []
    subject = [t for t in subj_terms if terms.known(t)]
    book_author = intent.asks_book_author(full, lang)  # the book's authors, not a preface's signer
    # "这本书的封面是谁设计的？": the report has no word for the work asked about
    unknown_subject = bool(subj_terms) and not subject
    qyears = [y for y in qmod.years(q) or qmod.years(ctx) if not (y in terms.title.years and names_the_book(full, y))]
    scope = q if (not ctx or qmod.mentions(q)) else ctx  # where the places asked about are named
    named = [m for m in qmod.mentions(scope) if m.slot.category in ("region", "org") and not intent.only_a_reference(scope, m)]
    regions = [m.slot for m in named if m.slot.category == "region"]
    all_named = [m.slot for m in qmod.mentions(full) if m.slot.category == "region"]
    orgs = list(dict.fromkeys(m.slot for m in named if m.slot.category == "org"))
    # "北京、天津、河北两市一省…": the three together are the region as a whole (京津冀, 三地)
    all_three = {"beijing", "tianjin", "hebei"} <= {r.id for r in regions}
    # "How many Zhongguancun firms … in Tianjin?", "北京大学与河北省…": every place and organisation
    # named must be in the evidence -- unless the question sets regions side by side ("北京和天津",
    # "Beijing or Tianjin"), when each passage answers for one of them
    must_all = [] if intent.side_by_side(scope, named) else list(dict.fromkeys(m.slot for m in named))

    # "陈倩是哪所大学的老师？": a person the record names must be in the evidence, and what is asked
    # of them ("哪所大学", "which chapter") with them
    qwords = terms.words(qterms) | {normalize(full).lower()}
    people = [p for p in terms.people if any(p in w for w in qwords)]
    role_q = intent.asks_role(q)
    which_part = intent.which_type(main) in (("章",), ("节",))  # "Which chapter …": a contents line
    parts_q = intent.asks_for_parts(main)
    asked_type = intent.which_type(q)
    if not people and not intent.asks_institution(q):
        asked_type = ()  # "哪一章" without a person is a contents question, answered by the lines

    # what the question is about besides the thing it asks for (known words, not places or ordinals)
    topic = [t for t in qterms if not t.startswith("~") and t not in focus and terms.known(t)
             and not names_region_term(t) and not _ORDINAL_TERM.match(t)] if focus and asked_type else []

    defining = intent.definition(main)
    n_items = intent.asked_number_of_items(main)  # "哪四方面": a sentence introducing four items
    # the terms a definition question asks about (not "chapter 1", where it asks)
    defined = [t for t in qterms if not t.startswith("~") and not _ORDINAL_TERM.match(t) and terms.known(t)] if defining else []
    numeric = intent.numeric(q, lang) and not defining  # "count as" asks what something is
    qnums = set(_NUM_RE.findall(full))  # "项目（9154027）的资助金额是多少": 9154027 is not an answer
    page_q = intent.page(q)
    page_asked = intent.page_asked(q)
    on_page = intent.given_page(main)  # "Which Tianjin industrial park is covered on page 107?"
    numeric = numeric and not (on_page and not page_asked)  # the page is given, not asked for
    # "第三章第二节下面一共列了几个项目？": a count inside a chapter or section asks about the contents
    structure_q = intent.structure(q) or bool(intent.ordinals(main) and intent.count(q, lang))
    date_q = intent.date(q)
    who_q = intent.who(q)
    measure = intent.asked_unit(q, lang)
    list_q = intent.listing(q, lang)
    count_q = intent.count(q, lang)
    ords = intent.ordinals(main)
    ctx_ords = {} if ords else intent.ordinals(ctx)  # "北京部分在第几页？" after "第一章第三节讲什么？"
    units = split_units(hits, lead)
    # terms that name the asked indicator: not regions, not unknown words
    region_words = _region_words()

    ind_terms = {t: w for t, w in qterms.items() if not t.startswith("~") and not names_region_term(t)}
    ind_words = terms.words(ind_terms)  # with the alternatives of phrase groups spelled out
    # the region a sentence's figures belong to, from the indicator rows read off it
    # (only when they all belong to one region: "北京市、天津市、河北省…分别为…" answers for 京津冀)
    # and only for a figure of the indicator asked, not one measured against the place asked about
    # ("地铁运营里程相当于东京的比例": "这相当于东京的百分之多少？" is answered by Beijing's 28%)
    owners: dict[str, set[str]] = {}
    for u in units:
        ind = normalize(_row_field(u, "indicator")).lower()
        if u.kind == "row" and (r := _row_field(u, "region")) and any(
                t in ind_words for t in terms.tokenize(ind) if len(t) >= 2) and not any(
                z.lower() in ind for g in regions for z in _surfaces(g)):
            owners.setdefault(u.text, set()).add(r.lower())
    row_regions = {t: next(iter(rs)) for t, rs in owners.items() if len(rs) == 1}
    # the thing asked for is a field some candidate row is labelled with ("telephone" -> 电话)
    labels = [normalize(_row_field(u, "label")).lower() for u in units if u.kind == "row" and _row_field(u, "label")]
    field_focus = [t for t in focus if not t.startswith("~") and not how_many
                   and any(terms.credit(t, lab) == 1.0 for lab in labels)]
    if book_author:
        role, field_focus = [], []  # the authors line is the field asked for, whatever the verb
    if not must_all and len(named) > 1 and ind_terms and not all_three:
        # side by side, each region may have its own passage -- but a region no passage speaks of
        # together with what is asked ("How does Beijing's subway compare with Shanghai's?": the
        # report names Shanghai only in its history of growth poles) leaves the comparison unanswered
        def spoken_of(slot) -> bool:
            return any(any(z.lower() in u.match_text for z in slot.zh) and any(terms.credit(t, u.match_text) > 0 for t in ind_terms)
                       for u in units)
        if not all(spoken_of(m.slot) for m in named):
            must_all = list(dict.fromkeys(m.slot for m in named))
    # the words the report knows, and names it does not (雄安新区, 商务部): not "~" words, not other
    # Chinese words it never uses ("分析", "找到")
    def nameish(t: str) -> bool:
        """An unknown Chinese word that is (part of) a name: 商务部, 雄安 in 雄安新区."""
        i = full.find(t)
        return bool(_NAMEISH.search(t) or (i >= 0 and _NAME_TAIL.match(full[i + len(t):])))

    known_total = sum(w for t, w in qterms.items() if not t.startswith("~") and (
        terms.known(t) or nameish(t))) or 1.0

    # for contents lines: the question's words without its ordinals, and the weight of those the report knows
    line_words = {t: w for t, w in qterms.items() if not _ORDINAL_TERM.match(t)}
    if ctx:
        # "And the chapter on support policies? (following up: Which page does the chapter on the
        # region's advantage sectors start on?)": the line is named by the follow-up's own words
        own_words = {t: w for t, w in line_words.items() if t in own_terms}
        line_words = own_words or line_words
    line_known = sum(w for t, w in line_words.items() if not t.startswith("~") and (terms.known(t) or nameish(t)))

    def known_coverage(u: Unit) -> float:
        """Coverage by the words the report knows: a paraphrase's unknown words ("Going by the
        contents, …") do not make a contents line less the one asked. A contents line is named by
        its whole path here: "第一章里天津存在问题的那部分" is 二、天津市 under 第三节 突出问题."""
        if is_toc_row(u):
            # the ordinals ("第一章") are checked on their own; the rest must name the line
            own = normalize(str(u.hit.chunk.meta.get("title") or "")).lower()
            most = ords.get("节") or ords.get("章")
            if most and own.startswith(most.lower()):
                return 1.0  # the line the ordinals name ("那第四节呢？" after 第二章第一节)
            got = sum(w * max(terms.credit(t, own), terms.credit(t, u.match_text)) for t, w in line_words.items())
            return got / line_known if line_known else 1.0
        return u.coverage * total / known_total if known_total < total else u.coverage

    for u in units:
        def cover(own: str, share: float) -> float:
            """Share of the question's weight in the unit's own text; its context counts ``share``."""
            return sum(w * max(terms.credit(t, own), share * terms.credit(t, u.match_text))
                       for t, w in qterms.items()) / total if qterms else 0.0

        if is_toc_row(u):
            # a contents line is its title; the chapter/section path above it is context and
            # counts half ("the Tianjin policy section" is 第三节 天津市政策, not a line under it)
            u.coverage = cover(normalize(str(u.hit.chunk.meta.get("title") or "")).lower(), 0.5)
        elif u.kind == "row":
            # a row is its own text and fields; the section it sits in is context and counts half
            # (every row under "编委会成员 (以姓氏拼音排序)" must not look like it states the order)
            # -- but for "who"/list questions the rows under "编委会成员" are the members asked for
            u.coverage = cover(u.match_text[len(ctx_of(u)) + 1 :], 1.0 if (who_q or list_q or role_q) else 0.5)
        else:
            u.coverage = cover(u.match_text[len(ctx_of(u)) + 1 :], SECTION_SHARE)
            if u.context and _REFERRING.match(u.text):
                # "其主要包括信息传输服务业、…": 其 is the 信息服务业 of the sentence before, which
                # counts as the sentence's own words, a little less
                u.coverage = max(u.coverage, sum(w * max(terms.credit(t, u.match_text), REFERENCE_SHARE * terms.credit(t, u.context))
                                                     for t, w in qterms.items()) / total if qterms else 0.0)
        s = u.coverage
        counted = count_q and len(countable(u)) >= 2  # "编委会一共有几位成员？": the listed names are counted
        if how_many and not unknown_focus and not counted and not any(terms.credit(t, u.match_text) > 0 for t in focus):
            # "How many *people* work in …": evidence must name what is counted
            s *= 0.5
            u.reasons.append("asked-for thing missing")
        if topic and not any(terms.credit(t, u.match_text) > 0 for t in topic):
            # "Which *university* are the editorial board members affiliated with?": a passage that
            # shares only the kind of thing asked for (高校) says nothing about what it is asked of
            s *= 0.5
            u.reasons.append("only the asked-for word matches")
        if people and not date_q and not all(p in u.match_text.replace(" ", "") for p in people):
            # (a date line does not repeat the name: "When did 王成慧 sign it?")
            s *= 0.3
            u.reasons.append("person missing")
        elif asked_type and not any(z in u.match_text for z in asked_type):
            s *= 0.5
            u.reasons.append("asked-for thing missing")
        if field_focus and not any(terms.credit(t, u.match_text) > 0 for t in field_focus):
            # "What *telephone number* … for the publisher?": a field the record labels; the publisher
            # row shares a word, the phone row is the field asked for
            s *= FIELD_MISSING
            u.reasons.append("not the field asked for")
        if unknown_subject or (subject and not terms.credit_any(subject, u.match_text)):
            # "总序是谁写的？", "Who wrote the preface?": the passage must be about the 总序
            s *= 0.5
            u.reasons.append("asked-for thing missing")
        if role and not any(terms.credit(t, u.match_text) > 0 for t in role):
            # "Who *designed* the cover?": the passage must say who did that, not name someone
            s *= 0.5
            u.reasons.append("asked-for thing missing")
        if unknown_focus or unknown_asked:
            # "How many *employees* …": the report has no word for what is asked for, so no passage
            # can answer, however much else it shares with the question ("Zhongguancun")
            s *= 0.5
            u.reasons.append("asked-for thing missing")
        if swapped and not terms.credit_any(swapped, u.match_text):
            s *= 0.5
            u.reasons.append("the follow-up's own topic missing")
        if qyears and not has_years(u, qyears):
            s *= 0.2
            u.reasons.append("year missing")
        if regions:
            region_text = _row_field(u, "region").lower() if u.kind == "row" else ""
            if numeric and not region_text and not any(any(z.lower() in row_regions.get(u.text, "") for z in _surfaces(r))
                                                       for r in all_named):
                # "东京地铁总里程多少公里？": the figure of "北京市的地铁运营里程为465公里，仅相当于东京的28%"
                # is Beijing's, as the sentence's indicator rows say, though the sentence names Tokyo
                # (unless Beijing is named too: "这相当于东京的百分之多少？（接上问：北京市的…）")
                region_text = row_regions.get(u.text, "")
            # a sentence may name its region one or two sentences earlier ("中关村…。如在电子商务领域，…")
            names_region = any(z.lower() in u.match_text for z in region_words)
            hay = region_text or (u.match_text if names_region else u.match_text + " " + u.context)
            if not any(any(z.lower() in hay for z in _surfaces(r)) for r in regions) and not (
                    all_three and any(z in hay for z in _JJJ_WHOLE)) and not (
                    any(r.id == "jjj" for r in regions) and all(z in hay for z in ("北京", "天津", "河北"))):
                # (京津冀 asked: "北京市、天津市、河北省…分别为…" names the three)
                s *= 0.35
                u.reasons.append("region missing")
            elif u.kind == "row" and region_text:
                s += 0.08
            elif (all_three or any(r.id == "jjj" for r in regions)) and all(z in u.text for z in ("北京", "天津", "河北")):
                # "… among Beijing, Tianjin and Hebei": a sentence about the three, by name -- the more
                # so when each is asked about ("三地各自扮演什么角色")
                s += 0.2 if re.search(r"各自|各扮演|三地各|each|respective", main, re.I) else 0.1
        if orgs and "region missing" not in u.reasons:
            # "the National Natural Science Foundation grant": a passage about the Beijing fund is no answer
            hay = " ".join((u.match_text, u.context))
            if not all(any(z.lower() in hay for z in _surfaces(o)) for o in orgs):
                s *= 0.35
                u.reasons.append("organisation missing")
        if len(must_all) > 1 and "region missing" not in u.reasons:
            hay = " ".join((_row_field(u, "region").lower(), u.match_text, u.context))
            if not all(any(z.lower() in hay for z in _surfaces(e)) for e in must_all):
                s *= 0.35
                u.reasons.append("region missing")
        if numeric and not counted:
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
                overlap = sum(1 for t in kt if t in ind_words) / len(kt)
                s += 0.12 * overlap
                if overlap == 1.0 and (u.hit.chunk.meta or {}).get("table") == "publication" and not any(
                        not t.startswith("~") and terms.known(t) and terms.credit(t, u.match_text) == 0 for t in qterms):
                    # the record field asked for by name ("网址", "电话", "定价") -- unless the question
                    # asks something about it the row does not say ("编委会成员按什么顺序排列")
                    s += 0.2
                # the asked indicator must be (mostly) this row's indicator, weighted by how telling
                # each word is: "第二产业比重" is not answered by the "第三产业比重" row
                w_all = sum(terms.idf(t) for t in kt)
                w_hit = sum(terms.idf(t) for t in kt if t in ind_words or _made_of(t, ind_words))
                if (u.hit.chunk.meta or {}).get("table") == "indicators" and w_hit < INDICATOR_MATCH * w_all:
                    u.reasons.append("indicator not asked")

        # a contents line, as a table row or as a line of the contents passage
        is_toc = is_toc_row(u) or (u.kind == "sentence" and bool(_CONTENTS_LINE.search(u.text)))
        if is_toc and ords:
            m = u.hit.chunk.meta
            if "章" in ords and not (m.get("chapter", "") or "").startswith(ords["章"]):
                s *= 0.3
                u.reasons.append("not in the chapter or section asked")
            if "节" in ords and not ((m.get("section", "") or "").startswith(ords["节"]) or (m.get("title", "") or "").startswith(ords["节"])):
                s *= 0.3
                u.reasons.append("not in the chapter or section asked")
            if "节" not in ords and "章" in ords and (m.get("section") or m.get("subsection")) and not intent.names_section(q):
                s *= 0.6  # asked about the chapter itself, not one of its sections
        if is_toc and intent.names_section(q) and not intent.names_subsection(q) and not _SECTION_TITLE.match(
                str((u.hit.chunk.meta or {}).get("title") or "")) and (u.hit.chunk.meta or {}).get("section"):
            s *= 0.8  # "讲天津市政策的那一节": a section line (第三节 天津市政策), not an item under it
        if ctx_ords and is_toc:
            # the earlier question's chapter is a preference, not a constraint: "And the
            # bibliography?" after a chapter 2 question asks about a line outside any chapter
            m = u.hit.chunk.meta or {}
            if not all((m.get("chapter", "") or "").startswith(o) or (m.get("section", "") or "").startswith(o)
                       or (m.get("title", "") or "").startswith(o) for o in ctx_ords.values()):
                s *= 0.7
        if ords and u.kind == "sentence":
            # "第一节里，…": the passage should come from the section the question names
            path = [str(p) for p in u.hit.chunk.section_path]
            if all(any(p.startswith(o) for p in path) for o in ords.values()):
                s += 0.1
            elif parts_q:
                # "第四章分成哪几节？": a sentence that mentions 第四章 elsewhere (the preface's division
                # of labour) says nothing about its parts
                s *= 0.5
        if u.kind == "sentence" and _BARE_TITLE.match(u.text.strip()) and not intent.asks_title(q):
            # "《京津冀信息服务业协同发展研究丛书》" heading the editorial board names the series; it
            # states nothing about the board
            s *= 0.5
        if is_toc and intent.names_section(q) and not intent.asks_for_parts(q) and _CHAPTER_TITLE.match(
                str((u.hit.chunk.meta or {}).get("title") or u.text)):
            # "第四章中关于商务部政策的小节": a section inside the chapter, not the chapter line
            s *= 0.5
            u.reasons.append("the contents line is not the one asked")
        if page_asked and is_toc and known_coverage(u) < TOC_PAGE_SUPPORT:
            # a contents line answers a page question only if it is named by most of the question's
            # words: "the Hebei part of the emerging business models section" is no Hebei line
            s *= 0.5
            u.reasons.append("the contents line is not the one asked")
        if which_part and not people and not is_toc:
            # "Which chapter deals with the support policies?": the answer is a chapter, a contents line
            s *= 0.6
        if page_asked and not is_toc:
            # the report gives pages only in its contents: "What page does chapter 5 start on?" is not
            # answered by "2016年5月第1版"
            s *= 0.3
            u.reasons.append("a page number comes from the contents")
        if on_page and is_toc_row(u):
            # the contents line on that page is the one asked about
            if str((u.hit.chunk.meta or {}).get("page") or "") == on_page:
                s += 0.3
            else:
                s *= 0.5
        if who_q and is_toc_row(u):
            s *= 0.3
            u.reasons.append("a contents line names no person")
        if measure and not counted and not re.search(rf"\d\s*(?:多|余)?\s*[十百千万亿]?\s*{re.escape(measure)}", u.text):
            s *= 0.4
            u.reasons.append("no number of the asked unit")
        if who_q and u.kind == "sentence" and _SIGNATURE.fullmatch(u.text.strip()) and terms.credit_any(qterms, ctx_of(u)):
            # "总序是谁写的？": a bare name line in the section asked about is its signature
            s += 0.25
        if people and role_q and u.kind == "row" and _row_field(u, "value"):
            # "王成慧在编委会里担任什么？": the field that is this person alone (总主编), not a list of members
            if _row_field(u, "value").replace(" ", "") in people:
                s += 0.3 + (0.1 if re.search(r"(主编|编辑|编著|校对|印制|委员)$", _row_field(u, "label")) else 0.0)
            elif re.search(r"[、,，]", _row_field(u, "value")):
                s *= 0.3
        if book_author and u.kind == "row":
            f = str((u.hit.chunk.meta or {}).get("field") or "")
            if f == "authors":
                s += 1.0  # the record's 编著 line names the book's authors, in words no question uses
            elif f.startswith("signed_by"):
                s *= 0.5  # a preface's signer wrote the preface
        if who_q and u.kind == "row":
            value = _row_field(u, "value")
            if value and _DATE_RE.search(value) and not intent.date(q):
                s *= 0.3  # "落款是谁？": a date names nobody
            elif value and not intent.where(q) and (ms := qmod.mentions(value)) and ms[0].slot.category == "region" \
                    and len(squash_ws(value)) <= ms[0].end - ms[0].start + 1:
                s *= 0.5  # "who published it": 出版地 北京 is a place, not the publisher
            if value:
                # "who" asks for a person or an organisation, not a title or a place
                s += 0.1 if _agent_like(value) else -0.1
                if intent.asks_organisation(q) and value.replace(" ", "") in terms.people:
                    s *= 0.5  # "由哪家印刷厂负责印制": a firm, not the person 责任印制 names
        if n_items and u.kind == "sentence" and re.search(
                rf"(?:以下|如下|下列|归纳为|分为){'[两三四五六七八九十]' if n_items == '几' else n_items}", u.text):
            s += 0.4  # "大致可以归纳为以下四点不足：" introduces the four asked for
        if defining and not page_asked:
            # a definition is a sentence that says what the term is; a record field or a contents
            # line says nothing of the kind
            m = _DEFINES.search(u.text) if u.kind == "sentence" else None
            if m and terms.credit_any(defined, u.text[: m.start()].lower()):
                s += 0.3  # the sentence defines the term asked about ("什么是总序" is no 信息服务业是指…)
            elif u.kind == "row":
                s *= 0.5
        if date_q:
            if _DATE_RE.search(u.text):
                s += 0.2
            elif u.kind == "row" and not (_ROW_DATE.search(_row_field(u, "value") or u.text) or _row_field(u, "year")):
                # a record field without a date is another field ("When was the preface written?"
                # asks for 前言落款日期, not 前言署名; "When did 王成慧 sign it?" not 总序署名)
                s *= 0.4
                u.reasons.append("no date")
            else:
                s *= 0.6
        if list_q and u.kind == "sentence":
            s += 0.03 * min(4, u.text.count("、"))
            if INTRO.search(u.text) and u.text.rstrip().endswith(("：", ":")):
                s += 0.15  # "大致可以归纳为以下四点不足：" introduces the list asked for
        if u.kind == "row":
            value = _row_field(u, "value")
            if value and any(len(t) >= 2 and normalize(value).lower().endswith(t) for t in ind_words):
                s += 0.1  # the value is the kind of thing asked for ("经济管理出版社" for a 出版社)
        if page_q and is_toc:
            s += 0.15
        elif is_toc and not structure_q:
            s *= 0.3
            u.reasons.append("table of contents row for a question not about the book's structure")
        s += RANK_PRIOR / u.hit.rank if u.hit.rank else 0.0
        u.score = s
    units.sort(key=lambda u: -u.score)
    return units, {"terms": qterms, "years": qyears, "numeric": numeric, "regions": [r.id for r in regions], "list": list_q,
                   "count": count_q}


_NAMEISH = re.compile(r"(区|部|省|市|县|园|基地|委|局|院|中心|公司|集团|大学)$")
_ORDINAL_TERM = re.compile(r"^第?[一二三四五六七八九十\d]+[章节部分]?$|^(?:章|节|小节|一节|一章|部分)$")
_NAME_TAIL = re.compile(r"(新区|开发区|高新区|区|部|省|市|县|园|基地|委|局|院|中心|公司|集团|大学)")
_JJJ_WHOLE = ("京津冀", "三地", "两市一省")
_JJJ_MEMBERS = ("北京", "天津", "河北")


def _surfaces(slot) -> tuple[str, ...]:
    """How a region may be named in evidence: 京津冀 also as 三地 or as its three members together
    ("北京市、天津市、河北省三地…")."""
    return (*slot.zh, "三地", "两市一省") if slot.id == "jjj" else tuple(slot.zh)


def countable(u: Unit) -> list[str]:
    """The items of a record row whose value is a list of names ("陈倩、郭斌、…"); a sentence's
    "京东、当当、聚美优品等" is not counted: 等 says the list goes on."""
    if u.kind != "row":
        return []
    value = _row_field(u, "value")
    if not value or re.search(r"\d", value) or "、" not in value:
        return []
    return [v.strip() for v in value.split("、") if v.strip()]


def _number_near_terms(sentence: str, qterms: dict[str, float]) -> bool:
    sn = normalize(sentence).lower()
    strong = [t for t, w in qterms.items() if len(t) >= 2 and not re.fullmatch(r"\d+", t)]
    for cl in _CLAUSE_RE.findall(sn):
        if (_NUM_RE.search(_YEAR_RE.sub(" ", cl)) or _CN_COUNT.search(cl)) and any(has_term(t, cl) for t in strong):
            return True
    return False


def draft(q: str, lang: str, hits: Sequence[Hit], terms: Terms, min_support: float, glossary,
          lead: Mapping[str, str] | None = None) -> Draft:
    units, info = score_units(q, lang, hits, terms, lead)
    qyears = info["years"]
    if not units:
        return Draft(False, [], None, prompts.REFUSAL[lang])
    if qyears and not any(has_years(u, qyears) for u in units):
        missing = [y for y in qyears if not any(has_years(u, [y]) for u in units)] or qyears
        return Draft(False, [], units[0], prompts.REFUSAL_YEAR[lang].format(year="、".join(missing) if lang == "zh" else ", ".join(missing)) + " " + prompts.REFUSAL[lang], units[0].score)
    # Hard constraints: evidence that misses an asked year or region, a numeric question without a
    # number next to the asked indicator, or a contents line for a question not about the book's
    # structure cannot be the answer, however well it scores otherwise.
    ok = [u for u in units if not any(r in HARD_FAILURES for r in u.reasons)]
    best = ok[0] if ok else units[0]
    if not ok or best.score < min_support:
        return Draft(False, [], best, prompts.REFUSAL[lang], best.score)
    all_units, units = units, ok
    if best.kind == "sentence" and _CONTENTS_LINE.search(best.text):
        # a line of the contents passage: its table row knows its chapter, section and title
        same = squash_ws(best.text)
        twin = next((u for u in ok if is_toc_row(u) and squash_ws(u.text) == same), None)
        if twin is not None:
            best = twin
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
            same = u.hit.chunk.section == best.hit.chunk.section and (
                (u.hit.chunk.meta or {}).get("table") == table if best.kind == "row" else u.kind == "sentence")
            if same and u.kind == best.kind:
                chosen.append(u)
                seen.add(key)
    sentences: list[tuple[str, list[Unit]]] = [(render(u, lang, info["numeric"], glossary, info["terms"], info["list"]), [u])
                                               for u in chosen]
    derived: set[str] = set()
    items = countable(best) if info.get("count") else []
    if len(items) >= 2 and not _NUM_RE.search(best.text):
        # the count is the number of names the cited row lists
        label = _row_field(best, "label")
        if lang == "zh":
            head = f"{label}共{intent.cn_number(len(items))}{intent.count_unit(q) or '个'}："
            sentences.insert(0, (head + "、".join(items) + "。", [best]))
        else:
            to_en = glossary.to_en if glossary is not None else (lambda t: None)
            label_en = to_en(label) or (to_en(label[:-2]) if label.endswith("成员") else None) or label
            sentences.insert(0, (f"The {label_en} lists {len(items)}: " + ", ".join(
                f"{en_name(n, glossary)}" for n in items) + ".", [best]))
            derived = {str(len(items))}
        sentences = sentences[:1]
    calc = _calculation(q, lang, best, info)
    if calc is not None:
        # "比河北高多少元？": the difference of two quoted figures, shown as a calculation on them
        sentences.insert(0, (derive.render(calc, lang, lambda s: _en_label(s, glossary), en_value), [best]))
        derived = derive.numbers(calc)
    return Draft(True, sentences, best, support=best.score, numeric=info["numeric"], terms=info["terms"],
                 listing=info["list"], derived=derived)


def _calculation(q: str, lang: str, best: Unit, info: dict) -> "derive.Calculation | None":
    kind = derive.asked(qmod.split_context(q)[0], lang)
    if kind is None:
        return None
    # every region named, "than Hebei" included: here the reference is the second figure
    main, ctx = qmod.split_context(q)
    regions = list(dict.fromkeys(m.slot for m in qmod.mentions(main) if m.slot.category == "region"))
    if len(regions) == 1 and ctx:
        # "比北京低多少个百分点？（接上问：河北…）": the earlier question names the first figure's region
        earlier = [m.slot for m in qmod.mentions(ctx) if m.slot.category == "region" and m.slot != regions[0]]
        regions = earlier[:1] + regions
    text = best.text
    if len(regions) >= 2:
        a, b = regions[0], regions[1]
        return derive.compute(kind, text, a.zh, b.zh)
    percent = bool(re.search(r"百分点|比重|比例|占比|percentage|share|proportion|percent", q, re.I))
    return derive.compute(kind, text, (), (), percent=percent)


def _en_label(label: str, glossary) -> str:
    """"2013年" -> "2013", "北京市" -> "Beijing" (the glossary's name, as render writes regions)."""
    if re.fullmatch(r"\d{4}年", label):
        return label[:-1]
    return en_term(label, glossary.to_en) if glossary is not None else label


_GENERIC_WORK = frozenset("报告 本书 书 这本书 图书 著作 本报告 丛书 书籍 作品 这份 这本 这部 该书 此书 这 该 此 本 整本书 全书".split())  # "who compiled this report"
INTRO = re.compile(r"以下|如下|下列|[一二三四五六七八九十两几]+(点|个方面|方面|部分|大)")  # an introduction announcing a list ("以下四点不足：")
_ROW_DATE = re.compile(r"(?:19|20)\d\d\s*[.\-/年]\s*\d{1,2}")  # 2016年3月, 2016.4
_REFERRING = re.compile(r"^\s*(?:其(?![中他它实余次])|它|这些|这种|这一|该|此(?!外)|上述)")
_DEFINES = re.compile(r"是指|指的是|定义为|所谓|的总称")
_ROLE_NOUN = re.compile(r"(编|辑|校对|印制|者|员|主任|人|长)$")  # "总主编", "责任校对" (not "落款")
_SIGNATURE = re.compile(r"[\u4e00-\u9fff]{2,4}")
_CONTENTS_LINE = re.compile(r"(?:\.{3,}|…+)\s*\d+\s*$")
_CHAPTER_TITLE = re.compile(r"^第[一二三四五六七八九十\d]+章")
_SECTION_TITLE = re.compile(r"^第[一二三四五六七八九十\d]+节")
_BARE_TITLE = re.compile(r"^《[^》]+》[。.]?$")
_EXAMPLES = re.compile(r"^(例如|比如|譬如|如|包括|主要有|主要包括|其中|分别是|具体)")


def _next_sentence(u: Unit) -> str:
    sents = [x for _, x in split_sentences(u.hit.chunk.text)]
    try:
        i = sents.index(u.text)
    except ValueError:
        return ""
    return sents[i + 1] if i + 1 < len(sents) else ""


