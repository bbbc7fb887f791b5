"""What a question asks, read once before any passage is scored.

``read`` turns the (rewritten) question into an ``Asked``: its weighted terms, the thing it asks
for and whether the report has a word for it, the years, places, organisations and persons that the
evidence must name, and the answer's kind (a number, a date, a person, a list, a page, a definition,
a contents line). ``assistant.scoring`` then holds each evidence unit against it. The fields that
depend on the candidate passages (``row_regions``, ``field_focus``, ``must_all``) are settled there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant import intent, question as qmod
from assistant.terms import ALT, GROUP, IMPLICIT_EN, STOP_EN, Terms, names_the_book, paraphrased
from index.glossary import en_words
from index.text import normalize

NUM_RE = re.compile(r"\d+(?:\.\d+)?")
ORDINAL_TERM = re.compile(r"^第?[一二三四五六七八九十\d]+[章节部分]?$|^(?:章|节|小节|一节|一章|部分)$")
_NAMEISH = re.compile(r"(区|部|省|市|县|园|基地|委|局|院|中心|公司|集团|大学)$")
_NAME_TAIL = re.compile(r"(新区|开发区|高新区|区|部|省|市|县|园|基地|委|局|院|中心|公司|集团|大学)")
_CREDITS = "设计|翻译|策划|排版|摄影|审校|审稿|审读|监制"  # a kind of work credited ("封面设计")
_ROLE_NOUN = re.compile(rf"(编|辑|校对|印制|者|员|主任|人|长|{_CREDITS})$")  # "总主编", "责任校对", "封面设计" (not "落款")
_CREDIT_ROLE = re.compile(rf"({_CREDITS})$")
_OWN_KIND_OF_ROLE = re.compile(r"(?!第|总|副|前|原|现|新|老|那|这|哪|该|此|其|一|两|各|每|本)[\u4e00-\u9fff]{2,4}(?:编辑|校对|主编|编者|作者)")  # "美术编辑", "文字校对"
# "who compiled this report": the work itself, not a part of it
_GENERIC_WORK = frozenset("报告 本书 书 这本书 图书 著作 本报告 丛书 书籍 作品 这份 这本 这部 该书 此书 这 该 此 本 整本书 全书 这书 那本书 这部书 该报告 此报告 这本报告 这份报告 内容 分别 本身 一本 这一本 自身".split())


# "序里讲影视这块，北京聚了哪些公司？": the part of the subject singled out, which the answer must be about
_BLOCK_ZH = re.compile(r"(?:讲|说|写|谈)?([\u4e00-\u9fff]{2,6}?)(?:这|那)一?块")


@dataclass
class Asked:
    full: str  # the question with the context a follow-up carries ("…（接上问：…）")
    main: str  # the question's own words
    q: str  # what it asks: a bare follow-up ("And Tianjin?") asks what the question before asked
    ctx: str  # the carried context
    qterms: dict[str, float]  # weighted terms ("~" marks a word the report never uses)
    focus: set[str]  # the terms of the thing asked for
    own_terms: dict[str, float]  # the follow-up's own terms
    swapped: list[str]  # a follow-up's own topic, which replaces the earlier one
    total: float  # the weight of all terms
    known_total: float  # … of the terms the report knows, or that are (part of) a name
    line_words: dict[str, float]  # the terms that name a contents line (no ordinals)
    line_known: float
    how_many: bool
    unknown_focus: bool  # "how many *employees*": the report has no word for what is counted
    unknown_asked: str | None  # the asked-for word the report never uses
    role: list[str]  # what a "who did X" question asks about
    subject: list[str]  # what it is about ("总序是谁写的" -> 总序)
    unknown_subject: bool
    book_author: bool
    years: list[str]
    named: list  # the regions and organisations named where the places asked about are named
    regions: list
    all_named: list  # every region named, the carried context included
    orgs: list
    all_three: bool  # Beijing, Tianjin and Hebei together: the region as a whole
    national: bool  # the whole country is the place asked about ("全国人均…", "the national average")
    within_part: dict[str, float]  # the terms of the part the asked contents line is in ("in the emerging business formats section")
    must_all: list  # places that must all be in one passage
    side_by_side: bool  # the places are set side by side ("北京和天津", a comparison)
    people: list[str]
    role_q: bool
    which_part: bool
    parts_q: bool
    asked_type: tuple
    topic: list[str]
    defining: bool
    defined: list[str]
    n_items: str
    block: list[str]  # the terms of the part of the subject a Chinese question singles out ("影视这块": 影视)
    numeric: bool
    figures: list[str]  # figures quoted to ask what they measure ("“069760”这个编号代表什么？")
    qnums: set[str]
    contents_first: bool  # a page question, or one naming the contents: contents lines answer before the text
    order_q: bool  # asks what order a list follows
    page_asked: bool
    on_page: str
    structure_q: bool
    date_q: bool
    day_q: bool  # a day asked for ("习近平是在哪一天…"): a year or a month is no answer
    year_q: bool  # a year asked for ("…规划是哪一年发布的？")
    who_q: bool
    word_q: bool  # a word or a short term asked for ("可以用哪个词概括", "a two-character word")
    phrase_len: int | None  # the characters of a phrase asked for ("十二字说法": 12)
    phrase_q: bool  # a phrase asked for, of no length given ("概括成哪一句话", "what shorthand")
    nths: frozenset  # the "第X…" pairs asked ("第三产业": (三, 产)): a sibling (第二产业) is another indicator
    measure: str
    list_q: bool
    count_q: bool
    ords: dict
    ctx_ords: dict
    within_ctx: bool  # "其中天津那部分", "河北省那部分": a part of what the earlier question asked about
    ind_terms: dict[str, float]  # the terms that name the asked indicator
    ind_words: set[str]
    excluded: dict[str, float] = field(default_factory=dict)  # what the answer is not ("不是约稿的那个": 组稿)
    top_section: str = ""  # the part of the text the question says the answer is in ("总序里…": 总序; "chapter 1": 第一章)
    reading: str = ""  # an English question read word by word in the report's Chinese ("人均某某支出")
    own_indicator: tuple = ()  # a follow-up's own indicator words (4+ characters): "那天津二产比重呢？" -> 第二产业比重
    besides: tuple = ()  # the items a "除了X和Y，另外…是哪些" question knows already: a list of only those is no answer
    # settled against the candidates (assistant.scoring)
    row_regions: dict[str, str] | None = None
    field_focus: list[str] | None = None
    counted: str = ""  # "前言里说有几个不足？": the thing counted (不足), which the answer's passage names


_COUNT_STATED_ZH = re.compile(r"(?:一共|总共|共)(?:有|分|分为)?[一二两三四五六七八九十\d]+(?:章|节|个|位|项|部分)$")
_COUNTED_ZH = re.compile(r"(?<![第哪])几(?:个|点|条|项|种|大|方面的?)([\u4e00-\u9fff]{2,4}?)(?=[？?，,。]|吗|呢|$)")
_THREE_AS_ONE = re.compile(r"三地|两市一省")
# "总序里给“信息服务业”下的定义", "前言提到", "第一章中": the part of the text a passage is said to be in
_IN_SECTION_ZH = re.compile(r"(总序|前言|第[一二三四五六七八九十]章)(?=里|中|上|部分|的|说|提到|提及|讲|给|写|称|指出|谈|对|认为|列|把|将|用)"
                            # "附录里具体收录了哪些文件？" (the book's: not "我需要在参考文献里把这份文件也补录进去")
                            r"|(?:^|(?<=[，,。？?])|(?<=书的)|(?<=书)|(?<=报告的)|(?<=报告))(附录|大事记|参考文献)(?=里|中|部分里|收录|列)")


_IN_SECTION_EN = re.compile(r"\b(?:in|within|from|according to)\s+(?:the\s+)?(?:general\s+|series\s+)?(?:preface|foreword|introduction)"
                            r"|\b(?:preface|foreword|introduction)\s+(?:say|state|mention|note|describe|define|list|give|put|call|write|argue|lay)")


_IRREGULAR_PAST = frozenset("spent spend paid put made gave got set held kept led brought built sold bought took had did".split())


def zh_reading(q: str, glossary) -> str:
    """An English question read word by word in the report's Chinese ("per-capita health spending" ->
    "人均某某支出"): the glossary's word where it has one, "某某" for a content word it does not know."""
    words = en_words(q)
    groups = {a: (b, zh[0]) for a, b, _, zh, _ in glossary.groups(q)} if glossary is not None else {}
    out, i = [], 0
    while i < len(words):
        if i in groups:
            b, zh = groups[i]
            if not names_region_term(zh):
                out.append(zh)  # (a place says where, not what: "per person did Beijing spend")
            i = b
            continue
        if len(words[i]) >= 3 and words[i] not in STOP_EN and not words[i].isdigit() and not words[i].endswith(("ing", "ed")) \
                and words[i] not in _IRREGULAR_PAST and words[i] not in IMPLICIT_EN:
            # (a measure word says how a figure is told, not what of: "education money per head")
            out.append("某某")  # (a verb form says how, not what: "subway running mileage" is 地铁运营里程)
        i += 1
    return "".join(out)


