"""Retrievers: dense (Chroma or any vector search), keyword (BM25), hybrid (weighted
reciprocal rank fusion + neighbour merging). All follow ``index.model.Retriever``:
``retrieve(query, k) -> list[Hit]`` and a ``name``.

Hybrid fusion: score(c) = sum over legs of weight_leg / (rrf_k + rank_leg(c)),
over each leg's top ``candidates``. Then *neighbour merging*: when two chunks
that are adjacent in reading order within one section both make the fused top k,
the answer may straddle them, so they are returned as one hit (the texts joined
without their overlap; the merged chunk records both ids in ``meta["merged"]``).
That also frees a rank for other evidence.
"""

from __future__ import annotations

import hashlib
import time
from typing import Callable, Sequence

import numpy as np

from .glossary import Glossary
from .intent import page_intent
from .model import Chunk, Hit, dedupe
from .settings import FusionSettings
from .text import detect_language, normalize

VectorSearch = Callable[[np.ndarray, int], list[tuple[str, float]]]  # (query vector, n) -> [(chunk id, similarity)]


def numpy_search(ids: Sequence[str], vectors: np.ndarray) -> VectorSearch:
    """Exact cosine search over normalised vectors held in memory."""
    ids = list(ids)

    def search(q: np.ndarray, n: int) -> list[tuple[str, float]]:
        s = vectors @ q
        n = min(n, len(ids))
        idx = np.argpartition(-s, n - 1)[:n]
        idx = idx[np.argsort(-s[idx], kind="stable")]
        return [(ids[i], float(s[i])) for i in idx]

    return search


def dense_query_text(query: str, glossary: Glossary | None) -> str:
    """The text embedded for a query: normalised; English questions get the glossary's
    Chinese terms appended (the passages are Chinese)."""
    q = normalize(query)
    if glossary is not None and detect_language(q) == "en":
        terms = glossary.expand(q)
        if terms:
            q = q + " (" + "，".join(terms) + ")"
    return q


class DenseRetriever:
    name = "dense"

    def __init__(self, embedder, search: VectorSearch, chunks: dict[str, Chunk], glossary: Glossary | None = None):
        self.embedder = embedder
        self.search = search
        self.chunks = chunks
        self.glossary = glossary

    def embed(self, query: str) -> np.ndarray:
        return self.embedder.embed_query(dense_query_text(query, self.glossary))

    def retrieve_vector(self, qvec: np.ndarray, k: int) -> list[Hit]:
        hits = []
        for rank, (cid, score) in enumerate(self.search(qvec, k), 1):
            c = self.chunks.get(cid)
            if c is not None:
                hits.append(Hit(chunk=c, score=score, rank=rank, legs={self.name: (rank, score)}))
        return hits

    def retrieve(self, query: str, k: int = 5) -> list[Hit]:
        return self.retrieve_vector(self.embed(query), k)


def _join_overlapping(a: str, b: str) -> str:
    """``a`` then ``b`` without the text they share (b may start with a's tail)."""
    for n in range(min(len(a), len(b)), 0, -1):
        if a.endswith(b[:n]):
            return a + b[n:]
    return a + "\n" + b


def merge_chunks(first: Chunk, second: Chunk) -> Chunk:
    """Two adjacent chunks of one section as one (reading order)."""
    if second.order < first.order:
        first, second = second, first
    text = _join_overlapping(first.text, second.text)
    mid = hashlib.sha1((first.id + "+" + second.id).encode()).hexdigest()[:20]
    return Chunk(
        id=mid,
        text=text,
        kind=first.kind,
        section_path=first.section_path,
        page=first.page,
        source=first.source,
        start=min(first.start, second.start),
        end=max(first.end, second.end),
        paragraph_ids=tuple(dict.fromkeys(first.paragraph_ids + second.paragraph_ids)),
        quote=text,
        order=first.order,
        meta={"merged": [first.id, second.id]},
    )


