"""Retrieval tuning harness (TUNE split only): in-memory legs over the bundled report.

    python benchmarks/tune_index.py [--max-tokens 120] [--overlap 24] [--no-title] ...

Prints hit@1/hit@5/MRR@10 and mean top-5 chunk length per language for dense,
bm25 and hybrid. It never reads held-out items (load_items(split="tune")).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from corpus import load_bundled, read_source_text  # noqa: E402
from eval.dataset import load_items  # noqa: E402
from eval.metrics import retrieval_scores  # noqa: E402
from index.chunking import chunk_report  # noqa: E402
from index.embedders import EmbedCache, make_embedder  # noqa: E402
from index.glossary import Glossary  # noqa: E402
from index.keyword import KeywordAnalyzer, KeywordRetriever  # noqa: E402
from index.render import dense_text  # noqa: E402
from index.retrievers import DenseRetriever, HybridRetriever, make_neighbour_lookup, numpy_search  # noqa: E402
from index.settings import ChunkSettings, FusionSettings, KeywordSettings  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-tokens", type=int, default=120)
    ap.add_argument("--overlap", type=int, default=24)
    ap.add_argument("--min-tokens", type=int, default=24)
    ap.add_argument("--no-title", action="store_true")
    ap.add_argument("--no-english", action="store_true")
    ap.add_argument("--no-dense-gloss", action="store_true")
    ap.add_argument("--no-tables", action="store_true")
    ap.add_argument("--no-quote", action="store_true")
    ap.add_argument("--rrf-k", type=int, default=5)
    ap.add_argument("--wd", type=float, default=0.6)
    ap.add_argument("--wk", type=float, default=1.0)
    ap.add_argument("--no-merge", action="store_true")
    ap.add_argument("--en-dense", type=float, default=0.4)
    ap.add_argument("--toc-prior", type=float, default=0.5)
    ap.add_argument("--k1", type=float, default=0.9)
    ap.add_argument("--b", type=float, default=0.75)
    ap.add_argument("--bigrams", action="store_true")
    ap.add_argument("--embedder", default="e5-small-q4")
    ap.add_argument("--show", default="", help="print misses for this system")
    ap.add_argument("--grid", action="store_true", help="grid over fusion parameters (legs computed once)")
    ap.add_argument("--cache", default="/tmp/jjj_tune_cache")
    a = ap.parse_args()

    report = load_bundled()
    emb = make_embedder(a.embedder)
    cs = ChunkSettings(max_tokens=a.max_tokens, overlap_tokens=a.overlap, min_tokens=a.min_tokens)
    chunks = chunk_report(report, cs, emb.count_tokens, read_source_text(report.source_path), include_tables=not a.no_tables)
    gl = Glossary.load()
    texts = [dense_text(c, gl, with_title=not a.no_title, english=not a.no_english, with_quote=not a.no_quote) for c in chunks]
    cache = EmbedCache(Path(a.cache), emb.embedder_id, emb.dim)
    vecs, new = cache.embed(emb, texts, progress=True)
    cache.save()
    by_id = {c.id: c for c in chunks}
    dense = DenseRetriever(emb, numpy_search([c.id for c in chunks], vecs), by_id, None if a.no_dense_gloss else gl)
    ks = KeywordSettings(k1=a.k1, b=a.b, bigrams=a.bigrams)
    kw = KeywordRetriever.build(chunks, KeywordAnalyzer(ks, Path(a.cache) / "jieba"))
    fs = FusionSettings(rrf_k=a.rrf_k, dense_weight=a.wd, keyword_weight=a.wk, neighbour_expansion=not a.no_merge,
                        en_dense_factor=a.en_dense, toc_prior=a.toc_prior)
    hyb = HybridRetriever(dense, kw, fs, make_neighbour_lookup(chunks))
    items = [it for it in load_items(split="tune") if it.answerable and it.gold_evidence]
    print(f"chunks={len(chunks)} paragraph avg chars="
          f"{sum(len(c.text) for c in chunks if c.kind == 'paragraph') / max(1, sum(c.kind == 'paragraph' for c in chunks)):.0f} "
          f"newly embedded={new} items={len(items)} tokens={sum(emb.count_tokens(t) for t in texts)}")
    if a.grid:
        return grid(items, dense, kw, chunks)
    for sysname, r in (("dense", dense), ("bm25", kw), ("hybrid", hyb)):
        for lang in ("zh", "en"):
            rows = []
            for it in items:
                if it.language != lang:
                    continue
                q = " ".join(it.turns)
                hits = r.retrieve(q, 10)
                sc = retrieval_scores([h.chunk for h in hits], it.gold_evidence)
                rows.append(sc)
                if a.show == sysname and sc["hit@1"] < 1:
                    print(f"  MISS {it.id} h5={sc['hit@5']:.0f} {q} | gold={it.gold_evidence[0][:30]}")
                    for h in hits[:3]:
                        print(f"      {h.rank} {h.chunk.kind} {h.legs} {h.chunk.text[:60]!r}")
            n = len(rows)
            m = {k: sum(x[k] for x in rows) / n for k in ("hit@1", "hit@5", "mrr@10", "chunk_chars")}
            print(f"{sysname:7s} {lang} n={n:3d} hit@1={m['hit@1']:.3f} hit@5={m['hit@5']:.3f} "
                  f"mrr@10={m['mrr@10']:.3f} chars={m['chunk_chars']:.0f}")


def grid(items, dense, kw, chunks) -> None:
    import itertools

    legs = {}
    for it in items:
        q = " ".join(it.turns)
        legs[it.id] = (q, dense.retrieve(q, 30), kw.retrieve(q, 30))
    nb = make_neighbour_lookup(chunks)
    rows = []
    for rrf_k, wd, en_f, toc, merge in itertools.product([1, 2, 3, 5, 8, 12], [0.3, 0.45, 0.6, 0.8], [0.2, 0.4, 0.6, 1.0],
                                                          [0.5], [True]):
        fs = FusionSettings(rrf_k=rrf_k, dense_weight=wd, keyword_weight=1.0, en_dense_factor=en_f, toc_prior=toc,
                            neighbour_expansion=merge)
        h = HybridRetriever(dense, kw, fs, nb)
        res = {}
        for lang in ("zh", "en"):
            sc = []
            for it in items:
                if it.language != lang:
                    continue
                q, dh, kh = legs[it.id]
                hits = h.fuse([*dh], [*kh], 10, q)
                sc.append(retrieval_scores([x.chunk for x in hits], it.gold_evidence))
            res[lang] = {k: sum(x[k] for x in sc) / len(sc) for k in ("hit@1", "hit@5", "mrr@10")}
        score = min(res["zh"]["mrr@10"], res["en"]["mrr@10"])
        rows.append((score, rrf_k, wd, en_f, toc, merge, res))
    rows.sort(key=lambda r: -r[0])
    for r in rows[:15]:
        z, e = r[6]["zh"], r[6]["en"]
        print(f"k={r[1]:2d} wd={r[2]} en={r[3]} toc={r[4]} merge={r[5]:d} | zh {z['hit@1']:.3f} {z['hit@5']:.3f} "
              f"{z['mrr@10']:.3f} | en {e['hit@1']:.3f} {e['hit@5']:.3f} {e['mrr@10']:.3f}")


if __name__ == "__main__":
    main()
