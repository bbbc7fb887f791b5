"""Section tree, paragraphs and offsets of the bundled report."""

from __future__ import annotations

import re

from corpus.clean import strip_ws

FRONT = ["封面", "图书在版编目(CIP)数据", "基金项目", "编委会", "总序", "前言", "目录"]
PREFACE_PARTS = [
    "一、科技合作很多，但协同能力不强",
    "二、产业梯度明显，但链接融合不够",
    "三、交通体系初具，连接整合不足",
    "四、公共服务水平提升、公共资源配置不均",
]
CH1 = "第一章 京津冀信息服务业发展现状"


def _markup_free(s: str) -> str:
    """Source text with only markup and whitespace removed (the cleaning rules' allowance)."""
    s = re.sub(r"<sup>\s*[①-⑳]\s*</sup>", "", s)
    s = re.sub(r"</?(?:b|i|sup|sub|u|em|strong)>", "", s)
    s = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", s)
    s = re.sub(r"^\s*#+", "", s, flags=re.MULTILINE).replace("**", "")
    s = re.sub(r"\.{3,}", "", s)
    return strip_ws(s)


def test_top_level_sections_follow_the_book(bundled_report):
    titles = [s.title for s in bundled_report.root.children]
    assert titles == FRONT + [CH1], f"top-level sections: {titles}"


def test_preface_has_its_four_parts_as_children(bundled_report):
    preface = next(s for s in bundled_report.root.children if s.title == "前言")
    got = [c.title for c in preface.children]
    assert got == PREFACE_PARTS, f"前言 children: {got}"
    for c in preface.children:
        assert c.path == ("前言", c.title) and c.level == 2, f"{c.title}: path {c.path} level {c.level}"


def test_chapter_one_and_its_first_section_get_toc_pages(bundled_report):
    ch1 = next(s for s in bundled_report.root.children if s.title == CH1)
    assert ch1.page == 1, f"第一章 page {ch1.page}"
    assert [c.title for c in ch1.children] == ["第一节 整体情况"], [c.title for c in ch1.children]
    assert ch1.children[0].page == 1 and ch1.children[0].path == (CH1, "第一节 整体情况")


def test_front_matter_has_no_page(bundled_report):
    for s in bundled_report.sections():
        if s.path and s.path[0] in FRONT:
            assert s.page is None, f"{s.path} got page {s.page} but the source gives none"
    for p in bundled_report.paragraphs:
        sec_page = {s.path: s.page for s in bundled_report.sections()}[p.section_path]
        assert p.page == sec_page, f"{p.id}: page {p.page} != section page {sec_page}"


def test_paragraph_ids_are_unique_and_section_lists_match(bundled_report):
    ids = [p.id for p in bundled_report.paragraphs]
    assert len(ids) == len(set(ids)), "duplicate paragraph ids"
    listed = [pid for s in bundled_report.sections() for pid in s.paragraph_ids]
    assert sorted(listed) == sorted(ids), "sections' paragraph_ids do not cover the paragraphs exactly once"


def test_paragraph_ids_are_stable_across_loads(bundled_report):
    from corpus import load_bundled

    again = load_bundled()
    assert [(p.id, p.text) for p in again.paragraphs] == [(p.id, p.text) for p in bundled_report.paragraphs]


def test_every_paragraph_maps_back_to_its_source_spans(bundled_report, bundled_source):
    for p in bundled_report.paragraphs:
        assert p.spans and p.start == p.spans[0][0] and p.end == p.spans[-1][1], f"{p.id}: bounds vs spans"
        assert all(a < b for a, b in p.spans), f"{p.id}: empty span"
        assert all(p.spans[k][1] <= p.spans[k + 1][0] for k in range(len(p.spans) - 1)), f"{p.id}: spans overlap"
        raw = "".join(bundled_source[a:b] for a, b in p.spans)
        assert _markup_free(raw) == _markup_free(p.text), (
            f"{p.id}: text differs from its source spans beyond the cleaning rules\n"
            f"source: {raw[:120]!r}\ntext:   {p.text[:120]!r}"
        )


def test_clean_fragments_reproduce_paragraph_text_exactly(bundled_report, bundled_source):
    from corpus.clean import clean_inline, join_fragments
    from corpus.toc import clean_toc_line, render_entry

    for p in bundled_report.paragraphs:
        if p.section_path == ("目录",):
            want = "\n".join(render_entry(*clean_toc_line(bundled_source[a:b])) for a, b in p.spans)
        else:
            want = join_fragments([clean_inline(bundled_source[a:b]) for a, b in p.spans])
        assert p.text == want, f"{p.id}: {p.text[:60]!r} != {want[:60]!r}"


def test_preface_summary_belongs_to_the_preface_not_part_four(bundled_report):
    p = next(p for p in bundled_report.paragraphs if p.text.startswith("综上所述"))
    assert p.section_path == ("前言",), p.section_path
