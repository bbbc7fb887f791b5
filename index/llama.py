"""Interop: any project retriever as a llama-index ``BaseRetriever`` (``NodeWithScore``s
whose ``TextNode`` carries the chunk's id, text and provenance as metadata)."""

from __future__ import annotations

from typing import Any

from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

from .model import Chunk, Retriever


def chunk_to_node(c: Chunk) -> TextNode:
    return TextNode(
        id_=c.id,
        text=c.text,
        metadata={"kind": c.kind, "section": c.section, "page": c.page, "source": c.source, "quote": c.quote,
                  "paragraph_ids": list(c.paragraph_ids), "start": c.start, "end": c.end},
        excluded_embed_metadata_keys=["quote", "paragraph_ids", "start", "end"],
        excluded_llm_metadata_keys=["paragraph_ids", "start", "end"],
    )


class LlamaIndexRetriever(BaseRetriever):
    """``LlamaIndexRetriever(handle.retriever("hybrid"), k=5).retrieve("...")`` -> list[NodeWithScore]."""

    def __init__(self, retriever: Retriever, k: int = 5, **kw: Any):
        super().__init__(**kw)
        self._inner = retriever
        self._k = k

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        hits = self._inner.retrieve(query_bundle.query_str, self._k)
        return [NodeWithScore(node=chunk_to_node(h.chunk), score=float(h.score)) for h in hits]
