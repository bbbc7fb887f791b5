"""Scoring evidence units against what the question asks.

A unit's score starts from its coverage of the question's weighted terms and is then held against
the question's constraints, in a fixed order (the order matters: penalties multiply, bonuses add):
what is asked for must be there (the counted thing, the person, the role, the record field), so must
the asked years and places, a numeric question needs a number next to the asked indicator, a page
comes from the contents, and the kind of answer (a date, a person, a list, a definition) must fit.
A failed constraint leaves a reason on the unit; the reasons in ``HARD_FAILURES`` rule it out.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
import re
from typing import Mapping, Sequence

from assistant import intent, question as qmod
from assistant.asked import NUM_RE, Asked, names_region_term, nth_pairs, read
from assistant.evidence import CONTENTS_LINE, Unit, countable, counts_the_named, named_items, has_years, is_toc_row, listed_items, quotes_a_phrase, quotes_phrase_of, row_field, section_of, split_units
from assistant.terms import ALT, GROUP, Terms, has_term, paraphrased
from index.model import Hit
from index.text import normalize, squash_ws

HARD_FAILURES = {"a detail of the person the record lacks", "another field of the record", "not the footnote asked", "a footnote not asked about", "year missing", "the question excludes it", "the follow-up's own topic missing", "the asked name is only one of a list", "no date", "person missing", "organisation missing", "only the asked-for word matches", "not in the chapter or section asked", "the contents line is not the one asked", "a page number comes from the contents", "asked-for thing missing", "a contents line names no person", "no number of the asked unit", "indicator not asked", "region missing", "no number", "no number next to the asked indicator",
                 "table of contents row for a question not about the book's structure", "the quoted figure missing", "fewer items than asked",
                 "only some of the places asked"}
# the report's footnote, not the asker's own ("I need the ISBN for a footnote in our policy brief", "写脚注要用")
_THE_FOOTNOTE = re.compile(r"脚注|注脚|注释|小注|页下注|页脚注|注①|\b(?:the|its|that|this)\s+(?:[\w-]+'s\s+|(?:general\s+)?(?:preface|foreword)\s+)?footnotes?\b|\bfootnote\s*(?:①|1|one)\b|^\s*footnotes?\b"
                           r"|\b(?:in|from|of)\s+footnotes?\b"
                           r"|\b(?:has|have|contains|includes|carries|there is|there's)\s+(?:a|one)\s+footnotes?\b"  # "The preface has a footnote - …"
                           r"|\b(?:small\s+)?note\s+(?:under|at\s+the\s+(?:bottom|foot)\s+of|on\s+the\s+bottom\s+of|below)\s+(?:the\s+)?(?:page|text)\b", re.I)
_OWN_FOOTNOTE = re.compile(r"(?:写|做|加|标|列|放|添|我的|我们的|文章的?|论文的?|稿子的?)(?:个|一个|一条)?(?:脚注|注脚|注释)"
                           r"|(?:我|打算|准备|想|要|得)[^，,。？?]{0,6}在[^，,。？?]{0,8}(?:脚注|注脚|注释)"
                           r"|(?<!\bhas )(?<!\bhave )(?<!\bcontains )(?<!\bincludes )(?<!\bcarries )(?<!\bthere is )(?<!\bthere's )\b(?:a|my|our|your|their)\s+(?:[\w-]+\s+){0,2}footnotes?\b|\bfootnotes?\s+(?:of|in|for)\s+(?:my|our|a|an)\b", re.I)
# the report citing in a footnote: "Does the preface cite any outside publication in a footnote?"
_REPORT_CITES = re.compile(r"\b(?:preface|foreword|report|book|chapter|it)\s+(?:cite|cites|quote|quotes|reference|references|mention|mentions)\b"
                           r"[^.?]*\bfootnotes?\b"
                           # "The cited source has something like 'A Tale of Two Cities' in its title."
                           r"|\bthe (?:cited|quoted) (?:source|work|book|reference|publication)\b|\bthe (?:source|work|book) (?:the (?:preface|report|book) )?cites\b", re.I)


# a detail of a person of the record that the record does not give: where they work, how to reach them, what else they wrote
_PERSON_DETAIL = re.compile(r"(?:哪一?所|哪个|哪家|什么)(?:大学|学校|院校|学院|高校|单位|机构)|任职|工作单位|职称|邮箱|电邮|电子邮件|手机|年龄|年纪|岁数|出生|简历|简介|履历|学历"
                            r"|(?:之前|以前|还|另外)(?:编|写|出|主编)过|(?:编|写)过哪些|其他著作|代表作"
                            # (the press's phones are the record's; a person's own is not: "责任编辑的联系电话")
                            r"|(?<=编辑的|校对的|印制的|主编的|编者的|作者的)(?:联系)?电话|个人(?:的)?(?:联系)?(?:电话|方式|邮箱)|私人(?:电话|邮箱)|(?<=[她他]的)(?:联系)?电话|\b(?:editor|proofreader|author)'s\s+(?:(?:tele)?phone|mobile)"
                            r"|\b(?:university|affiliation|affiliated|institution|employer|e-?mail|age|biography|(?:other|previous) (?:books|works|titles))\b"
                            r"|\bhow many (?:other )?(?:books|titles|volumes)\b[^?]{0,40}\b(?:handled|edited|published|worked on|done)\b", re.I)
_RECORD_ROLE = re.compile(r"总主编|责任编辑|组稿编辑|责任校对|责任印制|编著者?|主编|作者|编者|编委|\b(?:editor|author|compiler)s?\b", re.I)
_SHARE_OF = re.compile(r"占(?:全市|全省|全国|本地|当地)?((?![多几百])[\u4e00-\u9fffA-Za-z]{2,10}?)的?(?:比重|比例|份额)")
_RATIO_WORD = re.compile(r"比重|比例|占|增速|增长率|倍数|倍|相当于")


@lru_cache(maxsize=512)
def _person_detail_asked(main: str, full: str, people: frozenset, names_a_person) -> str:
    """The detail of a person the question asks for ("任职于哪一所大学", "电邮"), when it asks of a person or a role of the
    record; "" otherwise. ``names_a_person`` is asked last, only when a detail is (the tagger behind it loads in about
    0.7 s: a first question that asks no such detail does not load it)."""
    d = _PERSON_DETAIL.search(main)
    if not d or not (_RECORD_ROLE.search(full) or any(p in full for p in people) or names_a_person()):
        return ""
    return d.group(0).lower()


# a question that asks how to reach someone: a contact field of the record may answer it
_CONTACT_ASKED = re.compile(r"地址|邮编|邮政编码|电话|网址|网站|传真|联系|在哪|哪里|哪儿|位于|地点|寄|打|找谁|调换|退换|换书|什么地方|哪个区|哪一区|哪个地方"
                            r"|\b(?:address|post ?code|zip|phone|telephone|number|web ?site|url|fax|contact|reach|where|whereabouts|district|located|write|call|ring|street)\b", re.I)


# a contact detail of a firm the record names without one (the printer, the distributor)
_FIRM_CONTACT = re.compile(r"(?:印刷厂|印刷公司|印厂|印刷单位|经销商|新华书店)(?:的)?(?:具体)?(?:地址|电话|邮编|网址|联系方式|在哪|位于)"
                           r"|\b(?:printer|printing (?:firm|company|house)|distributor)'?s? (?:address|phone|telephone|post ?code|website)\b", re.I)


# "Does the book say anything about X?", "书里有没有提到X？": every thing named must be in the passage
_ANYTHING_ABOUT = re.compile(r"\b(?:say|says|said|tell|tells)\s+anything\s+(?:about|on)\b|\banything\s+(?:about|on)\b|\bmentions?\b|\btalk(?:s)?\s+about\b"
                             r"|有没有(?:专门|单独|具体|特别|特意)?(?:提到|提及|讲到|说到|谈到|讲|说|写)|(?:提到|提及|讲到|说到|谈到)(?:过|了)?[^，,。？?]{0,12}(?:吗|没有|没)"
                             r"|(?:讲|提|说|谈|写)没(?:讲|提|说|谈|写)(?:到)?"  # "书里讲没讲软件业？", "前言提没提到中关村？"
                             r"|是否(?:讲到|提到|谈到|涉及|说到|写到|提及)"
                             # "前言有没有给出珠三角信息服务业增加值的数字？", "书里有没有介绍…"
                             r"|有没有(?:给出|列出|提供|介绍|交代)", re.I)
# the other books of a series, or another volume of a cited work
_OTHER_VOLUMES = re.compile(r"其他(?:的)?(?:分册|几本|书|卷|各本)|其余(?:的)?(?:分册|几本)|另外(?:几本|哪些书)|还出了哪些|一共出了几本|下一(?:本|册|卷)|第[二三四五六七八九十](?:卷|册|本)"
                            r"|\b(?:other|next|previous|remaining|second|third)\s+(?:volumes?|titles|books)\b|\bvolume\s+(?:two|three|2|3|ii|iii)\b", re.I)


# a sum of money asked ("资助了多少钱", "worth how much")
_MONEY_ASKED = re.compile(r"金额|多少钱|多少经费|经费(?:是|有|为)?多少|资助了?多少|拨款多少|\bworth\b|\bamount\b|\bhow many yuan\b|\bhow much money\b", re.I)
# a currency the report never prices in
_FOREIGN_CURRENCY = re.compile(r"美元|美金|欧元|英镑|日元|港币|港元|\b(?:US\s*dollars?|dollars?|USD|US\$|euros?|EUR|pounds?|GBP|yen|JPY|HKD)\b", re.I)


# words that only say "about" ("港口的情况"): not a thing the passage must name
# the words that ask whether (not what: "提到上海地铁里程了吗" names 上海 and 地铁里程)
_CUE_WORD = re.compile(r"(?:提到|提及|讲到|说到|谈到|写到|讲|说|写|提|谈|涉及|给出|列出|提供|介绍|交代|有没有|是否|过|了|吗|没有|没)+"
                       r"|mentions?|says?|said|tells?|anything|talks?|about|on", re.I)
_ABOUT_WORD = re.compile(r"情况|状况|内容|方面|事情|事|资料|相关|有关|话题|情形|讲到|提到|谈到|说到|涉及|写到|提及|变化|变动|走势|趋势|数据|数字|说法")


def _names_what_it_lacks(u: Unit, a: Asked, terms: Terms) -> bool:
    """Whether the question names a thing the unit does not (a Chinese word the report never uses is a thing it does not
    mention: 人工智能); words that only say "about" (情况) or ask whether (提没提到) are no such thing."""
    hay = (u.match_text + " " + u.context).lower()
    zh = qmod.language(a.main) == "zh"
    # (an unknown word only as the question writes it: not a segmenter's artefact such as 重重 out of 比重的变化)
    return any(not t.startswith("~") and (terms.known(t) or (zh and t in a.main and "的" not in t)) and not _BOOK_PART_TERM.search(t)
               and not _ABOUT_WORD.fullmatch(t.lstrip("=")) and not _CUE_WORD.fullmatch(t.lstrip("="))
               and not re.fullmatch(r"[两三]地|三省市|两市一省|三个?地方", t) and not has_term(t.lstrip("=").lower(), hay)
               and not _said_in_parts(t, hay, terms) for t in a.own_terms)


_INSIDE_LINE = re.compile(r"(第[一二三四五六七八九十]+[章节])(?:(?!第[一二三四五六七八九十]+[章节])[^，,。？?]){0,12}?(?:里|中|下面|底下|当中)[，,的]?\s*([^，,。？?]{2,}?)(?:在|从)?(?:哪一?页|第几页)")


def _only_in_setting(t: str, main: str) -> bool:
    """"…那段话列举了百度、腾讯、新浪这些企业，请问…一共聚集了多少家…？": a word of the clauses that set the question
    up, which the question proper does not use (where the asker saw it, not what is asked)."""
    told, proper = _setting_and_proper(main)
    return bool(told) and t in told and t not in proper


@lru_cache(maxsize=256)
def _setting_and_proper(main: str) -> tuple[str, str]:
    """(the clauses that set a Chinese question up, the question proper), lower-cased; read once per question, not for
    every passage and term scored."""
    told = qmod.preamble(main)[1] if qmod.language(main) == "zh" else ""
    return told.lower(), main[len(told):].lower()


def _said_in_parts(t: str, hay: str, terms: Terms) -> bool:
    """"北京地铁" of "北京市的地铁运营里程": a phrase of the question whose words the passage has, apart."""
    parts = [p for p in terms.parts(t) if p != t] if re.fullmatch(r"[\u4e00-\u9fff]{4,}", t) else []
    return len(parts) > 1 and all(has_term(p, hay) for p in parts)


def _names_an_unknown(a: Asked, terms: Terms) -> bool:
    """"前言里有没有讲到冬奥会？": the question names a thing in words the report never uses (no record field is it)."""
    return any(re.fullmatch(r"[\u4e00-\u9fff]{2,}", t) and not terms.known(t) and t in a.main and not _ABOUT_WORD.fullmatch(t)
               for t in a.own_terms)


@lru_cache(maxsize=256)
def _paraphrased_in(word: str) -> bool:
    """The everyday word is one the paraphrase table gives the report's word for ("参考书目" -> 参考文献)."""
    return any(p in word or word in p for p in paraphrased() if len(p) >= 2 and "…" not in p)


