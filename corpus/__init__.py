"""Sources -> structured reports with provenance (sections, paragraphs, tables, offsets)."""

from .errors import JJJError, ReportLoadError
from .loaders import bundled_report_path, load_bundled, load_report, read_source_text
from .model import PATH_SEP, Footnote, Paragraph, Report, Section, TableRow

__all__ = [
    "PATH_SEP",
    "Footnote",
    "JJJError",
    "Paragraph",
    "Report",
    "ReportLoadError",
    "Section",
    "TableRow",
    "bundled_report_path",
    "load_bundled",
    "load_report",
    "read_source_text",
]
