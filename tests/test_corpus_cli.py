"""`jjj corpus show` / `jjj corpus tables` through the corpus CLI's register()."""

from __future__ import annotations

import argparse
import json

import pytest

from corpus import ReportLoadError, cli
from corpus.tables import COLUMNS, read_csv


def _run(argv):
    parser = argparse.ArgumentParser(prog="jjj")
    sub = parser.add_subparsers(dest="command", required=True)
    cli.register(sub)
    args = parser.parse_args(argv)
    return args.func(args)


def test_show_json_has_tree_counts_pages_and_table_sizes(capsys, bundled_report):
    assert _run(["corpus", "show", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["paragraphs"] == len(bundled_report.paragraphs)
    assert data["tables"]["indicators"] == len(bundled_report.tables["indicators"]) >= 25
    ch1 = next(s for s in data["sections"] if s["title"].startswith("第一章"))
    assert ch1["page"] == 1 and ch1["children"][0]["page"] == 1, ch1
    preface = next(s for s in data["sections"] if s["title"] == "前言")
    assert len(preface["children"]) == 4 and preface["paragraphs"] == 5, preface  # intro, 综上所述, 本书…, 编者, date


def test_show_text(capsys):
    assert _run(["corpus", "show"]) == 0
    out = capsys.readouterr().out
    assert "第一节 整体情况  [1 ¶, p.1]" in out, out
    assert "tables: toc 77" in out, out


def test_tables_writes_the_four_csvs_with_provenance(tmp_path, capsys, bundled_report):
    assert _run(["corpus", "tables", "--out", str(tmp_path)]) == 0
    for table, cols in COLUMNS.items():
        rows = read_csv(tmp_path / f"{table}.csv")
        assert len(rows) == len(bundled_report.tables[table]), table
        for c in cols:
            assert c in rows[0], f"{table}.csv lacks column {c}"
        assert rows[0]["paragraph_id"] and rows[0]["quote"], rows[0]


def test_bad_source_raises_report_load_error(tmp_path):
    with pytest.raises(ReportLoadError, match="not found"):
        _run(["corpus", "show", "--source", str(tmp_path / "nope.md")])
