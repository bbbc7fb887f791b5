"""Every fixed user-facing phrase, in both languages, and the LLM prompt. One place to review wording."""

REFUSAL = {
    "zh": "报告中没有找到能回答这个问题的内容。以下是最接近的段落，仅供参考，不作为答案依据。",
    "en": "The report does not contain the answer to this question. The closest passages are listed below for reference; they are not cited as an answer.",
}
REFUSAL_YEAR = {
    "zh": "报告中没有{year}年的相关数据。",
    "en": "The report gives no figure for {year}.",
}
# a follow-up on a new place for which the report gives another measure than the one asked ("那天津呢？" after
# Beijing's tertiary share): said before the answer that gives it
PARALLEL = {
    "zh": "报告没有给出{place}的{asked}；同一处给出的是{place}的{given}：",
    "en": "The report gives no {asked} for {place}; the same passage gives its {given} instead: ",
}
# whether a part of the book has a part for a place ("新兴业态那一节有没有河北？"), before the list of its parts
PART_HAS_PLACE = {"zh": "有，其中包括{place}的部分。", "en": "Yes, it has a part on {place}. "}
PART_LACKS_PLACE = {"zh": "没有单独写{place}的部分。", "en": "It has no part on {place}. "}
# the verdict on a question that checks a claim ("定价是不是48元？"), before the answer that gives the report's value
CLAIM_TRUE = {"zh": "是的。", "en": "Yes. "}
CLAIM_FALSE = {"zh": "不是。", "en": "No. "}
CHOICE = {"zh": "选{label}：{text}。", "en": "Answer: ({label}) {text}. "}
CHOICE_LISTED = {"zh": "答案：{text}。", "en": "Answer: {text}. "}
SOURCES_HEADER = {"zh": "来源", "en": "Sources"}
RELATED_HEADER = {"zh": "相关段落（非引用）", "en": "Related passages (not citations)"}
REWRITTEN = {"zh": "改写后的问题", "en": "Rewritten question"}
QUOTE_INTRO = {"zh": "原文：", "en": "The report says (Chinese original):"}
FALLBACK_EN = "The report answers this in the passage quoted below (Chinese original)."
UNVERIFIED_DROPPED = {
    "zh": "（已删除一处无法在引文中核实的内容。）",
    "en": "(One statement that could not be verified against the cited passages was removed.)",
}

INPUT_EMPTY = "The question is empty. / 问题为空。"
INPUT_TOO_LONG = "The question is too long ({n} characters; the limit is {limit}). / 问题过长（{n} 个字符，上限 {limit}）。"
INPUT_BINARY = "The input looks like binary data, not a question. / 输入看起来是二进制数据，不是问题。"
INPUT_NO_CONTENT = "The question has no words in it (only punctuation or symbols). / 问题中没有可检索的文字。"
INPUT_NOT_TEXT = "The question must be text. / 问题必须是文本。"

LLM_SYSTEM = (
    "You answer questions about one report using ONLY the numbered passages given. "
    "Every sentence of your answer must end with the marker of the passage that supports it, like [1] or [2]. "
    "Copy numbers exactly as they appear in the passages. If the passages do not contain the answer, reply exactly: "
    "NOT_IN_REPORT. Answer in {language}."
)
LLM_USER = "Passages:\n{passages}\n\nQuestion: {question}\nAnswer ({language}):"
LLM_NOT_IN_REPORT = "NOT_IN_REPORT"
