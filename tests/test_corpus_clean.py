"""Cleaning rules, each checked on the bundled report (and on small synthetic sources)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.clean import TERMINAL, clean_heading, clean_inline, strip_ws
from corpus.parse_md import parse_text

PROSE_TOP = ("总序", "前言", "第一章 京津冀信息服务业发展现状")


def _para_with(report, needle):
    hits = [p for p in report.paragraphs if needle in p.text]
    assert len(hits) == 1, f"{needle!r} should be in exactly one paragraph, found {len(hits)}"
    return hits[0]


@pytest.mark.parametrize(
    "joined,head,tail",
    [
        ("惠及津冀两地", "惠及津", "冀两地"),
        ("创新能力强的影视内容", "创新能力强的", "影视内容"),
        ("相结合的双向开放格局", "相结合的", "双向开放格局"),
        ("具有形成“北京研发", "具", "有形成"),
    ],
)
def test_paragraph_cut_by_page_break_is_rejoined(bundled_report, bundled_source, joined, head, tail):
    p = _para_with(bundled_report, joined)
    assert len(p.spans) >= 2, f"{p.id} should span the page break, has spans {p.spans}"
    # one span ends with the head, a later one starts with the tail, with a page break between
    k = next((i for i, (a, b) in enumerate(p.spans) if bundled_source[a:b].endswith(head)), None)
    assert k is not None and k + 1 < len(p.spans), f"no span of {p.id} ends with {head!r}"
    a2, _ = p.spans[k + 1]
    assert bundled_source[a2:].startswith(tail), f"span after the break starts {bundled_source[a2:a2+10]!r}"
    gap = bundled_source[p.spans[k][1] : a2]
    assert re.search(r"\n[ \t]*\n[ \t]*\n[ \t]*\n", gap), f"no page break (3+ blank lines) between the halves: {gap!r}"


def _blank_or_footnote(gap: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("<sup>") for line in gap.split("\n"))


def test_no_prose_paragraph_ends_mid_sentence_at_a_page_break(bundled_report, bundled_source):
    breaks = [m.start() for m in re.finditer(r"\n(?:[ \t\u3000]*\n){3,}", bundled_source)]
    assert len(breaks) >= 8, f"expected the OCR page breaks, found {len(breaks)}"
    ended = continued = 0
    for p in bundled_report.paragraphs:
        if not (p.section_path[:1] and p.section_path[0] in PROSE_TOP):
            continue
        for b in breaks:
            # the paragraph has a piece of text right before this page break (a footnote may sit between) ...
            if not any(e <= b and _blank_or_footnote(bundled_source[e:b]) for _, e in p.spans):
                continue
            if p.end > b:  # ... and goes on after it: rejoined
                continued += 1
            else:
                ended += 1
                assert p.text[-1] in TERMINAL, f"{p.id} ends mid-sentence at a page break: …{p.text[-20:]!r}"
    assert continued >= 4 and ended >= 2, f"page breaks seen in prose: {continued} rejoined, {ended} ended"


def test_footnote_is_kept_apart_and_linked_to_its_marker(bundled_report):
    assert len(bundled_report.footnotes) == 1, [f.text for f in bundled_report.footnotes]
    fn = bundled_report.footnotes[0]
    assert fn.marker == "①" and fn.text.startswith("邢元敏，薛进文"), fn
    owner = bundled_report.paragraph(fn.paragraph_id)
    assert "体制性因素差别造成。" in owner.text, f"footnote linked to the wrong paragraph: {owner.text[-40:]}"
    assert fn.id in owner.note_ids, owner.note_ids
    assert owner.section_path == ("前言", "一、科技合作很多，但协同能力不强"), owner.section_path
    for p in bundled_report.paragraphs:
        assert "邢元敏" not in p.text, f"footnote text leaked into {p.id}"
        assert "<sup>" not in p.text and "①</sup>" not in p.text, f"marker markup left in {p.id}"


def test_title_page_appears_once_and_the_ocr_variant_is_dropped(bundled_report):
    cover = [p for p in bundled_report.paragraphs if p.section_path == ("封面",)]
    texts = [p.text for p in cover]
    assert sum("总主编◎王成慧" in t for t in texts) == 1, texts
    assert sum("发展报告" in t for t in texts) == 1, texts
    assert sum("经济管理出版社" in t for t in texts) == 1, texts
    assert all("郭 艳" not in p.text and "郭艳" not in p.text for p in bundled_report.paragraphs), "2nd title page indexed"
    titles = [s.title for s in bundled_report.root.children]
    assert titles.count("封面") == 1, titles


def test_markup_and_debris_are_gone(bundled_report):
    for p in bundled_report.paragraphs:
        assert p.text.strip(), f"{p.id} is empty"
        assert not re.search(r"</?(b|sup|i)>|\*\*|^#|!\[", p.text, re.MULTILINE), f"markup left in {p.id}: {p.text[:60]!r}"
    for s in bundled_report.sections():
        assert not re.search(r"[#*<>\u3000]", s.title), f"heading not cleaned: {s.title!r}"


def test_spaced_digits_are_normalised(bundled_report):
    all_text = "\n".join(p.text for p in bundled_report.paragraphs)
    assert all_text.count("978-7-5096-4331-0") == 2, "ISBN (CIP line and 书号) should read 978-7-5096-4331-0"
    assert "978 - 7" not in all_text
    assert "F719.9" in all_text and "F719. 9" not in all_text
    assert "2016.4" in all_text and "2016. 4" not in all_text


@pytest.mark.parametrize(
    "raw,want",
    [
        ("# 前　言", "前言"),
        ("# 总 序", "总序"),
        ("# 目 录", "目录"),
        ("## 图书在版编目 (CIP) 数据", "图书在版编目(CIP)数据"),
        ("### **基金项目：**", "基金项目"),
        ("<b>第二节 电子商务</b>", "第二节 电子商务"),
        ("### 第一节 整体情况", "第一节 整体情况"),
    ],
)
def test_clean_heading(raw, want):
    assert clean_heading(raw) == want


def test_clean_inline_rules():
    assert clean_inline("ISBN 978 - 7 - 5096 - 4331 - 0") == "ISBN 978-7-5096-4331-0"
    assert clean_inline("IV. ①F719. 9") == "IV. ①F719.9"
    assert clean_inline("造成<sup>①</sup>。因此") == "造成。因此"
    assert clean_inline("网 址：[www.E-mp.com.cn](http://www.E-mp.com.cn)") == "网 址：www.E-mp.com.cn"
    assert clean_inline("![](images/p1.jpg)") == ""


def test_synthetic_source_image_lines_dropped_and_join_across_page_break():
    src = (
        "# 前言\n\n"
        "这是一个被分页打断的句子，它的前半部分在这里，后面还有\n\n\n\n"
        "![](images/page2.jpg)\n\n"
        "下一页的后半部分。\n\n"
        "<img src='x.png'>\n\n"
        "第二段话，完整结束。\n"
    )
    doc = parse_text(src, "syn")
    texts = [p.text for p in doc.paragraphs]
    assert texts == ["这是一个被分页打断的句子，它的前半部分在这里，后面还有下一页的后半部分。", "第二段话，完整结束。"], texts
    p = doc.paragraphs[0]
    assert [src[a:b] for a, b in p.spans] == ["这是一个被分页打断的句子，它的前半部分在这里，后面还有", "下一页的后半部分。"]


def test_no_join_without_page_break():
    src = "# 前言\n\n第一段没有结束标点，但是后面只有一个空行\n\n第二段是独立的一段。\n"
    doc = parse_text(src, "syn")
    assert len(doc.paragraphs) == 2, [p.text for p in doc.paragraphs]


def test_quotes_modulo_whitespace_helper():
    assert strip_ws("35 条 高速公路") == "35条高速公路"


_TEXT = st.text(alphabet="京津冀北京市增长到亿元。，；：、（）()0123456789.- \u3000ABCxyz%", max_size=80)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_clean_inline_only_changes_whitespace_on_markup_free_text(s):
    out = clean_inline(s)
    assert strip_ws(out) == strip_ws(s), (s, out)
    assert clean_inline(out) == out, "cleaning should be idempotent"


@settings(max_examples=200, deadline=None)
@given(st.lists(_TEXT, max_size=5))
def test_join_fragments_only_adds_whitespace(parts):
    from corpus.clean import join_fragments

    cleaned = [clean_inline(p) for p in parts]
    assert strip_ws(join_fragments(cleaned)) == strip_ws("".join(cleaned))


def test_long_opening_prose_is_not_taken_for_a_title_page():
    long = "这是一段很长的正文，" * 30 + "结束。"
    src = f"# 某报告\n\n{long}\n\n{long}\n\n# 参考文献\n\n文献一。\n"
    doc = parse_text(src, "syn")
    assert [s.title for s in doc.root.children] == ["某报告", "参考文献"], [s.title for s in doc.root.children]
    assert doc.paragraphs[0].section_path == ("某报告",)
