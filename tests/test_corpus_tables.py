"""Structured tables: provenance, the facts the report states, the committed CSVs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus.clean import strip_ws
from corpus.parse_md import parse_text

TABLES_DIR = Path(__file__).resolve().parents[1] / "corpus" / "tables"


def _facts(report):
    return [r.fields for r in report.tables["indicators"]]


def test_every_table_row_is_proven_by_its_paragraph(bundled_report):
    n = 0
    for table, rows in bundled_report.tables.items():
        assert rows, f"table {table} is empty"
        for r in rows:
            p = bundled_report.paragraph(r.paragraph_id)
            assert r.quote.strip(), f"{table} row without quote: {r.fields}"
            assert strip_ws(r.quote) in strip_ws(p.text), f"{table} quote not in {p.id}: {r.quote!r}"
            assert r.section_path == p.section_path and r.page == p.page, f"{table} row provenance != paragraph {p.id}"
            n += 1
    assert n > 100, n


def test_at_least_25_indicator_facts_with_units(bundled_report):
    facts = _facts(bundled_report)
    good = [f for f in facts if f["unit"] and re.fullmatch(r"\d+(\.\d+)?(余|多)?", f["value"]) and f["indicator"]]
    assert len(good) >= 25, f"only {len(good)} indicator facts with units: {facts}"
    assert len(good) == len(facts), [f for f in facts if f not in good]
    for f in facts:
        assert not re.search(r"[，。；、]|^的|的$", f["indicator"]), f"indicator is not a clean noun phrase: {f}"


EXPECTED = [
    # region, year, indicator (exact, or a tuple of required parts), value, unit
    ("北京市", "2013", "R&D投入强度", "6.08", "%"),
    ("天津市", "2013", "R&D投入强度", "3.0", "%"),
    ("河北省", "2013", "R&D投入强度", "1.12", "%"),
    ("北京市", "2012", "人均公共教育支出", "3038", "元"),
    ("天津市", "2012", "人均公共教育支出", "2680", "元"),
    ("河北省", "2012", "人均公共教育支出", "1188", "元"),
    ("中关村软件园", "2013年底", ("企业总部", "研发中心"), "277", "家"),
    ("中关村软件园", "2013年底", "总产值", "1213", "亿元"),
    ("北京市", "2000", "软件和信息服务业增加值", "164.4", "亿元"),
    ("北京市", "2013", "软件和信息服务业增加值", "1749.6", "亿元"),
    ("北京市", "2000", "软件和信息服务业增加值占全市GDP的比重", "5.2", "%"),
    ("北京市", "2013", "软件和信息服务业增加值占全市GDP的比重", "9", "%"),
    ("北京市", "2000", "软件和信息服务业增加值占第三产业增加值的比重", "8.0", "%"),
    ("北京市", "2013", "软件和信息服务业增加值占第三产业增加值的比重", "11.7", "%"),
    ("北京市", "2000~2013", ("年均复合增速",), "20", "%"),
    ("北京市", "", "地铁运营里程", "465", "公里"),
    ("京津冀", "", "高速公路", "35", "条"),
    ("京津冀", "", "沿海港口货物通过能力", "7.5", "亿吨"),
    ("京津冀", "", ("沿海港口货物通过能力", "占全国"), "16", "%"),
    ("京津冀", "", "长途客运班线", "900余", "条"),
    ("北京市", "2013", "第三产业比重", "76.9", "%"),
    ("天津市", "2013", "第二产业比重", "50.6", "%"),
    ("中关村", "", ("企业",), "400多", "家"),
    ("河北省", "", ("分支机构",), "1000多", "家"),
    ("天津市", "", ("合作项目",), "170余", "个"),
    ("河北省", "", ("合作项目",), "160余", "个"),
]


@pytest.mark.parametrize("region,year,indicator,value,unit", EXPECTED)
def test_indicator_fact(bundled_report, region, year, indicator, value, unit):
    facts = _facts(bundled_report)
    same = [f for f in facts if f["value"] == value and f["unit"] == unit]
    assert same, f"no fact {value}{unit}; have {[(f['value'], f['unit']) for f in facts]}"
    parts = (indicator,) if isinstance(indicator, str) else indicator
    ok = [
        f for f in same
        if f["region"] == region and f["year"] == year
        and (f["indicator"] == indicator if isinstance(indicator, str) else all(x in f["indicator"] for x in parts))
    ]
    assert ok, f"{value}{unit}: want {region}/{year or '-'}/{indicator}, got {same}"


def test_toc_table_matches_the_source_toc(bundled_report, bundled_source):
    block = bundled_source[bundled_source.index("# 目 录") : bundled_source.index("# 第一章")]
    lines = [ln for ln in block.split("\n")[1:] if ln.strip()]
    rows = [r.fields for r in bundled_report.tables["toc"]]
    assert len(rows) == len(lines) == 77, f"{len(rows)} toc rows for {len(lines)} TOC lines"
    want = {
        ("第一章 京津冀信息服务业发展现状", "", "", "第一章 京津冀信息服务业发展现状", "1"),
        ("第一章 京津冀信息服务业发展现状", "第一节 整体情况", "一、北京市", "一、北京市", "2"),
        ("第二章 京津冀信息服务业优势领域", "第二节 电子商务", "", "第二节 电子商务", "57"),
        ("第三章 京津冀信息服务业重点项目", "第三节 河北高新技术开发区", "十、涿州新兴产业示范区", "十、涿州新兴产业示范区", "123"),
        ("第四章 京津冀信息服务业扶持政策", "第四节 河北省政策", "二、河北省发改委", "二、河北省发改委", "146"),
        ("附录", "", "", "附录", "148"),
        ("参考文献", "", "", "参考文献", "161"),
    }
    have = {(r["chapter"], r["section"], r["subsection"], r["title"], r["page"]) for r in rows}
    assert want <= have, f"missing toc rows: {want - have}"
    pages = [int(r["page"]) for r in rows]
    assert pages == sorted(pages), "TOC pages should never decrease"


def test_publication_record(bundled_report):
    pub = {r.fields["field"]: r.fields["value"] for r in bundled_report.tables["publication"]}
    want = {
        "title": "京津冀信息服务业发展报告(2015)",
        "subtitle": "协同发展与产业升级",
        "authors": "郭斌、陈倩",
        "publisher": "经济管理出版社",
        "publisher_postcode": "100038",  # the publisher's own, at the end of its address line
        "postcode": "100836",  # the reader service's
        "isbn": "978-7-5096-4331-0",
        "cip_number": "(2016)第069760号",
        "classification": "F719.9",
        "edition": "2016年5月第1版",
        "printing": "2016年5月第1次印刷",
        "format": "720mm×1000mm/16",
        "sheets": "11.75",
        "word_count": "196千字",
        "price": "58.00元",
        "acquisitions_editor": "王光艳",
        "responsible_editor": "许兵",
        "production_supervisor": "司东翔",
        "proofreader": "赵天宇",
        "series": "京津冀信息服务业协同发展研究丛书",
        "series_editor": "王成慧",
        "editorial_board": "陈倩、郭斌、李凡、刘林艳、欧海鹰、王成慧",
    }
    wrong = {k: (v, pub.get(k)) for k, v in want.items() if pub.get(k) != v}
    assert not wrong, f"publication fields (want, got): {wrong}"
    fields = [r.fields["field"] for r in bundled_report.tables["publication"]]
    assert len(fields) == len(set(fields)), "one row per field"
    # the reader-service contacts say what they are for; the publisher's own do not
    notes = {r.fields["field"]: r.fields["note"] for r in bundled_report.tables["publication"]}
    assert "印装错误" in notes["service_phone"] and "印装错误" in notes["contact_address"], notes
    assert notes["phone"] == "" and notes["publisher"] == "", notes
    # a preface is signed at its end: the name line and the date line
    assert pub["signed_by:总序"] == "王成慧" and pub["signed_on:总序"] == "2016年3月15日", pub
    assert pub["signed_by:前言"] == "编者" and pub["signed_on:前言"] == "2016年3月18日", pub


def test_funding_projects(bundled_report):
    rows = [r.fields for r in bundled_report.tables["funding"]]
    got = [(r["programme"], r["number"]) for r in rows]
    assert got == [
        ("北京市教委市属高校创新能力提升计划项目", "TJSHS201510031008"),
        ("北京市自然科学基金项目", "9154027"),
        ("北京市人文哲学社科基金项目", "14JGC088"),
        ("北京市人文哲学社科基金项目", "14JGC089"),
    ], got
    assert rows[3]["project_title"] == "TPP框架下中关村高新科技企业技术创新的国际共生路径研究"


def test_committed_csvs_are_up_to_date(bundled_report, tmp_path):
    from corpus.tables import write_csvs

    write_csvs(bundled_report, tmp_path)
    for name in ("toc", "publication", "funding", "indicators"):
        committed = TABLES_DIR / f"{name}.csv"
        assert committed.exists(), f"{committed} missing; run `jjj corpus tables`"
        assert committed.read_text(encoding="utf-8") == (tmp_path / f"{name}.csv").read_text(encoding="utf-8"), (
            f"{committed} is stale; run `jjj corpus tables`"
        )


def test_overrides_each_carry_a_quote_found_in_the_report(bundled_report):
    from corpus.indicators import load_overrides

    rows = load_overrides()
    assert len(rows) <= 10, "overrides are for a few corrections, not a hard-coded table"
    text = strip_ws("".join(p.text for p in bundled_report.paragraphs))
    for o in rows:
        assert o["quote"] and strip_ws(o["quote"]) in text, f"override quote not in the report: {o}"


def test_indicator_patterns_work_on_another_report():
    """A second, made-up report gets the same treatment (no per-report code)."""
    from corpus.indicators import extract_facts
    from corpus.model import Report

    src = (
        "# 前言\n\n"
        "2014年上海市、江苏省、浙江省三地人均地区生产总值分别为9.7万元、8.2万元、7.3万元，差距明显。"
        "2005~2014年，广州市软件业收入从120.5亿元增长到980亿元，年均复合增速26%。"
        "目前，深圳市已有1200多家软件企业，并建成 12 条地铁线路。\n"
    )
    doc = parse_text(src, "other")
    report = Report("other", "other.md", "", doc.title, doc.root, doc.paragraphs)
    got = {(f.region, f.year, f.indicator, f.value, f.unit) for _, f in extract_facts(report)}
    want = {
        ("上海市", "2014", "人均地区生产总值", "9.7", "万元"),
        ("浙江省", "2014", "人均地区生产总值", "7.3", "万元"),
        ("广州市", "2005", "软件业收入", "120.5", "亿元"),
        ("广州市", "2014", "软件业收入", "980", "亿元"),
        ("广州市", "2005~2014", "软件业收入年均复合增速", "26", "%"),
        ("深圳市", "", "软件企业", "1200多", "家"),
        ("深圳市", "", "地铁线路", "12", "条"),
    }
    assert want <= got, f"missing: {want - got}\ngot: {got}"


def test_each_override_changes_an_extracted_fact(bundled_report):
    from corpus.indicators import _apply_overrides, extract_facts, load_overrides

    base = extract_facts(bundled_report)
    for o in load_overrides():
        after = _apply_overrides(base, bundled_report.paragraphs, [o], bundled_report.source_id)
        changed = [f for (_, f), (_, g) in zip(base, after) if f != g] or len(after) != len(base)
        assert changed, f"override has no effect (stale?): {o}"


def test_overrides_are_scoped_to_their_report(bundled_report):
    from corpus.indicators import _apply_overrides, extract_facts, load_overrides

    base = extract_facts(bundled_report)
    assert _apply_overrides(base, bundled_report.paragraphs, load_overrides(), "another-report") == base
