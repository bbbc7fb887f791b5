"""Assistant benchmark (not a timed test): warm `ask` p50/p95 against the same process's
query-embedding time, and cold start (load index and models, first answer) in a fresh process.

    python benchmarks/bench_assistant.py [--index-dir DIR] [--repeats 3]

Writes benchmarks/results/assistant.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import OUT, ROOT, machine, pct  # noqa: E402


COLD = r"""
import os, sys, time, json
t0 = time.perf_counter()
from assistant import Assistant, Settings
from index.settings import IndexSettings

s = Settings(index=IndexSettings(index_dir=sys.argv[1]))
a = Assistant.load(s, build_if_missing=False)
t1 = time.perf_counter()
r = a.ask("北京市2013年R&D投入强度是多少？")
t2 = time.perf_counter()
print(json.dumps({"load_ms": (t1 - t0) * 1000, "first_answer_ms": (t2 - t1) * 1000, "total_ms": (t2 - t0) * 1000}))
"""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--index-dir", type=Path, default=ROOT / ".cache" / "bench-index")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()

    from assistant import Assistant, Settings
    from eval.dataset import load_items
    from index.settings import IndexSettings

    load_start = os.getloadavg()[0]
    settings = Settings(index=IndexSettings(index_dir=args.index_dir))
    from index.api import build_index

    build_index(settings.index, progress=False)  # builds on first run, rebuilds a stale index, else reuses it
    a = Assistant.load(settings)
    questions = [it.turns[-1] for it in load_items() if len(it.turns) == 1]
    for q in questions[:5]:
        a.ask(q)  # warm-up
    ask_ms, embed_ms = [], []
    emb = a.handle.embedder  # the query embedder the retriever uses
    for _ in range(args.repeats):
        for q in questions:
            t = time.perf_counter()
            a.ask(q)
            ask_ms.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            emb.embed_query(q)
            embed_ms.append((time.perf_counter() - t) * 1000)

    cold = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", COLD, str(args.index_dir)], capture_output=True, text=True, cwd=ROOT, check=True)
        cold.append(json.loads(out.stdout.strip().splitlines()[-1]))

    res = {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {**machine(), "load_average_start": load_start, "load_average_end": os.getloadavg()[0]},
        "questions": len(questions),
        "repeats": args.repeats,
        "ask_ms": {"p50": pct(ask_ms, 50), "p95": pct(ask_ms, 95), "mean": statistics.mean(ask_ms)},
        "query_embedding_ms": {"p50": pct(embed_ms, 50), "p95": pct(embed_ms, 95)},
        "ask_p50_over_embed_p50": pct(ask_ms, 50) / pct(embed_ms, 50),
        "cold_start_ms": {
            "load_p50": pct([c["load_ms"] for c in cold], 50),
            "first_answer_p50": pct([c["first_answer_ms"] for c in cold], 50),
            "total_p50": pct([c["total_ms"] for c in cold], 50),
            "total_max": max(c["total_ms"] for c in cold),
        },
        "targets": {"ask_p50_le_3x_embed": pct(ask_ms, 50) <= 3 * pct(embed_ms, 50), "cold_start_le_3s": max(c["total_ms"] for c in cold) <= 3000},
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "assistant.json").write_text(json.dumps(res, indent=2, ensure_ascii=False))
    md = [
        f"# Assistant benchmark ({res['date']})",
        "",
        f"Machine: {res['machine']['nproc']} cores, {res['machine']['cpu']}, Python {res['machine']['python']}; "
        f"load average {res['machine']['load_average_start']:.1f} at start, {res['machine']['load_average_end']:.1f} at end (shared machine)",
        f"{res['questions']} single-turn evaluation questions x {args.repeats} repeats, warm process, default settings (hybrid, k={settings.answer.k}).",
        "",
        "| measure | p50 (ms) | p95 (ms) |",
        "|---|---|---|",
        f"| warm `ask` | {res['ask_ms']['p50']:.1f} | {res['ask_ms']['p95']:.1f} |",
        f"| query embedding (same process) | {res['query_embedding_ms']['p50']:.1f} | {res['query_embedding_ms']['p95']:.1f} |",
        "",
        f"ask p50 / embedding p50 = {res['ask_p50_over_embed_p50']:.2f} (target <= 3): {'met' if res['targets']['ask_p50_le_3x_embed'] else 'MISSED'}",
        "",
        f"Cold start in a fresh process (3 runs): load {res['cold_start_ms']['load_p50']:.0f} ms, first answer {res['cold_start_ms']['first_answer_p50']:.0f} ms, "
        f"total p50 {res['cold_start_ms']['total_p50']:.0f} ms, max {res['cold_start_ms']['total_max']:.0f} ms (target <= 3000): {'met' if res['targets']['cold_start_le_3s'] else 'MISSED'}",
    ]
    (OUT / "assistant.md").write_text("\n".join(md) + "\n")
    print("\n".join(md))
    return 0


if __name__ == "__main__":
    sys.exit(main())
