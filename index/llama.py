"""Interop with llama-index: any project retriever as a ``BaseRetriever`` (``NodeWithScore``s
whose ``TextNode`` carries the chunk's id, text and provenance as metadata), and any project
embedder as a ``BaseEmbedding`` (``embedder.as_llama()``).

Imported only where llama-index is wanted (the stock baseline, users' own pipelines): the
question-answering path stays free of it."""

from __future__ import annotations

from typing import Any

from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr
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


class LlamaEmbedding(BaseEmbedding):
    """A project embedder (``index.embedders``) as a llama-index ``BaseEmbedding``: the same
    model instance and vectors (query and passage prefixes as the embedder applies them)."""

    _inner: Any = PrivateAttr(default=None)

    def __init__(self, embedder: Any, **kw: Any):
        super().__init__(model_name=embedder.embedder_id, embed_batch_size=embedder.embed_batch_size, **kw)
        self._inner = embedder

    @classmethod
    def class_name(cls) -> str:
        return "JJJEmbedding"

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._inner.embed_query(query).tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    # llama-index batches the texts itself (``embed_batch_size``): one engine call per batch
    def _get_text_embedding(self, text: str) -> list[float]:
        return self._inner._encode([text], False)[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._inner._encode(list(texts), False).tolist()
