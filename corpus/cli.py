"""`jjj corpus show` and `jjj corpus tables`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .loaders import bundled_report_path, load_report
from .model import Report, Section

TABLES_DIR = Path(__file__).resolve().parent / "tables"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("corpus", help="inspect the report: sections, paragraphs, tables")
    csub = p.add_subparsers(dest="corpus_command", required=True)

    show = csub.add_parser("show", help="print the section tree with paragraph counts, pages and table sizes")
    show.add_argument("--source", type=Path, default=None, help="report file (.md/.txt/.pdf); default: the bundled report")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.set_defaults(func=cmd_show)

    tables = csub.add_parser("tables", help="write the structured tables as CSV")
    tables.add_argument("--source", type=Path, default=None, help="report file; default: the bundled report")
    tables.add_argument("--out", type=Path, default=None,
                        help="output folder; default: corpus/tables (corpus/tables/<name> for another source)")
    tables.set_defaults(func=cmd_tables)


def _load(source: Path | None) -> Report:
    return load_report(source or bundled_report_path())


def _section_dict(s: Section) -> dict:
    return {
        "id": s.id,
        "title": s.title,
        "page": s.page,
        "paragraphs": len(s.paragraph_ids),
        "children": [_section_dict(c) for c in s.children],
    }


def summary(report: Report) -> dict:
    return {
        "title": report.title,
        "source": report.source_path,
        "sha256": report.source_sha256,
        "paragraphs": len(report.paragraphs),
        "footnotes": len(report.footnotes),
        "tables": {k: len(v) for k, v in report.tables.items()},
        "sections": [_section_dict(c) for c in report.root.children],
        "root_paragraphs": len(report.root.paragraph_ids),
    }


def cmd_show(args) -> int:
    report = _load(args.source)
    if args.json:
        print(json.dumps(summary(report), ensure_ascii=False, indent=2))
        return 0
    print(f"{report.title}")
    print(f"source: {report.source_path}")
    print(f"paragraphs: {len(report.paragraphs)}  footnotes: {len(report.footnotes)}")
    if report.root.paragraph_ids:
        print(f"(no section): {len(report.root.paragraph_ids)} paragraphs")
    for s in report.sections():
        if s is report.root:
            continue
        page = f"p.{s.page}" if s.page is not None else "-"
        print(f"{'  ' * s.level}{s.title}  [{len(s.paragraph_ids)} ¶, {page}]")
    print("tables: " + ", ".join(f"{k} {len(v)}" for k, v in report.tables.items()))
    return 0


def cmd_tables(args) -> int:
    from .tables import write_csvs

    report = _load(args.source)
    out = args.out
    if out is None:
        bundled = args.source is None or Path(args.source).resolve() == bundled_report_path()
        out = TABLES_DIR if bundled else TABLES_DIR / report.source_id
    paths = write_csvs(report, out)
    for table, path in paths.items():
        print(f"{table}: {len(report.tables.get(table, []))} rows -> {path}")
    return 0
