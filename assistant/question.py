"""Question handling: validation, normalisation, language, and follow-up rewriting.

All pure functions of their inputs; nothing is loaded at import time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from collections.abc import Sequence
from typing import Callable

from assistant import prompts
from assistant.intent import EN_NUMBERS, asks, cn_number, cn_value, nth_item, ordinals, which_type
from assistant.errors import InputError
from index import text as index_text
from index.glossary import en_words

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORDISH = re.compile(r"[\w\u3400-\u4dbf\u4e00-\u9fff]")
_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d|s\b)")  # not a decade ("the late 1980s")
_ORDINAL = re.compile(r"第([一二三四五六七八九十]+)([章节])")
_EN_N = r"(\d{1,2}|" + "|".join(EN_NUMBERS[1:]) + r")"
_ORDINAL_EN = re.compile(r"\b(chapter|section)s?\s+" + _EN_N + r"\b", re.I)
# "chapters 3 and 4": the second number is a chapter too
_ORDINAL_EN_MORE = re.compile(r"\b(chapter|section)s\s+" + _EN_N + r"\s*(?:,|and|&|or)\s*" + _EN_N + r"\b", re.I)
_CN_DIGITS = {cn_number(i): i for i in range(1, 11)}


def cn_digit(cn: str) -> int:
    """"四" -> 4 (one to ten); 0 when it is no such number."""
    return _CN_DIGITS.get(cn, 0)


def validate(raw: object, max_chars: int) -> str:
    """Return the question as clean text or raise InputError with a plain message."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError(prompts.INPUT_BINARY) from None
    if not isinstance(raw, str):
        raise InputError(prompts.INPUT_NOT_TEXT)
    if "\x00" in raw or "\ufffd" in raw:
        raise InputError(prompts.INPUT_BINARY)
    if raw and len(_CTRL.findall(raw)) > max(3, len(raw) // 10):
        raise InputError(prompts.INPUT_BINARY)
    text = _CTRL.sub("", raw)
    # Lone surrogates cannot be encoded; drop them rather than crash later.
    text = text.encode("utf-8", "ignore").decode("utf-8")
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        raise InputError(prompts.INPUT_EMPTY)
    if len(text) > max_chars:
        raise InputError(prompts.INPUT_TOO_LONG.format(n=len(text), limit=max_chars))
    if not _WORDISH.search(text):
        raise InputError(prompts.INPUT_NO_CONTENT)
    return text


@lru_cache(maxsize=1)
def _regional() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(((a.strip(), b.strip()) for a, b in data_rows("regional_zh.tsv")), key=lambda x: -len(x[0])))


_ONE_CHAR_PLACE = {"京": "北京", "津": "天津", "冀": "河北"}


_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "两": "2"}
_SPOKEN_YEAR = re.compile(r"(?<![〇零一二三四五六七八九十百千两\d])([一二两][〇零一二三四五六七八九]{3})(?=年)|两千零?([一二三四五六七八九]?十?[一二三四五六七八九]?)(?=年)")
_SPOKEN_PERCENT = re.compile(r"百分之([一二三四五六七八九十]{1,3})(?:点([〇零一二三四五六七八九]{1,2}))?(?![\u4e00-\u9fff]{0,1}[几多])")
_FILLER_HEAD = re.compile(r"^(?:[嗯呃额唔]+[，,、\s]*)+(?:(?:那个|就是|这个)(?![\u4e00-\u9fff]{0,2}[呢？?]))?|^那个(?=\d)|^就是(?=[\u4e00-\u9fff]{4})")


def _cn_small(s: str) -> int | None:
    """"十三" -> 13, "二十" -> 20, "七" -> 7, "七十六" -> 76; None for what is no such number ("一二", "十十")."""
    m = re.fullmatch(r"([一二三四五六七八九两])?(十)?([一二三四五六七八九两])?", s)
    if not s or not m or (m.group(1) and m.group(3) and not m.group(2)):
        return None
    if not m.group(2):
        return int(_DIGIT[s])
    return (int(_DIGIT[m.group(1)]) if m.group(1) else 1) * 10 + (int(_DIGIT[m.group(3)]) if m.group(3) else 0)


def _cn_number(s: str) -> int | None:
    """"九十八" -> 98, "一百二十三" -> 123, "一百零九" -> 109, "一六一" -> 161; None for what is no number."""
    if re.fullmatch(r"[〇零一二三四五六七八九]{2,4}", s) and "十" not in s:
        return int("".join(_DIGIT[c] for c in s))
    m = re.fullmatch(r"(?:([一二三四五六七八九两])百)?(?:[零〇])?(.*)", s)
    if not m:
        return None
    rest = m.group(2)
    low = _cn_small(rest) if rest else 0
    if low is None:
        return None
    if m.group(1) and rest and re.fullmatch(r"[一二三四五六七八九]", rest) and not re.search(r"[零〇]", s):
        low *= 10  # "一百二": 120
    return (int(_DIGIT[m.group(1)]) * 100 if m.group(1) else 0) + low


def _cn_cardinal(s: str) -> str | None:
    """"一千一百八十八" -> "1188", "十一点七五" -> "11.75", "三千" -> "3000", "七十四" -> "74"; None for what is
    no number written with its magnitudes ("一二", "千万")."""
    whole, _, frac = s.partition("点")
    if frac and not re.fullmatch(r"[〇零一二三四五六七八九]+", frac):
        return None
    m = re.fullmatch(r"(?:([一二三四五六七八九两])千)?(?:[零〇])?(?:([一二三四五六七八九两])百)?(?:[零〇])?(.*)", whole)
    if not m or not whole:
        return None
    low = _cn_small(m.group(3)) if m.group(3) else 0
    if low is None:
        return None
    if m.group(3) and re.fullmatch(r"[一二三四五六七八九]", m.group(3)) and not re.search(r"[零〇]", whole) and (m.group(1) or m.group(2)):
        low *= 100 if m.group(1) and not m.group(2) else 10  # "三千五": 3500, "一百二": 120
    n = (int(_DIGIT[m.group(1)]) * 1000 if m.group(1) else 0) + (int(_DIGIT[m.group(2)]) * 100 if m.group(2) else 0) + low
    return str(n) + ("." + "".join(_DIGIT[c] for c in frac) if frac else "")


# a number written in words before its unit or at the end of a clause ("一千一百八十八元", "七十四页", "十一点七五"):
# one with a magnitude (十, 百, 千) or a decimal point, not an ordinal (第十一章), not a vague one (几十, 十几, 一百多)
_SPOKEN_CARDINAL = re.compile(r"(?<![第几])([一二三四五六七八九两十][〇零一二三四五六七八九十百千两]*(?:点[〇零一二三四五六七八九]+)?)"
                              r"(?=元|块|页|册|公里|千米|亿元|万元|亿|万|家|项|条|千字|人|倍|个百分点|%|[，,。？?吗吧呢]|$|是|还是|指|的)")
_SPOKEN_CODE = re.compile(r"[〇零一二三四五六七八九]+(?=[A-Za-z])|(?<=[A-Za-z])[〇零一二三四五六七八九]+(?:点[〇零一二三四五六七八九]+)?"
                          r"|(?:(?<=尾号)|(?<=编号)|(?<=号码)|(?<=末尾是)|(?<=后三位)|(?<=尾数))[〇零一二三四五六七八九]{2,}")  # "F七一九点九", "尾号零八九"
_SPOKEN_DAY = re.compile(r"(?<=\d月)([一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])(?=日|号)")  # "3月十五日"
_SPOKEN_SHORT_YEAR = re.compile(r"(?<![〇零一二三四五六七八九十百千两\d])([〇零一])([〇零一二三四五六七八九])(?=年)")
_SPOKEN_MONTH = re.compile(r"(?<=[年\d是或])([一二三四五六七八九十]{1,2})(?=月)|(?<=还是)([一二三四五六七八九十]{1,2})(?=月)")


def _spoken_numbers(text: str) -> str:
    """"一千一百八十八元" -> 1188元, "十一点七五" -> 11.75, "七十四页" -> 74页, "一六年四月还是五月" -> 2016年4月还是5月,
    "一四JGC零八八" -> 14JGC088."""
    text = _SPOKEN_CODE.sub(lambda m: "".join("." if c == "点" else _DIGIT[c] for c in m.group(0)), text)
    text = _SPOKEN_SHORT_YEAR.sub(lambda m: "20" + _DIGIT[m.group(1)] + _DIGIT[m.group(2)], text)

    def month(m: re.Match) -> str:
        n = _cn_small(m.group(1) or m.group(2))
        return str(n) if n is not None and 1 <= n <= 12 else m.group(0)

    text = _SPOKEN_MONTH.sub(month, text)
    text = _SPOKEN_DAY.sub(lambda m: str(n) if (n := _cn_small(m.group(1))) is not None and 1 <= n <= 31 else m.group(0), text)

    def cardinal(m: re.Match) -> str:
        x = m.group(1)
        if not re.search(r"[十百千点]", x) or re.search(r"十几|几十|百多|千多", text[m.start(): m.end() + 1]):
            return x
        n = _cn_cardinal(x)
        return n if n is not None else x

    return _SPOKEN_CARDINAL.sub(cardinal, text)


def _spoken(text: str) -> str:
    """What voice input writes out in words: "两千零一十三年", "二〇一三年" -> 2013年; "百分之十六" -> 16%;
    fillers that open a question ("嗯那个…"); a "啊" that parts two clauses ("卖多少钱啊定价是多少")."""
    def year(m: re.Match) -> str:
        if m.group(1):
            return "".join(_DIGIT[c] for c in m.group(1))
        n = _cn_small(m.group(2)) if m.group(2) else None
        return str(2000 + n) if n is not None else m.group(0)

    def percent(m: re.Match) -> str:
        n = _cn_small(m.group(1))
        return m.group(0) if n is None else f"{n}" + ("." + "".join(_DIGIT[c] for c in m.group(2)) if m.group(2) else "") + "%"
    def page(m: re.Match) -> str:
        n = _cn_number(m.group(1))
        return m.group(0) if n is None else f"第{n}页"
    text = _SPOKEN_YEAR.sub(year, text)
    text = _SPOKEN_PERCENT.sub(percent, text)
    text = re.sub(r"第([一二三四五六七八九十百零〇两]{2,6})页", page, text)  # "第九十八页", "第一百二十三页"
    text = _spoken_numbers(text)
    text = _FILLER_HEAD.sub("", text.lstrip()) or text
    # fillers and self-interruptions inside a spoken question ("…，呃，是哪家出版社出的来着？", "就是说那个…", "那个啥，")
    text = re.sub(r"(?<=[，,。])\s*(?:[呃额嗯唔]+|那个啥|怎么说呢|我想想|反正就是|就是说)[，,、]\s*", "", text)
    # ("这本书的作者是谁？就是编著的那两位": a clarifying clause names what was asked)
    text = re.sub(r"(?:^|(?<=[，,。？?]))\s*(?:反正就是|就是说|我是说|我说的是|就是)(?=[\u4e00-\u9fff\d])", "", text)
    # "对对对，76.9%。那天津呢…": the asker agreeing, and the figure they repeat, ask nothing
    text = re.sub(r"^(?:对对对|对对|对的|对|是的|没错|嗯嗯|好的)[，,。!！]\s*(?:\d[\d.]*\s*(?:%|元|亿元|个|家)?[。，,!！]\s*)?(?=\S)", "", text)
    # "那后来呢？…到2013年，涨到多少了？": the bare "and later?" is asked again by the sentence after it
    text = re.sub(r"^(?:那|那么)?(?:后来|然后|之后|再后来)呢[？?]\s*(?=\S)", "那", text)
    return re.sub(r"(?<=[\u4e00-\u9fff])([啊呀])(?=[\u4e00-\u9fff])", r"\1，", text)


_THE_OTHER_TWO = re.compile(r"除了?(北京|天津|河北)(?:市|省)?(?:的?\d[\d.,]*\s*(?:元|%|亿元|万元|个|家|件|倍)?)?(?:以外|之外)?[，,]?\s*"
                            r"(?:另外|其他|其它|其余|剩下)的?(?:两|二)(?:地|个地方|个省市|省市|个|家)")
_KNOWN_FIGURE = re.compile(r"除了?(北京|天津|河北)(?:市|省)?的?\d[\d.,]*\s*(?:元|%|亿元|万元|个|家|件|倍)?(?:以外|之外)?[，,]\s*"
                           r"(?=.*(?:北京|天津|河北))")


def _other_places(text: str) -> str:
    """"除了北京，另外两地呢？" asks for 天津和河北; "除了北京的3038元，天津和河北各是多少？" gives a figure the asker has
    already, which is no part of the question."""
    text = _THE_OTHER_TWO.sub(lambda m: "和".join(p for p in _ONE_CHAR_PLACE.values() if p != m.group(1)), text)
    return _KNOWN_FIGURE.sub("", text)


# words only Shanghainese writes
_WU = re.compile(r"侬|阿拉|伊拉|啥人|伐[？?。！!]*$|屋里厢|辰光|晓得伐")
# words only Cantonese writes (after the traditional -> simplified conversion)
_CANTONESE = re.compile(r"嘅|喺|咗|冇|佢|咩|嗰|𠮶|啲|㗎|畀|边个|边度|边页|边几|边间|几多|系边|系咪|系几|系咩")