@lru_cache(maxsize=256)
def _unknown_parts(swapped: tuple, own: tuple, main: str, terms: Terms) -> tuple:
    """The swapped terms that are parts of a word of the follow-up the report never uses, read once per question."""
    return tuple(t for t in swapped for w in own if t != w and t in w and re.fullmatch(r"[\u4e00-\u9fff]{3,}", w)
                 and not terms.known(w) and w in main and not _paraphrased_in(w)
                 # (the follow-up's topic is that word alone: "那电子版呢？", not "列参考书目的那部分呢？", cut 参考书/目的)
                 and all(x in w for x in own if terms.known(x)))


def _swapped_in_unknown(a: Asked, terms: Terms, u: Unit) -> bool:
    """A follow-up's own topic is a word the report never uses, and the term it shares with the passage is, in the
    passage, only part of another word ("那电子版呢？": 电子, of 电子商务; not "那校对员呢？": 校对, of 责任校对：…)."""
    parts = _unknown_parts(tuple(a.swapped), tuple(a.own_terms), a.main, terms)
    # (a word that ends with the term is a kind of it: 责任校对 is a 校对; so is the term before a function word, as in
    # "收入过亿元"; 电子商务 is no 电子)
    if not parts:
        return False
    if any(w.endswith(t) for w in terms.segment(u.text) for t in parts):
        return False
    return not any(re.search(re.escape(t) + r"(?:[^\u4e00-\u9fff]|[过的为是达在和与及约超共已]|$)", u.text) for t in parts)


_EACH = re.compile(r"分别|各自|各是|各为|各负责|\beach\b|\brespectively\b", re.I)
# 个 is the measure word of any count: "开了多少个分支机构？" -> "1000多家分支机构"
_MEASURE_SAID = {"个": "(?:个|家|所|座|项|条|处)"}


def _asks_whether_mentioned(main: str) -> bool:
    """A yes/no question whether the report mentions or says anything about a thing ("Does the preface mention
    Zhongguancun?", "书里有没有提到北斗？"), not a question that asks what it mentions ("Which companies does it mention?")."""
    if not _ANYTHING_ABOUT.search(main):
        return False
    if qmod.language(main) == "zh":
        # (not "书里有没有说第二章是谁写的？", "有没有提到珠三角？是以哪些城市为代表的？": they ask what it says)
        return not re.search(r"谁|哪|什么|多少|几", main)
    return bool(re.match(r"\s*(?:does|do|did|is|are|was|were|has|have|can)\b", main, re.I))


_BOOK_PART_TERM = re.compile(r"前言|总序|序言|本书|书|报告|章|节|附录|preface|book|report|chapter|section", re.I)


@lru_cache(maxsize=8)
def _signed_parts(terms: Terms) -> frozenset:
    """The parts of the text the record signs and dates (总序, 前言), read once per index."""
    return frozenset(p for ps in terms.signed.values() for p in ps)


@lru_cache(maxsize=512)
def _names_a_writer(main: str, terms: Terms) -> bool:
    """A person the tagger finds in the question (a writer of a chapter, "朱云"), not a place. Read once per question
    (``_asked_for`` runs for every unit, and the tagger is slow)."""
    return any(n not in qmod.region_words() for n in terms.person_names(main))


# (not "哪两个字概括", nor persons: "编著的是哪两个人？" is answered by "郭 斌 陈 倩◎编著")
_ITEMS_ASKED_ZH = re.compile(r"(?:具体|分别)?(?:是|有|包括)?哪([两三四五六七八九十])(?:个|项|种|大|类|条)(?![字词人])")


def _items_in(text: str) -> int:
    """How many items a sentence names: its "、" list, its numbered points ("一是…二是…", "一、…；二、…"), its clauses
    after a colon; a sentence that introduces what follows ("…以下四点不足：") counts as naming them all."""
    if re.search(r"[：:]\s*$", text) or re.search(r"以下|如下|一是|其一|首先|第一[，,]", text):
        return 99  # (the points after "一是…" follow in sentences of their own)
    numbered = len(re.findall(r"(?:^|[：:；;。，,\s])(?:[一二三四五六七八九十](?:是|、)|其[一二三四五六七八九十]|第[一二三四五六七八九十][，,、])", text))
    after_colon = len(re.split(r"[；;]", text.split("：", 1)[1])) if "：" in text else 0
    pair = 2 if re.search(r"[\u4e00-\u9fff]{2,}(?:和|与|及|以及)[\u4e00-\u9fff]{2,}", text) else 0  # ("以广州市和深圳市为代表")
    return max(len(listed_items(text)), numbered, after_colon, pair)


def _items_asked(main: str) -> int:
    """How many items the question asks to be named ("具体是哪八个？", "这八大产业具体都是哪些？": 8); 0 when it names no number."""
    m = _ITEMS_ASKED_ZH.search(main) or re.search(r"(?:这|那)([两三四五六七八九十])(?:大|个|项|种)[^，,。？?]{0,6}?(?:具体)?(?:都|分别)?(?:是|有|包括)(?:哪些|什么)", main)
    if m is None and re.search(r"(?:分别|具体|都)(?:是|有|包括)?哪(?:几|些)(?:个|家|座|所|本|项|种)?|有哪几个|还出了哪(?:几|些)", main):
        return 2  # ("…覆盖的那11个地级市分别是哪几个？": names, more than one; a count of them names none)
    return intent.cn_value(m.group(1)) if m and m.group(1) != "两" else (2 if m else 0)


@lru_cache(maxsize=512)
def _ratio_reading(main: str, reading: str) -> tuple[bool, str]:
    """(whether the question asks a share or a rate, the whole it asks a share of: "GDP" of "占GDP的比重"), read once per
    question for the indicator rows it is held against."""
    asked = main if re.search(r"[\u4e00-\u9fff]", main) else reading
    ratio = bool(_RATIO_WORD.search(asked or "")) or bool(re.search(r"%|\b(?:share|percent|percentage|proportion|rate|times|ratio)\b", main, re.I))
    whole = _SHARE_OF.search(normalize(asked or ""))
    return ratio, whole.group(1).lower() if whole else ""
_GENERIC_FOCUS = frozenset({"充分", "完整", "全部", "具体", "全文", "原文"})


@lru_cache(maxsize=512)
def asks_the_footnote(question: str) -> bool:
    """"前言的脚注引用了哪本书？", "书页底下那个小注里引的是哪本书？": the report's footnote is asked about (not the asker's
    own: "写脚注要用")."""
    return bool(_REPORT_CITES.search(question) or _CITES_A_WORK_ZH.search(question)
                or (_THE_FOOTNOTE.search(question) and not _OWN_FOOTNOTE.search(question)))


# "这个观点引用的是哪篇文献？": the work the report cites, which only its footnote names
_CITES_A_WORK_ZH = re.compile(r"(?:引用|(?<![吸指导索牵])引)的(?:那本|那部|那篇)(?:书|文献|著作)|(?:引用|引自|援引|出自|(?<![吸指导索牵])引)(?:的|了)?(?:是)?(?:哪|什么)(?:一)?(?:篇|本|部|份)?(?:文献|书|著作|资料|研究)")


# the book itself, which the work a footnote cites is not ("这本报告是人民出版社出的吗？")
_THIS_BOOK = re.compile(r"(?:这|该|此|本)(?:本|部|份)?(?:书|报告)|\b(?:this|the)\s+(?:book|report|volume)\b", re.I)
INDICATOR_MATCH = 0.5  # share of the row's indicator (IDF-weighted) the question must name; swept on tune: 0.2-0.75
FIELD_MISSING = 0.7  # a unit without the record field asked for
TOC_PAGE_SUPPORT = 0.45  # coverage a contents line needs to answer a page question (dev sets: right >= 0.50, wrong <= 0.39)
RANK_PRIOR = 0.12  # the fused retriever's order is informative: hybrid hit@1 is well above chance
REFERENCE_SHARE = 0.5  # the sentence before, for a sentence opening with 其/它/这/该 (what it refers to)
PART_OF_PLACES = 0.35  # a passage with only some of the places that must be together
LATEST_YEAR_SHARE = 0.9  # a question naming no year: the latest of rows alike scoring this close to the best
SECTION_SHARE = 0.5  # a sentence's section heading is context: it counts half, as for rows

