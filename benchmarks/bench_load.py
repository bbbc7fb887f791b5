"""Load benchmark: the web app under N concurrent simulated users.

    python benchmarks/bench_load.py                      # N = 1, 8, 32; 20 s each; gradio_client; temp index
    python benchmarks/bench_load.py --transport gradio_client,http   # also through Gradio's HTTP API
    python benchmarks/bench_load.py --users 8 --duration 60 --index-dir ~/.cache/jjj-bench
    python benchmarks/bench_load.py --url http://127.0.0.1:7860/ [--server-pid PID]   # an app already running

It starts ``app.py`` in a subprocess on a free port (127.0.0.1) with a temp index folder (or
``--index-dir``), waits for the index, asks every evaluation item once alone (the reference),
then for each N runs N user threads, each with its own client (``gradio_client.Client``, or one
keep-alive HTTP connection to Gradio's ``/gradio_api/call/ask``), asking the evaluation items
(multi-turn ones with their earlier turns as ``history``; users start at different items) back
to back for ``--duration`` seconds. An error is a failed call or an answer that differs from the
reference (timings aside): concurrency must not change answers. Latency is the client-side wall
time of one call; "server ms" is the Assistant's own ``timings_ms.total`` (the rest is queueing
and transport); CPU use of the app process and of the clients is recorded too.

Writes benchmarks/results/load.{json,md} (with date and machine). Targets (issue 7): 0 errors at
every N; p95 <= 500 ms at 8 users.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import OUT, ROOT, machine, pct, stop  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class App:
    """``app.py`` in a subprocess; always stopped (context manager)."""

    def __init__(self, index_dir: Path, log: Path, extra: list[str] | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.index_dir = index_dir
        self.log = log
        self.extra = extra or []
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> "App":
        env = {**os.environ, "JJJ_HOME": str(self.index_dir), "PYTHONUNBUFFERED": "1"}
        env.pop("JJJ_AUTH", None)
        cmd = [sys.executable, str(ROOT / "app.py"), "--port", str(self.port), "--index-dir", str(self.index_dir), *self.extra]
        self._out = open(self.log, "w")
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=self._out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 300
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the app exited with {self.proc.returncode}:\n{self.log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(self.url, timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the app did not serve {self.url} in 300 s:\n{self.log.read_text()[-3000:]}")
            time.sleep(0.3)

    def __exit__(self, *exc) -> None:
        stop(self.proc)
        self._out.close()


class GradioUser:
    """One simulated user: its own ``gradio_client.Client``."""

    def __init__(self, url: str, auth: tuple[str, str] | None = None):
        from gradio_client import Client

        # gradio_client builds a new TLS context (loading the CA bundle) for every call, even for http://
        # URLs: ~45 ms of client CPU per call, measured. Plain http has no TLS, so skip it there.
        self.client = Client(url, auth=auth, verbose=False, analytics_enabled=False, download_files=False,
                             ssl_verify=not url.startswith("http://"))

    def ask(self, question: str, history: list[str] | None) -> dict:
        return self.client.predict(question, history or None, api_name="/ask")

    def close(self) -> None:
        self.client.close()


class HttpUser:
    """One simulated user speaking Gradio's HTTP API directly (POST /gradio_api/call/ask, then read the
    event stream), on one keep-alive connection: the same server work at a fraction of the client CPU."""

    def __init__(self, url: str, auth=None):
        import http.client
        from urllib.parse import urlsplit

        if auth:
            raise SystemExit("--transport http does not log in; use --transport gradio_client with --auth")
        u = urlsplit(url)
        self.base = u.path.rstrip("/")
        self.conn = http.client.HTTPConnection(u.hostname, u.port or 80, timeout=300)

    def ask(self, question: str, history: list[str] | None) -> dict:
        body = json.dumps({"data": [question, history or None, None, None]})
        self.conn.request("POST", f"{self.base}/gradio_api/call/ask", body, {"Content-Type": "application/json"})
        r = self.conn.getresponse()
        data = r.read()
        if r.status != 200:
            raise RuntimeError(f"HTTP {r.status}: {data[:200]!r}")
        event_id = json.loads(data)["event_id"]
        self.conn.request("GET", f"{self.base}/gradio_api/call/ask/{event_id}")
        r = self.conn.getresponse()
        stream = r.read().decode("utf-8")
        event, payload = None, None
        for line in stream.splitlines():
            if line.startswith("event:"):
                event = line[6:].strip()
            elif line.startswith("data:"):
                payload = line[5:].strip()
        if event == "complete":
            return json.loads(payload)[0]
        raise RuntimeError(f"{event}: {(payload or '')[:200]}")

    def close(self) -> None:
        self.conn.close()


TRANSPORTS = {"gradio_client": GradioUser, "http": HttpUser}


def workload() -> list[tuple[str, list[str]]]:
    """(question, history) for every evaluation item, in file order."""
    from eval.dataset import load_items

    return [(it.turns[-1], list(it.turns[:-1])) for it in load_items()]


def proc_cpu_s(pid: int | None) -> float | None:
    """user+system CPU seconds of a process (Linux /proc), None if unknown."""
    if not pid:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def _key(q: str, hist: list[str]) -> str:
    return json.dumps([q, hist], ensure_ascii=False)


def _strip(r: dict) -> dict:
    return {k: v for k, v in r.items() if k != "timings_ms"}


def run_level(url: str, users: int, duration: float, work: list[tuple[str, list[str]]], auth=None,
              server_pid: int | None = None, transport: str = "gradio_client", reference: dict | None = None) -> dict:
    clients = [TRANSPORTS[transport](url, auth) for _ in range(users)]  # connect before the clock starts
    lat: list[float] = []
    server: list[float] = []
    errors: Counter = Counter()
    lock = threading.Lock()
    barrier = threading.Barrier(users + 1)
    stop_at = [0.0]

    def user(u: int) -> None:
        c = clients[u]
        i = (u * len(work)) // users  # users start at different items
        barrier.wait()
        while time.monotonic() < stop_at[0]:
            q, hist = work[i % len(work)]
            i += 1
            t = time.perf_counter()
            try:
                r = c.ask(q, hist)
                dt = (time.perf_counter() - t) * 1000
                ok = isinstance(r, dict) and "answer" in r
                same = ok and (reference is None or _strip(r) == reference.get(_key(q, hist), _strip(r)))
                with lock:
                    if ok:
                        lat.append(dt)
                        server.append(float((r.get("timings_ms") or {}).get("total", float("nan"))))
                    if not ok:
                        errors[f"bad response: {str(r)[:80]}"] += 1
                    elif not same:  # under load the answer must be exactly the one given to a lone user
                        errors[f"answer differs from the sequential reference: {q[:40]}"] += 1
            except Exception as e:  # noqa: BLE001 - every failure is counted, by kind
                with lock:
                    errors[f"{type(e).__name__}: {str(e)[:120]}"] += 1

    threads = [threading.Thread(target=user, args=(u,), daemon=True) for u in range(users)]
    for t in threads:
        t.start()
    stop_at[0] = time.monotonic() + duration
    t0 = time.monotonic()
    cpu0, srv0 = time.process_time(), proc_cpu_s(server_pid)
    barrier.wait()
    for t in threads:
        t.join(timeout=duration + 120)
    wall = time.monotonic() - t0
    client_cpu = time.process_time() - cpu0
    srv1 = proc_cpu_s(server_pid)
    server_cpu = None if srv0 is None or srv1 is None else srv1 - srv0
    for c in clients:
        try:
            c.close()
        except Exception:  # noqa: BLE001
            pass
    n_err = sum(errors.values())
    return {
        "transport": transport,
        "users": users,
        "duration_s": round(wall, 2),
        "requests": len(lat),
        "errors": n_err,
        "error_kinds": dict(errors.most_common(5)),
        "throughput_rps": len(lat) / wall if wall else float("nan"),
        "p50_ms": pct(lat, 50),
        "p95_ms": pct(lat, 95),
        "p99_ms": pct(lat, 99),
        "max_ms": max(lat) if lat else float("nan"),
        "server_p50_ms": pct(server, 50),
        "server_p95_ms": pct(server, 95),
        "server_mean_ms": statistics.fmean(server) if server else float("nan"),
        "client_cpu_s_per_s": client_cpu / wall,  # the simulated users' own CPU (same machine)
        "server_cpu_s_per_s": None if server_cpu is None else server_cpu / wall,  # the app process
        "assistant_busy_share": len(server) * (statistics.fmean(server) / 1000) / wall if server else float("nan"),
    }


def to_markdown(res: dict) -> str:
    m = res["machine"]
    lines = [
        f"# Load benchmark ({res['date']})",
        "",
        f"Machine: {m['nproc']} cores, {m['cpu']}, Python {m['python']}; load average at start "
        f"{', '.join(f'{x:.2f}' for x in m['loadavg_at_start'] or [])} (the machine is shared).",
        f"App: `app.py` on 127.0.0.1 ({res['app']}, answering {res.get('app_concurrency', '?')} questions at once), "
        f"`/ask` driven by simulated users, each with its own client: *gradio_client* {res['gradio_client']} (what API "
        "users run) or *http*: Gradio's HTTP API directly (POST /gradio_api/call/ask + its event stream, one keep-alive "
        "connection per user). gradio_client runs with `ssl_verify=False` on the plain-http URL (no TLS either way): "
        "with the default it builds a TLS context per call, ~45 ms of client CPU. "
        f"{res['questions']} evaluation items (multi-turn ones with their history) asked back to back "
        f"per user, {res['duration_s']:g} s per level. The clients run on the same 2-core machine as the app.",
        "",
        "| client | users | requests | errors | throughput (req/s) | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) "
        "| server p50 / p95 (ms) | app CPU (cores) | clients CPU (cores) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    cores = lambda v: "–" if v is None else f"{v:.2f}"  # noqa: E731
    for r in res["levels"]:
        lines.append(
            f"| {r.get('transport', 'gradio_client')} | {r['users']} | {r['requests']} | {r['errors']} | {r['throughput_rps']:.1f} | {r['p50_ms']:.0f} | "
            f"{r['p95_ms']:.0f} | {r['p99_ms']:.0f} | {r['max_ms']:.0f} | {r['server_p50_ms']:.0f} / {r['server_p95_ms']:.0f} | "
            f"{cores(r.get('server_cpu_s_per_s'))} | {cores(r.get('client_cpu_s_per_s'))} |"
        )
    lines += ["", "Errors count failed calls and answers that differ (timings aside) from the answer the same item got "
              "when asked alone before the run.", "", "Latency: client wall time of one `/ask` call. Server: the Assistant's `timings_ms.total` for that call "
              "(a multi-turn item replays its history, so one call can be several asks); the difference is queueing and transport. "
              "CPU: CPU-seconds per second of the app process and of the benchmark's client threads (2 cores = 2.00)."]
    errs = [(r.get("transport"), r["users"], r["error_kinds"]) for r in res["levels"] if r["errors"]]
    if errs:
        lines += ["", "Errors:"] + [f"- {t}, {u} users: {k}" for t, u, k in errs]
    t = res["targets"]
    lines += ["", "Targets:", f"- 0 errors at every N: {'met' if t['zero_errors'] else 'MISSED'}"]
    for name, v in t["p95_8_users_ms"].items():
        lines.append(f"- p95 <= 500 ms at 8 users ({name}): {v:.0f} ms, {'met' if v <= 500 else 'MISSED'}")
    if res.get("notes"):
        lines += ["", res["notes"]]
    return "\n".join(lines) + "\n"


def _app_concurrency():
    try:
        import app

        return app.ASSISTANT_CONCURRENCY
    except Exception:  # noqa: BLE001 - reporting only
        return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--users", default="1,8,32", help="comma-separated concurrency levels (default 1,8,32)")
    ap.add_argument("--duration", type=float, default=20.0, help="seconds per level (default 20)")
    ap.add_argument("--index-dir", type=Path, help="index folder (default: a temp folder, built on start)")
    ap.add_argument("--url", help="drive an app that is already running instead of starting one")
    ap.add_argument("--auth", help="USER:PASSWORD for an app started with --auth")
    ap.add_argument("--out", type=Path, default=OUT, help="results folder (default benchmarks/results)")
    ap.add_argument("--notes", default="", help="a sentence added to the Markdown report")
    ap.add_argument("--server-pid", type=int, help="with --url: the app's pid, to report its CPU use")
    ap.add_argument("--transport", default="gradio_client",
                    help="comma-separated: gradio_client (default: what API users run) and/or http (Gradio's HTTP "
                         "API, a light client)")
    args = ap.parse_args(argv)
    levels = [int(x) for x in args.users.split(",") if x.strip()]
    transports = [t.strip() for t in args.transport.split(",") if t.strip()]
    if not transports or set(transports) - set(TRANSPORTS):
        ap.error(f"--transport: choose from {sorted(TRANSPORTS)}")
    auth = tuple(args.auth.split(":", 1)) if args.auth else None
    work = workload()

    import gradio_client

    def drive(url: str, pid: int | None) -> list[dict]:
        warm = GradioUser(url, auth)
        t = time.perf_counter()
        warm.ask("ISBN", None)  # waits for the index build / load
        print(f"[bench_load] app ready after {time.perf_counter() - t:.1f} s", flush=True)
        # one user, one request at a time: the reference every answer under load must equal
        reference = {_key(q, h): _strip(warm.ask(q, h)) for q, h in work}
        warm.close()
        out = []
        for tr, n in ((tr, n) for tr in transports for n in levels):
            r = run_level(url, n, args.duration, work, auth, pid, tr, reference)
            print(f"[bench_load] {tr} {n:>3} users: {r['requests']} requests, {r['errors']} errors, "
                  f"{r['throughput_rps']:.1f} req/s, p50 {r['p50_ms']:.0f} p95 {r['p95_ms']:.0f} p99 {r['p99_ms']:.0f} ms; "
                  f"server mean {r['server_mean_ms']:.0f} ms, busy {r['assistant_busy_share']:.0%}; "
                  f"CPU app {r['server_cpu_s_per_s'] or float('nan'):.2f} clients {r['client_cpu_s_per_s']:.2f}",
                  flush=True)
            out.append(r)
        return out

    mach = machine()
    if args.url:
        levels_out = drive(args.url, args.server_pid)
        app_desc = f"external {args.url}"
    else:
        with tempfile.TemporaryDirectory(prefix="jjj-load-") as tmp:
            index_dir = args.index_dir or Path(tmp) / "home"
            with App(index_dir, Path(tmp) / "app.log", ["--auth", args.auth] if args.auth else []) as app:
                levels_out = drive(app.url, app.proc.pid)
            app_desc = "started by the benchmark, " + ("given index folder" if args.index_dir else "fresh temp index")
    p95_8 = {r["transport"]: r["p95_ms"] for r in levels_out if r["users"] == 8}
    res = {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": mach,
        "app": app_desc,
        "gradio_client": gradio_client.__version__,
        "transports": transports,
        "app_concurrency": None if args.url else _app_concurrency(),
        "questions": len(work),
        "duration_s": args.duration,
        "levels": levels_out,
        "targets": {
            "zero_errors": all(r["errors"] == 0 for r in levels_out),
            "p95_8_users_ms": p95_8,
            "p95_8_users_met": {k: v <= 500 for k, v in p95_8.items()},
        },
        "notes": args.notes,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "load.json").write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n")
    md = to_markdown(res)
    (args.out / "load.md").write_text(md)
    print(md)
    return 0 if res["targets"]["zero_errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