def normalize(text: str) -> str:
    """The index's normalisation (traditional -> simplified, full-width -> half-width), so
    questions and the corpus meet in one form; Taiwan and Hong Kong words become the mainland's
    the report uses ("軟體", "资讯" -> 软件, 信息); a two-digit year is written out ("13年" -> "2013年")."""
    # a space between two Chinese words typed into a chat box parts two clauses ("ISBN号多少 做ppt要用")
    text = index_text.normalize(re.sub(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])", "，", text))
    if _CJK.search(text):
        if _CANTONESE.search(text):
            # "组稿编辑同责任编辑分别系边个？": Cantonese 同 joins two names (not 同比, 协同, 不同 …)
            text = re.sub(r"(?<=[\u4e00-\u9fff])(?<![协共不相合陪连])同(?![比时一样期年业类步意等行])(?=[\u4e00-\u9fff])", "和", text)
        wu, cantonese = bool(_WU.search(text)), bool(_CANTONESE.search(text))
        if wu:
            text = re.sub(r"伐(?=[？?。！!]*$)", "吗", text)
        if cantonese:
            # "係邊個基金": which fund (边个 before a noun), not who; Cantonese 系 for 是 (not 体系, 关系, 联系, 系列 …)
            text = re.sub(r"边个(?=[\u4e00-\u9fffA-Za-z])(?![㗎呀啊呢嘅吖])", "哪个", text)
        # Singapore and Malaysia: the particles lah, leh, lor that end a clause
        text = re.sub(r"(?<![A-Za-z])(?:lah|leh|lor|meh|mah|hor|liao)(?![A-Za-z])", "", text)
        for regional, mainland in _regional():
            if regional.isascii():
                # pinyin initials typed on a phone ("哪个cbs出的", "叢書總zb是谁"): whole Latin words of a Chinese question
                if index_text.detect_language(text) == "zh":
                        text = re.sub(rf"(?<![A-Za-z]){re.escape(regional)}(?![A-Za-z])", mainland, text, flags=re.I)
            else:
                text = text.replace(regional, mainland)
        if cantonese:
            text = re.sub(r"(?<![体关联派院世谱水])系(?![统列数])", "是", text)  # (after 系边个, 系咪 …, read as phrases)
        if wu or cantonese:
            # "出版社个电话号码", "伊拉个网址", "啥人弄个", "本書個中圖分類號": 个 for 的 in Shanghainese and Cantonese (not a
            # measure word: 一个, 几个, 这个, 哪个 …)
            text = re.sub(r"(?<=[\u4e00-\u9fff])(?<![一二两三四五六七八九十几这那哪每各某整半单多少有])个(?=\s*[\u4e00-\u9fffA-Za-z？?，,。！!]|$)", "的", text)
        # a sentence in Japanese after the question is the asker's remark: "…定价是多少元？日本元で买えないので知りたいです。"
        text = re.sub(r"(?<=[？?])[^？?]*[\u3040-\u30ff]{2,}[^？?]*$", "", text)
        # "第二章是哪个写的？", "管校对的是哪个？": 哪个 for 谁 (southwestern speech), before a deed or after a role
        text = re.sub(r"哪个(?=(?:写|编|弄|搞|负责|管|签|执笔|整|做|出(?!版社|版单位|版机构))(?:的|了)?)", "谁", text)
        text = re.sub(r"((?:编辑|校对|主编|印制|作者|编著|执笔|负责人|写|弄|做|签|管)的?)(是|系)哪个(?=[？?吗嘛呢，,。]|$)", r"\1\2谁", text)
        text = re.sub(r"(?<=\d)%", "%", text)
        text = re.sub(r"几%", "百分之几", text)
        # semi-classical: "是书所承基金项目者何？", "前言署名者何？", "…之副主编者谁欤？"
        text = re.sub(r"(?:^|(?<=[，,。？?；;]))是书", "这本书", text)
        text = re.sub(r"者何(?=[？?，,。；;]|$)", "是什么", text)
        text = re.sub(r"者谁(?=欤|乎|[？?，,。；;]|$)", "是谁", text)
        text = re.sub(r"(?:欤|与)(?=[？?]\s*$)", "", text) if re.search(r"[孰谁何]欤[？?]", text) else text
        text = re.sub(r"乎(?=[？?]\s*$)", "吗", text)
        # a rhetorical question asks as a plain one: "总主编难道不是王成慧吗？", "责任编辑莫非就是那位组稿的王光艳？",
        # "首印总不至于只印了几千册吧？"
        text = re.sub(r"难道(?:说)?", "", text)
        # "…年均复合增速，不是15%左右吗？", "…难道没有阿里巴巴吗？", "…那一节里没写河北省吗？": the asker's own belief, asked
        # whether it holds (not "是不是", which asks it already)
        if re.search(r"(?:吗|么)[？?]?\s*$", text) and not re.search(r"是不是|是否", text):
            text = re.sub(r"(?<![是并要])不是(?=只|就|仅)", "", text, count=1)
            text = re.sub(r"[，,]?\s*(?<![是并要])不是(?:说)?(?=[^，,。？?！!]{1,30}(?:吗|么)[？?]?\s*$)", "是", text, count=1)
            text = re.sub(r"(?<![是有])没(?:有)?(?=(?:写|提|讲|说|列|举|给)[^，,。？?！!]{1,20}(?:吗|么)[？?]?\s*$)", "", text, count=1)
            text = re.sub(r"(?<![是])没有(?=[^，,。？?！!]{1,20}(?:吗|么)[？?]?\s*$)", "有", text, count=1)
        text = re.sub(r"莫非(?:就|真的?|是)?([^，,。？?！!]*?)(?:吗|吧|么)?([？?])", r"\1吗\2", text)
        text = re.sub(r"(?:总不至于|总不会|该不会|不至于|总不能)(?:也|还|就|真|只)?([^，,。？?！!]*?)(?:吧|吗|么)?([？?])", r"\1吗\2", text)
        # the one-character names of the three places, listed ("京、津、冀三地", "北大跟津、冀两边") or asked
        # after alone ("那津呢？", "冀的呢？"), and Peking University's short name
        text = re.sub(r"[京津冀](?:\s*、\s*[京津冀])+|(?<=[跟和与同及])[京津冀](?:[和与及]\s*[京津冀])?(?=[、两])",
                      lambda m: re.sub("[京津冀]", lambda c: _ONE_CHAR_PLACE[c.group(0)], m.group(0)), text)
        text = re.sub(r"(?<![京\u4e00-\u9fff])津冀(?![\u4e00-\u9fff]{0,1}(?:协同|一体))|^津冀(?=[，,\s])", "天津和河北", text)  # "津冀差多少"
        text = re.sub(r"京冀(?!协同|一体)", "北京和河北", text)  # "京冀 教育 差距 倍数"
        text = re.sub(r"^(那|那么)?([京津冀])(?=呢|的呢|的[？?]|[？?])", lambda m: (m.group(1) or "") + _ONE_CHAR_PLACE[m.group(2)], text)
        text = re.sub(r"(?<![\u4e00-\u9fff])[京津冀](?=的|那|呢|[？?])", lambda m: _ONE_CHAR_PLACE[m.group(0)], text)  # "，冀的部分在哪页"
        # "冀三产比重多少", "津软件和信息服务业增加值多少": a place's one character opening the question (not 京东, 京剧, 津贴 …,
        # nor 京津冀 typed with a slip: "京金冀区域内")
        text = re.sub(r"(?:^|(?<=^那)|(?<=[，,。；;\s]))[京津冀](?![京津冀东剧都沪城畿郊贴门味腔华广九藏港])(?![\u4e00-\u9fff][津冀])(?=[\u4e00-\u9fff])",
                      lambda m: _ONE_CHAR_PLACE[m.group(0)], text)
        text = re.sub(r"(?<![A-Za-z\d])(?:R\s*[Dd]|rd)(?![A-Za-z])", "R&D", text)  # "北京的RD投入强度"
        text = re.sub(r"(电话|号码|传真|编号|邮编|书号)(号码)?(是|为)?几号", r"\1\2\3多少", text)  # "联络电话是几号": a number, not a day
        text = re.sub(r"^(那|那么)?和北(?=省?(?:呢|的呢|[？?]|$))", lambda m: (m.group(1) or "") + "河北", text)  # "和北呢": 河北, typed by its sound
        text = re.sub(r"(?<![河东华西湖])北大(?![学街荒门])", "北京大学", text)
        # chat shorthand for a page ("参考文献p几", "在P几") and a page to start reading from ("从哪页看起")
        text = re.sub(r"(?<![A-Za-z])(?:在)?(?:[pP]|[pP]age)\.?\s*(?:几|多少)(?![A-Za-z])", "在第几页", text)
        text = re.sub(r"(哪一?页|第几页)看起(?!来)", r"\1开始", text)
        # "在目录上标的起始页码是多少": where it starts ("起始页码" is no word to look up)
        text = re.sub(r"(?:在?目录(?:上|里|中)?(?:标|写|印)的)?的?(?:(?:起始|开始|起)页码?(?:是|为)?(?:多少|第几页|几|哪一?页)"
                      r"|(?:起始|开始)页码?(?:是|为)?(?=[？?。]|$))", "从第几页开始", text)
        text = _spoken(text)
        # "定价是多少块钱？", "58块钱": 元 as said aloud
        text = re.sub(r"(多少|\d)\s*块钱?(?![\u4e00-\u9fff]{0,1}(?:地|头|区|状))|(几)块钱", lambda m: (m.group(1) or m.group(2)) + "元", text)
        # formal written Chinese: "合作项目之数量" is 合作项目的数量 (not 之后, 之一, 之间, 总之, 之外 …)
        text = re.sub(r"所载(?=[\u4e00-\u9fff])", "", text)  # "所载字数": 字数
        text = re.sub(r"(?<=[\u4e00-\u9fff])(?<![总言加随为使久分])之(?![后前间一二三外内下上中际所类多首最初末余])(?=[\u4e00-\u9fff])", "的", text)
        # "另请告知天津方面的相应数据": the question before, for another place or part
        text = re.sub(r"^(?:另外|此外|同时|另)?(?:请问|请提供|请列出)?(?P<p>[\u4e00-\u9fff]{1,8}?)(?:方面|一方|那边)?的?(?:相应|相关|对应|同类|同一)的?"
                      r"(?:数据|数字|数值|情况|数额|信息|内容|指标)[。？?]?$", r"那\g<p>呢？", text)
        text = _other_places(text)
        text = re.sub(r"(?:^|(?<=[的和与及、，,京津北市省占比对\s]))([一二三])产(?![业品值权出量能生])",
                      lambda m: f"第{m.group(1)}产业", text)  # "北京三产占多少": 第三产业
        text = re.sub(r"(问清楚|问明白|问一下|问问|打听一下|打听打听)\s*(?:——|—|--)", r"\1：", text)  # "非要我先问清楚——这本书…"
        text = re.sub(r"^(?:另外|此外|同时|另)(?:再)?请问[，,]?\s*", "", text)  # "另请告知河北省政策一节的起始页码": a request
        text = re.sub(r"(?<=[进买订拿带送寄])(了)?几(?=[本册套份])", r"\1一些", text)
        # "…找哪个部门换？地址电话给一下": two fields side by side, asked by a request
        text = re.sub(r"(地址|电话|邮编|网址|传真|邮箱)(?=(?:地址|电话|邮编|网址|传真|邮箱))", r"\1和", text)
        text = re.sub(r"(?<=[，,。？?])([^，,。？?]{2,12}?)(?:给我?|发我?|报|说|提供|告诉我)一下[。！!]?$", r"\1是什么？", text)
        # "大事记第几页参考文献呢": a second ask run on without a mark
        text = re.sub(r"(第几页|哪一?页|多少|是谁|是哪[家个位]|几号)(?=[\u4e00-\u9fff]{2,12}呢[？?]?$)", r"\1，", text)
        text = re.sub(r"(?<=[序言])最后(?=(?:是|由)?谁?(?:署|落款|签))", "", text)  # "总序最后是谁署的名": where a signature stands  # "托我进几本这本书": a few copies, no question
        # "《…规划》不是北京市制定的吧？是哪个部门制定的？": a guess denied, then the question itself, of the same subject
        if (m := re.match(r"^(?P<subj>[^，,。？?]{2,30}?)(?:应该|大概|好像)?不是[^，,。？?]{1,24}?吧[？?，,]\s*(?P<rest>(?:那|那么)?(?:它|它的|是|由|在|从)"
                          r"[^？?]*(?:哪|谁|什么|多少|几)[^？?]*[？?]?)$", text)):
            rest = re.sub(r"^(?:那|那么)?它的?", lambda k: "的" if k.group(0).endswith("的") else "", m.group("rest"))
            text = m.group("subj") + rest
        # "除了责任编辑许兵，版权页上负责印制和校对的分别是谁？": what the asker has already, when the rest asks other things
        # by name (not "除了总主编，还有哪几位？", which asks for the others)
        if (m := re.match(r"^\s*除了?([^，,。？?]{2,16}?)(?:以外|之外)?[，,]\s*(?=\S)", text)) and not re.search(
                r"还有|另外|其他|其它|其余|剩下|别的|以外的|之外的|还|另", text[m.end():]) and re.search(r"分别|各", text[m.end():]):
            text = text[m.end():]
        # "…，如书中有多处记载，请以版权页所载为准。": how the asker wants a value chosen, no part of what is asked
        text = re.sub(r"[，,；;]\s*(?:(?:如|若|如果)[^，,。？?]{0,20}[，,]\s*)?(?:请|烦请|均)?以[^，,。？?]{1,16}为准[。.！!]?\s*$", "。", text)
        # "责任编辑是许兵吧？组稿编辑是谁？": a belief to confirm, then a question of its own -- two questions
        text = re.sub(r"(?<=[\u4e00-\u9fff\d%])吧(?=[？?]\s*[^？?]*(?:谁|什么|哪|多少|几)[^？?]*[？?]?\s*$)", "吗", text, count=1)
        # "总序係邊個寫㗎？" -> "总序是谁写？": who did it, asked without its 的
        text = re.sub(r"(谁|哪位|哪个)(写|编|签|编写|撰写|执笔|签署)(?=[？?。，,]|$)", r"\1\2的", text)
        # "好像是北京的研发什么的，到底是什么指标？": "什么的" closing a clause is "and so on", the question comes after it
        text = re.sub(r"((?:好像|似乎|貌似|大概|记得)[^，,。？?]{1,16}?)(?:什么的|啥的|之类的)(?=[，,][^，,]*(?:什么|啥|哪|多少|几))", r"\1", text)
        # "前言的落款？": a sign-off is the name and the date under a text
        text = re.sub(r"^(?:请问)?([^，,。？?]{0,8}?(?:总序|前言|序言|序))的?落款(?:处)?(?:是什么|写的是什么|写了什么|怎么写的|呢)?(?=[？?。]?\s*$)", r"\1的署名和落款日期分别是什么", text)
        # "这本书主要写了什么内容？", "本书讲什么？": what the book as a whole is about, which its preface says
        text = re.sub(r"^(?:请问)?(?:这本书|本书|这本报告|本报告|该书|这份报告|全书|整本书)(?:主要|大致|大概|究竟|到底|都)?(?:写|讲|介绍|研究|论述|谈|说|涉及)(?:了|的)?(?:是)?"
                      r"(?:什么|哪些|啥|些什么)(?:内容|东西|问题|方面)?(?:呢|啊|呀)?(?=[？?。]?$)", "本书的主要内容是什么", text)
        # "谁负责第二章的写作？": who wrote that part
        text = re.sub(r"(?:是)?谁(?:负责|承担|完成)了?((?:第[一二三四五六七八九十\d]+章)|附录)的?(?:写作|撰写|编写|执笔|撰稿)(?:工作)?", r"\1是谁写的", text)
        # "第一章的作者是谁？": who wrote that part (the book's own 编著 are its authors, not a chapter's)
        text = re.sub(r"((?:第[一二三四五六七八九十\d]+章)(?:第[一二三四五六七八九十\d]+节)?|附录|[这那该]一?章)的?(?:作者|撰写者|撰写人|撰稿人|执笔人|执笔者)"
                      r"(?:分别)?(?:是谁|是哪位|是哪几位|是哪两位|都有谁|有哪些|有谁)", r"\1是谁写的", text)
        # "负责印制和校对的分别是谁？": two roles, each asked by its name
        text = re.sub(r"负责(编著|编写|撰写|校对|编辑|印制|组稿|审校|印刷)(和|与|及|跟|、)(编著|编写|撰写|校对|编辑|印制|组稿|审校|印刷)(?:工作)?的(?:人)?(?=分别|各)",
                      r"\1\2\3", text)
        # "本报告的编著人员是谁？", "负责本书校对工作的人员姓名": the person of a role is asked by the role
        text = re.sub(r"负责(本书|这本书|全书|该书)?的?(编著|编写|撰写|校对|编辑|印制|组稿|审校)工作的(?:工作人员|人员|人士|人)",
                      lambda m: (m.group(1) + "的" if m.group(1) else "") + m.group(2), text)
        text = re.sub(r"(编著|编写|撰写|校对|编辑|印制|组稿|审校)(?:工作)?的?(?:工作人员|人员|人士|负责人)(?=是|为|有|都|姓|的?姓名|[，,。？?]|$)", r"\1", text)
        # "出版社电话是多少？": the publisher's field, as "出版社的电话" asks it
        text = re.sub(r"(出版社|出版者|本社|读者服务部|印刷厂|印刷单位)(?=(?:电话|地址|邮编|网址|传真|邮箱|电子邮箱|电子邮件|联系方式|联系电话))", r"\1的", text)
        # "出版社电话号是多少", "想打电话给出版社问问，号码多少？": the telephone number
        text = re.sub(r"(电话|传真|手机)号(?![码])", r"\1号码", text)
        if "电话" in text:
            text = re.sub(r"(?<![话书真机证编])号码(?=(?:是|为)?多少|是什么|是几)", "电话", text)
            # (the call the asker means to make is why it is asked: "想打电话给出版社问问，电话多少")
            text = re.sub(r"打(?:个|一个|通)?电话[给到]?(?=[问找]?[^，,。？?]*[，,。][^，,。？?]*电话)", "联系", text)
        # "书页底下那个小注": the footnote, told by where it stands on the page
        text = re.sub(r"(?:书页|页面|那一?页|这一?页|页)(?:的)?(?:底下|下面|下方|底部|最下面|最底下|脚下)的?(?:那个|那条|这个|这条|一个|一条)?(?:小注|注释|注解|注)(?!册)",
                      "脚注", text)
        # "这本书叫什么名字？": the book's title
        text = re.sub(r"((?:这|那|该|此)(?:本|部|份)(?:书|报告)|本书)(?:的名字|的名称)?叫(?:什么|啥)(?:名字|名儿|名)?(?=[？?。，,]|$)", r"\1的书名是什么", text)
        # "排在最前面的那一章叫什么？": the first chapter (section)
        text = re.sub(r"(?:排在|列在)?最前面?的?(?:那|这)?一?(章|节)", r"第一\1", text)
        # "总序和前言的落款日期分别是哪天？": one field of two parts of the book, asked as two questions (not of two places,
        # which one passage may compare)
        text = re.sub(r"(总序|前言|附录|大事记|参考文献|第[一二三四五六七八九十]+[章节])(?:和|与|跟|及)(总序|前言|附录|大事记|参考文献|第[一二三四五六七八九十]+[章节])"
                      r"的?([\u4e00-\u9fff]{2,6}?)分别(是[^？?，,。]*)[？?]", r"\1的\3\4？\2的\3\4？", text)
        # "…归成了几条？我记得是三条": what the asker remembers, after the question, is no part of it
        text = re.sub(r"(?<=[？?])\s*(?:我|俺)?(?:记得|印象(?:里|中)?|以为|好像记得|记忆中)[^？?]*[？?。！!]*$", "", text)
        text = re.sub(r"(?<![\u4e00-\u9fff])相应的?(?=[\u4e00-\u9fff]{2})|(?<=[问的])相应的?(?=[\u4e00-\u9fff]{2})", "", text)  # "请问相应联系电话"
        # "教育医疗这类公共服务": examples of what is asked, as the report writes them ("教育、医疗等")
        text = re.sub(r"(?<=[\u4e00-\u9fff])(?:这一?类|那一?类|此类|之类的?)(?=[\u4e00-\u9fff])", "等", text)
    else:
        text = _plain_english(_spoken_years_en(text))
    return re.sub(r"(?<![\d.])([01]\d)(?=年(?!代))", r"20\1", text)


_EN_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_EN_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_EN_SMALL = {w: i + 1 for i, w in enumerate(_EN_UNITS)} | {w: i + 10 for i, w in enumerate(_EN_TEENS)}
_SMALL_ALT = "|".join(sorted(_EN_SMALL, key=len, reverse=True))
_YEAR_WORDS_EN = re.compile(
    rf"\btwo thousand(?:\s+and)?\s+({_SMALL_ALT})\b"  # "two thousand and twelve"
    rf"|\btwenty\s+(?:oh\s+({'|'.join(_EN_UNITS)})|({'|'.join(_EN_TEENS)})|twenty)\b"  # "twenty thirteen", "twenty oh five"
    rf"|\b((?:in|by|from|to|since|until|till|of|year|circa|around)\s+)two thousand\b(?!\s+(?:and\s+)?(?:[a-z]+s|{_SMALL_ALT})\b)",  # "back in two thousand"
    re.I)


_SAME_QUESTION_EN = re.compile(r"^\s*(?:and\s+)?(?:the\s+)?same\s+question\s+(?:for|about|on)\s+(.{2,40}?)\s*[?.!]*\s*$"
                               r"|^\s*(?:and\s+)?(?:for\s+)?(.{2,40}?)[,\s]+(?:the\s+)?same\s+question\s*[?.!]*\s*$", re.I)
_DID_VERB_EN = {"write": "wrote", "sign": "signed", "edit": "edited", "publish": "published", "compile": "compiled",
                "print": "printed", "proofread": "proofread", "author": "authored", "fund": "funded"}


