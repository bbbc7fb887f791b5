"""The stock llama-index pipeline, as the comparison baseline ``llamaindex-default``.

What a user gets out of the box: the report's source text as one ``Document``
(what ``SimpleDirectoryReader`` reads from the .md file), llama-index's default
``SentenceSplitter`` (1024 tokens, 200 overlap), the project's embedder (the
same one the index uses), an in-memory ``VectorStoreIndex`` and its retriever
(top-5 by default; ``retrieve(query, k)`` returns the top ``k`` so that rank
metrics at 10 can be computed for every system alike). No LLM is involved.

Wrapped to the ``index.model.Retriever`` protocol: each node becomes a
``Chunk`` of kind ``paragraph`` (no section path or page: the stock pipeline
knows none), with offsets into the source text.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from index.model import Chunk, Hit

NAME = "llamaindex-default"


class LlamaIndexDefaultRetriever:
    name = NAME

    def __init__(self, text: str, embed_model, source: str = "report", top_k: int = 5):
        from llama_index.core import Document, VectorStoreIndex
        from llama_index.core.node_parser import SentenceSplitter

        t0 = time.perf_counter()
        self.source = source
        self.top_k = top_k
        self.splitter = SentenceSplitter()  # library defaults, on purpose
        nodes = self.splitter.get_nodes_from_documents([Document(text=text, metadata={"source": source})])
        # explicit embed model; no LLM (Settings is not touched)
        self.index = VectorStoreIndex(nodes, embed_model=embed_model, show_progress=False)
        self.nodes = nodes
        self._retrievers: dict[int, object] = {}
        self.build_s = time.perf_counter() - t0

    @classmethod
    def from_report_file(cls, path: str | Path, embed_model, top_k: int = 5) -> "LlamaIndexDefaultRetriever":
        from corpus.loaders import read_source_text

        p = Path(path)
        return cls(read_source_text(p), embed_model, source=p.stem, top_k=top_k)

    def _retriever(self, k: int):
        if k not in self._retrievers:
            self._retrievers[k] = self.index.as_retriever(similarity_top_k=k)
        return self._retrievers[k]

    def retrieve(self, query: str, k: int = 5) -> list[Hit]:
        out = []
        for rank, nws in enumerate(self._retriever(k or self.top_k).retrieve(query), 1):
            node = nws.node
            text = node.get_content()
            start = node.start_char_idx if node.start_char_idx is not None else 0
            end = node.end_char_idx if node.end_char_idx is not None else start + len(text)
            cid = hashlib.sha1(f"{self.source}|{NAME}|{text}".encode("utf-8")).hexdigest()
            chunk = Chunk(
                id=cid, text=text, kind="paragraph", section_path=(), page=None, source=self.source,
                start=start, end=end, quote=text, order=rank,
            )
            out.append(Hit(chunk=chunk, score=float(nws.score or 0.0), rank=rank, legs={NAME: (rank, float(nws.score or 0.0))}))
        return out

    def mean_node_chars(self) -> float:
        return sum(len(n.get_content()) for n in self.nodes) / max(1, len(self.nodes))


def make_llamaindex_default(embedder_spec: str, report_path: str | Path | None = None, top_k: int = 5) -> LlamaIndexDefaultRetriever:
    """The baseline over the bundled report (or ``report_path``) with ``index.embedders.make_embedder(spec)``."""
    from corpus.loaders import bundled_report_path
    from index.embedders import make_embedder

    return LlamaIndexDefaultRetriever.from_report_file(report_path or bundled_report_path(), make_embedder(embedder_spec).as_llama(), top_k)
