"""Questions that check a claim ("定价是不是48元？", "总序的落款日期是2016年3月18日吗？", "报告里说北京2013年R&D投入强度是
6.08%，对吗？", "Is the price 48 yuan?"): the figure, date, page or name the asker holds is what is checked, not
what to look the answer up by. A claimed value that is wrong would pull the question to the passage that says it
(王光艳 is the 组稿编辑, not the 责任编辑 asked; 2016年3月18日 is the preface's date, not the general preface's).

``read`` turns such a question into the question it checks ("定价是多少？") and the values claimed; ``verdict``
compares those values with the answer's own statement (not the quotes it cites, which may state other places'
values). Values that are not numbers or the record's people are not checked (no verdict is given). ``only``
reads "只有…一项吧？" as a question about what the list holds."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant import prompts
from index.text import normalize


@dataclass(frozen=True)
class Claim:
    question: str  # the question with the claimed values asked for ("定价是多少？")
    numbers: tuple[str, ...] = ()  # claimed figures, as numbers ("48", "6.08", "2016-3-18", "20")
    names: tuple[str, ...] = ()  # claimed persons of the record ("王光艳")
    titles: tuple[str, ...] = ()  # a claimed title ("这本书的书名是不是《京津冀信息服务业协同发展研究丛书》？")
    loose: bool = False  # the title may be told in the asker's words ("讲的是…"): a near one gets no verdict


# "，对吗？", "，这个数对不对？", "，跟书上一致吗？", "，没错吧？"
_TAIL_ZH = re.compile(r"\s*[，,、]?\s*(?:(?:这个|这|那个|那)(?:数|数字|数据|倍数|比例|日期|页码|名字|说法|署名|写法|提法|表述|排序)?(?:字)?)?"
                      r"(?:对吗|对么|对不对|对吧|是吗|是不是|没错吧|没错吗|准确吗|正确吗|属实吗|"
                      r"(?:跟|和|与)[^，,？?。]{0,6}(?:一致|对得上|相符|一样)(?:吗|么|不))[？?。!！]*$")
_REQUEST_ZH = re.compile(r"(?:能|可以|可否|能否|能不能|可不可以|麻烦)[^，,。？?]{0,6}(?:告诉|说一下|说说|讲讲|查一下|查查|帮我|帮忙|给我|念|报给)[^，,。？?]*(?:吗|么)[？?。!！]*$")
_ASK_ZH = re.compile(r"是不是|(?:吗|吧|(?<![什怎这那多要])么)[？?。!！]*$")  # (not the 么 of 什么, 怎么)
# a full date, a page, a figure with its unit, a code: what a claim states
_DATE_ZH = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_PAGE_ZH = re.compile(r"(?:第|(?<=[是在从])(?<!共是))\s*(\d{1,4})\s*页(?!数)")  # ("参考文献是不是160页？": the page it starts on)
_FIGURE_ZH = re.compile(r"(?<![\dA-Za-z.第])(\d+(?:\.\d+)?)\s*(%|倍|(?:余|多)?(?:亿元|万元|元|公里|千字|家|个|件|条|项|人|位|所|年|页)|余|多|)"
                        r"(?![\d.A-Za-z]|\s*(?:月|日|号|章|节|版|期|季度|世纪|代|部分))")
_CODE = re.compile(r"(?<![\dA-Za-z])(?:ISBN\s*)?(?:\(\d{3,4}\)|（\d{3,4}）)?\d[\d\s-]{5,}\d(?![\d])")
_SIZE = re.compile(r"\d{3,4}\s*(?:mm|毫米)?\s*[×xX*]\s*\d{3,4}\s*(?:mm|毫米)?(?:\s*/\s*\d{1,2})?")
_ID_CODE = re.compile(r"(?<![A-Za-z\d])(?=[A-Z\d]*\d)(?=[A-Z\d]*[A-Z])[A-Z\d]{6,}(?![A-Za-z\d])")  # "14JGC088"
# "有三点不足", "是四章": a count in words, after 有 or 是
_COUNT_ZH = re.compile(r"(?<=[有是])([一二两三四五六七八九十]{1,3})(点|个|项|条|位|家|章|节|大)(?=[\u4e00-\u9fff]|$)")
_PERSON_AFTER_ZH = "(?:是|为|有|叫)"


# "基金项目只有北京市自然科学基金一项吧？", "那一节是不是只写了北京？": whether the list is only that
_ONLY_ZH = re.compile(r"(?:是不是|是否)?只(有|写了?|讲了?|提了?|列了?|介绍了?|包括|涉及)(?:到)?[^，,。？?]{1,24}?"
                      r"(?:这?一(?:项|个|家|位|部分|节|处))?(?:吗|吧|么|呢)?[？?。]*$")


def only(question: str) -> str | None:
    """"…那一节是不是只写了北京？" -> "…那一节写了哪些？": a question whether a list holds only what it names
    asks what the list holds (the answer then shows whether there is more); None for any other question."""
    m = _ONLY_ZH.search(question.strip())
    if not m or m.start() == 0:
        return None
    return question.strip()[: m.start()] + m.group(1) + "哪些？"


def read(question: str, lang: str, people: frozenset = frozenset()) -> Claim | None:
    """The question a claim-checking question asks, and the values it claims; None when it checks no value
    (a plain question, or one whose claim is no figure, date, page or person of the record)."""
    return _read_zh(question, people) if lang == "zh" else _read_en(question)


# "总序落款日期好像是2016年3月18日？", "组稿编辑是王光燕吧？", "…叫刘林燕还是什么来着？": a value half remembered
_HEDGE_ZH = re.compile(r"(?:好像|似乎|貌似|应该|大概|估计|我记得|记得)(?=是|在|叫|从|有)")
_HEDGE_END_ZH = re.compile(r"(?:还是什么|还是啥)?(?:来着|吧|吗|么)?[？?。!！]*(?:[^，,。？?]{0,8}的[\u4e00-\u9fff][？?]?)?$")


def _near_person(name: str, people: frozenset) -> str | None:
    """The one person of the record a name half remembered is ("王光燕" for 王光艳, "郭燕" for 郭斌): same length, same
    surname, at most one other character different; None when it is a person, or no one, or more than one."""
    if name in people:
        return None
    near = [p for p in people if len(p) == len(name) and p[0] == name[0] and sum(a != b for a, b in zip(p, name)) == 1]
    return near[0] if len(near) == 1 else None


_ORG_CLAIM_ZH = re.compile(r"(?<=[由被是])([\u4e00-\u9fff]{2,10}(出版社|大学|公司|印刷厂|基金|政府|发改委|委员会|部))(?=出版|出|印刷|印|发行|资助|制定|编制|发布|印发|出台|[的，,。？?]|$)")
_PLACE_CLAIM_ZH = re.compile(r"(?<=[与和跟同在向])(北京|天津|河北)(?:市|省)?(?=[\u4e00-\u9fff])")


def _region_at_end(text: str) -> str | None:
    """The place ``text`` is (a place the slots know, "廊坊", "廊坊市"), else None."""
    from assistant.question import mentions  # noqa: PLC0415 (question reads claims' neighbours; kept out of import time)

    ms = [m for m in mentions(text) if m.slot.category == "region"]
    return text[ms[0].start: ms[0].end] if len(ms) == 1 and ms[0].start == 0 and len(text) - ms[0].end <= 1 else None


# "报告是否提到…", "书里有没有说…": what follows is claimed of the report
_SAID_LEAD_ZH = re.compile(r"\s*(?:(?:这本)?(?:报告|书|本书)(?:里|中|上)?|(?:总序|前言)(?:里|中)?)?(?:是否|有没有)"
                           r"(?:提到|提及|说到|说过|说|写到|写过|写|讲到|讲|指出)(?:了|过)?[，,:：]?\s*")
_UNIT_FIGURE_ZH = re.compile(r"\d+(?:\.\d+)?\s*(?:%|倍|亿元|万元|元|公里|千字|家|件|条|项)")


def _read_zh(q: str, people: frozenset) -> Claim | None:
    body = q.strip()
    # ("…王光燕吧？燕子的燕？": how a name is written, said after the claim)
    spelt = re.search(r"([？?，,])\s*([\u4e00-\u9fff])[\u4e00-\u9fff]{0,3}的([\u4e00-\u9fff])[？?。]*$", body)
    if spelt and spelt.group(3) == spelt.group(2):
        body = body[: spelt.start()] + spelt.group(1)  # (the name may be read as the one it sounds like already)
    tail = _TAIL_ZH.search(body)
    if (h := _HEDGE_ZH.search(body)) and re.search(r"什么|啥|哪", body[h.end():]) and not (tail and tail.start() > 0):
        return None  # ("有个6.08%，好像是北京的研发什么的，到底是什么指标？": a vague memory of what it is, no value claimed)
    if (_HEDGE_ZH.search(body) or re.search(r"来着[？?。]*$", body)) and not (tail and tail.start() > 0):
        body = _HEDGE_END_ZH.sub("", _HEDGE_ZH.sub("", body))
    elif tail and tail.start() > 0:
        body = body[: tail.start()]
    elif (said := _SAID_LEAD_ZH.match(body)) and (_DATE_ZH.search(body) or _PAGE_ZH.search(body) or _UNIT_FIGURE_ZH.search(body)):
        # "报告是否提到2013年北京第三产业比重超过了80%？": a figure claimed of the report, checked like one said outright
        body = re.sub(r"(?:吗|么|没有|没)?[？?。!！]*$", "", body[said.end():])
    elif _REQUEST_ZH.search(body):
        return None  # "…以978开头的数字，能麻烦您告诉我完整的号码吗？": a request, its 吗 no claim
    elif _ASK_ZH.search(body):
        body = re.sub(r"是不是(?=有|在|由)", "", body)  # "…的企业是不是有40家？": 有
        body = re.sub(r"是不是", "是", body)
        body = re.sub(r"(?:吗|吧|(?<![什怎这那多要])么)[？?。!！]*$", "", body)
    else:
        return None
    body = body.rstrip("，,。？? ")
    numbers: list[str] = []
    names: list[str] = []

    def date(m: re.Match) -> str:
        numbers.append(f"{int(m.group(1))}-{int(m.group(2))}-{int(m.group(3))}")
        return "哪天"

    def page(m: re.Match) -> str:
        numbers.append(str(int(m.group(1))))
        return "第几页"

    def code(m: re.Match) -> str:
        numbers.append(re.sub(r"\D", "", m.group(0)))
        return "多少"

    def figure(m: re.Match) -> str:
        unit = m.group(2)
        if unit == "年" or (not unit and re.fullmatch(r"(?:19|20)\d{2}", m.group(1))):
            return m.group(0)  # "2013年": the year the figure is for, not the figure
        numbers.append(m.group(1))
        return "多少" + re.sub(r"^[余多]|%", "", unit)

    def counted(m: re.Match) -> str:
        numbers.append(str(_cn_count(m.group(1))))
        return "几" + m.group(2)

    def year_done(m: re.Match) -> str:
        numbers.append(m.group(1))
        return "哪一年"

    titles: list[str] = []
    if m := re.search(r"(书名|题名|正题名|丛书名|名称|名字|标题)(?:是不是|就是|应该是|是|叫|为)(?:就是)?《([^》]{2,40})》", body):
        # "这本书的书名是不是就是《京津冀信息服务业协同发展研究丛书》？": the title is looked up and compared
        titles.append(m.group(2))
        body = body[: m.start()] + m.group(1) + "是什么" + body[m.end():]
    if m := re.fullmatch(r"\s*([^，,。？?]{0,12}?)((?<![A-Za-z\d])(?=[A-Z\d]*\d)(?=[A-Z\d]*[A-Z])[A-Z\d]{6,})(?:号)?(?:这个|那个)?(?:项目|课题)?(?:是|为)"
                         r"(?:关于|讲|研究|做)([^，,。？?]{2,20}?)(?:的)?(?:研究|项目|课题)?", body):
        # "基金项目14JGC088是关于TPP框架的研究，对吗？": the code names the project; its topic is what is claimed
        return Claim(f"{m.group(1)}{m.group(2)}是关于什么的研究？", (), (), (m.group(3),))
    body = _DATE_ZH.sub(date, body)
    # "这本书是不是2014年出的？": the year a thing was done is claimed (not the year a figure is for)
    body = re.sub(r"((?:19|20)\d{2})\s*年(?=(?:出版|出|印刷|印|发行|写|编|完成|成书)(?:的|了)?(?:吗|吧|么|[？?。]|$))", year_done, body)
    body = _PAGE_ZH.sub(page, body)
    # "开本写成787mm×1092mm/16": a page size is one value, compared whole
    body = _SIZE.sub(lambda m: (titles.append(re.sub(r"\s+", "", m.group(0))), "多少")[1], body)
    body = _CODE.sub(code, body)
    body = _ID_CODE.sub(lambda m: (numbers.append(m.group(0)), "多少")[1], body)
    body = _COUNT_ZH.sub(counted, body)
    body = _FIGURE_ZH.sub(figure, body)
    body = re.sub(r"(多少[^，,。？?\d]{0,2}?)(?:左右|上下)", r"\1", body)  # ("15%左右": the figure claimed, roughly)
    body = re.sub(r"(?:只|仅|才|就)(?=(?:有|是)?(?:多少|几))", "", body)  # ("只有7家": how many there are)
    # "责任编辑是王光艳吗？", "第二章是孟程燕、赵如平写的吗？", "编委会成员里有刘林艳吗？": persons the record names
    for p in sorted(people, key=len, reverse=True):
        if re.search(_PERSON_AFTER_ZH + r"[^，,？?。]{0,12}" + re.escape(p), body):
            names.append(p)
    # ("组稿编辑是王光燕吧？", "姓郭的那位叫郭燕？"): a name the record nearly has is claimed, and checked
    for m in re.finditer(_PERSON_AFTER_ZH + r"([\u4e00-\u9fff]{2,3}?)(?=吧|吗|么|来着|还是|[、，,？?。]|$)", body):
        if m.group(1) not in names and (p := _near_person(m.group(1), people)):
            # (with a name of the record beside it: "编著者是郭艳、陈倩，这个署名对吗？")
            names.append(m.group(1))
            body = body[: m.start(1)] + "谁" + body[m.end(1):]
            break
    if names:
        run = "|".join(re.escape(p) for p in names)
        body = re.sub(rf"(?:{run})(?:(?:[、和与及,，]|以及)(?:{run}))*", "谁", body)
    if not numbers and not names and not titles:
        body = re.sub(r"[。.]\s*请[^。？?]*$", "", body)  # ("…出版。请判断并说明正确的出版社": what the answer should say)
        # "判断正误：本书由清华大学出版社出版。", "清华大学与天津市共建清华发展研究院，对吗？": an organisation or a place
        # claimed is asked for, and compared with the one the answer names
        if m := re.fullmatch(r"\s*((?:第[一二三四五六七八九十]+章)?(?:第[一二三四五六七八九十]+节)?)(?:的)?(?:讲的是|讲的|写的是|说的是|介绍的是|的?标题是|的?题目是|叫做?|名为)"
                             r"[“「\"《]?([\u4e00-\u9fffA-Za-z]{2,24}?)[”」\"》]?", body):
            if m.group(1):
                # "第三章第一节讲的是天津科技开发区，对吗？": the title claimed, checked against the contents line
                titles.append(m.group(2))
                body = m.group(1) + "讲的是什么"
        elif m := _ORG_CLAIM_ZH.search(body):
            titles.append(m.group(1))
            body = body[: m.start(1)] + ("哪些基金" if m.group(2) == "基金" else "哪个部门" if m.group(2) in ("政府", "发改委", "委员会", "部") else "哪家" + m.group(2)) + body[m.end(1):]  # (a book may have several funds)
        elif m := re.search(r"(?<=按)(?:照)?([\u4e00-\u9fff]{2,8}?)(?:高低|先后|顺序|次序)?(?=(?:来)?(?:排|排列|排序)的?$)", body):
            # "编委会成员是按职务高低排的，没错吧？": the order claimed, compared with the one the record states
            titles.append(m.group(1))
            body = body[: m.start()] + "什么顺序" + body[m.end():]
        elif (at := re.search(r"(?<=在)([\u4e00-\u9fff]{2,5})$", body)) and (m := _region_at_end(at.group(1))):
            # "清华大学和河北省共建的科技孵化基地是不是在廊坊？": the place it is said to be in
            titles.append(m)
            body = body[: at.start()] + "哪里"
        elif len(places := _PLACE_CLAIM_ZH.findall(body)) == 1:
            m = _PLACE_CLAIM_ZH.search(body)
            titles.append(m.group(1))
            body = body[: m.start(1)] + "哪个地方" + body[m.end():]
    if titles and not numbers and not names:
        return Claim(body + "？", (), (), tuple(titles), loose=body.endswith("讲的是什么"))
    if not numbers and not names:
        return None
    if re.search(r"(?:不是|并非|没有)\s*(?:多少|哪天|第几页|谁)", body):
        # "编号不是14JGC088吧？": a denial, asked to be confirmed; the value is looked up, no verdict is given
        return Claim(re.sub(r"(?:不是|并非|没有)\s*(?=多少|哪天|第几页|谁)", "是", body) + "？")
    return Claim(body + "？", tuple(numbers), tuple(names))


# "Is the price 48 yuan?", "The report says …, right?", "Is it true that …?"
_TAIL_EN = re.compile(r"\s*(?:[,;:]|\s[—–-]+|--)?\s*(?:if I (?:read|remember|recall|understand) [\w\s'-]{0,40}?(?:right|correctly)|right|correct|"
                      r"is that (?:so|right|correct|true)|(?:isn't|wasn't|doesn't|didn't|aren't|weren't|don't|hasn't|haven't)\s+"
                      r"(?:it|she|he|they|there|that)|am I right|true|yes|(?:can you |please )?confirm(?: or correct)?)\s*\?\s*$"
                      # ("… 16% of the national total. Confirm or correct.": a request to check, without a question mark)
                      r"|\s*(?:[,;:.]|\s[—–-]+|--)\s*(?:please )?confirm(?: or correct(?: (?:it|this|that))?)?\s*[.!]?\s*$", re.I)
_MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
              "december")
_DATE_EN = re.compile(r"\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(_MONTHS_EN) + r")|(" + "|".join(_MONTHS_EN)
                      + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?)\s+(\d{4})\b", re.I)
# one sentence that states a figure with a verb and ends in a question mark, asking nothing ("Beijing's metro, at 465 km, is 28%
# of Tokyo's?"; not "And company income more than 100 million yuan?", nor "… 11.75 for this book. What is being measured there?")
_ASKED_BACK_EN = re.compile(r"^(?!\s*(?:(?:and|so|but|ok|okay|also)[\s,]+)?(?:is|are|was|were|do|does|did|can|could|should|would|will|has|have|had|"
                            r"may|might|must|shall|tell|give|list|name|show|please)\b)(?!.*\b(?:who|what|which|when|where|why|how|whose|whom)\b)"
                            r"(?=.*\b(?:is|was|are|were)\b)[^.?!]+\?\s*$", re.I)
_HEAD_EN = re.compile(r"^\s*(?:is it (?:true|correct|right) that|am I right that|can you confirm that|is|was|does|did)\b", re.I)
_FIGURE_EN = re.compile(r"(?<![\w.,])(?:RMB\s*)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(%|percent|per cent|times|yuan|km|kilometres|kilometers|)(?![\w.]|,\d)", re.I)
_PAGE_EN = re.compile(r"\bpage\s+(\d{1,4})\b", re.I)


# "I have it that …", "Our story says …": what the asker has been told, before the claim itself
_LEAD_EN = re.compile(r"^\s*(?:I(?:'ve| have) (?:it|heard|read) that|I read that|(?:our|the|my) (?:story|piece|draft|article|copy|source|notes?)"
                      r" (?:says?|states?|claims?|has it)(?: that)?|we(?:'re| are) (?:reporting|saying|writing)(?: that)?)\s+", re.I)
# "…. Is that right?", "…. Can you confirm?", "…. Is the year right?": the check asked in a sentence of its own
_CHECK_SENTENCE_EN = re.compile(r"(?<=[.!])\s+(?:is that (?:so|right|correct|true|accurate)|can you confirm(?: that| it| this)?|"
                                r"is (?:the|that) (?:year|figure|number|date|name|page)(?: (?:right|correct))?|"
                                r"is that what (?:the|it) (?:report|book|imprint|preface|text) (?:says|gives))\s*\?\s*$", re.I)


def _checked_en(body: str) -> str:
    """"I have it that X. Is that right?" -> "X, right?": a claim told, then checked in a sentence of its own."""
    if (check := _CHECK_SENTENCE_EN.search(body)) and _LEAD_EN.match(body):
        return _LEAD_EN.sub("", body[: check.start()]).rstrip(" .") + ", right?"
    return body


_ORG_CLAIM_EN = re.compile(r"^\s*(?i:(?:so\s+)?(?:the\s+book|the\s+report|it|this(?:\s+book|\s+report)?)\s+(?:was\s+|were\s+)?"
                           r"(?P<verb>published|printed|distributed|came\s+out|brought\s+out|issued)\s+(?:by|from|through|with|at)\s+)"
                           r"(?P<org>[A-Z][\w&'.-]*(?:\s+(?:[A-Z&][\w&'.-]*|of|and|for))*)\s*$")


def _read_en(q: str) -> Claim | None:
    body = _checked_en(q.strip())
    if (first := re.match(r"[^?]+\?", body)) and _HEAD_EN.match(body) and re.search(r"[A-Za-z]", body[first.end():]):
        body = first.group(0)  # ("Is there a publisher website listed? I need it for the 856 link.": a remark after the question)
    tail = _TAIL_EN.search(body)
    if tail and tail.start() > 0:
        body = body[: tail.start()]
    elif _ASKED_BACK_EN.match(body):
        body = body.rstrip("? ")  # "Beijing's metro, at 465 km, is 28% of Tokyo's?": a statement asked back
    elif not _HEAD_EN.match(body):
        return None
    if m := _ORG_CLAIM_EN.match(body):
        # "The book was printed by Xinhua Bookstore, wasn't it?": the firm claimed, compared with the one the record names
        verb = m.group("verb").lower()
        asked = ("Which company printed the book?" if verb.startswith("print") else "Who distributed the book?" if verb.startswith("distribut")
                 else "Which press published the book?")
        return Claim(asked, titles=(m.group("org"),))
    numbers: list[str] = []

    def page(m: re.Match) -> str:
        numbers.append(str(int(m.group(1))))
        return "which page"

    def figure(m: re.Match) -> str:
        if not m.group(2) and (re.fullmatch(r"(?:19|20)\d{2}", m.group(1))
                               or re.search(r"\b(?:chapter|section|part|no\.?|number)\s*$", m.string[: m.start()], re.I)):
            return m.group(0)  # a year, a chapter's number: what the figure is of
        numbers.append(m.group(1).replace(",", ""))  # ("150,000 yuan": one figure)
        return "how much"

    def date(m: re.Match) -> str:
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        numbers.append(f"{int(m.group(5))}-{_MONTHS_EN.index(month.lower()) + 1}-{int(day)}")
        return "on what date"

    body = _DATE_EN.sub(date, body)  # "dated 18 March 2016" -> "dated on what date", claimed 2016-3-18
    body = _PAGE_EN.sub(page, body)
    body = _FIGURE_EN.sub(figure, body)
    if not numbers:
        return None
    body = body.rstrip(" ?.,")
    # "Is the price 48 yuan?" -> "What is the price?"
    if (m := re.match(r"(is|was|are|were)\s+(.+?)\s+how much$", body, re.I)):
        body = f"What {m.group(1).lower()} {m.group(2)}"
    return Claim(body + "?", tuple(numbers))


# "The responsible editor is Wang Guangyan, isn't she?", "The preface was signed by Wang Chenghui as well, right?"
_PERSON_CLAIM_EN = re.compile(r"^\s*(?:so\s+)?(?P<subj>(?i:the|its|this book's|the book's|the series')\s+[\w\s'-]{3,60}?)\s+(?:is|was|are|were)\s+"
                              r"(?P<how>(?:signed|written|edited|done|carried\s+out|handled|made|compiled|drafted|proofread|reviewed|checked)\s+by\s+|by\s+)?(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})"
                              r"(?:\s+(?:as well|too|also))?\s*$")


# "Is it true that Wang Guangyan was the responsible editor (责任编辑) of the book?": the person first
_PERSON_FIRST_EN = re.compile(r"^\s*(?:is it (?:true|correct|right) that|am I right that|can you confirm that)\s+"
                              r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})\s+(?:is|was)\s+(?P<role>(?:the|its)\s+[\w\s'-]{3,60}?)"
                              r"(?:\s*\([^()]*\))?(?:\s+(?:of|for)\s+(?:the|this)\s+(?:book|report|series))?\s*\?\s*$", re.I)


# "Xu Bing was the acquisitions editor who commissioned this book" (before a tag: ", correct?")
_PERSON_ROLE_EN = re.compile(r"^\s*(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})\s+(?:is|was)\s+(?P<role>(?:the|its)\s+[\w\s'-]{3,40}?)"
                             r"(?:\s*\([^()]*\))?(?:\s+(?:who|that)\s+[^,;?]{3,60}|\s+(?:of|for)\s+(?:the|this)\s+(?:book|report|series))?\s*$")


def read_person_en(question: str, names: dict[str, str]) -> Claim | None:
    """An English claim that a person of the record (``names``: their English names, lower-case, -> Chinese) holds a
    role or signed a part: the question it checks ("Who is the responsible editor?") and the person claimed."""
    body = question.strip()
    if (m := _PERSON_FIRST_EN.match(body)) and (zh := names.get(m.group("name").lower())) is not None:
        return Claim(f"Who is {m.group('role').lower()}?", names=(zh,))
    body = _checked_en(body)
    tail = _TAIL_EN.search(body)
    if not tail or tail.start() == 0:
        return None
    if (m := _PERSON_ROLE_EN.match(body[: tail.start()])) and (zh := names.get(m.group("name").lower())) is not None:
        # "Xu Bing was the acquisitions editor who commissioned this book, correct?"
        return Claim(f"Who is {m.group('role').lower()}?", names=(zh,))
    m = _PERSON_CLAIM_EN.match(body[: tail.start()])
    if not m or (zh := names.get(m.group("name").lower())) is None:
        return None
    how = (m.group("how") or "").split()
    # ("The final review of the manuscript was done by Wang Chenghui, correct?": who did it)
    verb = {"signed": "Who signed", "written": "Who wrote", "edited": "Who edited"}.get(
        how[0] if how else "", "Who did" if how and how[0] != "by" else "Who is")
    subj = m.group("subj")
    return Claim(f"{verb} {subj[:1].lower() + subj[1:]}?", names=(zh,))


def _cn_count(s: str) -> int:
    d = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
    if s == "十":
        return 10
    if "十" in s:
        a, _, b = s.partition("十")
        return d.get(a, 1) * 10 + d.get(b, 0)
    return d.get(s, 0)


def _numbers_of(text: str) -> set[str]:
    """The values a text states, as ``read`` writes claimed ones: dates, codes, counts in words, figures."""
    t = re.sub(r"\s+", "", text)
    out = {f"{int(a)}-{int(b)}-{int(c)}" for a, b, c in re.findall(r"(\d{4})年(\d{1,2})月(\d{1,2})日", t)}
    out |= {re.sub(r"\D", "", m) for m in re.findall(r"\d[\d-]{5,}\d", t)}  # codes, ISBN, telephone
    out |= set(_ID_CODE.findall(t))  # "14JGC089"
    out |= {str(_cn_count(n)) for n, _ in re.findall(r"(?<!第)([一二两三四五六七八九十]{1,3})(点|个|项|条|位|家|大)", t)}  # "四点"
    for n in re.findall(r"\d+(?:\.\d+)?", t):
        out.add(n)
        if "." in n:
            out.add(n.rstrip("0").rstrip("."))  # "58.00" states 58
    return out


def verdict(claim: Claim, answer: str, lang: str, people: frozenset = frozenset()) -> str | None:
    """"不是。" / "是的。" ("No. " / "Yes. "): whether the answer's own statement (before the quotes it cites,
    which may give other places' figures: "北京大学与天津市达成170余个合作项目，与河北省达成160余个") states every
    value claimed; None when it states no value of the kind claimed (then it cannot say the claim is wrong)."""
    text = re.sub(r"\[\d+\]", "", answer.split(prompts.QUOTE_INTRO[lang])[0])
    if claim.titles and text.strip():
        def bare(x: str) -> str:
            return re.sub(r"[^\w\u4e00-\u9fff]", "", normalize(x))  # ("（2015）" as "(2015)")
        if all(bare(t) in bare(text) for t in claim.titles):
            return prompts.CLAIM_TRUE[lang]
        if claim.loose and any(sum(c in bare(text) for c in set(bare(t))) * 4 >= 3 * len(set(bare(t))) for t in claim.titles):
            return None  # ("第一章讲的是京津冀信息服务业的发展现状吗？": the title in other words, neither confirmed nor denied)
        return prompts.CLAIM_FALSE[lang]
    if not text.strip() or not (claim.numbers or claim.names):
        return None  # (a denial to confirm: "编号不是14JGC088吧？" gets the value, and no verdict)
    if claim.numbers:
        have = _numbers_of(text)
        if not have:
            return None
        claimed = {n.rstrip("0").rstrip(".") if "." in n else n for n in claim.numbers}
        ok = all(n in have for n in claimed)
        if not ok and set(have) <= claimed and all(n in have or n in _numbers_of(answer) for n in claimed):
            # ("…7.5 亿吨, 16% of the national total — confirm?": the statement gives one of the claimed figures and no
            # other, its quote the rest; a quote may hold other places' figures too, so no verdict either way -- but a
            # statement that gives another figure says no: "天津…160个吧？" is answered 170)
            return None
    else:
        flat = re.sub(r"\s+", "", text)
        if not any(p in flat for p in people):
            return None  # (the passages name no person of the record: they cannot say it is someone else)
        ok = all(p in flat for p in claim.names)
    return prompts.CLAIM_TRUE[lang] if ok else prompts.CLAIM_FALSE[lang]


@dataclass(frozen=True)
class Coverage:
    """"第二章新兴业态那一节里没写河北省吗？": whether a part of the book has a part for a place; asked as the question
    that lists the part's parts, the place named is looked for among them."""
    question: str  # "第二章新兴业态那一节分为哪几部分？"
    place: str  # the place as the report names it ("河北省")
    names: tuple[str, ...]  # its names ("河北省", "河北")