def top_section(main: str, lang: str, glossary) -> str:
    """The top-level part of the text the question places its answer in ("" if none, or if it names
    several): 总序, 前言 or a chapter's ordinal."""
    if lang == "zh":
        found = {a or b for a, b in _IN_SECTION_ZH.findall(main)}
    else:
        # ("in the general preface", "the preface says", "in chapter 1": the part the answer is said to be in;
        # "Who put together chapter 2?" asks about the chapter, not in it)
        found = {zh[0] for a, b, _, zh, _ in (glossary.groups(main) if glossary is not None else ()) if zh in (["总序"], ["前言"])
                 and _IN_SECTION_EN.search(" ".join(en_words(main)[max(0, a - 2): b + 2]))}
        if re.search(r"\b(?:in|within|from|according to)\s+chapter\s+\w+|\bchapter\s+\w+\s+(?:says|states|mentions|notes|describes|defines|lists|gives|puts|calls|writes|argues)\b", main, re.I):
            found |= {o for k, o in intent.ordinals(main).items() if k == "章"}
    return next(iter(found)) if len(found) == 1 else ""

_PLACES_TOGETHER = re.compile(r"^(?:[两三四各]地|两市一省|[三两]省市)$")  # the places named as a whole, no indicator
_RANK_OF_ROLE = re.compile(r"\b(deputy|vice|associate|assistant|honorary|acting|former)[\s-]+(?:[a-z-]+\s+)?"
                           r"(?:editor|chief|director|chair|chairman|president|head|dean|author|secretary|manager|minister|mayor)", re.I)


_RANK_OF_ROLE_ZH = re.compile(r"(?:副|常务|执行|名誉|荣誉|特约|特邀)(?:总)?(?:主编|编辑|编委|主任)")
_ANOTHER_ITEM = re.compile(r"的那(?:一)?(?:个|项|本|条|篇|部分|句)|\bthe (?:other )?(?:\w+ ){0,2}?(?:one|ones|project|grant|item),? (?:\w+ed )?(?:about|on|for|around|that|which|concerning|regarding)\b", re.I)


# an item listed under a chapter or section ("它的第一节列出的第一个园区是哪个？"): a contents line
_ITEM_OF_PART = re.compile(r"列出|所列|列的|下面的|之下|第[一二三四五六七八九十\d]+个|最后一个|\blisted\b|\bentr(?:y|ies)\b"
                           r"|\b(?:first|second|third|last) (?:one|item|park|zone|base)\b", re.I)


