"""Index benchmark (not a test): cold build of the bundled report and warm retrieval latency.

    python benchmarks/bench_index.py [--runs 1] [--out benchmarks/results]

* build: a fresh index folder (cold embedding cache), default embedder, embedded Chroma;
  phases: parse, chunk, embed, chroma, keyword, switch. Also a rebuild with a warm cache.
* retrieval: open the index, one warm-up query, then every evaluation question (both
  splits; only timings are recorded, no results) through hybrid (with its per-stage
  timings), dense and bm25; p50/p95/max in ms.
Targets (issue 3): build <= 15 s; hybrid p50 <= 30 ms, p95 <= 60 ms.
Writes <out>/index.json and <out>/index.md with the date and the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, machine, pct  # noqa: E402


def queries() -> list[str]:
    from eval.dataset import load_items

    return [" ".join(it.turns) for it in load_items(split="all")]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=1, help="cold builds to time (best and all are reported)")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    a = ap.parse_args()

    from index import IndexSettings, build_index, open_index

    mach = machine()
    builds = []
    with tempfile.TemporaryDirectory(prefix="jjj-bench-") as tmp:
        for r in range(a.runs):
            settings = IndexSettings(index_dir=Path(tmp) / f"cold{r}")
            cpu0 = time.process_time()
            info = build_index(settings, progress=False)
            cpu = time.process_time() - cpu0
            builds.append({"seconds": round(info.build_seconds, 3), "cpu_seconds": round(cpu, 3),
                           "phases": info.timings, "chunks": info.chunk_count, "embedded": info.embedded_chunks})
            print(f"cold build {r + 1}: {info.build_seconds:.2f} s {info.timings}", file=sys.stderr)
        warm = build_index(settings, progress=False, rebuild=True)
        print(f"rebuild (warm cache): {warm.build_seconds:.2f} s", file=sys.stderr)

        t = time.perf_counter()
        h = open_index(settings)
        open_s = time.perf_counter() - t
        t = time.perf_counter()
        h.warm()
        first_s = time.perf_counter() - t
        qs = queries()
        hyb = h.retriever("hybrid")
        total, cpu_ms, stages = [], [], {"embed_ms": [], "dense_ms": [], "keyword_ms": [], "fuse_ms": []}
        for q in qs:
            c0 = time.thread_time()
            t = time.perf_counter()
            _, tm = hyb.retrieve_timed(q, 5)
            total.append((time.perf_counter() - t) * 1e3)
            cpu_ms.append((time.thread_time() - c0) * 1e3)
            for k in stages:
                stages[k].append(tm[k])
        legs = {}
        for mode in ("dense", "bm25"):
            r = h.retriever(mode)
            r.retrieve(qs[0], 5)
            xs = []
            for q in qs:
                t = time.perf_counter()
                r.retrieve(q, 5)
                xs.append((time.perf_counter() - t) * 1e3)
            legs[mode] = {"p50_ms": round(pct(xs, 50), 2), "p95_ms": round(pct(xs, 95), 2)}
        paras = [c for c in h.chunks if c.kind == "paragraph"]
        chunk_stats = {"chunks": len(h.chunks), "paragraph_chunks": len(paras),
                       "table_rows": sum(c.kind == "table_row" for c in h.chunks),
                       "paragraph_mean_chars": round(sum(len(c.text) for c in paras) / len(paras), 1),
                       "paragraph_max_chars": max(len(c.text) for c in paras)}

    best = min(b["seconds"] for b in builds)
    res = {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {**mach, "loadavg_at_end": list(os.getloadavg())},
        "embedder": info.embedder,
        "build": {"cold_runs": builds, "cold_best_s": best, "rebuild_warm_cache_s": round(warm.build_seconds, 3),
                  "target_s": 15, "ok": best <= 15},
        "open": {"open_index_s": round(open_s, 3), "first_query_s": round(first_s, 3)},
        "retrieval": {
            "queries": len(qs),
            "hybrid": {"p50_ms": round(pct(total, 50), 2), "p95_ms": round(pct(total, 95), 2),
                       "max_ms": round(max(total), 2), "mean_ms": round(statistics.mean(total), 2),
                       "cpu_p50_ms": round(pct(cpu_ms, 50), 2), "cpu_p95_ms": round(pct(cpu_ms, 95), 2),
                       "stages_p50_ms": {k: round(pct(v, 50), 2) for k, v in stages.items()},
                       "stages_p95_ms": {k: round(pct(v, 95), 2) for k, v in stages.items()},
                       "target": {"p50_ms": 30, "p95_ms": 60},
                       "ok": pct(total, 50) <= 30 and pct(total, 95) <= 60},
            **legs,
        },
        "chunks": chunk_stats,
    }
    a.out.mkdir(parents=True, exist_ok=True)
    (a.out / "index.json").write_text(json.dumps(res, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (a.out / "index.md").write_text(render_md(res), encoding="utf-8")
    print(render_md(res))
    return 0


def render_md(r: dict) -> str:
    m, b, rt, h = r["machine"], r["build"], r["retrieval"], r["retrieval"]["hybrid"]
    ph = b["cold_runs"][0]["phases"]
    lines = [
        "# Index benchmark",
        "",
        f"- date: {r['date']}",
        f"- machine: {m['nproc']} cores, {m['cpu']}, Python {m['python']}; load average at start "
        f"{m['loadavg_at_start'][0]:.2f}, at end {m['loadavg_at_end'][0]:.2f} (the machine is shared)",
        f"- embedder: {r['embedder']}; {r['chunks']['chunks']} chunks ({r['chunks']['paragraph_chunks']} paragraph, "
        f"{r['chunks']['table_rows']} table rows), paragraph chunks {r['chunks']['paragraph_mean_chars']} chars on average",
        "",
        "| measure | result | target |",
        "|---|---|---|",
        f"| full build, cold cache (best of {len(b['cold_runs'])}) | {b['cold_best_s']:.2f} s | <= 15 s |",
        f"| same build, CPU time (all threads) / cores | {b['cold_runs'][0]['cpu_seconds'] / m['nproc']:.2f} s | (what an idle machine would take, roughly) |",
        f"| rebuild, warm embedding cache | {b['rebuild_warm_cache_s']:.2f} s | |",
        f"| open index / first query (loads embedder, jieba) | {r['open']['open_index_s']:.2f} s / {r['open']['first_query_s']:.2f} s | |",
        f"| hybrid retrieval p50 ({rt['queries']} questions, warm) | {h['p50_ms']:.1f} ms | <= 30 ms |",
        f"| hybrid retrieval p95 | {h['p95_ms']:.1f} ms | <= 60 ms |",
        f"| hybrid retrieval CPU time of the querying thread p50 / p95 | {h['cpu_p50_ms']:.1f} / {h['cpu_p95_ms']:.1f} ms | |",
        f"| dense only p50 / p95 | {rt['dense']['p50_ms']:.1f} / {rt['dense']['p95_ms']:.1f} ms | |",
        f"| bm25 only p50 / p95 | {rt['bm25']['p50_ms']:.1f} / {rt['bm25']['p95_ms']:.1f} ms | |",
        "",
        "Build phases (s): " + ", ".join(f"{k[:-2]} {v:.2f}" for k, v in ph.items()),
        "",
        "Hybrid stages p50 (ms): " + ", ".join(f"{k[:-3]} {v:.1f}" for k, v in h["stages_p50_ms"].items()),
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