def _plain_english(text: str) -> str:
    """English as learners type it, in the forms the question readers know: "Hebei province same question" ->
    "Same for Hebei province?"; "who did write the general preface" -> "who wrote the general preface"."""
    # ("I'm putting together a briefing…": a contraction is its two words, not a word "m")
    text = re.sub(r"\b(I|you|we|they)'(m|re|ve|d|ll)\b", lambda c: c.group(1) + " " + {"m": "am", "re": "are", "ve": "have", "d": "would",
                  "ll": "will"}[c.group(2).lower()], text, flags=re.I)
    text = re.sub(r"\b(tertiary|secondary|primary)-(industry|sector)\b", r"\1 \2", text, flags=re.I)  # "Tianjin's secondary-industry share"
    # requests written as letters are asked as questions: "…could you let me have the ISBN of the report, and could you
    # also tell me its cover price?" asks two; "Might I also ask for the corresponding figure for Hebei?" follows up
    req = r"(?:(?:could|would|can)\s+you\s+(?:also\s+)?(?:please\s+|kindly\s+)?|would\s+you\s+be\s+so\s+kind\s+as\s+to\s+|might\s+I\s+trouble\s+you\s+to\s+|(?:I\s+)?(?:should|would)\s+(?:also\s+)?be\s+(?:most\s+|very\s+)?grateful\s+if\s+you\s+could\s+(?:also\s+)?(?:kindly\s+)?)" \
          r"(?:let\s+me\s+(?:have|know)|tell\s+me|give\s+me|confirm|provide)\s+"
    wh = r"(?=(?:who|what|which|when|where|how|whether)\b)"
    text = re.sub(r",?\s+and\s+" + req + r"(?=(?:the|its|their)\b)", "? And what is ", text, flags=re.I)
    for pattern, asked in ((r"\b" + req + wh, ""), (r"\b" + req + r"(?!(?:who|what|which|when|where|how|whether|if|that)\b)", "what is ")):
        while m := re.search(pattern, text, flags=re.I):
            # (the request asked a question: its sentence ends in a question mark)
            rest = re.sub(r"^([^.?!]*)\.(?=\s|$)", r"\1?", text[m.end():], count=1)
            text = text[: m.start()] + asked + rest
    text = re.sub(r"^\s*(?:and\s+)?(?:might|may|could|can)\s+I\s+(?:also\s+)?ask\s+(?:you\s+)?(?:for|about)\s+", "And ", text, flags=re.I)
    # "What section starts on page one hundred ten?": a page number in words
    text = re.sub(r"\b(pages?\s+)((?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
                  r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|and)[\s-]*)+)\b",
                  lambda m: m.group(1) + (str(n) + re.search(r"\s*$", m.group(2)).group(0) if (n := _en_number_words(m.group(2))) else m.group(2)),
                  text, flags=re.I)
    # "What is the book about?": what its chapters cover, which the preface states
    text = re.sub(r"^\s*(?:so\s+)?what(?:'s| is| does)\s+(?:this|the)\s+(?:whole\s+)?(?:book|report|volume)\s+(?:(?:mainly|actually|really|basically)\s+)?"
                  r"(?:about|cover|deal with|discuss|contain|consist of|comprise)\s*\??\s*$", "What do the book's chapters cover?", text, flags=re.I)
    # "when did the first print run come out": the first printing (not the size of a print run, which the record omits)
    text = re.sub(r"\b(first|1st|second|2nd)\s+print\s+run\b(?=[^?]*\b(?:come|came|out|published|appear|appeared|when|date)\b)",
                  r"\1 printing", text, flags=re.I)
    # "Who put the book out?": published it
    text = re.sub(r"\bput\s+((?:the|this|that)\s+(?:book|report|volume)|it)\s+out\b", r"published \1", text, flags=re.I)
    text = re.sub(r"\bput\s+out\b", "published", text, flags=re.I)
    # learners' English: "in 2013 year", "until 2013", "Who is write the general preface"
    text = re.sub(r"\b((?:19|20)\d\d)\s+year\b", r"\1", text, flags=re.I)
    text = re.sub(r"\buntil\s+(?=(?:19|20)\d\d\b)", "by ", text, flags=re.I)
    text = re.sub(r"(?<!who )\b(?:is|was)\s+(publish|print)\b", lambda m: "was " + m.group(1) + "ed", text,
                  flags=re.I)  # "This book is publish in 2016"
    # "in which month it come out?": the question's "did" left out
    text = re.sub(r"\b(when|(?:which|what)\s+(?:month|year|day|date))\s+(it|the\s+(?:book|report)|this\s+(?:book|report))\s+"
                  r"(come|published|publish|printed|print)\b", lambda m: f"{m.group(1)} did {m.group(2)} "
                  + {"published": "publish", "printed": "print"}.get(m.group(3).lower(), m.group(3)), text, flags=re.I)
    text = re.sub(r"\b(who)\s+(?:is|was|are|were)\s+(" + "|".join(_DID_VERB_EN) + r")\b",
                  lambda m: f"{m.group(1)} {_DID_VERB_EN[m.group(2).lower()]}", text, flags=re.I)
    # "Which company is publisher of this report? (in Vietnam we say nha xuat ban)": a remark in brackets after the question
    text = re.sub(r"(?<=\?)\s*\((?!\s*following up:)[^()]*\)\s*$", "", text)  # (not the context a follow-up carries)
    # "And the Tianjin subsection within it?": that place's part of the section asked before
    text = re.sub(r"\bthe (Beijing|Tianjin|Hebei) (?:sub-?section|part|section|bit|portion)\s+(?:within|of|in|inside|under) (?:it|that|this)(?: one| section| chapter)?\b",
                  r"\1's part of it", text, flags=re.I)  # (still pointing back: the section is the one before)
    # "when was this thing actually printed?": the book
    text = re.sub(r"\b(?:this|that|the) thing\b", "the book", text, flags=re.I)
    text = re.sub(r"\b(is|was|were|are)\s+(the book|it|the report)\s+(?:actually|really|exactly)\s+", r"\1 \2 ", text, flags=re.I)
    # ("Who actually wrote the report?": an adverb between the asking word and the deed says nothing of either)
    text = re.sub(r"\b(who|what|which|when|where)\s+(?:actually|really|exactly|precisely|originally|in fact)\s+", r"\1 ", text, flags=re.I)
    m = _SAME_QUESTION_EN.match(text)
    if m:
        text = f"Same for {(m.group(1) or m.group(2)).strip()}?"
    return re.sub(r"\b(who|which \w+)\s+(?:did|does)\s+(" + "|".join(_DID_VERB_EN) + r")\b",
                  lambda m: f"{m.group(1)} {_DID_VERB_EN[m.group(2).lower()]}", text, flags=re.I)


def _en_number_words(words: str) -> int | None:
    """"one hundred ten" -> 110, "ninety-eight" -> 98, "forty eight" -> 48; None when the words make no number."""
    tens = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
    small = {w: i + 1 for i, w in enumerate(_EN_UNITS)} | {w: i + 10 for i, w in enumerate(_EN_TEENS)}
    total, seen = 0, False
    for w in re.findall(r"[a-z]+", words.lower()):
        if w == "and":
            continue
        if w == "hundred":
            total = (total or 1) * 100
        elif w in tens:
            total += tens[w]
        elif w in small:
            total += small[w]
        else:
            return None
        seen = True
    return total if seen and 0 < total < 1000 else None


def _spoken_years_en(text: str) -> str:
    """A year said in words in an English question ("by twenty thirteen", "back in two thousand",
    "two thousand and twelve") written as digits, as the report writes years."""
    def year(m: re.Match) -> str:
        if m.group(1):
            return str(2000 + _EN_SMALL[m.group(1).lower()])
        if m.group(2):
            return str(2000 + _EN_SMALL[m.group(2).lower()])
        if m.group(3):
            return str(2000 + _EN_SMALL[m.group(3).lower()])
        return "2020" if m.group(0).lower().startswith("twenty") else m.group(4) + "2000"
    return _YEAR_WORDS_EN.sub(year, text)


def language(text: str) -> str:
    """The question's language; a title in 《》 counts as one word of the sentence around it ("Which press published
    《新时期京津“双城记”》?" is English)."""
    if "《" in text and (bare := re.sub(r"《[^》]*》", " ", text)).strip(" ?？"):
        titles = text.count("《")
        return index_text.detect_language(bare + " x" * titles) if re.search(r"[A-Za-z]", bare) else "zh"
    if re.match(r"\s*(?:who|what|which|when|where|why|how|is|are|was|were|does|do|did|can|could|please|tell)\s+[A-Za-z]", text, re.I) \
            and len(re.findall(r"[A-Za-z]+", text)) >= 3:
        # "Who make the plan 京津冀都市圈区域综合规划?": an English sentence that quotes a Chinese name; the name counts
        # as one word
        return index_text.detect_language(re.sub(r"[\u4e00-\u9fff“”、（）()·]+", " x ", text))
    return index_text.detect_language(text)


def data_rows(name: str) -> list[list[str]]:
    """The tab-separated rows of ``assistant/data/<name>`` (blank lines and # comments skipped)."""
    path = Path(__file__).parent / "data" / name
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[tuple[re.Pattern, str], ...]:
    # (a possessive ends the word: "And Tientsin's?")
    return tuple((re.compile(rf"(?<![\w'-])(?:{pat})(?![\w-]|'(?!s\b))", re.I), repl)
                 for pat, repl in data_rows("abbreviations_en.tsv"))


def expand_abbreviations(text: str) -> str:
    """Everyday shorthand in an English question written out ("how does ch1 define info services" ->
    "how does chapter 1 define information services"); Chinese questions are returned unchanged."""
    if language(text) != "en":
        return text
    for pat, repl in _abbreviations():
        text = pat.sub(repl, text)
    return text


_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z\d&'’\- ]*[A-Za-z\d]|[A-Za-z]")
# English words that only frame what a Chinese question asks ("topic", "office", "four"): dropped with the phrase
_GENERIC_EN = frozenset("topic topics subject title name names office specific exact exactly main key core detail details "
                        "one two three four five six seven eight nine ten".split())
# English words in a Chinese sentence that say one thing there, though generic in an English question
_MIXED_EN_ZH = {"title": "标题", "titles": "标题", "page": "页", "order": "顺序",
                # ("落款是who", "总序的author是谁", "开本size是多少": a question word, or a word the Chinese says plainly)
                "who": "谁", "what": "什么", "when": "什么时候", "where": "哪里", "which": "哪个", "how many": "多少",
                "how much": "多少", "author": "作者", "authors": "作者", "size": "尺寸", "slogan": "口号", "slogans": "口号"}
_FRAME_EN = frozenset("the a an of in on for and to is are was were what which who how".split())


def english_in_chinese(text: str, glossary, known: Callable[[str], bool]) -> str:
    """English phrases inside a Chinese question written in the report's Chinese ("北京的R&D
    intensity是多少" -> "北京的R&D投入强度是多少", "这套丛书的chief editor是谁" -> "…总主编是谁"),
    when the curated glossary covers every word of the phrase; terms the report itself uses (GDP,
    TPP, CIP) and phrases it cannot translate are left as written."""
    if glossary is None or language(text) != "zh":
        return text
    # ("邊間 company 幫本書做 printing？": the spaces around an English word in a Chinese sentence part nothing)
    text = re.sub(r"(?<=[\u4e00-\u9fff])[ \t]+(?=[A-Za-z])|(?<=[A-Za-z])[ \t]+(?=[\u4e00-\u9fff])", "", text)

    def translate(m: re.Match) -> str:
        run = m.group(0).strip()
        if run.lower() in _MIXED_EN_ZH:
            return _MIXED_EN_ZH[run.lower()]  # ("第四章個 title 係咩？": words the glossary leaves generic)
        if known(run) and (run.isupper() or re.search(r"[\d&]", run) or not any(g[4] == "glossary" for g in glossary.groups(run))):
            return m.group(0)  # (GDP, TPP, CIP, R&D as the report writes them; not "printing", which it writes 印刷)
        words = en_words(run)
        groups = [g for g in glossary.groups(run) if g[4] == "glossary"]
        covered = {i for a, b, *_ in groups for i in range(a, b)}
        if any(i not in covered for i, w in enumerate(words) if w not in _FRAME_EN and w not in _GENERIC_EN):
            return m.group(0)
        # ("项目研究的topic是什么", "北京的four core functions": the generic words say nothing the Chinese does not)
        return "".join(g[3][0] for g in groups) if groups or words else m.group(0)

    text = re.sub(r"(?<=[\d多少几])\s*[kK](?=字)", "千", text)  # "196k字", "多少k字"
    out, last = [], 0
    for m in _LATIN_RUN.finditer(text):
        said, before = translate(m), text[last: m.start()]
        if said != m.group(0):
            # ("本書個中圖 classification number": the Chinese already typed before the English is part of the translation)
            k = next((k for k in (4, 3, 2) if len(before) >= k and said.startswith(before[-k:])), 0)
            before = before[: len(before) - k]
        out.append(before + said)
        last = m.end()
    return "".join(out) + text[last:]


# Politeness around a Chinese question says nothing about what is asked ("麻烦问一下，…",
# "…，您能帮我查一下吗？"): it is dropped before the question is read.
_COURTESY_HEAD_ZH = re.compile(r"^(?:(?:(?:年轻人|小伙子|小同志|同志|姑娘|小姑娘|师傅|大姐|大哥)(?:你好|您好)?(?:啊|呀)?(?=[，,！!。])|您好|你好|老师好|(?:喂|哈喽|嗨)(?=[，,！!。\s])|(?:明白了?|了解了?|知道了|懂了|好的|收到|谢谢|多谢|嗯|哦)(?=[，,！!。~～])|打扰(?:一下|了)|劳驾|不好意思(?:打扰(?:一下|了|您了?)?)?|(?:我|本人)(?:眼睛|年纪|记性|视力|耳朵)[^，,。？?]{0,6}(?=[，,。])|[\u4e00-\u9fff]{0,4}问(?:一句|一下|个问题)(?=[：:，,])|麻烦(?:您|你)?(?:问|请教|帮我查|查)?一下|"
                               r"(?:我)?想(?:请教|请问)(?:一下)?|(?:我)?想(?:问|了解)一下|请教一下|请问一下|帮(?:我|忙)(?:查|看|找)(?:一)?下)[，,！!。：:\s]*)+")
_COURTESY_TAIL_ZH = re.compile(r"[，,？?]\s*(?:(?:您|你)(?:能|可以|可否|能否|能不能)?|(?:能|可以|可否|能否|能不能))(?:帮(?:我|忙))?"
                               r"(?:查|看|找|确认|核实|列|列举|列出|说说|讲讲)(?:一下|下)?(?:吗|嘛|么)?[？?。！!]*$|[，,？?！!。]\s*(?:谢谢|多谢|感谢)(?:您|你|啦|了)?[！!。~～]*$"
                               r"|[？?]\s*(?:烦请|敬请|请|麻烦)(?:说明|告知|赐教|指教)(?:一下)?[。！!]*$")  # "…分别是哪两位？烦请说明。"


# "天津和河北呢？原句怎么写的？", "…各章讲什么？前言里的原话。": a last ask for the report's own wording, which
# every answer quotes; dropped when what comes before asks something of its own
_WORDING_TAIL_ZH = re.compile(r"[，,？?。！!]\s*(?:(?:请|麻烦)?(?:给我|帮我)?)?(?:(?:前言|总序|书|报告)(?:里|中|上)?的?)?(?:原句|原文|原话|原始表述|原本的说法)"
                              r"(?:是)?(?:怎么|如何)?(?:写|说|表述)?的?(?:是什么|是啥|呢)?(?:也?(?:给我|发我|贴一下|引一下|照录给我))?[？?。！!]*$")


# a question written as a letter: "Dear colleague, … Many thanks in advance. Kind regards, Martin Hale"
_GREETING_EN = re.compile(r"^\s*(?:(?:dear|hello|hi|hey|good\s+(?:morning|afternoon|evening))\b[^,.!?:;\n]{0,40}[,.!:;]\s*)", re.I)
_THANKS_HEAD_EN = re.compile(r"^\s*(?:(?:many|a\s+thousand)\s+thanks|thanks(?:\s+(?:a\s+lot|so\s+much|again))?|much\s+obliged"
                             r"|thank\s+you(?:\s+(?:kindly|very\s+much|so\s+much|again))?(?:\s+for\s+[^.!?]{0,60})?)\s*[.!,]\s*", re.I)
_SIGN_OFF_EN = re.compile(r"(?<=[.!?,])?\s*(?:(?:with\s+)?(?:thanks\s+and\s+)?(?:kind|kindest|best|warm|warmest|many)\s+(?:regards|wishes|thanks)|regards"
                          r"|yours\s+(?:sincerely|faithfully|truly)|sincerely|cheers|best"
                          r"|(?:many\s+)?thanks(?:\s+in\s+advance)?(?:\s+for\s+your\s+(?:help|time|assistance))?"
                          r"|thank\s+you(?:\s+in\s+advance)?(?:\s+for\s+your\s+(?:help|time|assistance))?)"
                          r"\s*[,.!]?\s*(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Miss|Sir)\.?\s+)?(?:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})?\s*[.!]?\s*$", re.I)


def _without_letter_form(question: str) -> str:
    """"Dear colleague, … could you also tell me its cover price? Many thanks in advance. Kind regards, Martin Hale"
    without its greeting, its thanks and its signature (the signature's name is no name asked about)."""
    out = _GREETING_EN.sub("", question, count=1)
    out = _THANKS_HEAD_EN.sub("", out, count=1)
    for _ in range(3):
        m = _SIGN_OFF_EN.search(out)
        if not m or m.start() == 0 or not re.search(r"[.!?,]\s*$", out[: m.start()] + " ") and not re.search(r"[.!?,]$", out[: m.start()].rstrip()):
            break
        out = out[: m.start()].rstrip().rstrip(",")
    # "Who are the credited authors? The licence has to name them exactly.": a remark after the last question
    # (only a remark on what the answer is for, "The licence has to name them exactly.", not a request that says more of what
    # is asked: "I need the street address for the citation.", "Full postal address please.", "pages too")
    # "Can you give me the ISBN so my desk can order a copy?": what the answer is for, said after what is asked
    out = re.sub(r",?\s+so (?:that )?(?:I|we|my \w+|our \w+|they|he|she) (?:can|could|may|might|will)\b[^?.]*(?=\?\s*$)", "", out)
    if (q_end := out.rfind("?")) > 0 and re.fullmatch(r"\s*(?:The|This|That|Our|My|Their|It|They)\b[^?]*\b(?:has to|have to|must|needs? to|will|should)\b[^?]*[.!]?\s*",
                                                       out[q_end + 1:]):
        out = out[: q_end + 1]
    return out.strip() if re.search(r"[A-Za-z]{3}", out) else question