class HybridRetriever:
    name = "hybrid"

    def __init__(self, dense: DenseRetriever, keyword, settings: FusionSettings,
                 neighbours: Callable[[str], tuple[Chunk | None, Chunk | None]] | None = None):
        self.dense = dense
        self.keyword = keyword
        self.settings = settings
        self.neighbours = neighbours

    def retrieve(self, query: str, k: int = 5) -> list[Hit]:
        return self.retrieve_timed(query, k)[0]

    def retrieve_timed(self, query: str, k: int = 5) -> tuple[list[Hit], dict[str, float]]:
        s = self.settings
        n = max(k, s.candidates)
        t0 = time.perf_counter()
        qvec = self.dense.embed(query)
        t1 = time.perf_counter()
        dense_hits = self.dense.retrieve_vector(qvec, n)
        t2 = time.perf_counter()
        kw_hits = self.keyword.retrieve(query, n)
        t3 = time.perf_counter()
        hits = self.fuse(dense_hits, kw_hits, k, query)
        t4 = time.perf_counter()
        timings = {
            "embed_ms": (t1 - t0) * 1e3,
            "dense_ms": (t2 - t1) * 1e3,
            "keyword_ms": (t3 - t2) * 1e3,
            "fuse_ms": (t4 - t3) * 1e3,
        }
        return hits, timings

    def fuse(self, dense_hits: list[Hit], kw_hits: list[Hit], k: int, query: str = "") -> list[Hit]:
        s = self.settings
        en = detect_language(query) == "en" if query else False
        wd = s.dense_weight * (s.en_dense_factor if en else 1.0)
        toc_prior = 1.0 if (not query or page_intent(query)) else s.toc_prior
        fused: dict[str, Hit] = {}
        for leg, weight, hits in (("dense", wd, dense_hits), ("bm25", s.keyword_weight, kw_hits)):
            for h in hits:
                f = fused.get(h.chunk.id)
                if f is None:
                    f = fused[h.chunk.id] = Hit(chunk=h.chunk, score=0.0)
                f.score += weight / (s.rrf_k + h.rank)
                f.legs[leg] = (h.rank, h.score)
        if toc_prior != 1.0:
            for f in fused.values():
                if f.chunk.kind == "table_row" and f.chunk.meta.get("table") == "toc":
                    f.score *= toc_prior
        ranked = sorted(fused.values(), key=lambda h: (-h.score, h.chunk.order))
        if s.neighbour_expansion:
            ranked = self._merge_neighbours(ranked, k)
        return dedupe(ranked)[:k]

    def _merge_neighbours(self, ranked: list[Hit], k: int) -> list[Hit]:
        """Merge adjacent same-section paragraph chunks that both rank in the top k."""
        top = ranked[:k]
        by_id = {h.chunk.id: h for h in top}
        used: set[str] = set()
        out: list[Hit] = []
        for h in top:
            if h.chunk.id in used:
                continue
            c = h.chunk
            partner = None
            if c.kind == "paragraph" and self.neighbours is not None:
                for nb in self.neighbours(c.id):
                    if nb is not None and nb.id in by_id and nb.id not in used and nb.section_path == c.section_path:
                        partner = by_id[nb.id]
                        break
            if partner is None:
                out.append(h)
                used.add(c.id)
                continue
            merged = merge_chunks(c, partner.chunk)
            legs = dict(partner.legs)
            legs.update(h.legs)
            out.append(Hit(chunk=merged, score=h.score + partner.score, legs=legs))
            used.update({c.id, partner.chunk.id})
        rest = [h for h in ranked[k:] if h.chunk.id not in used]
        return out + rest


def make_neighbour_lookup(chunks: Sequence[Chunk]) -> Callable[[str], tuple[Chunk | None, Chunk | None]]:
    """chunk id -> (previous, next) paragraph chunk in reading order within its section."""
    paras = sorted((c for c in chunks if c.kind == "paragraph"), key=lambda c: c.order)
    nb: dict[str, tuple[Chunk | None, Chunk | None]] = {}
    for i, c in enumerate(paras):
        prev = paras[i - 1] if i > 0 and paras[i - 1].section_path == c.section_path else None
        nxt = paras[i + 1] if i + 1 < len(paras) and paras[i + 1].section_path == c.section_path else None
        nb[c.id] = (prev, nxt)
    return lambda cid: nb.get(cid, (None, None))
