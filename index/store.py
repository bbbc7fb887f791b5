"""Chroma storage of chunks and vectors, and the pointer to the live index.

* Embedded ``PersistentClient`` in ``<index_dir>/chroma`` by default; an
  ``HttpClient`` when ``settings.chroma.host`` is set. Telemetry off; vectors
  are always passed in (the collections have no embedding function).
* One collection per build, named ``<index_name>_<build stamp>``; its metadata
  records the embedder id and dimension, the corpus hash, the chunking and
  keyword parameters, the chunk count and the build time. Chunk fields are
  stored as documents + metadata, so an index reopens without re-parsing.
* The *pointer* says which collection is live: ``<index_dir>/current.json``
  (temp file + ``os.replace``) for the embedded client, the metadata of a tiny
  ``jjj_meta`` collection for a server. It is written only after a build is
  complete, so a failed or killed build leaves the previous index in service;
  superseded collections are deleted after the switch.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from .errors import BUILD_CMD, REBUILD_CMD, ChromaUnavailableError, IndexDamagedError, IndexStaleError
from .model import Chunk
from .settings import IndexSettings

META_COLLECTION = "jjj_meta"
POINTER_FILE = "current.json"
COLLECTION_PREFIX = "jjj_"
_ADD_BATCH = 256


def chunk_to_record(c: Chunk) -> tuple[str, str, dict]:
    meta = {
        "kind": c.kind,
        "section_path": json.dumps(list(c.section_path), ensure_ascii=False),
        "page": -1 if c.page is None else int(c.page),
        "source": c.source,
        "start": int(c.start),
        "end": int(c.end),
        "paragraph_ids": json.dumps(list(c.paragraph_ids), ensure_ascii=False),
        "quote": c.quote,
        "order": int(c.order),
        "meta": json.dumps(c.meta, ensure_ascii=False),
    }
    return c.id, c.text, meta


def record_to_chunk(cid: str, text: str, m: dict) -> Chunk:
    page = m.get("page", -1)
    return Chunk(
        id=cid,
        text=text or "",
        kind=m["kind"],
        section_path=tuple(json.loads(m["section_path"])),
        page=None if page is None or page < 0 else int(page),
        source=m.get("source", ""),
        start=int(m.get("start", 0)),
        end=int(m.get("end", 0)),
        paragraph_ids=tuple(json.loads(m.get("paragraph_ids", "[]"))),
        quote=m.get("quote", ""),
        order=int(m.get("order", 0)),
        meta=json.loads(m.get("meta", "{}")),
    )


class ChromaStore:
    def __init__(self, settings: IndexSettings):
        self.settings = settings
        self.index_dir = Path(settings.index_dir).expanduser()
        self._client = None

    # ------------------------------------------------------------ client
    @property
    def server(self) -> bool:
        return bool(self.settings.chroma.host)

    @property
    def where(self) -> str:
        c = self.settings.chroma
        return f"http://{c.host}:{c.port}" if self.server else str(self.index_dir / "chroma")

    @property
    def client(self):
        if self._client is None:
            os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
            import chromadb

            cs = chromadb.Settings(anonymized_telemetry=False)
            if self.server:
                c = self.settings.chroma
                try:
                    client = chromadb.HttpClient(host=c.host, port=c.port, settings=cs)
                    client.heartbeat()
                except Exception as e:  # noqa: BLE001 - connection errors come in many types
                    raise ChromaUnavailableError(
                        f"cannot reach the Chroma server at {self.where}: {e.__class__.__name__}",
                        hint="start it (e.g. `chroma run --path <dir> --port <port>`) or drop --chroma-host "
                        "to use the embedded index",
                    ) from e
                self._client = client
            else:
                path = self.index_dir / "chroma"
                path.mkdir(parents=True, exist_ok=True)
                try:
                    self._client = chromadb.PersistentClient(path=str(path), settings=cs)
                except Exception as e:  # noqa: BLE001 - e.g. "file is not a database"
                    _forget_chroma_system(path)
                    raise self._damaged(e) from e
        return self._client

    def _damaged(self, e: BaseException) -> IndexDamagedError:
        return IndexDamagedError(
            f"the index in {self.where} cannot be read (damaged?): {e.__class__.__name__}: {str(e)[:200]}",
            hint=f"rebuild it: {REBUILD_CMD} --index-dir {self.index_dir}",
        )

    def repair_for_build(self) -> Path | None:
        """Before a build: an embedded store that cannot be opened is moved aside (the build
        replaces it); returns where it went. A server's store is never touched."""
        try:
            self.client
            return None
        except IndexDamagedError:
            if self.server:
                raise
        return self.move_aside()

    def damaged_copies(self) -> list[Path]:
        """Damaged embedded stores moved aside by earlier builds (oldest first)."""
        if self.server or not self.index_dir.exists():
            return []
        return sorted(p for p in self.index_dir.glob("chroma.damaged-*") if p.is_dir())

    def move_aside(self) -> Path:
        """Rename the embedded store to ``chroma.damaged-<time>`` and start an empty one."""
        path = self.index_dir / "chroma"
        aside = self.index_dir / f"chroma.damaged-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
        path.rename(aside)
        _forget_chroma_system(path)
        self._client = None
        self.__dict__.pop("_counts", None)
        self.client
        return aside

    def _call(self, fn, *a, **kw):
        """Run a client call; a server that went away becomes ChromaUnavailableError."""
        try:
            return fn(*a, **kw)
        except Exception as e:  # noqa: BLE001
            if self.server and _is_connection_error(e):
                raise ChromaUnavailableError(
                    f"lost the Chroma server at {self.where}: {e.__class__.__name__}",
                    hint="restart the server, or drop --chroma-host to use the embedded index",
                ) from e
            if not self.server and _is_damage(e):
                raise self._damaged(e) from e
            raise

    # ------------------------------------------------------------ pointer
    def read_pointer(self) -> dict | None:
        if self.server:
            coll = self._call(self.client.get_or_create_collection, META_COLLECTION, embedding_function=None)
            raw = (coll.metadata or {}).get("current")
            return json.loads(raw) if raw else None
        p = self.index_dir / POINTER_FILE
        if not p.exists():
            return None
        try:
            return json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def write_pointer(self, pointer: dict) -> None:
        blob = json.dumps(pointer, ensure_ascii=False, sort_keys=True)
        if self.server:
            coll = self._call(self.client.get_or_create_collection, META_COLLECTION, embedding_function=None)
            self._call(coll.modify, metadata={"current": blob})
            return
        self.index_dir.mkdir(parents=True, exist_ok=True)
        p = self.index_dir / POINTER_FILE
        tmp = p.with_name(f".{POINTER_FILE}.{os.getpid()}.tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(blob)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, p)

    # ------------------------------------------------------------ collections
    def create_collection(self, name: str, metadata: dict):
        meta = {k: (json.dumps(v, ensure_ascii=False, sort_keys=True) if isinstance(v, (dict, list)) else v)
                for k, v in metadata.items()}
        meta["jjj_kind"] = "chunks"
        try:
            self._call(self.client.delete_collection, name)
        except ChromaUnavailableError:
            raise
        except Exception:  # noqa: BLE001 - not there: fine
            pass
        return self._call(
            self.client.create_collection,
            name,
            metadata=meta,
            configuration={"hnsw": {"space": "cosine", "ef_search": 100}},
            embedding_function=None,
        )

    def add_chunks(self, coll, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        for s in range(0, len(chunks), _ADD_BATCH):
            part = chunks[s : s + _ADD_BATCH]
            ids, docs, metas = zip(*(chunk_to_record(c) for c in part))
            self._call(coll.add, ids=list(ids), documents=list(docs), metadatas=list(metas),
                       embeddings=vectors[s : s + _ADD_BATCH].astype(np.float32))

    def get_collection(self, name: str):
        return self._call(self.client.get_collection, name, embedding_function=None)

    def collection_exists(self, name: str) -> bool:
        try:
            self.get_collection(name)
            return True
        except (ChromaUnavailableError, IndexDamagedError):
            raise
        except Exception:  # noqa: BLE001
            return False

    def load_chunks(self, coll) -> list[Chunk]:
        res = self._call(coll.get, include=["documents", "metadatas"])
        chunks = [record_to_chunk(i, d, m) for i, d, m in zip(res["ids"], res["documents"], res["metadatas"])]
        chunks.sort(key=lambda c: c.order)
        return chunks

    def search(self, coll, qvec: np.ndarray, n: int) -> list[tuple[str, float]]:
        try:
            n = max(1, min(n, self._count(coll)))
            res = self._call(coll.query, query_embeddings=[np.asarray(qvec, dtype=np.float32)], n_results=n,
                             include=["distances"])
        except Exception as e:  # noqa: BLE001
            if type(e).__name__ != "NotFoundError":
                raise
            # a build keeps the index it replaces (a process serving it goes on); a second build deletes it
            raise IndexStaleError(f"the index this process opened ({coll.name}) was replaced by two newer builds while in use",
                                  hint="restart it to open the current index") from e
        return [(i, 1.0 - float(d)) for i, d in zip(res["ids"][0], res["distances"][0])]

    def _count(self, coll) -> int:
        cache = self.__dict__.setdefault("_counts", {})
        if coll.name not in cache:
            cache[coll.name] = self._call(coll.count)
        return cache[coll.name]

    def collections(self) -> list[str]:
        cols = self._call(self.client.list_collections)
        return [c if isinstance(c, str) else c.name for c in cols]

    def gc(self, keep: Iterable[str]) -> list[str]:
        """Delete our chunk collections other than ``keep``; returns the deleted names."""
        keep = set(keep) | {META_COLLECTION}
        gone = []
        for name in self.collections():
            if name.startswith(COLLECTION_PREFIX) and name not in keep:
                try:
                    self._call(self.client.delete_collection, name)
                    gone.append(name)
                except ChromaUnavailableError:
                    raise
                except Exception:  # noqa: BLE001 - another process got there first
                    pass
        return gone

    def missing_hint(self) -> str:
        extra = ""
        if self.server:
            c = self.settings.chroma
            extra = f" --chroma-host {c.host} --chroma-port {c.port}"
        elif self.settings.index_dir:
            extra = f" --index-dir {self.index_dir}"
        return f"build it with: {BUILD_CMD}{extra}"


def _forget_chroma_system(path: Path) -> None:
    """chromadb caches a client's system per path even when opening it failed; drop that entry so
    a later client on the same path (after a repair) starts clean."""
    try:
        from chromadb.api.shared_system_client import SharedSystemClient

        SharedSystemClient._identifier_to_system.pop(str(path), None)
    except Exception:  # noqa: BLE001 - a private detail of chromadb: best effort
        pass


def _is_damage(e: BaseException) -> bool:
    """chromadb's errors for an unreadable database / log (seen with damaged files)."""
    return type(e).__module__.startswith("chromadb") and type(e).__name__ in ("InternalError", "InvalidArgumentError")


def _is_connection_error(e: BaseException) -> bool:
    names = {type(x).__name__ for x in _chain(e)}
    return bool(names & {"ConnectError", "ConnectionError", "ConnectTimeout", "ReadTimeout", "RemoteProtocolError",
                         "ConnectionRefusedError", "NewConnectionError", "MaxRetryError"})


def _chain(e: BaseException | None) -> list[BaseException]:
    out: list[BaseException] = []
    while e is not None and e not in out:
        out.append(e)
        e = e.__cause__ or e.__context__
    return out
