"""Briefing export as a pure formatter, on results built from real report passages.

(The end-to-end test on answers from the real Assistant is in test_briefing_assistant.py.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.briefing import md_text, to_markdown
from assistant.types import AskResult, Citation

REPORT = Path(__file__).resolve().parents[1] / "corpus" / "data" / "jjj-info-service-report-2015.md"


def _passage(needle: str) -> str:
    """The report line containing ``needle`` (so every quote below is real report text)."""
    for line in REPORT.read_text(encoding="utf-8").splitlines():
        if needle in line:
            return line.strip()
    raise AssertionError(f"test fixture out of date: {needle!r} is no longer in the shipped report")


RD_QUOTE = "北京市、天津市、河北省2013年R&D投入强度分别达到6.08%、3.0%、1.12%"
RD_SECTION = "前言 > 一、科技合作很多，但协同能力不强"
ISBN_QUOTE = "ISBN 978 - 7 - 5096 - 4331 - 0"
PUB_QUOTE = "出版发行：经济管理出版社"


def _cite(n: int, quote: str, section: str, page: int | None, chunk: str) -> Citation:
    return Citation(n=n, chunk_id=chunk, section=section, page=page, quote=quote, text=_passage(quote), score=0.5)


def _rd(question="北京市2013年R&D投入强度是多少？", rewritten=None) -> AskResult:
    c = _cite(1, RD_QUOTE, RD_SECTION, 1, "c-rd")
    return AskResult(
        question=question,
        rewritten_question=rewritten or question,
        language="zh",
        answer="北京市2013年R&D投入强度为6.08% [1]。",
        answerable=True,
        citations=[c],
    )


def _isbn() -> AskResult:
    a = _cite(1, ISBN_QUOTE, "图书在版编目 (CIP) 数据", None, "c-cip")
    b = _cite(2, PUB_QUOTE, "图书在版编目 (CIP) 数据", None, "c-pub")
    return AskResult(
        question="这本书的ISBN是多少？",
        rewritten_question="这本书的ISBN是多少？",
        language="zh",
        answer="ISBN 978-7-5096-4331-0 [1]，由经济管理出版社出版 [2]。",
        answerable=True,
        citations=[a, b],
    )


def _refusal() -> AskResult:
    rel = _cite(1, RD_QUOTE, RD_SECTION, 1, "c-rd")
    return AskResult(
        question="What was the GDP of Mars in 2013?",
        rewritten_question="What was the GDP of Mars in 2013?",
        language="en",
        answer="The report does not say.",
        answerable=False,
        related=[rel],
    )


def _footnotes(md: str) -> dict[int, str]:
    return {int(m.group(1)): m.group(2) for m in re.finditer(r"^\[\^(\d+)\]: (.*)$", md, re.M)}


def _refs(md: str) -> list[int]:
    body = md.split("\n---\n")[0]
    return [int(x) for x in re.findall(r"\[\^(\d+)\](?!:)", body)]


def test_markers_become_footnotes_numbered_across_the_briefing():
    md = to_markdown([_rd(), _isbn()])
    notes = _footnotes(md)
    assert sorted(notes) == [1, 2, 3], f"expected three distinct footnotes, got {sorted(notes)}:\n{md}"
    assert _refs(md) == [1, 2, 3], f"answers should reference [^1] then [^2], [^3] (second turn renumbered):\n{md}"
    assert "[1]" not in md.split("\n---\n")[0], f"raw [n] markers left in the answers:\n{md}"
    # each footnote carries section, page (when known) and the verbatim quote
    assert "前言 > 一、科技合作很多，但协同能力不强" in notes[1] and "第 1 页" in notes[1], notes[1]
    assert RD_QUOTE in notes[1], f"quote missing from footnote: {notes[1]}"
    assert ISBN_QUOTE in notes[2] and "页" not in notes[2], f"unknown page must be omitted: {notes[2]}"


def test_same_passage_cited_twice_gets_one_footnote_and_rewrite_is_shown():
    follow = _rd(question="那北京呢？", rewritten="北京市2013年R&D投入强度是多少？")
    md = to_markdown([_rd(), follow])
    assert sorted(_footnotes(md)) == [1], f"the same quote must reuse footnote 1:\n{md}"
    assert _refs(md) == [1, 1], md
    assert "理解为：北京市2013年R&D投入强度是多少？" in md, f"rewritten follow-up question not shown:\n{md}"
    assert md.count("理解为") == 1, f"rewrite line should only appear when the question was rewritten:\n{md}"


def test_records_proven_by_the_same_sentence_share_a_footnote():
    tianjin, hebei = _rd(), _rd(question="那河北呢？", rewritten="河北2013年R&D投入强度是多少？")
    hebei.citations = [_cite(1, RD_QUOTE, RD_SECTION, 1, "row-hebei")]  # another record, same proving quote
    md = to_markdown([tianjin, hebei])
    assert sorted(_footnotes(md)) == [1] and _refs(md) == [1, 1], f"one quote, one footnote:\n{md}"


def test_refusal_lists_related_passages_as_not_an_answer():
    md = to_markdown([_refusal()])
    assert "No confirmed answer in the report" in md, md
    assert _refs(md) == [1] and RD_QUOTE in _footnotes(md)[1], md
    assert "p. 1" in _footnotes(md)[1], f"English briefing should use English page labels: {md}"


@pytest.mark.parametrize(
    "question",
    ["<img src=x onerror=alert(1)>", "see [^1] and *stars* `code` [link](http://x)", "# heading\n> quote"],
)
def test_user_text_is_pasted_as_text_not_markup(question):
    r = _rd(question=question)
    md = to_markdown([r])
    heading = next(line for line in md.splitlines() if line.startswith("## "))
    assert not re.search(r"(?<!\\)<", md), f"an unescaped '<' (raw HTML) survived into the briefing:\n{md}"
    assert "[^1]" not in heading.replace("\\[^1\\]", ""), f"forged footnote reference in heading: {heading}"
    assert not re.search(r"(?<!\\)[*`<\[\]]", heading.split(". ", 1)[1]), f"unescaped markup in heading: {heading}"
    assert "\n" not in heading


def test_md_text_collapses_whitespace_and_keeps_cjk():
    assert md_text("  北京\n市 R&D  ") == "北京 市 R&D"
    assert md_text("a_b*c") == r"a\_b\*c"
    assert md_text("> x") == r"\> x" and md_text("2013. x") == r"2013\. x" and md_text("a > b") == "a > b"


def test_empty_conversation():
    md = to_markdown([], title="T")
    assert md.startswith("# T\n") and "[^" not in md, md
