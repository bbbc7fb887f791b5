"""Faults: a killed build, a damaged or missing index, a Chroma server that goes away, a report
file that changes or disappears. Each must end in a clear message (no traceback, non-zero exit)
and a way back (`jjj index build --rebuild`, or the server returning).

One index of the bundled report is built once for the module; each test works on its own copy of
that folder (Chroma's files, the pointer, the BM25 file and the embedding cache), so tests are
independent and fast. Everything lives under pytest's tmp folders (JJJ_HOME is set too).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from helpers import free_port, stop, subprocess_env

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "这本书的ISBN是多少？"




def jjj(*args: str, home: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], cwd=ROOT, env=subprocess_env(home),
                          capture_output=True, text=True, timeout=timeout)


def assert_clear_error(out: subprocess.CompletedProcess, *words: str) -> str:
    both = out.stdout + out.stderr
    assert out.returncode != 0, f"expected a non-zero exit:\n{both[-1500:]}"
    assert "Traceback" not in both, f"a traceback reached the user:\n{both[-3000:]}"
    assert out.stderr.lstrip().startswith("error:") or "\nerror:" in out.stderr, f"no 'error:' line:\n{out.stderr[-1500:]}"
    assert "unexpected" not in out.stderr, f"an unexpected (unhandled) error, not a clear one:\n{out.stderr[-1500:]}"
    low = out.stderr.lower()
    for w in words:
        assert w.lower() in low, f"the error should mention {w!r}:\n{out.stderr[-1500:]}"
    return out.stderr


def assert_answers(home: Path, *extra: str) -> dict:
    out = jjj("ask", QUESTION, "--json", "--index-dir", str(home), *extra, home=home)
    assert out.returncode == 0, f"`jjj ask` failed ({out.returncode}):\n{out.stderr[-2000:]}"
    r = json.loads(out.stdout.strip().splitlines()[-1])
    assert r["answerable"] and "4331" in r["answer"], f"unexpected answer: {r['answer']!r}"
    return r




@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    h = tmp_path_factory.mktemp("faults_built")
    out = jjj("index", "build", "--index-dir", str(h), home=h)
    assert out.returncode == 0, f"the first build failed:\n{out.stderr[-2000:]}"
    assert (h / "current.json").exists(), f"no pointer file after a build: {sorted(p.name for p in h.iterdir())}"
    return h


@pytest.fixture
def home(built, tmp_path) -> Path:
    h = tmp_path / "home"
    shutil.copytree(built, h)
    return h


# ---------------------------------------------------------------- kill -9 during a rebuild


def _start_build(home: Path, *extra: str) -> tuple[subprocess.Popen, list[bytes]]:
    """`jjj index build --rebuild` with stderr on a pseudo-terminal (the progress bar is shown on a tty only)."""
    import pty

    import fcntl
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # tqdm draws nothing at 0 columns
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "index", "build", "--rebuild", "--index-dir", str(home), *extra],
                            cwd=ROOT, env=subprocess_env(home), stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    seen: list[bytes] = []

    def pump():
        try:
            while True:
                b = os.read(master, 4096)
                if not b:
                    return
                seen.append(b)
        except OSError:  # EIO when the child is gone
            return
        finally:
            os.close(master)

    threading.Thread(target=pump, daemon=True).start()
    return proc, seen


def _wait_for(proc, seen, needle: bytes, timeout: float = 180) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if needle in b"".join(seen):
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("when", ["embedding started", "embedding done"])
def test_kill_9_during_rebuild_leaves_the_previous_index_answering(home, when):
    pointer = (home / "current.json").read_bytes()
    shutil.rmtree(home / "embed_cache", ignore_errors=True)  # make the rebuild really embed (a few seconds)
    proc, seen = _start_build(home)
    try:
        started = _wait_for(proc, seen, b"embedding (")
        assert started, f"the rebuild never started embedding:\n{b''.join(seen).decode('utf-8', 'replace')[-2000:]}"
        if when == "embedding done":
            _wait_for(proc, seen, b"100%|")  # then Chroma writes, BM25, the pointer switch
        else:
            time.sleep(1.0)
        killed_alive = proc.poll() is None
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    if when == "embedding started":
        assert killed_alive, "the build finished before it could be killed"
        assert (home / "current.json").read_bytes() == pointer, "a killed build switched the pointer"
    else:
        # killed while writing (or just after the switch): the pointer is either the old or a complete new one
        ptr = json.loads((home / "current.json").read_text())
        assert ptr["chunk_count"] > 0 and ptr["collection"], ptr
    assert_answers(home)
    out = jjj("index", "build", "--rebuild", "--index-dir", str(home), home=home)  # and the next build completes
    assert out.returncode == 0, out.stderr[-2000:]
    assert_answers(home)


# ---------------------------------------------------------------- damaged or missing index


def _search(home: Path) -> subprocess.CompletedProcess:
    return jjj("search", QUESTION, "--index-dir", str(home), home=home)


def test_garbage_pointer_file(home):
    (home / "current.json").write_bytes(b"\x00\xffnot json{{{" * 10)
    assert_clear_error(_search(home), "index")
    out = jjj("index", "build", "--rebuild", "--index-dir", str(home), home=home)
    assert out.returncode == 0, out.stderr[-2000:]
    assert_answers(home)


def test_pointer_to_a_collection_that_is_gone(home):
    ptr = json.loads((home / "current.json").read_text())
    ptr["collection"] = ptr["collection"] + "_gone"
    (home / "current.json").write_text(json.dumps(ptr))
    assert_clear_error(_search(home), "index")
    out = jjj("index", "build", "--rebuild", "--index-dir", str(home), home=home)
    assert out.returncode == 0, out.stderr[-2000:]
    assert_answers(home)


def _sqlite(home: Path) -> Path:
    dbs = list(home.rglob("chroma.sqlite3"))
    assert dbs, f"no chroma.sqlite3 under {home}"
    return dbs[0]


@pytest.mark.parametrize("damage", ["header", "whole file", "truncated", "middle"])
def test_garbage_in_the_chroma_database(home, damage):
    db = _sqlite(home)
    data = db.read_bytes()
    if damage == "header":
        db.write_bytes(os.urandom(4096) + data[4096:])
    elif damage == "whole file":
        db.write_bytes(b"this is not a database\n" * 1000)
    elif damage == "truncated":
        db.write_bytes(data[: len(data) // 3])
    else:  # pages in the middle (tables or the write-ahead log): opens, then fails on read
        b = bytearray(data)
        b[len(b) // 2 : len(b) // 2 + 65536] = os.urandom(65536)
        db.write_bytes(bytes(b))
    err = assert_clear_error(_search(home), "index")
    assert "rebuild" in err.lower() or "build" in err.lower(), f"the error should say how to fix it:\n{err}"
    out = jjj("index", "build", "--rebuild", "--index-dir", str(home), home=home)
    assert out.returncode == 0, f"`jjj index build --rebuild` must repair a damaged index:\n{out.stderr[-2000:]}"
    assert "Traceback" not in out.stderr
    assert_answers(home)
    aside = sorted(home.glob("chroma.damaged-*"))
    if aside:  # the damaged store is kept (never deleted by jjj), and the user is told where it is
        assert "moved aside" in out.stderr and str(aside[-1]) in out.stderr, out.stderr[-1000:]
        info = jjj("index", "info", "--index-dir", str(home), home=home)
        assert info.returncode == 0 and str(aside[-1]) in info.stdout, info.stdout


def test_garbage_in_the_hnsw_segment_files(home):
    seg = [p for p in (home / "chroma").rglob("*.bin") if p.is_file()]
    assert seg, "no vector segment files found"
    for p in seg:
        p.write_bytes(os.urandom(max(64, p.stat().st_size)))
    out = _search(home)
    if out.returncode == 0:  # Chroma may rebuild HNSW from its log; then the answer must still be right
        assert "4331" in out.stdout, out.stdout[-1000:]
    else:
        assert_clear_error(out, "index")
    out = jjj("index", "build", "--rebuild", "--index-dir", str(home), home=home)
    assert out.returncode == 0, out.stderr[-2000:]
    assert_answers(home)


def test_missing_index_folder(home):
    shutil.rmtree(home)
    assert_clear_error(_search(home), "index", "build")
    out = jjj("index", "build", "--rebuild", "--index-dir", str(home), home=home)
    assert out.returncode == 0, out.stderr[-2000:]
    assert_answers(home)


def test_missing_chroma_folder(home):
    shutil.rmtree(home / "chroma")
    assert_clear_error(_search(home), "index", "build")
    out = jjj("index", "build", "--rebuild", "--index-dir", str(home), home=home)
    assert out.returncode == 0, out.stderr[-2000:]
    assert_answers(home)


# ---------------------------------------------------------------- a corpus file that changes or disappears


@pytest.fixture
def copied_source(built, tmp_path) -> tuple[Path, Path]:
    from corpus import bundled_report_path

    src = tmp_path / "src" / "my-report.md"
    src.parent.mkdir()
    shutil.copy(bundled_report_path(), src)
    h = tmp_path / "src-home"
    shutil.copytree(built / "embed_cache", h / "embed_cache")  # same text: vectors come from the cache
    out = jjj("index", "build", "--index-dir", str(h), "--source", str(src), home=h)
    assert out.returncode == 0, out.stderr[-2000:]
    assert_answers(h, "--source", str(src))
    return h, src


def test_changed_source_makes_the_index_stale(copied_source):
    h, src = copied_source
    with src.open("a", encoding="utf-8") as f:
        f.write("\n\n# 附录\n\n本段为测试时追加的内容。\n")
    out = jjj("ask", QUESTION, "--index-dir", str(h), "--source", str(src), home=h)
    assert_clear_error(out, "changed", "rebuild")
    out = jjj("index", "build", "--rebuild", "--index-dir", str(h), "--source", str(src), home=h)
    assert out.returncode == 0, out.stderr[-2000:]
    assert_answers(h, "--source", str(src))


def test_vanished_source_makes_the_index_stale(copied_source):
    h, src = copied_source
    src.unlink()
    out = jjj("ask", QUESTION, "--index-dir", str(h), "--source", str(src), home=h)
    assert_clear_error(out, str(src))


def test_open_handle_notices_the_change(copied_source):
    """A running process (the app) can ask its open index whether it is still fresh."""
    from assistant import Assistant, Settings
    from index.errors import IndexStaleError

    h, src = copied_source
    a = Assistant.load(Settings(index={"index_dir": h, "sources": [src]}), build_if_missing=False)
    a.handle.check_fresh()  # fresh now
    src.write_text(src.read_text(encoding="utf-8").replace("4331", "4332"), encoding="utf-8")
    with pytest.raises(IndexStaleError) as e:
        a.handle.check_fresh()
    assert "changed" in e.value.message and "rebuild" in (e.value.hint or "").lower(), (e.value.message, e.value.hint)
    src.unlink()
    with pytest.raises(IndexStaleError, match="gone"):
        a.handle.check_fresh()


# ---------------------------------------------------------------- a Chroma server that stops mid-session


class ChromaServer:
    def __init__(self, path: Path, port: int, log: Path):
        self.path, self.port, self.log = path, port, log
        self.proc: subprocess.Popen | None = None

    def start(self) -> "ChromaServer":
        exe = Path(sys.executable).with_name("chroma")
        if not exe.exists():
            exe = Path(shutil.which("chroma") or "chroma")
        self._out = open(self.log, "a")
        self.proc = subprocess.Popen([str(exe), "run", "--path", str(self.path), "--port", str(self.port)],
                                     stdout=self._out, stderr=subprocess.STDOUT, env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
        deadline = time.monotonic() + 60
        while True:
            if self.proc.poll() is not None:
                raise AssertionError(f"chroma run exited:\n{self.log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", timeout=2):
                    return self
            except OSError:
                if time.monotonic() > deadline:
                    raise AssertionError(f"chroma run did not answer in 60 s:\n{self.log.read_text()[-2000:]}") from None
                time.sleep(0.3)

    def stop(self) -> None:
        stop(self.proc)
        if self.proc:
            self._out.close()
        self.proc = None


@pytest.fixture
def chroma_server(tmp_path):
    srv = ChromaServer(tmp_path / "chroma-data", free_port(), tmp_path / "chroma.log")
    yield srv.start()
    srv.stop()


def test_chroma_server_that_stops_and_returns(chroma_server, built, tmp_path):
    from assistant import Assistant, Settings
    from corpus.errors import JJJError
    from index.api import build_index
    from index.errors import ChromaUnavailableError

    h = tmp_path / "srv-home"
    shutil.copytree(built / "embed_cache", h / "embed_cache")
    index = {"index_dir": h, "chroma": {"host": "127.0.0.1", "port": chroma_server.port}}
    settings = Settings(index=index)
    build_index(settings.index, progress=False)
    a = Assistant.load(settings, build_if_missing=False)
    assert a.ask(QUESTION).answerable, "no answer while the server is up"
    assert a.ask(QUESTION, mode="dense").related or a.ask(QUESTION, mode="dense").citations, "dense leg found nothing"

    chroma_server.stop()
    for mode in ("hybrid", "dense"):
        with pytest.raises(JJJError) as e:  # a clear, typed error -- not a connection traceback
            a.ask(QUESTION, mode=mode)
        assert isinstance(e.value, ChromaUnavailableError), f"{mode}: {type(e.value).__name__}: {e.value}"
        assert f"127.0.0.1:{chroma_server.port}" in e.value.message, e.value.message
    out = jjj("ask", QUESTION, "--index-dir", str(h), "--chroma-host", "127.0.0.1", "--chroma-port", str(chroma_server.port), home=h)
    assert_clear_error(out, "chroma", str(chroma_server.port))

    chroma_server.start()  # same data folder, same port
    r = a.ask(QUESTION)  # the same Assistant object recovers: no restart of the app needed
    assert r.answerable and "4331" in r.answer, r.answer
    d = a.ask(QUESTION, mode="dense")
    assert d.citations or d.related, "the dense leg (server) should find passages again"
    assert_answers(h, "--chroma-host", "127.0.0.1", "--chroma-port", str(chroma_server.port))
