"""The briefing export on a real conversation with the real Assistant (real index, real embedder)."""

from __future__ import annotations

import re

import pytest

from assistant.briefing import md_text, to_markdown

pytestmark = pytest.mark.slow

CONVERSATION = [
    "天津2013年R&D投入强度是多少？",
    "那河北呢？",
    "What was Beijing's per-capita public education spending in 2012?",
    "这本书的ISBN是多少？",
    "上海市2013年R&D投入强度是多少？",  # not in the report: a refusal with related passages
]


@pytest.fixture(scope="module")
def turns(tmp_path_factory):
    from assistant import Assistant, Settings

    a = Assistant.load(Settings(index={"index_dir": tmp_path_factory.mktemp("jjj_briefing_index")}))
    out = []
    for q in CONVERSATION:
        out.append(a.ask(q, history=[r.as_turn() for r in out] or None))
    return out


def test_every_citation_becomes_a_footnote_with_section_and_quote(turns):
    md = to_markdown(turns, title="Test briefing")
    body, _, notes_part = md.partition("\n---\n")
    notes = dict(re.findall(r"^\[\^(\d+)\]: (.*)$", notes_part, re.M))
    assert list(notes) == [str(i) for i in range(1, len(notes) + 1)], f"footnotes not numbered 1..n: {list(notes)}"
    refs = set(re.findall(r"\[\^(\d+)\]", body))
    assert refs == set(notes), f"references {sorted(refs)} vs footnotes {sorted(notes)}"
    unique = {(c.section, c.page, c.quote) for r in turns for c in r.citations + (r.related if not r.answerable else [])}
    assert len(notes) == len(unique), f"{len(unique)} distinct passages cited, {len(notes)} footnotes:\n{md}"
    for r in turns:
        for c in r.citations:
            hit = [n for n in notes.values() if md_text(c.quote) in n and md_text(c.section) in n]
            assert hit, f"no footnote carries section {c.section!r} and quote {c.quote!r}:\n{notes_part}"
    assert not re.search(r"(?<![\^\\])\[\d+\]", body), f"raw [n] markers left in the answers:\n{body}"


def test_conversation_reads_as_a_briefing(turns):
    md = to_markdown(turns)
    assert [r.answerable for r in turns] == [True, True, True, True, False], [
        (r.question, r.answerable) for r in turns
    ]
    for q in CONVERSATION:
        assert md_text(q) in md, f"question missing from the briefing: {q}"
    assert "理解为：" in md and md_text(turns[1].rewritten_question) in md, "follow-up rewrite not shown"
    assert "3.0%" in md and "1.12%" in md and "3038" in md, "the answers' figures are missing"
    assert "相关段落（不构成答案）" in md, "the refusal's related passages are not listed"
