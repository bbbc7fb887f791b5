"""`jjj eval`: run the evaluation set, compare retrieval systems, write reports, enforce a gate.

    jjj eval [--split tune|heldout|all] [--compare hybrid,dense,bm25,llamaindex-default]
             [--min-hit5 X --min-hit1 X --min-mrr X --max-chunk-chars N
              --min-answer X --min-citation X --min-refusal X --min-followup X]
             [--out eval/results] [--json] [--no-answers] [--no-assistant]

Exit codes: 0 passed, 2 below a threshold (each failure is printed), other
non-zero codes for errors (missing dataset, unknown system, index problems).
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from eval import dataset as D
from eval import report as R
from eval import runner as X

GATE_FAILED = 2


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--split", choices=["tune", "heldout", "all"], default="all", help="items to run (default all)")
    p.add_argument("--compare", default="hybrid", help="comma-separated retrieval systems: "
                   + ",".join(X.KNOWN_SYSTEMS) + " (default hybrid)")
    p.add_argument("--gate-system", help="system the retrieval thresholds apply to (default: first of --compare)")
    p.add_argument("--items", type=Path, help="evaluation set (default: the bundled eval/data/items.jsonl)")
    p.add_argument("--out", type=Path, default=Path("eval/results"),
                   help="folder for results.json, records.jsonl, report.md, comparison.png")
    p.add_argument("--json", action="store_true", help="print results.json to stdout instead of the table")
    p.add_argument("--no-answers", action="store_true", help="retrieval only (follow-ups still rewritten by the assistant)")
    p.add_argument("--no-assistant", action="store_true", help="do not load the assistant: retrieval only, follow-ups as joined turns")
    g = p.add_argument_group("gate (each checked overall and per language; exit 2 below any)")
    g.add_argument("--min-hit5", type=float)
    g.add_argument("--min-hit1", type=float)
    g.add_argument("--min-mrr", type=float, help="minimum MRR@10")
    g.add_argument("--max-chunk-chars", type=float, help="maximum mean top-5 chunk length")
    g.add_argument("--min-answer", type=float, help="minimum answer accuracy")
    g.add_argument("--min-citation", type=float, help="minimum citation precision")
    g.add_argument("--min-refusal", type=float, help="minimum refusal precision and recall")
    g.add_argument("--min-followup", type=float, help="minimum share of multi-turn items resolved")
    from assistant.commands import add_common

    add_common(p)


def register(sub) -> None:
    p = sub.add_parser("eval", help="evaluate retrieval and answers on the question set",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(p)
    p.set_defaults(func=handle)


def thresholds_from_args(args) -> X.Thresholds:
    return X.Thresholds(
        min_hit5=args.min_hit5, min_hit1=args.min_hit1, min_mrr=args.min_mrr, max_chunk_chars=args.max_chunk_chars,
        min_answer=args.min_answer, min_citation=args.min_citation, min_refusal=args.min_refusal,
        min_followup=args.min_followup,
    )


def handle(args, retriever_factory: X.RetrieverFactory | None = None, assistant=None) -> int:
    """The command. ``retriever_factory``/``assistant`` are injection points for tests and scripts."""
    from assistant.commands import settings_from_args

    items = D.load_items(args.items, split=args.split)
    systems = X.parse_systems(args.compare, known=X.KNOWN_SYSTEMS if retriever_factory is None else None)
    gate_system = args.gate_system or systems[0]
    if gate_system not in systems:
        raise X.EvalError(f"--gate-system {gate_system} is not in --compare")
    th = thresholds_from_args(args)
    settings = settings_from_args(args)
    say = lambda m: print(m, file=sys.stderr, flush=True)  # noqa: E731
    if assistant is None and not args.no_assistant:
        from assistant.core import Assistant

        assistant = Assistant.load(settings, progress=say)
    factory = retriever_factory or X.default_factory(settings, assistant)
    run = X.run_eval(items, systems, factory, assistant, answers=not args.no_answers, split=args.split, progress=say)
    run.info = {
        "dataset": str(args.items or D.DATA_PATH.relative_to(D.DATA_PATH.parents[2])),
        "items": len(items),
        "stats": D.stats(items),
        "embedder": settings.index.embedder,
        "k": 10,
        "assistant": assistant.info() if assistant is not None and hasattr(assistant, "info") else None,
    }
    if run.info["assistant"]:
        run.info["index_name"] = run.info["assistant"].get("index_name")
    summary = run.summary()
    failures = X.check_gate(run, th, gate_system)
    argv = getattr(args, "argv", None)
    if argv is None:
        argv = sys.argv[2:] if sys.argv[1:2] == ["eval"] else []
    command = "jjj eval " + " ".join(shlex.quote(a) for a in argv)
    paths = R.write_all(run, summary, args.out, gate_system, failures, th.active(), command.strip())
    if args.json:
        print(paths["json"].read_text(encoding="utf-8"))
    else:
        print(R.terminal_text(run, summary, gate_system, failures))
        print(f"\nwrote {paths['json']}, {paths['records']}, {paths['markdown']}, {paths['chart']}")
    if failures:
        for f in failures:
            print(f"eval gate: {f}", file=sys.stderr)
        return GATE_FAILED
    return 0


def main(argv: list[str] | None = None, *, retriever_factory: X.RetrieverFactory | None = None, assistant=None) -> int:
    """Standalone entry (``python -m eval.cli``) with the same injection points as ``handle``."""
    from corpus.errors import JJJError

    p = argparse.ArgumentParser(prog="jjj eval", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(p)
    argv = list(sys.argv[1:] if argv is None else argv)
    args = p.parse_args(argv)
    args.argv = argv
    try:
        return handle(args, retriever_factory=retriever_factory, assistant=assistant)
    except JJJError as e:
        print(f"error: {e.message}", file=sys.stderr)
        if e.hint:
            print(e.hint, file=sys.stderr)
        return e.exit_code


if __name__ == "__main__":
    sys.exit(main())
