"""Question terms for the extractive answerer: what a question asks, as weighted words of the report.

``Terms.analyse(question, lang)`` returns the content terms with IDF weights (from the keyword
index's own tokenised chunks) and the terms naming what an English question asks for (its
wh-phrase head). Chinese questions are segmented by the index's jieba analyzer after the
paraphrase table (``data/paraphrases_zh.tsv``); English questions become one term per glossary or
lexicon phrase, whose Chinese forms are alternatives ("=出版社|出版发行"), plus unmatched weight for
English words the report has no word for ("~recipe").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Callable, Mapping, Sequence

from index.glossary import _fold, en_words
from index.text import normalize, squash_ws

from .intent import AUX, EN_NUMBERS, WORD_ASKED, page, structure, without_phrase_length
from .question import afterword, data_rows, language, mentions, preamble, refers_back, setting, split_context

STOP_ZH = set(
    "的 了 是 在 和 与 及 或 吗 呢 吧 啊 么 什么 多少 哪些 哪个 哪 几 如何 怎么 怎样 为什么 请问 请 告诉 我 你 各是 各为 分别是 分别为 "
    "报告 本书 这本书 书 中 里 对 有 有没有 为 其 被 从 到 给 这 那 那么 一个 是否 提到 提及 说 讲 所 年 年底 时 "
    "哪一 哪一年 多 少 根据 按照 之 上 下 个 该 位 谁 呢？ ？ ? ， 。 、 开始 起始 一节 一章 部分 小节 一页 能 找到 看到 读到 查到 可以 一下 背后 "
    "这是 这本 这部 那本 一共 总共 大致 大概 大体 粗略 具体 麻烦 那章 这章 该章 那节 这节 该节 应该 应当 看看 帮我 一位 哪位 哪一位 一整套 整套 一整 这书 那书 此书 该书 到底 一直 那篇 这篇 该篇 说不清 说不清楚 搞不清 弄不清 搞不懂 专门 各自 真正 这份 那份 书里 书上 书中 从书 在书 一种 一类 什么样".split()
)
STOP_EN = set(
    "the a an of in on at to for and or is are was were be been by with from as what which who whom whose how "
    "many much does did do according report book this that these those it its their there per about tell me every "
    "please give list name named say says said stated state mention mentioned value figure number in into than "
    "was were reach reached amount level start starts started begin begins began appear appears located "
    "found listed doe good best great nice well before after become became becomes "
    "more less higher lower bigger larger greater fewer times roughly approximately about "
    "particular whole entire present current same very actual "
    "one two three four five six seven eight nine ten "
    "sub non pre multi inter "
    # light verbs ("what grant number *goes with* …"): en_words folds "goes" to "goe"
    "go goe went come came belong belongs "
    # "what does the report *mean by* '断链'": a definition is asked, not a means (途径)
    "mean meant "
    # "what *ground* do the four chapters cover": how much, not land (地面)
    "ground".split()  # "doe": en_words folds "does"; "sub-industries": a prefix
)

UNKNOWN_WEIGHT = 1.0
EN_UNKNOWN_WEIGHT = 0.6
# (past a short modifier: "哪些正在成形的产业聚集区" asks for 产业聚集区, not 正在成形)
# ("哪些基金项目的支持": what gives the support is asked, not the support)
_ZH_FOCUS = re.compile(r"(?:什么|哪(?:个|些|家|位|种|类|一个)?)(?:[^的，,？?。]{1,8}的(?!支持|资助|帮助|扶持|赞助|指导))?([\u4e00-\u9fff]{2,4})")
# capitalised words that do not open a sentence ("… of Bitcoin?", not "What …", "… 2013. How …")
_NAME_RUN = re.compile(r"(?<![.?!:;\n]\s)(?<=\s)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\b")
# a code mixing digits and letters ("5G", "G20")
_NAME_WORD = re.compile(r"(?<![\w.])(?!(?:19|20)?\d0s\b)(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z\d]{2,8}\b")  # not a decade ("1980s")
# "它的ISBN号码是多少": the field asked for, when no 什么/哪 names it
_FIELD_ZH = re.compile(r"(?<=[的之])[A-Za-z]{2,6}[\u4e00-\u9fff]{0,3}(?=(?:是|为)(?:多少|什么))")
# "出版社的邮编是多少？": the noun before 是多少 is what is asked
_TERSE_OF_ZH = re.compile(r"(?<=[的之])[\u4e00-\u9fff]{2,4}(?=[？?。]?\s*$)")  # "出版发行方的联系电话"
_TELL_ME_ZH = re.compile(r"告诉我(?:[^，,。？?]{0,8}的)?([A-Za-z]{2,6}[\u4e00-\u9fff]{0,2}|[\u4e00-\u9fff]{2,4})[。？?]?\s*$")  # "请告诉我它的ISBN号。"
_WRITE_WHERE_ZH = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:应该|要|该)?(?:写|填|寄)(?:到|在)?哪(?:里|儿)?")  # "地址写哪里": the field is 地址
_OF_ZH = re.compile(r"(?<=[的之])[\u4e00-\u9fff]{2,4}?(?=(?:是|为)(?:多少|什么|哪|几)|在哪(?![一个]|页|章|节|部分))")  # ("…的地址在哪里？")
_ASPECTS = re.compile(r"^[一二两三四五六七八九十]+(?:个)?方(?:面)?$")
_COUNTED = re.compile(r"^[一二两三四五六七八九十几\d]+[\u4e00-\u9fff]?$")
_INTERROGATIVE = re.compile(r"^(几|第几|哪|多少|什么|怎么|怎样|如何|为何)")


FOCUS_WEIGHT = 1.5
CONTEXT_WEIGHT = 0.5  # the terms of the earlier question a follow-up leans on
STORY_WEIGHT = 0.25  # the terms of the asker's own story before a question that names what it asks
_COMPARATIVE = frozenset("more less higher lower bigger larger greater fewer times time".split())
_PREP = frozenset("of for in on at by from to with about under among between during does did".split())


def possessors(q: str) -> set[int]:
    """Indices (in ``en_words(q)``) of the words a possessive marks: "the publisher's website" -> publisher."""
    marked = en_words(re.sub(r"(?<=\w)['’]s\b", " zzposs", q))
    out, k = set(), 0
    for w in marked:
        if w == "zzposs":
            out.add(k - 1)
        else:
            k += 1
    return out


_GIVE_VERB = frozenset("give gives list lists include includes provide provides mention mentions state states print prints "
                       "contain contains have has record records".split())


_DETERMINER = frozenset("the a an this that these those its their his her our".split())


def focus_words(words: list[str], owners: set[int] = frozenset()) -> set[int]:
    """Indices of the words naming what an English question asks for (its wh-phrase head):
    "what telephone number does ..." -> telephone number; "who is the editor-in-chief of ..." ->
    editor in chief; "how many companies ..." -> companies. Empty when there is no such phrase."""
    if not words:
        return set()
    i = 0
    while i < len(words) and words[i] not in ("what", "which", "who", "how"):
        i += 1
    if i >= len(words) - 1:
        if 2 <= len(words) <= 4 and not any(w in AUX or w in _PREP for w in words) and words[-1] not in STOP_EN:
            # "publisher website", "page of appendix" (a preposition: no): typed as a search, the last noun is asked
            return {len(words) - 1}
        if words[0] in AUX:
            # "Does the publisher give a website address anywhere?": what it may give is asked for
            k = next((k for k, w in enumerate(words) if w in _GIVE_VERB), None)
            if k is not None:
                j = k + 1 + (k + 1 < len(words) and words[k + 1] in ("a", "an", "the", "any"))
                out = set()
                while j < len(words) and words[j] not in AUX and words[j] not in _PREP and len(out) < 4:
                    out.add(j)
                    j += 1
                return out
        return set()
    j = i + 1
    if words[i] == "how":
        if words[j] not in ("many", "much"):
            return set()
        j += 1
        if j < len(words) and words[j] in _COMPARATIVE:
            return set()  # "how much more did …": a comparison, not a counted thing
    elif words[i] == "who" and words[j] not in AUX:
        # "who designed the cover …": the verb names the role asked about
        return {j} if words[j] not in ("else", "and", "or") else set()
    elif words[i] == "what" and words[j] in _WHAT_VERB:
        return set()
    elif words[j] in AUX:
        # "what is the X of ...", "who was the X ..."
        j += 1
        if j < len(words) and words[j] in ("the", "a", "an"):
            j += 1
        else:
            return set()
    out = set()
    while j < len(words) and words[j] not in AUX and words[j] not in _PREP and len(out) < 7:
        if out and words[j].endswith(("ed", "es", "s")) and j + 1 < len(words) and words[j + 1] in _DETERMINER:
            break  # "which funding schemes *supported the* research": the verb ends the phrase asked for
        out.add(j)
        j += 1
    if (mine := [i for i in out if i in owners]) and max(out) > max(mine):
        # "what is the publisher's website": the website is asked for, the publisher owns it
        # ("the Tokyo Metro's average daily ridership": up to four words after the owner)
        return {i for i in out if max(mine) < i <= max(mine) + 4}
    return set(sorted(out)[:4])


# Generic names of what is asked that a report shows by form rather than by name: a title line, a
# date, a code, a page, an order. A question asking for one of these is not asking for a field the
# report lacks, even when the report never uses the word.
IMPLICIT_EN = frozenset(
    "title titles name names date dates day year month code codes number numbers order page pages time "
    "called named titled entitled "  # ("What's the first chapter called?": its name)
    "meaning definition purpose reason reasons role idea ideas theme themes topic topics subject subjects "
    "content contents point points focus goal goals aim aims way ways kind kinds type types example examples "
    "part parts list difference differences relationship situation status trend trends feature features "
    "argument arguments conclusion conclusions view views position summary main key "
    "copy copies book books volume report publication principle principles rule rules basis criterion criteria "
    # the kind of answer a "why" or "how" question asks for ("what upside does chapter one ascribe to …")
    "cause causes rationale explanation justification motivation upside downside benefit benefits advantage "
    "advantages drawback drawbacks strength strengths weakness weaknesses solution solutions remedy remedies "
    "approach approaches phrase catchphrase slogan shorthand label term word ordinal "
    # the contents' own vocabulary: a line of it is an entry, an item, a heading
    "entry entries item items line lines heading headings listing subsection subsections "
    "first second third fourth fifth last final next previous "
    # size and rank words qualify what is asked, they do not name it ("What two big strategic tasks …")
    "big large major principal primary important central core basic overall "
    # measure words: how a figure is expressed, not what it is of ("what *per cent* of …", "what
    # *average* yearly compound growth …")
    "cent percent percentage share proportion ratio rate average mean figure figures amount value total "
    "level size scale pace speed money "
    # a date a text was finished on is the date it is signed ("What date he finished it?")
    "finish finished complete completed "
    # what a "how to fix it" question asks for ("What fixes does the preface propose …")
    "fix fixes proposal proposals recommendation recommendations suggestion suggestions measure measures "
    "step steps remedy action actions policy policies answer answers response responses "
    # superlatives single out, they name nothing ("the single biggest barrier")
    "single biggest largest greatest top chief foremost leading sole highest lowest smallest least most bottom "
    # how exactly it is to be told ("what's the *exact* figure", "the *precise* wording")
    "exact exactly precise precisely specific specifically actual wording description descriptions "
    # what a claim is backed by ("What evidence does the report give that …", "What facts does it give about …")
    "evidence fact facts proof data detail details support".split()
)
IMPLICIT_EN = IMPLICIT_EN | {_fold(w) for w in IMPLICIT_EN}  # as en_words folds them ("fixes" -> "fixe")
# "What makes the region suited to …", "What held back …": the wh-word is the subject of a verb,
# and no noun names what is asked
_WHAT_VERB = frozenset(
    "make made drive drove driven cause caused explain explained keep kept hold held limit limited prevent "
    "prevented hinder hindered lead led allow allowed enable enabled give gave let stop stopped block blocked "
    "hamper hampered help helped push pushed happen happened matter mattered go goes went gone "
    "stand stands stood get gets got".split()
)
_WHAT_VERB = _WHAT_VERB | {_fold(w) for w in _WHAT_VERB}
IMPLICIT_ZH = frozenset(
    "标题 题目 题名 名称 名字 全称 全名 简称 日期 时间 年份 月份 落款 编号 号码 代码 页码 页 顺序 次序 主题 内容 含义 意思 定义 作用 原因 "
    "特点 特征 区别 关系 情况 结果 目的 意义 方式 方法 途径 措施 问题 观点 结论 建议 作者 编者 人 单位 机构 部门 现象 表现 "
    "条目 条 小节 地方 地点 位置 城市 名单 成员 例子 举例 方面 部分 领域 类型 种类 数量 数 数字 数值 数据 数额 比例 水平 规模 "
    # the kind of answer a "why" or "how" question asks for ("总序给的理由是什么？"), not a field
    "理由 依据 缘由 好处 优点 缺点 不足 办法 对策 思路 做法 举措 说法 提法 概括 看法 评价 背景 "
    # the form of the answer ("原话提法是什么", "用原文那句话")
    "原话 原文 原句 表述 字眼 措辞 "
    # a role held is named by the report's own titles (总主编, 责任编辑)
    "职务 职位 身份 头衔 岗位 时候".split()
)
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]{2,4}")
_ADVERB_ZH = re.compile(r"^(?:分别|各自|到底|究竟|具体|主要|大概|一般|通常|其中|另外|其次|然后|最后|首先|又|都|还)$")
_WHAT_NOUN_ZH = re.compile(r"(?:是|有|属于)(?:什么|哪种|哪一种|何种)(?![样么])([\u4e00-\u9fff]{2,3})[？?。]*$"
                           r"|(?:得过|获得过|获过|拿过|获得了|得了)(?:什么|哪种|何种)([\u4e00-\u9fff]{2,4})[？?。]*$|^([\u4e00-\u9fff]{2,3})(?:是|为)(?:什么|啥)[？?。]*$")
# "故宫每年接待多少游客？": the thing counted, ending the question
_HOW_MANY_NOUN_ZH = re.compile(r"多少(?:个|名|位|家|座|所|条|项|种|次|人次|万)?([\u4e00-\u9fff]{2,3})[？?。]*$")
_CHANGE_VERB_ZH = re.compile(r"成长|增长|增加|提升|提高|上升|下降|减少|降低|扩大|缩小|变化|变动|增速|增幅|上涨|下跌|递增|发展|投入|产出|支出")
_PER_YEAR_HOW_MUCH_ZH = re.compile(r"(?:一年|每年|全年|年均|每月|一个月)([\u4e00-\u9fff]{2})(?:了)?(?:大概|大约)?多少[？?。]*$")
_ASKED_ZH = re.compile(r"(?:的|之)((?:(?!的)[\u4e00-\u9fff]){2,6}?)(?:是|为|有)(?:什么|多少|哪|几|谁|怎样|如何|[？?]?$)")
# "这本书首印的印数多少？": the field asked by 多少 alone, ending the question
_HOW_MUCH_ZH = re.compile(r"(?:的|之)(?!百分)(?![^？?]*倍)((?:(?![的有是为])[\u4e00-\u9fff]){2,4}?)(?=(?:大概|大约|一共|总共)?多少[？?]?$)")
# "书里有出版社的传真吗？", "有没有给作者的邮箱？": whether the record holds a field, asked of its owner
_HAS_ZH = re.compile(r"(?:有没有(?:给|列|写|印|提供|标|附|留)?(?:出|了|上)?(?![^，,。？?的]{0,10}(?:达到|超过|高于|低于|相当|提到|讲到|说到|谈到|涉及))[^，,。？?的]{1,10}的((?:(?!的)[\u4e00-\u9fff]){2,6}?)[？?]?$"
                     r"|有(?:给|列|写|印|提供|标|附|留)?(?:出|了|上)?[^，,。？?的]{1,10}的((?:(?![的什哪谁])[\u4e00-\u9fff]){2,6}?)(?:吗|嘛|(?<![什怎这那多要])么|没有|没)[？?]?$"
                     # "编委会名单里有没有列副主编？": the thing listed, named right after the verb
                     r"|有没有(?:列|写|印|标|附)(?:出|上|了)?((?:(?![的什哪谁])[\u4e00-\u9fff]){2,6})[？?]?$)")


def closed_focus(words: list[str], focus: set[int], owners: set[int] = frozenset()) -> bool:
    """The wh-phrase head is surely a field asked for: "what (is the) X of / does / ?" -- ended by a
    preposition, an auxiliary or the question's end, not cut off inside a clause ("which plan
    defines the region as …")."""
    if not focus or (words[min(focus) - 1] not in ("what", "is", "are", "was", "were", "the", "a", "an")
                     and min(focus) - 1 not in owners):  # ("the Tokyo Metro's *average daily ridership*")
        return False
    if next((w for w in words if w in ("what", "which", "who", "how")), None) != "what":
        return False  # "which X", "who …": X is a category of the answer ("which heavyweights"), not a field
    nxt = max(focus) + 1
    return nxt >= len(words) or words[nxt] in AUX or words[nxt] in _PREP