def without_courtesy(question: str) -> str:
    """"麻烦问一下，图书馆采编需要这本报告的书号，版权页上印的是多少？" without "麻烦问一下，";
    "…的那位编辑是谁，您能帮我查一下吗？" without "，您能帮我查一下吗"; "…呢？原句怎么写的？" without
    "原句怎么写的？"."""
    if language(question) != "zh":
        return _without_letter_form(question)
    out = _COURTESY_HEAD_ZH.sub("", question.strip())
    tail = _COURTESY_TAIL_ZH.search(out)
    if tail:
        out = out[: tail.start()] + "？"
    wording = _WORDING_TAIL_ZH.search(out)
    if wording and (asks(out[: wording.start()]) or is_followup(out[: wording.start() + 1])):
        out = out[: wording.start() + 1]
    out = _without_story(out)
    # "我要去新华书店订这本书，店员说最好报那个书号，…": an errand told in a clause of its own, no part of what is asked
    errand = re.compile(r"(^|[，,。])\s*(?:我|我们|本人)(?:要|想|准备|打算|得|正要)(?:去|到)[^，,。？?]{1,12}(?:买|订|借|购|找)[^，,。？?]{0,8}[，,]")
    if (m := errand.search(out)) and re.search(r"这本书|本书|这书", m.group(0)):
        out = out[: m.end()] + re.sub(r"^它(?=的|是|有)", "这本书", out[m.end():])  # ("…，它的经销商是谁？": the book)
    out = errand.sub(r"\1", out)
    if both := _BOTH_BEFORE_ZH.match(out):
        # (asked of each in turn: "CIP数据里的出版年月写的是什么时间？版次栏的首印时间写的是什么时间？")
        ask = re.sub(r"^(?:分别|各自)", "", both.group("ask"))
        out = "".join(x + ask for x in (both.group("a"), both.group("b")))
    return out if re.search(r"[\u4e00-\u9fff]", out) else question


# "我注意到CIP数据里的出版年月和版次栏的首印时间似乎不一致，二者分别写的是什么时间？": the two things a remark names
# are what "二者分别" asks about
_BOTH_BEFORE_ZH = re.compile(r"^(?:我|本人)?(?:注意到|发现|看到|看见|留意到)?(?P<a>[^，,。；;？?和与跟]{2,30}?)[和与跟](?P<b>[^，,。；;？?]{2,30}?)"
                             r"(?:似乎|好像|有点|可能|并|明显)?(?:不一致|不同|不一样|对不上|有出入|矛盾|有差别)[了的]?[，,。]\s*"
                             r"(?:这)?(?:二者|两者|它们俩?|这两[个项处])(?P<ask>(?:分别|各自)[^？?]*[？?])$")


# what a sentence of the asker's story may not hold to be left out: a place, a figure, a title, a part of the book
_STORY_KEEPS = re.compile(r"\d|《(?!本书》)|[这那]一?[章节]|第[一二三四五六七八九十]+[章节]|总序|前言|附录|大事记|参考文献|版权页|目录"
                          r"|印张|字数|定价|开本|书号|ISBN|版次|印次|页码|电话|地址|邮编|编号")
# a sentence that asks by a request: "把资助它的基金来源都列出来。"
_STORY_ASKS = re.compile(r"列出|列一下|列个|都列|说说|讲讲|解释|出处|原文|原话")  # ("我要标注出处。": where it is said is asked)


def _without_story(q: str) -> str:
    """"同志你好啊。我是退下来好些年的老干部，平时就爱翻翻书看看报。…这本书到底是哪家出版社出的？我琢磨着让老伴回头去
    新华书店再买一本。": the whole sentences before the question and after it that ask nothing and name nothing the
    report is about are the asker's story, no part of the question (a sentence that names a place, a figure or a
    part of the book stays: "2013年北京的R&D投入强度是6.08%。那天津呢？")."""
    sents = re.findall(r"[^。！!？?]+[。！!？?]*", q.strip())

    def plan(x: str) -> bool:
        # "…是多少？我想和京津冀对比着引用": what the asker will do with the answer, whatever it names
        # ("…是哪两个人？我想查查他们还写过啥。": what the asker will look up elsewhere)
        return bool(re.match(r"\s*(?:我|我们|本人)(?:想|要|打算|准备|需要|会)[^？?]{0,16}(?:引用|对比|比较|写进|放进|用在|参考|核对)[^？?]{0,8}[。！!]?\s*$", x)
                    or re.match(r"\s*(?:我|我们|本人)(?:想|要|打算|准备|回头|再)(?:去)?(?:查查|查一查|查一下|搜搜|搜一下|找找|找一找)[^？?]{0,20}[。！!]?\s*$", x)
                    # "…是多少？稿子里要和北京并列写。": where the answer will go, the asker left unsaid
                    or re.match(r"\s*(?:稿子|文章|论文|文中|稿件|节目|课件|PPT|ppt|报道)(?:里|中)?(?:要|想|得|会|准备|打算)[^？?]{0,20}[。！!]?\s*$", x))

    asking = [i for i, x in enumerate(sents) if (re.search(r"[？?]", x) or asks(x)) and not (i and plan(x))]
    if len(sents) < 2 or not asking or not any(re.search(r"[？?]", x) for x in sents):
        return q
    first, last = asking[0], asking[-1]

    def story(x: str) -> bool:
        return bool(re.search(r"[。！!]\s*$", x)) and not asks(x) and not mentions(x) and not _STORY_KEEPS.search(x) \
            and not _STORY_ASKS.search(x)

    # (the question may point back into the story: "发现有几页印得乱七八糟。书上说这种情况找谁给换？", "…总主编的名字反而排在
    # 最后。这份名单到底是按什么规则排的？", "…最后一章专门梳理了…。那一章标题叫什么？")
    points_back = any(_PRONOUN_ZH.search(x) or re.search(r"这种|这样|此种|上述|这事|这个情况|[这那该]份|[这那]一?[章节部]", x)
                      for x in sents[first: last + 1] if re.search(r"[？?]", x))
    # (after the question, only the asker's own remarks: "您帮我瞅一眼，我好跟他交差。" -- not a hint at the answer:
    # "好像是用两个字概括的。")
    kept = [x for i, x in enumerate(sents) if not (((i < first and not points_back) or (i > last and re.search(r"[我您你]", x))) and story(x))
            and not (i > last and plan(x))]
    return "".join(kept) if kept else q


# The clauses before the question proper tell who asks and why ("我在写一篇关于京津冀协同的论文，
# 想引用一下…，请问…"): what they name may locate the answer, but their other words are no part of it.
_ASK_MARK_ZH = re.compile(r"[，,；;。：:]\s*(?:那么?)?(?:请问|我想问|想问|想知道|想请教|(?:请|麻烦)?(?:你|您)?(?:告诉我|帮我查一下|帮我查)"
                          r"|(?:请|麻烦|劳驾)(?:你|您)?(?:给|帮我?)(?:我)?(?:看看|瞅瞅|瞧瞧|查查|找找|看一下|瞅一眼|查一下)[，,]?"  # "麻烦您给看看，"
                          # "…，所以想麻烦确认一下，这本书的ISBN号是多少？"
                          r"|(?:所以|因此)?(?:想|要)?(?:麻烦|劳驾|请)?(?:您|你)?(?:帮忙|帮我)?(?:确认|核实|核对|查证|请教|打听)(?:一下)?(?=[，,：:]))")
# "…，所以想核对一下书号：这本书的ISBN是多少？": the clause that says what the asker wants told ends in a
# colon, and the question proper follows it
_TOLD_MARK_ZH = re.compile(r"(?:想|请|麻烦|帮我|告诉我|问|核对|确认|查)[^，,；;。？?：:]{0,16}([：:])")
_SETTING_EN = re.compile(r"^([^?]*[.:!;])\s+(?=[^.:!;?]*\?\s*$)")
_SENTENCE_END_ZH = re.compile(r"[。！!：:]")
_THEN_MARK_ZH = re.compile(r"[，,；;。]\s*那(?:么)?(?![些个里儿样])")
_STATED_FIGURE_ZH = re.compile(r"\d(?:\.\d+)?\s*(?:%|元|亿元|万元|倍)\s*[，,；;]")
_SELF_CLAUSE_ZH = re.compile(r"^(?:(?:我们?|本人|俺)(?:老同志|老干部|老头子|老太婆|老两口|这些老同志|这把年纪|年纪大了|眼神不好|在|正在|是|开|想|要|打算|准备|需要|最近|目前|只|对|下周|明天|今天|这学期|下学期|马上|刚|正|老家|家|单位|老伴)|(?:想|打算|准备|正在)(?:在|写|做|查|找|引用|了解|联系)"
                             # the asker left unsaid: "下周给本科生讲京津冀协同发展，课件…要写这本报告的书号，ISBN是多少？",
                             # "下周想约作者聊聊，", "写稿想提一下经费。", "干了半辈子基层工作，"
                             r"|(?:下周|明天|今天|这周|本周|这学期|下学期|周[一二三四五六日末])(?:(?:要|得|准备|打算|想|去)|给?(?:本科生|研究生|学生|同学们?|读者|领导|客户)?(?:讲|上课|做|写|汇报|介绍|开会))"
                             r"|给(?:本科生|研究生|学生|同学们?|领导|客户)(?:讲|上课|做|写|汇报|介绍)"
                             # "我的论文研究北京企业向河北的产业转移，": what the asker's own work is about
                             r"|(?:我们?|本人)的(?:毕业)?(?:论文|课题|研究|项目|文章|稿子|作业|选题)(?:是|在|研究|关注|做|写|讲|涉及|讨论|聚焦|题目是|方向是|主要)"
                             r"|(?:写稿子?|做节目|做专题|备课)(?:时|的时候)?(?:想|要|得|需要)"
                             r"|(?:做|写|编|整理)[^，,；;。？?：:]{1,20}?(?:要用|要引用|用得到|用得着)(?=[，,；;。：:])"  # "做 library catalogue 要用，"
                             r"|(?:报社|单位|编辑部|我们单位|学校|公司)(?:想|要|打算|准备|正在)"
                             r"|干了(?:半辈子|一辈子|大半辈子|[一二三四五六七八九十几两\d]+年)"
                             # "再往下是出版发行，出版社的地址写的什么？": where the asker is on the page
                             r"|(?:再往下|往下|接下来|下一项|再下一项|然后|再看)(?:是|看|到了|到)"
                             # "我坐了一辈子北京地铁，", "我在北京住了二十多年，": how long the asker has done something
                             r"|(?:我们?|本人|俺)[^，,；;。？?：:]{0,6}?了(?:半辈子|一辈子|大半辈子|好些年|好多年|多年|[一二三四五六七八九十几两\d]+多?年))"
                             r"[^，,；;。？?：:]*[，,；;。：:]")


@lru_cache(maxsize=4096)
def preamble(question: str) -> tuple[str, str]:
    """The leading clauses of a Chinese question that only set it up: (those about the asker,
    "我在整理毕业论文的参考文献，"; all of them, up to "…，请问" where the question proper begins).
    An English question's setting is the sentences before its question: ("", those sentences)."""
    if language(question) != "zh":
        # "I'm a data journalist charting R&D intensity across Jing-Jin-Ji. What figure does the preface
        # give for Tianjin in 2013?": the sentences before the one question that ask nothing
        m = _SETTING_EN.match(question.strip())
        return ("", m.group(1)) if m and not asks(m.group(1)) else ("", "")
    m = _SELF_CLAUSE_ZH.match(question.strip())
    asker = m.group(0) if m else ""
    while asker:
        # the asker's story goes on in clauses that ask nothing and name nothing the report
        # is about ("我在写一篇关于京津冀协同的稿子，文末要列参考书目，…的ISBN是多少？")
        nxt = re.match(r"[^，,；;。？?]+[，,；;。]", question.strip()[len(asker):])
        if (not nxt or asks(nxt.group(0)) or mentions(nxt.group(0)) or re.search(r"\d|《", nxt.group(0))
                # ("…，讲扶持政策的那一章，目录上标的从第几页开始？": a part of the book the question's own sentence names is
                # what is asked about; a sentence that ends before it only sets it up: "前言是以编者名义署的。")
                or (re.search(r"[这那]一?[章节]|第[一二三四五六七八九十]+[章节]|总序|前言|附录|大事记", nxt.group(0))
                    and not re.search(r"[。；;]$", nxt.group(0)))
                or not re.search(r"[\u4e00-\u9fff]", question.strip()[len(asker) + len(nxt.group(0)):])):
            break
        asker += nxt.group(0)
    marks = [(m.start(), m) for m in _ASK_MARK_ZH.finditer(question)]
    marks += [(m.start(1), m) for m in _TOLD_MARK_ZH.finditer(question) if asks(question[m.end():])]
    # "我跑馆配渠道，图书馆采购要求提供完整书号才能下单。这本…的ISBN是多少？": whole sentences that
    # ask nothing, before the one that asks
    marks += [(m.start(), m) for m in _SENTENCE_END_ZH.finditer(question)
              if not asks(question[: m.start()]) and asks(question[m.end():])]
    # "北京三产占比、天津二产占比报告都给了，河北2013年第二产业比重是多少？": a clause that says what the asker
    # has already (都给了, 已经查到了) sets the question up
    marks += [(m.end(), m) for m in _STATED_ZH.finditer(question)
              if not asks(question[: m.end()]) and asks(question[m.end():])]
    # "2013年北京第三产业比重76.9%，河北省当年第三产业比重是多少？": a clause that states a figure the asker has
    marks += [(m.end(), m) for m in _STATED_FIGURE_ZH.finditer(question)
              if not asks(question[: m.end()]) and asks(question[m.end():]) and mentions(question[m.end():])]
    if not marks:
        # "前言比较了三地人均公共教育支出，那2012年三地人均医疗卫生支出分别是多少元？": a clause that
        # asks nothing, then the question proper after "，那"
        marks = [(m.start(), m) for m in _THEN_MARK_ZH.finditer(question) if not asks(question[: m.start()])][-1:]
    return asker, question[: max(p for p, _ in marks)] if marks else asker


_STATED_ZH = re.compile(r"(?:都|已经|已|也)(?:给|有|查到|知道|找到|看到|说|提|写|列|讲)(?:过|了|出)+(?=\s*[，,；;])"
                        # "这本书正文一共四章，第一章叫什么？": a count the asker already has
                        r"|(?:一共|总共|共)(?:有|分|分为)?[一二两三四五六七八九十\d]+(?:章|节|个|位|项|部分)(?=\s*[，,；;])")
_WHO_ASKS_ZH = re.compile(r"^(?:我|我们|本人)(?:是|在|的(?:毕业)?(?:论文|课题|研究|项目|文章|稿子|作业|选题)(?:是|在|研究|关注|做|写|讲|涉及|讨论|聚焦|题目是|方向是))"
                          r"[^，,；;。？?：:]*[，,；;。：:]")  # ("我的论文研究北京企业向河北的产业转移，": what the asker's own work is on)


def who_asks(question: str) -> str:
    """The opening clause that says who asks ("我是香港的记者，"), else ""."""
    m = _WHO_ASKS_ZH.match(question.strip())
    return m.group(0) if m and not asks(m.group(0)) else ""


def afterword(question: str) -> str:
    """The clauses after a question's last ask that say why it is asked ("ISBN号多少，做ppt参考文献
    要写"): no part of what is asked."""
    if language(question) != "zh":
        # "Where in the report is e-commerce covered? A page number would help.": what follows the last
        # question mark and asks nothing
        m = re.match(r"^(.*\?)\s*([^?]+)$", question.strip(), re.S)
        return m.group(2) if m and not asks(m.group(2)) else ""
    clauses = re.findall(r"[^，,？?；;。]+[，,？?；;。]?", question.strip())
    last = max((i for i, c in enumerate(clauses) if asks(c)), default=-1)
    return "".join(clauses[last + 1:]) if 0 <= last < len(clauses) - 1 else ""


@dataclass(frozen=True)
class Setting:
    """A Chinese question cut into what only sets it up and what it asks: ``asker`` (a clause about
    the asker), ``before`` (every clause before the question proper, ``asker`` included), ``body``
    (the question proper) and ``after`` (the clauses after its last ask that say why it is asked)."""
    asker: str
    before: str
    body: str
    after: str


@lru_cache(maxsize=4096)
def setting(question: str) -> Setting:
    asker, before = preamble(question)
    after = afterword(question[len(before):])
    return Setting(asker, before, question[len(before): len(question) - len(after)], after)


def years(text: str) -> list[str]:
    return _YEAR.findall(text)


# ---------------------------------------------------------------- follow-ups


@dataclass(frozen=True)
class Slot:
    category: str
    id: str
    zh: tuple[str, ...]
    en: tuple[str, ...]


@dataclass(frozen=True)
class Mention:
    slot: Slot
    start: int
    end: int
    lang: str  # surface language


@lru_cache(maxsize=1)
def _slots() -> tuple[Slot, ...]:
    return tuple(Slot(cat, sid, tuple(zh.split("|")), tuple(en.split("|"))) for cat, sid, zh, en in data_rows("slots.tsv"))


def all_slots() -> tuple[Slot, ...]:
    """Every follow-up slot: places, years, sectors, bodies, chapters."""
    return _slots()