# what a "how many/much" question may count that is no thing the report lacks: the contents' own
# vocabulary, and money ("How much money is the price?")
_NOT_COUNTED_EN = frozenset("entry entries item items line lines heading headings listing listings subsection subsections money".split())
_BARE_ITEM = re.compile(r"^(?:and|what about|how about)\s+(?:the\s+)?[^?,]{3,60}\??$|^(?:那|那么)[^，,。？?]{2,16}呢[？?]?$", re.I)
OWN_TOPIC_CUE = re.compile(r"^(?:and|what about|how about)\s+the\s+(?:\w+\s+){0,3}?\w+,?\s+(?:about|on|for|of|by)\b", re.I)
_NO_TOPIC = frozenset("还有 其他 其它 另外 其余 别的 另一个 另外一个 完整 全文 原文 原话 原句 准确 具体 引用 引号 我们 咱们 我 你 您 他们 大家 "
                      "数字 数据 数值 数 数额".split())  # ("天津的数字有没有？": the figure asked before, for another place)  # "还有呢？", "那句的完整原文": no new topic
_THAT_ONE_WHO = re.compile(r"^(?:那|那么)[\u4e00-\u9fff]{1,6}的(?:[\u4e00-\u9fff]{1,4}?)?(?:是谁|又是谁|是哪一?位|又是哪一?位|呢)"
                           # "落款是谁？" after "前言是哪天写的？": a field of its own asked by who holds it
                           r"|^(?:那|那么)?[\u4e00-\u9fff]{2,4}(?:又)?是谁(?:呢)?[？?]?$"
                           # "那校对谁弄的？", "那印制是谁负责的？": a role of its own, asked by its deed
                           r"|^(?:那|那么)[\u4e00-\u9fff]{2,6}?(?:又)?(?:是)?谁(?:弄|做|负责|管|干|搞|编|写|签|印|校|审)的?"
                           # "那它的 ISBN 号码是多少？": a field of the same book, asked in its own words
                           r"|^(?:那|那么)(?:它|这本书|该书|本书)的\s*[A-Za-z\u4e00-\u9fff\s]{2,10}?\s*(?:又)?(?:是多少|是什么|呢)")


_FOR_WHOM_EN = re.compile(r"\s*(?:as an? (?:benchmark|comparison|yardstick|reference|baseline|context) for"
                         r"|as (?:evidence|proof|an? example|an? illustration|an? sign) of"  # "As evidence of spillover from Beijing to Hebei, …"
                         r"|for (?:my|our|a|an|the) (?:[\w-]+ ){0,3}(?:briefing|memo|report|note|presentation|deck|piece|article|story|pitch)"
                         r" (?:on|about))\s+[^,?]{2,60},\s*", re.I)


_ASKER_AFTER_EN = re.compile(r"\?\s*((?:I|I'm|I am|I've|We|We're|My|Our|This is for|It's for)\b[^?]*)$")


def with_holders(known: tuple, terms: Terms) -> tuple:
    """The items a "除了…，还有…" question knows already, with the persons of a role it names ("除了总主编和两位编著者":
    王成慧, 郭斌, 陈倩)."""
    return known + tuple(p for k in known for label, names in terms.roles.items() if label in k for p in names if p not in known)


