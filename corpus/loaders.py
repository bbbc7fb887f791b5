"""Load a report file (.md/.markdown/.txt/.pdf) into a :class:`Report`.

Every failure a user can cause -- missing file, a directory, empty or binary
content, an undecodable text encoding, an unreadable PDF -- raises
:class:`ReportLoadError` naming the file. Loading never touches an index, so a
bad file cannot damage what is already indexed.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .errors import ReportLoadError
from .model import Report

TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".text"}
PDF_SUFFIXES = {".pdf"}
BUNDLED_NAME = "jjj-info-service-report-2015.md"


def bundled_report_path() -> Path:
    """The report shipped with the package."""
    return Path(__file__).resolve().parent / "data" / BUNDLED_NAME


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise ReportLoadError(f"report file not found: {path}")
    if path.is_dir():
        raise ReportLoadError(f"report path is a directory, not a file: {path}")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ReportLoadError(f"cannot read report file {path}: {e.strerror or e}") from e
    if not data.strip():
        raise ReportLoadError(f"report file is empty: {path}")
    return data


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    ctrl = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return ctrl / max(1, len(sample)) > 0.05


def _cjk_ratio(text: str) -> float:
    sample = [c for c in text[:20000] if not c.isspace()]
    if not sample:
        return 0.0
    cjk = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef")
    return cjk / len(sample)


def decode_text(data: bytes, path: Path) -> str:
    """utf-8 (with or without BOM); GB18030 only when it decodes cleanly to CJK text."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ReportLoadError(f"report file is UTF-16 encoded: {path}", hint="Re-save the file as UTF-8.")
    if _looks_binary(data):
        raise ReportLoadError(f"report file looks binary, not text: {path}", hint="Use a .md, .txt or .pdf file.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            text = None
        if text is None or _cjk_ratio(text) < 0.3:
            raise ReportLoadError(
                f"report file is not valid UTF-8 text: {path}", hint="Re-save the file as UTF-8."
            ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReportLoadError(f"report file is empty: {path}")
    return text


def _report_from_text(text: str, path: Path, sha: str) -> Report:
    from .parse_md import parse_text

    doc = parse_text(text, path.stem)
    if not doc.paragraphs:
        raise ReportLoadError(f"report file has no readable paragraphs: {path}")
    return report_from_doc(doc, path, sha, doc.paragraphs, doc.toc)


def report_from_doc(doc, path: Path, sha: str, paragraphs, toc=None) -> Report:
    """A ``Report`` (with its tables) from a parsed document; shared by the text and PDF loaders."""
    from .tables import build_tables

    report = Report(
        source_id=path.stem,
        source_path=str(path),
        source_sha256=sha,
        title=doc.title,
        root=doc.root,
        paragraphs=paragraphs,
        footnotes=doc.footnotes,
    )
    report.tables = build_tables(report, toc)
    return report


def read_source_text(path: str | Path) -> str:
    """The exact text a loaded report's offsets refer to (for a PDF: its extracted text)."""
    p = Path(path).expanduser()
    data = _read_bytes(p)
    if p.suffix.lower() in PDF_SUFFIXES:
        from .pdf import extract_pdf_text

        return extract_pdf_text(data, p)[0]
    return decode_text(data, p)


def load_report(path: str | Path) -> Report:
    """Parse a report file. Offsets are into the decoded text (``read_source_text``)."""
    p = Path(path).expanduser()
    suffix = p.suffix.lower()
    data = _read_bytes(p)
    if suffix not in TEXT_SUFFIXES | PDF_SUFFIXES:
        raise ReportLoadError(
            f"unsupported report file type '{suffix or '(none)'}': {p}", hint="Use a .md, .markdown, .txt or .pdf file."
        )
    sha = hashlib.sha256(data).hexdigest()
    if suffix in PDF_SUFFIXES:
        from .pdf import load_pdf

        return load_pdf(p, data, sha)
    return _report_from_text(decode_text(data, p), p, sha)


def load_bundled() -> Report:
    return load_report(bundled_report_path())
