"""What a question asks for, from its wording alone (no model): a number, a date, a list, a
person, the book's structure, a chapter's parts, the chapter/section ordinals it names.

Every function takes the (rewritten, normalised) question; ``lang`` is "zh" or "en".
"""

from __future__ import annotations

import re

_NUMERIC_ZH = re.compile(r"多少|(?<![哪那这好])几|比重|比例|占比|多高|多大|多长|数量|规模|强度|增长到|增加到|达到(?![^，,。？?多少几]{0,12}(?:什么|怎样|怎么样|哪些|何种|哪种|啥))|金额|数额|价格|定价|字数|印张|(?<!版权)(?<!扉)(?<!书名)(?<![缺错漏掉倒那这该])页|第几")
_NUMERIC_EN = re.compile(
    r"\bhow (many|much|long|large|big|high)\b|\bwhat (share|percentage|proportion|was the (value|figure|number|amount|price))\b"
    r"|\b(shares?|percent|percentages?|proportions?|numbers? of|figures?|prices?|counts?|(?<!imprint )(?<!copyright )(?<!title )(?<!under the )(?<!of the )(?<!on the )page|intensit(?:y|ies)|spending|lengths?|mileage|km|kilomet(?:er|re)s?|capacit(?:y|ies)|values? added|population|gdp|revenues?|outputs?|incomes?|turnover|budgets?|sales|profits?)\b",
    re.I,
)
# "Where does the chronology begin?", "Where in the book is …": a place in the book is a page
_WHERE_IN_BOOK = (r"\bwhere\b.*\b(begins?|starts?|found|kicks? off)\b|^\s*(?:and\s+)?where(?:'s|\s+is|\s+are|\s+(?:can|could|might|may|would|should|do|will)\s+(?:i|we|one|you)\s+(?:find|look\s+for|locate))\s+(?:the\s+)?(?!publisher|press|printer)(?!.*\b(?:based|located|headquartered|situated)\b)|\bwhere in the (book|report|volume)\b|\bwhere\b.*\b(?:located|placed|situated|found)\s+in\s+the\s+(?:book|report|volume)\b|从哪(一)?(页|里)开始|在书的哪"
                  # "Is there a chronology of key events in the book, and where?"
                  r"|\b(?:is there|are there|does the (?:book|report) (?:have|include|contain))\b.{1,80}\band (?:if so,? )?(?:where|(?:on )?(?:what|which) page)\b")
# ("page format", "page size": the book's trim size, not a page of it)
_PAGE_Q = re.compile(r"第几页|哪一?页|页码|多少页|(?<!imprint )(?<!copyright )(?<!title )\bpages?\b(?!\s+(?:format|size|layout|dimensions?)\b)|"
                     + _WHERE_IN_BOOK, re.I)
_SECTION_WORD = re.compile(r"节|部分|\bsections?\b|\bparts?\b", re.I)
# a question about the book's structure (contents lines may answer it); "第一节里，…由哪几类产业构成"
# names a section only as the place to look, so the ordinal alone does not make one
_STRUCTURE_Q = re.compile(r"(?<![缺错漏掉倒])页|目录|标题|题目|叫什么|名为|名称|哪一?章|哪一?节|几章|几节|哪些章|哪些节|章节|各章|各节|[这那该此]一?[章节]的?(?:最后一|第[一二三四五六七八九十\d]+)[项个条]|条目|小节"
                          r"|[这那该此]一?[章节](?:底下|下面|下边|里面?|中|之下)?(?:一共|总共|共)?(?:列|分|包括|包含|收)"  # "河北…那一节一共列了多少个开发区"
                          r"|(?:[这那该此]一?|第[一二三四五六七八九十\d]+)[章节][^？?。]{0,30}?(?:都|一共|总共|共|还)?有(?:哪些|哪几)(?:个|项|家)?(?:项目|园区|基地|部分|条目|小节)"  # "第三章天津那一节有哪些项目"
                          r"|(?:附了?|附有|收了?|有)(?:没有)?(?:附录|大事记|参考文献|索引|后记)(?:没有|吗)"  # "这本报告后面附了大事记没有？"
                          r"|(?:有没有|有无|是否有)(?:附录|大事记|参考文献|索引|后记)"  # "有没有附录？"
                          r"|(?:是否|有没有|有无)(?:专门)?(?:讲到|谈到|涉及|写到|论述)了?"  # "是否讲到了大数据？"
                          r"|(?:书里|书中|本书|这本书|全书)(?:有没有|讲没讲|提没提|说没说|谈没谈|写没写)(?![^，,。？?]*(?:谁|哪|什么|多少|几))"  # "书里讲没讲软件业？"
                          r"|(?:报告|书)(?:里|中)?(?:收录|收入|收)了?(?:哪些|什么|哪几个|几个)"  # "承德在报告里收录了什么项目？"
                          r"|讲什么|讲的是什么|讲了什么|讲[^，。？?]{1,15}的[那哪]一?[章节]|主题|分成哪|分为哪|哪几个方面|哪几部分|哪些部分|小节"
                          r"|[章节](?:主要)?(?:写|讲|介绍|谈|论述|涉及)(?:了|的)?(?:是)?(?:哪|什么|啥)"  # "第二章第一节写的是哪个行业"
                          r"|(?:专门|单独)?(?:谈|讲|写|介绍|论述|讨论)[^，,。？?]{1,12}的(?:部分|章节)"  # "书里有没有专门谈大数据的部分？"
                          r"|\b(sections?|subsections?|chapters?|pages?|contents|titled?|called|named|parts?|entry|entries)\b|" + _WHERE_IN_BOOK
                          # "Is Yanjiao covered in the book?", "Does the book discuss Beidou anywhere?": where in the book, if anywhere
                          + r"|\b(?:covered|discussed|treated|dealt with)\s+(?:anywhere\s+)?in\s+the\s+(?:book|report)\b"
                          r"|\bdoes\s+the\s+(?:book|report)\s+(?:cover|discuss|treat|deal with)\b"
                          r"|\b(?:is there|are there|does (?:the|this) (?:book|report) (?:have|include|contain|end with))\s+(?:an?\s+|any\s+)?"
                          r"(?:appendix|appendices|chronolog\w*|chronicle|bibliography|references|reference list|index|afterword|timeline)\b", re.I)
# "what is the code of …": the value may be the code itself; "how many percentage points / times"
# measures a difference, it counts no thing the evidence must name
_NOUN_FOCUS = re.compile(r"\bhow (many|much)\b(?!\s+(?:more|less|higher|lower|bigger|larger|smaller|greater|fewer|"
                         r"(?:percentage\s+)?points?|per\s*cent(?:age)?|times|fold)\b)", re.I)


_DATE_Q = re.compile(r"日期|哪天|哪一天|何时|什么时候|哪年哪月|哪一年哪个?月|哪一?个月|几月|\bwhen\b|\bdate\b|\bwhat day\b"
                     r"|\b(?:which|what) month\b|\bmonth and year\b", re.I)
_PLURAL_WH = re.compile(r"\b(which|what)\s+(\w+\s+)?\w{3,}(?<!ss)(?<!us)(?<!is)s\b(?!\s+(is|was)\b)", re.I)
_LIST_Q = re.compile(r"哪些|哪几|各自|哪[两三四五六七八九十]个?(?:方面|问题|点|项|条|类|种|大|个)|有什么|(?:那|这)[两三四五六七八九十](?:个|项|位|家|条|本|所)(?![数年])|列举|列出|分别|[\u4e00-\u9fff]{2,}[和及][\u4e00-\u9fff]{2,}是什么|\bgive (me )?(the|all) (\w+ ){0,3}\w+s\b|\bname (some|the)\b|\bwhich\b.*\b(are|were)\b|\blist\b|\bwhat are\b", re.I)
# "多少册" asks for a number of 册: evidence must have one ("第1次印刷" does not say how many copies)
# (a noun is no measure word: "多少项目", "多少部门")
_HOW_MANY_ZH = re.compile(r"多少(家|个(?!百分点|印张)|册|本(?!书)|条|项(?!目)|人(?!民币)|名|位|页|元|亿元|万元|公里|千字|字|吨|所|座|件|篇|部(?!门|分)|种(?!类)|类)")

_WHO_Q = re.compile(r"\bwho\b|\bwhom\b|谁|哪[一两三四五六七八九十几]?位|哪家|哪个(单位|机构|公司|出版社|部门)"
                    r"|\bwhich (company|firm|outfit|organi[sz]ation|publisher|printer|institution|agency|body)\b", re.I)