_CLAUSE_RE = re.compile(r"[^，,；;。！？!?]+")  # "电话：(010) 51915602" is one clause
# "2014年" dates, not amounts; nor "20世纪80年代末" (a century, a decade)
YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?:\s*[~～-]\s*(?:19|20)?\d\d)?\s*年|(?<!\d)\d{1,2}\s*世纪|(?<!\d)\d0\s*年代")
CN_COUNT = re.compile(r"[一二三四五六七八九十两百千万]+(?:个|章|节|家|条|项|类|种|大|方面|部分|名|位|批|所|座|点|市|省)|第[一二三四五六七八九十]+")
# "一种", "一类" used as an article ("作为一种典型的…服务业"): no count
_ARTICLE_ONE = re.compile(r"(?<![一二三四五六七八九十两百千万第])一(?:种|类)")
_SHARE_OF_ASKED = re.compile(r"占(?:了)?(?:多少|几成|多大|百分之几)(?![页个家章节人元字篇条项张位所部册行])(?!(?:的)?篇幅)")
_SHARE_GIVEN = re.compile(r"%|％|百分之|分之|一半|半数|过半|大半|[一二三四五六七八九]成(?![为立员果功就本])|percent|per cent", re.I)
_SHARE_ASKED = re.compile(r"比重|占比|比例|百分之|份额|\bshare\b|\bper ?cent", re.I)
DATE_RE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月")
_DAY_RE = re.compile(r"\d{1,2}\s*[日号]|[一二三四五六七八九十]+\s*日|\d{4}\s*[.\-/]\s*\d{1,2}\s*[.\-/]\s*\d{1,2}")  # a day, not a month
INTRO = re.compile(r"以下|如下|下列|[一二三四五六七八九十两几]+(点|个方面|方面|部分|大)")  # an introduction announcing a list ("以下四点不足：")
_ORG_SUFFIX = re.compile(r"(社|局|委|部|院|会|公司|大学|学院|中心|研究所|书店|集团|办公室)$")
_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,4}")  # a person's name; a bare one in a preface is its signature
_ROW_DATE = re.compile(r"(?:19|20)\d\d\s*[.\-/年]\s*\d{1,2}")  # 2016年3月, 2016.4
_REFERRING = re.compile(r"^\s*(?:其(?![中他它实余次])|它|这些|这种|这一|该|此(?!外)|上述)")
_DEFINES = re.compile(r"是指|指的是|定义为|所谓|的总称")
_CHAPTER_TITLE = re.compile(r"^第[一二三四五六七八九十\d]+章")
_SECTION_TITLE = re.compile(r"^第[一二三四五六七八九十\d]+节")
_BARE_TITLE = re.compile(r"^《[^》]+》[。.]?$")
_QUOTED_TERM = re.compile(r"“[^”]{1,6}”")
_ORDER_WORD = re.compile(r"排序|排列|顺序|次序|为序|排名")
# a place inside a region asked about: "北京哪几家电商领军企业" is answered of 中关村; "中科院北京分院在河北建了什么？" of
# 秦皇岛市 and 唐山市
_PLACES_IN = {"beijing": ("中关村",), "hebei": ("秦皇岛", "唐山", "石家庄", "廊坊", "保定", "燕郊", "涿州", "固安")}
_JJJ_WHOLE = ("京津冀", "三地", "两市一省")


def defines(text: str) -> bool:
    """The text says what a term is ("信息服务业是指…")."""
    return bool(_DEFINES.search(text))


OTHER_SECTION_SHARE = 0.75  # a passage outside the part of the text the question names ("总序里…")


def score_units(q: str, lang: str, hits: Sequence[Hit], terms: Terms,
                lead: Mapping[str, str] | None = None) -> tuple[list[Unit], Asked]:
    """The units of the hits, best first, each scored and with the reasons it may not answer."""
    a = read(q, lang, terms)
    units = split_units(hits, lead)
    a = _against_candidates(a, units, terms)
    for u in units:
        u.coverage = _coverage(u, a, terms)
        s = u.coverage
        s = _asked_for(u, a, terms, s)
        if a.excluded and (u.kind == "row" or _is_contents(u)) and any(terms.credit(t, _own_text(u)) >= 1 for t in a.excluded):
            # "…负总责的那位，不是约稿的那个": the record's 组稿编辑 row is the one it is not (a sentence
            # that names the excluded thing with others may still answer: "Besides driving other
            # industries, what environmental upside…")
            s *= 0.3
            u.reasons.append("the question excludes it")
        s = _when_and_where(u, a, s)
        s = _figures(u, a, terms, s)
        s = _contents(u, a, terms, s)
        s = _answer_kind(u, a, terms, s)
        if a.besides and u.kind == "sentence" and (items := [re.sub(r"等.*$", "", i) for i in listed_items(u.text)]) and all(
                any(b in i or i in b for b in a.besides) for i in items):
            # "除了航天航空和高端装备制造，另外六个是哪些？": "航天航空、高端装备制造等八大优势产业" lists only those
            s *= 0.3
            u.reasons.append("the question excludes it")
        elif a.besides and (u.kind == "row" or _is_contents(u) or not re.search(r"[、；;]|一是|其一|首先", u.text)) and any(
                _bare(b) in _bare(_own_text(u)) for b in a.besides) and not _names_another(u, a, terms):
            # "除了51915602那个，另一个号码是多少？": the line the asker has already is not the other one
            s *= 0.3
            u.reasons.append("the question excludes it")
        # (a record row answers about the book whatever part of the text the question names, unless the record has rows of
        # that part's own, its signer and date: "参考文献里这本书的出版年" is the record's)
        if a.top_section and not _is_contents(u) and not ((u.hit.chunk.meta or {}).get("table") == "publication" and (
                a.top_section in row_field(u, "label") + str((u.hit.chunk.meta or {}).get("field") or "") or a.top_section not in _signed_parts(terms))) \
                and not str((u.hit.chunk.section_path or ("",))[0]).startswith(a.top_section):
            # (a record row counts as the part it is about: "前言署名", "signed_by:总序"; not the funding note, which
            # "Does the preface mention Zhongguancun?" does not ask about)
            # "我在写…简报，总序里给“信息服务业”下的定义，原话怎么说的？": the definition in chapter 1 is
            # another passage than the one asked, however many of the question's words it shares
            s *= OTHER_SECTION_SHARE
            u.reasons.append("outside the part of the text named")
            if a.top_section in ("附录", "大事记", "参考文献"):
                # "附录里具体收录了哪些文件？": what the back matter holds is in it, or nowhere
                u.reasons.append("not in the chapter or section asked")
        if (any("脚注" in t for t in a.qterms) or re.search(r"注脚|小注|页下注|注①", a.main) or _CITES_A_WORK_ZH.search(a.main)) \
                and asks_the_footnote(a.main):
            # "前言的脚注引用了哪本书？", "Which book does the footnote cite?": the footnote is the passage asked
            if (u.hit.chunk.meta or {}).get("footnote"):
                s += 0.3
            else:
                s *= OTHER_SECTION_SHARE
                u.reasons.append("not the footnote asked")
        elif (u.hit.chunk.meta or {}).get("footnote") and (_THIS_BOOK.search(a.main) or not any(
                len(w) >= 3 and w in u.match_text and terms.df.get(w, 0) == 1
                for t in a.qterms if not t.startswith("~") for w in t.removeprefix(GROUP).split(ALT))):
            # "Who published the 2014 edition of this report?": the work a footnote cites (天津人民出版社, 2014) answers
            # only a question about the footnote, or one naming what only it names (邢元敏, 双城记)
            s *= 0.3
            u.reasons.append("a footnote not asked about")
        if a.contents_first and _is_contents(u):
            s += 0.15
        elif _is_contents(u) and not a.structure_q:
            s *= 0.3
            u.reasons.append("table of contents row for a question not about the book's structure")
        s += RANK_PRIOR / u.hit.rank if u.hit.rank else 0.0
        u.score = s
    if a.numeric:
        # "2012年三地人均医疗卫生支出分别是多少？": a sentence whose indicators are each a sibling of the one
        # asked (人均公共教育支出) gives none of its figures
        # (and whose other indicators are not asked either: "人均公共教育支出相对河北省的倍数")
        rows: dict[str, list[Unit]] = {}
        for u in units:
            if u.kind == "row" and (u.hit.chunk.meta or {}).get("table") == "indicators":
                rows.setdefault(u.text, []).append(u)
        for u in units:
            rs = rows.get(u.text, [])
            if u.kind == "sentence" and rs and all("indicator not asked" in r.reasons for r in rs) and any(
                    _sibling_indicator(row_field(r, "indicator"), a.main, a.reading) for r in rs):
                u.score *= 0.5
                u.reasons.append("indicator not asked")
    units.sort(key=lambda u: -u.score)
    top = next((u for u in units if not set(u.reasons) & HARD_FAILURES), None)
    if a.numeric and not a.years and top is not None and top.kind == "row":
        # "软信业占三产比重" names no year: of the rows one sentence gives for its indicator and
        # region, year by year, the latest answers (the retriever's order between them is chance)
        def key(u: Unit) -> tuple:
            m = u.hit.chunk.meta or {}
            return (u.hit.chunk.quote, m.get("indicator"), m.get("region"))

        def year(u: Unit) -> int:
            y = re.match(r"(?:19|20)\d\d", str((u.hit.chunk.meta or {}).get("year", "")))
            return int(y.group(0)) if y else 0

        alike = [u for u in units if u.kind == "row" and key(u) == key(top) and year(u)
                 and not (set(u.reasons) & HARD_FAILURES) and u.score >= LATEST_YEAR_SHARE * top.score]
        if year(top) and alike and (latest := max(alike, key=year)) is not top:
            units.remove(latest)
            units.insert(units.index(top), latest)
    return units, a


def _against_candidates(a: Asked, units: list[Unit], terms: Terms) -> Asked:
    """The parts of the reading that depend on the candidate passages."""
    # the region a sentence's figures belong to, from the indicator rows read off it
    # (only when they all belong to one region: "北京市、天津市、河北省…分别为…" answers for 京津冀)
    # and only for a figure of the indicator asked, not one measured against the place asked about
    # ("地铁运营里程相当于东京的比例": "这相当于东京的百分之多少？" is answered by Beijing's 28%)
    owners: dict[str, set[str]] = {}
    for u in units:
        ind = normalize(row_field(u, "indicator")).lower()
        if u.kind == "row" and (r := row_field(u, "region")) and any(
                t in a.ind_words for t in terms.tokenize(ind) if len(t) >= 2) and not any(
                z.lower() in ind for g in a.regions for z in surfaces(g)):
            owners.setdefault(u.text, set()).add(r.lower())
    # the thing asked for is a field some candidate row is labelled with ("telephone" -> 电话)
    labels = [normalize(row_field(u, "label")).lower() for u in units if u.kind == "row" and row_field(u, "label")]
    field_focus = [t for t in a.focus if not t.startswith("~") and not a.how_many
                   and any(terms.credit(t, lab) == 1.0 for lab in labels)] if not a.book_author else []
    must_all = a.must_all
    if not must_all and len(a.named) > 1 and a.ind_terms and not a.all_three:
        # side by side, each region may have its own passage -- but a region no passage speaks of
        # together with what is asked ("How does Beijing's subway compare with Shanghai's?": the
        # report names Shanghai only in its history of growth poles) leaves the comparison unanswered
        def spoken_of(slot) -> bool:
            return any(any(z.lower() in u.match_text for z in slot.zh) and any(terms.credit(t, u.match_text) > 0 for t in a.ind_terms)
                       for u in units)
        if not all(spoken_of(m.slot) for m in a.named):
            must_all = list(dict.fromkeys(m.slot for m in a.named))
    return dataclasses.replace(a, must_all=must_all, field_focus=field_focus,
                               row_regions={t: next(iter(rs)) for t, rs in owners.items() if len(rs) == 1})


def _own_text(u: Unit) -> str:
    """The unit's words without the note a record row carries (the 读者服务部 sentence of the phone row
    names no department the phone number is)."""
    note = row_field(u, "note") if u.kind == "row" else ""
    return u.match_text.replace(normalize(note).lower(), " ") if note else u.match_text


