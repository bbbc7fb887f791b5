"""Index settings: one validated object, built once and passed down.

``index_name()`` is derived from everything that shapes the index (embedder,
chunking, keyword settings, corpus hash), so an index built with other settings
is detected as stale instead of being silently served.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field


def default_data_dir() -> Path:
    """$JJJ_HOME, else $XDG_DATA_HOME/jjj, else ~/.local/share/jjj."""
    if os.environ.get("JJJ_HOME"):
        return Path(os.environ["JJJ_HOME"])
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "jjj"


class ChunkSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    max_tokens: int = Field(120, ge=16, le=512, description="chunk size in embedder tokens")
    overlap_tokens: int = Field(24, ge=0, le=128)
    min_tokens: int = Field(24, ge=0, description="short sections stay whole; tails below this merge back")


class KeywordSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    k1: float = 0.9
    b: float = 0.75
    use_glossary: bool = True
    use_stopwords: bool = True
    bigrams: bool = False  # also index CJK character bigrams (recall for wording that jieba splits differently)
    lexicon: bool = True  # English words the glossary lacks reach the report's words through CC-CEDICT / pinyin


class FusionSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rrf_k: int = 5  # small: a first place in either leg counts (tuned on the eval's tune split)
    dense_weight: float = 0.6
    keyword_weight: float = 1.0
    candidates: int = 30  # per leg, before fusion
    neighbour_expansion: bool = True
    en_dense_factor: float = 0.4  # dense weight multiplier for English queries (cross-lingual leg is weaker)
    toc_prior: float = 0.5  # score multiplier for table-of-contents rows unless the query asks about pages/chapters


class ChromaSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    host: str | None = None  # None: embedded persistent client in index_dir
    port: int = 8000


class IndexSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    embedder: str = "e5-small-q4"  # or "st:<model name or folder>"
    index_dir: Path = Field(default_factory=default_data_dir)
    sources: list[Path] = Field(default_factory=list)  # empty: the bundled report
    chunk: ChunkSettings = Field(default_factory=ChunkSettings)
    keyword: KeywordSettings = Field(default_factory=KeywordSettings)
    fusion: FusionSettings = Field(default_factory=FusionSettings)
    chroma: ChromaSettings = Field(default_factory=ChromaSettings)
    batch_size: int = Field(32, ge=1, le=1024)

    def shaping(self) -> dict:
        """The settings that change what is stored (not where or how it is served)."""
        return {
            "embedder": self.embedder,
            "chunk": self.chunk.model_dump(),
            "keyword": self.keyword.model_dump(),
        }

    def index_name(self, corpus_hash: str) -> str:
        blob = json.dumps({**self.shaping(), "corpus": corpus_hash}, sort_keys=True, ensure_ascii=False)
        return "jjj_" + hashlib.sha1(blob.encode()).hexdigest()[:16]