_CN_NUM = "零一二三四五六七八九十"
_ORD_RE = re.compile(r"第([一二三四五六七八九十]+)([章节])")
_ORD_EN = re.compile(r"\b(chapter|section)\s+(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)
_ORD_EN_BEFORE = re.compile(r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(chapter|section)\b", re.I)
_EN_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


EN_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def en_number(n: int) -> str:
    """"four" for 4 (up to ten), else the digits."""
    return EN_NUMBERS[n] if 0 <= n < len(EN_NUMBERS) else str(n)


def cn_value(s: str) -> int:
    """"四" -> 4, "十" -> 10 (single Chinese numerals, as contents and counts write them)."""
    return _CN_NUM.index(s)


def cn_number(n: int) -> str:
    if n <= 10:
        return _CN_NUM[n]
    return ("" if n < 20 else _CN_NUM[n // 10]) + "十" + ("" if n % 10 == 0 else _CN_NUM[n % 10])


def ordinals(q: str) -> dict[str, str]:
    """Chapter / section ordinals asked about: {"章": "第二章", "节": "第四节"}."""
    out = {kind: f"第{num}{kind}" for num, kind in _ORD_RE.findall(q)}
    found = [(kind, n) for kind, n in _ORD_EN.findall(q)] + [(kind, str(_EN_ORDINAL_WORDS.index(w.lower()) + 1))
                                                             for w, kind in _ORD_EN_BEFORE.findall(q)]
    for kind, n in found:
        k = int(n) if n.isdigit() else EN_NUMBERS.index(n.lower())
        out.setdefault("章" if kind.lower() == "chapter" else "节", f"第{cn_number(k)}{'章' if kind.lower() == 'chapter' else '节'}")
    return out


_PARTS_Q = re.compile(r"(?:分别|都|主要|具体)?(?:介绍|讲|写|谈)了?哪(?:些|几个)(?:地区|地方|省市|城市)|(?:[这那该此]一?|第[一二三四五六七八九十\d]+)[章节][^？?。]{0,30}?(?:都|一共|总共|共|还)?有(?:哪些|哪几)(?:个|项|家)?(?:项目|园区|基地|部分|条目|小节)|分成哪|分为哪|分了哪|分成了哪|分为了哪|哪几块|几大块|按什么分节|(?:覆盖|涵盖)了?哪|(?<=[章节])(?:是|主要|都|又|具体)?(?:讲|写|介绍|谈)了?[^，。？?]{0,16}哪(?:些|几)|(?<=[章节])(?:一共|共|主要|都|又|具体)?(?:讲|写|介绍|谈|分)了?几个(?:方面|部分)|分哪|有几节|分了几|分成几|分为几|几节|几个小节|有几个小节|几个部分|\bhow many (sections|subsections|parts)\b|哪[两三四五六七八九十]个?(部分|方面|小节|节)|包括哪|包含哪|哪几个方面|哪几部分|哪几节|哪些节|哪几个小节|哪些小节|哪些部分|由哪几|有哪几|下设|(?:下面|之下|底下)[^，。？?的]{0,8}(?:收录|列|包括|包含|分|有|是)了?哪|(?<=[章节])[^，。？?的]{0,4}(?:涉及|收录|列了?|列出了?|包括|包含)了?哪[些几两三四五六七八九十]|"
                      r"\bwhat (sections|parts|subsections)\b|\bwhich (sections|parts|subsections)\b|\bsubsections?\b"
                      r"|\bwhat are (?:the|its) (?:(?:two|three|four|five|six|seven|eight|\d+) )?(sections|parts|subsections)\b|\b(which|what) \w+ does (it|the section|the chapter|this section|this chapter) cover\b"
                      r"|\bsection by section\b|\b(?:list|give(?: me)?|name|show(?: me)?|enumerate)\s+(?:all\s+)?(?:of\s+)?the\s+(?:sections|parts|subsections)\b|\bdoes (?:chapter|section) \w+ cover\b|\b(divided|organi[sz]ed|split|broken down|subdivided) into\b|\bbroken down\b|\bbreak(s)? down\b|\bconsists? of\b|\bwhat does (it|the section|the chapter) cover\b"
                      r"|\b(?:which|what) \w+ does (?:chapter|section) \w+ (?:cover|treat|include|discuss|deal with|address)\b|\b(?:which|what) \w+ does (?:chapter|section) \w+ (?:break|split|divide|sort|group)\b.{0,40}\binto\b"
                      r"|\b(?:which|what) \w+ (?:are|is) (?:included|covered)\b|\bwhat does (?:it|the section|the chapter|chapter \w+) include\b", re.I)


_CHAPTERS_Q = re.compile(r"(?<!第)几章|各章|哪几章|哪些章|每一?章|所有章|全书.*章|(?:书|全书|报告)[^？?]{0,6}几大?块|\bchapters\b", re.I)


def asks_for_chapters(q: str) -> bool:
    """The question is about the book's chapters as a whole ("这本书分几章，各章讲什么？",
    "What are the four chapters of the report about?"), not about one chapter."""
    return bool(_CHAPTERS_Q.search(q)) and not ordinals(q) and not _WHO_Q.search(q) and not re.search(
        r"\bchapters? (one|two|three|four|five|six|\d)\b", q, re.I)


def asks_for_parts(q: str) -> bool:
    """The question asks what a chapter or section is divided into."""
    return bool(_PARTS_Q.search(q))


# "网址是多少": Chinese asks a website or an address with 多少 too; its value is no figure
_TEXT_FIELD_ZH = re.compile(r"(?:网址|网站|官网|邮箱|电子邮件|地址|书名|名字|名称|标题)(?:是|为|叫)?多少")


_WHICH_MOST_ZH = re.compile(r"(?:哪家|哪个|哪一?[地省市方边]|谁)(?:的)?(?:[\u4e00-\u9fff]{0,4})?最(?:高|多|大|低|少|小|强|弱)")


# "发现有几页印得乱七八糟": some pages, damaged -- no count of pages asked
_SOME_PAGES_ZH = re.compile(r"几页(?=[^，,。？?]*(?:印|错|缺|破|坏|掉|脱|装|残|乱|模糊|不清|空白))")


def numeric(q: str, lang: str) -> bool:
    """Asks for a figure: "多少", "比重", "how many", "what share" ..."""
    if lang == "en":
        return bool(_NUMERIC_EN.search(q))
    q = _SOME_PAGES_ZH.sub("", q)
    # ("前言第一页那个脚注引的是哪本书？": a page that says where, not a page asked)
    q = re.sub(r"第[一二三四五六七八九十百零\d]+页(?=(?:那|这|的|上|里|中|有|下))", "", q)
    q = re.sub(r"[缺少掉漏错倒][了个几]{1,2}页", "", q)  # ("书缺了页找谁换": a fault of the copy, no page asked)
    if _WHICH_MOST_ZH.search(q) and not re.search(r"多少|(?<!哪)几|具体数|数值|数字|分别", q):
        return False  # "三地里专利授权数量和密度哪家最高？": a place, not a figure
    if _THE_OTHERS_ZH.search(q) and not re.search(r"多少|还剩几", q):
        return False  # "不算软件服务外包的话，另外几种是什么？": the others by name
    if re.match(r"\s*请问", q) and re.search(r"(?:总额|数额|金额|数量|总量|比重|增速|增长率|投入强度)(?:的?具体(?:情况|数字|数据|数额))?[。.]?\s*$", q):
        return True  # "请问2015年京津冀三地信息服务业营业收入总额。": a figure asked for by a request
    return bool(_NUMERIC_ZH.search(q)) and not _TEXT_FIELD_ZH.search(q)


def page(q: str) -> bool:
    return bool(_PAGE_Q.search(q))


_CONTENTS_CUE = re.compile(r"目录|条目|\btable of contents\b|\bcontents\b|\bentry\b|\bentries\b|\blisted under\b|\bunder the (?:section|chapter)\b", re.I)


def names_contents(q: str) -> bool:
    """Names the contents or a line of it ("the first entry under the section on …", "目录里…"): a
    contents line answers before the text."""
    return bool(_CONTENTS_CUE.search(q))


_ORDER_Q = re.compile(r"(?:什么|何种|哪种|怎样的?|怎么|如何)(?:规则|顺序|次序|方式|原则)?\s*(?:排序|排列|排名|为序)|排序(?:的)?(?:规则|依据|原则|方式)|按照?什么(?:规则|顺序|次序)"
                      r"|(?:次序|顺序|排序|排列|先后)[^，,？?]{0,6}(?:依据|根据|依照|遵照|按照?)(?:的是)?什么|(?:依据|根据|按照?)什么[^，,？?]{0,4}排"
                      r"|\b(?:in what|by what|what) (?:order|principle|rule|criteri\w+)\b|\b(?:ordering|sorting|ranking) (?:rule|principle|criteri\w+)\b|\b(?:ordered|sorted|arranged|listed|ranked) (?:by|according to)\b"
                      r"|\bhow (?:are|were|is) .{0,40}\b(?:ordered|sorted|arranged|ranked)\b"
                      r"|\b(?:on|by) what (?:basis|principle|criterion)\b.{0,40}\b(?:ordered|sorted|arranged|ranked|listed)\b", re.I)


def asks_order(q: str) -> bool:
    """Asks what order a list follows ("编委会成员是按什么规则排序的？", "in what order …")."""
    return bool(_ORDER_Q.search(q))


def structure(q: str) -> bool:
    """About the book's structure: contents lines may answer it."""
    return bool(_STRUCTURE_Q.search(q)) or asks_for_parts(q)


def names_section(q: str) -> bool:
    return bool(_SECTION_WORD.search(q))


def names_subsection(q: str) -> bool:
    return bool(re.search(r"小节|\bsubsections?\b|\bitems?\b", q, re.I))


def how_many(q: str) -> bool:
    return bool(_NOUN_FOCUS.search(q))


def date(q: str) -> bool:
    return bool(_DATE_Q.search(q))


_YEAR_ASKED = re.compile(r"哪一?年|什么年份|\b(?:in )?(?:what|which) year\b", re.I)


def year_asked(q: str) -> bool:
    """Asks in which year ("是哪一年发布的？"): a passage without a year does not answer it."""
    return bool(_YEAR_ASKED.search(q))


_DAY_Q = re.compile(r"哪一?天|(?<!编号是)(?<!编号为)(?<!号码是)(?<!书号是)几号|几月几[日号]|具体日期|\bwhat (?:exact )?(?:date|day)\b|\bwhich day\b|\bon what day\b|\bexact date\b", re.I)


def day(q: str) -> bool:
    """Asks for a day ("哪一天", "on what date"): a month or a year does not answer it."""
    return bool(_DAY_Q.search(q))


_ORG_Q = re.compile(r"哪家|哪个(?:单位|机构|公司|出版社|印刷厂|部门)|\bwhich (?:company|firm|outfit|organi[sz]ation|publisher|printer|printing house|press)\b", re.I)


def asks_organisation(q: str) -> bool:
    """"由哪家印刷厂印制？", "Which company printed it?": the answer is a firm, not a person."""
    return bool(_ORG_Q.search(q))


_OWN_LINE = re.compile(r"[\u4e00-\u9fff]{2}(?:的)?(?:那|这)一?(?:小节|节|章|部分)|[\u4e00-\u9fff]{2}部分|第[一二三四五六七八九十]+[章节]"
                       r"|\b(?:the|its) (?:section|chapter|part|subsection) (?:on|about)\b", re.I)


_PAGE_FRAME_ZH = re.compile(r"其中|这一?[节章]|那一?[节章]|的|又|从|第几页|哪一?页|多少页|开始|在|是|页码|起|呢|大概|大约|具体|[？?，,。\s]")


def names_own_line(q: str) -> bool:
    """Names a part of the book of its own ("其中天津市政策那一节又在第几页？", "其中交通协同发展从第几页
    开始？"), not only a page ("从第几页开始？")."""
    if _OWN_LINE.search(q):
        return True
    if not re.search(r"[\u4e00-\u9fff]", q):
        # ("and on which pages do the appendix and the chronology begin?", not "and on which page does it start?")
        return any(w not in _PAGE_FRAME_EN and len(w) >= 4 for w in re.findall(r"[a-z]+", q.lower()))
    return len(_PAGE_FRAME_ZH.sub("", q)) >= 2


_PAGE_FRAME_EN = frozenset("and on at in of which what where page pages does do did is are was were the a an it its this that these those "
                           "they them one ones begin begins start starts open opens found located appear appears find number numbers "
                           "section sections chapter chapters part parts entry entries book report volume please also then there".split())


def asks_share(q: str) -> bool:
    """Asks for a share ("what share of the national total is that?", "占比多少")."""
    return bool(re.search(r"\b(share|percentage|proportion|fraction)\b|比重|占比|比例|几成|百分之几|百分之多少", q, re.I))


def terse(q: str) -> bool:
    """A query of a few words with no question form ("publisher email address", "isbn")."""
    words = re.findall(r"[A-Za-z&]+", q)
    return 0 < len(words) <= 4 and not _ASKS.search(q) and not any(w.lower() in AUX for w in words)


def where(q: str) -> bool:
    """Asks for a place ("Where was it published?", "在哪里出版")."""
    return bool(re.search(r"\bwhere\b|哪里|何地|什么地方|出版地", q, re.I))


def who(q: str) -> bool:
    return bool(_WHO_Q.search(q))


def listing(q: str, lang: str) -> bool:
    """Asks for several things: "哪些", "列出", "which programmes ..."."""
    return bool(_LIST_Q.search(q)) or (lang == "en" and bool(_PLURAL_WH.search(q))) or (lang != "en" and bool(_THE_OTHERS_ZH.search(q)))


_MONEY_Q = re.compile(r"多少(?:钱|经费|资金|金额|资助经费|资助金额)|(?:经费|资金|金额|资助额|资助金额)(?:是|有|为)?多少"
                      r"|\bhow much (?:\w+ )?(?:money|funding|cash)\b|\b(?:funding|grant|award) (?:amount|size)\b"
                      r"|\bhow (?:much|big|large) (?:was|is) (?:the|each|that|its) (?:grant|award|funding)\b"
                      r"|\bhow much (?:does|did|do|would|will) .{0,60}\bcost\b|\bwhat (?:does|did) .{0,60}\bcost\b|\bfares?\b|票价|卖多少|售价多少"
                      r"|\bin (?:yuan|rmb|renminbi|dollars|us dollars)\b|(?:多少|几)(?:亿|万)?(?:元|人民币)(?!\w)", re.I)  # ("total R&D spending in 2013, in yuan")


_PEOPLE_Q = re.compile(r"多少(?:名|位|个)?(?:从业人员|就业人员|工作人员|员工|职工|雇员|人员|人口)"
                       r"|(?:从业人员|就业人员|工作人员|员工|职工|雇员)(?:数|数量|总数|人数)?(?:有|是|为|达到|达)?多少")


def asked_unit(q: str, lang: str) -> str:
    """The measure word a count question asks for ("多少册" -> "册"; a sum of money, in yuan: "拿到了多少
    资助经费", "how much funding"; people: "有多少从业人员"), else ""."""
    if _MONEY_Q.search(q):
        return "元"
    if lang == "zh" and _PEOPLE_Q.search(q):
        return "人"
    m = (_HOW_MANY_ZH.search(q) or re.search(r"几(册|卷)", q)) if lang == "zh" else None  # ("丛书出版了几册？")
    if m and m.group(1) == "页" and re.search(r"[在第从到]多少页", q):
        return ""  # "在多少页": a place in the book, not a number of pages
    return m.group(1) if m else ""


_SIDE_BY_SIDE = re.compile(r"^[\s,，、/'’s]*(和|与|及|跟|同|或|或者|以及|and|or|vs\.?|versus|with)?[\s,，、/'’s]*$", re.I)
_COMPARE = re.compile(r"比较|对比|相比|相较|差距|高于|低于|compar|versus|\bvs\b|differ|gap between|ratio", re.I)


def side_by_side(q: str, mentions) -> bool:
    """The question sets named regions side by side ("北京和天津", "Beijing or Tianjin", a
    comparison), so each may be answered by its own passage."""
    regions = [m for m in mentions if m.slot.category == "region"]
    if len({m.slot for m in regions}) < 2:
        return False
    if _COMPARE.search(q):
        return True
    return any(_SIDE_BY_SIDE.match(q[a.end:b.start]) for a, b in zip(regions, regions[1:]))


_TITLE_Q = re.compile(r"标题|题目|书名|名称|叫什么|\btitled?\b|\bcalled\b|\bname of\b", re.I)


def asks_title(q: str) -> bool:
    """Asks what something is called: a bare title line is then the answer."""
    return bool(_TITLE_Q.search(q))


# English auxiliaries ("doe": glossary.en_words folds "does")
AUX = frozenset("is are was were do does doe did has have had can could will would should may might".split())


_AS_ROLE = re.compile(r"\b(?:serves?|served|serving|acts?|acted|acting|works?|worked|functions?|functioned)\s+as\b", re.I)


def plain_role(q: str) -> str:
    """"Who serves as general editor?" asks who *is* the general editor: the verb names no role."""
    return _AS_ROLE.sub("is", q)


def who_verb(q: str) -> bool:
    """"Who designed …", "who wrote …": a verb after "who" names the role asked about."""
    m = re.search(r"\bwho\s+([a-z]+)", q, re.I)
    return bool(m) and m.group(1).lower() not in AUX and not re.fullmatch("else|and|or|" + _LIGHT_VERBS, m.group(1), re.I)


# verbs that name no particular role ("who handles distribution …": the role is the noun)
_LIGHT_VERBS = "handles?|handled|deals?|dealt|takes?|took|runs?|ran|gets?|got|makes?|made|gives?|gave|puts?|manages?|managed"


_REFERENCE_BEFORE = re.compile(r"\b(before|after|than|besides|except|other than|apart from|unlike|compared (?:with|to)|outside)\s+(?:the\s+)?$|除了?$|不同于$|相比于?$", re.I)
# "…综合优势都超过长三角和珠三角，那它到底是哪方面落后了？": what a clause before the question measures against
# (in the question itself the place is compared: "北京的R&D投入强度超过天津多少？")
_MEASURED_AGAINST = re.compile(r"(?:超过|超出|高于|低于|不如|胜过|领先于?|落后于)(?:[\u4e00-\u9fff]{2,4}[和与、及])?$")


# the place begins the name of a report ("这份京津冀信服业报告", "the Beijing-Tianjin-Hebei information
# services report"): it names the book, not a place asked about
_NAMES_A_REPORT = re.compile(r"[^\W\d_在的中里对和与及跟同是有为从到]{0,10}?(?:报告|丛书)"
                             r"|(?:\s+(?!(?:in|of|for|on|and|or|to|the|at|by|with|from|does|do|is|are|was|did)\b)[A-Za-z&'-]+){0,6}\s+(?:report|yearbook|series)\b",
                             re.I)


def only_a_reference(q: str, m) -> bool:
    """A place named only as a point of reference ("growth poles *before* Jing-Jin-Ji", "除了北京"):
    the answer is about somewhere else, so the passage need not name it. A place inside a title
    ("《京津冀信息服务业协同发展研究丛书》") names the work, not a region asked about."""
    before = q[: m.start]
    return bool(_REFERENCE_BEFORE.search(before)) or (bool(_MEASURED_AGAINST.search(before)) and bool(re.search(r"[，,；;。]", q[m.end:]))) \
        or before.count("《") > before.count("》") or bool(
        _NAMES_A_REPORT.match(q[m.end:])) or bool(_REPORT_ON.search(before) and _THE_BOOKS_TOPIC.match(q[m.end:]))


# "the 2015 report on Beijing-Tianjin-Hebei information services": the book, described by its topic
_REPORT_ON = re.compile(r"\b(?:report|yearbook|book|volume|study|series)\s+(?:on|about|covering)\s+(?:the\s+)?$", re.I)
_THE_BOOKS_TOPIC = re.compile(r"(?:'s)?\s+information[- ]servic", re.I)


# "第二章总共占了多少页？", "How many pages long is chapter 2?": a count of the pages a part runs over
_PAGE_COUNT = r"占了?(?:多少|几)页|(?:有|共|一共|总共)(?:多少|几)页(?![^，,。？?]{0,6}(?:错|坏|破|缺|掉|脱|倒|反|印))|多少页(?:的)?篇幅|篇幅(?:有|是)?(?:多少|几)页|\bhow many pages\b|\bpage count\b"
_PAGE_ASKED = re.compile(_PAGE_COUNT + r"|第几页|哪一?页|页码|在几页|\b(what|which) pages?\b(?!\s+(?:format|size|layout|dimensions?)\b)|\bon what page\b|\bpage numbers?\b", re.I)


_PAGE_RANGE = re.compile(_PAGE_COUNT + r"|第?几页到第?几页|从哪页到哪页|哪几页|页码范围|(?:到|在)(?:第几|哪一?)页(?:结束|为止|止)|(?:结束|止)于(?:第几|哪一?)页"
                         r"|\b(?:ends?|finish(?:es)?|stops?) on (?:which|what) page\b|\b(?:what|which) page does [^?]{1,60}\b(?:end|finish|stop)\b"
                         r"|\bfrom (?:which|what) page to (?:which|what) page\b|\bpage range\b"
                         r"|\b(?:which|what) pages\b(?!.*\b(?:begins?|starts?|opens?)\b)|\bspans?\b.*\bpages?\b|\bpages\b.*\b(?:span|spans|run|runs|cover|covers)\b|\bruns? (?:across|from)\b", re.I)


def page_range(q: str) -> bool:
    """Asks from which page to which page a part runs ("燕郊高新区那部分是从第几页到第几页？")."""
    return bool(_PAGE_RANGE.search(q))


def page_count(q: str) -> bool:
    """Asks how many pages a part runs over ("第二章总共占了多少页？")."""
    return bool(re.search(_PAGE_COUNT, q, re.I))


def page_asked(q: str) -> bool:
    """Asks on which page something is: only a contents line can answer."""
    return bool(_PAGE_ASKED.search(q))


_GIVEN_PAGE = re.compile(r"\b(?:on|at|from)\s+page\s+(\d{1,3})\b|\bp\.\s*(\d{1,3})\b|第\s*(\d{1,3})\s*页", re.I)


def given_page(q: str) -> str:
    """The page a question names as a fact ("Which park is covered on page 107?", "第107页讲的是什么？"),
    "" when it names none."""
    m = _GIVEN_PAGE.search(q)
    return next((g for g in m.groups() if g), "") if m else ""


_FIGURE = re.compile(r"(?<![A-Za-z\d.])(\d+(?:\.\d+)?%?|[A-Za-z]*\d{3,}[A-Za-z\d]*)(?![A-Za-z\d]|\.\d)")
_WHAT_FIGURE_EN = re.compile(r"\bwhat\b.{0,60}\b(?:measur\w*|represent\w*|stands? for|refer\w* to|mean\w*|denot\w*|quantif\w*)\b"
                             r"|\bwhat\b.{0,20}\b(?:figure|number|code)\b.{0,30}\bfor\b"
                             # "What year is the 465 km figure from?": the passage that states it says when (or does not)
                             r"|\b(?:what|which) year\b.{0,40}\bfrom\b|\bfrom (?:what|which) year\b", re.I)
_WHAT_FIGURE_ZH = re.compile(r"(?:代表|表示|指的是|说的是|衡量|对应)(?:的是)?(?:什么|啥|哪个|哪项|哪一项)"
                             r"|(?:对应|属于)的?[\u4e00-\u9fff]{0,4}?(?:叫|是|为)(?:什么|啥|哪个|哪项|哪一项)|是(?:什么|啥)(?:的)?(?:数|数字|数据|编号|号码|指标)"
                             # "有个6.08%，…到底是什么指标？", "天津有个90%的占比，是什么占什么？"
                             r"|(?:是|为)(?:什么|啥|哪个|哪项|哪一项)(?:指标|比重|比例|占比)|什么占什么"
                             # "天津第二产业比重50.6%，是哪一年的？", "1188元是哪个省市、哪一年的数据？"
                             r"|(?<=[%元个家里吨])[，,]?\s*(?:这个数据?|这一?数字)?(?:是|为)?(?:哪一?年的|(?:哪个省市|哪个地方|哪个地区|哪里)的?)")


def given_figure(q: str, lang: str) -> list[str]:
    """The figures a question quotes to ask what they measure ("The imprint page lists 11.75. What is
    being measured there?", "“069760”这个编号代表什么？"); [] when it asks for a figure or quotes none."""
    if not (_WHAT_FIGURE_EN if lang == "en" else _WHAT_FIGURE_ZH).search(q):
        return []
    return [m.group(1) for m in _FIGURE.finditer(q) if not re.fullmatch(r"(?:19|20)\d\d", m.group(1))
            and not _PLACE_IN_BOOK.search(q[: m.start()]) and not re.match(r"\s*[章节页]", q[m.end():])]


# a number that says where in the book ("chapter 1", "p. 12", "第1章"), not a figure quoted
_PLACE_IN_BOOK = re.compile(r"\b(?:chapters?|sections?|parts?|pages?|pp?\.|no\.)\s*$|第\s*$", re.I)


_ASKS = re.compile(r"\b(what|which|who|whom|whose|when|where|why|how)\b|^\s*(?:is|are|was|were|does|do|did|has|have|can|could)\s+(?=\S+\s+\S)|什么|啥|谁|哪|(?<![这那好])几|多少|吗|怎|如何|为何|是否|是不是"
                   r"|(?<![很许众诸较更最过太])多(?:大|厚|长|高|重|久|远)(?![型学量部数小])", re.I)


_WHAT_ABOUT = re.compile(r"^\s*(?:and\s+|so\s+|ok(?:ay)?,?\s+)?(?:what|how)\s+about\b", re.I)


def asks(q: str) -> bool:
    """The text has a question form of its own ("And the Maigu industrial park?", "What about the one
    on big data?" have none)."""
    return bool(_ASKS.search(_SOME_PAGES_ZH.sub("", _WHAT_ABOUT.sub("", q))))


# ("那几个名字": those names; "哪几条", "哪几类": which ones, not how many)
_COUNT_Q = re.compile(r"(一共|共|总共)?(有)?((?<![那这好])几|多少)(位|个|名|家|项|人)|((?<![那这好哪])几|多少)(份|部|条|类|种|处)|\bhow many\b", re.I)


def count(q: str, lang: str) -> bool:
    """Asks how many things there are ("编委会一共有几位成员？", "How many members …")."""
    return bool(_COUNT_Q.search(q))


def count_asked(q: str) -> "re.Match[str] | None":
    """Where a count question asks how many ("几位", "多少家", "how many"), for what it counts after it."""
    return _COUNT_Q.search(q)


def count_unit(q: str) -> str:
    """The measure word of a count question ("几位" -> "位"), else ""."""
    m = _COUNT_Q.search(q)
    return (m.group(4) or m.group(6) or "") if m else ""


# "…, and on what date?", "… and when?": a second ask of another kind (a date, a place, a person)
_TWO_FIELDS_ZH = re.compile(r"(.{2,12}的)?([A-Za-z\u4e00-\u9fff]{2,6}?)[和及与跟、]([A-Za-z\u4e00-\u9fff]{2,6}?)(?:又|都)?(分别是什么|分别是多少|分别是谁|分别是哪[两三]?[家个位些]|各是什么|各是多少|各是谁|各是哪[家个位些]|各为多少|分别为多少|各为何|分别为何|是什么|是多少|有什么不同|有什么区别|有何不同|有什么不一样"
                            r"|(?:分别|各)?(?:是)?(?:怎么|如何)(?:著录|写|标|登记|记|印)的?|(?:书上|书里|上面)?(?:有写|写了|有标|标了|有)(?:吗|没有))[？?]?")
_SECOND_ASK_EN = re.compile(r"^(?P<a>.+?)(?:,?\s+and\s+(?P<b>(?:when|where|who|whom|(?:on )?what date|(?:on )?which date|in what year|in which year|in what order|in which order|on what day|on what pages?|on which pages?|what page|(?:on|at) (?:what|which) (?:number|phone number|telephone number)|(?:what|which) (?:phone |telephone )?number (?:do|should|can|shall|would) I (?:ring|call|dial|phone|use))\b.*)"
                            r"|(?<=\w)\s+and\s+(?P<d>how many\s+\w+(?:\s+\w+)?\s+(?:does|do|did|is|are|was|were)\b.*)"
                            r"|,\s+and\s+(?P<c>(?:(?:what|which)\s+(?:\w+\s+)?(?:date|day|page|year|number|phone|telephone|address|e-?mail|postcode|code|share|percentage|proportion|fraction)|how many|how much|how long|how big|how large|how thick"
                            # ("…, and what sub-sectors does it mainly include?": an ask with its own verb)
                            r"|(?:what|which)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:does|do|did|is|are|was|were)\s+(?:it|they|this|that|these|the)\b"
                            # ("Who published it, and what is its ISBN?", "…, and which zone is listed last?")
                            r"|what(?:'s|\s+is|\s+was|\s+are|\s+were)\s+(?:its|their|his|her|the (?:book|report|volume|series)'s)\s+[\w-]+"
                            r"|(?:what|which)\s+[\w-]+\s+(?:is|was|comes|appears)\s+(?:listed\s+|placed\s+)?(?:last|first|final)\b)\b.*))$", re.I)


_RECORD_FIELD_EN = (r"(?:ISBN|list price|price|cover price|publisher|edition|format|trim size|page count|word count|printed sheets|"
                    r"postcode|postal code|phone number|telephone number|address|CIP number|CIP data number|classification number|"
                    r"print run|printing|impression|series|subtitle|series editor|editor-in-chief)")
_TWO_FIELDS_EN = re.compile(r"^\s*what(?:'s|\s+is|\s+are|\s+were|\s+was)\s+(?:the\s+)?(?:book's\s+|its\s+)?(?P<a>" + _RECORD_FIELD_EN
                            + r")\s+and\s+(?:the\s+|its\s+)?(?P<b>" + _RECORD_FIELD_EN + r")\s*\??\s*$", re.I)

MAX_ASKS = 3


_WHETHER_GIVEN_ZH = re.compile(r"^(?:那|这个|这)?(?:书里|书上|书中|报告里|报告中|报告|文中|里面|这本书|本书)?(?:有没有|有|给没给|给了|给出|写没写|提没提)"
                               r"(?:具体的?|确切的?|准确的?)?(?:数|数字|数据|数值|数目|说|写|提|讲|记载|记录|解释|定义|说明|介绍)?(?:到|过)?(?:吗|没有|么)?$"
                               # "书里是怎么定义“大数据互联服务”的？具体指什么？": the definition asked again
                               r"|^(?:那|它|这)?(?:具体)?(?:指|是指|指的是)(?:什么|啥)$|^(?:书里|书中|报告里|报告中|文中)?(?:是)?(?:怎么|如何)(?:解释|定义|说明)的?$")


_HOW_WORDED_ZH = re.compile(r"^(?:那)?(总序|前言|第[一二三四五六七八九十]+章)(?:里|中|上)?(?:面)?(?:是)?"
                            r"(?:怎么|如何|咋)(?:说|讲|写|表述)的?(?:呢)?$")


def _ask_groups(q: str) -> list[str]:
    """The asks of a Chinese question, each with the clauses that set it up: "第三章介绍河北高新技术
    开发区的那一节，排在最后的是哪个园区？大概在第几页？" is "…那一节，排在最后的是哪个园区？" and
    "大概在第几页？"; "那负责印制的呢？校对又是谁？" asks twice (a "…呢？" asks too)."""
    groups: list[str] = []
    pending = ""
    # ("第一版是哪年几月出的、由哪家出版社出版": two asks joined by "、", the second led by its own preposition)
    q = re.sub(r"(?<=[的了])、(?=由|从|被)", "，", q)
    # ("总的序是谁写的、落款是哪天？": two clauses joined by "、", each asking on its own)
    q = re.sub(r"(?<=[^，,？?；;、]{2})、(?=[^，,？?；;、]{3})",
               lambda m: "，" if asks(re.split(r"[，,？?；;、]", q[: m.start()])[-1]) and asks(re.split(r"[，,？?；;、]", q[m.end():])[0]) else "、", q)
    for c in re.findall(r"[^，,？?；;]+[，,？?；;]?", q.strip().rstrip("。.")):
        body = c.rstrip("，,？?；;。. ")
        if not body:
            continue
        if groups and not pending and _WHETHER_GIVEN_ZH.match(body):
            continue  # "…专利授权了多少件？书里有具体数吗？": whether the book says it is the same ask
        if groups and not pending and (how := _HOW_WORDED_ZH.match(body)):
            # "作者推出这套丛书的目的是什么？总序里怎么说的？": how the report words it is the same ask, asked where it says it
            if how.group(1) and how.group(1) not in groups[-1]:
                groups[-1] = how.group(1) + "里" + groups[-1]
            continue
        # ("cip核字号多少 中图分类号呢": a "…呢" after an ask asks too, its question mark left out)
        # ("…应由哪个部门负责调换？另外请问相应联系电话。": a request after an ask asks too)
        if asks(body) or ((c.endswith(("？", "?")) or groups) and body.endswith("呢")) or (
                groups and not pending and re.match(r"(?:另外|此外|同时|并)?请(?:问|列出|提供)", body)):
            if groups and groups[-1].endswith("呢？") and not pending and len(_PAGE_FRAME_ZH.sub("", body)) < 2:
                groups[-1] = groups[-1][:-1] + "，" + body + "？"  # "下一节呢？从第几页开始？" asks once
                continue
            groups.append(pending + (re.sub(r"^(?:另外|此外|同时|并)请(?:问|列出|提供)", "", body) if groups else body) + "？")
            pending = ""
        else:
            pending += c
    if pending and groups:
        groups[-1] = groups[-1].rstrip("？") + "，" + pending.rstrip("，,？?；; ") + "？"  # "…是什么，请注明出处"
    return groups


_TWO_PAGES_EN = re.compile(r"^(on\s+|from\s+)?(which|what)\s+pages?\s+do\s+((?:the\s+)?[\w' -]+?)\s+and\s+((?:the\s+)?[\w' -]+?)\s+"
                           r"(start|begin|open|appear)(?:\s+on)?\s*\??$", re.I)


# "哪一章篇幅最长？", "Which chapter runs longest by page count?": the chapter whose pages (by the contents) are the most
_LONGEST_CHAPTER_ZH = re.compile(r"哪一?章[^，,。？?]{0,10}?(?:篇幅|页数|页码跨度|页)?(?:最(?P<a>长|多)|最(?P<b>短|少))(?!的?节)"
                                 r"|(?:篇幅|页数)最(?:(?P<c>长|多)|(?P<d>短|少))的(?:是)?(?:哪一?章|章)")
_LONGEST_CHAPTER_EN = re.compile(r"\bwhich chapter\b[^?]{0,40}?\b(?:(?P<a>longest|most pages|the most space)|(?P<b>shortest|fewest pages|least space))\b"
                                 r"|\bthe (?:(?P<c>longest)|(?P<d>shortest)) chapter\b", re.I)
# "哪一章的节最多？", "Which chapter has the most sections?"
_MOST_SECTIONS_ZH = re.compile(r"哪一?章[^，,。？?]{0,10}?(?:节数?|小节)[^，,。？?]{0,2}?(?:最(?P<a>多)|最(?P<b>少))"
                               r"|(?:节数?|小节)最(?:(?P<c>多)|(?P<d>少))的(?:是)?(?:哪一?章|章)")
_MOST_SECTIONS_EN = re.compile(r"\bwhich chapter\b[^?]{0,40}?\b(?:(?P<a>most)|(?P<b>fewest|least))\s+sections\b"
                               r"|\bchapter with the (?:(?P<c>most)|(?P<d>fewest)) sections\b", re.I)


# "第四章四节政策里，哪一节篇幅最长？", "目录里哪一节下面列的条目最多？", "附录和大事记，哪个篇幅更长？", "Which single section lists
# the most sub-entries?": a part of the contents that is the longest (by its pages) or holds the most lines
_PART_EXTREME_ZH = re.compile(r"(?:哪一?(?:节|部分|条|个|项|方向|地|篇|部)|谁)[^，,。？?]{0,14}?(?:篇幅|页数|写得|条目|页|占)?[^，,。？?]{0,4}?"
                              r"(?:最(?P<a>长|多)|最(?P<b>短|少)|更(?P<c>长|多)|更(?P<d>短|少))")
_PART_EXTREME_EN = re.compile(r"\bwhich (?:single )?(?:section|part|entry|sub-entry|subsection|one|of (?:those|them|the two))\b[^?]{0,70}?\b"
                              r"(?:(?P<a>longest|most pages|most (?:sub-)?entries|most items|more pages|longer)|(?P<b>shortest|fewest pages|fewest (?:sub-)?entries|fewer pages|shorter))\b", re.I)
_ENTRIES_ASKED = re.compile(r"条目|几条|条数|列的|列了|\b(?:entries|sub-entries|items|lists)\b", re.I)


def part_extreme(q: str, lang: str) -> tuple[str, str] | None:
    """("pages" or "entries", "max" or "min") when the question asks which part of the contents (a section, a part
    of one, an entry) runs longest or shortest, or lists the most or fewest lines; None otherwise."""
    m = (_PART_EXTREME_ZH if lang == "zh" else _PART_EXTREME_EN).search(q)
    if not m:
        return None
    return ("entries" if _ENTRIES_ASKED.search(q) and not re.search(r"篇幅|页数|\bpages\b", q) else "pages"), _which_end(m)


def _which_end(m: re.Match) -> str:
    """"max" or "min" from an extreme's match: groups a and c are the top end, b and d the bottom."""
    g = m.groupdict()
    return "max" if (g.get("a") or g.get("c")) else "min"


def chapter_extreme(q: str, lang: str) -> tuple[str, str] | None:
    """("pages" or "sections", "max" or "min") when the question asks which chapter is the longest or shortest by
    the contents' pages, or has the most or fewest sections; None otherwise."""
    for kind, pats in (("sections", (_MOST_SECTIONS_ZH, _MOST_SECTIONS_EN)), ("pages", (_LONGEST_CHAPTER_ZH, _LONGEST_CHAPTER_EN))):
        m = pats[0 if lang == "zh" else 1].search(q)
        if m:
            return kind, _which_end(m)
    return None


_NAMES_OF_TWO_EN = re.compile(r"^(?:I\s+need|I'd\s+like|I\s+would\s+like|please\s+give\s+me|give\s+me|tell\s+me|can\s+you\s+give\s+me)\s+"
                              r"the\s+names?\s+of\s+(?P<a>the\s+[^,?]+?)\s+and\s+(?P<b>the\s+[^,?]+?)(?:\s+for\s+[^.?]*)?\s*[.?!]?$", re.I)


def several_asks(q: str, lang: str) -> list[str]:
    """Several questions in one ("總序是誰寫的？落款日期是哪一天？", "Who signed the general preface,
    and on what date?"): the parts (at most MAX_ASKS), else []."""
    if lang == "zh":
        from assistant.question import preamble  # noqa: PLC0415 (question imports intent)

        # (the clauses before "…，请问" only set the question up, whatever they word as a question:
        # "并把问题归纳成了几条，…，请问前言一共归纳了几点不足，分别涉及哪些方面？")
        before = preamble(q.strip())[1]
        groups = _ask_groups(q.strip()[len(before):])
        if groups and before:
            groups[0] = before + ("" if before[-1] in "，,；;。：:" else "，") + groups[0]
        if 2 <= len(groups) <= MAX_ASKS:
            # "组稿编辑和责任校对分别是谁？经销商又是谁？": an ask may itself ask two fields
            parts = [x for g in groups for x in (_two_fields(g) or [g])]
            return parts if len(parts) <= MAX_ASKS else groups
        return _two_fields(q) or _listed_fields(q)
    sentences = [x.strip() for x in re.findall(r"[^?]+\?", q.strip())]
    if 2 <= len(sentences) <= MAX_ASKS and re.sub(r"\s+", "", "".join(sentences)) == re.sub(r"\s+", "", q.strip()) \
            and all(asks(x) for x in sentences):
        # "Why are public resources so unevenly spread …? What root cause does the preface point to?": two questions
        return sentences
    m = _NAMES_OF_TWO_EN.match(q.strip())
    if m:
        # "I need the name of the acquisitions editor (组稿编辑) and the proofreader (责任校对) for the credits box."
        return [f"Who is {m.group('a').strip()}?", f"Who is {m.group('b').strip()}?"]
    m = _TWO_FIELDS_EN.match(q.strip())
    if m:
        # "What's the ISBN and the list price?": two fields of the book's record
        return [f"What is the {m.group('a')}?", f"What is the {m.group('b')}?"]
    m = _TWO_PAGES_EN.match(q.strip())
    if m:
        # "On which pages do the appendix and the chronicle of events start?": a page for each
        return [f"{m.group(1) or ''}{m.group(2)} page does {m.group(3)} {m.group(5)}?".strip().capitalize(),
                f"{m.group(1) or ''}{m.group(2)} page does {m.group(4)} {m.group(5)}?".strip().capitalize()]
    m = _SECOND_ASK_EN.match(q.strip())
    if m and asks(m.group("a")) and not re.search(r"\b(between|both)\b", m.group("a"), re.I):
        second = (m.group("b") or m.group("c") or m.group("d")).strip()
        if re.fullmatch(r"(?:if so,?\s*)?(?:where|(?:on\s+)?(?:what|which)\s+page)\s*\??", second, re.I) \
                and re.match(r"\s*(?:is there|are there|does the (?:book|report) (?:have|include|contain))\b", m.group("a"), re.I):
            return []  # "Is there a chronology of key events in the book, and where?": one question, a place in the book
        if m.group("d") and re.match(r"how many\b", m.group("a").strip(), re.I):
            # "How many words and how many printed sheets does the book run to?": the verb is the second's
            verb = re.search(r"\s((?:does|do|did|is|are|was|were)\b.*)$", second)
            return [m.group("a").strip() + (" " + verb.group(1) if verb else "?"), second]
        return [m.group("a").strip() + "?", second]
    return []


# "请提供该书的开本、印张和字数，…": fields of one record asked for by a request, not a question
_LISTED_FIELDS_ZH = re.compile(r"(?:提供|告诉我|给出|查一下|列出|列一下|报一下)(?:一下)?(.{0,8}?的)?((?:[\u4e00-\u9fff]{2,4}、)*[\u4e00-\u9fff]{2,4}[和及与][\u4e00-\u9fff]{2,4})(?=[，,。？?]|$)")


def _listed_fields(q: str) -> list[str]:
    """"请提供该书的开本、印张和字数": one question per field ("该书的开本是什么？" …), else []."""
    m = _LISTED_FIELDS_ZH.search(q)
    if not m:
        return []
    fields = re.split(r"[、和及与]", m.group(2))
    return [f"{m.group(1) or ''}{f}是什么？" for f in fields][:MAX_ASKS] if len(fields) >= 2 else []


_TELL_ME_ZH = re.compile(r"(?:麻烦|请|劳驾|帮忙)?(?:你)?(?:告诉我|给我|帮我查一?下|查一?下|说一?下|报一?下)")


_TWO_PARTS_ZH = re.compile(r"^(.*?)(总序|前言|序言|后记|附录|大事记|参考文献|第[一二三四五六七八九十]+章)[和与跟及、]"
                           r"(总序|前言|序言|后记|附录|大事记|参考文献|第[一二三四五六七八九十]+章)(的?[^，,。？?分各]{0,6}?)(?:分别|各自|各)(.+)$")


def _two_fields(q: str) -> list[str]:
    """"读者服务部的联系地址和邮编是什么？", "…，全书字数和印张各是多少？": two fields of one thing, else [];
    "总序和前言分别是谁署名的？": the same asked of two parts of the book."""
    if (p := _TWO_PARTS_ZH.match(q.strip())) and p.group(2) != p.group(3):
        # ("总序和前言末尾各自标的日期是哪天？": what stands between the parts and 各自 is said of each)
        mid = p.group(4) if p.group(4).strip("的") else ""
        return [f"{p.group(1)}{p.group(2)}{mid}{p.group(5)}", f"{p.group(1)}{p.group(3)}{mid}{p.group(5)}"]
    last = re.split(r"[，,：:]", q.strip())[-1]  # ("想引用篇幅资料：全书字数和印张各是多少？")
    lead = q.strip()[: len(q.strip()) - len(last)]
    if (tell := _TELL_ME_ZH.match(last)) and not re.search(r"什么|多少|谁|哪|[？?]\s*$", last):
        last = last[tell.end():].rstrip("。.！! ") + "是什么？"  # "麻烦告诉我这本书的ISBN和定价": asked without a question word
    elif (ask := re.match(r"(?:请问|请列出|请提供)", last)) and not re.search(r"什么|多少|谁|哪|几", last):
        # "请问丛书总序的落款署名及成文日期。", "请问本书印张数及字数的具体情况。": a request names what is asked
        last = re.sub(r"的?(?:具体)?(?:情况|信息|详情)?[。.！!？?]*$", "", last[ask.end():]) + "分别是什么？"
    m = _TWO_FIELDS_ZH.fullmatch(last)
    if m and not m.group(1):
        from assistant.question import mentions  # noqa: PLC0415 (question imports intent)

        if mentions(m.group(2)) or mentions(m.group(3)):
            return []  # "北京和天津分别是多少？": two places side by side, one question
    if not m:
        return []
    # (each part keeps the clauses before: "想引用一下北京的增加值，请问起点和终点分别是多少？")
    owner = m.group(1) or ""
    first = re.sub(r"^(?:请问|那么?)", "", m.group(2)) or m.group(2)
    # ("开本跟印张各怎么著录？", "字数和印张有写吗": each field's value is asked)
    ask = m.group(4) if re.search(r"什么|多少|谁|哪", m.group(4)) and not re.search(r"不同|区别|不一样", m.group(4)) else "是什么"
    if ask != m.group(4) and len(m.group(3)) > 2 and not m.group(3).isascii() and not re.search(r"不同|区别|不一样", m.group(4)):
        return []  # (a record's fields are short words, 开本, 印张, ISBN: "电子商务和物联网有写吗" asks whether topics are covered)
    return [f"{lead}{owner}{first}{ask}？", f"{lead}{owner}{m.group(3)}{ask}？"]


_WHO_SUBJ_ZH = re.compile(r"^(.{2,12}?)(?:是由|是|由|为)?(?:谁|哪[一两三四几]?位(?:学者|作者|专家|老师)?)(?:写|撰写|编写|编撰|编著|著|主编|起草|署名|执笔|落款|落的款|作|设计|翻译|校对|排版|拍摄|绘制|策划|题写)")
_WHO_SUBJ_AFTER_ZH = re.compile(r"^(?:是|由)?(?:谁|哪[一两三四几]?位)(?:写|撰写|编写|编撰|编著|执笔|设计|翻译|校对|排版|拍摄|绘制|策划|题写)的"
                                r"([\u4e00-\u9fffA-Za-z]{2,12}?)[？?。！!]*$")
_EDITION_ZH = re.compile(r"第([一二三四五六七八九十\d]+)(版|次印刷)")
_EDITION_EN = re.compile(r"\b(second|third|fourth|fifth|2nd|3rd|4th|5th)\s+(edition|printing|impression|print run)\b", re.I)
_EN_ORDINAL_N = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}


_ASKED_N = re.compile(r"哪?([两三四五六七八九十几])(?:个)?(?:方面|点)")


def asked_number_of_items(q: str) -> str:
    """"存在哪四方面的短板？" -> "四", "有哪几方面的不足" -> "几": the number of items a list question
    expects ("" if none)."""
    m = _ASKED_N.search(q)
    return m.group(1) if m else ""


def edition(q: str) -> tuple[int, str] | None:
    """The edition or printing a question names: "第二版" -> (2, "版"), "second printing" -> (2, "次印刷")."""
    m = _EDITION_ZH.search(q)
    if m:
        v = m.group(1)
        return (int(v) if v.isdigit() else cn_value(v)), m.group(2)
    m = _EDITION_EN.search(q)
    if m:
        return _EN_ORDINAL_N[m.group(1).lower()], "版" if m.group(2).lower() == "edition" else "次印刷"
    return None
_WHO_SUBJ_EN = re.compile(r"\bwho\s+(?:wrote|signed|authored|drafted|penned|compiled|edited|designed|translated|proofread|"
                          r"illustrated|photographed|typeset)\s+(?:the\s+)?(.+?)(?:\?|$|,| and\b| in\b| for\b)", re.I)


_WHO_SUBJ_CITED_EN = re.compile(r"\bwho\s+(?:wrote|authored|compiled|edited|penned)\s+(?:the\s+)?(.+?\b(?:cited|quoted|referenced|mentioned)\s+in\s+"
                                r"(?:the\s+)?[\w' ]+?)(?:\?|$|,)", re.I)
_THE_BOOK = re.compile(r"^(?:the |this |that )?(?:book|report|volume)$|^(?:这本书|本书|该书|此书|这书|那本书|这部书|这本|这份|这本报告|本报告|这份报告|该报告|此报告|报告|书)$"
                       r"|^(?:这|本|该|此|那)(?:份|本|部)[\u4e00-\u9fff]{0,6}(?:报告|(?<!丛)书)$", re.I)  # ("这份发展报告")


_AUTHORS_OF_BOOK = re.compile(r"(?:(?:这本书|本书|该书|这书|这本报告|本报告|这份报告|报告|书)(?:上|里)?(?:署名|列|写|印)?的?)?(?:作者|著者|编著者|编写者|撰写者|编撰者)(?:是谁|有谁|都有谁|是哪[几两一]?位(?:学者|作者|专家|老师)?|叫什么)[？?]?$"
                              r"|(?:who|what) (?:is|are|were|was) (?:the )?(?:book's |report's )?authors?(?: of (?:the|this) (?:book|report))?\s*\??$", re.I)


def asks_book_author(q: str, lang: str) -> bool:
    """"Who wrote the book?", "这本书是谁写的？", "who wrote it (following up: … of this book)": the
    book's authors are asked for, not the signer of one of its prefaces."""
    from assistant.question import preamble, split_context  # noqa: PLC0415 (question imports intent)

    main, ctx = split_context(q)
    if lang == "zh" and (told := preamble(main)[1]):
        main = re.sub(r"^[，,；;。：:\s]*(?:那么?)?(?:请问|我想问|想问|想知道|想请教)?[，,：:\s]*", "", main[len(told):])  # ("我在写一篇…的稿子，…需要写明作者，请问这本书是由谁编著的？": the question proper)
    if _AUTHORS_OF_BOOK.match(main.strip()):
        return True  # "作者是谁？", "Who are the authors?"
    if not ctx and re.fullmatch(r"\s*(?:是)?谁(?:写|编|著|编著|编写)的[？?]?\s*|\s*who\s+wrote\s+it\s*\??\s*", main, re.I):
        return True  # "谁写的" asked alone: the book
    if not re.search(r"\bwho\s+(?:wrote|authored|compiled|penned)\b|(?:谁|哪[一两三四几]?位(?:学者|作者|专家|老师)?)(?:写|撰写|编写|编撰|编著|著|执笔)", main, re.I):
        return False  # "who proofread it" asks for the proofreader
    subj = who_subject(main, lang).strip()
    if subj.lower() in ("it", "它"):
        # "Who wrote it? (following up: I'm citing the 2015 report on … What's its full title?)"
        return bool(re.search(r"\b(?:this|the)\s+(?:(?:19|20)\d\d\s+)?(?:book|report|volume)\b|本书|这本书|该书|本报告|这本报告|这份报告", ctx, re.I))
    return bool(_THE_BOOK.match(subj))


_WHO_ROLE_OF = re.compile(r"\s*who\s+(?:is|was|are|were)\s+(?:the\s+)?[A-Za-z][\w\s.&-]*?['’]s\s+"
                          r"(?:current\s+|present\s+|former\s+|new\s+)?([a-z][a-z\s-]*?)\s*\??\s*$", re.I)


def who_role_of(q: str) -> str:
    """The role a "who is X's Y" question asks about ("Who is Baidu's current chief executive?" ->
    "chief executive"), "" for other questions."""
    m = _WHO_ROLE_OF.match(q)
    return m.group(1) if m else ""


def who_subject(q: str, lang: str) -> str:
    """The work a "who wrote it" question asks about: "总序是谁写的" -> "总序", "Who wrote the
    preface?" -> "preface"; "" for other questions."""
    q = q.strip()
    if lang == "zh":
        # the clause that asks who: "记者想确认一下署名：这本报告是谁编著的？" -> "这本报告"
        q = next((c for c in re.split(r"[：:，,；;。]", q) if re.search(r"谁|哪位", c)), q).strip()
    # ("Who wrote the book cited in the footnote?": the work is told by where it is cited)
    m = (_WHO_SUBJ_ZH if lang == "zh" else (_WHO_SUBJ_CITED_EN.search(q) and _WHO_SUBJ_CITED_EN or _WHO_SUBJ_EN)).search(q)
    if not m and lang == "zh":
        m = _WHO_SUBJ_AFTER_ZH.search(q)  # "谁设计的封面？"
    if m and lang == "zh":
        # "这本报告到底是谁编写的"; "那这本报告是谁编著的？" (a follow-up's 那 is no part of what was written)
        return re.sub(r"^(?:那么|那)(?=[这本该此])", "", re.sub(r"(?:到底|究竟|又|都|最初|当初|原来)$", "", m.group(1).strip()))
    return m.group(1).strip() if m else ""


_NTH_ONE = re.compile(r"^(?:the\s+)?(first|second|third|fourth|last)(?:\s+one)?$|^第([一二三四])(?:个|部分)?$", re.I)


def nth_one(subject: str) -> str:
    """The ordinal of "the first one", "the last one", "第一个" ("" for another subject)."""
    m = _NTH_ONE.match(subject.strip())
    return (m.group(1) or m.group(2)).lower() if m else ""


_KIND_ASKED = r"什么样的?[\u4e00-\u9fff]{0,6}?(地区|城市|基地|体系|格局)(?![\u4e00-\u9fff])"
_WHICH_TYPE_ZH = re.compile(r"哪(?:所|家|个|一)?(大学|高校|学校|学院|单位|机构|部门|章|节|部分)|(?<=[在于属归是])第几(章|节)"
                            # "被规划定位成什么样的地区？": the answer names a 地区 ("…的门户地区")
                            r"|" + _KIND_ASKED)
_WHICH_TYPE_EN = re.compile(r"\b(?:which|what)\s+(university|college|school|institution|employer|department|chapter|section|part)\b|\baffiliat", re.I)
_UNIVERSITY = ("大学", "学院", "高校")
_SCHOOL = ("大学", "学院", "学校")
_EMPLOYER = ("大学", "学院", "公司", "中心", "研究院")
_TYPE_SURFACES = {"大学": _UNIVERSITY, "高校": _UNIVERSITY, "university": _UNIVERSITY, "学校": _SCHOOL, "school": _SCHOOL,
                  "学院": ("大学", "学院"), "college": ("大学", "学院"),
                  "单位": _EMPLOYER, "机构": _EMPLOYER, "institution": _EMPLOYER, "employer": _EMPLOYER,
                  "部门": ("部", "处", "科", "办公室", "中心", "委", "局", "厅"), "department": ("部", "处", "科", "办公室", "中心", "委", "局", "厅"),
                  "affiliat": ("大学", "学院", "高校", "公司", "中心", "研究院"),
                  "章": ("章",), "节": ("节",), "chapter": ("章",), "section": ("节",),
                  "部分": ("节",), "part": ("节",),
                  "地区": ("地区",), "城市": ("城市",), "基地": ("基地",), "体系": ("体系",), "格局": ("格局",)}
TYPE_WORDS = frozenset(_TYPE_SURFACES)  # the words that ask for a kind of thing ("哪个部门")
_INSTITUTION_KEYS = frozenset("大学 高校 学校 学院 university college school affiliat".split())


def asks_kind(q: str) -> bool:
    """"定位成什么样的地区？", "形成了什么样的产业体系？": the answer is a 地区, a 体系 … the report describes."""
    return bool(re.search(_KIND_ASKED, q))


def _which_key(q: str) -> str:
    if re.search(r"(?:第几|哪一?)章(?:的)?(?:第几|哪一?)节|\bwhich chapter and (?:which )?section\b", q, re.I):
        return "节"  # "是第几章第几节？": the section, told with its chapter
    m = _WHICH_TYPE_ZH.search(q) or _WHICH_TYPE_EN.search(q)
    if not m:
        return ""
    key = (next((g for g in m.groups() if g), None) or m.group(0)).lower()
    return "affiliat" if key.startswith("affiliat") else key


def which_type(q: str) -> tuple[str, ...]:
    """"陈倩是哪所大学的老师？", "Which university is Chen Qian affiliated with?": the kind of
    thing asked for, as the report would write it (大学/学院 …); () when not asked."""
    return _TYPE_SURFACES.get(_which_key(q), ())


_SOURCE_ASKED = re.compile(r"出处|出自(?:哪|什么|何处)|(?:在|是)哪一?段|原文在哪|(?:来源|出自)于?(?:哪|什么地方)"
                           r"|(?:总序|前言|第[一二三四]章)(?:里|中)?还是(?:在)?(?:总序|前言|第[一二三四]章)"  # "这是在总序还是前言里提到的？"
                           r"|(?:书里|报告里|书中|报告中)(?:的)?哪(?:里|儿|个地方|个部分)(?:提到|说|讲|写|出现)"
                           r"|\b(?:which|what) (?:passage|paragraph)\b|\bwhere (?:in the (?:report|book) )?(?:is|does) (?:that|this|it) (?:come from|said|stated)\b"
                           # "Which preface says that?", "Is that the series' general preface or the book's own preface?"
                           r"|\bwhich (?:one of the |of the (?:two )?)?prefaces?\b(?! (?:is|was) (?:dated|signed))|\bgeneral preface or the (?:book's )?(?:own )?preface\b"
                           r"|\bis it the (?:general |series'? )?preface that\b|\bwhich (?:part|section) of the (?:book|report) (?:says|states|mentions|gives|quotes|counts)\b", re.I)


def asks_source(q: str) -> bool:
    """"这个数出处是哪一段？", "Which passage is that from?": where in the report the passage found is, asked with
    the answer."""
    return bool(_SOURCE_ASKED.search(q))


_BACK_MATTER = re.compile(r"(?:正文|各章|四章|最后一章|章节|主体部分|附录)(?:之后|以后|后面|后边|结束后)(?:还)?(?:有|附|收|列|跟|接)?(?:了|着)?(?:哪些|哪几|什么|几)"
                          r"|书(?:的)?(?:后|末|尾|最后|末尾)(?:面|边)?(?:还)?(?:附|有|收)(?:了|有)?(?:哪些|哪[几两三四]|什么|几)|附属部分|后附(?:了)?(?:哪些|什么)"
                          r"|\b(?:back|end) matter\b|\bafter the (?:last|final|fourth) chapter\b|\bafter the main (?:text|body|chapters)\b", re.I)


def asks_back_matter(q: str) -> bool:
    """"正文之后还有哪些部分？", "What back matter does the book have?": the parts after the last chapter."""
    return bool(_BACK_MATTER.search(q))


def asks_department(q: str) -> bool:
    """"书有缺页该找出版社哪个部门？": the answer must name a department (…部, …处)."""
    return _which_key(q) in ("部门", "department")


def asks_institution(q: str) -> bool:
    """"Which university are the board members affiliated with?": the answer must name one."""
    return _which_key(q) in _INSTITUTION_KEYS


_WHO_ROLE_ZH = re.compile(r"(?:谁|哪位)(?:负责)?(设计|翻译|校对|排版|拍摄|绘制|策划|题写|审校|印制)")


def who_role_zh(q: str) -> str:
    """"封面是谁设计的？": the role a Chinese "who did it" question asks about ("" if none, or a
    writing verb, which the signature and authors lines answer)."""
    m = _WHO_ROLE_ZH.search(q)
    return m.group(1) if m else ""


_NTH_PART_ZH = re.compile(r"第([一二三四五六七八九十]|\d{1,2})(?:个)?(?:部分|小部分|点)")
_NTH_PART_EN = re.compile(r"\b(first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th|last|final)\s+(?:part|point|sub-?section|heading)\b"
                          r"|\b(?:part|point)\s+(one|two|three|four|five|six|[1-6])\b"
                          # "The 前言 lists four shortcomings. Which one comes third?", "the last of the four shortcomings in the 前言"
                          r"|\b(?:which|what)(?: one)? (?:comes|is listed|is) (first|second|third|fourth|fifth|sixth|last)\b"
                          r"|\bthe (first|second|third|fourth|fifth|sixth|last) (?:one )?of the (?:two|three|four|five|six) \w+", re.I)
_EN_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "1st": 1, "2nd": 2, "3rd": 3,
               "4th": 4, "5th": 5, "6th": 6, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


_NTH_ITEM_ZH = re.compile(r"(?:列出|所列|列)?的?(第([一二三四五六七八九十\d]+)[个项条]|最后一[个项条])[\u4e00-\u9fff]{0,4}(?:是|叫)"
                          # "“第三章第一节 …”下面第二部分是什么？": a line under the line named
                          r"|(?<=下面|底下|之下|下边)的?(第([一二三四五六七八九十\d]+)(?:部分|小节))(?:是|叫)"
                          r"|(?:排(?:在|到)?|(?=最后|末尾|最末))(最后|末尾|最末|第([一二三四五六七八九十\d]+)(?:位|个|项)?)(?:面|一位|一个|一项)?"
                          r"(?:介绍|列出|列|提到|讲)?的?(?:是|一个|那一?个)"
                          # "最后一个在第几页？": the item's page
                          r"|(最后|第([一二三四五六七八九十\d]+))一?(?:[个项条]|部分|小节)(?:园区|基地)?(?:在|从|是在)(?=第几页|哪一?页)")
# "Which funding project is listed first?", "the last funding project listed", "Who comes last?"
_NTH_LISTED_EN = re.compile(r"\b(?:is|are|was|comes?|appears?|stands?)\s+(?:listed\s+|named\s+|mentioned\s+|placed\s+)?(?:the\s+)?(?:very\s+)?(first|last)\b"
                            r"|\b(?:the\s+)?(?:very\s+)?(first|last)\s+(?:funding\s+|funded\s+|research\s+)?(?:project|grant|programme|program|name|person|member)s?\b(?!\s+(?:of|in)\s+(?:chapter|section))", re.I)
_NTH_ITEM_EN = re.compile(r"\b(?:the )?(first|second|third|fourth|fifth|last) (?:one|item|entry|park|zone|base|project|line)"
                          r"(?: (?:listed|under|in))?\b"
                          # "which zone is listed last?"
                          r"|\b(?:which|what) (?:one|item|entry|park|zone|base|project|line) (?:is|comes|appears) (?:listed |placed )?(first|last)\b", re.I)


# "基金项目里排在第一个的是哪个项目？", "列在最后的那个项目编号是多少？"
_NTH_LISTED_ZH = re.compile(r"(?:排在|列在|位列|排|列)(?:第[一二三四五六七八九十\d]+(?:个|位|项|条|名)?|最后|最末|末尾|最前|头一?个)")


def nth_listed(q: str) -> bool:
    """"Which funding project is listed first?", "排在第一个的基金项目": a place in a list the question names itself."""
    return bool(_NTH_LISTED_EN.search(q) or _NTH_LISTED_ZH.search(q))


def nth_item(q: str) -> int:
    """"列出的第一个园区是哪个？", "what is the last entry listed": the item asked for under a
    contents line (1-based; -1 for the last), 0 if none."""
    q = re.sub(r"排(?:在|到)?最前(?:面|头|边)?", "排第一个", q)  # ("排在最前面的是哪个项目？": the first)
    m = _NTH_ITEM_ZH.search(q)
    if m:
        if (m.group(1) or m.group(3) or m.group(5) or m.group(7)).startswith(("最后", "末尾", "最末")):
            return -1
        v = m.group(2) or m.group(4) or m.group(6) or m.group(8)
        return int(v) if v.isdigit() else cn_value(v)
    m = _NTH_ITEM_EN.search(q) or _NTH_LISTED_EN.search(q)
    if m:
        v = (m.group(1) or m.group(2)).lower()
        return -1 if v == "last" else _EN_ORDINAL[v]
    return 0


_NEXT = re.compile(r"下一(?:节|章|部分|小节|个|项|条)|(?<![最之])后一(?:节|章|个)"
                   r"|(?:后面|之后|后边)(?:紧接着|紧跟着|接着|紧挨着|接)?(?:的|那)?一?(?:节|章|条|项|个)?(?:是|讲|写)?(?:的是)?(?:哪一?(?:节|章|条|项|个|部分)|什么)"
                   r"|(?:紧接着|紧跟着|接下来)(?:的|那)?一?(?:节|章|条|项|个)?(?:是|讲)(?:哪一?(?:节|章|条|项|个|部分)|什么)|\bnext (?:section|chapter|part|one|entry|subsection)\b"
                   r"|\bthe (?:section|chapter|part|entry|subsection|heading|line) (?:right |directly |immediately |just )?(?:after|following) (?:it|that|this)\b|\bwhat comes (?:next|after)\b"
                   # "which chapter comes right after 第一章", "which section comes right after 北京市政策"
                   r"|\b(?:chapter|section|part|entry|subsection|one)\s+(?:comes|is|follows|sits)\s+(?:right |directly |immediately |just )?(?:after|next)\b"
                   # "那它后面一节呢？", "which entry follows 唐山工业软件…", "what follows it"
                   r"|(?:后面|之后|后边)(?:的|那)?一(?:节|章|条|项|个)(?=呢|[？?]|$)"
                   r"|\b(?:which|what) (?:chapter|section|part|entry|subsection|heading|line) (?:follows|comes (?:right |directly |immediately |just )?after)\b"
                   r"|\bwhat follows\b"
                   # "责任编辑下面那一行写的是谁？", "科技合作那一点后面是哪一点？"
                   r"|(?:紧挨着|紧接着)?(?:下面|下边|底下)(?:紧挨着的?|紧接着的?|的|那)?一(?:行|条|项)"
                   r"|(?:后面|之后|后边)(?:紧接着|紧跟着|接着|紧挨着)?(?:的|那)?(?:是|讲|写)?(?:的是)?哪一?(?:点|方面|块|段)"
                   r"|(?:后面|之后|后边)(?:紧接着|紧跟着|接着|紧挨着)(?:列|写|排|举|讲|说)?的?(?:是)?(?:哪|什么)"
                   r"|\blisted (?:just |right |directly |immediately )?after\b|\bwhat comes (?:right |directly |immediately |just )after\b", re.I)
_PREVIOUS = re.compile(r"上一(?:节|章|部分|小节|个|项|条)|前一(?:节|章|个)|上面(?:的|那)?一(?:项|条|行|个|节)"
                       r"|(?:前面|之前|前边)紧挨着的?(?:是)?(?:哪一?(?:节|章|条|项|个|部分)|什么)"
                       r"|(?:前面|之前|前边)(?:紧挨着)?(?:的|那)?一?(?:节|章|条|项)|(?:前面|之前|前边)(?:的|那)?(?:是)(?:哪一?(?:节|章|条|项|个)|什么)|\bprevious (?:section|chapter|part|one|entry|subsection)\b"
                       r"|\bthe (?:section|chapter|part|entry|subsection|heading|line) (?:right |directly |immediately |just )?(?:before|preceding) (?:it|that|this)\b|\bwhat comes before\b"
                       r"|\b(?:chapter|section|part|entry|subsection|one)\s+(?:comes|is|sits)\s+(?:right |directly |immediately |just )?before\b"
                       r"|(?:前面|之前|前边)(?:的|那)?一(?:节|章|条|项|个)(?=呢|[？?]|$)"
                       r"|\b(?:which|what) (?:chapter|section|part|entry|subsection|heading|line) (?:precedes|comes (?:right |directly |immediately |just )?before)\b"
                       r"|\bwhat precedes\b"
                       r"|(?:紧挨着|紧接着)?(?:上面|上边)(?:紧挨着的?|紧接着的?|的|那)?一(?:行|条|项)"
                       r"|(?:前面|之前|前边)(?:紧挨着的?)?(?:的|那)?(?:是|讲|写)?(?:的是)?哪一?(?:点|方面|块|段)"
                       r"|\blisted (?:just |right |directly |immediately )?before\b|\bwhat comes (?:right |directly |immediately |just )before\b", re.I)


_SAME_PAGE = re.compile(r"(?:在)?同一页|同页|(?:页码|起始页)(?:一样|相同)|\bon the same page\b|\bsame page\b", re.I)


def same_page(q: str) -> bool:
    """"跟它在同一页的还有哪个？": the other contents lines that start on the page of the line asked before."""
    return bool(_SAME_PAGE.search(q))


# "讲完交通以后前言接着讲哪方面？", "电子商务领域说完以后，接着举的是哪个领域的例子？"
_DONE_WITH = re.compile(r"(?:讲完|说完|写完|谈完|介绍完)[^，,。？?]{0,16}(?:以后|之后)")


def next_or_previous(q: str) -> int:
    """"那下一节呢？" -> 1, "the previous chapter?" -> -1, else 0 ("第一章开头那段讲完之后，第一节是什么？" names the
    section it asks for)."""
    q = re.sub(r"最(?:前|后)(?:面|边|头)", "最末", q)  # ("排在最前面的是哪个？": an end of the list, not the line beside)
    if _NEXT.search(q):
        return 1
    if _PREVIOUS.search(q):
        return -1
    m = _DONE_WITH.search(q)
    return 1 if m and not re.search(r"第[一二三四五六七八九十百\d]+[章节]", q[m.end():]) else 0


_NTH_OF_LIST_EN = re.compile(r"\b(?:what's|what is|which is|and|what about)\s+the\s+(first|second|third|fourth|fifth|sixth|last)\s+one\b", re.I)


def en_count(word: str) -> int:
    """"three" -> 3, "third" -> 3 (one to six, as _EN_ORDINAL reads them)."""
    return _EN_ORDINAL[word.lower()]


def nth_part_of_list(q: str) -> int:
    """"What's the first one?", "And the last one on the list?": a place in a list the conversation names (-1: the last)."""
    m = _NTH_OF_LIST_EN.search(q)
    if not m:
        return 0
    v = m.group(1).lower()
    return -1 if v == "last" else _EN_ORDINAL[v]


def nth_part(q: str) -> int:
    """"前言第二部分的标题是什么？", "the second part of the preface": the part asked for (1-based), 0 if none."""
    m = _NTH_PART_ZH.search(q)
    if m:
        v = m.group(1)
        return int(v) if v.isdigit() else cn_value(v)
    m = _NTH_PART_EN.search(q)
    if m:
        v = next(g for g in m.groups() if g).lower()
        return -1 if v in ("last", "final") else int(v) if v.isdigit() else _EN_ORDINAL[v]
    return 0


_DEFINITION_Q = re.compile(r"定义|是指|指的是|含义|什么意思|啥意思|界定|何为|所谓|算作|什么叫|什么是|叫做什么|(?:怎么|如何|怎样)解释|(?<![意所])指(?:啥|什么)|\bdefin(?:e|es|ed|ition|ing)\b|\bcounts? as\b|"
                           r"\bdescribes? what\b|\bexplains? what (?:is|are|an?|the)\b|\bwhat is meant by\b|\bmeaning of\b|\bwhat does .{3,40} mean\b", re.I)


def definition(q: str) -> bool:
    """Asks what a term means ("总序怎么定义信息服务业？", "What does chapter 1 count as information services?")."""
    return bool(_DEFINITION_Q.search(q))


_WHY_Q = re.compile(r"(?<![成作称定视变改认])为什么(?!样)|(?<![成作称定视变改认])为何(?!种)|为啥|何以|凭什么|什么原因|哪些原因|原因是什么|(?:什么|哪些|哪几条|哪几个)理由|\bwhy\b|\bfor what reasons?\b"
                    r"|\bwhat (?:are|is|were|was) the (?:reasons?|grounds?|rationale)\b", re.I)


def why(q: str) -> bool:
    """Asks for a reason ("为什么说信息服务业的区域融合能成为…切入点？", "Why does the preface say …?")."""
    return bool(_WHY_Q.search(q))


_ROLE_Q = re.compile(r"担任|职务|角色|身份|什么职位|负责什么|\bwhat (?:role|position|title)\b|\brole\b|\bposition\b", re.I)


WORD_ASKED = re.compile(r"(?:用|以)?(?:一个|哪个|什么|哪一个)词|(?:哪|几)?[两俩二三四]个?字(?:的|概括|形容|来|(?=[？?。，,]|$))|俩字|"
                     r"\b(?:which|what) (?:single |one |key |particular |specific )?(?:word|term|phrase|expression|catchword|buzzword)\b|\bin (?:a|one) (?:single )?(?:word|term|catchword|buzzword)\b|\b(?:one|two|three|four)[- ]character (?:word|term|phrase)\b", re.I)


def asks_word(q: str) -> bool:
    """Asks for a word or short term the report puts it in ("可以用哪个词概括？", "a two-character word")."""
    return bool(WORD_ASKED.search(q))


_PHRASE_LEN_ZH = re.compile(r"(?<![第\d])([一二两三四五六七八九十]{1,3}|\d{1,2})个?字的?(?=说法|提法|口号|方针|概括|表述|格局|原话|短语|话)")
_PHRASE_LEN_EN = re.compile(r"\b(\d{1,2}|four|five|six|seven|eight|nine|ten|eleven|twelve|sixteen)[- ]character\b", re.I)
_EN_COUNTS = {"four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "sixteen": 16}


def phrase_length(q: str) -> int | None:
    """"十二字说法", "a twelve-character phrase": how many characters the phrase asked for has (5 or more;
    a word of two to four is ``asks_word``'s)."""
    m = _PHRASE_LEN_ZH.search(q)
    if m:
        g = m.group(1)
        if g.isdigit():
            n = int(g)
        else:
            g = g.replace("两", "二")
            tens, _, ones = g.partition("十")
            n = (cn_value(tens) if tens else 1) * 10 + (cn_value(ones) if ones else 0) if "十" in g else cn_value(g)
    elif (m := _PHRASE_LEN_EN.search(q)):
        g = m.group(1).lower()
        n = int(g) if g.isdigit() else _EN_COUNTS[g]
    else:
        return None
    return n if n >= 5 else None


_PHRASE_ASKED = re.compile(r"哪一?句话|什么话|一句(?:[\u4e00-\u9fff]{1,4}的)?话|(?:什么|哪个|哪种|哪句|哪一个)(?:说法|提法|口号|表述|原话)|"
                           r"(?:合称|统称|并称|称为|称作|叫做|叫作|叫成)(?:为|成|作)?(?:什么|啥)(?!名字)|"
                           r"\b(?:shorthand|slogan|catchphrase|catch-phrase|formula|motto|tagline|wording)\b|\bhow does [\w\s'-]{1,40} sum up\b|"
                           r"\b(?:collectively|jointly) (?:called|named|referred to|known|termed|dubbed)\b|\bwhat (?:does|do) [\w\s'-]{1,40} (?:collectively )?(?:call|dub|label) (?:the|them|these|those)\b", re.I)


def asks_phrase(q: str) -> bool:
    """Asks for the phrase the report puts something in, of no length given ("前言把三地的产业分工概括成
    哪一句话？", "What shorthand does the preface use for …?"): a quoted formula answers."""
    return bool(_PHRASE_ASKED.search(q)) and phrase_length(q) is None and not asks_word(q)


def without_phrase_length(q: str) -> str:
    """The question without the length of the phrase it asks for: a kind of answer, no word to find (not 字数)."""
    if phrase_length(q) is None:
        return q
    return _PHRASE_LEN_EN.sub(" ", _PHRASE_LEN_ZH.sub("", q))


def asks_role(q: str) -> bool:
    """"王成慧在编委会里担任什么？", "What is Wang Chenghui's role?": the role a person holds."""
    return bool(_ROLE_Q.search(q))


_HOW_MANY_CHAPTERS = re.compile(r"(?<!第)几章|多少章|多少个章|\bhow many chapters\b|\bnumber of chapters\b", re.I)
_EACH_CHAPTER = re.compile(r"各章|每章|每一章|每一?块|分别|哪几章|哪些章|\beach\b|\bwhat are they\b|\bwhich are\b|\babout\b|\bcover\b|\btitles?\b", re.I)


def asks_chapter_count(q: str, counting: bool) -> bool:
    """"How many chapters does the book have?" -- only the number, not what each chapter is about
    ("这本书分几章，各章讲什么？" is answered by the chapter lines)."""
    return asks_for_chapters(q) and (counting or bool(_HOW_MANY_CHAPTERS.search(q))) and not _EACH_CHAPTER.search(q)


# "负总责的那位，不是约稿的那个，叫什么名字？", "除了组稿编辑以外，", "…, not the one who commissioned it?",
# "other than the desk editor": what the answer must not be
_EXCLUDED_ZH = re.compile(r"(?:(?<=[，,。；;])|^)\s*(?:而|但|可|并)?不是(?P<x>[^，,。？?；;]{1,14}?)的?那(?:一)?(?:个|位|家|本|项|种|条|篇)[，,]?"
                          r"|(?:(?<=[，,。；;])|^)\s*除了?(?P<y>[^，,。？?；;]{1,14}?|“[^”]{1,30}”)(?:以外|之外)[，,]?"
                          # "郭斌和陈倩除了编著这本书，在丛书里还担任什么？": another deed of the same persons
                          r"|除了(?P<z>[^，,。？?；;]{2,14}?)[，,](?=[^，,。？?；;]{0,12}还(?:担任|负责|参与|做|兼任|写|是))")
_EXCLUDED_EN = re.compile(r",?\s*(?:but\s+)?not the (?:one|person|people|editor|firm|company|fund|grant|project|man|woman)\s+(?:who|that|which)\s+(?P<x>[^,.?;]+)"
                          r"|,?\s*\b(?:other than|apart from|except(?: for)?|besides|excluding)\s+(?P<y>[^,.?;]+?)(?=[,.?;]|$)"
                          # "The compilers, I mean, not the series editor.": a trailing "not the …"
                          r"|,\s*(?:and\s+|but\s+)?not\s+the\s+(?P<z>[^,.?;()（）]{3,40}?)\s*(?=[.?;!]*\s*$)"
                          # "The CIP block gives a publication year and month that differs from the edition line. What does
                          # the CIP data say?": what a stated fact is set against, in a sentence before the question
                          r"|\s+(?:(?:that|which)\s+(?:differs?|is\s+different|are\s+different)|(?P<keep>(?:a\s+)?different\s+[\w\s-]{0,30}?))\s+from\s+(?P<w>[^,.?;]{3,40}?)(?=\s*[.;]\s+\S[^.;]*\?\s*$)", re.I)


def without_exclusion(q: str, lang: str) -> tuple[str, str]:
    """The question without the clause that says what the answer is not, and that clause's subject:
    ("…负总责的那位，叫什么名字？", "约稿"); (q, "") when it excludes nothing."""
    pat = _EXCLUDED_EN if lang == "en" else _EXCLUDED_ZH
    m = pat.search(q)
    if not m:
        return q, ""
    x = (m.group("x") or m.group("y") or m.groupdict().get("z") or m.groupdict().get("w") or "").strip()
    # (a clause that opened a sentence leaves no comma after the sentence before: "… page. Apart from X, which …")
    # ("…give a different publication date from the edition line.": what is set against it goes; what is given stays)
    keep = " " + m.group("keep") if "keep" in m.groupdict() and m.group("keep") else ""
    return re.sub(r"([.!?:;])\s*[,，]\s*", r"\1 ", q[: m.start()] + keep + q[m.end():]).strip(" ,，"), x


_BESIDES_ZH = re.compile(r"(?:除了?|不算|不计|不包括|去掉|排除)(?P<x>[^，,。？?]{2,40}?)(?:以外|之外|的话)?[，,]?\s*(?:另外|另一|其他|其它|其余|剩下|还剩|别的|还有)"
                         # "附录之外，书的最后还有哪两部分？"
                         r"|(?:^|[，,。])(?P<y>[^，,。？?]{2,20}?)(?:以外|之外)[，,]\s*[^，,。？?]{0,12}?(?:另外|另一|其他|其它|其余|剩下|别的|还有)")
# "另外两个问题是什么？", "另外几种是什么？", "其余的分别是哪些？": the rest of a list, asked for by name, not by number
_THE_OTHERS_ZH = re.compile(r"(?:另外|其余|其他|其它|剩下|别的)(?:的)?[两三四五六七八九十几]?(?:个|种|项|条|位|家|部分|章|点|类)?[\u4e00-\u9fff]{0,4}?(?:是什么|是哪|有哪|分别|叫什么|是谁)")
_BESIDES_EN = re.compile(r"\b(?:besides|apart from|other than|aside from|except(?: for)?)\s+(?P<x>[^,?]{2,80}?)\s*,?\s*(?:what|which|who|name)\b"
                         r"[^?]*\b(?:other|others|rest|remaining)\b", re.I)


def besides(q: str, lang: str) -> tuple[str, ...]:
    """"天津八大优势产业，除了航天航空和高端装备制造，另外六个是哪些？": the items the asker has already, which a
    list asked for must go beyond; () when the question names none."""
    m = (_BESIDES_EN if lang == "en" else _BESIDES_ZH).search(q)
    if not m:
        return ()
    x = m.group("x") if lang == "en" else (m.group("x") or m.group("y"))
    # ("除了51915602那个，另一个号码是多少？")
    x = re.sub(r"(?:那|这)(?:一)?[个项条位家种]$", "", x.strip()) if lang != "en" else x
    return tuple(p.strip() for p in re.split(r"[、，,和与及]|\band\b|\bor\b", x) if len(p.strip()) >= 2)


# "第二章主要写的是什么内容？", "What does chapter 2 cover?": what a part is about, which its contents
# line (and the lines under it) say -- not a sentence that only names the part ("第二章（朱云、宋艳静）")
_PART_COVERS = re.compile(r"[章节](?:主要)?(?:写|讲|介绍|谈|论述|涉及|说)(?:了|的)?(?:是)?(?:哪|什么|啥)"
                          r"|\b(?:chapter|section|part)\s+(?:\d+|one|two|three|four)\b[^?]{0,20}\b(?:cover|covers|deal with|deals with|discuss|discusses|focus on|focuses on|about)\b", re.I)


def asks_what_part_covers(q: str) -> bool:
    return bool(_PART_COVERS.search(q))


# "2012年全国人均公共教育支出是多少？", "the national average": the country as the place asked about, not a
# share of it ("占全国的16%") or a rank in it ("居全国首位")
_NATIONAL_ZH = re.compile(r"(?<![占居在于比为是和与较到达列冠及同超过高低])全国(?:的|平均|人均|总体|整体|范围内的)?(?![第前首各之最领排范]|水平线)")
_NATIONAL_EN = re.compile(r"\b(?:national average|nationwide|for (?:China|the (?:whole )?country) as a whole|(?:China|the country) as a whole|for the whole (?:of )?(?:China|country)|for all of China)\b", re.I)


def national(q: str, lang: str) -> bool:
    return bool((_NATIONAL_EN if lang == "en" else _NATIONAL_ZH).search(q))


# "Which page covers Hebei in the emerging business formats section?": the part the line asked for is in
_IN_PART_EN = re.compile(r"\b(?:in|of|within|under) the ([a-z][\w\s'-]{2,40}?) (?:section|chapter)\b", re.I)


def named_part(q: str, lang: str) -> str:
    """The words naming the part of the book the asked line must be in (English), else ""."""
    m = _IN_PART_EN.search(q) if lang == "en" else None
    return m.group(1) if m and not re.match(r"(?:first|second|third|fourth|fifth|last|next|previous|same|this|that)\b", m.group(1), re.I) \
        and not re.search(r"\b(?:contents|book|report|volume)\b", m.group(1), re.I) else ""


# "What Chinese term does the report use for 'growth pole'?", "How does the preface say 'combining industry, academia,
# research and government'?", "… 'two municipalities and one province'. What's the exact Chinese phrase?": the report's
# own word for an English phrase
_Q = r"['‘\"“]"
_UNQ = r"['’\"”]"
_TERM_FOR_EN = re.compile(r"\b(?:what|which)\s+(?:exact\s+|original\s+)?(?:chinese\s+)?(?:term|word|phrase|expression|wording|words)\s+"
                          r"(?:does|do|did)\s+(?:the\s+)?[\w\s-]{1,30}?\s+(?:use|give|have|employ|choose)\s+(?:for|to\s+(?:describe|say|mean|refer\s+to|express|translate))\s+"
                          + _Q + r"?(?P<x>[^'’\"”?]{3,80}?)" + _UNQ + r"?(?=\s*(?:[?,.]|$|\s+(?:when|in|where|while)\b))"
                          r"|\bhow\s+(?:does|do|did)\s+(?:the\s+)?[\w\s-]{1,30}?\s+(?:say|phrase|word|put|write|render|express)\s+"
                          + _Q + r"(?P<y>[^'’\"”]{3,80})" + _UNQ
                          + r"|\bwhat(?:'s|\s+is)\s+the\s+(?:exact\s+|original\s+)?chinese\s+(?:term|word|phrase|expression|for)\b(?:\s+(?:for\s+)?"
                          + _Q + r"?(?P<z>[^'’\"”?]{3,80}?)" + _UNQ + r"?(?=\s*(?:[?,.]|$)))?", re.I)


def term_asked(q: str) -> str | None:
    """The English phrase whose Chinese the question asks the report's word for (quoted elsewhere in the question when
    the ask names none: "… calls them 'two municipalities and one province'. What's the exact Chinese phrase?"); None
    for any other question."""
    m = _TERM_FOR_EN.search(q)
    if not m:
        return None
    x = m.group("x") or m.group("y") or m.group("z")
    if not x:
        quoted = re.search(_Q + r"([^'’\"”]{3,80})" + _UNQ, q)
        x = quoted.group(1) if quoted else None
    return x.strip() if x else None