def _coverage(u: Unit, a: Asked, terms: Terms) -> float:
    qterms, total = a.qterms, a.total

    def credit(t: str, text: str) -> float:
        if a.asked_type and t in intent.TYPE_WORDS and any(z in _own_text(u) for z in a.asked_type):
            return 1.0  # "找出版社哪个部门": the 读者服务部 it names is a 部门
        return terms.credit(t, text)

    def cover(own: str, share: float) -> float:
        """Share of the question's weight in the unit's own text; its context counts ``share``."""
        return sum(w * max(credit(t, own), share * credit(t, u.match_text))
                   for t, w in qterms.items()) / total if qterms else 0.0

    if is_toc_row(u):
        # a contents line is its title; the chapter/section path above it is context and
        # counts half ("the Tianjin policy section" is 第三节 天津市政策, not a line under it)
        return cover(normalize(str(u.hit.chunk.meta.get("title") or "")).lower(), 0.5)
    if u.kind == "row":
        # a row is its own text and fields; the section it sits in is context and counts half
        # (every row under "编委会成员 (以姓氏拼音排序)" must not look like it states the order)
        # -- but for "who"/list questions the rows under "编委会成员" are the members asked for
        return cover(u.match_text[len(section_of(u)) + 1 :], 1.0 if (a.who_q or a.list_q or a.role_q) else 0.5)
    coverage = cover(u.match_text[len(section_of(u)) + 1 :], SECTION_SHARE)
    if u.context and _REFERRING.match(u.text):
        # "其主要包括信息传输服务业、…": 其 is the 信息服务业 of the sentence before, which
        # counts as the sentence's own words, a little less
        coverage = max(coverage, sum(w * max(terms.credit(t, u.match_text), REFERENCE_SHARE * terms.credit(t, u.context))
                                     for t, w in qterms.items()) / total if qterms else 0.0)
    return coverage


@lru_cache(maxsize=1024)
def _to_define(main: str, defined: tuple) -> tuple[list, list]:
    """What a definition question asks to define, read once per question (not for every passage scored): (its whole
    words, not their parts -- "大数据互联服务", not the 服务 of 信息服务业 -- nor the part of the book it names, 总序 or
    "第一章“整体情况”那一节"; the terms it quotes to be defined -- "怎么定义“大数据互联服务”的", "“互联网+”是什么意思",
    not a section's title)."""
    whole = [t for t in defined if not _DEFINES.fullmatch(t) and t not in ("总序", "前言") and not re.fullmatch(r"第.{1,3}[章节]", t)
             and not any(t != o and t in o for o in defined)]
    quoted = re.findall(r"[“\"]([^”\"]{2,20})[”\"](?=\s*(?:是什么意思|是啥意思|指的是|是指|指什么|的定义|的含义|是什么|的?意思|中))", main) \
        + re.findall(r"(?:定义|解释|界定|所谓)[“\"]([^”\"]{2,20})[”\"]", main)
    return whole, [x for x in quoted if not x.endswith(("报告", "丛书"))]


def _bare(text: str) -> str:
    """The text without spaces and the marks between a label and its value ("责任编辑：许 兵" -> 责任编辑许兵)."""
    return re.sub(r"[\s：:、，,·◎]+", "", text)


def _names_another(u: Unit, a: Asked, terms: Terms) -> bool:
    """Beside the items a "除了X，还有谁" question knows already, the unit names another person, or another number
    ("郭 斌 陈 倩◎编著" besides 陈倩)."""
    rest = _bare(_own_text(u))
    for b in a.besides:
        rest = rest.replace(_bare(b), " ")
    return any(p in rest for p in terms.people) or bool(re.search(r"\d{4,}", rest))


def _counted(u: Unit, a: Asked) -> bool:
    """"编委会一共有几位成员？": the names a record row lists are counted."""
    # ("第三章河北那一节一共列了多少个开发区？": a contents line counts the lines under it)
    # ("河北省打造的新型产业集群举了几个例子？": the names a sentence lists)
    return a.count_q and (len(countable(u)) >= 2 or (a.structure_q and is_toc_row(u)) or (
        u.kind == "sentence" and len(names := named_items(u.text, a.main)) >= 2 and counts_the_named(a.main, u.text, names)))


@lru_cache(maxsize=256)
def _why_claim_terms(main: str, terms: Terms) -> tuple[str, ...]:
    """The report's words of the claim a Chinese why-question asks the reason for, when a premise of the asker's comes
    before it ("…明明超过…，为什么还说它…相对落后？"); () otherwise."""
    m = re.search(r"[，,；;。](?:[^，,；;。？?]{0,8}?)为什么(?:还|又|却|会|要|偏偏)?(?:说|认为|讲|判断|称|觉得)?([^？?]{4,})", main)
    if not m or not intent.why(main):
        return ()
    return tuple(t for t in terms.analyse(m.group(1), "zh")[0] if not t.startswith("~") and len(t) >= 2 and terms.known(t))


# a way to reach someone other than by post, phone or the web site
_NO_SUCH_CHANNEL = re.compile(r"e-?mail|电子邮箱|电子邮件|邮箱|电邮|传真|\bfax\b|微信|wechat|微博|weibo|QQ号?", re.I)
# an edition of the book other than the printed one the record describes
_OTHER_EDITION = re.compile(r"电子版|电子书|数字版|网络版|kindle|e-?books?|english (?:edition|version|translation)|electronic (?:edition|version|copy)|digital (?:edition|version|copy)|pdf (?:version|edition|copy)|PDF版", re.I)


# a rank among all the country's or the world's places, which no listed figure gives
_RANK_BEYOND = re.compile(r"(?:全国|全球|世界|国际|国内|各省|所有|亚洲|一线城市|其他城市|各大城市|全世界|同类城市|兄弟省市)[^，,。？?]{0,12}?"
                          r"(?:排(?:在)?(?:第|老)几|排名(?:第几|如何|怎样|多少)?|第几名|位居第几|位列第几)"
                          r"|\brank(?:s|ed|ing)?\b[^?]{0,30}\b(?:nationally|nationwide|in china|in the world|globally|worldwide|among all)\b", re.I)
_RANK_SAID = re.compile(r"排名|排第|排在|位居|位列|引领|居[^，,。；]{0,6}(?:首|前|第)|第[一二三四五六七八九十\d]+(?:位|名|极)|领先|之首|前列|最高|最大|最多")