def region_slots() -> list[Slot]:
    return [s for s in _slots() if s.category == "region"]


@lru_cache(maxsize=1)
def region_words() -> frozenset[str]:
    """Every Chinese surface of a region slot, lower-cased (北京, 北京市, 京津冀, 东京 …)."""
    return frozenset(z.lower() for r in _slots() if r.category == "region" for z in r.zh)


def mentions(text: str) -> list[Mention]:
    """Slot mentions (regions, aggregates, years) in reading order, non-overlapping."""
    found: list[Mention] = []
    taken = [False] * (len(text) + 1)
    cands = []
    for s in _slots():
        for surf in s.zh:
            for m in re.finditer(re.escape(surf), text):
                cands.append((m.start(), m.end(), s, "zh"))
        for surf in s.en:
            for m in re.finditer(r"(?<![A-Za-z])" + re.escape(surf) + r"(?![a-z])", text, re.I):
                cands.append((m.start(), m.end(), s, "en"))
    for m in _YEAR.finditer(text):
        y = m.group(1)
        cands.append((m.start(), m.end(), Slot("year", y, (y,), (y,)), "zh"))
    for m in _ORDINAL.finditer(text):
        cat = "chapter" if m.group(2) == "章" else "section"
        n = _CN_DIGITS.get(m.group(1))
        en = (f"{cat} {n}",) if n else (m.group(0),)
        cands.append((m.start(), m.end(), Slot(cat, m.group(0), (m.group(0),), en), "zh"))
    def en_ordinal(cat: str, word: str, a: int, b: int) -> None:
        n = int(word) if word.isdigit() else EN_NUMBERS.index(word.lower())
        if 1 <= n <= 10:
            zh = f"第{cn_number(n)}{'章' if cat == 'chapter' else '节'}"
            cands.append((a, b, Slot(cat, zh, (zh,), (f"{cat} {n}",)), "en"))

    for m in _ORDINAL_EN.finditer(text):
        en_ordinal(m.group(1).lower(), m.group(2), m.start(), m.end())
    for m in _ORDINAL_EN_MORE.finditer(text):
        en_ordinal(m.group(1).lower(), m.group(3), m.start(3), m.end(3))
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    for a, b, s, lang in cands:
        if any(taken[a:b]):
            continue
        for i in range(a, b):
            taken[i] = True
        found.append(Mention(s, a, b, lang))
    found.sort(key=lambda m: m.start)
    return found


def _without_mentions(text: str, found: list[Mention] | None = None) -> str:
    """The text with the slots it names (places, years, chapters…) blanked out: what else it says."""
    for m in reversed(mentions(text) if found is None else found):
        text = text[: m.start] + " " + text[m.end:]
    return text


_FOLLOW_CUE_ZH = re.compile(r"^(那么?|还有|另外|而|那在|那对于|同期|同年)|呢[？?。.!！]*$")
# "其中天津那部分…", "天津那一小节从哪页开始？": a part of what was just asked about (not "讲扶持政策的那章",
# which names its own)
PART_OF_PREVIOUS = re.compile(r"^其中(?=[^？?]{0,8}[那这]?(?:部分|一?节|一?章|段))|^[^，,？?的]{0,6}那一?小?(?:节|部分)"
                              r"|^(?:那)?(?:北京市?|天津市?|河北省?)的(?:那)?部分(?=在|从|讲|是|呢|写)"  # "天津市的部分在哪一页？"
                              r"|^(?:在|那)?(?:这|该|此)一?(?:节|章)(?:里|中|内|下|的)")  # "这一节里关于天津市的部分…"
# "Which page is the Tianjin part on?": a place's part of the section asked about before
_PART_OF_PREVIOUS_EN = re.compile(r"\bthe (?:Beijing|Tianjin|Hebei) (?:part|subsection|bit|entry|portion)\b", re.I)
_FOLLOW_CUE_EN = re.compile(r"^(and|what about|how about|what of|same for|and for|and in|and what about)\b", re.I)


def refers_back(text: str) -> bool:
    """Has a pronoun for something named before it ("What rule was used to sort them?")."""
    return bool(_PRONOUN_EN.search(text) if language(text) == "en" else _PRONOUN_ZH.search(text))


def is_followup(question: str) -> bool:
    q = question.strip()
    if _FOLLOW_CUE_ZH.search(q) or _FOLLOW_CUE_EN.search(q):
        return True
    # Very short questions that are only slot words ("河北？", "Tianjin?", "2012年呢")
    rest = re.sub(r"[\s\W_年的呢吗了]+|多少|变成|变为|是|到", "", _without_mentions(q))  # "到2013年变成多少了？"
    return bool(mentions(q)) and len(rest) <= 1


def _surface(slot: Slot, like: Mention, lang: str) -> str:
    """The new slot written the way the old mention was written (language, long/short form)."""
    if slot.category == "year":
        return slot.id
    if slot.category in ("chapter", "section"):
        return slot.zh[0] if lang == "zh" else slot.en[0]  # 第二章 / chapter 2
    if lang == "zh":
        # keep the long form ("北京市") or the short form ("北京") as the old mention used
        long_form = like.end - like.start == len(like.slot.zh[0])
        if slot.category == "aggregate":
            return slot.zh[0] if long_form else [z for z in slot.zh if len(z) >= 3][-1]  # not chat shorthand ("三产")
        return slot.zh[0] if long_form else slot.zh[-1]
    return slot.en[0]


# A follow-up that names no slot to swap ("它的项目编号呢？", "And the Maigu industrial park?",
# "落款日期是哪天？") carries the previous question along as context, marked so that the answerer
# can weigh it less than the question itself.
CONTEXT_MARK = {"zh": "（接上问：", "en": " (following up: "}
CONTEXT_END = {"zh": "）", "en": ")"}
_PRONOUN_EN = re.compile(r"\b(it|its|they|their|them|he|she|his|her|that one|this one|(?:that|those) (?!book|report|volume)[a-z]+"
                         r"|the (?:first|second|third|fourth|fifth|last|other|next|previous) ones?|the (?:latter|former)"
                         r"|that(?=\s*[?.!]?\s*$))\b", re.I)  # "How many times Hebei's level is that?"
_PRONOUN_ZH = re.compile(r"它|其(?![中他它实余次])|[这那][两三四]个?(?:部分|个|项|位|家|本|节|章|条|种|者|数|处)|他们|她们|(?<![其吉])他(?![人国乡])|她|上述|前者|后者|这个|那个|这些|那些|此人|这期间|这段时间|此期间|这一时期"
                         r"|[这那](?:句|段(?!时间)|篇)|那份(?!报告|书)"  # "请给我那句定位的完整原文"
                         r"|[这那该此](?:组|一|些|项)?(?:数据|数字|数值|比例|比重|指标)"  # "这组数据是哪一年的？"
                         r"|^(?:那)?(?:单位|计量单位|数据来源|来源)(?:是|为|用的是)?(?:什么|啥|哪)"  # "单位是什么？占全国的百分之几？"
                         r"|^(?:那|那么)?(?:其中)?第[一二三四五六七八九十\d]+(?:个|部分|项|条)(?![章节])|^(?:那)?[上下]一[节章]|呢[？?，,](?=.)"
                         r"|^(?:那|那么)?都(?:有|是|包括|包含|叫|指)"  # "都有啥产业？": all the things the question before counted
                         r"|^(?:那|那么)?具体(?:指|是指|说|讲|意思)(?:的)?(?:是)?(?:什么|啥)|^(?:那|那么)?(?:具体)?(?:指的|说的|讲的)?是什么意思"  # "具体指的是什么意思？"
                         r"|^(?:那|那么)?(?:在|到|对|跟|和)[^，,。？?]{1,12}?又(?:分别|各自)?(?:做|干|建|搞|设|设立|成立|有|是|怎么|如何|在|给|提|讲|说)"  # "在秦皇岛和唐山又分别做了什么？"
                         r"|^(?:那|那么|它|这)?在(?:京津冀)?(?:三地|三个地方|三省市|三个省市|三者|三个地区)(?:里|中|之中|当中)?(?:排|排名|位列|位居)(?:第几|老几|第多少)"  # "在京津冀三地里排第几？"
                         r"|^(?:那|那么)?(?:最后|最终)(?:要|能|会|想|是)?(?:达到|实现|取得)(?:个)?(?:什么|怎样|怎么样|哪些|何种|啥)(?:样)?的?(?:效果|目标|目的|结果)"  # "最后要达到什么效果？": of what was just said
                         r"|^(?:那)?(?:这|那)里(?:面|头|边)?(?=[，,]?\s*(?:除了|不算|有|哪|谁|几))"  # "这里面除了两位编著者，其他几位是谁？"
                         r"|^(?:那|那么)?(?:其中)?(?:按(?:照)?[^，,。？?]{1,8}?)?(?:排在最后|排最后|最后一个|最后那一?个|最末一个|排在第[一二三四五六七八九十\d]+|排第[一二三四五六七八九十\d]+)")  # "第二个的编号是多少？", "下一节呢？从第几页开始？"
SHORT_ZH = 8  # a Chinese question of this many characters or fewer names no topic of its own
SHORT_EN = 5


def split_context(text: str) -> tuple[str, str]:
    """(the question itself, the earlier question it follows up; "" when none)."""
    for lang, mark in CONTEXT_MARK.items():
        i = text.find(mark)
        if i >= 0 and text.endswith(CONTEXT_END[lang]):
            return text[:i], text[i + len(mark) : -len(CONTEXT_END[lang])]
    return text, ""


# "跟电子信息相关的是哪个？": which of the things the question before asked about, its noun left out
_ONE_OF_THEM_ZH = re.compile(r"^(?:那|那么|其中)?(?:跟|和|与)[^，,。？?的]{1,8}(?:相关|有关)的(?:是|为)?哪(?:一)?(?:个|些|家|项)[？?]?$")


# "占北京整个经济几成？": a share whose subject is the earlier question's
_SHARE_OF_IT_ZH = re.compile(r"^(?:那|那么|这|它)?(?:又)?占(?![了着过])")


def is_contextual(question: str) -> bool:
    """A question that leans on the one before: a follow-up cue, a pronoun, or too short to
    name its own topic."""
    q = question.strip()
    if is_followup(q):
        return True
    if language(q) == "zh":
        # ("这一节从第几页开始？", "这一章里天津的电信业从哪页开始？": the section or chapter the conversation found)
        return bool(_PRONOUN_ZH.search(q) or PART_OF_PREVIOUS.search(q) or _ONE_OF_THEM_ZH.match(q) or _SHARE_OF_IT_ZH.match(q)
                    or re.match(r"^(?:那|那么)?(?:这|那|该)一?(?:节|章)", q)) \
            or len(re.sub(r"[^\w\u4e00-\u9fff]", "", q)) <= SHORT_ZH
    return bool(_PRONOUN_EN.search(q) or _PART_OF_PREVIOUS_EN.search(q)) or len(re.findall(r"[A-Za-z0-9&]+", q)) <= SHORT_EN


_COMPARED_ZH = re.compile(r"^(?:那|那么|这|跟|和|与)?(?:比|相当于|等于|约等于|约合)|^(?:跟|和|与)[^，,？?]{1,8}(?:比|差|相比)")


def compares_with_previous(question: str) -> bool:
    """"比北京低多少个百分点？", "那相当于东京的百分之多少？", "跟北京差多少？": a comparison with
    the earlier question's subject, not a new subject."""
    return language(question) == "zh" and bool(_COMPARED_ZH.match(question.strip()))


_NTH_FOLLOW_ZH = re.compile(r"^(?:那|那么)?(?:其中)?第([一二三四五六七八九十\d]+)(?:个|点|条|项|部分)?呢[？?]?$")
_OTHER_ONE_ZH = re.compile(r"^(?:那|那么)?(?:(?:另外|另)(?:一|那)?(?:个|点|条|项)|还有)呢[？?]?$")
_NTH_IN_ZH = re.compile(r"第([一二三四五六七八九十\d]+)(个|点|条|项|部分)")


_BOOK_EN = re.compile(r"\b(?:report|book|volume|title)\b", re.I)


def it_is_the_book(question: str) -> str:
    """"Who actually wrote it?", "I'm reading the 2015 report. When was it published?": in the first question of a
    conversation "it" has nothing to point back to but the book (unless the asker's own sentences name something
    else: "I'm researching Bitcoin. What's its price?")."""
    sents = re.findall(r"[^.?!]+[.?!]*\s*", question)
    for i, x in enumerate(sents):
        if "?" not in x or not re.search(r"\bits?\b", x, re.I):
            continue
        if _BOOK_EN.search(x) or not re.search(r"\b(?:wrote|write|written|writes|authored|edited|compiled|published|publish|"
                                                r"publishes|printed|funded|cost|costs|price)\b", x, re.I):
            # (only what is asked of a book: who wrote, edited, published, funded it, what it costs)
            return question
        if any(not _BOOK_EN.search(y) or re.search(r"\b(?:cites?|cited|quotes?|quoted|refers? to|footnote|reference[sd]?)\b", y, re.I)
               for y in sents[:i]):
            # (the asker's own sentences before may name what "it" is: "The preface footnote cites a book on …")
            return question
        x = re.sub(r"\bit\b(?!\s+(?:is|was|'s)\b)", "the report", x)
        x = re.sub(r"\bits\b", "the report's", x)
        return "".join(sents[:i]) + x + "".join(sents[i + 1:])
    return question


def _points_back(question: str) -> bool:
    """"这是哪一年的数据？", "Which year is that?": a question about the answer before, with no topic of its own
    (unlike "市郊铁路呢？", which names one)."""
    return bool(re.match(r"\s*(?:那么?|所以)?(?:这|那|它|其)", question) or _PRONOUN_ZH.search(question) or _PRONOUN_EN.search(question)
                or _PLACE_FIGURE_EN.search(question) or no_topic(question))


def no_topic(question: str) -> bool:
    """"From when?", "哪一年？": a question with no word of a topic at all."""
    if language(question) == "zh":
        return not _NO_CONTENT_ZH.sub("", question).strip()
    words = re.findall(r"[a-z]+", question.lower())
    return bool(words) and all(w in _NO_CONTENT_EN for w in words)


# "What's the Beijing figure?": a place's figure of the topic asked before, which it does not name
_PLACE_FIGURE_EN = re.compile(r"\bthe\s+(?:Beijing|Tianjin|Hebei)(?:'s)?\s+(?:figure|number|one|value|rate|share|data|numbers|figures)\b", re.I)


# "不对，我要的是河北省", "不是天津，换成河北", "我说错了，是市教委那个项目的编号": the asker corrects the question before
_CORRECTION_ZH = re.compile(r"^\s*(?:(?:不对|不是|错了|搞错了|弄错了|说错了|我说错了|我记错了|记错了|我问错了|问错了|口误|更正一下|纠正一下"
                            r"|不好意思|抱歉|哦不)[^，,。！!？?]{0,8}[，,。！!]\s*)+")
_INSTEAD_ZH = re.compile(r"^(?:那就|那)?(?:我|俺)?(?:要的|想要的|问的|想问的|要问的|想查的|要查的|说的)?(?:其实)?(?:是|换成|改成|换|改问|改为)"
                         r"(?:问)?(?=[\u4e00-\u9fff\d])")


def _corrected(question: str, previous: str) -> str:
    """A follow-up that corrects the question before: "不对，我要的是河北省" asks "那河北省呢？", "不是这个，我要的是
    丛书总主编是谁" asks that question, "我说错了，是市教委那个项目的编号" (after "…北京市自然科学基金那个编号是多少？")
    asks "市教委那个项目的编号是什么？": it names what it asks and what of, so nothing of the question before is kept."""
    m = _CORRECTION_ZH.match(question)
    if not m or language(question) != "zh":
        return question
    rest = _INSTEAD_ZH.sub("", question[m.end():].strip())
    if not re.search(r"[\u4e00-\u9fff]", rest):
        return question
    if asks(rest):
        return rest
    if (f := re.search(r"的([\u4e00-\u9fff]{2,4})[。！!？?]*$", rest)) and (
            f.group(1) in split_context(previous)[0] or f.group(1) in ("名称", "名字", "全称", "题目", "标题", "编号", "页码")):
        return re.sub(r"[。！!？?]*$", "", rest) + "是什么？"
    return "那" + re.sub(r"(?:的|呢|吧|啊)?[。！!？?]*$", "", rest) + "呢？"


def _same_ask(question: str, previous: str) -> str:
    """"那天津和河北之间差多少？" after "2013年北京和天津的R&D投入强度差多少？": the places are swapped, and what is asked
    of them is the question before's own words ("差多少"), so it asks "那天津和河北呢？"."""
    ms = [m for m in mentions(question) if m.slot.category == "region"]
    if language(question) != "zh" or not ms or not any(m.slot.category == "region" for m in mentions(previous)):
        return question
    rest = question
    for m in reversed(ms):
        rest = rest[: m.start] + rest[m.end:]
    rest = re.sub(r"^(?:那么|那)|之间|[和与跟及、的呢，,。？?\s]", "", rest)
    if len(rest) < 2 or rest not in previous or re.search(r"[\d年章节]", rest) or not re.search(r"多少|几|差|哪|谁|什么", rest):
        return question
    return "那" + "和".join(question[m.start: m.end] for m in ms) + "呢？"


_NEXT_PART_ZH = re.compile(r"(下|上|后|前)一(章|节)")
_BARE_NEXT_ZH = re.compile(r"(?:那|那么)?(?:接着|再|继续)?(?:说|讲|查)?(?:一下)?(?:下|上|后|前)一(?:章|节)(?:的)?(?:呢|吧)?[？?。]?")


