"""Briefing export: a conversation's questions and answers as Markdown, ready to paste.

``to_markdown`` is a pure function of the ``AskResult`` list (no clock, no I/O): each
answer keeps its citation markers, rewritten as footnote references (``[^n]``) whose
numbers are unique across the whole briefing; each footnote gives the section path,
the page (when known) and the verbatim quote. The same quote cited twice gets one
footnote (also when several records, e.g. table rows, are proven by one sentence).
Labels follow each question's language. Refusals keep their message and list the related
passages as footnotes too, labelled as not confirming an answer.

Text that comes from a user or from the report is Markdown-escaped, so a question
containing ``<img ...>`` or ``[^1]`` is pasted as text, not as markup.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, Sequence

from assistant.types import AskResult, Citation

DEFAULT_TITLE = "京津冀信息服务业发展报告（2015）· Briefing"

_LABELS = {
    "zh": {
        "q": "问",
        "rewritten": "理解为",
        "related": "报告中未找到可确认的答案。相关段落（不构成答案）",
        "page": "第 {page} 页",
        "empty": "（尚无问答。）",
        "sep": "，",
        "colon": "：",
    },
    "en": {
        "q": "Q",
        "rewritten": "Understood as",
        "related": "No confirmed answer in the report. Related passages (not an answer)",
        "page": "p. {page}",
        "empty": "(No questions asked yet.)",
        "sep": ", ",
        "colon": ": ",
    },
}

# ASCII punctuation that changes meaning anywhere in a CommonMark / GFM line; a backslash
# makes each literal ("<" covers raw HTML). Block markers only matter at the start of a line.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<|~])")
_MD_LINE_START = re.compile(r"^([>#+=-]|\d+(?=[.)]))")
_WS = re.compile(r"\s+")
# "[1]", "[1, 2]", "[1,2,3]" after escaping: "\[1\]", "\[1, 2\]"
_ESCAPED_MARKER = re.compile(r"\\\[(\d+(?:\s*[,，、]\s*\d+)*)\\\]")


def md_text(text: str) -> str:
    """One line of literal text for Markdown: whitespace collapsed, markup characters escaped."""
    escaped = _MD_SPECIAL.sub(r"\\\1", _WS.sub(" ", text or "").strip())
    return _MD_LINE_START.sub(lambda m: m.group(0) + "\\" if m.group(0)[0].isdigit() else "\\" + m.group(0), escaped)


def was_rewritten(r: AskResult) -> bool:
    """True when the question was rewritten (a follow-up), not merely normalised (width, spaces)."""

    def norm(t: str) -> str:
        return _WS.sub("", unicodedata.normalize("NFKC", t or "")).lower()

    return bool(r.rewritten_question) and norm(r.rewritten_question) != norm(r.question)


def _footnote(c: Citation, labels: dict) -> str:
    parts = [md_text(c.section) or "—"]
    if c.page is not None:
        parts.append(labels["page"].format(page=c.page))
    return labels["sep"].join(parts) + f" — “{md_text(c.quote or c.text)}”"


def _answer_blocks(answer: str, refs: Callable[[re.Match], str], numbers: list[int]) -> list[str]:
    """The answer's lines as Markdown paragraphs; the assistant's own "> quote" lines stay quotes.
    Citations the answer does not mark are attached to its end, so no source is lost."""
    blocks = []
    for line in (answer or "").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith(">"):
            blocks.append("> " + _ESCAPED_MARKER.sub(refs, md_text(line[1:])))
        else:
            blocks.append(_ESCAPED_MARKER.sub(refs, md_text(line)))
    if not blocks:
        blocks.append("—")
    text = "\n".join(blocks)
    missing = [g for g in dict.fromkeys(numbers) if f"[^{g}]" not in text]
    if missing:
        blocks[-1] += " " + "".join(f"[^{g}]" for g in missing)
    return "\n\n".join(blocks).split("\n")


def to_markdown(turns: Sequence[AskResult], title: str = DEFAULT_TITLE) -> str:
    """The conversation as a Markdown briefing with footnoted citations."""
    out: list[str] = [f"# {md_text(title)}", ""]
    if not turns:
        out += [_LABELS["zh"]["empty"] + " " + _LABELS["en"]["empty"], ""]
        return "\n".join(out)

    notes: list[str] = []  # footnote bodies, index = global number - 1
    seen: dict[tuple, int] = {}  # what a footnote says (section, page, quote) -> global number

    def number(c: Citation, labels: dict) -> int:
        # several records (e.g. table rows) proven by one sentence share its footnote
        key = (c.section, c.page, _WS.sub(" ", c.quote or c.text).strip())
        if key not in seen:  # labelled in the language of the turn that cites it first
            notes.append(_footnote(c, labels))
            seen[key] = len(notes)
        return seen[key]

    for i, r in enumerate(turns, 1):
        labels = _LABELS.get(r.language, _LABELS["en"])
        out.append(f"## {labels['q']}{i}. {md_text(r.question)}")
        out.append("")
        if was_rewritten(r):
            out += [f"*{labels['rewritten']}{labels['colon']}{md_text(r.rewritten_question)}*", ""]

        local = {c.n: number(c, labels) for c in r.citations}

        def refs(m: re.Match) -> str:
            nums = [int(x) for x in re.split(r"\s*[,，、]\s*", m.group(1))]
            if not all(n in local for n in nums):
                return m.group(0)  # not a citation marker of this answer: keep it as text
            return "".join(f"[^{local[n]}]" for n in nums)

        out += _answer_blocks(r.answer, refs, list(local.values())) + [""]

        if not r.answerable and r.related:
            out.append(f"{labels['related']}{labels['colon'].rstrip()}")
            out.append("")
            for line in dict.fromkeys(f"- {md_text(c.section) or '—'} [^{number(c, labels)}]" for c in r.related):
                out.append(line)
            out.append("")

    out += ["---", ""]
    out += [f"[^{g}]: {body}" for g, body in enumerate(notes, 1)]
    out.append("")
    return "\n".join(out)