# "有没有河北？", "是不是没写河北省？", "有没有讲到河北省？", "讲没讲河北？", "没写河北省吗？"
_WHETHER_PLACE = re.compile(r"[，,、]?\s*(?:那|那么)?(?:这一节|这节|里面|其中)?(?:是不是|是否|有没有|有无|讲没讲|写没写|提没提)?(?:没有?|不)?(?:单独)?"
                            r"(?:写|讲|提|介绍|包括|涉及|收录)?(?:到|了)?(?:我们)?(?P<place>{places})(?:的内容|的部分|这部分)?"
                            r"(?:吗|么|没有|呢)?[？?。]?")
_PART_NAMED = re.compile(r"(?:第[一二三四五六七八九十]+章)?(?:第[一二三四五六七八九十]+节)?\s*(?:[“「\"][^”」\"]{2,10}[”」\"]|[\u4e00-\u9fff]{2,8}?)?(?:那|这)一?节"
                         r"|第[一二三四五六七八九十]+章(?:第[一二三四五六七八九十]+节)?(?:\s*[“「\"]?[\u4e00-\u9fff]{2,8}?[”」\"]?(?=下面|里|中|[，,？?]|$))?")
_LISTS_PLACES = re.compile(r"(?:分|包括|包含|写|介绍|讲)了?(?:哪几个|哪些)(?:地区|地方|部分|省市|城市)")


