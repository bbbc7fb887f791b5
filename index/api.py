"""Public API of the index layer.

    info = build_index(settings)                 # bundled report (or settings.sources)
    idx = open_index(settings)                   # raises IndexMissingError / IndexStaleError
    hits = idx.retriever("hybrid").retrieve("北京市2013年R&D投入强度", k=5)

A build parses the sources, chunks them, embeds the chunks (vectors cached by
content hash), writes a *new* Chroma collection plus its BM25 file, and only then
switches the pointer to it (see ``index.store``). Opening compares the pointer
with the current settings, the index data files and the source files, so an
index built with other settings or from other text is never served silently.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Sequence

from corpus.model import Report

from .errors import REBUILD_CMD, IndexDamagedError, IndexMissingError, IndexStaleError
from .glossary import DATA_DIR, Glossary
from .keyword import BM25, KeywordAnalyzer, KeywordRetriever
from .lexicon import LEXICON_VERSION, Lexicon, build_lexicon
from .model import Chunk, Retriever
from .render import dense_text
from .retrievers import DenseRetriever, HybridRetriever, make_neighbour_lookup
from .settings import IndexSettings
from .store import ChromaStore

# Bump when chunking/rendering code changes what is stored: old indexes become stale.
INDEX_FORMAT = 3
MODES = ("hybrid", "dense", "bm25")


# ---------------------------------------------------------------- sources
def source_paths(settings: IndexSettings) -> list[Path]:
    if settings.sources:
        return [Path(p).expanduser().resolve() for p in settings.sources]
    from corpus import bundled_report_path

    return [bundled_report_path()]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def corpus_hash(pairs: Sequence[tuple[str, str]]) -> str:
    """Hash of (source id, source sha256) pairs, order-independent."""
    blob = "\n".join(sorted(f"{sid}:{sha}" for sid, sha in pairs))
    return hashlib.sha256(blob.encode()).hexdigest()[:32]


def data_hash() -> str:
    """Hash of the shipped index data (glossary, dictionaries) and the index format."""
    h = hashlib.sha256(f"format={INDEX_FORMAT};lexicon={LEXICON_VERSION}".encode())
    for p in sorted(DATA_DIR.iterdir()):
        if p.is_file():
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _build_key(chash: str) -> str:
    return f"{chash}:{data_hash()}"


# ---------------------------------------------------------------- info
@dataclass(frozen=True)
class IndexInfo:
    embedder: str
    dim: int
    index_name: str
    collection: str
    index_dir: str
    chroma: str  # "embedded:<path>" or "http://host:port"
    chunk_count: int
    corpus_hash: str
    built_at: str
    sources: tuple[dict, ...] = ()
    settings: dict = field(default_factory=dict)  # the shaping settings it was built with
    build_seconds: float | None = None  # only on the IndexInfo returned by build_index
    embedded_chunks: int | None = None  # chunks embedded in this build (the rest came from the cache)
    reused: bool = False  # build_index found an up-to-date index and did nothing
    timings: dict = field(default_factory=dict)  # build phases in seconds (build_index only)
    moved_aside: str | None = None  # where build_index put a damaged store it replaced (kept, not deleted)

    def to_json(self) -> dict:
        d = dataclasses.asdict(self)
        d["sources"] = list(self.sources)
        return d

    @classmethod
    def from_pointer(cls, p: dict, **kw) -> "IndexInfo":
        return cls(
            embedder=p["embedder"], dim=int(p["dim"]), index_name=p["index_name"], collection=p["collection"],
            index_dir=p["index_dir"], chroma=p["chroma"], chunk_count=int(p["chunk_count"]),
            corpus_hash=p["corpus_hash"], built_at=p["built_at"], sources=tuple(p.get("sources", [])),
            settings=p.get("shaping", {}), **kw,
        )


# ---------------------------------------------------------------- build
def _load_reports(settings: IndexSettings) -> list[Report]:
    from corpus import load_report

    return [load_report(p) for p in source_paths(settings)]


def _source_text(report: Report) -> str | None:
    try:
        from corpus import read_source_text

        return read_source_text(report.source_path)
    except Exception:  # noqa: BLE001 - offsets fall back to paragraph bounds
        return None


def chunk_reports(reports: Sequence[Report], settings: IndexSettings, count_tokens) -> list[Chunk]:
    from .chunking import chunk_report

    out: list[Chunk] = []
    for r in reports:
        base = len(out)
        for c in chunk_report(r, settings.chunk, count_tokens, _source_text(r)):
            out.append(dataclasses.replace(c, order=base + c.order))
    return out


def build_index(settings: IndexSettings, reports: Report | Sequence[Report] | None = None, progress: bool = True,
                rebuild: bool = False) -> IndexInfo:
    """Build (or, when an up-to-date index exists and ``rebuild`` is false, reuse) the index."""
    from .embedders import EmbedCache, make_embedder

    t0 = time.perf_counter()
    phases: dict[str, float] = {}
    if reports is None:
        reports = _load_reports(settings)
    elif isinstance(reports, Report):
        reports = [reports]
    reports = list(reports)
    chash = corpus_hash([(r.source_id, r.source_sha256) for r in reports])
    name = settings.index_name(_build_key(chash))
    store = ChromaStore(settings)
    aside = store.repair_for_build()  # a damaged embedded store is moved aside: this build replaces it
    ptr = store.read_pointer()
    if not rebuild and ptr and ptr.get("index_name") == name and store.collection_exists(ptr["collection"]):
        return IndexInfo.from_pointer(ptr, build_seconds=time.perf_counter() - t0, embedded_chunks=0, reused=True)

    phases["parse_s"] = time.perf_counter() - t0
    t = time.perf_counter()
    embedder = make_embedder(settings.embedder, settings.batch_size)
    chunks = chunk_reports(reports, settings, embedder.count_tokens)
    glossary = Glossary.load()
    texts = [dense_text(c, glossary) for c in chunks]
    phases["chunk_s"] = time.perf_counter() - t
    t = time.perf_counter()
    index_dir = Path(settings.index_dir).expanduser()
    cache = EmbedCache(index_dir / "embed_cache", embedder.embedder_id, embedder.dim)
    vectors, new = cache.embed(embedder, texts, progress=progress)
    cache.save()
    phases["embed_s"] = time.perf_counter() - t
    t = time.perf_counter()

    built_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    collection = f"{name}_{time.time_ns():x}"
    sources = [{"source_id": r.source_id, "path": str(r.source_path), "sha256": r.source_sha256} for r in reports]
    meta = {
        "index_name": name,
        "embedder": embedder.embedder_id,
        "embedder_spec": settings.embedder,
        "dim": int(embedder.dim),
        "corpus_hash": chash,
        "data_hash": data_hash(),
        "index_format": INDEX_FORMAT,
        "chunking": settings.chunk.model_dump(),
        "keyword": settings.keyword.model_dump(),
        "chunk_count": len(chunks),
        "created": built_at,
        "sources": sources,
    }
    try:
        coll = store.create_collection(collection, meta)
        store.add_chunks(coll, chunks, vectors)
    except IndexDamagedError:  # the store opened but cannot be written: replace it
        if store.server:
            raise
        aside = store.move_aside()
        coll = store.create_collection(collection, meta)
        store.add_chunks(coll, chunks, vectors)

    phases["chroma_s"] = time.perf_counter() - t
    t = time.perf_counter()
    analyzer = KeywordAnalyzer(settings.keyword, cache_dir=index_dir / "cache", glossary=glossary)
    kw = KeywordRetriever.build(chunks, analyzer)
    bm25_dir = index_dir / "bm25"
    kw.bm25.save(bm25_dir / f"{collection}.json")
    phases["keyword_s"] = time.perf_counter() - t
    lexicon_dir = index_dir / "lexicon"
    if settings.keyword.lexicon:
        t = time.perf_counter()
        report_lexicon(kw.bm25, analyzer).save(lexicon_dir / f"{collection}.json")
        phases["lexicon_s"] = time.perf_counter() - t
    t = time.perf_counter()

    pointer = {
        "collection": collection,
        "index_name": name,
        "embedder": embedder.embedder_id,
        "dim": int(embedder.dim),
        "corpus_hash": chash,
        "data_hash": data_hash(),
        "shaping": settings.shaping(),
        "sources": sources,
        "chunk_count": len(chunks),
        "built_at": built_at,
        "index_dir": str(index_dir),
        "chroma": store.where if store.server else f"embedded:{store.where}",
    }
    # (the index it replaces is kept until the next build: a process that serves it, the web app or a running
    # evaluation, goes on answering from it instead of failing mid-session)
    replaced = (store.read_pointer() or {}).get("collection")
    keep = {collection} | ({replaced} if replaced else set())
    store.write_pointer(pointer)  # the switch: from here on the new index is live
    store.gc(keep=keep)
    for d in (bm25_dir, lexicon_dir):
        if d.exists():
            for f in d.glob("*.json"):
                if f.stem not in keep:
                    f.unlink(missing_ok=True)
    phases["switch_s"] = time.perf_counter() - t
    return IndexInfo.from_pointer(pointer, build_seconds=time.perf_counter() - t0, embedded_chunks=new,
                                  timings={k: round(v, 3) for k, v in phases.items()},
                                  moved_aside=str(aside) if aside else None)


def report_lexicon(bm25: BM25, analyzer: KeywordAnalyzer) -> Lexicon:
    """The English lexicon restricted to the words of the indexed chunks."""
    vocab = {t for doc in bm25.docs for t in doc}
    return build_lexicon(vocab, analyzer.stopwords, analyzer.synonyms)


# ---------------------------------------------------------------- open
def _describe(shaping: dict) -> str:
    c = shaping.get("chunk", {})
    return (f"embedder={shaping.get('embedder')}, chunk max_tokens={c.get('max_tokens')}, "
            f"overlap={c.get('overlap_tokens')}, keyword={shaping.get('keyword')}")


def _check_sources(ptr: dict, settings: IndexSettings) -> None:
    """Raise IndexStaleError when the sources the settings name differ from those indexed."""
    pairs = []
    for p in source_paths(settings):
        if not p.exists():
            raise IndexStaleError(f"the report file the index was built from is gone: {p}",
                                  hint=f"restore it, or rebuild the index: {REBUILD_CMD}")
        sid = p.stem
        pairs.append((sid, _sha256(p)))
    chash = corpus_hash(pairs)
    if chash != ptr.get("corpus_hash"):
        built = ", ".join(s.get("path", "?") for s in ptr.get("sources", []))
        now = ", ".join(str(p) for p in source_paths(settings))
        msg = ("the report changed since the index was built" if built == now
               else f"the index was built from {built}, not from {now}")
        raise IndexStaleError(msg, hint=f"rebuild it: {REBUILD_CMD}")


def open_index(settings: IndexSettings, check_sources: bool = True) -> "IndexHandle":
    store = ChromaStore(settings)
    ptr = store.read_pointer()
    if ptr is None:
        raise IndexMissingError(f"no index has been built in {store.where}", hint=store.missing_hint())
    if ptr.get("shaping") != settings.shaping():
        raise IndexStaleError(
            f"the index was built with other settings ({_describe(ptr.get('shaping', {}))}); "
            f"the current settings ask for {_describe(settings.shaping())}",
            hint=f"rebuild it: {REBUILD_CMD}" + (f" --embedder {settings.embedder}" if settings.embedder else ""),
        )
    if ptr.get("data_hash") != data_hash():
        raise IndexStaleError("the index was built by another version of jjj (its glossary/dictionaries changed)",
                              hint=f"rebuild it: {REBUILD_CMD}")
    if check_sources:
        _check_sources(ptr, settings)
    if not store.collection_exists(ptr["collection"]):
        raise IndexMissingError(f"the index collection {ptr['collection']} is missing from {store.where}",
                                hint=store.missing_hint())
    coll = store.get_collection(ptr["collection"])
    chunks = store.load_chunks(coll)
    return IndexHandle(settings, store, coll, ptr, chunks)


class IndexHandle:
    """An opened index: chunks, neighbours, retrievers, info."""

    def __init__(self, settings: IndexSettings, store: ChromaStore, collection, pointer: dict, chunks: list[Chunk]):
        self.settings = settings
        self.store = store
        self.collection = collection
        self.pointer = pointer
        self.chunks = chunks
        self.info = IndexInfo.from_pointer(pointer)
        self._by_id = {c.id: c for c in chunks}
        self._nb = make_neighbour_lookup(chunks)
        self._embedder = None
        self._glossary = None
        self._keyword: KeywordRetriever | None = None
        self._retrievers: dict[str, Retriever] = {}

    # -- chunks
    def chunk(self, chunk_id: str) -> Chunk:
        return self._by_id[chunk_id]

    def neighbours(self, chunk_id: str) -> list[Chunk]:
        """The paragraph chunks just before and after this one in its section (reading order)."""
        return [c for c in self._nb(chunk_id) if c is not None]

    # -- components (lazy)
    @property
    def glossary(self) -> Glossary:
        if self._glossary is None:
            self._glossary = Glossary.load()
            if self.settings.keyword.lexicon:
                path = Path(self.settings.index_dir).expanduser() / "lexicon" / f"{self.pointer['collection']}.json"
                try:
                    self._glossary.lexicon = Lexicon.load(path)
                except (OSError, ValueError, KeyError):
                    # e.g. a server index opened from another machine: derived from the chunks below
                    self._glossary.lexicon = None
        return self._glossary

    @property
    def embedder(self):
        if self._embedder is None:
            from .embedders import make_embedder

            self._embedder = make_embedder(self.settings.embedder, self.settings.batch_size)
        return self._embedder

    @property
    def keyword(self) -> KeywordRetriever:
        if self._keyword is None:
            index_dir = Path(self.settings.index_dir).expanduser()
            analyzer = KeywordAnalyzer(self.settings.keyword, cache_dir=index_dir / "cache", glossary=self.glossary)
            path = index_dir / "bm25" / f"{self.pointer['collection']}.json"
            bm25 = None
            if path.exists():
                try:
                    bm25 = BM25.load(path)
                except (OSError, ValueError, KeyError):
                    bm25 = None
            if bm25 is not None and bm25.doc_ids == [c.id for c in self.chunks]:
                self._keyword = KeywordRetriever(self.chunks, bm25, analyzer)
            else:  # e.g. a server index opened from another machine: rebuild from the stored chunks
                self._keyword = KeywordRetriever.build(self.chunks, analyzer)
            if self.settings.keyword.lexicon and self.glossary.lexicon is None:
                self.glossary.lexicon = report_lexicon(self._keyword.bm25, analyzer)
        return self._keyword

    def dense(self) -> DenseRetriever:
        return DenseRetriever(self.embedder, lambda q, n: self.store.search(self.collection, q, n), self._by_id,
                              self.glossary)

    def retriever(self, mode: str = "hybrid") -> Retriever:
        if mode not in MODES:
            raise ValueError(f"unknown retrieval mode {mode!r}; use one of {MODES}")
        if mode not in self._retrievers:
            if mode == "bm25":
                r: Retriever = self.keyword
            elif mode == "dense":
                r = self.dense()
            else:
                r = HybridRetriever(self.dense(), self.keyword, self.settings.fusion, self._nb)
            self._retrievers[mode] = r
        return self._retrievers[mode]

    def warm(self) -> None:
        """Load the embedder and jieba now (the first query would otherwise pay for it)."""
        self.retriever("hybrid").retrieve("warm up 预热", k=1)

    def check_fresh(self) -> None:
        """Raise IndexStaleError if a source file changed or disappeared since the build."""
        _check_sources(self.pointer, self.settings)

    def __repr__(self) -> str:
        return f"IndexHandle({self.info.collection}, {len(self.chunks)} chunks, {self.info.embedder})"


def info_json(info: IndexInfo) -> str:
    return json.dumps(info.to_json(), ensure_ascii=False, indent=2)