def _asked_for(u: Unit, a: Asked, terms: Terms, s: float) -> float:
    """What the question asks for, and of whom, must be in the unit."""
    if (u.hit.chunk.meta or {}).get("field") == "subject_headings" and not re.search(
            r"主题词|(?:CIP|在版编目)[^？?。]{0,24}主题|subject\s+(?:heading|term)s?|\b650\b", a.full, re.I):
        # the catalogue's subject headings answer a question that asks for them by name, not one about a theme
        # ("总序的主题是什么？", "one of the book's themes")
        s *= 0.3
        u.reasons.append("another field of the record")
    if (u.hit.chunk.meta or {}).get("table") == "publication" and re.search(r"地址|邮编|电话|网址|传真", row_field(u, "label")) \
            and not _CONTACT_ASKED.search(a.full):
        # "Which publishing house in Beijing brought out this book?": the press's address names the press and the place,
        # but what is asked is the press, not where to write to it
        s *= 0.5
        u.reasons.append("another field of the record")
    if (u.hit.chunk.meta or {}).get("table") == "publication" and u.kind == "row" and re.search(r"出版者|出版发行|出版社$", row_field(u, "label")) \
            and re.search(r"地址|邮编|邮政编码|电话|网址|在哪|哪里|哪儿|位于|什么地方", a.main) \
            and not re.search(r"哪家|哪个出版社|谁|什么出版社|出版者|\bwhich\b|\bwho\b", a.main, re.I):
        # "经济管理出版社，出版发行那栏写的地址，邮编多少": the press named asks its address, not its name
        s *= 0.6
        u.reasons.append("another field of the record")
    if _FIRM_CONTACT.search(a.main) and ((u.hit.chunk.meta or {}).get("table") == "publication" or str(
            (u.hit.chunk.section_path or ("",))[0]).startswith("图书在版编目")):
        # "这家印刷厂的地址在哪？": the record gives the printer's name only; the addresses are the press's
        s *= 0.3
        u.reasons.append("another field of the record")
    if (detail := _person_detail_asked(a.main, a.full, terms.people, lambda: bool(a.people) or _names_a_writer(a.main, terms))) \
            and detail not in u.text.lower():
        # "总主编王成慧任职于哪一所大学？", "责任编辑的联络电邮地址为何？": the record names the person, not that
        s *= 0.3
        u.reasons.append("a detail of the person the record lacks")
    if _asks_whether_mentioned(a.main) and not (a.ctx and qmod.refers_back(a.main)) and (
            (u.hit.chunk.meta or {}).get("table") != "publication" or _names_an_unknown(a, terms)) and _names_what_it_lacks(u, a, terms):
        # "Does the book say anything about Shanghai's metro?": a passage about Shanghai says nothing of its metro
        s *= 0.4
        u.reasons.append("asked-for thing missing")
    if (claim := _why_claim_terms(a.main, terms)) and sum(terms.credit(t, u.match_text) > 0 for t in claim) * 2 < len(claim):
        # "京津冀综合优势明明超过长三角和珠三角，前言为什么还说它协同发展绩效相对落后？": the reason is asked for what is
        # said after 为什么, not for the premise the asker grants before it
        s *= 0.7
    if _NO_SUCH_CHANNEL.search(a.main) and not _NO_SUCH_CHANNEL.search(u.text):
        # "Is there an email address for the publisher in the book?": the record gives addresses and phones, no e-mail
        s *= 0.3
        u.reasons.append("asked-for thing missing")
    if (other := _OTHER_EDITION.search(re.split(r"[。！!；;，,？?]|\.\s", a.main.strip().rstrip("？?。"))[-1])) \
            and other.group(0).lower() not in u.text.lower():
        # (only in the question proper: "…电子版没有书签不方便跳转，请问这两部分在书中分别位于第几页？" asks the printed pages)
        # "What is the price of the e-book edition?", "电子书的ISBN是多少？": the record is the printed book's
        s *= 0.3
        u.reasons.append("asked-for thing missing")
    if _RANK_BEYOND.search(a.main) and not _RANK_SAID.search(u.text):
        # "北京地铁运营里程在全球城市中排第几？": a rank among more than the places a passage lists; a figure is no rank
        s *= 0.3
        u.reasons.append("asked-for thing missing")
    if _OTHER_VOLUMES.search(a.main) and not re.search(r"分册|第[二三四五六七八九十]卷|（[二三四五六七八九十]）|\bvolumes?\b", u.text, re.I):
        # "这套丛书还出了哪些其他分册？", "What is the title of the next volume in the series?": the record names the series,
        # not its other books
        s *= 0.3
        u.reasons.append("asked-for thing missing")
    if ((u.hit.chunk.meta or {}).get("field") == "price" or re.match(r"\s*定\s*价\s*[：:]", u.text)) and re.search(
            r"资助|经费|资金|金额|拨款|\b(?:grant|funding|funded)\b", a.full, re.I) and not re.search(
            r"定价|售价|书价|价格|\bprice\b", re.split(r"[。！!；;]", a.full.strip().rstrip("？?"))[-1], re.I):
        # (unless the question proper asks the price: "…用学院的经费采购…。本书定价是多少钱？")
        # "四个基金项目里哪个资助金额最高？具体多少钱？": 多少钱 asks a grant's amount, not the book's price
        s *= 0.3
        u.reasons.append("another field of the record")
    if a.numeric and _MONEY_ASKED.search(a.full) and ((u.hit.chunk.meta or {}).get("table") == "funding"
                                                    or re.search(r"项目“[^”]+”\s*[（(][A-Z\d]+[)）]", u.text)):
        # "The Beijing Natural Science Foundation grant was worth how much?": a project's line gives its number, no sum
        s *= 0.3
        u.reasons.append("no number of the asked unit")
    if _FOREIGN_CURRENCY.search(a.full) and not _FOREIGN_CURRENCY.search(u.text):
        # "How much money the book in US dollar?": the record gives the price in yuan only
        s *= 0.3
        u.reasons.append("no number of the asked unit")
    if (n := _items_asked(a.main)) and not a.besides and (u.kind == "sentence" or (u.hit.chunk.meta or {}).get("table") == "indicators") \
            and _items_in(u.text) < n:
        # "天津的“八大优势产业”具体是哪八个？": "航天航空、高端装备制造等八大优势产业" names two of them
        s *= 0.3
        u.reasons.append("fewer items than asked")
    if (u.hit.chunk.meta or {}).get("footnote") and asks_the_footnote(a.main) and a.focus and all(
            t.startswith("~") or t.lstrip("=") in _GENERIC_FOCUS or "脚注" in t for t in a.focus):
        # ("What is the full citation in the footnote?": the footnote is what is asked for, whatever word the asker
        # has for it; not "脚注里的书有英文书名吗？", which asks for something it may not hold)
        return s
    if a.how_many and not a.unknown_focus and not _counted(u, a) and not any(terms.credit(t, u.match_text) > 0 for t in a.focus):
        # "How many *people* work in …": evidence must name what is counted
        s *= 0.5
        u.reasons.append("asked-for thing missing")
    if a.topic and not any(terms.credit(t, u.match_text) > 0 for t in a.topic):
        # "Which *university* are the editorial board members affiliated with?": a passage that
        # shares only the kind of thing asked for (高校) says nothing about what it is asked of
        s *= 0.5
        u.reasons.append("only the asked-for word matches")
    if a.people and not a.date_q and not (any if len(a.people) > 1 and _EACH.search(a.main) else all)(
            p in u.match_text.replace(" ", "") or section_of(u) in terms.signed.get(p, ()) for p in a.people):
        # ("许兵和王光艳分别是什么角色？": each person's own line answers for them)
        # (a date line does not repeat the name: "When did 王成慧 sign it?"; nor does the text of the
        # section a person signs: "他在总序里说，…达到了多少？")
        s *= 0.3
        u.reasons.append("person missing")
    elif a.asked_type and not any(z in _own_text(u) for z in a.asked_type):
        s *= 0.5
        u.reasons.append("asked-for thing missing")
    if a.counted and a.counted not in squash_ws(u.text) and not any(a.counted in str(x) for x in (u.hit.chunk.section_path or ())):
        # "前言里说京津冀信息服务业有几个不足？": a passage that counts something else ("从政策、市场两方面入手")
        s *= 0.5
        u.reasons.append("not what is counted")
    if a.field_focus and not any(terms.credit(t, u.match_text) > 0 for t in a.field_focus):
        # "What *telephone number* … for the publisher?": a field the record labels; the publisher
        # row shares a word, the phone row is the field asked for
        s *= FIELD_MISSING
        u.reasons.append("not the field asked for")
        if u.kind == "row" and (u.hit.chunk.meta or {}).get("table") == "publication":
            # "经济管理出版社的邮编是多少？": the record row of another field (出版者) holds no postcode,
            # however well the name matches; a row labelled with the field asked for is the answer
            s *= 0.6
            if squash_ws(normalize(row_field(u, "label"))).lower() not in squash_ws(a.main).lower():
                # (unless the question names the row's field too: "编委会成员当中，哪几位不是这本报告的编著者？")
                u.reasons.append("another field of the record")
        elif u.kind == "sentence" and (line := re.match(r"\s*([^：:，,。]{2,8})\s*[：:]", u.text)) \
                and str((u.hit.chunk.section_path or ("",))[0]).startswith("图书在版编目") \
                and squash_ws(normalize(line.group(1))).lower() not in squash_ws(a.main).lower() \
                and (story := qmod.preamble(a.main)[1]) and any(w in story for w in re.findall(r"(?=([\u4e00-\u9fff]{2}))", squash_ws(line.group(1)))):
            # ("想找出版社问一下发行的事，书上印了出版社电话吗？": the imprint's 出版发行 line, read as a sentence, is another
            # field than the phone asked, though the story before the question names 发行)
            s *= 0.6
    if a.unknown_subject or (a.subject and not terms.credit_any(a.subject, u.match_text)):
        # "总序是谁写的？", "Who wrote the preface?": the passage must be about the 总序
        s *= 0.5
        u.reasons.append("asked-for thing missing")
    if a.role and not any(terms.credit(t, u.match_text) > 0 for t in a.role) and not (
            (u.hit.chunk.meta or {}).get("footnote") and all(r in {"作者", "编者", "著者", "author", "authors"} or "撰写" in r or "编著" in r for r in a.role)):
        # (a reference names its authors without the word: "前言脚注里有没有引用别人的书？作者是谁？")
        # "Who *designed* the cover?": the passage must say who did that, not name someone
        s *= 0.5
        u.reasons.append("asked-for thing missing")
    if a.block and not any(terms.credit(t, u.match_text) > 0 for t in a.block):
        # "序里讲影视这块，北京聚了哪些公司？": a passage that names companies of another field
        s *= 0.5
    if a.unknown_focus or a.unknown_asked:
        # "How many *employees* …": the report has no word for what is asked for, so no passage
        # can answer, however much else it shares with the question ("Zhongguancun")
        s *= 0.5
        u.reasons.append("asked-for thing missing")
    if a.swapped and (not any(terms.credit(t, u.match_text) >= 0.5 for t in a.swapped) or _swapped_in_unknown(a, terms, u)):
        # ("这本书多少钱？" then "那电子版呢？": 电子 is only part of the word asked, which the report never uses)
        # (a part of the topic is not the topic: "cip" of the record's heading is no CIP number)
        s *= 0.3
        u.reasons.append("the follow-up's own topic missing")
    return s


_FROM_YEAR_BEFORE = re.compile(r"比(?:上一年|上年|前一年|去年)|较(?:上年|上一年|去年|前一年)|同比|\bthan (?:in )?(?:the )?(?:previous|prior|preceding) year\b"
                               r"|\b(?:year[- ]on[- ]year|from the (?:previous|prior|preceding) year|over the (?:previous|prior|preceding) year)\b", re.I)
_NATIONAL_IN = re.compile(r"全国|中国|我国|national|nationwide|China", re.I)


def _when_and_where(u: Unit, a: Asked, s: float) -> float:
    """The asked years, regions and organisations must be the unit's."""
    if a.years and not has_years(u, a.years):
        s *= 0.2
        u.reasons.append("year missing")
    elif len(a.years) == 1 and a.numeric and _FROM_YEAR_BEFORE.search(a.main) and not has_years(u, [str(int(a.years[0]) - 1)]):
        # "天津2013年的R&D投入强度比上一年提高了多少？": a change from the year before needs that year's figure too
        s *= 0.2
        u.reasons.append("year missing")
    if a.national and a.numeric and not _NATIONAL_IN.search(u.text):
        # "2012年全国人均公共教育支出是多少？": the three places' figures are not the country's
        s *= 0.35
        u.reasons.append("region missing")
    if a.regions:
        region_text = row_field(u, "region").lower() if u.kind == "row" else ""
        if a.numeric and not region_text and not any(any(z.lower() in a.row_regions.get(u.text, "") for z in surfaces(r))
                                                     for r in a.all_named) and not _ratio_base(a.main, a.regions):
            # "东京地铁总里程多少公里？": the figure of "北京市的地铁运营里程为465公里，仅相当于东京的28%"
            # is Beijing's, as the sentence's indicator rows say, though the sentence names Tokyo
            # (unless Beijing is named too: "这相当于东京的百分之多少？（接上问：北京市的…）")
            region_text = a.row_regions.get(u.text, "")
        # a sentence may name its region one or two sentences earlier ("中关村…。如在电子商务领域，…")
        names_region = any(z.lower() in u.match_text for z in qmod.region_words())
        hay = region_text or (u.match_text if names_region else u.match_text + " " + u.context)
        if not any(any(z.lower() in hay for z in surfaces(r) + _PLACES_IN.get(r.id, ())) for r in a.regions) and not (
                a.all_three and any(z in hay for z in _JJJ_WHOLE)) and not (
                any(r.id == qmod.WHOLE_REGION for r in a.regions) and qmod.names_the_three(u.text if u.kind == "row" else hay)):
            # (京津冀 asked: "北京市、天津市、河北省…分别为…" names the three; so does each place's row of it)
            s *= 0.35
            u.reasons.append("region missing")
        elif u.kind == "row" and region_text and len({r.id for r in a.regions}) > 1 and not all(
                any(z.lower() in region_text + row_field(u, "indicator").lower() for z in surfaces(r)) for r in a.regions):
            # "2013年京、津、冀三地分别是多少？": one place's row answers for one of them only (not a row whose
            # indicator names the other place: "相当于东京的比例")
            s *= 0.8
        elif u.kind == "row" and region_text:
            s += 0.08
        elif (a.all_three or any(r.id == qmod.WHOLE_REGION for r in a.regions)) and qmod.names_the_three(u.text):
            # "… among Beijing, Tianjin and Hebei": a sentence about the three, by name -- the more
            # so when each is asked about ("三地各自扮演什么角色")
            s += 0.2 if re.search(r"各自|各扮演|三地各|each|respective", a.main, re.I) else 0.1
        if u.kind != "row" and _AS_A_WHOLE.search(a.main) and all(r.id == qmod.WHOLE_REGION for r in a.regions) and len(
                [r for r in qmod.region_slots() if r.id in qmod.THE_THREE_IDS and any(z in u.text for z in r.zh)]) == 1:
            # "国家层面的规划对京津冀整体是怎么定位的？": a sentence about one of the three places ("北京市…新的核心功能定位")
            # is not about the region as a whole
            s *= 0.85
            u.reasons.append("one of the three, the whole asked")
        if is_toc_row(u) and "region missing" not in u.reasons and not any(
                z.lower() in u.text.lower() for r in a.regions for z in surfaces(r)):
            # "讲河北那些高新区的内容在书里第几页？": the line that names 河北 itself, before a line under it
            # that names one of its places ("七、唐山高新区")
            s *= 0.95
    if a.orgs and "region missing" not in u.reasons:
        # "the National Natural Science Foundation grant": a passage about the Beijing fund is no answer
        hay = " ".join((u.match_text, u.context))
        if not all(any(z.lower() in hay for z in surfaces(o)) for o in a.orgs):
            s *= 0.35
            u.reasons.append("organisation missing")
    if len(a.must_all) > 1 and "region missing" not in u.reasons:
        hay = " ".join((row_field(u, "region").lower(), u.match_text, u.context))
        u.places = tuple(e.id for e in a.must_all if any(z.lower() in hay for z in surfaces(e)))
        if len(u.places) < len(a.must_all):
            s *= PART_OF_PLACES
            u.reasons.append("only some of the places asked" if u.places else "region missing")
    return s