def read(question: str, lang: str, terms: Terms) -> Asked:
    full = intent.plain_role(question) if lang == "en" else question
    # "…负总责的那位，不是约稿的那个，叫什么名字？": what the answer is not names nothing asked
    full, not_this = intent.without_exclusion(full, lang)
    qterms, focus = terms.analyse(full, lang)
    if lang == "en" and (setting := qmod.preamble(full)[1]) and not qmod.split_context(full)[1] \
            and not re.search(r"\b(?:it|its|they|them|their|this|that|these|those)\b", full[len(setting):], re.I):
        # (unless the question points back into the story: "I'm researching Bitcoin. What's its price?")
        # "I'm putting together a briefing … and want to cite this book properly. Which press brought it out?": the
        # words the report never uses that only tell the asker's story are no part of what is asked
        story = {"~" + w for w in en_words(setting)} - {"~" + w for w in en_words(full[len(setting):])}
        qterms = {t: w for t, w in qterms.items() if t not in story} or qterms
    if lang == "zh" and (setting := qmod.preamble(full)[1]) and _COUNT_STATED_ZH.search(setting):
        # "这本书正文一共四章，第一章叫什么？": the count the asker has already is no part of what is asked
        own = terms.analyse(full[len(setting):], lang)[0]
        qterms = {t: w for t, w in qterms.items() if t in own} or qterms
    excluded: dict[str, float] = {}
    if not_this and not any(p in not_this for p in terms.people) and not (lang == "zh" and set(terms.person_names(not_this)) - qmod.region_words()) \
            and not (lang == "en" and re.search(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+", not_this)):
        # (not a person: "除了郭斌以外，还有谁" asks for the others of a list that names him; jieba tags
        # 石家庄 as a name)
        excluded = {t: w for t, w in terms.analyse(not_this, lang)[0].items()
                    if not t.startswith("~") and terms.known(t) and t not in qterms
                    # (nor a word the question names otherwise: "=石家庄市|石家庄" in English)
                    and not any(not k.startswith("~") and any(t in z or z in t for z in k.removeprefix(GROUP).split(ALT)) for k in qterms)}
    # a follow-up's carried context lends its scope (years, places, chapter) when the question names
    # none, never its question form: "Who wrote that chapter?" after a page question asks who
    q, ctx = qmod.split_context(full)
    main = q
    # "And in film and video?" after the e-commerce leaders: the follow-up's own topic replaces the
    # earlier one, so the evidence must hold it (the earlier question's words only locate it)
    own_terms = terms.analyse(main, lang)[0] if ctx else qterms  # the follow-up's own words
    # ("那组稿的是谁？" after the desk editor asks who, but of its own topic: 组稿)
    # (words the earlier question shares are no new topic: 领域 in "影视文化领域呢？" after "电子商务领域…")
    swapped: list[str] = []
    # ("And the project about TPP, what is its number?": a follow-up cue, then its own topic and ask)
    # ("And what about Tianjin's subway mileage?" after R&D intensity: an English follow-up's own topic)
    if ctx and (not intent.asks(main) or _THAT_ONE_WHO.match(main) or OWN_TOPIC_CUE.match(main) or (
            qmod.language(main) == "en" and qmod.is_followup(main) and not re.search(r"\b(?:it|its|that|this|they|their|them)\b", main, re.I))):
        ctx_terms = terms.analyse(ctx, qmod.language(ctx))[0]
        swapped = [t for t in own_terms if not t.startswith("~") and terms.known(t) and t not in ctx_terms
                   and not ORDINAL_TERM.match(t) and t not in _NO_TOPIC]
        # (a word inside the earlier question's term is no new topic: 人均, 支出 of 人均公共教育支出 in
        # "What about per-capita healthcare spending?" -- 医疗 is)
        said = [x for c in ctx_terms for x in c.removeprefix(GROUP).split(ALT)]
        swapped = [t for t in swapped if not all(any(x in y for y in said) for x in t.removeprefix(GROUP).split(ALT))] or swapped
        # (a place is where, not the topic: "Tianjin's subway mileage" is about subway mileage, and
        # "那天津高新区软件园呢？" about a 高新区's 软件园, which no passage on Tianjin's industries answers)
        swapped = [t for t in swapped if not names_region_term(t)] or swapped
    elif lang == "zh" and not ctx and (before := qmod.preamble(main)[1]) and re.match(r"[，,；;。\s]*那(?:么)?", main[len(before):]):
        # "前言给了三地人均公共教育支出，那2012年北京市的人均医疗卫生支出是多少？": a question turned ("那…") from what
        # its own setting names has a topic of its own (医疗), which the evidence must hold
        said_terms = terms.analyse(before, lang)[0]
        said = [x for c in said_terms for x in c.removeprefix(GROUP).split(ALT)]
        swapped = [t for t in terms.analyse(main[len(before):], lang)[0] if not t.startswith("~") and terms.known(t)
                   and t not in said_terms and not ORDINAL_TERM.match(t) and t not in _NO_TOPIC and not names_region_term(t)
                   and not re.fullmatch(r"最后|最前|排在|排名|一位|首位|末位|倒数|最末", t)  # ("那排在最后一位的是谁？": a place, no topic)
                   # ("…不是空中楼阁，那要靠什么来实现？": how it is done is asked, no topic of its own)
                   and not re.fullmatch(r"实现|达到|做到|完成|解决|落实|推进|依靠|需要|怎么办|办法|途径", t)
                   and len(t) >= 2 and not re.fullmatch(r"\d+", t) and not all(any(x in y for y in said) for x in t.removeprefix(GROUP).split(ALT))]
    if ctx and not intent.asks(q):
        q = ctx + " " + q  # "And the Maigu industrial park?" asks what the earlier question asked
    total = sum(qterms.values()) or 1.0
    # only where the focus is surely a counted noun ("how many X"): "who commissioned …" names an
    # action, and in "what is the code of …" the value itself is the code
    # ("How many entries …": the contents' own vocabulary names no counted thing the report lacks)
    how_many = bool(focus) and intent.how_many(q) and not all(t.startswith("~") and t[1:] in _NOT_COUNTED_EN for t in focus)
    unknown_focus = how_many and all(t.startswith("~") for t in focus)
    # "What's the publisher's email address?": the report has no word for what is asked
    # (a name in the carried context was asked about before: "Who" of an English question before)
    # (a follow-up with a topic of its own is not held to the earlier question's words: "它的办公地址和
    # 邮编呢？（接上问：这本书的出版方是谁？）")
    # (not in the clauses that tell who asks: "我们老同志最关心政策，讲扶持政策的那一章…")
    told = len(qmod.preamble(main)[0]) if lang == "zh" else 0
    unknown_asked = terms.unknown_asked((main if swapped else q)[told:] if told else (main if swapped else q), lang, focus) \
        or terms.unknown_name(main[told:], lang, qterms)
    if lang == "en" and not ctx and intent.terse(q):
        # "publisher email address": a query of nouns asks for all of them; one the report has no
        # word for cannot be answered
        unknown_asked = unknown_asked or next((k[1:] for k in qterms if k.startswith("~")), None)
    if ctx and not intent.asks(main) and own_terms and all(t.startswith("~") or not terms.known(t) for t in own_terms) \
            and not qmod.mentions(main) and not all(t.removeprefix("~") in IMPLICIT_EN for t in own_terms) \
            and not intent.page(main):  # ("页码" after "第二章": where the part begins, which the contents give)
        # ("And its code?" asks the value itself: the code of the grant asked about before)
        # "And the index?" after a page question: the follow-up's own topic is a thing the report
        # has no word for (the book has no index)
        unknown_asked = unknown_asked or next(iter(own_terms)).removeprefix("~")
    if lang == "en" and intent.who_verb(q) and (v := re.search(r"\bwho\s+([a-z]+ed)\b", q, re.I)):
        # "Who translated the report into English?": the report has no word for the deed asked about
        # (a deed done, not a position held: "Who sits on the board?")
        verb = en_words(v.group(1))
        unknown_asked = unknown_asked or (verb[0] if verb and "~" + verb[0] in qterms else None)
    if lang == "en" and (held := intent.who_role_of(q)):
        # "Who is Baidu's current chief executive?": a role the report has no word for
        unknown_asked = unknown_asked or next((w for w in en_words(held) if "~" + w in qterms and w not in IMPLICIT_EN), None)
    if lang == "en" and (rank := _RANK_OF_ROLE.search(q)) and "~" + en_words(rank.group(1))[0] in qterms:
        # "Who is the deputy editor-in-chief?": a rank of the role the report has no word for (副)
        unknown_asked = unknown_asked or en_words(rank.group(1))[0]
    if lang == "zh" and (rank := _RANK_OF_ROLE_ZH.search(main)) and not terms.known(rank.group(0)):
        # "其中谁是副主编？": a rank of the role the report has no word for (it names a 总主编 only)
        unknown_asked = unknown_asked or rank.group(0)
    # the role a "who did X" question asks about, when the report has a word for it
    role = [t for t in focus if not t.startswith("~")] if lang == "en" and intent.who_verb(q) else []
    if lang == "zh" and (verb := intent.who_role_zh(q)):
        role = [verb]
    elif lang == "zh" and (m := re.search(r"(?:是|为)(?:谁|哪位|哪一位)(?:老师|学者|专家|同志|先生|女士)?(?:做|弄|干|搞|负责|完成)?的?[？?。]*$", main)):
        # "这套丛书的总主编是哪位？": the role named just before "是谁" must be in the evidence
        before = [t for t in terms.tokenize(main[: m.start()]) if len(t) >= 2 and t in terms.df]
        role = before[-1:] if before and main[: m.start()].endswith(before[-1]) and _ROLE_NOUN.search(before[-1]) else []
        named = re.split(r"[的、，,：:\s]", main[: m.start()])[-1]
        if role and _CREDIT_ROLE.search(role[0]):
            # "封面设计是谁？": a credit for a kind of work, named with what was worked on (研发设计 is no credit)
            role = [named or role[0]]
        elif role and _OWN_KIND_OF_ROLE.fullmatch(named) and named.endswith(role[0]) and named not in terms.corpus \
                and not any(p in named for p in paraphrased()):  # ("负责编辑" is the paraphrase table's 责任编辑)
            # "这本书的美术编辑是谁？": a kind of the role the report does not have (责任编辑 is another editor)
            role = [named]
    elif lang == "zh" and (m := re.search(r"(?:谁|哪位|哪一位)是(?:这本书|本书|该书|这套丛书)?的?([\u4e00-\u9fff]{2,6}?)[？?。]*$", main)) \
            and _OWN_KIND_OF_ROLE.fullmatch(m.group(1)) and m.group(1) not in terms.corpus:
        role = [m.group(1)]  # "谁是文字编辑？": a kind of editor the report does not have
    elif lang == "zh" and (m := re.search(r"(?:谁|哪位|哪一位)(?:来)?(?:担任|出任|任|当|做)(?:的)?([\u4e00-\u9fff]{2,5}?)[？?。]*$", main)):
        # "这套…丛书由谁担任总主编？": the role held
        role = [m.group(1)] if _ROLE_NOUN.search(m.group(1)) and m.group(1) in terms.df else []
    if lang == "zh" and not role and (m := re.search(r"(?:挂|担任|任)(?:着)?([\u4e00-\u9fff]{2,5}?)(?:的)?(?:头衔|职务|一职|名义)的?(?:是|为)(?:谁|哪一?位)", main)):
        # "挂总主编头衔的是哪一位？"
        role = [m.group(1)] if _ROLE_NOUN.search(m.group(1)) and m.group(1) in terms.df else []
    if role == ["作者"] and re.search(r"(?:总序|前言|序言|后记|附录)的?作者", main):
        role = []  # "总序的作者是谁？": who wrote it, as "总序是谁写的？" asks (its signature)
    # what a "who did it" question is about ("总序是谁写的" -> 总序; "who wrote the preface" -> 前言)
    # ("各章内容分别是谁执笔的": every chapter, as the division of labour names them, not a word "各章")
    # (of the question proper, not of the clauses that set it up: "…想先弄清楚每章是谁写的，请问第三章和第四章是由谁…")
    told = qmod.preamble(q)[1] if lang == "zh" else ""
    proper = q[len(told):] if told and re.search(r"谁|哪一?位", q[len(told):]) else q
    subj = re.sub(r"(?:各|每一?)章", "", intent.who_subject(re.sub(r"^[，,；;。：:\s]*(?:那么?)?(?:请问|我想问|想问|想知道)?", "", proper), lang))
    if (n := intent.nth_one(subj)) and re.search(r"chapters?\b|章", ctx, re.I):
        # "Who wrote the first one? (following up: How many chapters is the book divided into?)"
        subj = {"first": "chapter 1", "second": "chapter 2", "third": "chapter 3", "fourth": "chapter 4",
                "last": "last chapter"}.get(n) or f"第{n}章"
    subj_terms = [t for t in terms.analyse(subj, lang)[0] if not _GENERIC_WORK.issuperset(
        t.removeprefix(GROUP).split(ALT))] if subj else []
    subject = [t for t in subj_terms if terms.known(t)]
    if swapped and ctx and subject and not any(t in own_terms for t in subject):
        # "那前言的落款呢？（接上问：总序是谁写的？落款日期是哪天？）": the follow-up's own topic replaces what the earlier
        # "who" question was about
        subj_terms, subject = [], []
    book_author = intent.asks_book_author(full, lang)  # the book's authors, not a preface's signer
    if book_author:
        role = []  # the authors line is the field asked for, whatever the verb
        subject = []  # (the book itself: "这份发展报告是哪两位学者编著的？")
    qyears = [y for y in qmod.years(q) or qmod.years(ctx) if not (y in terms.title.years and names_the_book(full, y))]
    if (told := qmod.preamble(q)[1]) and (own_years := qmod.years(q[len(told):])) and (
            re.search(r"\d(?:\.\d+)?\s*(?:%|元|亿元)", told) or not set(own_years) & set(qmod.years(told))):
        # "…was 5.2% in 2000. How much it become by 2013?": the setting gives a year's figure; the year asked is the question's
        # ("The preface gives 2013 R&D intensity figures…, but my thesis needs something more recent. What was Hebei's R&D
        # intensity in 2015 according to the report?": the setting's year is what the asker has, not what is asked)
        qyears = [y for y in own_years if not (y in terms.title.years and names_the_book(full, y))] or qyears
        body = q[len(told):]
        qterms = {t: w for t, w in qterms.items() if not (re.fullmatch(r"~?\d+(?:\.\d+)?%?", t) and t.lstrip("~").rstrip("%") not in body)}
    # where the places asked about are named; a follow-up that names another item by what it is about
    # ("那做城市旅游形象测评的那个呢？", "And the one on tourism?") leaves the earlier item's places behind
    # ("北京市重点软件和信息服务业集聚区那部分呢？" after a 中关村 question: its own place only)
    scope = main if ctx and (_ANOTHER_ITEM.search(main) or any(m.slot.category == "region" for m in qmod.mentions(main))
                             or (swapped and OWN_TOPIC_CUE.match(main))
                             # ("And the Binhai high-tech zone?" after the page of the Zhongguancun section: another line asked)
                             or (swapped and intent.page(ctx) and _BARE_ITEM.match(main.strip()))) \
        else q if (not ctx or qmod.mentions(q)) else ctx
    before = qmod.preamble(scope)[1]
    if before and any(m.slot.category == "region" for m in qmod.mentions(scope[len(before):])):
        scope = scope[len(before):]  # "前言拿珠三角、长三角和京津冀做了比较，那请问长三角…": the question's own place
    then = _THEN_ASK.search(scope)
    if then and intent.asks(then.group(1)) and any(m.slot.category == "region" for m in qmod.mentions(then.group(1))):
        # "前言里讲了北京三产、天津二产的比重，那河北2013年三产占比是多少？": the clauses before "那" say what
        # the report gives; the place asked is the last clause's
        scope = then.group(1)
    # (the book's authors are asked for whatever the title names: "Who wrote it? (following up: … the
    # 2015 report on Beijing-Tianjin-Hebei information services …)")
    named = [] if book_author else [m for m in qmod.mentions(scope) if m.slot.category in ("region", "org") and not intent.only_a_reference(scope, m)]
    if scope.startswith(before):
        # "我在写一篇关于京津冀协同的稿子，…": the region the whole report is about, named only to
        # set the question up, is no place the answer must name
        named = [m for m in named if not (m.slot.id == qmod.WHOLE_REGION and m.end <= len(before))]
        # "我是台湾出版社的版权业务，…": where the asker is from is not what is asked (unlike "我想看上海市…那一节，")
        who = qmod.who_asks(scope)
        named = [m for m in named if not (m.slot.category == "region" and m.end <= len(who))]
    if lang == "en" and named:
        # "I'm citing this report in an investment briefing on Hebei. Which publisher put it out?", "What are
        # Beijing's four core functions …? I need them to explain why activity is moved out to Hebei.",
        # "As a benchmark for Hebei, how much did Beijing's … grow?": a place named only where the asker says
        # what the answer is for is not asked about (unless the question proper points back to it)
        start = len(before) if before and scope.startswith(before) else 0
        if m := _FOR_WHOM_EN.match(scope[start:]):
            start += m.end()
        after = _ASKER_AFTER_EN.search(scope)
        end = after.start(1) if after else len(scope)
        own = [m for m in named if m.slot.category == "region" and start <= m.start < end]
        # (the book, named where the asker says what they do, is what "it" points back to)
        back = qmod.refers_back(scope[start:end]) and not re.search(r"\b(?:this|the) (?:book|report|volume)\b", scope[:start], re.I)
        named = [m for m in named if not (m.slot.category == "region" and (
            m.start >= end or (m.end <= start and (own or not back))))]
    if ctx and scope == main and not swapped and re.search(r"它(?!们)|\b(?:it|its)\b", main, re.I):
        # "它跟河北签了多少个项目？（接上问：清华呢？）": "it" is the organisation the earlier turn named
        named += [m for m in qmod.mentions(ctx) if m.slot.category == "org"][-1:]
    if any(m.slot.id == qmod.WHOLE_REGION for m in named) and any(m.slot.id in qmod.THE_THREE_IDS for m in named):
        # "京津冀三地2013年的研发投入强度，北京是多少？": one of the three is asked; the three frame it
        named = [m for m in named if m.slot.id != qmod.WHOLE_REGION]
    regions = [m.slot for m in named if m.slot.category == "region"]
    if not regions and _THREE_AS_ONE.search(scope[len(before):] if scope.startswith(before) else scope):
        # "三地2013年的研发投入强度各是多少？": the three places, as 京津冀 (a place a follow-up does not swap)
        regions = [s for s in qmod.region_slots() if s.id == qmod.WHOLE_REGION]
    # "How many Zhongguancun firms … in Tianjin?", "北京大学与河北省…": every place and organisation
    # named must be in the evidence -- unless the question sets regions side by side ("北京和天津",
    # "Beijing or Tianjin"), when each passage answers for one of them
    side_by_side = intent.side_by_side(scope, named)
    must_all = [] if side_by_side else list(dict.fromkeys(m.slot for m in named))

    # "陈倩是哪所大学的老师？": a person the record names must be in the evidence, and what is asked
    # of them ("哪所大学", "which chapter") with them
    qwords = terms.words(qterms) | {normalize(full).lower()}
    people = [p for p in terms.people if any(p in w for w in qwords)]
    if ctx and people and not any(p in main for p in people) and re.search(r"谁|哪一?位|\bwho(?:m|se)?\b", main, re.I):
        # "那负责印制的是哪一位？（接上问：许兵是这本书的责任编辑吧？）": who is asked anew; the person before is no part of it
        people = []
    elif not ctx and lang == "zh" and people and (turn := re.search(r"[，,。；;]\s*(?:那么?|那)(?=[^，,。；;]*(?:谁|哪一?位))[^，,。；;]*$", main)) and not any(
            p in normalize(main[turn.start():]) for p in people):
        # "丛书是王成慧总主编的，那这本书版权页上的责任编辑是谁？": the person of the statement before is no part of who is asked
        people = []
    elif ctx and (own_people := [p for p in people if p in normalize(main)]) and len(own_people) < len(people):
        # "那赵天宇呢？（接上问：许兵在这本书里是什么编辑？）": the follow-up's own person replaces the one asked about before
        people = own_people
    if lang == "en":
        # "Which part of the report was Song Yanjing responsible for?": a person the report names elsewhere (宋艳静 in the
        # preface's division of the work), named in English, must be in the evidence too
        people += [n for t in qterms if t.startswith("=") and (n := t[1:]) not in people and re.fullmatch(r"[\u4e00-\u9fff]{2,3}", n)
                   and n in terms.corpus and terms.person_names(n) == [n] and n not in qmod.region_words()
                   and re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+", (terms.glossary.to_en(n) if terms.glossary is not None else "") or "")]
    asked_type = intent.which_type(q)
    if people and asked_type == ("节",) and re.search(r"哪一?部分|\b(?:which|what) parts?\b", q, re.I):
        asked_type = ("节", "章", "附录")  # "宋艳静负责的是哪一部分？": a person's part of the work may be a chapter
    if not people and not intent.asks_institution(q) and not intent.asks_department(q) and not intent.asks_kind(q):
        asked_type = ()  # "哪一章" without a person is a contents question, answered by the lines
    defining = intent.definition(main)
    on_page = intent.given_page(main)  # "Which Tianjin industrial park is covered on page 107?"
    page_asked = intent.page_asked(q)
    figures = intent.given_figure(main, lang)
    # "count as" asks what something is; on a given page, the page is given, not asked for; a quoted
    # figure is given, what it measures is asked
    # (asked in the question proper: "…列举了它的几个特点，我想原样引用，请问是哪几个特点？" asks no figure)
    numeric = intent.numeric(q[len(qmod.preamble(q)[1]):], lang) and not defining \
        and not (on_page and not page_asked) and not figures

    def nameish(t: str) -> bool:
        """An unknown Chinese word that is (part of) a name: 商务部, 雄安 in 雄安新区."""
        i = full.find(t)
        return bool(_NAMEISH.search(t) or (i >= 0 and _NAME_TAIL.match(full[i + len(t):])))

    # the words the report knows, and names it does not (雄安新区, 商务部): not "~" words, not other
    # Chinese words it never uses ("分析", "找到")
    known_total = sum(w for t, w in qterms.items() if not t.startswith("~") and (
        terms.known(t) or nameish(t))) or 1.0
    # for contents lines: the question's words without its ordinals, and the weight of those the report knows
    line_words = {t: w for t, w in qterms.items() if not ORDINAL_TERM.match(t)}
    if ctx:
        # "And the chapter on support policies? (following up: Which page does the chapter on the
        # region's advantage sectors start on?)": the line is named by the follow-up's own words
        line_words = {t: w for t, w in line_words.items() if t in own_terms} or line_words
    if lang == "zh" and (story := qmod.setting(normalize(main)).before) and terms.contents:
        # "我目前只拿到了这本书的目录，计划去图书馆把第一章里讨论突出问题的那一节复印下来，…请问这一节
        # 从第几页开始的？": the story's words that no contents line uses (目前, 计划, 图书馆) name no line
        body = {t.lower() for t in terms.tokenize(normalize(main)[len(story):])}
        told = {t.lower() for t in terms.tokenize(story)} - body
        line_words = {t: w for t, w in line_words.items()
                      if not (t in told and terms.known(t) and terms.credit(t, terms.contents) == 0)} or line_words
    if lang == "zh" and "的" in main and re.search(r"第几页|哪一?页|页码", main) and (by := next(
            (m.group(0) for p in list(terms.people) + terms.person_names(main)
             if (m := re.search(re.escape(p) + r"[\u4e00-\u9fff]{0,4}?的", normalize(main)))), "")):
        # "李晓昕整理的附录在第几页？": who wrote a part says which part it is; no contents line names a person
        said = {t.lower() for t in terms.tokenize(by)}
        line_words = {t: w for t, w in line_words.items() if t not in said} or line_words
    line_known = sum(w for t, w in line_words.items() if not t.startswith("~") and (terms.known(t) or nameish(t)))
    ords = intent.ordinals(main)
    # terms that name the asked indicator: not regions, not unknown words
    ind_terms = {t: w for t, w in qterms.items() if not t.startswith("~") and not names_region_term(t)}
    if lang == "zh" and (before := qmod.preamble(main)[1]) and not ctx:
        # "前言比较了三地人均公共教育支出，那…人均医疗卫生支出分别是多少元？": the indicator asked
        # is named after the clauses that set the question up, not in them
        # (unless the question proper names only places: "我想在稿子里放一组研发投入强度的对比，2013年京、
        # 津、冀三地分别是多少？" asks the setting's indicator)
        # (nor when the question proper points back at it: "…提到了它在全市GDP中占比的变化，请问这个比重是从…")
        # (and the clause just before it as well when the question proper points back at what that names: "…提到了它在
        # 全市GDP中占比的变化，请问这个比重是从…")
        body = main[len(before):]
        if re.search(r"(?:这|那|该)(?:个|一|项)?(?:比重|比例|占比|数字|数据|指标|比率|增速)", body):
            body = (re.findall(r"[^，,；;。]+[，,；;。]?", before) or [""])[-1] + body
        body_terms = terms.analyse(body, lang)[0]
        ind_terms = {t: w for t, w in ind_terms.items() if t in body_terms and len(t) >= 2
                     and not _PLACES_TOGETHER.match(t)} or ind_terms
    return Asked(
        full=full, main=main, excluded=excluded, q=q, ctx=ctx, qterms=qterms, focus=focus, own_terms=own_terms, swapped=swapped,
        total=total, known_total=known_total, line_words=line_words, line_known=line_known,
        how_many=how_many, unknown_focus=unknown_focus, unknown_asked=None if figures else unknown_asked, role=role,
        subject=subject, unknown_subject=bool(subj_terms) and not subject and not book_author,  # "这本书的封面是谁设计的？"
        book_author=book_author, years=qyears, named=named, regions=regions,
        all_named=[m.slot for m in qmod.mentions(full) if m.slot.category == "region"],
        orgs=list(dict.fromkeys(m.slot for m in named if m.slot.category == "org")),
        # "北京、天津、河北两市一省…": the three together are the region as a whole (京津冀, 三地)
        all_three={"beijing", "tianjin", "hebei"} <= {r.id for r in regions},
        national=intent.national(main, lang),
        within_part={t: w for t, w in terms.analyse(part, lang)[0].items() if not t.startswith("~") and not names_region_term(t)}
        if (part := intent.named_part(main, lang)) else {},
        must_all=must_all, side_by_side=side_by_side, people=people, role_q=intent.asks_role(q),
        which_part=intent.which_type(main) in (("章",), ("节",)),  # "Which chapter …": a contents line
        parts_q=intent.asks_for_parts(main), asked_type=asked_type,
        # what the question is about besides the thing it asks for (known words, not places or ordinals)
        topic=[t for t in qterms if not t.startswith("~") and t not in focus and terms.known(t)
               and not names_region_term(t) and not ORDINAL_TERM.match(t)] if focus and asked_type else [],
        defining=defining,
        # the terms a definition question asks about (not "chapter 1", where it asks)
        defined=[t for t in qterms if not t.startswith("~") and not ORDINAL_TERM.match(t) and terms.known(t)] if defining else [],
        n_items=intent.asked_number_of_items(main),  # "哪四方面": a sentence introducing four items
        block=[t for t in terms.analyse(b.group(1), lang)[0] if not t.startswith("~") and terms.known(t) and not names_region_term(t)]
        if lang == "zh" and (b := _BLOCK_ZH.search(main)) else [],
        numeric=numeric, figures=figures,
        qnums=set(NUM_RE.findall(full)),  # "项目（9154027）的资助金额是多少": 9154027 is not an answer
        contents_first=intent.page(q) or intent.names_contents(q) or bool(ords and intent.asks_what_part_covers(main)),
        order_q=intent.asks_order(main),
        page_asked=page_asked, on_page=on_page,
        # "第三章第二节下面一共列了几个项目？": a count inside a chapter or section asks about the contents
        # "第一章第四节讲三地怎么协同？": what a numbered part is about is told by its contents lines
        structure_q=intent.structure(q) or bool(ords and (intent.count(q, lang) or re.search(r"^[^，,？?]*[章节](?:是|主要)?(?:讲|写|说|是什么|是啥|是哪)", main)
                                                          or _ITEM_OF_PART.search(main)))
        # "河北高新技术开发区那一节，最后介绍的是哪个园区？": an item at a place under a contents line
        or bool(intent.nth_item(main) and re.search(r"[章节]|\b(?:section|chapter)\b", full, re.I))
        or bool(intent.next_or_previous(main))  # "承德…基地后面那一条是什么？"
        # "第二章", "第三章 第二节": a numbered part typed alone, as into a search box, is its contents line
        or bool(lang == "zh" and re.fullmatch(r"\s*(?:第[一二三四五六七八九十\d]+[章节]\s*)+[？?]?\s*", main)),
        date_q=intent.date(q) or intent.year_asked(main), day_q=intent.day(main), year_q=intent.year_asked(main), who_q=intent.who(q), word_q=intent.asks_word(main), phrase_len=intent.phrase_length(main), phrase_q=intent.asks_phrase(main),
        measure=intent.asked_unit(main if swapped else q, lang),  # "那字数呢？" after a price: not in yuan
        list_q=intent.listing(q, lang), count_q=intent.count(q, lang),
        ords=ords, ctx_ords={} if ords else intent.ordinals(ctx),  # "北京部分在第几页？" after "第一章第三节讲什么？"
        within_ctx=bool(ctx) and bool(qmod.PART_OF_PREVIOUS.search(main))
        # ("那电信业那一节呢？" after "第二章第二节…": a section beside the one asked before, not a part of it)
        and not (re.search(r"第[一二三四五六七八九十\d]+节", ctx) and re.search(r"那一?节", main) and not re.search(r"小节|部分", main)),  # "其中天津那部分…": only inside it
        top_section=top_section(main, lang, terms.glossary),
        reading=zh_reading(main, terms.glossary) if lang == "en" else "",
        # "那天津二产比重呢？（接上问：河北2013年的研发强度是多少？）": a follow-up that names an indicator of its own
        own_indicator=tuple(t for t in own_terms if ctx and lang == "zh" and len(t) >= 4 and not t.startswith(("~", "="))
                            and "|" not in t and terms.known(t) and not names_region_term(t)),
        besides=with_holders(intent.besides(main, lang), terms),
        ind_terms=ind_terms, ind_words=(ind_words := terms.words(ind_terms)),  # with the alternatives of phrase groups spelled out
        # (word by word: normalize joins adjacent Chinese words, so joined words would read other pairs)
        nths=nth_pairs(q).union(*(nth_pairs(w) for w in ind_words)),
        counted=next((c.group(1) for c in [_COUNTED_ZH.search(main)] if c and lang == "zh" and terms.known(c.group(1))), ""),
    )


_NTH_OF = re.compile(r"第([一二三四五六七八九十])([\u4e00-\u9fff])")  # "第二产业": (二, 产)


def nth_pairs(text: str) -> frozenset:
    """The "第X…" pairs a text names ("第二产业" -> (二, 产); chat shorthand "三产" too)."""
    return frozenset(_NTH_OF.findall(re.sub(r"(?<!第)([一二三])产(?![品业])", r"第\1产业", normalize(text))))


# the last clause, led by "那/那么" (not "那个", "那些"...): the question proper after clauses that set it up
_THEN_ASK = re.compile(r"[，,。；;]\s*那么?(?![个些样种里儿边位本项年时次])([^，,。；;]+)$")


def names_region_term(t: str) -> bool:
    """A term that is (an alternative naming) a region: 北京, =北京市|北京."""
    words = qmod.region_words()
    return any(a in words or any(a in z for z in words) for a in t.removeprefix(GROUP).split(ALT))