def _next_part(question: str, previous: str) -> str:
    """"下一章呢？", "接着说下一章" after "第一章是谁负责写的": the chapter after the one asked about (第二章)."""
    m = _NEXT_PART_ZH.search(question)
    if not m or language(question) != "zh":
        return question
    before = split_context(previous)[0]
    named = set(re.findall(rf"第([一二三四五六七八九十]+){m.group(2)}", before))
    if len(named) != 1:
        return question
    old = named.pop()
    n = cn_value(old) + (1 if m.group(1) in "下后" else -1)
    if n < 1:
        return question
    new = f"第{cn_number(n)}{m.group(2)}"
    if m.group(2) == "节" and len(chapters := set(re.findall(r"第[一二三四五六七八九十]+章", before))) == 1:
        new = chapters.pop() + new  # ("下一节" after "第二章第三节…": 第二章第四节)
    if _BARE_NEXT_ZH.fullmatch(question.strip()):
        return before.replace(f"第{old}{m.group(2)}", new)
    return question[: m.start()] + new + question[m.end():]


_ABOUT_CITED = re.compile(r"脚注|注释|引(?:用)?的(?:是)?(?:哪|什么)|引用了|\bfootnote\b|\bcite[sd]?\b", re.I)
_THAT_BOOK_ZH = re.compile(r"(?:这|那|该)(?:本|部)(?:书|著作)")
_THAT_BOOK_EN = re.compile(r"\b(?:this|that) (?:book|work)\b", re.I)


def two_fields(text: str, labels) -> str:
    """"总序署名和落款日期", "出版发行者，连同地址": two fields of the record named as a catalogue query, asked together
    ("…分别是什么？"); each part must share two characters running with a label of the record ("落款日期" with 总序落款日期,
    "地址" with 出版社地址), so "北京和天津" or "网络和软件" stay as written."""
    if w := re.fullmatch(r"\s*(总序|前言)的?落款(?:原文)?(?:是|写的是)?谁[、，,和及]?(?:又?是)?(?:哪天|哪一天|什么时候|何时|什么日期|日期)[？?。]?\s*", text):
        return f"{w.group(1)}署名和落款日期分别是什么？"  # "前言落款是谁、哪天？": who signs it and when
    m = re.fullmatch(r"\s*([\u4e00-\u9fffA-Za-z]{2,12}?)(?:和|及|与|以及|，连同|，还有|，外加|连同)([\u4e00-\u9fffA-Za-z]{2,8})[？?。]?\s*", text)
    if not m or asks(text) or len(text.strip()) > 16 or re.search(r"[哪谁几]|什么|多少|呢|列|说|讲|告诉|给|第[一二三四五六七八九十\d]+[章节]", text):
        return text
    if not all(any(p[i: i + 2] in lab for i in range(len(p) - 1) for lab in labels if len(lab) >= 2) for p in m.groups()):
        return text
    return f"{m.group(1)}和{m.group(2)}分别是什么？"


_WHICH_FIRST_ZH = re.compile(
    r"^(?P<pre>[^，,。？?]*?(?:里|中|的)?)(?P<a>[“\"「]?[\u4e00-\u9fffA-Za-z\d]{2,16}?[”\"」]?)(?:和|与|跟|还是)(?P<b>[“\"「]?[\u4e00-\u9fffA-Za-z\d]{2,16}?[”\"」]?)"
    r"(?P<of>的政策|那?两节|这两部分|两部分)?[，,]?\s*(?:哪个|哪一个|哪节|哪一节|哪部分|哪一部分|谁)(?:更|比较|最)?(?:靠前|在前|靠后|在后|排前|排后|排在前面|排在后面|在前面|在后面|更前|更后)(?:一些|一点)?"
    r"[？?，,]\s*(?:(?:它们|两者|二者)?(?:分别|各自?)?(?:在|从|是)?(?:哪页|哪一页|第几页)(?:开始)?|(?:分别|各自?)(?:在|从|是)?(?:哪页|哪一页|第几页)(?:开始)?)[？?。]?\s*$")


_WHICH_EARLIER_ZH = re.compile(r"^\s*(?P<a>总序|前言)(?:和|与|跟|还是)(?P<b>总序|前言)(?:哪个|哪一个|哪篇|谁)(?:写得?|写成|完成|落款|成文)?(?:得)?(?:更|比较)?"
                               r"(?:早|晚|先|后)(?:一些|一点)?(?:[？?，,]\s*(?:它们|两者|二者)?(?:各|分别)(?:是|在)?(?:哪天|哪一天|什么时候|何时|什么日期)(?:落款|写)?的?)?[？?。]?\s*$")


def which_first(text: str) -> str:
    """"第四章里天津市发改委和河北省发改委的政策，哪个更靠后？在哪页？": two contents lines set in order, asked with their
    pages, are asked for each one's page ("…分别在第几页？"); the pages show the order."""
    if w := _WHICH_EARLIER_ZH.match(text):
        # "总序和前言哪个写得更早？各是哪天落款的？": the two dates, which show the order
        return f"{w.group('a')}和{w.group('b')}的落款日期分别是什么？"
    m = _WHICH_FIRST_ZH.match(text.strip())
    if not m:
        return text
    return f"{m.group('pre')}{m.group('a')}和{m.group('b')}{m.group('of') or ''}分别在第几页？"


def each_person(text: str, people) -> str:
    """"许兵和王光艳分别是什么角色？": one question a person, each asked in turn ("许兵是什么角色？王光艳是什么角色？"),
    so that each is answered from the line that names them; only names of the record's people are split."""
    m = re.fullmatch(r"\s*([\u4e00-\u9fff]{2,4})\s*(?:和|与|跟|及|、)\s*([\u4e00-\u9fff]{2,4})\s*(?:两位|两人|二人|俩)?\s*"
                     r"(?:分别|各自|各)(?:都)?([^？?。，,]{2,16})[？?。]?\s*", text)
    if not m or not {m.group(1), m.group(2)} <= set(people) or m.group(1) == m.group(2):
        return text
    return f"{m.group(1)}{m.group(3)}？{m.group(2)}{m.group(3)}？"  # ("…各是什么角色": 许兵是什么角色？王光艳是什么角色？)


_AFTER_OPENING = re.compile(r"(第[一二三四五六七八九十]+章)(?:的)?(?:开头|开篇|导语|引言|前面)(?:那段|那部分|那几段|部分|的话)?(?:讲完|说完|结束)?(?:之后|以后|后)[，,]?\s*(?:正文)?(?:的)?"
                            r"(?:第一节|第一个小节|第一小节)")


def after_opening(question: str) -> str:
    """"第一章开头那段讲完之后，第一节是什么？", "第一章导语讲完之后，正文第一个小节的标题是什么？": the chapter's first
    section, which is what comes after its opening lines."""
    return _AFTER_OPENING.sub(lambda m: m.group(1) + "第一节", question)


def unquote_counted(question: str) -> str:
    """"一共是几个“中心”？": the thing counted, quoted only to say the report's word for it."""
    return re.sub(r"(几|多少)(个|项|条|家|类|种|点)[“\"「『]([^”\"」』]{2,6})[”\"」』]", r"\1\2\3", question)


def the_cited_book(question: str) -> str:
    """"前言里有个脚注①引了另一本书，我也想一起引。那本书的著者是谁？": the book the footnote cites, pointed at after it is
    named in the same question; "王成慧主编的这套丛书里，这一本定价多少？": this book, one of the series."""
    found = list(re.finditer(r"(?:那|该)(?:本|部)(?:书|著作)", question))
    if found and _ABOUT_CITED.search(question[: (m := found[-1]).start()]) and not re.search(r"(?:(?:引用|引|提到|注)(?:的|了)|脚注|注释|脚注里|脚注中|脚注的)$", question[: m.start()]):
        # (not "前言脚注引用的那本书", which says so already)
        question = question[: m.start()] + "脚注引用的那本书" + question[m.end():]
    return re.sub(r"[^，,。？?]{0,12}(?:这套)?丛书(?:里|中|当中)[的，,]?\s*这一?本(?!书)", "这本书", question)


_CITED_EN = "the book cited in the preface's footnote"


def the_cited_book_en(question: str) -> str:
    """"Who published the cited book?", "The preface footnote cites a book on …. Who published it?": the book the
    footnote cites, named as such (not the report itself, which "it" and "the book" would otherwise be)."""
    q = re.sub(r"\bthe (?:cited|quoted) (?:book|work|source|reference|publication)\b", _CITED_EN, question, flags=re.I)
    sents = re.findall(r"[^.?!]+[.?!]*\s*", q)
    for i, x in enumerate(sents[1:], 1):
        if re.search(r"\bfootnote\b[^.?!]*\b(?:cites?|quotes?|refers? to|references?)\s+(?:a|an|another|one)\s+(?:book|work|publication|study)\b"
                     r"|\b(?:cites?|quotes?|refers? to|references?)\s+(?:a|an|another|one)\s+(?:book|work|publication|study)\b[^.?!]*\bfootnote\b",
                     "".join(sents[:i]), re.I) and "?" in x:
            y = re.sub(r"\b(?:that|this|the) (?:book|work|publication|study)\b", _CITED_EN, x, flags=re.I)
            y = re.sub(r"\bit\b(?!\s+(?:is|was|'s)\b)", _CITED_EN, y) if y == x else y
            y = re.sub(r"\bits\b", _CITED_EN + "'s", y) if y == x else y
            sents[i] = y
    return "".join(sents)


def rewrite(question: str, previous: str | None) -> str:
    """Rewrite a follow-up into a standalone question using the previous (rewritten) question.

    Slots of the same category (region, year, aggregate, chapter) in the previous question are
    swapped for the ones in the follow-up; the previous question's wording is kept. A follow-up
    with no slot to swap carries the previous question as marked context. Questions that do not
    lean on the previous one are returned unchanged.
    """
    if not previous:
        return question
    if (fixed := _corrected(question, previous)) != question and asks(fixed):
        return fixed  # (a corrected question names what it asks: nothing of the one before is kept)
    if (nxt := _next_part(question, previous)) != question:
        return nxt if asks(nxt) and not is_contextual(nxt) else with_context(nxt, split_context(previous)[0])
    question = fixed
    if (sec := re.search(r"(?<![章\d])第[一二三四五六七八九十]+节", question)) and not re.search(r"第[一二三四五六七八九十\d]+章|[这那该本此]章", question) \
            and (ch := re.findall(r"第[一二三四五六七八九十]+章", split_context(previous)[0])) and len(set(ch)) == 1:
        # "第三节叫什么，在第几页？" after "第三章第二节…": a section of the chapter the conversation is in
        question = question[: sec.start()] + ch[0] + question[sec.start():]
    if _ABOUT_CITED.search(split_context(previous)[0]) and not _ABOUT_CITED.search(question):
        # "这个脚注引的是哪本书？ || 这本书是哪家出版社、哪一年出版的？": the book the footnote cites, not this one
        question = _THAT_BOOK_ZH.sub("脚注引用的那本书", question, count=1)
        question = _THAT_BOOK_EN.sub("the book the footnote cites", question, count=1)
    previous, carried = split_context(previous)  # context is never nested
    question = _same_ask(question, previous)
    if re.search(r"前者|后者", question):
        # "北京和河北分别是多少？" then "前者是后者的多少倍？": the two the question before named, in order
        named = list(dict.fromkeys(m.slot for m in mentions(previous) if m.slot.category in ("region", "org")))
        if len(named) == 2:
            question = question.replace("前者", named[0].zh[0]).replace("后者", named[1].zh[0])
    if carried and not asks(previous) and not asks(question) and is_followup(question) and not mentions(question):
        # "还有参考文献呢？" after "大事记呢？（接上问：附录从第几页开始？）": another thing in the place of
        # the one before, asked what the conversation's question asked
        return with_context(question, carried)
    question = relative_year(question, previous)
    if compares_with_previous(question):
        # ("北京是河北的几倍？" after "这是哪一年的数据？（接上问：天津人均公共教育支出多少钱？）": the figures compared are
        # the ones the conversation asked for, which the question before only leaned on)
        return with_context(question, previous.rstrip() + carried if carried and _points_back(previous) else previous)
    out = _swap_slots(question, _same_head(question, previous))
    if out != question:
        # the previous question with another place carries what the previous one carried: "河北省呢？"
        # after "其中天津市那一部分在哪页？（接上问：第一章第二节“产业结构”从第几页开始？）"
        return with_context(out, carried) if carried else out
    if p := _NTH_IN_ZH.search(previous):
        # "第二个呢？" after "前言总结的第一点不足是什么？" asks about the second point; so does
        # "另外一个呢？" after "…两大战略任务，第一个是什么？"
        nth = ""
        if m := _NTH_FOLLOW_ZH.match(question.strip()):
            nth = m.group(1)
        elif _OTHER_ONE_ZH.match(question.strip()) and p.group(1) in ("一", "1") and re.search(r"两(?:大|个|项|点|条|方面)", previous):
            nth = "二"
        if nth:
            out = previous[: p.start()] + f"第{nth}{p.group(2)}" + previous[p.end():]
            # (what the question before leaned on stays: "那第四点呢？" after "第三点是什么？（接上问：前言说…有几点不足？）")
            return with_context(out, carried) if carried and is_contextual(previous) else out
    if carried and re.search(r"[这那]两(?:篇|个|部分|处|项|位|本)|两者|二者|\bboth\b|\bthe two\b", question, re.I) and is_contextual(question):
        # "那两篇哪篇在前？" after "前言呢？（接上问：总序是哪天写的？）": the two the conversation named
        return with_context(question, previous.rstrip() + carried)
    if is_contextual(question):  # in either language: the context is analysed in its own
        if carried and is_contextual(previous) and language(carried) == language(previous) and (
                _NTH_IN_ZH.search(question) or nth_item(question)):
            # "第二个是什么？编号多少？" after "一共几个项目？（接上问：这本书拿了哪些基金的资助？）": an item of the
            # list the conversation began with; the earlier question leaned on it, and the context keeps it
            return with_context(question, previous.rstrip() + carried)
        if carried and _points_back(previous) and language(carried) == language(previous) \
                and language(question) == language(previous):
            # "北京是河北的几倍？" after "这是哪一年的数据？（接上问：天津人均公共教育支出多少钱？）": the question before
            # only leaned on the conversation's topic, which this one needs too
            return with_context(question, previous.rstrip() + carried)
        return with_context(question, previous)
    return question


_YEAR_BEFORE = re.compile(r"前一年|上一年|头一年|\b(?:the|a|one) (?:year before|previous year|preceding year|prior year)\b"
                          r"|\b(?:a|one) year (?:earlier|before)\b", re.I)
_YEAR_AFTER = re.compile(r"后一年|下一年|\b(?:the|a|one) (?:year after|following year|next year)\b"
                         r"|\b(?:a|one) year later\b", re.I)


def relative_year(question: str, previous: str) -> str:
    """"前一年呢？" after a question about 2012 asks about 2011; "And the year after?" about 2013.
    Only when the previous question names one year."""
    ys = set(years(previous))
    if len(ys) != 1:
        return question
    y = int(ys.pop())
    for pat, d in ((_YEAR_BEFORE, -1), (_YEAR_AFTER, 1)):
        question = pat.sub(lambda m: str(y + d) + ("年" if language(question) == "zh" else ""), question)
    # "And thirteen years later?", "13年后呢？"
    words = {w: i + 1 for i, w in enumerate(_EN_UNITS)} | {w: i + 10 for i, w in enumerate(_EN_TEENS)} | {"twenty": 20}
    question = re.sub(r"\b(\d{1,2}|" + "|".join(words) + r")\s+years?\s+(later|after|on|earlier|before)\b",
                      lambda m: "in " + str(y + (int(m.group(1)) if m.group(1).isdigit() else words[m.group(1).lower()])
                                            * (1 if m.group(2).lower() in ("later", "after", "on") else -1)), question, flags=re.I)
    question = re.sub(r"(\d{1,2})年(后|以后|之后|前|以前|之前)(?=呢|[？?]|$)",
                      lambda m: str(y + int(m.group(1)) * (1 if "后" in m.group(2) else -1)) + "年", question)
    return question


_LAST_CHAPTER_ZH = re.compile(r"最后一章|最末一章|末章|最后那章")
_LAST_CHAPTER_EN = re.compile(r"\bthe (?:last|final|closing) chapter\b", re.I)


def last_chapter(question: str, chapters: int) -> str:
    """"最后一章讲什么？" in a book of four chapters asks about 第四章 ("the last chapter" -> chapter 4)."""
    if not 1 <= chapters <= 10:
        return question
    question = _LAST_CHAPTER_ZH.sub(f"第{cn_number(chapters)}章", question)
    return _LAST_CHAPTER_EN.sub(f"chapter {chapters}", question)


_LAST_SECTION_ZH = re.compile(r"第([一二三四五六七八九十])章(?:的|里|中|里面)?(?:收尾|最后|末尾|最末)的?(?:那|一)?一?节")
_LAST_SECTION_EN = re.compile(r"\bthe (?:last|final|closing) section (?:of|in) chapter " + _EN_N + r"\b", re.I)


def chapter_number(title: str) -> int:
    """"第一章 京津冀信息服务业发展现状" -> 1 (0 for a line that is no numbered chapter)."""
    m = re.match(r"\s*第([一二三四五六七八九十])章", title)
    return cn_value(m.group(1)) if m else 0


_LAST_SECTION_BARE_ZH = re.compile(r"(?<![章\d])(?:最后|收尾|最末)的?(?:那|一)?一?节")
_LAST_SECTION_BARE_EN = re.compile(r"\bthe (?:last|final|closing) section\b(?! (?:of|in) chapter)", re.I)


