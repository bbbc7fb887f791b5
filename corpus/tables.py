"""Structured tables extracted from a report, each row with its provenance, and
their CSV form.

Tables: ``toc``, ``publication``, ``funding``, ``indicators``. Every row keeps
the paragraph that proves it, a verbatim quote from that paragraph, its section
path and page.
"""

from __future__ import annotations

import csv
from pathlib import Path

from .clean import strip_ws
from .model import Paragraph, Report, TableRow
from .toc import parse_entries

COLUMNS: dict[str, tuple[str, ...]] = {
    "toc": ("chapter", "section", "subsection", "title", "page"),
    "publication": ("field", "label", "value", "note"),
    "funding": ("programme", "project_title", "number"),
    "indicators": ("region", "year", "indicator", "value", "unit"),
}
PROVENANCE_COLUMNS = ("paragraph_id", "section", "page", "quote")
TOC_SECTION = "目录"


def row_for(table: str, fields: dict, p: Paragraph, quote: str) -> TableRow:
    cols = COLUMNS[table]
    missing = set(cols) - set(fields)
    if missing:
        raise ValueError(f"{table} row lacks {sorted(missing)}")
    if strip_ws(quote) not in strip_ws(p.text):
        raise ValueError(f"{table} quote not in paragraph {p.id}: {quote!r}")
    ordered = {c: ("" if fields[c] is None else str(fields[c])) for c in cols}
    return TableRow(table, ordered, p.id, quote, p.section_path, p.page)


def toc_rows(report: Report) -> list[TableRow]:
    paras = [p for p in report.paragraphs if p.section_path and strip_ws(p.section_path[-1]) == TOC_SECTION]
    lines: list[tuple[Paragraph, str]] = [(p, line) for p in paras for line in p.text.split("\n") if line.strip()]
    entries = parse_entries([line for _, line in lines])
    if len(entries) != len(lines):  # every rendered line is one entry
        raise ValueError("TOC lines and entries disagree")
    rows = []
    for (p, line), e in zip(lines, entries):
        fields = {"chapter": e.chapter, "section": e.section, "subsection": e.subsection, "title": e.title,
                  "page": e.page}
        rows.append(row_for("toc", fields, p, line))
    return rows


def build_tables(report: Report, toc_entries=None) -> dict[str, list[TableRow]]:
    from .indicators import indicator_rows
    from .publication import funding_rows, publication_rows

    return {
        "toc": toc_rows(report),
        "publication": publication_rows(report),
        "funding": funding_rows(report),
        "indicators": indicator_rows(report),
    }


def csv_provenance_columns(table: str) -> tuple[str, ...]:
    """Provenance column names; ``source_`` prefixed where a table field has the same name
    (the toc table has its own ``section`` and ``page``)."""
    return tuple(f"source_{c}" if c in COLUMNS[table] else c for c in PROVENANCE_COLUMNS)


def write_csvs(report: Report, out_dir: str | Path) -> dict[str, Path]:
    """Write one CSV per table; returns table -> path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for table, cols in COLUMNS.items():
        path = out / f"{table}.csv"
        with path.open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(cols + csv_provenance_columns(table))
            for r in report.tables.get(table, []):
                page = "" if r.page is None else r.page
                w.writerow([r.fields[c] for c in cols] + [r.paragraph_id, r.section, page, r.quote])
        paths[table] = path
    return paths


def read_csv(path: str | Path) -> list[dict[str, str]]:
    with Path(path).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))
