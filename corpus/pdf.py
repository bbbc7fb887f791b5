"""PDF reports: text from pypdf, page numbers from the PDF itself.

The *extracted text* is the pages' text joined with a page-break gap (three
blank lines, the same mark the OCR'd Markdown uses), so a sentence running over
a page boundary is rejoined by the same rule. Paragraph offsets refer to that
text (:func:`extract_pdf_text`); a paragraph's page is the PDF page (1-based)
it starts on, a section's page the page its heading is on.
"""

from __future__ import annotations

import io
import logging
from bisect import bisect_right
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from .errors import ReportLoadError
from .model import Report

PAGE_JOIN = "\n\n\n\n"


@contextmanager
def _quiet_pypdf():
    """pypdf logs warnings about broken files; the user gets one clear error instead."""
    log = logging.getLogger("pypdf")
    old = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(old)


def _reader(data: bytes, path: Path):
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except Exception as e:  # pypdf raises several types for broken files
        raise ReportLoadError(f"cannot read PDF {path}: {e}", hint="The file may be truncated or not a PDF.") from e
    if reader.is_encrypted:
        try:
            ok = reader.decrypt("")
        except Exception:  # noqa: BLE001 - any failure to decrypt means we cannot read it
            ok = 0
        if not ok:
            raise ReportLoadError(f"PDF is encrypted (password protected): {path}")
    return reader


def extract_pdf_text(data: bytes, path: Path) -> tuple[str, list[int]]:
    """(text, start offset of each page in it)."""
    with _quiet_pypdf():
        reader = _reader(data, path)
        try:
            pages = [(pg.extract_text() or "") for pg in reader.pages]
        except Exception as e:
            raise ReportLoadError(f"cannot extract text from PDF {path}: {e}", hint="The file may be truncated or damaged.") from e
    if not pages:
        raise ReportLoadError(f"PDF has no pages: {path}")
    parts, starts, pos = [], [], 0
    for i, t in enumerate(pages):
        t = t.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
        if i:
            parts.append(PAGE_JOIN)
            pos += len(PAGE_JOIN)
        starts.append(pos)
        parts.append(t)
        pos += len(t)
    text = "".join(parts)
    if not text.strip():
        raise ReportLoadError(
            f"PDF has no extractable text: {path}", hint="It may be a scanned image; OCR it to Markdown or text first."
        )
    return text, starts


def load_pdf(path: Path, data: bytes, sha: str) -> Report:
    from .loaders import report_from_doc
    from .parse_md import parse_text

    text, starts = extract_pdf_text(data, path)

    def page_of(offset: int) -> int:
        return bisect_right(starts, offset)  # 1-based

    doc = parse_text(text, path.stem, plain=True)
    if not doc.paragraphs:
        raise ReportLoadError(f"PDF has no readable paragraphs: {path}")
    first_para = {}
    for p in doc.paragraphs:
        first_para.setdefault(p.section_path, p.start)
    for sec in doc.root.walk():
        off = doc.heading_offsets.get(sec.id)
        if off is None and sec.path:  # a section without a heading line (title page): its first paragraph
            off = first_para.get(sec.path)
        sec.page = page_of(off) if off is not None else None
    paragraphs = [replace(p, page=page_of(p.start)) for p in doc.paragraphs]
    return report_from_doc(doc, path, sha, paragraphs)