def last_section(question: str, sections: dict[int, int], previous: str | None = None) -> str:
    """"第一章收尾那节讲什么？" asks about the chapter's last section (第一章第四节); ``sections``:
    chapter number -> how many sections the contents list under it. "最后那一节讲的是啥？" after a
    question about 第一章 asks about that chapter's last section."""
    def zh(m: re.Match) -> str:
        n = sections.get(cn_value(m.group(1)))
        return f"第{m.group(1)}章第{cn_number(n)}节" if n else m.group(0)

    def en(m: re.Match) -> str:
        c = m.group(1)
        n = sections.get(int(c) if c.isdigit() else EN_NUMBERS.index(c.lower()))
        return f"chapter {c} section {n}" if n else m.group(0)

    out = _LAST_SECTION_EN.sub(en, _LAST_SECTION_ZH.sub(zh, question))
    chapter = ordinals(split_context(previous)[0]).get("章", "") if previous and out == question else ""
    if chapter and not ordinals(out) and (n := sections.get(c := cn_value(chapter[1:-1]))):
        out = _LAST_SECTION_BARE_ZH.sub(f"{chapter}第{cn_number(n)}节", out)
        out = _LAST_SECTION_BARE_EN.sub(f"chapter {c} section {n}", out)
    return out


_PLACES_LISTED_ZH = re.compile(r"(?:北京|天津|河北)(?:市|省)?(?:\s*[、和与及,，]\s*(?:北京|天津|河北)(?:市|省)?){1,2}")


_PLACES_PAGES_EN = re.compile(r"\b(?:on\s+)?(?:which|what)\s+pages?\s+do\s+the\s+(?P<places>(?:Beijing|Tianjin|Hebei)(?:\s*,\s*(?:Beijing|Tianjin|Hebei))*"
                              r"\s*,?\s+and\s+(?:Beijing|Tianjin|Hebei))\s+(?P<what>(?:[a-z]+\s+)?(?:parts?|sections?|subsections?|entries|entry))\s+"
                              r"(?P<verb>start|begin|open)\b[^?]*\??\s*$", re.I)


def each_place_page(question: str) -> list[str]:
    """"第一章产业结构那一节，北京、天津、河北各从第几页开始？": the page of each place's part, asked one place at a time
    ("…，北京从第几页开始？", …); [] for any other question."""
    if language(question) == "en":
        # "In chapter 1, section 2 on industrial structure, on which pages do the Beijing, Tianjin and Hebei parts start?"
        m = _PLACES_PAGES_EN.search(question)
        if not m:
            return []
        places = re.findall(r"Beijing|Tianjin|Hebei", m.group("places"))
        what = re.sub(r"ies$", "y", re.sub(r"(?<!ie)s$", "", m.group("what")))
        return [f"{question[: m.start()]}on which page does the {p} {what} {m.group('verb')}?" for p in places]
    m = _PLACES_LISTED_ZH.search(question)
    rest = question[m.end():] if m else ""
    if not m or not re.match(r"[^，,。？?]{0,4}?(?:各自|各|分别)[^，,。？?]{0,6}(?:第几页|哪一?页)", rest):
        return []
    places = re.findall(r"(?:北京|天津|河北)(?:市|省)?", m.group(0))
    tail = re.sub(r"^([^，,。？?]{0,4}?)(?:各自|各|分别)(?:都)?", r"\1", rest)
    return [question[: m.start()] + p + tail for p in places]


_LAST_PART_ZH = re.compile(r"(第([一二三四五六七八九十]+)章第([一二三四五六七八九十]+)节(?:的|里|中|下面|底下)?)"
                           r"(?:(?:最后|最末)(?:一个|一部分|一项|那个|那部分|一条|一个部分)|(排在?)最后的?)")


def last_part(question: str, parts: dict[tuple[int, int], int]) -> str:
    """"第三章第三节最后一部分是什么？" asks for the section's last part by its place (第十个); ``parts``: (chapter,
    section) -> how many parts the contents list under it."""
    def zh(m: re.Match) -> str:
        n = parts.get((cn_value(m.group(2)), cn_value(m.group(3))))
        if not n:
            return m.group(0)
        return m.group(1) + (f"排第{cn_number(n)}的" if m.group(4) else f"的第{cn_number(n)}个")
    return _LAST_PART_ZH.sub(zh, question)


_BACK_TO_EN = re.compile(r"^\s*(?:(?:ok(?:ay)?|right|alright|now|so)[,.!]?\s+)?(?:(?:going|coming|getting|turning|returning)\s+)?back\s+to\s+"
                         r"(?:the\s+)?(?P<x>[^,;:?—–]{3,60}?)\s*(?:[,;:]|\s[-–—]+\s|[—–]+)\s*(?P<q>[^,;:].*\?)\s*$", re.I)
_BACK_TO_ZH = re.compile(r"^\s*(?:好的?[，,。]?|那)?(?:再)?(?:回到|说回到?|再说回|回头说|回过头来?说|话说回)(?P<x>[^，,。？?；;—]{2,20}?)(?:的问题|这个话题|那块|那边)?(?:[，,：:]|——?)\s*(?P<q>.+[？?])\s*$")
# words that name no topic of their own in "Back to the metro figure — …"
_BACK_GENERIC_EN = frozenset("figure figures number numbers problem problems question questions thing things topic point points one "
                             "ones part bit issue issues matter data stuff earlier first last other".split())


# what a keyword names of the thing the keyword before it names ("经济管理出版社 地址 邮编")
_ATTRIBUTE_ZH = re.compile(r"(?:联系)?(?:地址|邮编|邮政编码|电话|电话号码|邮箱|电子邮箱|网址|传真)|落款|署名|(?:落款|成文|写作)?日期|页码|起始页")
_ROLE_ZH = re.compile(r"编辑|校对|印制|主编|编著|署名|作者")


def keyword_query(question: str, labels: frozenset[str]) -> str:
    """A Chinese query typed as keywords ("印张，字数", "经济管理出版社，地址，邮编", "第一章，第三节"; the spaces
    between them read as commas) written as the questions it asks ("印张是什么？字数是什么？", "经济管理出版社的地址是
    什么？经济管理出版社的邮编是什么？", "第一章第三节"); the query unchanged when it is no such list of fields."""
    q = question.strip()
    if language(q) != "zh" or not re.fullmatch(r"[^。？?！!；;：:]+", q) or re.search(r"什么|多少|谁|哪|几|吗|呢|怎|如何|是否|有没有", q):
        return question
    segs = [x for x in re.split(r"[，,、\s]+", q) if x]
    if len(segs) < 2 or any(len(x) > 10 for x in segs):
        return question
    joined = re.sub(r"(第[一二三四五六七八九十\d]+章)，(第[一二三四五六七八九十\d]+节)", r"\1\2", "，".join(segs))
    if joined != "，".join(segs):
        # "第一章 第三节": one section, named (asked what it is when named alone)
        return joined + ("是什么？" if re.fullmatch(r"第[一二三四五六七八九十\d]+章第[一二三四五六七八九十\d]+节", joined) else "")
    field = lambda x: x in labels or bool(_ATTRIBUTE_ZH.fullmatch(x))  # noqa: E731
    if sum(field(x) for x in segs) < 2 and not any(_ATTRIBUTE_ZH.fullmatch(x) for x in segs[1:]):
        return question
    parts, subject = [], ""
    for i, x in enumerate(segs):
        if _ATTRIBUTE_ZH.fullmatch(x) and subject:
            parts.append(f"{subject}的{x}是什么？")
        elif x in labels and not (i + 1 < len(segs) and _ATTRIBUTE_ZH.fullmatch(segs[i + 1])):
            parts.append(f"{x}是{'谁' if _ROLE_ZH.search(x) else '什么'}？")
            subject = ""
        elif _ATTRIBUTE_ZH.fullmatch(x):
            parts.append(f"{x}是什么？")
        else:
            # what the keywords after it are of ("新兴业态 北京 页码": 新兴业态北京的页码)
            subject = (subject + x) if i and segs[i - 1] == subject[-len(segs[i - 1]):] and not _ATTRIBUTE_ZH.fullmatch(segs[i - 1]) \
                and segs[i - 1] not in labels else x
    return "".join(parts) if parts else question


def turn_about(topic: str, questions: Sequence[str]) -> str | None:
    """Of the earlier questions (oldest first), the latest that names the topic a question returns to ("Back to the
    metro figure — …": "What does the preface say about Beijing's metro network?"), else None."""
    if language(topic) == "zh":
        words = [w for w in re.findall(r"[\u4e00-\u9fff]{2}", re.sub(r"的?(?:问题|话题|事|那个|这个|数字|数据)$", "", topic))]
        hits = lambda q: sum(w in q for w in words)  # noqa: E731
    else:
        words = [w[:5] for w in re.findall(r"[a-z]{3,}", topic.lower()) if w not in _BACK_GENERIC_EN and w not in _NO_CONTENT_EN]
        hits = lambda q: sum(bool(re.search(rf"\b{re.escape(w)}", q.lower())) for w in words)  # noqa: E731
    # (the one that names most of the topic's words, the latest of those: "that education-commission project" is the
    # turn that named the education commission, not the later "What's that project called?")
    scored = [(hits(split_context(q)[0]), i) for i, q in enumerate(questions)]
    best = max(scored, default=(0, -1))
    return questions[best[1]] if words and best[0] else None


def back_to(question: str) -> tuple[str, str] | None:
    """"Going back to the publisher, what's their address?", "回到出版社，它的地址在哪？": (the question
    proper, the topic it returns to), which stands in for the turn before; None if the question returns to none."""
    m = (_BACK_TO_ZH if language(question) == "zh" else _BACK_TO_EN).match(question)
    if not m:
        return None
    q, x = m.group("q").strip(), m.group("x").strip()
    if language(question) == "en":
        q = q[0].upper() + q[1:]
    return q, x


def with_context(question: str, previous: str) -> str:
    """The question with the one it leans on as marked context (in the question's language)."""
    lang = language(question)
    return question.rstrip() + CONTEXT_MARK[lang] + split_context(previous)[0].strip() + CONTEXT_END[lang]


_NO_CONTENT_ZH = re.compile(r"^(?:那么|那|请问)|[呢吗嘛？?。！!，,\s]|什么|哪些|哪个|哪里|哪儿|多少|几|谁|哪(?:一)?(?:天|年|月)|什么时候|何时|(?:写|签|编|出|印|落款)(?=的|[？?]|$)|如何|怎么样|怎样|怎么|情况|的|了|是|在|和|跟|与|又|也|还|都"
                            r"|(?:从)?(?:第几|哪一?)页(?:开始)?|页码|部分|(?:那|这)?一?小?节|到|变成|变为|达到|有")


# English words that ask or point back, not what is asked about
_NO_CONTENT_EN = frozenset("and what about how much many was were is are did does do the its it their they this that those these "
                           "same figure figures number numbers value values year years then there also one ones for with from "
                           "about big large high low during when where which who whom whose much many share case".split())


def _same_head(question: str, previous: str) -> str:
    """"天津的工业比重呢？" after "2013年北京的服务业比重是多少？": the follow-up's own term takes the place of the earlier
    one with the same head (工业比重 for 服务业比重); the earlier question otherwise, its places swapped after."""
    if language(question) != "zh" or not re.search(r"呢[？?]?\s*$", question) or not mentions(question):
        return previous
    rest = re.sub(r"[的呢那么了吗？?，,。\s]|(?:^|(?<=\s))那", " ", _without_mentions(question))
    for run in re.findall(r"[\u4e00-\u9fff]{3,8}", rest):
        for k in (3, 2):
            head, mod = run[-k:], run[:-k]
            if not mod or mod in previous or head not in previous:
                continue
            if (p := re.search(rf"([^\s的之在是和与及，,。？?\d年]{{1,4}}){re.escape(head)}", previous)) and p.group(1) != mod:
                return previous[: p.start()] + mod + head + previous[p.end():]
    return previous


def _own_question(question: str, previous: str) -> bool:
    """"那清华大学跟河北合作搞了什么？" after "中关村有多少家企业在河北设了分支机构？" names places,
    yet asks a question of its own: words beyond its places that the previous question does not have.
    So does "And how big was Tianjin's industrial (secondary) sector share?" after a question on
    Beijing's service sector."""
    if language(question) == "en":
        rest = _without_mentions(question)
        said = {w[:5] for w in re.findall(r"[a-z]+", previous.lower())}
        new = [w for w in re.findall(r"[a-z]+", rest.lower()) if len(w) >= 4 and w not in _NO_CONTENT_EN and w[:5] not in said]
        return len(new) >= 2
    if language(question) != "zh" or not asks(question):
        return False
    rest = _NO_CONTENT_ZH.sub(" ", _without_mentions(question))
    runs = re.findall(r"[\u4e00-\u9fff]+", rest)
    new = [r[i: i + 2] for r in runs for i in range(len(r) - 1) if r[i: i + 2] not in previous]
    # ("那第二章一共多少页？" after "第三章从哪页开始？": a length asked, where the earlier question asked a start)
    return sum(len(r) for r in runs) >= 3 and (len(new) >= 2 or bool(new) and bool(re.search(r"一共|总共|篇幅|多长|跨了?几页|占了?几页", question)))


def says_only_where(question: str) -> bool:
    """"河北省是多少？": a Chinese question that names a place (or year) and asks, and says nothing else: it
    asks what the question before asked."""
    if language(question) != "zh" or not (found := mentions(question)):
        return False
    return not re.search(r"[\u4e00-\u9fff]", _NO_CONTENT_ZH.sub(" ", _without_mentions(question, found)))


WHOLE_REGION = "jjj"  # the slot of the three places together (京津冀, 三地)
THE_THREE = ("北京", "天津", "河北")
THE_THREE_IDS = ("beijing", "tianjin", "hebei")


def names_the_three(text: str) -> bool:
    """"北京市、天津市、河北省…": the text names each of the three places."""
    return all(z in text for z in THE_THREE)


def _swap_slots(question: str, previous: str) -> str:
    if not is_followup(question):
        return question
    new = mentions(question)
    if not new or _own_question(question, previous):
        return question
    if any(m.slot.category == "region" and re.match(r"[^的呢和与及跟是有在占比、，,？?。\s\d]{3,}", question[m.end:])
           and re.match(r"[\u4e00-\u9fff]", question[m.end:]) and not any(n.start == m.end for n in new) for m in new):
        # "那涿州新兴产业示范区呢？", "那唐山高新区呢？": the place begins the name of another item, which the follow-up asks
        # about in the earlier question's terms; the earlier question keeps its own place
        return question
    # (the earlier question's own places, not its setting's: "I'm … comparing … Beijing and Tianjin.
    # What share of Beijing's economy …?" then "And Tianjin's secondary sector?")
    story = len(preamble(previous)[1])
    old = [m for m in mentions(previous) if m.start >= story] or mentions(previous)
    prev_lang = language(previous)
    out = previous
    # replace from the right so offsets stay valid
    replacements: list[tuple[int, int, str]] = []
    appended: list[str] = []
    appended_ids: set[str] = set()
    used_old: set[int] = set()
    grouped: set[int] = set()
    for k, nm in enumerate(new):
        if k in grouped:
            continue
        same = [i for i, om in enumerate(old) if om.slot.category == nm.slot.category and i not in used_old]
        more = [j for j in range(k + 1, len(new)) if new[j].slot.category == nm.slot.category]
        if same and more and len(same) == 1 and nm.slot.category in ("chapter", "section"):
            # "And chapters 3 and 4?" after "Who wrote chapter 1?": both take the old one's place
            used_old.add(same[0])
            om = old[same[0]]
            group = [nm, *(new[j] for j in more)]
            if prev_lang == "zh":
                text = "和".join(m.slot.zh[0] for m in group)
            else:
                nums = [m.slot.en[0].split()[-1] for m in group]
                text = f"{nm.slot.category}s " + ", ".join(nums[:-1]) + " and " + nums[-1]
            replacements.append((om.start, om.end, text))
            grouped.update(more)
            continue
        if same:
            # (a place takes a place's turn, not the three's as a whole: "京津冀三地…，北京是多少？" then "河北呢？")
            i = next((j for j in same if old[j].slot.id != WHOLE_REGION), same[0]) if nm.slot.id != WHOLE_REGION else same[0]
            three = ("beijing", "tianjin", "hebei")
            if nm.slot.id in three and old[i].slot.id not in three:
                # ("…中关村有多少家企业在天津设了分支机构？" then "河北呢？": a province takes a province's turn, not 中关村's)
                i = next((j for j in same if old[j].slot.id in three), i)
            used_old.add(i)
            om = old[i]
            # (an aggregate as the follow-up words it: "换成北京的第三产业呢？" -> 第三产业, not 第三产业增加值)
            said = question[nm.start:nm.end] if nm.slot.category == "aggregate" and language(question) == prev_lang else ""
            replacements.append((om.start, om.end, said or _surface(nm.slot, om, prev_lang)))
        else:
            # (a year as a year, not "(2015)", which reads as the book's own title)
            appended.append((nm.slot.id + "年" if prev_lang == "zh" else "in " + nm.slot.id) if nm.slot.category == "year"
                            else nm.slot.id if nm.slot.category in ("chapter", "section") else (nm.slot.zh[0] if prev_lang == "zh" else nm.slot.en[0]))
            appended_ids.add(nm.slot.id)
    for a, b, s in sorted(replacements, reverse=True):
        out = out[:a] + s + out[b:]
    if not appended and out == previous:
        # "And Hebei's emerging business formats?" after a question on Hebei's software industry: the
        # same places, so the follow-up asks about something else, in the earlier question's terms
        return question
    if appended and language(question) == "zh" and any(m.slot.category == "aggregate" and m.slot.id in appended_ids for m in new) \
            and re.search(r"[\u4e00-\u9fff]", _NO_CONTENT_ZH.sub(" ", _without_mentions(question, new))):
        # "那天津二产比重呢？" after "河北2013年的研发强度是多少？": another sector and its own indicator (比重)
        # ask a question of their own, not the earlier question's indicator for that sector
        return question
    if appended:
        if prev_lang == "zh":
            out = re.sub(r"[？?。]*$", "", out) + "（" + "，".join(appended) + "）？"
        else:
            out = re.sub(r"[?.]*$", "", out) + " (" + ", ".join(appended) + ")?"
    return out


