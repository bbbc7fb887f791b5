"""Helpers shared by tests that start `jjj`, the app or a Chroma server in a subprocess."""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

from assistant.offline import OFFLINE_ENV

ROOT = Path(__file__).resolve().parents[1]


def subprocess_env(home: Path, **extra: str) -> dict:
    """The environment of a user-facing subprocess: offline, its own JJJ_HOME, no auth, no debug
    tracebacks, unbuffered output."""
    env = {**os.environ, **OFFLINE_ENV, "JJJ_HOME": str(home), "PYTHONUNBUFFERED": "1", **extra}
    for k in ("JJJ_AUTH", "JJJ_DEBUG"):
        if k not in extra:
            env.pop(k, None)
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
