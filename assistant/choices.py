"""Multiple-choice questions ("下列哪一家是总序举例的中关村电子商务领军企业？A.阿里巴巴 B.京东 C.苏宁 D.唯品会",
"Which of these does the preface name? (a) … (b) …"): the stem is answered as a question of its own, without
the options (names the report lacks would make it look unanswerable, or pull it to another passage), and the
option the cited passages name is the choice.

``read`` parts the question into its stem and options; a stem that asks which option is *not* something
("哪一位不在编委会名单里？") is read without the negation, and the choice is then the one option the passages do
not name. ``verdict`` gives the choice line, or None when the passages name no option, or more than one (then
the answer stands on its own)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant import prompts

# an option's label: "A.", "A、", "A．", "(A)", "（A）", "A)", "a)", "(a)"
_LABEL = r"(?:[(（]\s*([A-Fa-f])\s*[)）]|(?<![A-Za-z])([A-F])\s*[.．、:：)）]|(?<![A-Za-z])([a-f])\))"
_FIRST = re.compile(r"(?:^|(?<=[\s？?：:，,。;；]))\s*(?:[(（]\s*[Aa]\s*[)）]|(?<![A-Za-z])A\s*[.．、:：)）]|(?<![A-Za-z])a\))")  # where the options begin
_ANY = re.compile(_LABEL)
# "不在…里", "不是", "不属于", "没有提到", "未列入"; "NOT", "is not", "isn't", "does not", "doesn't"
_NEGATION_ZH = re.compile(r"(?<![是])不(?=在|是|属于|包括|包含|列|提|出现)|没有?(?=提|列|出现|包括|写)|未(?=列|提|出现)")
_NEGATION_EN = re.compile(r"\b(?:is not|isn't|was not|wasn't|are not|aren't|does not|doesn't|did not|didn't|NOT)\b\s*")
_WHICH_ZH = re.compile(r"(?:下列|以下|下面|如下)(?:选项中)?的?(?=哪)")
_WHICH_EN = re.compile(r"\bwhich of (?:the following|these|the options)\b(?: options)?", re.I)


@dataclass(frozen=True)
class Choices:
    stem: str  # the question without its options, asked as a plain question
    options: tuple[tuple[str, str], ...]  # (label, text), labels upper-case: (("A", "阿里巴巴"), ("B", "京东"), …)
    negated: bool = False  # "哪一位不在…": the choice is the option the passages do not name
    labelled: bool = True  # False: options listed in the question's words ("京东、当当、爱奇艺这几家里"), no letters


# "京东、当当、聚美优品、爱奇艺这几家里，哪一家不是…？": options listed inline before a negated "which"
_INLINE_ZH = re.compile(r"^(?P<pre>(?:[^，,。？?；;]*[，,。；;：:])?)\s*(?P<list>[^，,。？?；;：:、]{2,30}(?:、[^，,。？?；;：:、]{2,30}){1,7})"
                        r"[，,]?\s*(?:这|那)?(?:几|[两三四五六七八九十])?(?:家|个|位|项|种|本|处|条|者|地|所)?(?:人|单位|企业|公司|项目|地方|园区|基地)?"
                        r"(?:里面|里头|当中|之中|中间|里|中)?[，,]?\s*"
                        r"(?P<stem>(?:哪|谁)[^、]*)$")


def _inline(q: str, lang: str) -> Choices | None:
    """The options listed before a negated "which" ("A、B、C这几家里，哪一家不是…"), labelled A, B, C in their order; a
    "which" that is not negated keeps its list, which is then what the question is about ("北京、天津、河北哪一个最高")."""
    m = _INLINE_ZH.match(q) if lang == "zh" else None
    if not m or not _NEGATION_ZH.search(m.group("stem")):
        return None
    names = [x.strip() for x in m.group("list").split("、")]
    # (the last option ends where its count begins: "爱奇艺这几家里", "河北三地")
    names[-1] = re.sub(r"(?:(?:这|那)(?:几|[两三四五六七八九十])?|(?:几|[两三四五六七八九十]))(?:家|个|位|项|种|本|处|条|者|地|所)?"
                       r"(?:人|单位|企业|公司|项目|地方|园区|基地)?(?:里面|里头|当中|之中|中间|里|中)?$", "", names[-1]).strip() or names[-1]
    if any(re.search(r"[的在是搞有把被将从对]", x) for x in names):
        return None  # "中科院北京分院在天津、秦皇岛、唐山搞的几个项目里": places in a sentence, no options
    stem = m.group("pre").strip() + _NEGATION_ZH.sub("", m.group("stem"), count=1)
    return Choices(stem, tuple((chr(ord("A") + i), x) for i, x in enumerate(names)), True, labelled=False)


def read(question: str, lang: str) -> Choices | None:
    """The stem and options of a multiple-choice question; None for a question without two or more labelled
    options (or listed ones, before a negated "which")."""
    q = question.strip()
    first = _FIRST.search(q)
    if not first or first.start() == 0:
        return _inline(q, lang)
    body, stem = q[first.start():], q[: first.start()].strip()
    marks = list(_ANY.finditer(body))
    labels = [next(g for g in m.groups() if g).upper() for m in marks]
    if len(marks) < 2 or labels != [chr(ord("A") + i) for i in range(len(labels))]:
        return None  # (the labels must run A, B, C…: "B2B" or "A座" is no option)
    options = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(body)
        text = body[m.end(): end].strip(" \t\n,，;；。.、")
        if not text:
            return None
        options.append((labels[i], text))
    neg_re = _NEGATION_ZH if lang == "zh" else _NEGATION_EN
    negated = bool(neg_re.search(stem))
    if negated:
        stem = neg_re.sub("" if lang == "zh" else lambda m: "is " if m.group(0).lower().startswith(("is", "isn")) else "", stem, count=1)
    stem = _WHICH_ZH.sub("", stem) if lang == "zh" else _WHICH_EN.sub("which", stem)
    stem = re.sub(r"^(?:单选|多选|选择题?)[：:]\s*", "", stem).strip().rstrip("：:，,、 ")
    if not re.search(r"[？?]$", stem):
        stem += "？" if lang == "zh" else "?"
    return Choices(stem, tuple(options), negated)


def _flat(s: str) -> str:
    return re.sub(r"[\s“”\"'‘’《》「」]+", "", s).lower()


def verdict(choices: Choices, evidence: str, lang: str) -> str | None:
    """"选B：京东。" ("Answer: (B) …"): the one option the evidence names (or, negated, the one it does not);
    None when that is not exactly one."""
    hay = _flat(evidence)
    named = [(label, text) for label, text in choices.options if _flat(text) and _flat(text) in hay]
    if choices.negated:
        named = [o for o in choices.options if o not in named] if named else []
    if len(named) != 1:
        return None
    label, text = named[0]
    return prompts.CHOICE[lang].format(label=label, text=text) if choices.labelled else prompts.CHOICE_LISTED[lang].format(text=text)


_BLANK = re.compile(r"_{2,}|＿{2,}|（\s*）|\(\s*\)|【\s*】|\[\s*\]")
_UNIT_AFTER = re.compile(r"\s*(?:%|％|千字|元|亿|万|个|项|家|页|章|节|倍|位|人|条|所)")


def blanks(question: str, lang: str) -> str:
    """A fill-in-the-blank question asked as a question ("填空：本书印张为____，字数为____千字。" -> "本书印张为多少，
    字数为多少千字？", "The book has ____ chapters." -> "The book has how many chapters?"); the question unchanged when
    it has no blank."""
    q = question.strip()
    if not _BLANK.search(q):
        return question
    q = re.sub(r"^(?:填空题?|补全|fill in the blanks?)[：:]\s*", "", q, flags=re.I)

    def ask(m: re.Match) -> str:
        after = q[m.end():]
        if lang != "zh":
            return "how many" if re.match(r"\s*[a-z]+s\b", after) and not re.match(r"\s*(?:is|was|has|does)\b", after) else "what"
        if re.match(r"\s*年", after):
            return "哪一"
        if re.match(r"\s*(?:点|个|项|条|种|类|家|位|章|节|部分|方面)", after):
            return "几"  # "大致可以归纳为以下____点不足": how many
        if re.search(r"(?:编|著|者|人|员|长|辑|校对|印制)(?:是|为)\s*$", q[: m.start()]):
            return "谁"  # "本书的总主编是____"
        return "多少" if _UNIT_AFTER.match(after) or re.search(r"(?:为|是|达|达到|约|共|有)\s*$", q[: m.start()]) and re.search(
            r"(?:数|量|价|率|比重|张|额|值|速)\S{0,2}(?:为|是|达|达到|约|共|有)\s*$", q[: m.start()]) else "什么"

    q = _BLANK.sub(ask, q)
    q = re.sub(r"《\s*什么\s*》", "哪份文件" if lang == "zh" else "what", q)  # ("…制定的《____》将…": the title asked)
    q = re.sub(r"[“「\"]\s*(什么|几|多少|哪一|谁)\s*[”」\"]", r"\1", q)  # ("“货畅其流”和“____”": the blank is no quoted word)
    return re.sub(r"[。.]?\s*$", "？" if lang == "zh" else "?", q, count=1)


_TRUE_FALSE_ZH = re.compile(r"^\s*(?:判断(?:正误|对错|真假)|是非题|对还是错)[：:]\s*(.+?)[。.！!]?\s*$")
_TRUE_FALSE_EN = re.compile(r"^\s*(?:true or false|t/f|right or wrong)\s*[:?-]\s*(.+?)[.!]?\s*$", re.I)


def statement(question: str, lang: str) -> str:
    """A statement to judge asked as a question of whether it holds ("判断正误：丛书总序的落款日期是2016年3月18日。" ->
    "丛书总序的落款日期是2016年3月18日，对吗？", "True or false: the book has four chapters." -> "Is it true that the
    book has four chapters?"), so that its claim is checked; the question unchanged otherwise."""
    m = (_TRUE_FALSE_ZH if lang == "zh" else _TRUE_FALSE_EN).match(question)
    if not m:
        return question
    said = m.group(1).strip()
    if lang == "zh":
        return said + "，对吗？"
    return "Is it true that " + said[:1].lower() + said[1:] + "?"