# "How large was …", "how fast did … grow": the adjective after "how" asks for a measure
HOW_FRAME = frozenset(
    "large big high long much many fast far old tall wide deep strong intense important significant great small "
    "low heavy quickly rapidly often soon well widely dense densely".split()
)

GROUP = "="  # a term "=出版社|出版发行" is one English phrase; its Chinese forms are alternatives
ALT = "|"


def has_term(term: str, text: str) -> bool:
    return any(a in text for a in term.removeprefix(GROUP).split(ALT))


@lru_cache(maxsize=1)
def _paraphrases() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(((pat.strip(), repl.strip()) for pat, repl in data_rows("paraphrases_zh.tsv")),
                        key=lambda x: -len(x[0])))


GAP = "…"  # in a paraphrase pattern: up to a few characters of the question's own between its words


@lru_cache(maxsize=None)
def _gapped(pattern: str) -> "re.Pattern[str]":
    return re.compile(r"[\u4e00-\u9fffA-Za-z&]{0,6}?".join(re.escape(p) for p in pattern.split(GAP)))


_WHERE_IN_BOOK = re.compile(r"\bwhere (?:in|about in) (?:the|this) (?:report|book|volume)\b", re.I)
_COVERED_EN = re.compile(r"\b(?:covered|discussed|dealt with|treated|addressed|talked about|written about|described)\b", re.I)


_DATA_ON_EN = re.compile(r"\b(?:any |some |the )?(?:data|figures?|numbers?|statistics|stats|information|info) (?:on|about|regarding|concerning)\b", re.I)


@lru_cache(maxsize=1)
def paraphrased() -> frozenset[str]:
    """The everyday words the paraphrase table gives the report's wording for ("售价" -> 定价)."""
    return frozenset(p for p, _ in _paraphrases())


@lru_cache(maxsize=1)
def _latin_paraphrased() -> frozenset[str]:
    """Latin abbreviations the paraphrase table gives Chinese for ("IT" -> 信息技术)."""
    return frozenset(p for p in paraphrased() if re.fullmatch(r"[A-Za-z][A-Za-z\d&.+-]*", p))


