"""Retrievable units and retrieval hits.

A ``Chunk`` is what gets embedded, keyword-indexed and cited. It carries its
provenance end to end so that a citation can be built from it alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, Sequence

CHUNK_KINDS = ("paragraph", "table_row", "record")


@dataclass(frozen=True)
class Chunk:
    id: str  # content hash (sha1 of source id + kind + section + text), stable across builds
    text: str  # what is shown/quoted (verbatim report text for paragraphs; rendered row for tables)
    kind: str  # one of CHUNK_KINDS
    section_path: tuple[str, ...]
    page: int | None
    source: str  # source id (report file stem)
    start: int  # offsets into the source file (outer bounds)
    end: int
    paragraph_ids: tuple[str, ...] = ()  # paragraphs this chunk came from (table rows: the proving paragraph)
    quote: str = ""  # for table rows: the verbatim quote from the paragraph; for paragraphs == text
    order: int = 0  # position in reading order (neighbour expansion)
    meta: dict = field(default_factory=dict, compare=False, hash=False)  # e.g. table fields

    @property
    def section(self) -> str:
        return " > ".join(self.section_path)


@dataclass
class Hit:
    chunk: Chunk
    score: float
    rank: int = 0
    legs: dict = field(default_factory=dict)  # leg name -> (rank, score)


class Retriever(Protocol):
    """One call signature for every leg (dense, keyword, fused, baselines)."""

    name: str

    def retrieve(self, query: str, k: int = 5) -> list[Hit]: ...


def dedupe(hits: Sequence[Hit]) -> list[Hit]:
    seen: set[str] = set()
    out = []
    for h in hits:
        if h.chunk.id in seen:
            continue
        seen.add(h.chunk.id)
        out.append(h)
    for i, h in enumerate(out, 1):
        h.rank = i
    return out