def _ratio_base(main: str, regions) -> bool:
    """Every place asked is what a ratio is taken of: "地铁是东京几成", "what percentage of Tokyo's is it" -- the
    sentence that names the place as its base answers ("北京市的地铁运营里程…仅相当于东京的28%"), though the figure is
    another place's."""
    def base(z: str) -> bool:
        z = re.escape(z)
        return bool(re.search(rf"(?:是|相当于|占|为|比|与)了?{z}的?(?:几成|百分之[几多]|多少|几分之|比例|比重|几倍|多少倍|的?比)"
                              # "相当于东京28%的那个城市", "跟日本东京比是个什么水平": the place is the base given or compared with
                              rf"|(?:相当于|只有|仅为|仅相当于|是|占)了?{z}的?\s*(?:\d+(?:\.\d+)?\s*%|百分之[一二三四五六七八九十]+)"
                              rf"|(?:跟|和|与|同)(?:日本)?{z}(?:相?比|比较|对比)"
                              rf"|(?:percent(?:age)?|share|fraction|proportion|ratio|per ?cent) of {z}|(?:relative|compared) (?:to|with) {z}",
                              main, re.I))
    return bool(regions) and all(any(base(z) for z in surfaces(r)) for r in regions)


_AS_A_WHOLE = re.compile(r"整体|总体上|整个(?:京津冀|区域|地区)|作为一个整体|\bas a whole\b", re.I)


def _field_row(u: Unit, a: Asked) -> bool:
    """The record row labelled with the field a follow-up asks for ("那网址呢？" after "出版社的电话是多少？": the
    number was asked of the phone, the follow-up asks the web address)."""
    label = squash_ws(normalize(row_field(u, "label"))) if u.kind == "row" else ""
    return bool(a.ctx and len(label) >= 2 and (u.hit.chunk.meta or {}).get("table") == "publication" and label in squash_ws(a.main)
                # (not when the follow-up asks a number itself: "那是第几次印刷的？" is no question about the printer)
                and not re.search(r"第几|多少|几[次个位年月号]|\bhow (?:many|much)\b|\bwhat number\b", a.main, re.I))


def _figures(u: Unit, a: Asked, terms: Terms, s: float) -> float:
    """A numeric question needs a number by the asked indicator; a row is judged by its key."""
    if a.numeric and not _counted(u, a) and not _field_row(u, a):
        # (a classification code is no figure: "F719.9")
        if not ([n for n in NUM_RE.findall(YEAR_RE.sub(" ", re.sub(r"(?<![A-Za-z])[A-Z]\d{1,4}\.\d+\b", " ", u.text))) if n not in a.qnums]
                or (CN_COUNT.search(u.text if a.count_q else _ARTICLE_ONE.sub("", u.text)) and not (
                    _SHARE_ASKED.search(a.main) and not a.qnums))):
            # (a count in words is no share asked: "占多大比重？" is not answered by "…的一个新兴行业"; a share given,
            # "哪个地方第二产业占比是50.6%？", is looked up by what else the passage says)
            s *= 0.4
            u.reasons.append("no number")
        elif u.kind == "sentence" and not number_near_terms(u.text, a.ind_terms):
            s *= 0.6
            u.reasons.append("no number next to the asked indicator")
        if u.kind == "row":
            s += 0.06
    if a.numeric and not _SHARE_GIVEN.search(a.main) and (_SHARE_ASKED.search(last := re.split(r"[。；;！!，,]", a.main.strip().rstrip("？?。"))[-1])
                                      or _SHARE_OF_ASKED.search(last)) and not _SHARE_GIVEN.search(u.text) \
            and "no number" not in u.reasons:
        # "这277家里外资企业占多大比例？": a share asked is not answered by a count
        s *= 0.4
        u.reasons.append("no number")
    if a.numeric and u.kind == "sentence" and _other_nth(u.text, a):
        s *= 0.4
        u.reasons.append("indicator not asked")
    if a.numeric and not _counted(u, a) and terms.title.zh and any(t in squash_ws(u.text) for t in terms.title.zh) and a.ind_words and not any(
            terms.credit(w, u.match_text) > 0 for w in a.ind_words if w not in terms.title.zh[0] and not w.isdigit()):
        # "2015年京津冀三地信息服务业营业收入总额是多少？": the book's title (2015) holds no figure of the indicator asked
        s *= 0.4
        u.reasons.append("indicator not asked")
    if a.numeric and "人均" in a.ind_words and "人均" not in u.text and not _counted(u, a):
        # "北京人均GDP是多少？": a figure per head is not the total's share ("占全市GDP的比重…")
        s *= 0.5
        u.reasons.append("indicator not asked")
    if a.numeric and (spans := [m.span() for m in _LISTED.finditer(u.text)]) and any(
            _only_listed(u.text, spans, t, terms) for t in a.qterms
            if not t.startswith("~") and t not in a.focus and not names_region_term(t) and not _only_in_setting(t, a.main)):
        # "百度2013年的营业收入是多少？": "…集聚了百度、腾讯…等277家…，收入过亿元企业38家" gives the
        # park's figures; a name in its "、…等" list holds none of them
        s *= 0.4
        u.reasons.append("the asked name is only one of a list")
    if a.figures:
        # "“069760”这个编号代表什么？": the passage that states the quoted figure says what it is
        text = squash_ws(u.text).lower()
        if all(f.lower() in text for f in a.figures):
            s += 0.3
        else:
            s *= 0.5
            u.reasons.append("the quoted figure missing")
    if u.kind == "row":
        # how specifically the row's key (indicator / field label / title) is what was asked
        key = row_field(u, "indicator", "label", "title", "project_title")
        # (the places the question names are where, not what: "中关村企业在河北设立的分支机构" is asked by
        # "中关村企业到河北…多少个分支")
        # ("全市GDP" is the named city's GDP: "北京整个经济总量" asks it)
        kt = [t for t in terms.tokenize(normalize(key)) if len(t) >= 2
              and not (names_region_term(t) and t in a.full.lower()) and not (t in _WHOLE_PLACE and a.regions and t not in a.full)] if key else []
        if kt:
            overlap = sum(1 for t in kt if t in a.ind_words) / len(kt)
            s += 0.12 * overlap
            ratio_asked, whole_asked = _ratio_reading(a.main, a.reading or "")
            if (u.hit.chunk.meta or {}).get("table") == "indicators" and _RATIO_WORD.search(key) and not ratio_asked:
                # "2000年北京软件和信息服务业增加值是多少？": the value added itself, not its share of something
                s *= 0.8
            if overlap == 1.0 and (u.hit.chunk.meta or {}).get("table") == "publication" and not any(
                    not t.startswith("~") and terms.known(t) and terms.credit(t, u.match_text) == 0 for t in a.qterms):
                # the record field asked for by name ("网址", "电话", "定价") -- unless the question
                # asks something about it the row does not say ("编委会成员按什么顺序排列")
                s += 0.2
            # the asked indicator must be (mostly) this row's indicator, weighted by how telling
            # each word is: "第二产业比重" is not answered by the "第三产业比重" row
            w_all = sum(terms.idf(t) for t in kt)
            w_hit = sum(terms.idf(t) for t in kt if t in a.ind_words or _made_of(t, a.ind_words))
            # (a sibling of the asked word is another indicator: "第二产业比重" does not answer "第三产业占GDP的比重")
            sibling = _other_nth(key, a) or _sibling_indicator(key, a.main, a.reading)
            # (a follow-up that names its own indicator asks that one: the earlier question's row is no answer)
            sibling = sibling or bool(a.own_indicator) and not any(terms.credit(t, normalize(key)) > 0 for t in a.own_indicator)
            # (a share of another whole: "占GDP的比重" is not answered by the row "…占第三产业增加值的比重")
            if whole_asked and (whole_k := _SHARE_OF.search(normalize(key))) and not (
                    whole_asked in whole_k.group(1).lower() or whole_k.group(1).lower() in whole_asked):
                sibling = True
            if (u.hit.chunk.meta or {}).get("table") == "indicators" and not sibling and a.ctx and (
                    figs := [n for n in re.findall(r"\d+(?:\.\d+)?", a.ctx) if len(n) >= 3 and not re.fullmatch(r"(?:19|20)\d\d", n)]) \
                    and any(n in u.text for n in figs) and (own := [t for t in a.ind_words if t in a.main and len(t) >= 2 and t not in ("期间", "时期", "阶段")]) \
                    and all(terms.credit(t, normalize(key)) > 0 for t in own):
                # "年均增速多少？（接上问：1749.6亿元是什么？）": the figure asked about before names the indicator's frame; the
                # follow-up's own words pick the row
                w_hit = w_all
            if (u.hit.chunk.meta or {}).get("table") == "indicators" and (w_hit < INDICATOR_MATCH * w_all or sibling) and not a.figures \
                    and not (_asks_whether_mentioned(a.main) and not a.numeric):
                # (whether the report mentions a thing asks no indicator: "Does the preface mention Zhongguancun?")
                u.reasons.append("indicator not asked")
    return s


def _sibling_indicator(key: str, q: str, reading: str = "") -> bool:
    """The question asks another indicator in the same frame as ``key``: "人均医疗卫生支出" against
    "人均公共教育支出" (the words between the frame's ends share nothing), "per-capita health spending"
    (read in Chinese) too."""
    k = re.sub(r"[^\u4e00-\u9fffA-Za-z&]", "", normalize(key))
    if len(k) < 6:
        return False
    english = not re.search(r"[\u4e00-\u9fff]", q)
    if english:
        q = reading  # (read once per question: ``Asked.reading``)
    m = re.search(re.escape(k[:2]) + r"([\u4e00-\u9fff]{2,6}?)" + re.escape(k[-2:]), normalize(q))
    if not m and k.startswith("人均"):
        # "河北省2012年人均GDP是多少？": a per-capita figure of something else, however the question ends it
        if not english:
            m = re.search(r"人均(?!(?:差距|差别|差异|水平|情况|数字?|数据|数值|值|排名|对比|比较|倍数|相差|相比))"
                          r"([\u4e00-\u9fffA-Za-z]{2,6}?)(?=是|为|有|的|多少|呢|[？?，,。]|$)", normalize(q))
        else:
            # "Beijing's GDP per capita", read in English order: the thing before 人均
            # (a name in Latin letters or a word the glossary does not know: "more per person" is no other indicator;
            # the frame's last word may come between: "health spending per capita" reads 某某支出人均)
            m = re.search(r"([A-Za-z]{2,8}|某某)(?:" + re.escape(k[-2:]) + r")?人均", normalize(q))
    if not m:
        return False
    mid, own = m.group(1), k[2:-2]
    # (the frame's measure word is shared by every sibling: "人均医疗支出" against 人均公共教育支出相对河北省的倍数)
    mid = re.sub(r"(?:支出|收入|消费|投入|产值|增加值)$", "", mid) or mid
    if re.search(r"[的了地得是在有和与及跟之]", mid):
        return False  # words between, not another indicator's name ("北京地铁跑的总里程" is 地铁运营里程)
    return not (mid in own or own in mid or any(mid[i: i + 2] in own for i in range(len(mid) - 1)))


# "百度、腾讯（北京）总部、…、广联达等" (the first name without the words before it: "园区就集聚了")
_LISTED = re.compile(r"[^，,。；;、了的在和与及是为有]{1,12}(?:、[^，,。；;、]{1,24}?){2,}等")


