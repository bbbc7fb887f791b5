"""Reports -> chunks, vectors (Chroma) and a keyword index; retrievers over them.

Public API (see ``index.api``)::

    from index import IndexSettings, build_index, open_index
    info = build_index(IndexSettings())
    idx = open_index(IndexSettings())
    hits = idx.retriever("hybrid").retrieve("What was Beijing's R&D intensity in 2013?", k=5)

Nothing heavy is imported here: models and clients load on first use.
"""

from .api import MODES, IndexHandle, IndexInfo, build_index, open_index
from .errors import ChromaUnavailableError, EmbedderError, IndexMissingError, IndexStaleError
from .model import CHUNK_KINDS, Chunk, Hit, Retriever, dedupe
from .settings import ChromaSettings, ChunkSettings, FusionSettings, IndexSettings, KeywordSettings

__all__ = [
    "MODES",
    "IndexHandle",
    "IndexInfo",
    "build_index",
    "open_index",
    "ChromaUnavailableError",
    "EmbedderError",
    "IndexMissingError",
    "IndexStaleError",
    "CHUNK_KINDS",
    "Chunk",
    "Hit",
    "Retriever",
    "dedupe",
    "ChromaSettings",
    "ChunkSettings",
    "FusionSettings",
    "IndexSettings",
    "KeywordSettings",
]
