"""What every benchmark shares: paths, the offline environment, percentiles, machine facts."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "results"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from assistant import offline  # noqa: E402

offline.apply()


def pct(xs, p: float) -> float:
    """Linear-interpolated percentile (numpy's default), p in [0, 100]; NaN when empty."""
    xs = sorted(xs)
    if not xs:
        return float("nan")
    i = (len(xs) - 1) * p / 100
    lo, hi = int(i), min(int(i) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (i - lo)


def machine() -> dict:
    """Cores, CPU model, memory, Python and the load average now (the machine is shared)."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        mem = Path("/proc/meminfo").read_text().splitlines()[0].split(":", 1)[1].strip()
    except (OSError, IndexError):
        pass
    try:
        nproc = len(os.sched_getaffinity(0))
    except AttributeError:
        nproc = os.cpu_count()
    try:
        load = list(os.getloadavg())
    except OSError:
        load = None
    return {"nproc": nproc, "cpu": cpu, "mem_total": mem, "python": platform.python_version(),
            "platform": platform.platform(), "loadavg_at_start": load}


def stop(proc: subprocess.Popen | None) -> None:
    """Terminate a server subprocess, kill it if it will not stop."""
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