@dataclass(frozen=True)
class BookTitle:
    """How a question may name the book itself: its Chinese title, the words of its English title,
    the years in them. "京津冀信息服务业发展报告（2015）的定价" asks for *this book's* price: the
    title's words must not pull the question towards every passage that repeats the title."""
    zh: tuple[str, ...] = ()
    en_words: frozenset = frozenset()
    years: frozenset = frozenset()
    subject_zh: str = ""  # the industry the book is about (信息服务业): "这个行业", "the sector"
    subject_en: str = ""
    series_zh: str = ""  # the series the book belongs to: its name in a question means "the series"

    @classmethod
    def of(cls, chunks) -> "BookTitle":
        zh, en, years = [], set(), set()
        subject_zh = subject_en = series_zh = ""
        for c in chunks:
            m = c.meta or {}
            if m.get("table") == "publication" and m.get("field") == "series":
                series_zh = squash_ws(str(m.get("value") or "")).strip("《》")
            if m.get("table") != "publication" or m.get("field") not in ("title", "english_title"):
                continue
            v = str(m.get("value") or "")
            years.update(re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", v))
            if m.get("field") == "title":
                core = re.split(r"\s*[（(]", squash_ws(v))[0]
                if len(core) >= 6:
                    zh.append(core)
                ind = re.match(r"[\u4e00-\u9fff]+?业", core)
                if ind:
                    places = mentions(ind.group(0))
                    subject_zh = ind.group(0)[places[0].end:] if places and places[0].start == 0 else ind.group(0)
            else:
                en.update(w.lower() for w in re.findall(r"[A-Za-z]+", v.split(":")[0]))
                ind = re.search(r"(?<![\w-])((?:[A-Za-z]+\s+){1,3}industry)\b", v, re.I)
                if ind:
                    subject_en = ind.group(1).lower()
        return cls(tuple(zh), frozenset(en), frozenset(years), subject_zh, subject_en, series_zh)

    def another_year(self, q: str) -> bool:
        """"《京津冀信息服务业发展报告（2016）》是什么时候出版的？": the title with a year that is not this book's
        names another volume of the series, which the report says nothing of."""
        yrs = self.years or frozenset()
        for t in self.zh:
            for m in re.finditer(re.escape(t) + r"\s*[（(]?\s*((?:19|20)\d\d)(?!\d)", squash_ws(q)):
                if m.group(1) not in yrs:
                    return True
        return False

    def as_this_book(self, q: str) -> str:
        """The question with the book's name written as "本书" / "this book", and the industry it is
        about named where the question only points at it ("北京这个行业…" -> 北京信息服务业…,
        "the sector's growth rate" -> the information service industry's growth rate)."""
        if self.subject_zh:
            q = re.sub(r"(?:这个|该|这一|本|此)(?:行业|产业|行当)", self.subject_zh, q)
        if self.subject_en:
            q = re.sub(r"\b(?:the|this) (?:sector|industry)\b", "the " + self.subject_en, q, flags=re.I)
        # ("这份京津冀信息服务业report", "这本report": an English word for the book inside Chinese)
        q = re.sub(r"(?<=[\u4e00-\u9fff])\s*(?:report|book)(?![A-Za-z])", "报告", q, flags=re.I)
        yrs = "|".join(self.years) or "(?!)"
        for t in self.zh:
            # "…发展报告（2015）", "…发展报告2015 定价": the title's own year is part of its name
            # (not another year's volume: "…发展报告（2016）")
            q = re.sub(r"(?:这本|这份|这部|该)?" + re.escape(t) + rf"\s*(?:[（(]\s*(?:{yrs})\s*[)）]|(?:{yrs})(?![\d年]))?(?!\s*[（(]?\s*(?:19|20)\d\d)",
                       "本书", q)
            if len(t) >= 8 and t.endswith(("报告", "书")):
                # the title shortened ("这本京津冀信息服务业报告的ISBN"): its words in order, some left out
                # ("这份2015年的京津冀信息服务业报告": the title's own year with it)
                # ("这本讲京津冀信息服务业的2015年报告": the year may stand before the last word)
                # ("讲京津冀信息服务业那本2015年度报告": "那本" before the year)
                q = re.sub(rf"(?:这本|这份|这部|该|本)?(?:(?:{yrs})\s*年?版?的?)?({re.escape(t[:2])}[\u4e00-\u9fff]{{2,14}}?(?:的?(?:那本|这本)?(?:{yrs})\s*年?度?版?的?)?{re.escape(t[-2:])})"
                           rf"(?:\s*[（(]\s*(?:{yrs})\s*[)）])?(?!\s*[（(]?\s*(?:19|20)\d\d)",
                           lambda m: "本书" if _in_order(re.sub(rf"的?(?:那本|这本)?(?:{yrs})\s*年?度?版?的?", "", m.group(1)), t) else m.group(0), q)
                # "这个京津冀信息服务业的书": the book told by the first words of its title
                q = re.sub(rf"(?:这个|这本|那本|这份|该)?({re.escape(t[:2])}[\u4e00-\u9fff]{{2,12}}?)的(?:那本|这本)?书(?![名号])",
                           lambda m: "本书" if _in_order(m.group(1), t) else m.group(0), q)
        # "《京津冀信息服务业发展报告》是谁写的？": the title in book-title marks (its subtitle with it) is the book
        q = re.sub(r"《\s*本书[^《》]{0,24}》", "本书", q)
        # "《京津冀信息服务业发展报告（2015）》这本书的著者": the title, then the words that point at it again
        q = re.sub(r"本书\s*(?:这本书|这一本书|这本报告|这部书|这份报告|本书)", "这本书", q)
        q = re.sub(r"(?:这|那|该)(?:本|份|部)\s*本书", "这本书", q)  # ("这本《…》的作者": the pointer, then the title)
        # ("这本2015年度的京津冀信息服务业发展报告": the title's own year, said before it)
        q = re.sub(rf"(?:(?:这|那|该)(?:本|份|部))?\s*(?:{yrs})\s*年?度?版?的?\s*(?:这本书|本书)", "这本书", q)
        # "那个本书，2015的那本，是哪家出版社出的？": the title's year said again after it
        q = re.sub(rf"本书[，,]?\s*(?:{yrs})\s*年?(?:度)?(?:的|版的?)?(?:那本|那一本|这本)?(?=[，,])", "本书", q)
        for pattern in self._english_names:
            q = pattern.sub("this book", q)
        if self.series_zh:
            # "请把《京津冀信息服务业协同发展研究丛书》编委会的全部成员列出来", "the editor-in-chief of the
            # Jing-Jin-Ji information services research series": the series is named, its record
            # line is not what is asked
            q = re.sub(r"《?\s*" + re.escape(self.series_zh) + r"\s*》?", "这套丛书", q)
            if self._english_series is not None:
                q = self._english_series.sub("the series", q)
        return q

    @cached_property
    def _english_series(self) -> re.Pattern | None:
        """"the Jing-Jin-Ji information services research series" (the series' name in English words)."""
        if not self.en_words:
            return None
        words = "|".join(sorted(self.en_words | {"services", "industries", "jing", "jin", "ji", "research",
                                                 "coordinated", "collaborative", "development", "synergy"}, key=len, reverse=True))
        return re.compile(rf"\b(?:the\s+)?(?:(?:{words})[\s-]+){{2,}}(?:book\s+)?series\b", re.I)

    @cached_property
    def _english_names(self) -> tuple[re.Pattern, ...]:
        """"the 2015 Beijing-Tianjin-Hebei information services report", "this report on the
        Beijing-Tianjin-Hebei information services sector" (built once, not per question)."""
        if not self.en_words:
            return ()
        # (with the pinyin short name of Beijing-Tianjin-Hebei: "the 2015 Jing-Jin-Ji information services report")
        words = "|".join(sorted(self.en_words | {"services", "industries", "the", "jing", "jin", "ji"}, key=len, reverse=True))
        yrs = "|".join(self.years) or "(?!)"
        run = rf"\b(?:the\s+|this\s+|that\s+)?(?:(?:{yrs})\s+)?(?:(?:{words})[\s-]+){{2,}}report\b(?:\s*\(\s*(?:{yrs})\s*\)|\s+(?:for\s+|of\s+)?(?:{yrs})\b)?"
        about = rf"\b(?:this|the)\s+(?:report|book|volume)\s+(?:on|about)\s+(?:the\s+)?(?:(?:{words}|sector)[\s-]+){{1,}}(?:{words}|sector)\b"
        # ("the report for 2015", "the 2015 report": the title's own year names the book)
        dated = rf"\b(?:the|this|that)\s+(?:(?:{yrs})\s+(?:report|volume|edition)|(?:report|volume|edition)\s+(?:for|of)\s+(?:{yrs}))\b"
        return re.compile(run, re.I), re.compile(about, re.I), re.compile(r"\b(?:this|that)\s+volume\b", re.I), re.compile(dated, re.I)


class Terms:
    """Question terms with IDF weights from the indexed chunks.

    ``docs`` are the chunks as the keyword index tokenised them (``bm25.docs``): document
    frequencies come from there, so start-up does not segment the corpus a second time.
    """

    def __init__(self, tokenize: Callable[[str], list[str]], docs: Sequence[Sequence[str]], glossary,
                 stopwords: frozenset = frozenset(), people: frozenset = frozenset(),
                 title: BookTitle = BookTitle(), person_names: Callable[[str], list[str]] = lambda text: [],
                 signed: Mapping[str, frozenset] | None = None, contents: str = "", titles: frozenset = frozenset(),
                 segment: Callable[[str], list[str]] | None = None, is_word: Callable[[str], bool] = lambda w: False,
                 sole: frozenset = frozenset(), corpus: str = "", roles: Mapping[str, tuple] | None = None,
                 dated: Mapping[str, str] | None = None, cited: frozenset = frozenset()):
        self.tokenize = tokenize
        self.segment = segment  # jieba's plain cut of a question (for words typed with a character of the same sound)
        self.is_word = is_word  # a word of jieba's own dictionary
        self.titles = titles  # the works the report names in 《》, normalised
        self.person_names = person_names  # personal names in a Chinese question ("习近平")
        self.people = people  # the persons the publication record names (郭斌, 陈倩, 王光艳…)
        self.sole = sole  # those of them a record row names alone (总主编 王成慧), not only in a list
        self.roles = dict(roles or {})  # a record row's label -> the persons it names ("编著" -> ("郭斌", "陈倩"))
        self.corpus = corpus  # every passage's text, normalised, no whitespace (is a quoted term the report's?)
        self.signed = dict(signed or {})  # person -> the sections they sign, headings normalised ("王成慧" -> {"总序"})
        self.dated = dict(dated or {})  # a signed section -> the date it is signed on ("总序" -> "2016年3月15日")
        self.cited = cited  # the authors of the works the footnotes cite ("邢元敏", "薛进文")
        self.title = title  # how a question may name the book itself
        self.contents = contents  # the contents lines' titles, as matched (the words that can name a line)
        self.glossary = glossary
        self.stopwords = stopwords
        df: dict[str, int] = {}
        for d in docs:
            for t in set(d):
                df[t] = df.get(t, 0) + 1
        self.n = max(1, len(docs))
        self.df = df
        self.max_idf = math.log(1 + self.n / 0.5)
        self._docs = docs
        self._next: dict[str, set[str]] | None = None
        self._longer_cache: dict[str, list[str]] = {}
        self._parts_cache: dict[str, list[str]] = {}

    def _longer(self, word: str) -> list[str]:
        """The report's words that contain ``word`` ("信息服务业" for "服务业"): a paraphrase of
        "服务业" must not rewrite the middle of "信息服务业"."""
        if word not in self._longer_cache:
            self._longer_cache[word] = [t for t in self.df if len(t) > len(word) and word in t]
        return self._longer_cache[word]

    def next_words(self, word: str) -> set[str]:
        """The report's words that follow ``word`` ("长途客运" -> 班线)."""
        if self._next is None:
            self._next = {}
            for d in self._docs:
                for a, b in zip(d, d[1:]):
                    self._next.setdefault(a, set()).add(b)
        return self._next.get(word, set())

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
        """The words of a Chinese phrase that carry meaning (for partial matches). Cached: it is
        asked for every evidence unit a question is scored against."""
        got = self._parts_cache.get(phrase)
        if got is None:
            got = [t for t in dict.fromkeys(self.tokenize(phrase)) if len(t) >= 2 and t not in STOP_ZH] or [phrase]
            if len(self._parts_cache) < 20_000:
                self._parts_cache[phrase] = got
        return got

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

    def credit_any(self, terms, text: str) -> bool:
        """Some term of the question is in the text."""
        return any(self.credit(t, text) > 0 for t in terms)

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

    def unknown_asked(self, q: str, lang: str, focus_keys: set[str]) -> str | None:
        """The name of the thing asked for, when the report has no word for it: "What's the
        publisher's *email* address?", "经济管理出版社的*电子邮箱*是什么？". No passage can answer such
        a question however much else it shares with it (the publisher, the address)."""
        if lang == "en":
            words = en_words(q)
            owners = possessors(q)
            fw = focus_words(words, owners)
            if re.match(r"\s*who\s+(?:did|does|do|is|was|are|were)\b", q, re.I) and fw:
                # "Who did the English *translation*?": the role asked for (the phrase's head) has no
                # word in the report ("the credited authors/compilers": the head is known)
                idx = sorted(fw)
                while len(idx) > 1 and words[idx[-1]].endswith("ed"):
                    idx.pop()  # "the two compilers *credited* on the report": the head is "compilers"
                head = words[idx[-1]]
                return head if "~" + head in focus_keys and head not in IMPLICIT_EN else None
            if not closed_focus(words, fw, owners):
                return None
            unknown = [k[1:] for k in focus_keys if k.startswith("~")]
            # (a verb form in the phrase is no field: "what is the book ultimately *trying* to figure out")
            unknown = [w for w in unknown if w not in IMPLICIT_EN and not w.isdigit() and w not in EN_NUMBERS
                       and not w.endswith("ing")]
            return unknown[0] if unknown else None
        q = re.sub(r"有没有(?=[？?。]*$)", "有吗", q)  # ("天津的数字有没有？": whether there is one)
        # ("多少千米", "多少万吨", "合多少万元": a unit of measure is how the answer is to be given, not a thing asked for)
        q = re.sub(r"(多少|几)(?:[十百千万亿])?(?:千米|公里|米|吨|元|字|平方公里|平方米|美元|人民币)", r"\1", q)
        if alt := re.search(r"的([\u4e00-\u9fff]{2,6}?)(?:或者|或是|还是|或)([\u4e00-\u9fff]{2,6}?)(?:是|为)(?:什么|多少)", normalize(q)):
            # "出版社的传真号码或者电子邮件是什么？": either field will do; refused when the report has neither
            either = [self.unknown_asked(f"本书的{x}是什么？", lang, focus_keys) for x in alt.groups()]
            return either[0] if all(either) else None
        m = _ASKED_ZH.search(normalize(q)) or _HAS_ZH.search(normalize(q)) or _HOW_MUCH_ZH.search(normalize(q))
        if not m:
            return self._unknown_noun_asked(q)
        g = next(x for x in m.groups() if x)
        x = re.sub(r"(?:之间|之中|里|中|内|上)?(?:都|也|还|又|一共|总共|共|分别|大概|大约|大致|到底|究竟)?$", "", g)  # "编委会里都有谁"
        if not x:
            return None  # ("编那套丛书的一共有哪些人啊？": an adverb, no field)
        if re.fullmatch(r"(?:这|那|该|此|本)?(?:本|部|份)?(?:书|报告)", x):
            return None  # "买的这本书有几页…": the book itself, no field
        y = re.sub(r"^(?:那个|这个|那|这|该|此)", "", x)  # "那个课题编号": the field is 课题编号
        if y != x and y[:1] and y[:1] in "串组条项段句行些篇" and y[:2] not in self.df:
            y = y[1:]  # "那串书号" (but "那个项目" is a 项目, and "条目" has no demonstrative before it)
        x = y
        if not x:
            return None  # "这本书那串…": a demonstrative, no field
        if re.fullmatch(r"[和与及、]?(?:什么|谁|哪[个些位])", x):
            return None  # ("最后统一核稿的是什么和什么？": two blanks to fill, no field)
        if len(both := [p for p in re.split(r"[和与及、]", x) if p]) > 1:
            # "项目的名称和编号是什么？": two fields asked together; refused only when the report has neither
            either = [self.unknown_asked(f"本书的{p}是什么？", lang, focus_keys) for p in both]
            return either[0] if all(either) else None
        x = re.sub(r"^[一二两三四五六七八九十几\d]+(?:个|项|位|条|种)", "", x) or x  # "书里给的三个数": the field is 数
        x = re.sub(r"(?<=[\u4e00-\u9fff]{2})的?(?:变化|变动|走势|趋势|演变)(?:情况)?$", "", x)  # "比重变化": how the 比重 moved
        x = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:标|写|印|定)(?:的)?$", "", x)  # "售价标多少": the 售价 printed
        if re.search(r"(成|作|认|(?<!职)称|视|定|列|评|选|改|变|被|归结|归纳|总结|概括)$", x):  # (职称 is a noun)
            return None  # "…将成为什么的一个着力点": 成为 is the verb, nothing is named before it
        if re.fullmatch(r"(?:最后|第[一二三四五六七八九十\d]+|头|首|末|下|上)?一?(?:项|条|个|节|章|部分|小节|条目)*", x):
            return None  # "这一节的最后一项是什么？": a place in a list, not a field
        said = paraphrased()  # "售价" is the report's 定价
        if any(p.endswith(x) and p in q for p in said):
            return None  # "统筹全局的负责人", "总的序言": the report's 总主编, 总序
        if x in self.df or x in IMPLICIT_ZH or x in said or re.sub(r"者$", "", x) in self.df:
            return None  # "编著者" is the one who 编著
        if re.match(r"(副|名誉|执行|常务|代理)", x):
            return x  # "副主编" is not the 主编 the report names
        tails = [t for t in self.tokenize(x) if len(t) >= 1 and x.endswith(t)]
        if any(t in self.df or t in said for t in tails) or any(x.endswith(p) for p in said):
            return None
        lead_words = [t for t in self.tokenize(x) if t in self.df]
        if (lead_words and x.startswith("".join(lead_words)) and len(lead := "".join(lead_words)) >= 2
                and any(len(w) >= 2 and set(w) & set(x[len(lead):]) for w in self.next_words(lead_words[-1]))):
            # "长途客运线路": the report's "长途客运班线", the same thing under a near word
            return None
        if any(t in IMPLICIT_ZH for t in tails):
            # "传真号码": a number, but of a kind (传真) the report never names
            lead = x[: len(x) - max((len(t) for t in tails if t in IMPLICIT_ZH), default=0)]
            return x if (len(lead) >= 2 and not self.known(lead) and not self._longer(lead) and lead not in said
                         and lead not in IMPLICIT_ZH) else None  # ("原话提法": the wording, of a kind of answer)
        return x

    def _unknown_noun_asked(self, q: str) -> str | None:
        """"是什么职称？", "职称是什么？", "接待多少游客？": the noun asked for (or counted), ending the question,
        when the report never uses it (a role, 职务, is a kind of answer: the report names roles, 总主编)."""
        main = re.sub(r"[呢啊吧呀嘛哦]+(?=[？?。]*$)", "", split_context(normalize(q))[0])
        w = _WHAT_NOUN_ZH.search(main)
        if not w and (m := _HOW_MANY_NOUN_ZH.search(main)) and self.tokenize(m.group(1)) == [m.group(1)]:
            w = m  # (one word: not "多少钱一本")
        if not w and (m := _PER_YEAR_HOW_MUCH_ZH.search(main)) and not _CHANGE_VERB_ZH.fullmatch(m.group(1)):
            w = m  # ("这些企业一年纳税多少？": what is done each year, a word the report never uses)
        x = next((g for g in w.groups() if g), "") if w else ""
        if not x or _ADVERB_ZH.match(x) or x in IMPLICIT_ZH or self.known(x) or self._longer(x) or re.match(r"[和与及]", x) \
                or any(x in p or p in x for p in paraphrased()):
            return None
        return x

    def _latin_known(self, w: str) -> bool:
        """A Latin-script word the report writes, the glossary translates or the paraphrase table reads."""
        return bool(w) and (w.lower() in self.df or w.upper() in self.df or w in self.df or w in _latin_paraphrased()
                            or w.lower() in _latin_paraphrased()
                            or (self.glossary is not None and any(g[4] == "glossary" for g in self.glossary.groups(w))))

    def book_by_its_makers(self, q: str) -> str:
        """"我选的是郭斌、陈倩编的那本京津冀信息服务业发展报告。请问这本书的ISBN号是多少？": persons of the record told as
        the ones who made the book only say which book it is; they are not asked about."""
        names = "|".join(re.escape(p) for p in sorted(self.people, key=len, reverse=True))
        if not names:
            return q
        q = re.sub(rf"(?:(?:{names})\s*[、和与及,，]?\s*){{1,3}}(?:老师|教授)?(?:们)?(?:主编|编著|编写|编|写|著)的"
                   r"(?=(?:那本|这本|那一本|这一本)?[^，,。？?；;丛]{0,24}?(?:书|报告)(?![名号架店目]))", "", q)
        # "责任编辑是许兵的这本书定价多少？", "the book whose responsible editor is Xu Bing": a role of the record with its
        # holder only says which book it is (this one)
        q = re.sub(rf"[\u4e00-\u9fff]{{2,6}}(?:是|为)(?:{names})的(?=(?:那本|这本|那一本|这一本)(?:书|报告))", "", q)
        q = self._book_by_holder.sub(r"\1 \2", q)
        # "Which company printed the book with 11.75 printed sheets?", "印张11.75的这本书": a figure of its record says which book
        q = re.sub(r"\b(the|this) (book|report|volume) (?:with|that has|which has|priced at|costing|running to)\s+(?:a price of\s+|a list price of\s+)?"
                   r"(?:¥|RMB\s*)?\d[\d.,]*\s*(?:printed sheets|sheets|yuan|RMB|thousand characters|characters|k characters)\b", r"\1 \2", q, flags=re.I)
        q = re.sub(r"(?:印张|定价|字数)(?:是|为)?\s*\d[\d.]*\s*(?:元|千字)?的(?=(?:那本|这本|那一本|这一本)(?:书|报告))", "", q)
        # "Who proofread the book with ISBN 978-7-5096-4331-0?", "书号是978-7-5096-4331-0的这本书": its number says which book
        q = re.sub(r"\b(the|this) (book|report|volume) (?:with|bearing|whose) (?:the )?(?:ISBN|CIP (?:data )?number)(?: is)?\s*[\d][\d\s\-–Xx]{8,20}\d\b",
                   r"\1 \2", q, flags=re.I)
        return re.sub(r"(?:ISBN|书号)(?:号)?(?:是|为)?\s*(?:ISBN\s*)?[\d][\d\s\-–Xx]{8,20}[\dXx]的(?=(?:那本|这本|那一本|这一本)(?:书|报告))", "", q)

    @cached_property
    def _book_by_holder(self) -> "re.Pattern[str]":
        """"the book whose responsible editor is Xu Bing" (a person of the record, in Chinese or English), built once."""
        people_en = [en for p in self.people if self.glossary is not None and (en := self.glossary.to_en(p))]
        who = "|".join(re.escape(x) for x in sorted(list(self.people) + people_en, key=len, reverse=True)) or "(?!)"
        return re.compile(rf"\b(the|this) (book|report|volume) whose [\w\s-]{{2,40}}? (?:is|was) (?:{who})(?![\w])", re.I)

    def person_by_deed(self, q: str) -> str:
        """"写总序的那个人在丛书编委会里是什么身份？", "the person who signed the general preface": the one the record says
        signed that part (王成慧), by name; ``q`` unchanged when the part is signed by no one person."""
        def signer(part: str) -> str | None:
            found = [p for p, parts in self.signed.items() if normalize(part).lower() in parts and p in self.people]
            return found[0] if len(found) == 1 else None

        def zh(m: re.Match) -> str:
            return signer(m.group(1)) or m.group(0)

        q = re.sub(r"(?:写|撰写|签署?|署名|落款)(?:了)?(?:那篇)?(总序|前言)的(?:那个人|那位|那个|人|作者)", zh, q)

        def en(m: re.Match) -> str:
            who = signer("总序" if m.group(1) else "前言")
            return (f"{self.glossary.to_en(who) or who}" if self.glossary is not None else who) if who else m.group(0)

        return re.sub(r"\bthe (?:person|man|woman|one|author|scholar) who (?:wrote|signed) the (general |series )?(?:preface|foreword)\b", en, q, flags=re.I)

    def part_by_date(self, q: str) -> str:
        """"落款2016年3月15日的那篇序是谁写的？", "Who signed the preface dated 15 March 2016?": a preface named by the date
        it is signed on is that part of the text (总序, the general preface); ``q`` unchanged when no part bears the date."""
        by_day = self._dated_by_day

        def found(y: str | None, month: int, day: int) -> str | None:
            hit = by_day.get((month, day))
            return hit[1] if hit and (not y or y == hit[0]) else None

        def zh(m: re.Match) -> str:
            part = found(m["y"], int(m["m"]), int(m["d"]))
            # ("2016年3月15日署名的那篇序，作者是哪位？": 总序的作者)
            return part + ("的" if m["comma"] else "") if part else m.group(0)

        q = re.sub(r"(?:落款(?:日期)?(?:是|为|在|于)?)?(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"
                   r"(?:落款|签署|署名|写成|写就|写)?的?(?:(?:那|这)?一?篇(?:序言|序|文章)?|(?:那|这)?一?(?:序言|序)(?!号))"
                   r"(?P<comma>[，,]\s*(?=作者|落款|署名|是谁|谁写|写于|日期))?", zh, q)

        def told(m: re.Match) -> str:
            part = found(m["y"], int(m["m"]), int(m["d"]))
            return (m["named"] or part) if part and (not m["named"] or m["named"] == part) else m.group(0)

        # "前言落款的2016年3月18日，署名是谁？", "总序最后的2016年3月15日是谁签的？": the date only says which part is asked about
        q = re.sub(r"(?P<named>总序|前言)?(?:落款|最后|末尾|结尾)?(?:处|的)?\s*(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"
                   r"(?=[，,]?\s*(?:的?署名|是谁|谁签|由谁|的?作者))", told, q)
        months = {m: i + 1 for i, m in enumerate("january february march april may june july august september october "
                                                 "november december".split())}

        def en(m: re.Match) -> str:
            month = months.get((m["m1"] or m["m2"] or "").lower())
            part = found(m["y"], month, int(m["d1"] or m["d2"])) if month else None
            if not part:
                return m.group(0)
            name = (self.glossary.to_en(part) if self.glossary is not None else None) or part
            return f"the {name}"
        mon = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
        return re.sub(rf"\bthe (?:(?:general|series) )?(?:preface|foreword|introduction)(?:\s*\([^()]{{1,12}}\))?\s+"
                      rf"(?:(?:that is |which is |that was |which was )?(?:dated|signed|written|signed and dated)(?: on)?|on|of)\s+(?:(?P<m1>{mon})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{mon}))"
                      rf",?(?:\s+(?P<y>\d{{4}}))?", en, q, flags=re.I)

    @cached_property
    def _dated_by_day(self) -> dict[tuple[int, int], tuple[str, str]]:
        """(month, day) -> (year, part) of the dates the signed parts bear, read once per index."""
        out: dict[tuple[int, int], tuple[str, str]] = {}
        for part, date in self.dated.items():
            if m := re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", re.sub(r"\s+", "", date)):
                out[(int(m[2]), int(m[3]))] = (m[1], part)
        return out

    @cached_property
    def _cited_patterns(self) -> tuple["re.Pattern[str] | None", "re.Pattern[str] | None"]:
        """The patterns of a work named by its cited authors, in Chinese and in English, built once per index."""
        if not self.cited:
            return None, None
        zh = "|".join(re.escape(p) for p in sorted(self.cited, key=len, reverse=True))
        zh_pat = re.compile(rf"(?:{zh})(?:\s*[、和与及,，]\s*(?:{zh}))*(?:两位|二人|等人?)?(?:老师|教授|先生)?(?:们)?(?:合著|编著|主编|写|著|编)?的?"
                            rf"(?:那|这)?一?(?:本|部)(?:书|著作)")
        names_en = [en for p in self.cited if self.glossary is not None and (en := self.glossary.to_en(p))]
        if not names_en:
            return zh_pat, None
        en = "|".join(re.escape(x) for x in sorted(names_en, key=len, reverse=True))
        return zh_pat, re.compile(rf"\bthe (?:book|work|volume) (?:by|written by|authored by|of) (?:{en})(?:,? (?:and )?(?:{en}))*\b", re.I)

    def cited_by_its_authors(self, q: str) -> str:
        """"邢元敏、薛进文那本书是哪家出版社出的？", "the book by Xing Yuanmin and Xue Jinwen": a work named by the authors a
        footnote cites it by is the footnote's reference (this book's own record does not answer for it)."""
        zh, en = self._cited_patterns
        if zh is not None:
            q = zh.sub("脚注引用的那本书", q)
        return en.sub("the book cited in the footnote", q) if en is not None else q

    def person_field(self, q: str) -> str:
        """"王成慧邮箱多少": a field typed straight after the person it belongs to is theirs (王成慧的邮箱)."""
        names = "|".join(re.escape(p) for p in sorted(self.people, key=len, reverse=True))
        if not names:
            return q
        return re.sub(rf"({names})(?=(?:电子)?(?:邮箱|邮件|电话|手机|联系方式|地址|单位|职称|学校|照片|简介|微信))", r"\1的", q)

    @cached_property
    def _writers(self) -> frozenset:
        """The people the division of labour names ("第一章（李晓昕、万少萍）")."""
        return frozenset(n for m in re.finditer(r"(?:章|附录)[（(]([^）)]{2,20})[）)]", self.corpus or "")
                         for n in re.split(r"[、，,]", m.group(1)) if re.fullmatch(r"[\u4e00-\u9fff]{2,3}", n))

    @cached_property
    def _pointer_pattern(self) -> "re.Pattern[str] | None":
        """People of the book and what they did, before the thing they point at (built once per index)."""
        names = "|".join(re.escape(p) for p in sorted(self.people | self._writers, key=len, reverse=True))
        if not names:
            return None
        return re.compile(rf"(?:{names})(?:(?:和|与|、|跟)(?:{names}))*(?:团队|老师|等人)?(?:当|任|担任)?[\u4e00-\u9fff]{{0,4}}?"
                          rf"(?:写|编写|编辑|编|参与|负责|主编|执笔|撰写|编著|校对|印制)(?:的|了)?\s*"
                          rf"(?=(?:这|那|该)?(?:家|本|套|个)?(?:出版社|这本书|本书|书|丛书|第[一二三四五六七八九十]+章)(?![里中内上]))")

    def person_as_pointer(self, q: str) -> str:
        """"许兵当责任编辑的这家出版社地址在哪？", "赵如平参与的第三章叫什么？", "郭斌团队写这本书拿到了哪几类基金资助？": the
        people of the record, and what they did, only point at the thing asked about; the question is that thing's."""
        if self._pointer_pattern is None or re.search(r"谁|哪一?位|除了?", q):
            return q  # ("郭斌和陈倩除了编著这本书，在丛书里还担任什么？": asked of them)
        out = self._pointer_pattern.sub("", q, count=1)
        # (not what the person did: "编委欧海鹰负责撰写了书里的哪一章？")
        return out if out != q and re.search(r"什么|多少|哪|几|吗", out) and not re.search(r"哪一?[章节]|哪(?:个|一)?部分", out) else q

    def by_title(self, q: str) -> str:
        """"王主编在这套丛书里是什么身份？", "許編輯擔任什麼工作？": a person of the record named by surname and the title of
        their role (主编, 编辑, 校对), when one person of that surname holds such a role."""
        def named(m: re.Match) -> str:
            if re.match(r"(?:又|到底|究竟)?(?:是谁|叫什么|全名|名字|姓什么)", q[m.end():]):
                return m.group(0)  # ("那位王编辑又是谁？": the name is what is asked)
            # (only when something is asked of the person, and the question does not name the role as well:
            # "王主编是这套丛书的总主编，对吧？", "许编辑、赵校对他们这本书定价多少钱？" keep the title)
            if not re.match(r"[^，,。？?；;、]{0,12}?(?:身份|职务|角色|负责|担任|做|干|是什么|写|签|参与|是哪|叫)", q[m.end():]):
                return m.group(0)
            found = {(p, label) for label, names in self.roles.items() if m.group(2) in label for p in names if p.startswith(m.group(1))}
            if len({p for p, _ in found}) != 1 or any(label in q for _, label in found):
                return m.group(0)
            return found.pop()[0]
        return re.sub(r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=[和跟与及那这位问]))([\u4e00-\u9fff])(主编|编辑|校对)(?!部|室|社)", named, q)

    def person_sound_alike(self, q: str) -> str:
        """A person of the record typed with another character of the same sound, the surname as written
        ("还有个欧海英" -> 欧海鹰, "责编是许冰吗" -> 许兵)."""
        found = []
        for p in self.people:
            for a in range(len(q) - len(p) + 1):
                w = q[a: a + len(p)]
                if w != p and w[0] == p[0] and re.fullmatch(r"[\u4e00-\u9fff]+", w) and not self.is_word(w) \
                        and not _FUNCTION_CHARS.search(w[1:]) and set(_readings(w)) & set(_readings(p)):
                    found.append((a, a + len(p), p))
        return _replaced(q, found)

    def one_slip_sound_alike(self, q: str) -> str:
        """A Chinese question with one character of a word typed as another of the same sound, written as
        the report writes it ("定加多少" -> 定价, "丛书总主边是谁" -> 总主编, "京津翼" -> 京津冀, "钱言落款日期" ->
        前言, "在第几叶" -> 第几页). Surer than ``word_sound_alike``, so read before anything is answered: a run of
        two to four characters the report never writes and that is no word of jieba's dictionary, sounding like
        one word of the report (or of the questions' own: 第几页) that differs from it in one character (two of
        four), not a particle or a pronoun ("北京是河北的几倍" holds no 北京市), and that shares a character other than
        those with it ("编著者是" holds no 这是)."""
        lex = getattr(self.glossary, "lexicon", None)
        if lex is None or not len(lex) or not self.corpus or not re.search(r"[\u4e00-\u9fff]{2}", q):
            return q
        found: list[tuple[int, int, str]] = []
        # a run never cuts into a word the question holds ("2013年第二产业" holds no 年底, "文字量大概" no 两大), unless
        # what it leaves of the word is particles ("定加多少": 加多少)
        words, tokens, pos = [], set(), 0
        for t in (self.segment(q) if self.segment is not None else []):
            if len(t) >= 2 and (t in self.df or self.is_word(t)):
                words.append((pos, pos + len(t)))
            tokens.add((pos, pos + len(t)))
            pos += len(t)

        def cuts(a: int, b: int) -> bool:
            return any(s < b and a < e and not (a <= s and e <= b) and _FUNCTION_CHARS.sub("", q[s:max(s, a)] + q[min(e, b):e])
                       for s, e in words)
        for run in re.finditer(r"[\u4e00-\u9fff]{2,}", q):
            text, at = run.group(0), run.start()
            for n in (4, 3, 2):
                for i in range(len(text) - n + 1):
                    w = text[i: i + n]
                    if w in self.corpus or self.is_word(w) or w in self.df or cuts(at + i, at + i + n):
                        continue
                    if not self._could_be_slip(w, lex, 1 if n < 4 else 2):
                        continue  # (no word it could be: the pinyin table, a third of a second to load, is not read)
                    target = _sounds_like(w, lex, extra=_QUESTION_WORDS, slips=1 if n < 4 else 2)
                    if target is None:
                        continue
                    if not _plain_slip(w, target):
                        continue  # ("北京是河北的几倍" holds no 北京市, "天津和北京" no 河北, "编著者是" no 这是)
                    if n == 2 and w[0] != target[0] and (at + i, at + i + n) not in tokens:
                        continue  # (two words of a character each, the first retyped: "书稿组织约来的" holds no 越来)
                    found.append((at + i, at + i + n, target))
        # "2013年河被省第三产业比重": a place typed by sound before 省 or 市 (被 is a particle elsewhere)
        for m in re.finditer(r"(?=([\u4e00-\u9fff]{2})([省市]))", q):
            w, level = m.group(1), m.group(2)
            if w + level not in self.corpus and (t := _sounds_like(w, lex, slips=1)) and t + level in self.corpus:
                found.append((m.start(), m.start() + 2, t))
        return _replaced(q, found)

    def swapped_chars(self, q: str) -> str:
        """A Chinese question with two characters of a word typed in each other's place, written as the report writes
        the word ("哪个出社版的" -> 出版社, "那责校任对呢" -> 责任校对, "总编主谁" -> 总主编): a run of three or four characters
        the report never writes and no word of jieba's dictionary, that is a word of the report with two neighbouring
        characters swapped, neither of them a particle."""
        if not self.corpus or not re.search(r"[\u4e00-\u9fff]{3}", q):
            return q
        found: list[tuple[int, int, str]] = []
        for run in re.finditer(r"[\u4e00-\u9fff]{3,}", q):
            text, at = run.group(0), run.start()
            for n in (4, 3):
                for i in range(len(text) - n + 1):
                    w = text[i: i + n]
                    if w in self.corpus or self.is_word(w) or w in self.df or any(a < at + i + n and at + i < b for a, b, _ in found):
                        continue
                    for j in range(n - 1):
                        t = w[:j] + w[j + 1] + w[j] + w[j + 2:]
                        if t != w and not _FUNCTION_CHARS.search(w[j: j + 2]) and (t in self.df or (n == 4 and t in self.corpus)):
                            found.append((at + i, at + i + n, t))
                            break
        return _replaced(q, found)

    def _could_be_slip(self, w: str, lex, slips: int) -> bool:
        """Whether some word of the lexicon (or the questions' own) as long as ``w`` differs from it in at most ``slips``
        characters, none of them a particle, and shares a character that is none: the checks ``one_slip_sound_alike``
        makes of the word a slip sounds like, made without pinyin."""
        masks = self.__dict__.get("_slip_masks")
        if masks is None:
            words = {t for ts in lex.entries.values() for t in ts if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", t)} | set(_QUESTION_WORDS)
            masks = {}
            for t in words:
                for i in range(len(t)):
                    masks.setdefault(t[:i] + "?" + t[i + 1:], set()).add(t)
            self.__dict__["_slip_masks"] = masks
            self.__dict__["_slip_fours"] = frozenset(t for t in words if len(t) == 4)
        near = {t for i in range(len(w)) for t in masks.get(w[:i] + "?" + w[i + 1:], ())}
        if slips >= 2 and len(w) == 4:
            near |= {t for t in self.__dict__["_slip_fours"] if sum(a != b for a, b in zip(w, t)) <= 2}
        return any(t != w and _plain_slip(w, t) for t in near)

    def word_sound_alike(self, q: str) -> str:
        """A Chinese question with words typed with a wrong character of the same sound written as the
        report writes them ("定假多少钱" -> 定价, "信息服物业" -> 信息服务业): a run of two to four characters,
        made of single characters or words the report never uses, with no particle in it, that is no word
        itself and sounds like exactly one word of the report of the same length (the lexicon keys the
        report's words by pinyin). It guesses: the answerer tries it only for a question nothing answers
        as typed ("首印" sounds like the report's 收益, "原句" like 园区)."""
        lex = getattr(self.glossary, "lexicon", None)
        if self.segment is None or lex is None or not len(lex) or not re.search(r"[\u4e00-\u9fff]", q):
            return q
        toks, pos = [], 0
        for t in self.segment(q):
            toks.append((pos, t))
            pos += len(t)
        loose = [re.fullmatch(r"[\u4e00-\u9fff]+", t) is not None and (len(t) == 1 or t not in self.df) for _, t in toks]
        found: list[tuple[int, int, str]] = []
        for i in range(len(toks)):
            for j in range(i + 1, len(toks) + 1):
                if not loose[j - 1]:
                    break
                a, b = toks[i][0], toks[j - 1][0] + len(toks[j - 1][1])
                w = q[a:b]
                if len(w) > 4:
                    break
                if len(w) < 2 or w in self.df or self.is_word(w) or _FUNCTION_CHARS.search(w):
                    continue  # ("的是" is no misspelt 第十: words made with particles are read as typed)
                if (target := _sounds_like(w, lex)) is not None:
                    found.append((a, b, target))
        return _replaced(q, found)

    def unknown_name(self, q: str, lang: str, qterms: dict[str, float]) -> str | None:
        """A name the report never uses, written as a name: "the price of *Bitcoin*", "which *Python*
        framework", "*Guangdong*'s software revenue". A passage that shares the rest of the question
        (a price, a framework) is about something else. Only capitalised words inside a sentence count,
        and only those the glossary cannot translate and the report does not contain (``~word``)."""
        if self.corpus:
            # "报告里“工业互联网”这个概念是怎么定义的？": a term quoted as the report's that the report never writes
            # (only a term asked about as a term: quotes also mark the asker's own words, "那“四个中心”", "“出海”")
            qn = normalize(q)
            for m in re.finditer(r"[“\"'‘「]([\u4e00-\u9fff]{2,10})[”\"'’」]", qn):
                if re.sub(r"\s+", "", m.group(1)) not in self.corpus and (
                        re.match(r"\s*(?:这个|这一|这种|的)?(?:概念|术语|提法|名词|说法|词)", qn[m.end():])
                        or re.search(r"怎么定义|如何定义|的定义|什么意思|\bdefine|\bdefinition\b|\bmean\b", qn)):
                    return m.group(1)
        if lang != "en":
            # "《京津冀协同发展规划纲要》是哪年印发的？": a work the report never names (the book's own title is one it names)
            # (not a work the setting names: "我处在录入…时，需按《中国图书馆分类法》填写分类号，请问…的中图分类号")
            for t in _WORK_TITLE.findall(setting(normalize(q)).body):
                t = squash_ws(t)
                if t not in ("本书", "这套丛书") and not any(t in x for x in self.titles) and not any(z in t or t in z for z in self.title.zh) \
                        and not (self.corpus and re.sub(r"\s+", "", t) in self.corpus):  # (named without 《》: the footnote's 新时期京津“双城记”)
                    return t
            # "二手iPhone什么价？", "ICP经营许可证": a Latin-script name in a Chinese question that the
            # report never writes and the glossary does not know
            # ("ISBN号多少，做ppt参考文献要写": ppt is why it is asked)
            # ("这本report定价多少钱？", "写market-entry memo要cite…": English words the paraphrase table drops or
            # gives the report's word for are no name; a hyphened word is known when each of its parts is)
            body = setting(normalize(q)).body
            for m in re.finditer(r"(?<![A-Za-z\d])(?=[\d.]*[A-Za-z])[A-Za-z\d][A-Za-z\d&.+-]*", body):
                w = m.group(0).rstrip(".")
                if re.match(r"(?:字母)?(?:开头|打头|起头|结尾|字头)", body[m.end():]) or re.search(r"(?:开头是|首字母是?|字母)$", body[: m.start()]):
                    continue  # ("CIP里那个F开头的中图分类号": the form of the value asked for, not a name)
                if not all(self._latin_known(p) for p in ([w] if self._latin_known(w) else w.split("-"))):
                    return w
            # "马云对电子商务怎么看？": a person the report never names (the tagger runs, and loads on first
            # use, only for a question with a Chinese word the report does not know)
            # (the question's own terms, already segmented: no second pass of jieba)
            if not any(_CJK_WORD.fullmatch(t) and not self.known(t) and not self._longer(t) for t in qterms):
                return None
            # ("这段时间": a measure word after a demonstrative, not the surname 段)
            # ("这本书那串国际标准书号": a demonstrative and a measure word, no name)
            return next((w for w in self.person_names(q) if not self.known(w) and not self._longer(w) and w[0] not in "这那每哪该此"
                         and w not in self.people and not re.search(f"[这那一每哪该此]{re.escape(w)}", normalize(q))
                         and w not in paraphrased()  # (a verb the tagger takes for a name: "把这本书张罗起来的编辑")
                         # (one who sent the asker: "管账的老刘非要我先问清楚——…定价是多少钱一本？", "处长让我查一下…")
                         and not re.search(f"{re.escape(w)}(?:非|又|总|就)?(?:要|让|叫|托|嘱咐|交代|催)(?:我|俺)", normalize(q))), None)
        story = preamble(q)[1]
        if not refers_back(q[len(story):]) or mentions(story):
            # (a name in the story before the question is not asked of: "…described as China's Silicon Valley.
            # What numbers …", unless the question points back to it and it names nothing the report is about:
            # "I'm researching Bitcoin. What's its price?")
            q = q[len(story):].lstrip()
        for run in _NAME_RUN.finditer(q):
            # "Zhang Hua", "Kingdee": every word unknown; not "Chinese Library Classification"
            ws = run.group(0).split()
            if all("~" + w.lower() in qterms for w in ws):
                return run.group(0)
        for m in _NAME_WORD.finditer(q):
            w = m.group(0)
            if w.lower() not in self.df and w.upper() not in self.df:
                return w  # "5G", "G20": a code the report never writes
        return None

    def report_words(self, q: str) -> list[str]:
        """The report's words the paraphrase table gives for a Chinese question's own ("缺页" -> 印装 错误):
        what to look the question up by besides its own words, which the report may never use."""
        said = qn = normalize(q)
        out: list[str] = []
        for pat, repl in _paraphrases():
            if not (_gapped(pat).search(qn) if GAP in pat else pat in qn and not any(t in qn for t in self._longer(pat))):
                continue
            # (as ``_analyse`` reads it: a matched phrase is used up, "写的是" leaves no "写的" -> 撰写)
            qn = _gapped(pat).sub(" ", qn) if GAP in pat else qn.replace(pat, " ")
            if repl != "-":
                out += [w for alt in repl.split() for w in alt.split(ALT) if w not in out and w not in said]
        return out

    def analyse(self, q: str, lang: str) -> tuple[dict[str, float], set[str]]:
        """(content terms with weights, the terms naming what an English question asks for).

        A follow-up's carried context (the previous question) adds its terms at CONTEXT_WEIGHT:
        "And the Maigu industrial park? (following up: On which page does the section on the
        Binhai high-tech zone start?)" asks about Maigu, on the earlier question's terms."""
        main, context = split_context(q)
        if not context:
            return self._analyse(q, lang)
        out, focus = self._analyse(main, lang)
        ctx, _ = self._analyse(context, language(context))  # "它的项目编号是多少？" after an English question
        for t, w in ctx.items():
            if t not in out and not t.startswith("~"):
                out[t] = w * CONTEXT_WEIGHT
        return out, focus

    def _analyse(self, q: str, lang: str) -> tuple[dict[str, float], set[str]]:
        # "down to a two-character word. Which word?": the kind of answer, no word to find (not 字数)
        q = without_phrase_length(WORD_ASKED.sub(" ", q))
        if lang == "en":
            # "Where in the report is e-commerce covered? A page number would help.": the sentence after the
            # question and the verb of where-in-the-book name nothing to find
            if page(after := afterword(q)):
                q = q[: len(q) - len(after)]  # ("I need the compilers' names for the citation." says what is asked)
            if page(q) or _WHERE_IN_BOOK.search(q):
                q = _COVERED_EN.sub(" ", q)
            if re.search(r"\b(?:chapters?|sections?|parts?)\b", q, re.I):
                q = re.sub(r"\bcover(?:s|ed|ing)?\b", " ", q, flags=re.I)  # "what do the four chapters cover?": no book cover
            q = _DATA_ON_EN.sub(" ", q)  # "Is there any data on R&D intensity …?": R&D intensity is asked
        qn = normalize(q)
        focus_keys: set[str] = set()
        zh_focus: set[str] = set()
        alts: list[str] = []
        idle: set[str] = set()  # the setting-up clauses' words the report never uses ("我在写一篇…论文，"): no weight
        aside: set[str] = set()  # the words of a clause about the asker: a follow-up's context weight
        asker_words: set[str] = set()
        structural = False
        if lang == "zh":
            structural = structure(qn)  # ("第三章第一节的标题是什么": the title is a contents line's)
            st = setting(qn)
            if st.before or st.after:
                own = {t.lower() for t in self.tokenize(st.body)}
                idle = {t.lower() for t in self.tokenize(st.before + "，" + st.after) if t.lower() not in self.df} - own
                # the setting's words weigh as a follow-up's context: they may locate the answer, the
                # question proper says what it is ("…想在课件最后一页列出这本报告的完整书目信息，请告诉我它的ISBN号")
                aside = {t.lower() for t in self.tokenize(st.before)} - own
                # (the asker's own story, "下周给本科生讲京津冀协同发展，", locates it least)
                asker_words = {t.lower() for t in self.tokenize(st.asker)} - own
                if refers_back(st.body) or not any(len(t) >= 2 and t in self.df and t not in STOP_ZH and not _INTERROGATIVE.match(t)
                                                   and t not in IMPLICIT_ZH for t in own):
                    # the question proper names nothing of its own, or points back ("…问我这本书的开本和印张，
                    # …，麻烦告诉我这两个数分别是多少"): what it asks is in the setting
                    aside = asker_words = set()
            # the noun after 什么/哪个 names what is asked ("按照什么顺序排列" -> 排序)
            m = _ZH_FOCUS.search(qn) or _FIELD_ZH.search(qn) or _OF_ZH.search(qn) or _TERSE_OF_ZH.search(qn) or _WRITE_WHERE_ZH.search(qn) or _TELL_ME_ZH.search(qn)
            fx = (m.group(1) if m.re.groups else m.group(0)) if m else ""
            held: list[str] = []  # a gapped phrase's report words, kept from the shorter phrases after it
            for pat, repl in _paraphrases():
                if GAP in pat:
                    # "研发…占GDP": the words in order, a few others between ("研发经费投入占经济总量比重");
                    # "在版编目数据里写的出版时间" is the CIP line's 出版时间, not the edition line's 版次
                    if _gapped(pat).search(qn) or (fx and _gapped(pat).search(fx)):
                        held.append(repl)
                        qn, fx = (_gapped(pat).sub(f" \ue000{len(held) - 1}\ue001 ", t) for t in (qn, fx))
                    continue
                if pat in qn and not any(t in qn for t in self._longer(pat)):
                    if repl == "-":
                        # where the asker saw it ("版权页上登记的两位编著者"): no word of what is asked
                        qn, fx = qn.replace(pat, " "), fx.replace(pat, " ")
                        continue
                    if ALT in repl:
                        # "毛病 -> 错误|问题": one word the report says either way (印装错误, 突出问题)
                        qn, fx = qn.replace(pat, " "), fx.replace(pat, " ")
                        alts.append(repl)
                        continue
                    qn = qn.replace(pat, " " + repl + " ")
                    fx = fx.replace(pat, " " + repl + " ")
            for i, repl in enumerate(held):
                qn, fx = (t.replace(f"\ue000{i}\ue001", repl) for t in (qn, fx))
            zh_focus = {t for t in self.tokenize(fx) if len(t) >= 2 and t not in STOP_ZH
                        and not _COUNTED.match(t)} if fx else set()  # "哪两位": a count, not a thing
        # English: the glossary's (and lexicon's) phrases, looked up once
        groups = self.glossary.groups(q) if lang == "en" and self.glossary is not None else []
        # a dictionary phrase made of the question's frame words ("deals with" -> 从事) is no content
        groups = [g for g in groups if not (g[4] == "lexicon" and all(w in self.stopwords or w in STOP_EN for w in g[2]))]
        words = en_words(q) if lang == "en" else []
        focus = focus_words(words, possessors(q)) if words else set()
        covered = {i for a, b, *_ in groups for i in range(a, b)}
        grouped = {words[i] for i in covered}  # English words a phrase stands for ("4" in "chapter 4")
        story = preamble(q)[1] if lang == "en" else ""
        # (a question proper that points back into its setting asks about what the setting names:
        # "The board members' names seem to be in some kind of order. What rule was used to sort them?")
        setting_end = len(en_words(story)) if story and not refers_back(q[len(story):]) else 0
        asked_words = set(words[setting_end:])
        out: dict[str, float] = {}
        for t in self.tokenize(qn):
            tl = t.lower().strip()
            if not tl or tl in STOP_ZH or tl in STOP_EN or tl in idle or not re.search(r"[\w\u4e00-\u9fff]", tl):
                continue
            if grouped and (tl in grouped or _fold(tl) in grouped):
                continue
            if re.fullmatch(r"(19|20)\d\d", tl):
                continue  # years are hard constraints, not terms
            if lang == "zh" and _INTERROGATIVE.match(tl):
                continue  # "几类", "哪几个", "多少家": the question's form, not its content
            if lang == "zh" and tl[:1] == "一" and tl[1:] in IMPLICIT_ZH and "哪" + tl in qn:
                continue  # "负责哪一部分": jieba's 一部分 is the question's form, as 哪部分 is
            if lang == "zh" and tl in IMPLICIT_ZH and tl not in self.df and (not structural or tl in ("名字", "姓名")):
                continue  # "叫什么名字", "用一个词概括": the kind of answer, a word the report need not use
            if lang == "zh" and _COUNTED.match(tl) and "哪" + tl in qn:
                continue  # "署名编著的是哪两位": how many are asked for, no word to find
            if lang == "zh" and _ASPECTS.match(tl):
                continue  # "哪四方面的短板": a count of aspects, not a word to find
            if len(tl) == 1 and "\u4e00" <= tl <= "\u9fff" and tl not in self.df:
                continue  # a lone character the report never uses as a word ("定位成" -> "成")
            if re.fullmatch(r"[a-z]+", tl) and lang == "en":
                # English words count only if the report uses them (GDP, ISBN, BPO ...);
                # other English words are represented by their glossary expansion below.
                if tl in self.df or tl.upper() in self.df:
                    out[tl] = self.idf(tl)
                continue
            out[tl] = self.idf(tl) * (FOCUS_WEIGHT if tl in zh_focus else STORY_WEIGHT if tl in asker_words else CONTEXT_WEIGHT if tl in aside else 1.0)
            if tl in zh_focus:
                focus_keys.add(tl)
        for repl in alts:
            out.setdefault(GROUP + repl, max(self.phrase_idf(x) for x in repl.split(ALT)))
        # One English phrase is one term, whatever the number of Chinese words it becomes:
        # "high-tech zone" -> "高新区" must not weigh three times ("高新", "新区", "高新区").
        for a, b, key, zhs, source in groups:
            if all(w in STOP_EN for w in key):
                continue  # the question's frame ("start", "number"), not its content
            if a > 0 and words[a - 1] == "how" and b - a == 1 and key[0] in HOW_FRAME:
                continue  # "how large / how big / how high": the question's frame, not "大型"
            alts = [x for x in dict.fromkeys(normalize(z).lower() for z in zhs)
                    if x and x not in STOP_ZH and (len(x) >= 2 or re.fullmatch(r"[a-z&]+", x))]
            if not alts:
                continue
            # a curated phrase weighs as its most telling form; a general-dictionary word with
            # several candidate translations ("goods" -> 货物|产品|物资) only as its least
            idfs = [self.phrase_idf(x) for x in alts]
            w = max(idfs) if source == "glossary" else min(idfs)
            # the thing asked for ("What *telephone number* ... for the publisher?") weighs
            # more than the words that only locate it
            term = GROUP + ALT.join(alts)
            in_focus = bool(focus & set(range(a, b)))
            if b <= setting_end and not set(words[a:b]) & asked_words:
                w *= CONTEXT_WEIGHT  # the setting's words weigh as a follow-up's context ("Our team is splitting up the reading.")
            # (a phrase of the question proper weighs fully though the setting used it too: "I'm
            # *pricing* comparable titles … Does this report *cost* more than 50 yuan?")
            out[term] = max(out.get(term, 0.0), w * (FOCUS_WEIGHT if in_focus else 1.0))
            if in_focus:
                focus_keys.add(term)
        # English content words the glossary does not know and the report does not use stay in the
        # question as unmatched weight ("weather", "recipe"): otherwise an off-topic question that
        # names a region would look fully covered.
        # (the sentences before the question that only set it up -- "Journalist here: my review copy
        # came with pages bound in the wrong order. What number do I ring …?" -- lend what the report
        # has words for, but their other words are no part of what is asked)
        # a romanisation in brackets glosses the words before it ("the responsible editor (ze ren bian ji)")
        glossed = {w for g in re.findall(r"\(([a-z' ]{2,40})\)", q) for w in en_words(g)} if lang == "en" else set()
        for i, w in enumerate(words if self.glossary is not None else []):
            if i in covered or w in STOP_EN or w in self.stopwords or len(w) < 3 or w.isdigit():
                continue
            if (i < setting_end and w not in asked_words or w in glossed) and w not in self.df and w.upper() not in self.df:
                continue
            if w in self.df or w.upper() in self.df:
                if i in focus:
                    focus_keys.add(w)
                continue
            out.setdefault("~" + w, EN_UNKNOWN_WEIGHT * self.max_idf)
            if i in focus:
                focus_keys.add("~" + w)  # asked for something the report has no word for
        return out, focus_keys


_PERSON_FIELDS = ("authors", "acquisitions_editor", "responsible_editor", "production_supervisor", "proofreader",
                  "series_editor", "editorial_board", "signed_by")


def _in_order(short: str, title: str) -> bool:
    """Every character of ``short`` is in ``title``, in order, and most of the title is kept."""
    short = short.replace("的", "")  # ("讲京津冀信息服务业的报告")
    it = iter(title)
    return all(ch in it for ch in short) and len(short) >= 0.6 * len(title)


def names_the_book(q: str, year: str) -> bool:
    """The year is part of the book's name in the question: "(2015)", "the 2015 Beijing-Tianjin-Hebei
    information services report", "2015年发展报告", "报告（2015）", "书名里写的是2015"."""
    y = re.escape(year)
    return bool(re.search(rf"[（(]\s*{y}\s*(?:年?版|年度|edition|ed\.)?\s*[)）]|\b{y}\s+edition\b|{y}\s*年版|\b{y}\s+(?:(?!(?:according|in|by|from|per|of|to|says?|said)\b)[A-Za-z&'-]+\s+){{0,8}}(?:report|yearbook)\b"
                          rf"|{y}\s*年?\s*(?:版)?[\u4e00-\u9fff]{{0,12}}?报告|报告\s*{y}|\breport\s+{y}\b"
                          rf"|(?:书名|标题)[里中上]?[^，,。？?；;]{{0,6}}{y}|\btitle\b[^,.?;]{{0,20}}\b{y}\b"
                          rf"|(?:本书|这本书|该书|它)[^，,。？?；;]{{0,8}}(?:标|写|印)(?:的是|着|了)\s*{y}(?![\d年])", q, re.I))  # "这本书虽然标的是2015"


# particles, pronouns and question words: a run that holds one is no word typed with a wrong character
_FUNCTION_CHARS = re.compile(r"[的了是在和与及或有也都就而着过吗呢吧啊么哪谁几多少什这那其它他她我你您个一不没还又再很最把被给从到对为以之所于上下里中后前由向按跟同让将并且此该]")


def _replaced(q: str, found: list[tuple[int, int, str]]) -> str:
    """``q`` with the spans found (start, end, same-length replacement) replaced, longest first, none overlapping."""
    out, taken = q, set()
    for a, b, target in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if taken & set(range(a, b)):
            continue
        taken |= set(range(a, b))
        out = out[:a] + target + out[b:]  # (same length: later offsets hold)
    return out


@lru_cache(maxsize=4096)
def _readings(w: str) -> tuple[str, ...]:
    """The toneless pinyin ``w`` may be read as (each character's readings, at most three)."""
    from pypinyin import Style, pinyin  # (loaded on the first question with a run that may be such a word)

    readings = [sorted({r for r in rs if r.isalpha()})[:3] for rs in pinyin(w, style=Style.NORMAL, heteronym=True, errors="ignore")]
    if len(readings) != len(w) or not all(readings):
        return ()
    keys = [""]
    for rs in readings:
        keys = [k + r for k in keys for r in rs]
    return tuple(keys)


def _plain_slip(w: str, t: str) -> bool:
    """``w`` could be ``t`` typed with a slip: the characters that differ are no particles or pronouns, and those
    they share are not all such ("是" is no slip for 市, nor "者是" for 这是)."""
    wrong = "".join(c for c, d in zip(w, t) if c != d)
    kept = "".join(c for c, d in zip(w, t) if c == d)
    return not _FUNCTION_CHARS.search(wrong) and bool(_FUNCTION_CHARS.sub("", kept))


# words of the questions themselves a slip may be typed in ("第几叶" for 第几页), besides the report's
_QUESTION_WORDS = ("第几页", "哪一页", "几页", "多少页", "页码", "页数")


def _sounds_like(w: str, lex, extra: tuple[str, ...] = (), slips: int = 0) -> str | None:
    """The one word of the report (or of ``extra``), as long as ``w``, that sounds as ``w`` does; None when there
    is none or more than one. With ``slips``, only a word that differs from ``w`` in at most that many characters,
    and among several the one that shares the most ("钱言" is 前言, not 前沿)."""
    keys = set(_readings(w))
    if not keys:
        return None
    hits = {t for k in keys for t in lex.get((k,)) if len(t) == len(w) and t != w and re.fullmatch(r"[\u4e00-\u9fff]+", t)}
    hits |= {t for t in extra if len(t) == len(w) and t != w and keys & set(_readings(t))}
    if slips:
        def wrong(t: str) -> int:
            return sum(c != d for c, d in zip(w, t))
        hits = {t for t in hits if wrong(t) <= slips}
        if hits:
            least = min(wrong(t) for t in hits)
            hits = {t for t in hits if wrong(t) == least}
    return next(iter(hits)) if len(hits) == 1 else None


_WORK_TITLE = re.compile(r"《\s*([^》]{2,60}?)\s*》")  # a work named in 《》


def titles_of(chunks) -> frozenset:
    """The works the report's text names in 《》 ("京津冀都市圈区域综合规划"), normalised, spaces removed."""
    return frozenset(squash_ws(normalize(t)) for c in chunks if c.kind == "paragraph" for t in _WORK_TITLE.findall(c.text))


def people_of(chunks) -> frozenset:
    """The persons a publication record names, from its rows (field ``authors``, ``editorial_board``,
    ``signed_by:总序``…): a question naming one asks about that person."""
    out = set()
    for c in chunks:
        m = c.meta or {}
        if m.get("table") == "publication" and str(m.get("field", "")).split(":")[0] in _PERSON_FIELDS:
            for name in re.split(r"[、,，;；\s]+", str(m.get("value") or "")):
                if 2 <= len(name) <= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", name) and name not in ("编者", "编委会"):
                    out.add(name)
    return frozenset(out)


def role_holders(chunks) -> dict[str, tuple]:
    """The persons each record row names, by the row's label with its spaces taken out ("总主编" -> ("王成慧",),
    "编著" -> ("郭斌", "陈倩")): "除了总主编和两位编著者，还有哪几位？" knows those persons already."""
    out: dict[str, tuple] = {}
    for c in chunks:
        m = c.meta or {}
        if m.get("table") == "publication" and str(m.get("field", "")).split(":")[0] in _PERSON_FIELDS and m.get("label"):
            names = tuple(n for n in re.split(r"[、,，;；\s]+", str(m.get("value") or "")) if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", n))
            if names:
                out.setdefault(re.sub(r"\s+", "", str(m["label"])), names)
    return out


def sole_holders(chunks) -> frozenset:
    """The persons a publication record row names alone ("总主编：王成慧"): asked their role, that row
    answers, not a list of members they are also in."""
    return frozenset(v for c in chunks if (m := c.meta or {}).get("table") == "publication"
                     and str(m.get("field", "")).split(":")[0] in _PERSON_FIELDS
                     and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", v := str(m.get("value") or "").replace(" ", "")))


# a reference as a footnote gives it: "邢元敏，薛进文. 新时期京津“双城记”[M]. 天津：天津人民出版社，2014."
REFERENCE = re.compile(r"^\s*(?:<sup>)?[①②③④⑤⑥⑦⑧⑨\d]*(?:</sup>)?\s*(?P<authors>[\u4e00-\u9fff]{2,4}(?:\s*[，,、]\s*[\u4e00-\u9fff]{2,4})*)\s*[.．]\s*"
                        r"(?P<title>[^\[\]]{2,80}?)\s*\[[MJCDRN]\]\s*[.．]\s*(?P<city>[\u4e00-\u9fff]{2,4})\s*[：:]\s*"
                        r"(?P<publisher>[\u4e00-\u9fff]{2,20})\s*[，,]\s*(?P<year>(?:19|20)\d{2})")


def reference_authors(reference: str) -> list[str]:
    """The authors a footnote's reference names, in its order ("邢元敏，薛进文.…" -> 邢元敏, 薛进文); [] for no reference."""
    m = REFERENCE.match(normalize(reference))
    return [a.strip() for a in re.split(r"[，,、]", m.group("authors")) if a.strip()] if m else []


def cited_authors(chunks) -> frozenset:
    """The authors of the works the footnotes cite ("邢元敏", "薛进文")."""
    return frozenset(a for c in chunks if (c.meta or {}).get("footnote") for a in reference_authors(c.text))


def dates_of(chunks) -> dict[str, str]:
    """The date each signed section is signed on (``signed_on:总序`` rows: "总序" -> "2016年3月15日")."""
    out: dict[str, str] = {}
    for c in chunks:
        m = c.meta or {}
        kind, _, part = str(m.get("field", "")).partition(":")
        if m.get("table") == "publication" and kind == "signed_on" and part and m.get("value"):
            out[normalize(part)] = str(m["value"]).strip()
    return out


def signers_of(chunks) -> dict[str, frozenset]:
    """The sections each person signs (``signed_by:总序`` rows): "他在总序里说…" asks about 总序's
    text, which need not repeat its signer's name."""
    out: dict[str, set] = {}
    for c in chunks:
        m = c.meta or {}
        kind, _, part = str(m.get("field", "")).partition(":")
        if m.get("table") == "publication" and kind == "signed_by" and part:
            out.setdefault(str(m.get("value") or "").strip(), set()).add(normalize(part).lower())
    return {p: frozenset(v) for p, v in out.items() if p}
