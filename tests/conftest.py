"""Shared fixtures. Keep this small; put test-specific fixtures in the test module."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def bundled_report():
    """The bundled report, parsed once per session (real file, real parser)."""
    from corpus import load_bundled

    return load_bundled()


@pytest.fixture(scope="session")
def bundled_source() -> str:
    """The exact text the bundled report's offsets refer to."""
    from corpus import bundled_report_path, read_source_text

    return read_source_text(bundled_report_path())


# ---------------------------------------------------------------- the running web app (test_app_browser / test_app_api)


@pytest.fixture(scope="session")
def app_server(tmp_path_factory):
    """`app.main` in a subprocess on a free port, with a fresh index folder (so the first start
    builds the index, as a user's would). Yields (url, home dir, log path); stopped at the end."""
    import subprocess
    import sys
    import time
    import urllib.request
    from pathlib import Path

    from helpers import free_port, stop, subprocess_env

    root = Path(__file__).resolve().parents[1]
    home = tmp_path_factory.mktemp("jjj_home")
    log = home / "app.log"
    port = free_port()
    env = subprocess_env(home)
    cmd = [sys.executable, "-c", "import sys, app; sys.exit(app.main(sys.argv[1:]))", "--port", str(port), "--index-dir", str(home)]
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 180
        while True:
            if proc.poll() is not None:
                raise AssertionError(f"the app exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(url, timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError(f"the app did not serve {url} within 180 s:\n{log.read_text()[-3000:]}")
            time.sleep(0.3)
        yield url, home, log
    finally:
        stop(proc)



@pytest.fixture(scope="session")
def built_index(tmp_path_factory):
    """One index of the bundled report (real embedder, real Chroma on disk), built once per session."""
    from index.api import build_index
    from index.settings import IndexSettings

    settings = IndexSettings(index_dir=tmp_path_factory.mktemp("shared-index"))
    build_index(settings, progress=False)
    return settings


@pytest.fixture(scope="session")
def assistant_(built_index):
    from assistant import Assistant, Settings

    return Assistant.load(Settings(index=built_index), build_if_missing=False)