def _only_listed(text: str, spans: list[tuple[int, int]], term: str, terms: Terms) -> bool:
    """The sentence names the term, and only inside its "、…等" lists of names (``spans``)."""
    found = False
    for w in terms.words([term]):
        for m in re.finditer(re.escape(w), text):
            if not any(b <= m.start() and m.end() <= e for b, e in spans):
                return False
            found = True
    return found


_WHOLE_PLACE = frozenset({"全市", "全省"})  # the whole of the place the question names


def _other_nth(text: str, a: Asked) -> bool:
    """The text names a sibling of the asked "第X…" and not the one asked: "第二产业比重" does not
    answer "第三产业占GDP的比重"."""
    said, got = a.nths, nth_pairs(text)
    return bool(said) and not (got & said) and any(c == g[1] for g in got for _, c in said)


def _is_contents(u: Unit) -> bool:
    """A contents line, as a table row or as a line of the contents passage."""
    return is_toc_row(u) or (u.kind == "sentence" and bool(CONTENTS_LINE.search(u.text)))


_THAT_LINE = re.compile(r"\s*(?:那|这|该|此)一?(?:节|章)|\s*(?:and )?(?:that|this|the same) (?:section|chapter)\b", re.I)


_PAGE_WORDS = frozenset("页 页码 页数 目录 书 本书 全书".split())


def _names_a_line(a: Asked) -> bool:
    """The question names a part of the book ("第二章总共占了多少页"), not only pages ("这本书一共有多少页")."""
    return bool(a.ords) or any(not t.startswith("~") and t not in _PAGE_WORDS for t in a.line_words)


_PART_UNDER = re.compile(r"的(?:那)?一?(?:部分|条|小节|个园区|个基地)")  # "第四节里讲交通协同发展的部分"


_NAME_END = re.compile(r"(?:城|区|园|厅|局|委|部|中心|公司|集团|基地|大学|学院|协会)$")
# the thing a page or section question locates: "第三章第二节里中新天津生态城在第几页？", "讲人工智能的是哪一节？"
_LOCATED = re.compile(r"([\u4e00-\u9fffA-Za-z0-9]{3,30}?)(?:是在|在|从|位于)?(?:第几页|哪一?页|哪一节|哪一章)")


@lru_cache(maxsize=256)
def foreign_line(main: str, terms: Terms) -> str:
    """The thing a contents question locates, when the report never names it: one word the report never uses
    (人工智能), a name with a word it never uses (河北省工信厅), or a name no contents line has half the characters of
    (中新天津生态城); "" otherwise."""
    m = _LOCATED.search(squash_ws(main))
    if not m:
        return ""
    thing = re.sub(r"^(?:.*?第[一二三四五六七八九十\d]+[章节])+(?:里面|里|中|的)?", "", m.group(1))
    thing = re.sub(r"那里面|这里面|里面|其中|那个|这个|那些|这些|目录(?:里|中|上)?", "", thing)
    thing = re.sub(r"^(?:请问|麻烦问一下|想问一下|报告里|书里|报告中|书中|本书|这本书|书上|报告)+", "", thing)
    thing = re.sub(r"^(?:讲的是|讲|关于|介绍|有关|谈)", "", thing)
    thing = re.sub(r"(?:的是|是|的|那|那一?节|部分|内容|在)+$", "", thing)
    if len(thing) < 4 or not re.fullmatch(r"[\u4e00-\u9fff]+", thing) or thing.lower() in terms.corpus.lower():
        return ""
    said = terms.analyse(thing, "zh")[0]
    if any(terms.known(t) and t not in thing for t in said):
        return ""  # (the everyday word for one the report uses: "讲网购的是哪一节？" -> 电子商务)
    titles = terms.contents.split() if terms.contents else []
    # (a word the report never uses may be its name shortened: 经开区, of 廊坊经济技术开发区)
    unknown = [t for t in said if not terms.known(t) and len(t) >= 3 and t in thing
               and not any(re.search(".*?".join(map(re.escape, t)), x) for x in titles)]
    if thing in unknown or any(_NAME_END.search(t) for t in unknown):
        return thing  # one word the report never uses (人工智能), or a name with one (工信厅)
    if not _NAME_END.search(thing) or "的" in thing or len(thing) > 10:
        return ""  # (a name, not a description: "秦皇岛搞数据的河北高新园区")
    chars = set(thing)
    best = max((len(chars & set(t)) / len(chars) for t in titles), default=0.0)
    return thing if best < 0.5 else ""


def known_coverage(u: Unit, a: Asked, terms: Terms) -> float:
    """Coverage by the words the report knows: a paraphrase's unknown words ("Going by the
    contents, …") do not make a contents line less the one asked. A contents line is named by
    its whole path here: "第一章里天津存在问题的那部分" is 二、天津市 under 第三节 突出问题."""
    if is_toc_row(u):
        # the ordinals ("第一章") are checked on their own; the rest must name the line
        own = normalize(str(u.hit.chunk.meta.get("title") or "")).lower()
        most = a.ords.get("节") or a.ords.get("章")
        if not most and _THAT_LINE.match(a.main):
            most = a.ctx_ords.get("节") or a.ctx_ords.get("章")  # "那一节从第几页开始？" after "第四章第二节…"
        got = sum(w * max(terms.credit(t, own), terms.credit(t, u.match_text)) for t, w in a.line_words.items())
        if most and own.startswith(most.lower()):
            # the line the ordinals name ("那第四节呢？" after 第二章第一节) -- unless the question names a
            # part of it by its own words ("第一章第四节里讲交通协同发展的部分": 三、交通协同发展)
            main = normalize(a.main).lower()
            named = {t: w for t, w in a.line_words.items() if not t.startswith("~") and terms.known(t) and t in main}
            if not (named and _PART_UNDER.search(main)) or sum(w * terms.credit(t, own) for t, w in named.items()) >= 0.99 * sum(named.values()):
                return 1.0
        return got / a.line_known if a.line_known else 1.0
    return u.coverage * a.total / a.known_total if a.known_total < a.total else u.coverage


def _contents(u: Unit, a: Asked, terms: Terms, s: float) -> float:
    """Chapters, sections and pages: the contents line asked for, in the part asked about."""
    q, ords = a.q, a.ords
    is_toc = _is_contents(u)
    meta = u.hit.chunk.meta or {}
    if is_toc and a.within_part:
        # "Which page covers Hebei in the emerging business formats section?": a line in that part (its path names it)
        path = normalize(" ".join(str(meta.get(k) or "") for k in ("chapter", "section", "subsection", "title"))).lower()
        if sum(w for t, w in a.within_part.items() if terms.credit(t, path) >= 0.99) < 0.99 * sum(a.within_part.values()):
            s *= 0.3
            u.reasons.append("not in the chapter or section asked")
    if is_toc and ords:
        if "章" in ords and not (meta.get("chapter", "") or "").startswith(ords["章"]):
            s *= 0.3
            u.reasons.append("not in the chapter or section asked")
        if "节" in ords and not ((meta.get("section", "") or "").startswith(ords["节"]) or (meta.get("title", "") or "").startswith(ords["节"])):
            s *= 0.3
            u.reasons.append("not in the chapter or section asked")
        if "节" not in ords and "章" in ords and (meta.get("section") or meta.get("subsection")) and not intent.names_section(q):
            s *= 0.6  # asked about the chapter itself, not one of its sections
    if is_toc and intent.names_section(q) and not intent.names_subsection(q) and not _SECTION_TITLE.match(
            str(meta.get("title") or "")) and meta.get("section") and "节" not in ords:
        # "讲天津市政策的那一节": a section line (第三节 天津市政策), not an item under it (a section
        # named by its number is not the part named in words: "第四节里讲交通协同发展的部分")
        s *= 0.8
    if a.ctx_ords and is_toc:
        # the earlier question's chapter is a preference, not a constraint: "And the
        # bibliography?" after a chapter 2 question asks about a line outside any chapter
        if not all((meta.get("chapter", "") or "").startswith(o) or (meta.get("section", "") or "").startswith(o)
                   or (meta.get("title", "") or "").startswith(o) for o in a.ctx_ords.values()):
            s *= 0.7
            if a.within_ctx:
                # "河北省那部分在第几页？" after "第二章第五节分成哪几部分？": a part of that section only
                u.reasons.append("not in the chapter or section asked")
    if ords and u.kind == "sentence":
        # "第一节里，…": the passage should come from the section the question names
        path = [str(p) for p in u.hit.chunk.section_path]
        if all(any(p.startswith(o) for p in path) for o in ords.values()):
            s += 0.1
        elif a.parts_q or (a.structure_q and "节" in ords and not a.who_q):
            # "第四章分成哪几节？", "第三章第一节是讲什么的？": a sentence that mentions 第四章 elsewhere (the preface's
            # division of labour) says nothing about its parts or what a section is about
            s *= 0.5
    if a.parts_q and not ords and not is_toc and re.search(r"[章节]|\b(?:chapter|section)\b", a.main, re.I):
        # "优势领域那章具体分了哪几个行业来写？": a chapter named by its topic is divided by its contents
        # lines; a passage of the text says nothing of its parts
        s *= 0.6
    if u.kind == "sentence" and _BARE_TITLE.match(u.text.strip()) and not intent.asks_title(q):
        # "《京津冀信息服务业协同发展研究丛书》" heading the editorial board names the series; it
        # states nothing about the board
        s *= 0.5
    if is_toc and not ords and not intent.names_section(q) and re.search(r"章|\bchapter\b", a.main, re.I) \
            and meta.get("section") and not intent.asks_for_parts(q):
        # "Where does the policy chapter begin?": the chapter line, not one of its sections -- the
        # less so when the chapter's own title names a third or more of what is asked ("the chapter
        # on government support policies": 扶持政策 is the chapter's, 政府 only one of its parts)
        chapter = normalize(str(meta.get("chapter") or "")).lower()
        own = sum(w * terms.credit(t, chapter) for t, w in a.line_words.items())
        s *= 0.5 if a.line_known and 3 * own >= a.line_known else 0.8
    if is_toc and intent.names_section(q[len(qmod.preamble(q)[1]):]) and not intent.asks_for_parts(q) and _CHAPTER_TITLE.match(
            str(meta.get("title") or u.text)):
        # "第四章中关于商务部政策的小节": a section inside the chapter, not the chapter line (not a part
        # the asker's story names: "我只想看政策部分，第四章扶持政策从第几页开始？")
        s *= 0.5
        u.reasons.append("the contents line is not the one asked")
    if is_toc and (inside := _INSIDE_LINE.search(a.main)) and str(meta.get("title") or u.text).startswith(inside.group(1)) and any(
            len(t) >= 2 and terms.known(t) and terms.credit(t, normalize(str(meta.get("title") or u.text)).lower()) == 0
            for t in terms.analyse(inside.group(2), "zh")[0]):
        # "第一章第四节协同发展思路里，交通协同发展在哪一页？": the section named is where the line asked is, not that line
        s *= 0.6
    if is_toc and (a.page_asked or a.which_part) and (thing := foreign_line(a.main, terms)):
        # "第三章第二节里中新天津生态城在第几页？", "讲人工智能的是哪一节？": the report never names the thing whose
        # page or section is asked; a line sharing a word of it (天津, 智能化) is another line
        s *= 0.3
        u.reasons.append("the contents line is not the one asked")
        u.reasons.append(f"not in the report: {thing}")
    if a.page_asked and is_toc and known_coverage(u, a, terms) < TOC_PAGE_SUPPORT:
        # a contents line answers a page question only if it is named by most of the question's
        # words: "the Hebei part of the emerging business models section" is no Hebei line
        s *= 0.5
        u.reasons.append("the contents line is not the one asked")
    elif a.page_asked and is_toc and a.line_known and not a.ords.get("节"):
        # "河北的高新技术开发区在书里第几页开始讲？": the line whose own title names all that is asked
        # (第三节 河北高新技术开发区), before a line under it named partly by its path (二、石家庄高新技术开发区);
        # so "第四章里天津市的政策从第几页开始？" (第三节 天津市政策, not 二、天津市发改委 under it)
        own = normalize(str(meta.get("title") or "")).lower()
        if sum(w * terms.credit(t, own) for t, w in a.line_words.items()) >= 0.99 * a.line_known:
            s *= 1.1
    if a.which_part and not a.people and not is_toc:
        # "Which chapter deals with the support policies?": the answer is a chapter, a contents line
        s *= 0.6
    if a.page_asked and not is_toc:
        # the report gives pages only in its contents: "What page does chapter 5 start on?" is not
        # answered by "2016年5月第1版"
        s *= 0.3
        u.reasons.append("a page number comes from the contents")
    if a.on_page and is_toc_row(u):
        # the contents line on that page is the one asked about
        if str(meta.get("page") or "") == a.on_page:
            s += 0.3
        else:
            s *= 0.5
    if a.who_q and is_toc_row(u):
        s *= 0.3
        u.reasons.append("a contents line names no person")
    return s


