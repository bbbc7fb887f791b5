"""Scale benchmark: a corpus 100x the report, on embedded Chroma and on a Chroma server.

    python benchmarks/bench_scale.py                    # 1x and 100x, embedded and server
    python benchmarks/bench_scale.py --copies 20 --skip-server
    python benchmarks/bench_scale.py --estimate         # token count and embedding-time estimate only

The corpus is generated, not committed: copy 0 is the report itself, copies 1..N-1 are the
report's text with every number perturbed (x0.80-1.25, same number of decimals; years kept so
questions stay meaningful) and every chapter/section heading renamed ("…（第i辑）"; front matter
headings such as 目录 keep their names so each copy keeps its table rows). The dense text of each
chunk includes its section title, so every copy's chunks are new text: the 100x build embeds
100x the passages (nothing comes from the embedding cache). The files go to
``.cache/bench-scale/corpus-<N>`` (git-ignored).

Each measured step runs in its own subprocess so its peak memory (``ru_maxrss``) is its own:
  build    ``index.build_index`` on the given sources, from an empty index folder
           (for the server: the embedding cache of the embedded build is copied in first, so the
           server build time is chunk + keyword index + Chroma writes, not embedding again)
  query    ``open_index`` + the single-turn evaluation questions through the hybrid retriever
           (k=5) and through ``Assistant.ask`` (its default settings), after 5 warm-up questions, ``--repeats`` times
Disk: bytes under the index folder (embedded) or under the server's ``--path`` (server).
Server memory: the ``chroma run`` process's peak RSS (VmHWM) when it is stopped.

Writes benchmarks/results/scale.{json,md}. Target (issue 7): 100x query p95 <= 2x the 1x figure.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import OUT, ROOT, machine, pct, stop  # noqa: E402


CACHE = ROOT / ".cache" / "bench-scale"


# ---------------------------------------------------------------- helpers


def du(path: Path) -> int:
    total = 0
    for p in Path(path).rglob("*"):
        try:
            if p.is_file() and not p.is_symlink():
                total += p.stat().st_size
        except OSError:
            pass
    return total


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------- corpus generation

_NUM = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
_YEAR = re.compile(r"(?:19|20)\d{2}")


def perturb_numbers(text: str, rng: random.Random) -> str:
    """Every number scaled by a random factor in [0.80, 1.25], same number of decimals; years kept."""

    def one(m: re.Match) -> str:
        s = m.group(0)
        if _YEAR.fullmatch(s):
            return s
        f = rng.uniform(0.80, 1.25)
        if "." in s:
            dec = len(s.split(".", 1)[1])
            return f"{float(s) * f:.{dec}f}"
        v = int(s)
        new = max(0, round(v * f))
        if new == v and v > 0:
            new = v + 1
        return str(new).zfill(len(s)) if s.startswith("0") else str(new)

    return _NUM.sub(one, text)


def rename_headings(text: str, i: int) -> str:
    """'# 标题' -> '# 标题（第i辑）' on every Markdown heading line, except the front matter headings the
    parser recognises by name (目录, 基金项目, 前言, ...): those keep their names so every copy keeps its
    table of contents and funding table, as a real second report would."""
    from corpus.structure import FRONT_MATTER_RE

    def one(m: re.Match) -> str:
        bare = re.sub(r"[*\s：:]", "", m.group(2))
        if FRONT_MATTER_RE.match(bare):
            return m.group(0)
        return f"{m.group(1)}{m.group(2)}（第{i}辑）"

    return re.sub(r"(?m)^(#{1,6}[ \t]+)(.*?)([ \t]*)$", one, text)


def make_copy(text: str, i: int) -> str:
    if i == 0:
        return text
    return rename_headings(perturb_numbers(text, random.Random(i)), i)


def generate(copies: int, out_dir: Path) -> list[Path]:
    """Write ``copies`` report files (copy 0 = the report) into ``out_dir``; reuses identical files."""
    from corpus import bundled_report_path

    src = bundled_report_path()
    text = src.read_text(encoding="utf-8")
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(copies):
        p = out_dir / (src.name if i == 0 else f"{src.stem}-v{i:03d}.md")
        body = make_copy(text, i)
        if not p.exists() or p.read_text(encoding="utf-8") != body:
            p.write_text(body, encoding="utf-8")
        paths.append(p)
    return paths


# ---------------------------------------------------------------- phases (run in subprocesses)


def _settings(index_dir: str, sources: list[str], host: str | None, port: int | None):
    from index.settings import ChromaSettings, IndexSettings

    kw = {"index_dir": Path(index_dir), "sources": [Path(s) for s in sources]}
    if host:
        kw["chroma"] = ChromaSettings(host=host, port=port)
    return IndexSettings(**kw)


def phase_build(a: dict) -> dict:
    from index.api import build_index

    s = _settings(a["index_dir"], a["sources"], a.get("host"), a.get("port"))
    t = time.perf_counter()
    info = build_index(s, progress=False, rebuild=True)
    return {"build_s": time.perf_counter() - t, "chunks": info.chunk_count, "embedded_chunks": info.embedded_chunks,
            "maxrss_mb": maxrss_mb()}


def phase_query(a: dict) -> dict:
    from assistant import Assistant, Settings
    from eval.dataset import load_items
    s = _settings(a["index_dir"], a["sources"], a.get("host"), a.get("port"))
    t = time.perf_counter()
    assistant = Assistant.load(Settings(index=s), build_if_missing=False)  # open + warm (embedder, jieba)
    open_s = time.perf_counter() - t
    handle = assistant.handle
    questions = [it.turns[-1] for it in load_items() if len(it.turns) == 1]
    retr = handle.retriever("hybrid")
    for q in questions[:5]:
        retr.retrieve(q, 5)
        assistant.ask(q)
    r_ms, a_ms, dense_ms, bm25_ms = [], [], [], []
    dense, bm25 = handle.retriever("dense"), handle.retriever("bm25")
    for _ in range(a["repeats"]):
        for q in questions:
            t = time.perf_counter()
            retr.retrieve(q, 5)
            r_ms.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            assistant.ask(q)
            a_ms.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            dense.retrieve(q, 5)
            dense_ms.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            bm25.retrieve(q, 5)
            bm25_ms.append((time.perf_counter() - t) * 1000)
    stat = lambda xs: {"p50": pct(xs, 50), "p95": pct(xs, 95), "mean": statistics.fmean(xs)}  # noqa: E731
    return {"open_s": open_s, "questions": len(questions), "repeats": a["repeats"], "chunks": len(handle.chunks),
            "retrieve_ms": stat(r_ms), "ask_ms": stat(a_ms), "dense_ms": stat(dense_ms), "bm25_ms": stat(bm25_ms),
            "maxrss_mb": maxrss_mb()}


def run_phase(name: str, args: dict, timeout: float = 7200) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "_phase", name, json.dumps(args)]
    t = time.monotonic()
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    if out.returncode != 0:
        raise RuntimeError(f"phase {name} failed ({out.returncode}):\n{out.stderr[-4000:]}")
    res = json.loads(out.stdout.strip().splitlines()[-1])
    res["wall_s"] = time.monotonic() - t
    return res


class ChromaServer:
    """``chroma run`` on a free port; peak RSS read before it is stopped."""

    def __init__(self, path: Path, log: Path):
        self.path, self.log = path, log
        self.port = free_port()
        self.proc: subprocess.Popen | None = None
        self.peak_rss_mb: float | None = None

    def __enter__(self) -> "ChromaServer":
        exe = Path(sys.executable).with_name("chroma")
        self._out = open(self.log, "w")
        self.proc = subprocess.Popen([str(exe), "run", "--path", str(self.path), "--port", str(self.port)],
                                     stdout=self._out, stderr=subprocess.STDOUT,
                                     env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
        deadline = time.monotonic() + 60
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"chroma run exited: {self.log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", timeout=2):
                    return self
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"chroma run did not answer in 60 s: {self.log.read_text()[-2000:]}")
                time.sleep(0.3)

    def peak(self) -> float | None:
        try:
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            return None
        return None

    def __exit__(self, *exc) -> None:
        if self.proc and self.proc.poll() is None:
            self.peak_rss_mb = self.peak()
        stop(self.proc)
        self._out.close()


# ---------------------------------------------------------------- driver


def duplicate_breakdown(paths: list[Path]) -> dict:
    """Chunks whose dense text already occurred (what the embedding cache serves), by kind/table/section."""
    from collections import Counter

    from corpus import load_report
    from index.api import chunk_reports
    from index.embedders import make_embedder
    from index.glossary import Glossary
    from index.render import dense_text
    from index.settings import IndexSettings

    s = IndexSettings()
    e, g = make_embedder(s.embedder, s.batch_size), Glossary.load()
    seen: set[str] = set()
    rep, tot = Counter(), Counter()
    for p in paths:
        for c in chunk_reports([load_report(p)], s, e.count_tokens):
            k = f"{c.kind}:{c.meta.get('table', '')}" if c.kind != "paragraph" else f"paragraph:{(c.section_path or ('',))[0]}"
            t = dense_text(c, g)
            tot[k] += 1
            rep[k] += t in seen
            seen.add(t)
    return {k: {"repeats": rep[k], "chunks": tot[k]} for k, _ in rep.most_common()}


def estimate(copies: int) -> dict:
    """Tokens of the 1x chunks and measured embedding speed -> estimated 100x embedding time."""
    from corpus import load_bundled
    from index.api import chunk_reports
    from index.embedders import make_embedder
    from index.glossary import Glossary
    from index.render import dense_text
    from index.settings import IndexSettings

    s = IndexSettings()
    e = make_embedder(s.embedder, s.batch_size)
    chunks = chunk_reports([load_bundled()], s, e.count_tokens)
    texts = [dense_text(c, Glossary.load()) for c in chunks]
    tokens = sum(e.count_tokens(t) for t in texts)
    t = time.perf_counter()
    e.embed_passages(texts)
    dt = time.perf_counter() - t
    return {"chunks_1x": len(chunks), "tokens_1x": tokens, "embed_1x_s": dt, "ms_per_token": dt / tokens * 1000,
            "estimated_embed_s": dt * copies}


def run_config(label: str, sources: list[Path], work: Path, server: bool, repeats: int, cache_from: Path | None) -> dict:
    index_dir = work / f"{label}-index"
    shutil.rmtree(index_dir, ignore_errors=True)
    index_dir.mkdir(parents=True)
    if cache_from is not None and (cache_from / "embed_cache").exists():
        shutil.copytree(cache_from / "embed_cache", index_dir / "embed_cache")
    a = {"index_dir": str(index_dir), "sources": [str(p) for p in sources], "repeats": repeats}
    row = {"config": label, "store": "server" if server else "embedded", "copies": len(sources),
           "embedding_cache": "copied from the embedded build" if cache_from is not None else "empty"}
    print(f"[bench_scale] {label}: building ({len(sources)} files) ...", flush=True)
    if server:
        data = work / f"{label}-chroma"
        shutil.rmtree(data, ignore_errors=True)
        with ChromaServer(data, work / f"{label}-chroma.log") as srv:
            a.update(host="127.0.0.1", port=srv.port)
            row["build"] = run_phase("build", a)
            print(f"[bench_scale] {label}: built in {row['build']['build_s']:.1f} s; querying ...", flush=True)
            row["query"] = run_phase("query", a)
        row["server_peak_rss_mb"] = srv.peak_rss_mb
        row["disk_bytes_chroma"] = du(data)
    else:
        row["build"] = run_phase("build", a)
        print(f"[bench_scale] {label}: built in {row['build']['build_s']:.1f} s; querying ...", flush=True)
        row["query"] = run_phase("query", a)
        row["disk_bytes_chroma"] = du(index_dir / "chroma")
    row["disk_bytes_bm25"] = du(index_dir / "bm25")  # the keyword index lives next to the client in both cases
    row["disk_bytes_embed_cache"] = du(index_dir / "embed_cache")
    q = row["query"]
    print(f"[bench_scale] {label}: hybrid retrieve p50 {q['retrieve_ms']['p50']:.1f} p95 {q['retrieve_ms']['p95']:.1f} ms; "
          f"ask p50 {q['ask_ms']['p50']:.1f} p95 {q['ask_ms']['p95']:.1f} ms", flush=True)
    return row


def to_markdown(res: dict) -> str:
    m = res["machine"]
    mb = lambda b: f"{b / 1e6:.1f}" if b is not None else "–"  # noqa: E731
    lines = [
        f"# Scale benchmark ({res['date']})",
        "",
        f"Machine: {m['nproc']} cores, {m['cpu']}, {m['mem_total']} RAM, Python {m['python']}; load average at start "
        f"{', '.join(f'{x:.2f}' for x in m['loadavg_at_start'])} (the machine is shared with other work).",
        f"Corpus: the report (1x) and {res['copies']} generated copies ({res['copies']}x: numbers perturbed, headings "
        f"renamed; {mb(res['corpus_bytes'])} MB of Markdown). Default settings (e5-small-q4, 120-token chunks; the retriever timed at k=5, `Assistant.ask` with its own default k=8).",
        f"Queries: {res['rows'][0]['query']['questions']} single-turn evaluation questions x {res['repeats']} repeats, warm process.",
        "",
        "| config | chunks | embedded | build (s) | build peak RSS (MB) | Chroma + BM25 on disk (MB) | open (s) "
        "| query peak RSS (MB) | hybrid retrieve p50 / p95 (ms) | dense p50 / p95 | bm25 p50 / p95 | ask p50 / p95 (ms) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in res["rows"]:
        b, q = r["build"], r["query"]
        f2 = lambda d: f"{d['p50']:.1f} / {d['p95']:.1f}"  # noqa: E731
        disk = f"{mb(r['disk_bytes_chroma'])} + {mb(r['disk_bytes_bm25'])}"
        rss = f"{b['maxrss_mb']:.0f}"
        qrss = f"{q['maxrss_mb']:.0f}"
        if r.get("server_peak_rss_mb"):
            qrss += f" (+ server {r['server_peak_rss_mb']:.0f})"
        lines.append(
            f"| {r['config']} | {b['chunks']} | {b['embedded_chunks']} | {b['build_s']:.1f} | {rss} | {disk} | "
            f"{q['open_s']:.1f} | {qrss} | {f2(q['retrieve_ms'])} | {f2(q['dense_ms'])} | {f2(q['bm25_ms'])} | {f2(q['ask_ms'])} |"
        )
    lines += [
        "",
        "- *embedded*: chunks embedded in that build (the rest came from the embedding cache). Server builds start "
        "from the embedded build's cache, so their build time excludes embedding.",
        "- *on disk*: Chroma's files (embedded: `<index dir>/chroma`; server: its `--path`) + the BM25 file "
        "(always beside the client). Not counted: the embedding cache and jieba's dictionary cache.",
        "- *build peak RSS*: the building process; the Chroma server's own peak is added in the query column.",
    ]
    big_e = next((r for r in res["rows"] if r["store"] == "embedded" and r["copies"] == res["copies"]), None)
    big_s = next((r for r in res["rows"] if r["store"] == "server" and r["copies"] == res["copies"]), None)
    if big_e:
        b = big_e["build"]
        lines += ["", f"What the {res['copies']}x build embedded: {b['embedded_chunks']} of {b['chunks']} chunks; the other "
                  f"{b['chunks'] - b['embedded_chunks']} have the same dense text as a chunk of another copy and came from the "
                  "embedding cache (small numbers such as page numbers often perturb to the same value, and number-free "
                  "front-matter passages repeat). Chroma and BM25 hold all of them."]
        dup = res.get("duplicates")
        if dup:
            lines.append("Repeated dense texts by kind (repeats / chunks): "
                         + "; ".join(f"{k} {v['repeats']} / {v['chunks']}" for k, v in dup.items() if v["repeats"]) + ".")
        if big_s and b["embedded_chunks"]:
            per = (b["build_s"] - big_s["build"]["build_s"]) / b["embedded_chunks"]
            lines.append(f"Derived, not measured: the embedding share of that build is {b['build_s']:.0f} - "
                         f"{big_s['build']['build_s']:.0f} s (the same build with every vector cached) = "
                         f"{b['build_s'] - big_s['build']['build_s']:.0f} s, {per * 1000:.0f} ms per chunk; embedding all "
                         f"{b['chunks']} chunks would take ~{(per * b['chunks'] + big_s['build']['build_s']) / 60:.0f} min.")
    lines += ["", "Targets:"]
    for t in res["targets"]:
        lines.append(f"- {t['what']}: {t['value']:.1f} ms vs limit {t['limit']:.1f} ms -> {'met' if t['met'] else 'MISSED'}"
                     f" ({t['ratio']:.2f}x the 1x figure)")
    if res.get("estimate"):
        e = res["estimate"]
        lines += ["", f"Estimate before building: 1x = {e['chunks_1x']} chunks, {e['tokens_1x']} tokens, embedded in "
                  f"{e['embed_1x_s']:.1f} s ({e['ms_per_token']:.2f} ms/token) -> {res['copies']}x ~ "
                  f"{e['estimated_embed_s'] / 60:.1f} min of embedding."]
    if res.get("notes"):
        lines += ["", res["notes"]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["_phase"]:
        fn = {"build": phase_build, "query": phase_query}[argv[1]]
        print(json.dumps(fn(json.loads(argv[2]))), flush=True)
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=100, help="size of the large corpus in reports (default 100)")
    ap.add_argument("--repeats", type=int, default=2, help="passes over the questions per config (default 2)")
    ap.add_argument("--skip-server", action="store_true", help="embedded Chroma only")
    ap.add_argument("--estimate", action="store_true", help="print the embedding-time estimate and stop")
    ap.add_argument("--work-dir", type=Path, default=CACHE, help=f"generated corpus and indexes (default {CACHE})")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--notes", default="")
    ap.add_argument("--keep", action="store_true", help="keep the built indexes (default: delete them at the end)")
    args = ap.parse_args(argv)

    est = estimate(args.copies)
    print(f"[bench_scale] 1x: {est['chunks_1x']} chunks, {est['tokens_1x']} tokens, embedded in {est['embed_1x_s']:.1f} s "
          f"({est['ms_per_token']:.2f} ms/token): {args.copies}x ~ {est['estimated_embed_s'] / 60:.1f} min of embedding",
          flush=True)
    if args.estimate:
        return 0
    mach = machine()
    work = args.work_dir
    work.mkdir(parents=True, exist_ok=True)
    corpus = generate(args.copies, work / f"corpus-{args.copies}")
    one = corpus[:1]
    rows = []
    try:
        rows.append(run_config("1x embedded", one, work, False, args.repeats, None))
        if not args.skip_server:
            rows.append(run_config("1x server", one, work, True, args.repeats, work / "1x embedded-index"))
        big = f"{args.copies}x"
        rows.append(run_config(f"{big} embedded", corpus, work, False, args.repeats, None))
        if not args.skip_server:
            rows.append(run_config(f"{big} server", corpus, work, True, args.repeats, work / f"{big} embedded-index"))
    finally:
        if not args.keep:
            for p in work.glob("*-index"):
                shutil.rmtree(p, ignore_errors=True)
            for p in work.glob("*-chroma"):
                shutil.rmtree(p, ignore_errors=True)
    targets = []
    for store in ("embedded", "server"):
        small = next((r for r in rows if r["store"] == store and r["copies"] == 1), None)
        large = next((r for r in rows if r["store"] == store and r["copies"] == args.copies), None)
        if small and large:
            for key, what in (("retrieve_ms", "hybrid retrieve"), ("ask_ms", "ask")):
                v, base = large["query"][key]["p95"], small["query"][key]["p95"]
                targets.append({"what": f"{store}: {args.copies}x {what} p95 <= 2x 1x", "value": v, "limit": 2 * base,
                                "ratio": v / base, "met": v <= 2 * base})
    res = {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": mach,
        "copies": args.copies,
        "corpus_bytes": sum(p.stat().st_size for p in corpus),
        "repeats": args.repeats,
        "estimate": est,
        "duplicates": duplicate_breakdown(corpus),
        "rows": rows,
        "targets": targets,
        "notes": args.notes,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "scale.json").write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n")
    md = to_markdown(res)
    (args.out / "scale.md").write_text(md)
    print(md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
