"""The stock llama-index baseline over the real report with the real default embedder."""

from __future__ import annotations

import pytest

from eval.baselines import make_llamaindex_default
from eval.metrics import gold_in_chunk

RD = "北京市、天津市、河北省2013年R&D投入强度分别达到6.08%、3.0%、1.12%"


@pytest.mark.slow
def test_stock_pipeline_uses_default_splitter_and_finds_the_rd_passage():
    b = make_llamaindex_default("e5-small-q4")
    assert b.splitter.chunk_size == 1024 and b.splitter.chunk_overlap == 200, "not the library defaults"
    assert 500 < b.mean_node_chars() < 1500, f"stock nodes average {b.mean_node_chars():.0f} chars"
    hits = b.retrieve("天津2013年R&D投入强度是多少？", 5)
    assert len(hits) == 5 and [h.rank for h in hits] == [1, 2, 3, 4, 5]
    assert all(h.chunk.kind == "paragraph" for h in hits)
    assert any(gold_in_chunk(h.chunk, [RD]) for h in hits), [h.chunk.text[:40] for h in hits]
    assert len(b.retrieve("ISBN", 10)) == 10, "k is honoured beyond the stock top-5"