def covers(question: str, lang: str, places: dict[str, tuple[str, ...]]) -> Coverage | None:
    """The Coverage a Chinese question asks, else None. ``places``: each place's report name -> its names."""
    if lang != "zh" or not _PART_NAMED.search(question):
        return None
    names = sorted({n for ns in places.values() for n in ns}, key=len, reverse=True)
    pattern = re.compile(_WHETHER_PLACE.pattern.format(places="|".join(map(re.escape, names))))
    for m in pattern.finditer(question):
        whether = m.group(0)
        if not re.search(r"是不是|是否|有没有|有无|没|讲没讲|写没写|提没提|吗|么", whether):
            continue
        rest = (question[: m.start()] + question[m.end():]).strip("，,、？? ")
        part = _PART_NAMED.search(rest)
        if part is None or not re.fullmatch(r"[\s，,、？?。]*(?:里|中|里面|下面)?[\s，,、？?。]*", rest[part.end():]) and not _LISTS_PLACES.search(rest):
            continue
        place = next(p for p, ns in places.items() if m.group("place") in ns)
        return Coverage(rest[: part.end()] + "分为哪几部分？", place, places[place])
    return None


def coverage_verdict(c: Coverage, answer: str, lang: str) -> str:
    """"其中没有河北省的部分。" / "其中有河北省的部分。", said before the answer that lists the parts."""
    text = answer.split(prompts.QUOTE_INTRO[lang])[0]
    if not re.search(r"分为|\bparts?\b", text):
        return ""  # (the answer lists no parts: nothing to say the place is or is not among)
    has = any(n in text for n in c.names)
    return (prompts.PART_HAS_PLACE if has else prompts.PART_LACKS_PLACE)[lang].format(place=c.place)