# the person as such, not what is theirs ("他的同事", "his colleague" is somebody else)
_PERSON_PRONOUN_ZH = re.compile(r"(?<![其吉])(?:他|她)(?![们人国乡的])|(?<!的)(?:这|那)个人|此人|(?<!的)(?:这|那)位(?![\u4e00-\u9fff]{0,3}(?:编辑|主编|作者|老师|专家))")
_PERSON_PRONOUN_EN = re.compile(r"\b(he|she|him)\b", re.I)


_LINE_ANSWER = re.compile(r"^[“\"]((?:第[一二三四五六七八九十]+[章节]|[一二三四五六七八九十]+、)[^”\"]{1,40}|附录|大事记|参考文献|后记)[”\"]")
_IT_ZH = re.compile(r"^(?:那)?它(?!们)")
_BARE_PAGE_ZH = re.compile(r"^(?:那|那么)?(?:在|从)?(?:第几页|哪一?页|页码)(?:开始)?(?:的)?(?:呢|是多少)?[？?]?$")
_THIS_PART_ZH = re.compile(r"(?:这一|这|该|本)([章节])(?![省市])")
_IT_EN = re.compile(r"\b(?:it|that one|this one|(?:that|this) (?:section|chapter|part|entry)|that(?=\s+(?:on|in|at)\b))\b", re.I)


def _line_answered(previous_answer: str | None) -> "re.Match[str] | None":
    """The contents line the previous answer names first: "“二、石家庄高新技术开发区”从第113页开始。",
    "The section “第二节 电子商务” starts on page 57." (group 1 is the line's title)."""
    first = (previous_answer or "").strip().split("\n")[0]
    return _LINE_ANSWER.match(first) or _LINE_ANSWER.match(re.sub(r"^The (?:section|chapter|part|entry) ", "", first))


def resolve_this_part(question: str, previous_question: str | None) -> str:
    """"这一章分成哪几节？" after "目录里第二章讲的是什么？" asks about 第二章: "这一章"/"这一节" is the
    chapter (or chapter and section) the previous question named by number. "Where does it start?" after "Who
    drafted chapter two?" asks where chapter two starts."""
    if previous_question and language(question) == "en" and re.search(r"\b(?:start|starts|begin|begins|page|where)\b", question, re.I) \
            and (it := re.search(r"\b(?:it|its)\b", question)):
        named = set(re.findall(r"\bchapter\s+(?:\d{1,2}|one|two|three|four)\b", split_context(previous_question)[0], re.I))
        if len(named) == 1 and not re.search(r"\b(?:sub)?sections?\b|\bparts?\b|第[一二三四五六七八九十]+节", split_context(previous_question)[0], re.I):
            ch = named.pop()
            return question[: it.start()] + (ch + "'s" if it.group(0) == "its" else ch) + question[it.end():]
    if not previous_question or language(question) != "zh" or not (this := _THIS_PART_ZH.search(question)):
        return question
    prev = split_context(previous_question)[0]
    named = re.findall(r"第[一二三四五六七八九十]+章(?:第[一二三四五六七八九十]+节)?", prev)
    if len(set(named)) != 1:
        return question
    part = named[0] if this.group(1) == "节" else re.match(r"第[一二三四五六七八九十]+章", named[0]).group(0)
    if this.group(1) == "节" and "节" not in part:
        return question
    return question[: this.start()] + part + question[this.end():]


def resolve_line(question: str, previous_answer: str | None, previous_question: str | None = None) -> str:
    """"其中第二个是什么？" answered "“二、石家庄高新技术开发区”从第113页开始。" -- then "它在第几页？"
    asks about that contents line: "它" stands for the line the previous answer names first. After a
    question asking which chapter or section holds something ("关于大数据的那一节在哪一章？"), "它" is
    still what was asked about, and "这一节" is the section line the answer named ("是第几章第几节？" --
    "这一节一共介绍了几个开发区？")."""
    m = _line_answered(previous_answer)
    if not m:
        return question
    title = "“" + m.group(1) + "”"
    if language(question) == "zh":
        asked_where = bool(previous_question) and which_type(split_context(previous_question)[0]) in (("章",), ("节",))
        level = re.match(r"第[一二三四五六七八九十]+([章节])", m.group(1))
        if asked_where and level and (this := _THIS_PART_ZH.search(question)) and this.group(1) == level.group(1):
            return question[: this.start()] + title + question[this.end():]
        if asked_where:
            return question
        if _BARE_PAGE_ZH.match(question.strip()):
            return title + question.strip().lstrip("那么")  # "在第几页？" after "“二、国家工信部”从第134页开始。"
        return _IT_ZH.sub(title, question.strip(), count=1)
    if not re.search(r"\bpages?\b|\bwhere\b", question, re.I):
        return question
    if len(m.group(1)) > 6 and not re.search(r"\b(?:it|that one|this one|(?:that|this) (?:section|chapter|part|entry))\b", question, re.I):
        return question  # ("What page is that on?" after a chapter: the line found again; a short line of the back matter is named)
    return _IT_EN.sub(title, question, count=1)


_AGAIN_ZH = re.compile(r"^(?:那|那么)?再(?:往)?(下一个|下一项|下一条|下一节|后一个|后面一个|上一个|上一项|上一节|前一个|前面一个)(.*)$")


def resolve_again(question: str, previous_answer: str | None) -> str:
    """"再下一个？" after "“三、石家庄信息产业基地”从第114页开始。" (itself the answer to "下一个呢？"): the
    line after the one the previous answer named -- "“三、石家庄信息产业基地”的下一个？"."""
    m = _AGAIN_ZH.match(question.strip())
    line = _line_answered(previous_answer) if m else None
    if not line:
        return question
    return f"“{line.group(1)}”的{m.group(1)}{m.group(2) or '？'}"


_LAST_ONE_ZH = re.compile(r"^(?:那|那么)?(?:最后一个|最后一项|最后一条|最后那一?个|最后那一?项|最末一个|最末那个)(?:呢)?[？?]?$")


def resolve_last_sibling(question: str, previous_answer: str | None, previous_question: str | None,
                         last_of: Callable[[str], str]) -> str:
    """"那最后一个呢？" after "“五、秦皇岛数据产业基地”在第几页？" answered by that line: the earlier question
    asked of the last line of the same list (``last_of`` gives its title)."""
    m = _line_answered(previous_answer) if _LAST_ONE_ZH.match(question.strip()) else None
    prev = split_context(previous_question or "")[0]
    if not m or ("“" + m.group(1) + "”") not in prev or not (last := last_of(m.group(1))) or last == m.group(1):
        return question
    return prev.replace("“" + m.group(1) + "”", "“" + last + "”", 1)


_OTHER_THAN_ZH = re.compile(r"还有(?:没有)?(?:别的|其他|其它|另外的?)[^，,。？?]{0,8}(?:吗|么|呢|没有)?[？?。]?$")
_OTHER_THAN_EN = re.compile(r"\b(?:any|other|another|else)\b[^,.?]{0,30}\?\s*$", re.I)
# a work the answer before quoted from a reference (a footnote): "邢元敏，薛进文.新时期京津“双城记”：京津冀协同发展研究（一）[M].天津：…"
_CITED_WORK = re.compile(r"[\u4e00-\u9fff]{2,4}(?:\s*[，,、]\s*[\u4e00-\u9fff]{2,4})*\s*[.．]\s*([^\[\]\n.．]{2,60}?)\s*\[[MJCDRN]\]")
_ABOUT_A_WORK = re.compile(r"publish|press|publisher|when|year|author|wrote|written|edit|出版|哪年|哪一年|什么时候|作者|谁写|谁编|编者|编著", re.I)
_WORK_POINTER_EN = re.compile(r"\b(?:(?:that|the)\s+(?:book|work|publication|title|volume|monograph)(?:\s+(?:it\s+cites|cited|referenced))?"
                              r"|(?:the\s+)?cited\s+(?:book|work|publication)|it|(?<=\bof\s)that(?=\s*[?.!]*\s*$))\b(?!')", re.I)
_CITED_TOLD = re.compile(r"(?:脚注引用的是|footnote cites)[^《]{0,40}《([^》]{2,60})》", re.I)  # (the reference as told)
_THIS_BOOK = re.compile(r"这本书|(?<![那该此])本书|这本报告|本报告|\b(?:this|the)\s+(?:book|report)\b", re.I)
_WORK_POINTER_ZH = re.compile(r"它|那本书|那本|该书|此书|那部书|被引用?的(?:那本)?书|引用的(?:那本)?书")


_THIS_PARK_ZH = re.compile(r"(?:这个|那个|该|这一?|那一?)(园区|产业园|基地|开发区|高新区|软件园|科技园)")
_NAMED_PARK_ZH = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,12}?(?:产业园|软件园|科技园|园区|基地|开发区|高新区)")


def resolve_park(question: str, previous: str | None) -> str:
    """"这个园区入驻了多少家企业？" after "麦谷产业园在书里哪一页？": the park the question before named ("麦谷产业园入驻了
    多少家企业？"), which the evidence must then name."""
    m = _THIS_PARK_ZH.search(question)
    if not m or not previous or language(question) != "zh":
        return question
    named = [x.group(0) for x in _NAMED_PARK_ZH.finditer(split_context(previous)[0])]
    named = [re.sub(r"^(?:书里|书中|报告里|那个|这个|关于|讲|有关)", "", x) for x in named]
    if len(set(named)) != 1:
        return question
    return question[: m.start()] + named[0] + question[m.end():]


def quotes_cited_work(answer: str | None) -> bool:
    """Whether an answer quotes or tells the footnote's reference."""
    return bool(_CITED_WORK.search(answer or "") or _CITED_TOLD.search(answer or ""))


def resolve_cited_work(question: str, previous_answer: str | None, said: str = "") -> str:
    """"Which press published it, and when?" after an answer that quotes the footnote's reference ("邢元敏，薛进文.
    新时期京津“双城记”：…[M].天津：天津人民出版社，2014.") asks of that work, not of this book: "Which press published
    《新时期京津“双城记”》, and when?"."""
    m = _CITED_WORK.search(previous_answer or "") or _CITED_TOLD.search(previous_answer or "")
    if not m or not _ABOUT_A_WORK.search(question):
        return question
    title = "《" + re.split(r"[：:]", m.group(1).strip())[0].strip() + "》"
    if re.search(r"[该該此]書|[该此]书", said) and "这本书" in question:
        return question.replace("这本书", title, 1)  # ("該書的出版社…": 该书, "the said book", was read as 这本书)
    if _THIS_BOOK.search(question):
        return question
    if language(question) == "zh":
        if _WORK_POINTER_ZH.search(question):
            return _WORK_POINTER_ZH.sub(title, question, count=1)
        # "是哪家出版社、哪一年出的？": a bare follow-up asks of the work the answer before named
        return title + re.sub(r"^(?:那|那么)", "", question.strip()) if len(question.strip()) <= 20 else question
    if _WORK_POINTER_EN.search(question):
        return _WORK_POINTER_EN.sub(title, question, count=1)
    if len(en_words(question)) > 4:
        return question
    # "Publisher?", "Year?", "Author?": the one-word follow-up asks it of that work
    press, when = re.search(r"publish|press", question, re.I), re.search(r"when|year|date", question, re.I)
    if press:
        return f"Which press published {title}" + (", and when?" if when else "?")
    if when:
        return f"When was {title} published?"
    return f"Who wrote {title}?"


_OTHER_ASK_EN = re.compile(r"^(?:and\s+)?(?:are there|is there|any|anything|what|which)\b", re.I)


def resolve_other(question: str, previous_answer: str | None) -> str:
    """"石家庄还有别的条目吗？" after "“二、石家庄高新技术开发区”从第113页开始。" asks for another
    line than the one the previous answer named: "除了“二、石家庄高新技术开发区”以外，石家庄还有别的条目吗？"."""
    m = _line_answered(previous_answer)
    if not m:
        return question
    title = "“" + m.group(1) + "”"
    if language(question) == "zh":
        return "除了" + title + "以外，" + question.strip() if _OTHER_THAN_ZH.search(question) else question
    if _OTHER_THAN_EN.search(question) and _OTHER_ASK_EN.search(question.strip()):
        return question.rstrip().rstrip("?") + ", other than " + title + "?"
    return question


_HOLDING_CHAPTER_EN = re.compile(r"\bthe chapter (?:that |which )?(?:it|this|that)(?: section| one| part| entry)? (?:belongs to|is in|sits in|falls under|comes under)\b"
                                 r"|\b(?:its|that section's|this section's) chapter\b", re.I)
_HOLDING_CHAPTER_ZH = re.compile(r"(?:它|这一?节|那一?节|该节|这部分|那部分)(?:所在|所属|属于)的?(?:那一?|这一?)?章"
                                 r"|^(?:那|那么)?(?:那一章|这一章|该章)(?=[^，,。？?]{0,4}(?:第几页|哪一?页|哪页|谁写|谁负责|谁撰写|谁执笔|作者))")  # "那一章从第几页开始？", "那一章是谁写的？" after a section line


_CHAPTERS_TOLD = re.compile(r"Chapter (\d{1,2}) \((第[一二三四五六七八九十]+章)\)|(?<![“\w])(第[一二三四五六七八九十]+章)(?![\u4e00-\u9fff]*”)")
_THAT_CHAPTER_EN = re.compile(r"\b(?:that|this|the same|his|her|their) chapter\b|\bthe first of (?:those|them|these)(?: chapters)?\b"
                              r"|\bthe (?:first|earlier) (?:one|chapter)\b", re.I)
_THOSE_CHAPTERS_ZH = re.compile(r"(?:那|这|该)(?:两|几|些)(?:个)?章")
_THAT_CHAPTER_ZH = re.compile(r"(?:那|这|该)一?章|(?:其中)?(?:前一|第一)(?:章|个)")


def chapter_by_number(question: str) -> str:
    """"讲京津冀发展现状的第一章是谁写的？": in a question about who wrote it, a chapter named by its number is that chapter;
    what it is said to treat only describes it (not "讲…的第一章里" inside a longer phrase)."""
    if not re.search(r"谁|哪[一两几]?位|作者|执笔", question):
        return question  # (only who wrote it: "讲优势领域的第二章…分了哪些细分领域" keeps the words that find its lines)
    return re.sub(r"(?:讲|讲述|介绍|关于|写)[^，,。？?；;]{2,20}?的(?=第[一二三四五六七八九十\d]+章(?!里|中|内|当中|的))", "", question)


def resolve_told_chapter(question: str, previous_answer: str | None) -> str:
    """"What is the first section of that chapter?" after "Zhu Yun (朱云) worked on Chapter 2 (第二章).", "What page does
    the first of those start on?" after "… Chapter 3 (第三章), Chapter 4 (第四章).": the chapter the answer before named by
    its number (the first of several, when the question asks for the first)."""
    head = (previous_answer or "").strip().split("\n", 1)[0]
    told = list(dict.fromkeys(m.group(2) or m.group(3) for m in _CHAPTERS_TOLD.finditer(head)))
    if not told or _line_answered(previous_answer):
        return question  # (a contents line answered: the chapter that holds it is resolve_holding_chapter's)
    zh = language(question) == "zh"
    if zh and len(told) > 1 and (both := _THOSE_CHAPTERS_ZH.search(question)):
        return question[: both.start()] + "和".join(told) + question[both.end():]  # "这两章各从第几页开始？": 第三章和第四章
    m = (_THAT_CHAPTER_ZH if zh else _THAT_CHAPTER_EN).search(question)
    if not m or (len(told) > 1 and not re.search(r"first|第一|前一", m.group(0), re.I)):
        return question
    chapter = told[0]
    if not zh:
        n = _CN_DIGITS.get(chapter[1:-1])
        if not n:
            return question
        chapter = f"chapter {n}"
    return question[: m.start()] + chapter + question[m.end():]


def resolve_holding_chapter(question: str, previous_answer: str | None, chapter_of: Callable[[str], str]) -> str:
    """"Who drafted the chapter it belongs to?" after "“第四节 大数据互联服务” starts on page 69": the
    chapter that holds the contents line the previous answer named ("chapter 2", "第二章");
    ``chapter_of`` gives a line's chapter ordinal ("第二章") from its title."""
    m = _line_answered(previous_answer)
    pat = _HOLDING_CHAPTER_ZH if language(question) == "zh" else _HOLDING_CHAPTER_EN
    if not m or not (this := pat.search(question)) or not (chapter := chapter_of(m.group(1))):
        return question
    if language(question) != "zh":
        n = _CN_DIGITS.get(chapter[1:-1])
        if not n:
            return question
        chapter = f"chapter {n}"
    return question[: this.start()] + chapter + question[this.end():]


def resolve_person(question: str, previous_answer: str | None, people, person_names=lambda text: []) -> str:
    """"总序是谁写的？" answered "总序署名：王成慧。" -- then "他在编委会里担任什么？" asks about
    王成慧: a personal pronoun stands for the one person the previous answer named (its first line,
    not the quotes), if it named exactly one of ``people`` (else one the tagger finds: "附录：李晓昕。")."""
    if not previous_answer or not (people or person_names):
        return question
    head = previous_answer.strip().split("\n", 1)[0]
    named = [p for p in people if p in head]
    if not named and language(question) == "zh" and _PERSON_PRONOUN_ZH.search(question):
        named = list(dict.fromkeys(person_names(re.sub(r"\[\d+\]", "", head))))
    if len(named) != 1:
        return question
    name = named[0]
    if language(question) == "zh":
        return _PERSON_PRONOUN_ZH.sub(name, question, count=1)
    if _NAMED_THEN_WHO_EN.match(question):
        return question  # "and the proofread person, who is he?": he is the one the question names first
    return _PERSON_PRONOUN_EN.sub(name, question, count=1)


_NAMED_THEN_WHO_EN = re.compile(r"^\s*(?:and|what about|how about)?\s*(?:the|that|this)\s+[\w\s-]{3,40}?,\s*(?:who|what)\b", re.I)
