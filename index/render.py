"""What each leg indexes for a chunk (never shown to users: chunks keep the report's text).

* ``dense_text``: the section title and the text; table rows also carry their
  column names and the verbatim quote, and glossary English names of the terms
  they contain, so that an English question meets a Chinese row half-way.
* ``keyword_text``: the text, the section title, and for table rows their column
  names and quote (BM25 terms; English queries are expanded on the query side).
"""

from __future__ import annotations

from .glossary import Glossary
from .model import Chunk


def _squash(s: str) -> str:
    return "".join(ch for ch in s if ch.isalnum())


def _title(chunk: Chunk) -> str:
    return chunk.section_path[-1] if chunk.section_path else ""


def _is_toc(chunk: Chunk) -> bool:
    return chunk.kind == "table_row" and chunk.meta.get("table") == "toc"


def dense_text(chunk: Chunk, glossary: Glossary | None = None, with_title: bool = True, english: bool = True,
               with_quote: bool = True) -> str:
    if _is_toc(chunk):
        # short on purpose: 77 rows; the heading and its page are all a TOC row says
        title = str(chunk.meta.get("title") or chunk.text)
        parts = [f"目录：{title} 第{chunk.meta.get('page', '')}页"]
        if glossary is not None and english:
            names = [en for _, en in glossary.find_zh(title)]
            if names:
                parts.append(" ".join(names))
        return "\n".join(parts)
    parts = []
    if with_title and _title(chunk):
        parts.append(_title(chunk))
    parts.append(chunk.text)
    if chunk.kind != "paragraph":
        quote = str(chunk.meta.get("row_quote") or chunk.quote)  # the row's own span, not its whole sentence
        if with_quote and quote and _squash(quote) not in _squash(chunk.text):
            parts.append(quote)
        if glossary is not None and english:
            names = [en for _, en in glossary.find_zh(chunk.text)]
            if names:
                parts.append(" | ".join(names))
    return "\n".join(parts)


_SKIP_META = {"table", "row_quote", "tokens", "merged"}


def _meta_words(chunk: Chunk) -> list[str]:
    """Column names and values not already in the text (e.g. publication field ids
    such as "acquisitions_editor" -> "acquisitions editor")."""
    out = []
    for k, v in chunk.meta.items():
        if k in _SKIP_META:
            continue
        for w in (str(k), str(v)):
            w = w.replace("_", " ").strip()
            if w and w not in chunk.text and w not in out:
                out.append(w)
    return out


def keyword_text(chunk: Chunk) -> str:
    parts = [chunk.text]
    if _title(chunk):
        parts.append(_title(chunk))
    if chunk.kind != "paragraph":
        parts.extend(_meta_words(chunk))
        if chunk.quote and chunk.quote != chunk.text:
            parts.append(chunk.quote)
    return "\n".join(parts)
