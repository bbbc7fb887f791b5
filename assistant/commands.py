"""`jjj ask`, `jjj chat` and `jjj app`: the terminal face of the Assistant API.

Contract (scripts and the evaluation depend on it):
  jjj ask "Q" [--json]          one JSON object (see assistant/types.py) or a readable answer
  jjj chat [--json]             one user turn per stdin line; a line "/new" starts a new conversation;
                                one JSON object per turn, flushed. Exit 2 if any turn was bad input.
"""

from __future__ import annotations

import argparse
import json
import sys

from assistant import prompts
from assistant.errors import InputError
from assistant.settings import AnswerSettings, LLMSettings, Settings
from assistant.types import AskResult, Turn
from corpus.errors import JJJError
from index import cli as index_cli


def add_common(p: argparse.ArgumentParser) -> None:
    index_cli.add_location_args(p)
    g = p.add_argument_group("retrieval")
    g.add_argument("--k", type=int, help="passages to retrieve (default 5)")
    g.add_argument("--mode", choices=["hybrid", "dense", "bm25"], help="retrieval mode (default hybrid)")
    g = p.add_argument_group("optional LLM answerer (off by default)")
    g.add_argument("--llm-base-url", help="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1")
    g.add_argument("--llm-model", help="model name at that endpoint")
    g.add_argument("--llm-api-key-env", default="JJJ_LLM_API_KEY", help="environment variable holding the API key")


def settings_from_args(args: argparse.Namespace) -> Settings:
    index_settings = index_cli.settings_from_args(args)
    ans: dict = {}
    if getattr(args, "k", None):
        ans["k"] = args.k
    if getattr(args, "mode", None):
        ans["mode"] = args.mode
    llm = LLMSettings()
    if getattr(args, "llm_base_url", None) or getattr(args, "llm_model", None):
        if not (args.llm_base_url and args.llm_model):
            raise InputError("--llm-base-url and --llm-model go together.")
        llm = LLMSettings(enabled=True, base_url=args.llm_base_url, model=args.llm_model, api_key_env=args.llm_api_key_env)
    try:
        return Settings(index=index_settings, answer=AnswerSettings(**ans), llm=llm)
    except ValueError as e:  # pydantic validation
        raise InputError(f"Invalid setting: {e}") from None


def register(sub) -> None:
    p = sub.add_parser("ask", help="ask one question", description="Ask one question about the report.")
    p.add_argument("question", help='the question, e.g. "北京市2013年R&D投入强度是多少？"')
    p.add_argument("--json", action="store_true", help="print the JSON result")
    add_common(p)
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("chat", help="conversation over stdin", description="One user turn per line; '/new' starts a new conversation.")
    p.add_argument("--json", action="store_true", help="one JSON object per turn")
    add_common(p)
    p.set_defaults(func=cmd_chat)

    p = sub.add_parser("app", help="start the web app (Gradio)", add_help=False)
    p.add_argument("rest", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_app)


def _load(args):
    from assistant.core import Assistant

    settings = settings_from_args(args)
    return Assistant.load(settings, progress=lambda m: print(m, file=sys.stderr, flush=True))


def format_readable(r: AskResult) -> str:
    lang = r.language
    out = []
    if r.rewritten_question and r.rewritten_question != r.question:
        out.append(f"({prompts.REWRITTEN[lang]}: {r.rewritten_question})")
    out.append(r.answer)
    if r.citations:
        out.append("")
        out.append(prompts.SOURCES_HEADER[lang] + ":")
        for c in r.citations:
            page = f", p. {c.page}" if c.page is not None else ""
            out.append(f"  [{c.n}] {c.section}{page}")
            out.append(f"      “{c.quote}”")
    if r.related:
        out.append("")
        out.append(prompts.RELATED_HEADER[lang] + ":")
        for c in r.related:
            page = f", p. {c.page}" if c.page is not None else ""
            out.append(f"  - {c.section}{page}: “{c.quote[:120]}”")
    return "\n".join(out)


def cmd_ask(args) -> int:
    a = _load(args)
    r = a.ask(args.question)
    if args.json:
        print(json.dumps(r.to_json(), ensure_ascii=False))
    else:
        print(format_readable(r))
    return 0


def _lines():
    """stdin lines as text; undecodable lines are reported, not crashed on."""
    for raw in sys.stdin.buffer:
        try:
            yield raw.decode("utf-8").rstrip("\r\n"), None
        except UnicodeDecodeError:
            yield None, InputError(prompts.INPUT_BINARY)


def cmd_chat(args) -> int:
    a = _load(args)
    history: list[Turn] = []
    bad = 0
    interactive = sys.stdin.isatty() and not args.json
    if interactive:
        print("Ask about the report (Chinese or English). /new starts a new conversation, Ctrl-D quits.", file=sys.stderr)
        lines = _interactive()
    else:
        lines = _lines()
    for line, err in lines:
        if err is None and line is not None and line.strip() == "/new":
            history = []
            if args.json:
                print(json.dumps({"event": "new_conversation"}), flush=True)
            continue
        try:
            if err is not None:
                raise err
            r = a.ask(line, history=history)
        except JJJError as e:
            bad += 1
            if args.json:
                print(json.dumps({"error": e.message, "question": line if isinstance(line, str) else None}, ensure_ascii=False), flush=True)
            else:
                print(f"error: {e.message}", file=sys.stderr, flush=True)
            continue
        history.append(r.as_turn())
        if args.json:
            print(json.dumps(r.to_json(), ensure_ascii=False), flush=True)
        else:
            print(format_readable(r) + "\n", flush=True)
    return 2 if bad else 0


def _interactive():
    while True:
        try:
            line = input("› ")
        except EOFError:
            print(file=sys.stderr)
            return
        yield line, None


def cmd_app(args) -> int:
    import app

    return int(app.main(args.rest) or 0)
