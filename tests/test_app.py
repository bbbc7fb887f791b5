"""app.py without a browser: command-line options and the escaping of everything it renders."""

from __future__ import annotations

import re
from html import escape
import subprocess
import sys
from pathlib import Path

import pytest

import app
from assistant.types import AskResult, Citation

ROOT = Path(__file__).resolve().parents[1]
XSS = "<img src=x onerror=alert(1)>"


@pytest.mark.parametrize(
    "value, why",
    [
        ("alice", "no ':'"),
        (":secret", "user name is empty"),
        ("  :secret", "user name is empty"),
        ("alice:", "password is empty"),
        (" alice :pw", "spaces"),
    ],
)
def test_bad_auth_is_a_clear_error(value, why):
    with pytest.raises(ValueError, match=why):
        app.parse_auth(value)


def test_good_auth_keeps_colons_in_the_password():
    assert app.parse_auth("alice:s3:cr:et") == ("alice", "s3:cr:et")


def test_bad_auth_on_the_command_line_exits_with_a_usage_error(capsys):
    with pytest.raises(SystemExit) as e:
        app.build_parser().parse_args(["--auth", "alice"])
    err = capsys.readouterr().err
    assert e.value.code == 2, f"argparse usage errors exit 2, got {e.value.code}"
    assert "--auth" in err and "USER:PASSWORD" in err and "Traceback" not in err, err


def test_bad_auth_from_the_environment_is_a_clear_error():
    """The real entry point: a malformed $JJJ_AUTH stops before anything is loaded or served."""
    env = {"PATH": "/usr/bin:/bin", "JJJ_AUTH": "nocolon", "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1"}
    p = subprocess.run(
        [sys.executable, "-c", "import sys, app; sys.exit(app.main(['--port', '7999']))"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert p.returncode == 2, f"expected exit 2, got {p.returncode}\nstdout={p.stdout}\nstderr={p.stderr}"
    assert "$JJJ_AUTH" in p.stderr and "USER:PASSWORD" in p.stderr, p.stderr
    assert "Traceback" not in p.stderr and "nocolon" not in p.stderr, f"must not echo the secret or a trace: {p.stderr}"


def test_defaults_are_private():
    args = app.build_parser().parse_args([])
    assert args.host == "127.0.0.1" and args.port == 7860 and args.auth is None
    kw = app.launch_kwargs()
    assert kw["share"] is False, "never create a share link"
    fonts = [str(f) for f in kw["theme"]._font + kw["theme"]._font_mono]
    assert not kw["theme"]._stylesheets, f"theme would load external stylesheets: {kw['theme']._stylesheets}"
    assert all("google" not in f.lower() for f in fonts), fonts


# ------------------------------------------------------------------ rendering escapes HTML

QUOTE = "北京市、天津市、河北省2013年R&D投入强度分别达到6.08%、3.0%、1.12%"
TEXT = "一是创新投入及创新产出间出现“不对等”特征。" + QUOTE + "，但是北京市的专利授权量<sup>①</sup>高于天津市。"


def _result(question=XSS, answerable=True) -> AskResult:
    c = Citation(1, "c1", "前言 > 一、科技合作<b>很多</b>", 1, QUOTE, TEXT, 0.9)
    return AskResult(
        question=question,
        rewritten_question=question + " <script>x()</script>",
        language="zh",
        answer=f"6.08% [1] {XSS}\n\n原文：\n> {QUOTE} [1]" if answerable else "报告中没有。",
        answerable=answerable,
        citations=[c] if answerable else [],
        related=[] if answerable else [c],
    )


def test_sources_panel_escapes_report_html_and_marks_the_quote():
    html = app.sources_html(_result())
    assert "<sup>" not in html and "&lt;sup&gt;" in html, "HTML inside the report text must be shown as text"
    assert "<b>" not in html, "HTML in a section title must be escaped"
    assert f"<mark>{escape(QUOTE)}</mark>" in html, f"the quote must be highlighted: {html}"


def test_refusal_lists_related_passages_separately():
    html = app.sources_html(_result(answerable=False))
    assert "Related passages" in html and "related" in html and "[1]" not in html, html
    assert app.source_choices(_result(answerable=False))[0][0].startswith("R1"), "related passages are picked as R1.."


def test_chat_messages_escape_questions_and_answers():
    r = _result()
    user = app.user_markdown(r.question)
    assert "<img" not in user and "&lt;img" in user, user
    ans = app.answer_markdown(r)
    assert "<img" not in ans and ans.count('<span class="cite">[1]</span>') == 2, ans
    assert re.search(r"^> ", ans, re.M), f"the assistant's quote line should stay a quote: {ans}"
    rw = app.rewrite_message(r)
    assert rw is not None and "<script>" not in rw.metadata["title"], rw


def test_context_view_escapes_and_marks_the_target():
    c = _result().citations[0]
    paras = [
        {"paragraph_id": "a", "section": "s", "page": 1, "text": "<i>before</i>", "target": False},
        {"paragraph_id": "b", "section": "s", "page": 1, "text": TEXT, "target": True},
    ]
    html = app.context_html(c, paras)
    assert "<i>" not in html and 'class="ctx-p target"' in html and f"<mark>{escape(QUOTE)}</mark>" in html, html


def test_rewrite_shown_only_for_real_rewrites():
    r = _result(question="北京市2013年R&D投入强度是多少？")
    r.rewritten_question = "北京市2013年R&D投入强度是多少?"  # only width-normalised
    assert app.rewrite_message(r) is None, "normalisation alone is not a follow-up rewrite"


def test_user_reports_reach_the_index_settings(tmp_path):
    """`--source` (repeatable) makes the app answer from the user's reports instead of the bundled one."""
    a, b = tmp_path / "a.md", tmp_path / "b.pdf"
    args = app.build_parser().parse_args(["--source", str(a), "--source", str(b), "--index-dir", str(tmp_path)])
    settings = app.make_settings(args.index_dir, args.embedder, args.source)
    assert settings.index.sources == [a, b], settings.index.sources
    assert app.make_settings(None, None).index.sources == [], "without --source the bundled report is used"
