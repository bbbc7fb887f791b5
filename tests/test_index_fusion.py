"""Fusion and neighbour merging, with hand-made legs (no model): exact ranks."""

from __future__ import annotations

import numpy as np

from index.model import Chunk, Hit
from index.retrievers import DenseRetriever, HybridRetriever, make_neighbour_lookup, merge_chunks, numpy_search
from index.settings import FusionSettings


def _chunk(i: int, text: str, section=("s",), kind="paragraph", meta=None) -> Chunk:
    return Chunk(id=f"c{i}", text=text, kind=kind, section_path=section, page=None, source="t", start=i * 10,
                 end=i * 10 + len(text), order=i, meta=meta or {})


class _Leg:
    def __init__(self, name: str, order: list[Chunk]):
        self.name = name
        self.order = order

    def retrieve(self, query: str, k: int = 5) -> list[Hit]:
        return [Hit(chunk=c, score=1.0 / r, rank=r, legs={self.name: (r, 1.0 / r)}) for r, c in enumerate(self.order[:k], 1)]


def _hybrid(chunks, dense_order, kw_order, **kw):
    dense = _Leg("dense", dense_order)
    dense.embed = lambda q: None  # type: ignore[attr-defined]
    dense.retrieve_vector = lambda v, n: _Leg("dense", dense_order).retrieve("", n)  # type: ignore[attr-defined]
    return HybridRetriever(dense, _Leg("bm25", kw_order), FusionSettings(**kw), make_neighbour_lookup(chunks))


def test_weighted_rrf_exact_order():
    cs = [_chunk(i, f"text {i}", section=(f"s{i}",)) for i in range(4)]
    h = _hybrid(cs, [cs[0], cs[1], cs[2]], [cs[2], cs[3], cs[0]], rrf_k=5, dense_weight=0.5, keyword_weight=1.0)
    hits = h.retrieve("问题", 4)  # a Chinese query: dense weight as set
    # c2: .5/8 + 1/6 = .229; c0: .5/6 + 1/8 = .208; c3: 1/7 = .143; c1: .5/7 = .071
    assert [x.chunk.id for x in hits] == ["c2", "c0", "c3", "c1"]
    assert abs(hits[0].score - (0.5 / 8 + 1 / 6)) < 1e-12, hits[0].score
    en = h.retrieve("question", 4)  # English: dense weight x en_dense_factor (0.4)
    assert abs(en[0].score - (0.5 * 0.4 / 8 + 1 / 6)) < 1e-12, en[0].score
    assert hits[0].legs == {"dense": (3, 1 / 3), "bm25": (1, 1.0)}
    assert [x.rank for x in hits] == [1, 2, 3, 4]


def test_toc_rows_need_a_page_question():
    toc = _chunk(0, "第三章 | 第74页", section=("目录",), kind="table_row", meta={"table": "toc"})
    para = _chunk(1, "北京市的地铁运营里程为465公里。", section=("前言",))
    h = _hybrid([toc, para], [toc, para], [toc, para], rrf_k=5, toc_prior=0.5)
    assert h.retrieve("北京市的地铁有多长", 2)[0].chunk.id == "c1", "without page intent the TOC row is demoted"
    assert h.retrieve("第三章从第几页开始", 2)[0].chunk.id == "c0", "with page intent it keeps its place"


def test_adjacent_chunks_of_one_section_are_merged():
    a = _chunk(0, "第一句。第二句。")
    b = _chunk(1, "第二句。第三句。")
    c = _chunk(2, "别的章节。", section=("t",))
    h = _hybrid([a, b, c], [a, b, c], [b, a, c], rrf_k=5, neighbour_expansion=True)
    hits = h.retrieve("q", 3)
    assert hits[0].chunk.text == "第一句。第二句。第三句。", "merged in reading order without the overlap"
    assert hits[0].chunk.meta["merged"] == ["c0", "c1"] and hits[0].chunk.paragraph_ids == ()
    assert [x.chunk.id for x in hits[1:]] == ["c2"], "the partner does not appear twice"
    off = _hybrid([a, b, c], [a, b, c], [b, a, c], rrf_k=5, neighbour_expansion=False).retrieve("q", 3)
    assert [x.chunk.id for x in off] == ["c0", "c1", "c2"] or [x.chunk.id for x in off] == ["c1", "c0", "c2"]
    # not adjacent (another chunk between them) -> not merged
    d = _chunk(3, "第四句。")
    h2 = _hybrid([a, b, d], [a, d], [d, a], rrf_k=5)
    assert all("merged" not in x.chunk.meta for x in h2.retrieve("q", 2))


def test_merge_chunks_without_overlap_joins_with_newline():
    m = merge_chunks(_chunk(1, "乙。"), _chunk(0, "甲。"))
    assert m.text == "甲。\n乙。" and m.start == 0


def test_dense_retriever_over_numpy_vectors():
    cs = [_chunk(i, f"t{i}") for i in range(3)]
    vecs = np.eye(3, dtype=np.float32)

    class Emb:
        def embed_query(self, text):
            return np.array([0.1, 0.9, 0.2], dtype=np.float32)

    r = DenseRetriever(Emb(), numpy_search([c.id for c in cs], vecs), {c.id: c for c in cs})
    assert [h.chunk.id for h in r.retrieve("x", 3)] == ["c1", "c2", "c0"]
