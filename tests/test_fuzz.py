"""Bad input, generated: the assistant, `jjj chat --json` and the corpus loaders.

Contract under test (issue 7, "Bad input"):
- ``Assistant.ask`` on any text returns an AskResult or raises InputError with a plain message --
  never another exception (unicode of every plane, huge inputs, control characters, prompt
  injection, HTML/JS);
- ``jjj chat --json`` fed nasty lines (incl. undecodable bytes) prints one JSON object per line,
  no traceback, and exits non-zero when a line was bad;
- the corpus loaders turn truncated PDFs, random bytes, wrong encodings and empty files into
  ReportLoadError naming the file; a failed ``jjj index build --source bad`` keeps the existing
  index usable.

One index (the bundled report) is built once for the module in a temp folder; examples are kept
modest so the file runs in well under a minute once that index exists.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from corpus import Report, ReportLoadError, bundled_report_path, load_report

ROOT = Path(__file__).resolve().parents[1]
REPORT_TEXT = bundled_report_path().read_text(encoding="utf-8")
_counter = itertools.count()

FUZZ = settings(
    max_examples=80,
    deadline=None,
    derandomize=True,  # CI-stable: the same examples every run
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)


def _env(home: Path) -> dict:
    env = {
        **os.environ,
        "JJJ_HOME": str(home),
        "GRADIO_ANALYTICS_ENABLED": "False",
        "HF_HUB_OFFLINE": "1",
        "HF_HUB_DISABLE_TELEMETRY": "1",
        "ANONYMIZED_TELEMETRY": "False",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("JJJ_DEBUG", None)  # the user-facing path: no tracebacks
    return env


def jjj(args: list[str], home: Path, stdin: bytes | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args],
        cwd=ROOT,
        env=_env(home),
        input=stdin,
        capture_output=True,
        timeout=timeout,
    )


# ---------------------------------------------------------------- corpus loaders (no index needed)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz_files")


def _write(scratch: Path, suffix: str, data: bytes) -> Path:
    p = scratch / f"f{next(_counter)}{suffix}"
    p.write_bytes(data)
    return p


def _load_or_error(p: Path) -> Report | ReportLoadError:
    """load_report's only allowed outcomes: a Report, or ReportLoadError naming the file."""
    try:
        r = load_report(p)
    except ReportLoadError as e:
        assert str(p) in e.message, f"the error must name the file {p}: {e.message!r}"
        assert "Traceback" not in str(e), str(e)
        return e
    assert isinstance(r, Report) and r.paragraphs, f"a loaded report must have paragraphs: {p}"
    return r


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from([".md", ".txt", ".pdf", ".markdown"]))
@example(data=b"", suffix=".md")
@example(data=b"\x00" * 64, suffix=".txt")
@example(data=b"%PDF-1.7\n", suffix=".pdf")
@example(data=b"\xff\xfe" + "前言".encode("utf-16-le"), suffix=".md")
def test_random_bytes_load_or_fail_cleanly(scratch, data, suffix):
    _load_or_error(_write(scratch, suffix, data))


LATIN1_WORDS = ["café", "naïve", "résumé", "déjà", "Zürich", "señor", "garçon", "über", "Ærø", "façade", "année",
                "économie", "données", "société", "à", "où", "très", "Größe", "Düsseldorf", "the", "report", "2013"]


@FUZZ
@given(
    words=st.lists(st.sampled_from(LATIN1_WORDS), min_size=3, max_size=120),
    seps=st.lists(st.sampled_from([" ", ", ", ". ", "\n", "\n\n# "]), min_size=1, max_size=5),
)
def test_latin1_text_is_refused_as_not_utf8(scratch, words, seps):
    # Realistic latin-1 prose (ASCII with accented letters). Not covered: a file made only of
    # accented letters, whose bytes are also valid GB18030 Chinese -- no decoder can tell them apart.
    assume(any(ord(c) > 127 for w in words for c in w))
    text = "".join(w + seps[i % len(seps)] for i, w in enumerate(words))
    p = _write(scratch, ".md", text.encode("latin-1"))
    e = _load_or_error(p)
    assert isinstance(e, ReportLoadError), f"latin-1 bytes were accepted as a report: {p} {text[:80]!r}"


@FUZZ
@given(
    start=st.integers(0, len(REPORT_TEXT) - 1),
    length=st.integers(1, 3000),
    codec=st.sampled_from(["utf-16", "utf-32"]),
)
def test_utf16_and_utf32_are_refused(scratch, start, length, codec):
    piece = REPORT_TEXT[start : start + length]
    assume(piece.strip())
    p = _write(scratch, ".txt", piece.encode(codec))
    e = _load_or_error(p)
    assert isinstance(e, ReportLoadError), f"{codec} bytes were accepted as a report: {p}"


@FUZZ
@given(
    cut=st.integers(0, len(REPORT_TEXT.encode("utf-8"))),
    junk=st.binary(max_size=200),
)
def test_report_cut_anywhere_with_junk_appended(scratch, cut, junk):
    data = REPORT_TEXT.encode("utf-8")[:cut] + junk
    _load_or_error(_write(scratch, ".md", data))


@pytest.fixture(scope="module")
def small_pdf(scratch) -> bytes:
    pytest.importorskip("reportlab", reason="reportlab (test extra) makes the PDF")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = scratch / "source.pdf"
    c = canvas.Canvas(str(path))
    for lines in (["前言", "北京市2013年R&D投入强度为6.08%。"], ["第一章 总体情况", "天津市为3.0%，河北省为1.12%。"]):
        c.setFont("STSong-Light", 12)
        for i, line in enumerate(lines):
            c.drawString(60, 780 - 24 * i, line)
        c.showPage()
    c.save()
    data = path.read_bytes()
    assert isinstance(load_report(path), Report), "the untouched PDF must load"
    return data


@FUZZ
@given(frac=st.floats(0.0, 1.0), flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=8))
@example(frac=0.5, flips=[])
@example(frac=0.02, flips=[])
def test_truncated_or_damaged_pdf(scratch, small_pdf, frac, flips):
    data = bytearray(small_pdf[: int(len(small_pdf) * frac)])
    for where, byte in flips:
        if data:
            data[min(len(data) - 1, int(where * len(data)))] = byte
    out = _load_or_error(_write(scratch, ".pdf", bytes(data)))
    if frac < 0.5 and not flips:
        assert isinstance(out, ReportLoadError), "half a PDF (no xref, no pages) must not load"
