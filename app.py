"""jjj web app: a Gradio chat over ``Assistant`` -- UI wiring only.

Everything shown comes from the Assistant API (``ask``, ``context``, ``info``) and
``assistant.briefing``; nothing here retrieves, answers or cites on its own.

Offline and safe by default: binds 127.0.0.1, never creates a share link, no analytics,
system fonts only (no font or CDN requests), optional basic auth (``--auth user:pass`` or
``$JJJ_AUTH``). Every string that comes from a question or from the report is HTML-escaped
before it reaches an HTML or Markdown component (and the Chatbot sanitizes on top).

The index is built on first start in a background thread: progress is printed to the
terminal and shown in the status line of the page; questions wait until it is ready.

API: ``Client(url).predict(question, api_name="/ask")`` returns the ``jjj ask --json`` dict.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path
from typing import Any, Callable

from assistant import offline  # noqa: E402  (sets the no-telemetry environment before gradio loads)

offline.apply()

import gradio as gr  # noqa: E402
from starlette.middleware import Middleware  # noqa: E402

from assistant.settings import AnswerSettings, Settings  # noqa: E402
from assistant.briefing import to_markdown, was_rewritten  # noqa: E402
from assistant.types import AskResult, Citation  # noqa: E402
from corpus.errors import JJJError  # noqa: E402

TITLE = "京津冀信息服务业发展报告（2015）· 问答助手"
SUBTITLE = (
    "Answers come only from the report, each with its cited passage. Works offline. "
    "答案只来自报告原文，并附出处。"
)
EXAMPLES = [
    "北京市2013年R&D投入强度是多少？",
    "What was Beijing's per-capita public education spending in 2012?",
    "这本书的ISBN是多少？",
    "Who published the report?",
]
MODES = [("Hybrid (dense + keyword)", "hybrid"), ("Dense (embeddings)", "dense"), ("Keyword (BM25)", "bm25")]
MAX_QUESTION_CHARS = 2000  # the textbox limit; the Assistant validates again
MAX_REQUEST_BYTES = 8 * 1024 * 1024  # any HTTP request body; larger ones get 413 before they are read
# Questions answered at once: one per core, at most 4 (the Assistant is thread-safe and its query
# embedder keeps one engine per core). On 2 cores this doubled throughput and halved p95 at 8 users
# (benchmarks/results/load.md); more than the cores only adds contention.
ASSISTANT_CONCURRENCY = max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)))
AUTH_ENV = "JJJ_AUTH"
MARKER = re.compile(r"\[(\d+)\]")

SYSTEM_FONTS = [
    "system-ui",
    "-apple-system",
    "Segoe UI",
    "PingFang SC",
    "Hiragino Sans GB",
    "Microsoft YaHei",
    "Noto Sans CJK SC",
    "WenQuanYi Micro Hei",
    "sans-serif",
]
MONO_FONTS = ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"]

CSS = """
.gradio-container {max-width: 1360px !important; margin: 0 auto;}
#app-title h1 {font-size: 1.45rem; margin: 0.2rem 0 0;}
#app-title p {margin: 0.15rem 0 0; color: var(--body-text-color-subdued); font-size: 0.92rem;}
#status {font-size: 0.88rem; min-height: 1.4em;}
#status p {margin: 0;}
.st-busy {color: #b45309;} .st-ok {color: #15803d;} .st-err {color: #b91c1c;}
.st-dot {display: inline-block; width: 8px; height: 8px; border-radius: 50%; background: currentColor;
  margin-right: 7px; vertical-align: 1px;}
.st-busy .st-dot {background: #d97706;} .st-ok .st-dot {background: #16a34a;} .st-err .st-dot {background: #dc2626;}
.st-busy .st-dot {animation: jjj-pulse 1s ease-in-out infinite;}
@keyframes jjj-pulse {50% {opacity: 0.25;}}
#sources-panel {gap: 10px;}
.src-empty {color: var(--body-text-color-subdued); font-size: 0.9rem; padding: 8px 2px;}
.src-kind {font-weight: 600; font-size: 0.85rem; margin: 4px 0 6px; color: var(--body-text-color-subdued);}
.src-kind.refusal {color: #b45309;}
.src-card {border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 9px 11px;
  margin-bottom: 8px; background: var(--background-fill-primary);}
.src-card.related {border-style: dashed;}
.src-head {display: flex; gap: 8px; align-items: baseline; font-size: 0.84rem; margin-bottom: 4px;}
.src-n {font-weight: 700; color: var(--color-accent); white-space: nowrap;}
.src-section {color: var(--body-text-color-subdued); flex: 1;}
.src-page {color: var(--body-text-color-subdued); white-space: nowrap;}
.src-text {font-size: 0.9rem; line-height: 1.6;}
.src-row {font-size: 0.8rem; color: var(--body-text-color-subdued); margin-top: 5px;}
.src-row span {border: 1px solid var(--border-color-primary); border-radius: 4px; padding: 0 4px; margin-right: 4px;}
.src-text mark, .ctx-p mark {background: #fde68a; color: inherit; padding: 0 1px; border-radius: 2px;}
.ctx-head {font-size: 0.84rem; color: var(--body-text-color-subdued); margin-bottom: 6px;}
.ctx-p {font-size: 0.9rem; line-height: 1.65; margin: 0 0 8px; color: var(--body-text-color-subdued);}
.ctx-p.target {color: var(--body-text-color); border-left: 3px solid var(--color-accent); padding-left: 8px;}
.ctx-meta {font-size: 0.78rem; color: var(--body-text-color-subdued);}
#chat .cite {font-weight: 600; color: var(--color-accent); cursor: pointer;}
#info p, #info li {font-size: 0.84rem;}
"""

# Clicking a [n] marker in an answer selects that source in the panel (same as the radio). The
# click also selects the message, which may first switch the panel to that answer's sources:
# so try again once that update has landed.
JS = """
() => {
  const pick = (n) => {
    for (const r of document.querySelectorAll('#source-pick input[type=radio]')) {
      const label = r.closest('label');
      if (label && label.textContent.trim().startsWith('[' + n + ']')) { if (!r.checked) r.click(); return; }
    }
  };
  document.addEventListener('click', (ev) => {
    const el = ev.target.closest && ev.target.closest('#chat .cite');
    if (!el) return;
    const n = (el.textContent || '').replace(/[^0-9]/g, '');
    setTimeout(() => pick(n), 60);
    setTimeout(() => pick(n), 900);
  });
}
"""


def esc(text: Any) -> str:
    return html.escape("" if text is None else str(text), quote=True)


# ---------------------------------------------------------------- configuration


def parse_auth(value: str) -> tuple[str, str]:
    """``user:password`` -> (user, password). The password may contain ':'; neither may be empty."""
    if not isinstance(value, str) or ":" not in value:
        raise ValueError("auth must look like USER:PASSWORD (no ':' found)")
    user, password = value.split(":", 1)
    if not user.strip():
        raise ValueError("auth must look like USER:PASSWORD (the user name is empty)")
    if not password:
        raise ValueError("auth must look like USER:PASSWORD (the password is empty)")
    if user != user.strip():
        raise ValueError("auth user name must not start or end with spaces")
    return user, password


def _auth_arg(value: str) -> tuple[str, str]:
    try:
        return parse_auth(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def build_parser(prog: str = "jjj app") -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=prog, description="Chat with the report in your browser (offline).")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    p.add_argument(
        "--auth",
        type=_auth_arg,
        default=None,
        metavar="USER:PASSWORD",
        help=f"require a login (or set ${AUTH_ENV}=user:password)",
    )
    p.add_argument("--index-dir", type=Path, default=None, help="where the index lives (default $JJJ_HOME)")
    p.add_argument("--embedder", default=None, help="embedder name, e.g. e5-small-q4 or st:<model folder>")
    p.add_argument("--source", type=Path, action="append", default=None,
                   help="report file(s) (.md/.txt/.pdf) to answer from instead of the bundled report; repeatable")
    return p


def resolve_auth(args: argparse.Namespace, parser: argparse.ArgumentParser) -> tuple[str, str] | None:
    if args.auth is not None:
        return args.auth
    env = os.environ.get(AUTH_ENV)
    if env:
        try:
            return parse_auth(env)
        except ValueError as e:
            parser.error(f"${AUTH_ENV}: {e}")
    return None


# ---------------------------------------------------------------- loading


class AssistantLoader:
    """Loads the Assistant in a background thread so the page can show the index build's progress."""

    def __init__(self, load: Callable[[Callable[[str], None]], Any] | None = None, *, echo: bool = True):
        self._load = load
        self._echo = echo
        self._done = threading.Event()
        self._assistant = None
        self._error: BaseException | None = None
        self._message = "starting"
        self._t0 = time.monotonic()
        self._elapsed = 0.0

    @classmethod
    def ready(cls, assistant) -> "AssistantLoader":
        loader = cls(None, echo=False)
        loader._assistant = assistant
        loader._message = "ready"
        loader._done.set()
        return loader

    def _progress(self, message: str) -> None:
        self._message = str(message)
        if self._echo:
            print(f"[jjj app] {message}", flush=True)

    def _run(self) -> None:
        try:
            self._assistant = self._load(self._progress)
        except BaseException as e:  # shown in the page and the terminal, never raised into a thread void
            self._error = e
            msg = e.message if isinstance(e, JJJError) else f"{type(e).__name__}: {e}"
            print(f"error: {msg}", file=sys.stderr, flush=True)
            if not isinstance(e, JJJError):
                traceback.print_exc()
        finally:
            self._elapsed = time.monotonic() - self._t0
            self._done.set()

    def start(self) -> "AssistantLoader":
        if not self._done.is_set():
            self._t0 = time.monotonic()
            threading.Thread(target=self._run, name="jjj-load", daemon=True).start()
        return self

    def get(self, timeout: float | None = None):
        if not self._done.wait(timeout):
            raise TimeoutError("the index is still being built")
        if self._error is not None:
            if isinstance(self._error, JJJError):
                raise self._error
            raise JJJError(f"the assistant could not start: {type(self._error).__name__}: {self._error}")
        return self._assistant

    def status(self) -> tuple[str, str]:
        """("loading" | "ready" | "failed", message)."""
        if not self._done.is_set():
            return "loading", f"{self._message} ({time.monotonic() - self._t0:.0f} s)"
        if self._error is not None:
            e = self._error
            return "failed", e.message if isinstance(e, JJJError) else f"{type(e).__name__}: {e}"
        return "ready", self._message


# ---------------------------------------------------------------- rendering (pure, escaped)


def highlight(text: str, quote: str) -> str:
    """``text`` escaped, with the first occurrence of ``quote`` wrapped in <mark>."""
    text = text or ""
    i = text.find(quote) if quote else -1
    if i < 0:
        return esc(text)
    return esc(text[:i]) + "<mark>" + esc(quote) + "</mark>" + esc(text[i + len(quote) :])


def snippet(text: str, quote: str, width: int = 70) -> str:
    """The quote highlighted with up to ``width`` characters either side (escaped); the context view has the rest."""
    text = text or ""
    i = text.find(quote) if quote else -1
    if i < 0:
        return esc(text if len(text) <= 3 * width else text[: 3 * width] + "…")
    a, b = max(0, i - width), min(len(text), i + len(quote) + width)
    pre = ("…" if a > 0 else "") + esc(text[a:i])
    post = esc(text[i + len(quote) : b]) + ("…" if b < len(text) else "")
    return f"{pre}<mark>{esc(quote)}</mark>{post}"


def _page(page: int | None) -> str:
    return f"p. {page}" if page is not None else ""


def _section(section: str) -> str:
    return esc(section).replace(" &gt; ", " › ")


def _card(c: Citation, label: str, related: bool = False) -> str:
    cls = "src-card related" if related else "src-card"
    if c.quote and c.quote not in (c.text or ""):
        # a structured record (e.g. a table row) proven by a quote from its paragraph: show both
        kind = "Table row · 表格行" if c.kind == "table_row" else "Record · 记录"
        body = (
            f'<div class="src-text"><mark>{esc(c.quote)}</mark></div>'
            f'<div class="src-row"><span>{esc(kind)}</span> {esc(c.text)}</div>'
        )
    else:
        body = f'<div class="src-text">{snippet(c.text, c.quote)}</div>'
    return (
        f'<div class="{cls}"><div class="src-head"><span class="src-n">{esc(label)}</span>'
        f'<span class="src-section">{_section(c.section)}</span>'
        f'<span class="src-page">{esc(_page(c.page))}</span></div>{body}</div>'
    )


def sources_html(r: AskResult | None) -> str:
    if r is None:
        return '<div class="src-empty">Sources of the latest answer appear here. 答案的出处显示在这里。</div>'
    parts = []
    if r.citations:
        parts.append('<div class="src-kind">Cited passages · 引用段落</div>')
        parts += [_card(c, f"[{c.n}]") for c in r.citations]
    if not r.answerable:
        parts.append(
            '<div class="src-kind refusal">Not answered by the report. Related passages (not an answer) · '
            "报告未给出答案，以下为相关段落（不构成答案）</div>"
        )
        parts += [_card(c, f"R{i}", related=True) for i, c in enumerate(r.related, 1)]
        if not r.related:
            parts.append('<div class="src-empty">No related passages. 无相关段落。</div>')
    if not parts:
        parts.append('<div class="src-empty">This answer cites no passages. 此答案没有引用。</div>')
    return "".join(parts)


def source_choices(r: AskResult | None) -> list[tuple[str, str]]:
    if r is None:
        return []
    out = [(f"[{c.n}] {_short(c.section)}", f"c{i}") for i, c in enumerate(r.citations)]
    if not r.answerable:
        out += [(f"R{i + 1} {_short(c.section)}", f"r{i}") for i, c in enumerate(r.related)]
    return out


def _short(section: str, n: int = 28) -> str:
    last = section.split(" > ")[-1] if section else ""
    return last if len(last) <= n else last[: n - 1] + "…"


def pick_citation(r: AskResult | None, key: str | None) -> Citation | None:
    if r is None or not key or key[0] not in "cr":
        return None
    try:
        i = int(key[1:])
    except ValueError:
        return None
    seq = r.citations if key[0] == "c" else r.related
    return seq[i] if 0 <= i < len(seq) else None


def context_html(c: Citation | None, paragraphs: list[dict] | None) -> str:
    if c is None:
        return '<div class="src-empty">Pick a source (or click a [n] marker) to read it in context. 选择出处查看上下文。</div>'
    head = f'<div class="ctx-head">{_section(c.section)} {esc(_page(c.page))}</div>'
    if not paragraphs:
        return head + f'<p class="ctx-p target">{highlight(c.text, c.quote)}</p>'
    body = []
    for p in paragraphs:
        text = p.get("text", "")
        if p.get("target"):
            inner = highlight(text, c.quote) if c.quote and c.quote in text else esc(text)
            body.append(f'<p class="ctx-p target">{inner}</p>')
        else:
            body.append(f'<p class="ctx-p">{esc(text)}</p>')
    return head + "".join(body)


def answer_markdown(r: AskResult) -> str:
    """The answer as chat Markdown: escaped text, the assistant's "> quote" lines as quotes,
    citation markers kept (styled; clicking one shows that source in context)."""
    known = {c.n for c in r.citations}

    def line_md(line: str) -> str:
        body = esc(_md_literal(line))  # literal text: neither Markdown nor HTML
        return re.sub(
            r"\\\[(\d+)\\\]",
            lambda m: f'<span class="cite">[{m.group(1)}]</span>' if int(m.group(1)) in known else m.group(0),
            body,
        )

    blocks = []
    for line in (r.answer or "").splitlines():
        line = line.strip()
        if line.startswith(">"):
            blocks.append("> " + line_md(line[1:].strip()))
        elif line:
            blocks.append(line_md(line))
    if not r.answerable:
        blocks.append("<small>Related passages are listed in the sources panel. 相关段落见右侧“出处”。</small>")
    return "\n\n".join(blocks)


def _md_literal(text: str) -> str:
    """Backslash-escape Markdown punctuation (before HTML-escaping, so entities stay intact)."""
    return re.sub(r"([\\`*_~#|\[\]])", r"\\\1", text)


def user_markdown(question: str) -> str:
    return esc(_md_literal(question))


def rewrite_message(r: AskResult) -> gr.ChatMessage | None:
    if not was_rewritten(r):
        return None
    title = ("追问理解为：" if r.language == "zh" else "Follow-up understood as: ") + esc(r.rewritten_question)
    timings = " · ".join(f"{esc(k)} {float(v):.0f} ms" for k, v in r.timings_ms.items())
    return gr.ChatMessage(
        role="assistant",
        content=timings or esc(r.rewritten_question),
        metadata={"title": title, "status": "done"},
    )


def info_markdown(info: dict) -> str:
    rows = [
        ("Embedder", info.get("embedder")),
        ("Index", info.get("index_name")),
        ("Index folder", info.get("index_dir")),
        ("Passages", info.get("chunks")),
        ("Sources", ", ".join(map(str, info.get("sources") or [])) if isinstance(info.get("sources"), (list, tuple)) else info.get("sources")),
    ]
    return "\n".join(f"- **{k}**: `{esc(v)}`" for k, v in rows if v not in (None, ""))


def status_html(state: str, message: str) -> str:
    if state == "loading":
        return f'<span class="st-busy"><i class="st-dot"></i>Preparing the index… {esc(message)}</span>'
    if state == "failed":
        return f'<span class="st-err"><i class="st-dot"></i>The assistant could not start: {esc(message)}</span>'
    return f'<span class="st-ok"><i class="st-dot"></i>Ready. {esc(message)}</span>'


# ---------------------------------------------------------------- the app


def build_app(assistant, *, answer_settings: AnswerSettings | None = None, briefing_dir: str | Path | None = None) -> gr.Blocks:
    """The Gradio app over an ``Assistant`` (or an ``AssistantLoader`` still building the index).

    ``answer_settings`` gives the initial top-k and retrieval mode (default: the assistant's own).
    Launch with ``launch_kwargs()`` (theme, CSS, offline settings)."""
    loader = assistant if isinstance(assistant, AssistantLoader) else AssistantLoader.ready(assistant)
    if answer_settings is None:
        answer_settings = getattr(getattr(assistant, "settings", None), "answer", None) or AnswerSettings()
    out_dir = Path(briefing_dir or tempfile.mkdtemp(prefix="jjj-briefing-"))

    def ready_message() -> str:
        a = loader.get(0)
        info = a.info()
        return f"{info.get('chunks', '?')} passages indexed · embedder {info.get('embedder', '?')}"

    # -- event handlers

    def on_status():
        state, msg = loader.status()
        if state == "ready":
            try:
                msg = ready_message()
                info = info_markdown(loader.get(0).info())
            except Exception as e:  # info() failing must not break the page
                info = f"info unavailable: {esc(e)}"
            return status_html(state, msg), info, gr.Timer(active=False)
        if state == "failed":
            return status_html(state, msg), "", gr.Timer(active=False)
        return status_html(state, msg), "", gr.Timer(active=True)

    def add_user(question: str, chat: list):
        question = (question or "").strip()
        if not question:
            return gr.skip(), gr.skip(), ""
        chat = list(chat or []) + [gr.ChatMessage(role="user", content=user_markdown(question))]
        return chat, "", question

    def answer(question: str, chat: list, results: list, msg_turn: list, k: float, mode: str, request: gr.Request):
        chat = list(chat or [])
        results = list(results or [])
        msg_turn = list(msg_turn or [])
        if not question:
            return (gr.skip(),) * 8
        try:
            a = loader.get()
            r = a.ask(question, history=[x.as_turn() for x in results] or None, k=int(k), mode=mode)
        except JJJError as e:
            chat.append(gr.ChatMessage(role="assistant", content="**Cannot answer:** " + esc(_md_literal(e.message))))
            return chat, results, msg_turn, gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
        except Exception as e:  # noqa: BLE001 - the page shows a plain message; the terminal gets the trace
            traceback.print_exc()
            chat.append(gr.ChatMessage(role="assistant", content=f"**Something went wrong** ({esc(type(e).__name__)}); details are in the server log."))
            return chat, results, msg_turn, gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
        results.append(r)
        print(f"[jjj app] answered in {float(r.timings_ms.get('total', 0)):.0f} ms (server side)", flush=True)
        turn = len(results) - 1
        msg_turn = msg_turn + [None] * (len(chat) - len(msg_turn))  # the user message(s) just added
        msg_turn[-1] = turn
        rw = rewrite_message(r)
        if rw is not None:
            chat.append(rw)
            msg_turn.append(turn)
        chat.append(gr.ChatMessage(role="assistant", content=answer_markdown(r)))
        msg_turn.append(turn)
        choices = source_choices(r)
        first = choices[0][1] if choices else None
        ctx = _context_for(r, first)
        path = _write_briefing(results, request)
        return (
            chat,
            results,
            msg_turn,
            sources_html(r),
            gr.Radio(choices=choices, value=first, visible=bool(choices)),
            ctx,
            gr.DownloadButton(value=str(path), interactive=True),
            turn,
        )

    def _context_for(r: AskResult | None, key: str | None) -> str:
        c = pick_citation(r, key)
        if c is None:
            return context_html(None, None)
        try:
            paragraphs = loader.get(0).context(c.chunk_id, before=1, after=1)
        except JJJError as e:  # the passage alone is still worth showing; the terminal says why
            print(f"[jjj app] no context for passage {c.chunk_id}: {e.message}", file=sys.stderr, flush=True)
            paragraphs = None
        except Exception:  # noqa: BLE001
            traceback.print_exc()
            paragraphs = None
        return context_html(c, paragraphs)

    def _write_briefing(results: list[AskResult], request: gr.Request | None) -> Path:
        session = re.sub(r"[^A-Za-z0-9_-]", "", getattr(request, "session_hash", None) or "local") or "local"
        d = out_dir / session
        d.mkdir(parents=True, exist_ok=True)
        path = d / "jjj-briefing.md"
        path.write_text(to_markdown(results), encoding="utf-8")
        return path

    def on_pick(key: str | None, results: list, shown: int | None):
        r = _shown(results, shown)
        return _context_for(r, key)

    def on_select(results: list, msg_turn: list, shown: int | None, evt: gr.SelectData):
        i = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
        turn = msg_turn[i] if isinstance(i, int) and 0 <= i < len(msg_turn or []) else None
        if turn is None or turn == shown:
            return gr.skip(), gr.skip(), gr.skip(), gr.skip()
        r = results[turn]
        choices = source_choices(r)
        first = choices[0][1] if choices else None
        return sources_html(r), gr.Radio(choices=choices, value=first, visible=bool(choices)), _context_for(r, first), turn

    def new_conversation():
        return (
            [],
            [],
            [],
            sources_html(None),
            gr.Radio(choices=[], value=None, visible=False),
            context_html(None, None),
            gr.DownloadButton(value=None, interactive=False),
            None,
            "",
        )

    # -- the API endpoint (same JSON as `jjj ask --json`)

    def ask(question: str, history: list[str] | None = None, k: int | None = None, mode: str | None = None) -> dict:
        """Ask the report a question. history: earlier questions of the conversation, oldest first
        (replayed so follow-ups are understood). Returns the `jjj ask --json` object."""
        try:
            a = loader.get()
            turns = []
            for q in _history_questions(history):
                turns.append(a.ask(q, history=turns or None, k=k or None, mode=mode or None).as_turn())
            return a.ask(question, history=turns or None, k=k or None, mode=mode or None).to_json()
        except JJJError as e:
            raise gr.Error(e.message, print_exception=False) from None

    # -- layout

    with gr.Blocks(title="jjj · 京津冀信息服务业发展报告 问答") as demo:
        results = gr.State([])  # list[AskResult], one per answered question
        msg_turn = gr.State([])  # chat message index -> turn index (None for the question bubbles)
        shown = gr.State(None)  # turn whose sources are in the panel
        pending = gr.State("")  # the question being answered

        with gr.Row(equal_height=False):
            gr.HTML(f"<h1>{esc(TITLE)}</h1><p>{esc(SUBTITLE)}</p>", elem_id="app-title", padding=False)
        status = gr.HTML(status_html(*loader.status()), elem_id="status", padding=False)
        timer = gr.Timer(0.5, active=True)

        with gr.Row(equal_height=False):
            with gr.Column(scale=7, min_width=420):
                chat = gr.Chatbot(
                    elem_id="chat",
                    label="Conversation",
                    show_label=False,
                    height=600,
                    sanitize_html=True,
                    render_markdown=True,
                    latex_delimiters=[],
                    feedback_options=None,
                    buttons=["copy"],
                    layout="bubble",
                    allow_tags=False,
                    placeholder=(
                        "<b>Ask the report a question</b><br>问一个关于报告的问题 —— in Chinese or English.<br>"
                        "<small>Follow-ups like “那河北呢？” are understood in context.</small>"
                    ),
                )
                question = gr.Textbox(
                    elem_id="question",
                    show_label=False,
                    placeholder="Ask about the report… 请输入问题，按 Enter 发送",
                    lines=1,
                    max_lines=4,
                    max_length=MAX_QUESTION_CHARS,
                    submit_btn=True,
                    autofocus=True,
                )
                with gr.Row():
                    new_btn = gr.Button("New conversation · 新对话", elem_id="new-conversation", size="sm")
                    download = gr.DownloadButton(
                        "Export briefing (Markdown) · 导出简报",
                        elem_id="export-briefing",
                        size="sm",
                        interactive=False,
                    )
                examples = gr.Examples(examples=[[q] for q in EXAMPLES], inputs=[question], label="Examples · 示例")
            with gr.Column(scale=5, min_width=340, elem_id="sources-panel"):
                gr.Markdown("### Sources · 出处")
                sources = gr.HTML(sources_html(None), elem_id="sources", padding=False)
                pick = gr.Radio(choices=[], label="Show in context · 查看上下文", elem_id="source-pick", visible=False)
                context = gr.HTML(context_html(None, None), elem_id="context", padding=False)
                with gr.Accordion("Settings · 设置", open=False, elem_id="settings"):
                    k = gr.Slider(1, 20, value=answer_settings.k, step=1, label="Passages retrieved (top-k)", elem_id="top-k")
                    mode = gr.Radio(MODES, value=answer_settings.mode, label="Retrieval mode", elem_id="mode")
                    info = gr.Markdown("", elem_id="info")

        # -- wiring (UI events are private: the one public endpoint is /ask)
        ui = dict(api_visibility="private")
        timer.tick(on_status, outputs=[status, info, timer], show_progress="hidden", queue=False, **ui)
        demo.load(on_status, outputs=[status, info, timer], show_progress="hidden", queue=False, **ui)

        answer_outputs = [chat, results, msg_turn, sources, pick, context, download, shown]
        for trigger in (question.submit, examples.load_input_event.then):  # an example is asked at once
            trigger(add_user, [question, chat], [chat, question, pending], queue=False, show_progress="hidden", **ui).then(
                answer,
                [pending, chat, results, msg_turn, k, mode],
                answer_outputs,
                concurrency_id="assistant",
                show_progress="minimal",
                **ui,
            )
        pick.input(on_pick, [pick, results, shown], [context], show_progress="hidden", **ui)
        chat.select(on_select, [results, msg_turn, shown], [sources, pick, context, shown], show_progress="hidden", **ui)
        new_btn.click(new_conversation, None, answer_outputs + [pending], queue=False, **ui)
        chat.clear(new_conversation, None, answer_outputs + [pending], queue=False, **ui)

        gr.api(ask, api_name="ask", concurrency_id="assistant")

    return demo


def _shown(results: list, shown: int | None) -> AskResult | None:
    if not results:
        return None
    if isinstance(shown, int) and 0 <= shown < len(results):
        return results[shown]
    return results[-1]


def _history_questions(history: Any) -> list[str]:
    if history in (None, "", []):
        return []
    if isinstance(history, str):
        try:
            history = json.loads(history)
        except json.JSONDecodeError:
            raise gr.Error("history must be a JSON list of earlier questions", print_exception=False) from None
    if not isinstance(history, list) or not all(isinstance(q, str) for q in history):
        raise gr.Error("history must be a list of earlier questions (strings)", print_exception=False)
    return history


def theme() -> gr.themes.Base:
    return gr.themes.Soft(
        primary_hue="teal",
        secondary_hue="slate",
        neutral_hue="slate",
        font=SYSTEM_FONTS,
        font_mono=MONO_FONTS,
    )


class BodySizeLimit:
    """ASGI middleware: a request body over ``max_bytes`` gets HTTP 413 instead of being read into memory.
    (Gradio's ``max_file_size`` covers uploads only; the API and queue endpoints take any JSON body.)"""

    def __init__(self, app, max_bytes: int = MAX_REQUEST_BYTES):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length", b"0")
        if not length.isdigit() or int(length) > self.max_bytes:
            return await self._refuse(send)
        seen, started = 0, False

        async def receive_limited():  # chunked bodies carry no length: count as they arrive
            nonlocal seen
            msg = await receive()
            seen += len(msg.get("body", b""))
            if seen > self.max_bytes:
                raise _BodyTooLarge
            return msg

        async def send_tracked(msg):
            nonlocal started
            started = started or msg["type"] == "http.response.start"
            await send(msg)

        try:
            await self.app(scope, receive_limited, send_tracked)
        except _BodyTooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send):
        body = json.dumps({"error": f"request body too large (limit {self.max_bytes} bytes)"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


class _BodyTooLarge(Exception):
    pass


def launch_kwargs() -> dict:
    """Offline, private defaults for ``Blocks.launch``."""
    return dict(
        share=False,
        theme=theme(),
        css=CSS,
        js=JS,
        max_file_size="1mb",
        ssr_mode=False,
        pwa=False,
        mcp_server=False,
        show_error=False,
        enable_monitoring=False,
        footer_links=["api"],
        app_kwargs={"middleware": [Middleware(BodySizeLimit, max_bytes=MAX_REQUEST_BYTES)]},
    )


def make_settings(index_dir: Path | None, embedder: str | None, sources: list[Path] | None = None) -> Settings:
    index_kwargs: dict[str, Any] = {}
    if sources:
        index_kwargs["sources"] = list(sources)
    if index_dir is not None:
        index_kwargs["index_dir"] = index_dir
    if embedder:
        index_kwargs["embedder"] = embedder
    return Settings(index=index_kwargs)  # pydantic validates the nested IndexSettings


def _load_fn(settings: Settings) -> Callable[[Callable[[str], None]], Any]:
    def load(progress: Callable[[str], None]):
        from assistant import Assistant

        progress(f"opening the index in {settings.index.index_dir}")
        return Assistant.load(settings=settings, progress=progress)

    return load


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    auth = resolve_auth(args, parser)
    if not 0 < args.port < 65536:
        parser.error("--port must be between 1 and 65535")
    try:
        settings = make_settings(args.index_dir, args.embedder, args.source)
    except ValueError as e:  # pydantic validation
        parser.error(str(e))
    loader = AssistantLoader(_load_fn(settings)).start()
    demo = build_app(loader, answer_settings=settings.answer)
    demo.queue(default_concurrency_limit=ASSISTANT_CONCURRENCY, max_size=64)
    where = f"http://{args.host}:{args.port}"
    print(f"[jjj app] serving on {where}" + (" (login required)" if auth else ""), flush=True)
    try:
        demo.launch(server_name=args.host, server_port=args.port, auth=auth, **launch_kwargs())
    except OSError as e:
        print(f"error: cannot serve on {where}: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