def _answer_kind(u: Unit, a: Asked, terms: Terms, s: float) -> float:
    """The kind of answer asked for: a figure in the asked unit, a person, a date, a definition, a list."""
    q = a.q
    if a.word_q:
        # "…最大的障碍可以用哪个词概括？": the sentence that puts it in a quoted term (“断链”)
        s *= 1.25 if _QUOTED_TERM.search(u.text) else 0.85
    if a.phrase_len:
        # "概括三地分工的十二字说法": the quoted phrase of that many characters (“北京研发、天津转化、河北配套”)
        s *= 1.4 if quotes_phrase_of(u.text, a.phrase_len) else 0.85
    elif a.phrase_q:
        # "前言把三地的产业分工概括成哪一句话？": the sentence that quotes a phrase
        s *= 1.3 if quotes_a_phrase(u.text) else 0.9
    if a.order_q and not _ORDER_WORD.search(u.text):
        # "编委会成员是按什么规则排序的？": the line that states the order (以姓氏拼音排序), not the
        # list it heads
        s *= 0.7
    if a.measure and not _counted(u, a) and not (a.measure == "页" and is_toc_row(u) and intent.page_count(q) and _names_a_line(a)) \
            and not (a.measure == "个" and (u.hit.chunk.meta or {}).get("table") == "publication") \
            and not re.search(rf"\d\s*(?:多|余)?\s*[十百千万亿]?\s*{_MEASURE_SAID.get(a.measure, re.escape(a.measure))}", u.text):
        # (a count of pages is read off the contents lines: "第二章总共占了多少页？")
        s *= 0.4
        u.reasons.append("no number of the asked unit")
    if a.who_q and re.search(r"排头|打头|排(?:在)?第一|排(?:在)?最(?:前|后)|第一个|最后一个|最后一位", a.main) \
            and not any(p in squash_ws(u.text) for p in terms.people):
        # "那名单里排头一个的是谁？": a place in a list of people is one of them; a line naming no one (the order it
        # follows) is no answer
        s *= 0.5
    if a.who_q and u.kind == "sentence" and _NAME_RE.fullmatch(u.text.strip()) and terms.credit_any(a.qterms, section_of(u)):
        # "总序是谁写的？": a bare name line in the section asked about is its signature
        s += 0.25
    if a.people and a.role_q and u.kind == "row" and row_field(u, "value"):
        # "王成慧在编委会里担任什么？": the field that is this person alone (总主编), not a list of members
        if row_field(u, "value").replace(" ", "") in a.people:
            s += 0.3 + (0.1 if re.search(r"(主编|编辑|编著|校对|印制|委员)$", row_field(u, "label")) else 0.0)
        elif re.search(r"[、,，]", row_field(u, "value")) and set(a.people) & terms.sole:
            s *= 0.3
        elif any(p in re.split(r"[、,，\s]+", row_field(u, "value")) for p in a.people):
            # "欧海鹰担任什么？": one of the members the row lists, and named alone in no other row
            s += 0.2
    if a.book_author and u.kind == "row":
        f = str((u.hit.chunk.meta or {}).get("field") or "")
        if f == "authors":
            s += 1.0  # the record's 编著 line names the book's authors, in words no question uses
        elif f.startswith("signed_by"):
            s *= 0.5  # a preface's signer wrote the preface
    if (a.who_q or intent.asks_organisation(q)) and u.kind == "row":
        # ("Which publishing house in Beijing brought out this book?" asks for a press, as "who" does)
        value = row_field(u, "value")
        if value and DATE_RE.search(value) and not intent.date(q):
            s *= 0.3  # "落款是谁？": a date names nobody
        elif value and intent.asks_organisation(q) and not re.search(r"[A-Za-z\u4e00-\u9fff]", value):
            s *= 0.3  # "找哪个部门调换？": a telephone number or a postcode names nobody
        elif value and not intent.where(q) and (ms := qmod.mentions(value)) and ms[0].slot.category == "region" \
                and len(squash_ws(value)) <= ms[0].end - ms[0].start + 1:
            s *= 0.5  # "who published it": 出版地 北京 is a place, not the publisher
        if value:
            # "who" asks for a person or an organisation, not a title or a place
            s += 0.1 if _agent_like(value) else -0.1
            if intent.asks_organisation(q) and value.replace(" ", "") in terms.people:
                s *= 0.5  # "由哪家印刷厂负责印制": a firm, not the person 责任印制 names
                u.reasons.append("organisation missing")  # ("Which firm was responsible for printing the book?")
    if a.who_q and u.kind == "sentence" and intent.asks_organisation(q) and (
            line := re.fullmatch(r"[^：:]{1,10}[：:]\s*(.+)", u.text.strip())) and line.group(1).replace(" ", "") in terms.people:
        s *= 0.5  # (the record line as a sentence: "责任印制：司东翔" names a person, not the firm asked for)
        u.reasons.append("organisation missing")
    if a.n_items and u.kind == "sentence" and re.search(
            rf"(?:以下|如下|下列|归纳为|分为){'[两三四五六七八九十]' if a.n_items == '几' else a.n_items}", u.text):
        s += 0.4  # "大致可以归纳为以下四点不足：" introduces the four asked for
    if a.defining and not a.page_asked:
        # a definition is a sentence that says what the term is; a record field or a contents
        # line says nothing of the kind
        m = _DEFINES.search(u.text) if u.kind == "sentence" else None
        whole, quoted = _to_define(a.main, tuple(a.defined))
        if m and terms.credit_any(a.defined, u.text[: m.start()].lower()) and (not whole or terms.credit_any(whole, u.text[: m.start()].lower())):
            s += 0.3  # the sentence defines the term asked about ("什么是总序" is no 信息服务业是指…)
        elif m and whole and not re.search(r"(?:^|[，,：:])\s*(?:其|它|这|该|此)[^，,。]{0,6}$", u.text[: m.start()]):
            # "BPO是什么意思？书里有解释吗？": a sentence that defines another term does not define the one asked
            s *= 0.5
            u.reasons.append("asked-for thing missing")
        elif u.kind == "row" or (u.hit.chunk.meta or {}).get("table"):
            s *= 0.5  # (a record row or a contents line defines nothing: "“TPP框架”中TPP指的是什么？")
            u.reasons.append("asked-for thing missing")
        elif not m and (own := [t for t in a.defined if not _DEFINES.fullmatch(t)]) and not terms.credit_any(own, _own_text(u).lower()):
            # ("其主要包括信息传输服务业…" is about the 信息服务业 of the sentence before, not the BPO asked)
            s *= 0.5
            u.reasons.append("asked-for thing missing")
        if quoted and not any(squash_ws(x).lower() in squash_ws(u.text).lower() for x in quoted) and "asked-for thing missing" not in u.reasons:
            # "书里是怎么定义“大数据互联服务”的？": the term quoted is the one to define
            s *= 0.5
            u.reasons.append("asked-for thing missing")
    if (a.day_q and not _DAY_RE.search(u.text)) or (a.year_q and not qmod.years(u.text)):
        s *= 0.5
        u.reasons.append("no date")
    if a.date_q:
        if DATE_RE.search(u.text):
            s += 0.2
        elif u.kind == "row" and not (_ROW_DATE.search(row_field(u, "value") or u.text) or row_field(u, "year")):
            # a record field without a date is another field ("When was the preface written?"
            # asks for 前言落款日期, not 前言署名; "When did 王成慧 sign it?" not 总序署名)
            s *= 0.4
            u.reasons.append("no date")
        else:
            s *= 0.6
    if a.list_q and u.kind == "sentence":
        s += 0.03 * min(4, u.text.count("、"))
        if INTRO.search(u.text) and u.text.rstrip().endswith(("：", ":")):
            s += 0.15  # "大致可以归纳为以下四点不足：" introduces the list asked for
        elif qmod.language(a.main) == "zh" and re.search(r"问题|不足|障碍|短板|挑战|方面|[几两三四五]点", a.main) and re.search(r"[：:]\s*(?:一是|其一|第一[，,])", u.text):
            s += 0.2  # "…还面临一些主要问题：一是…": the list asked for begins here, in points
    if u.kind == "row":
        value = row_field(u, "value")
        if value and any(len(t) >= 2 and normalize(value).lower().endswith(t) for t in a.ind_words):
            s += 0.1  # the value is the kind of thing asked for ("经济管理出版社" for a 出版社)
    return s


def surfaces(slot) -> tuple[str, ...]:
    """How a region may be named in evidence: 京津冀 also as 三地 or as its three members together
    ("北京市、天津市、河北省三地…")."""
    return (*slot.zh, "三地", "两市一省") if slot.id == qmod.WHOLE_REGION else tuple(slot.zh)


def _agent_like(value: str) -> bool:
    """A person's name (2-4 characters, or several separated by 、 or spaces) or an organisation."""
    v = re.sub(r"[◎:：]", " ", value).strip()
    names = [x for x in re.split(r"[\s、,，]+", v) if x]
    return bool(names) and (all(_NAME_RE.fullmatch(x) for x in names) or bool(_ORG_SUFFIX.search(v)))


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


def number_near_terms(sentence: str, qterms: dict[str, float]) -> bool:
    """A clause of the sentence holds both a number and one of the asked indicator's words."""
    sn = normalize(sentence).lower()
    strong = [t for t, w in qterms.items() if len(t) >= 2 and not re.fullmatch(r"\d+", t)]
    for cl in _CLAUSE_RE.findall(sn):
        if (NUM_RE.search(YEAR_RE.sub(" ", cl)) or CN_COUNT.search(cl)) and any(has_term(t, cl) for t in strong):
            return True
    return False
