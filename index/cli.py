"""`jjj index build`, `jjj index info` and `jjj search`.

    jjj index build [--embedder e5-small-q4|st:<model or folder>] [--rebuild] [--index-dir DIR]
                    [--chroma-host HOST --chroma-port PORT] [--source PATH ...] [--json]
    jjj search "query" [--k 5] [--mode hybrid|dense|bm25] [--json]
    jjj search --json < queries.txt     # one query per line -> one JSON object per line
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from corpus.errors import JJJError


class SearchInputError(JJJError):
    exit_code = 2


def add_location_args(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("index location and settings")
    g.add_argument("--index-dir", type=Path, help="index folder (default: $JJJ_HOME or ~/.local/share/jjj)")
    g.add_argument("--embedder", help="e5-small-q4 (default) or st:<model name or folder>")
    g.add_argument("--source", type=Path, action="append", help="report file(s) instead of the bundled report")
    g.add_argument("--chroma-host", help="use the Chroma server at this host instead of the embedded store")
    g.add_argument("--chroma-port", type=int, default=8000, help="Chroma server port (default 8000)")


def settings_from_args(args: argparse.Namespace):
    from .settings import ChromaSettings, IndexSettings

    kw: dict = {}
    if getattr(args, "index_dir", None):
        kw["index_dir"] = args.index_dir
    if getattr(args, "embedder", None):
        kw["embedder"] = args.embedder
    if getattr(args, "source", None):
        kw["sources"] = list(args.source)
    if getattr(args, "chroma_host", None):
        kw["chroma"] = ChromaSettings(host=args.chroma_host, port=args.chroma_port)
    try:
        return IndexSettings(**kw)
    except ValueError as e:
        raise SearchInputError(f"invalid index setting: {e}") from None


def register(sub) -> None:
    p = sub.add_parser("index", help="build or inspect the search index",
                       description="Build or inspect the search index (Chroma + BM25).")
    isub = p.add_subparsers(dest="index_command", required=True)
    b = isub.add_parser("build", help="parse the report, chunk, embed and index it",
                        description="Build the index. A new collection goes live only when complete.")
    b.add_argument("--rebuild", action="store_true", help="rebuild even if an up-to-date index exists")
    b.add_argument("--json", action="store_true", help="print the index info as JSON")
    b.add_argument("--quiet", action="store_true", help="no progress bar")
    add_location_args(b)
    b.set_defaults(func=cmd_build)
    i = isub.add_parser("info", help="show the live index", description="Show what the live index was built with.")
    i.add_argument("--json", action="store_true")
    add_location_args(i)
    i.set_defaults(func=cmd_info)

    s = sub.add_parser("search", help="retrieve passages (no answer)",
                       description="Retrieve passages for a query. With --json and no query, read one query per "
                                   "stdin line and write one JSON object per line.")
    s.add_argument("query", nargs="?", help='e.g. "北京市2013年R&D投入强度" or "metro mileage of Beijing"')
    s.add_argument("--k", type=int, default=5, help="passages to return (default 5)")
    s.add_argument("--mode", choices=["hybrid", "dense", "bm25"], default="hybrid")
    s.add_argument("--json", action="store_true", help="JSON output (JSON lines when reading stdin)")
    add_location_args(s)
    s.set_defaults(func=cmd_search)


def cmd_build(args: argparse.Namespace) -> int:
    from .api import build_index

    settings = settings_from_args(args)
    info = build_index(settings, progress=not args.quiet and sys.stderr.isatty(), rebuild=args.rebuild)
    if args.json:
        print(json.dumps(info.to_json(), ensure_ascii=False, indent=2))
        return 0
    if info.reused:
        print(f"index is up to date: {info.collection} ({info.chunk_count} chunks, {info.embedder}); "
              "use --rebuild to build it again")
    else:
        if info.moved_aside:
            print(f"the previous index store was damaged; it was moved aside to {info.moved_aside} "
                  "(delete it when no longer needed)", file=sys.stderr)
        print(f"built {info.collection}: {info.chunk_count} chunks, {info.embedder} ({info.dim}-d), "
              f"{info.embedded_chunks} embedded, {info.build_seconds:.1f} s")
    print(f"  store: {info.chroma}")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from .api import open_index

    h = open_index(settings_from_args(args))
    if args.json:
        print(json.dumps(h.info.to_json(), ensure_ascii=False, indent=2))
    else:
        i = h.info
        print(f"collection  {i.collection}\nembedder    {i.embedder} ({i.dim}-d)\nchunks      {i.chunk_count}\n"
              f"built at    {i.built_at}\nstore       {i.chroma}\nsources     "
              + ", ".join(s.get("path", "?") for s in i.sources))
        aside = h.store.damaged_copies()
        if aside:
            # kept, never deleted by jjj: they may hold the only copy of an index someone needs
            print(f"set aside   {len(aside)} damaged store(s), not used; delete when no longer needed:")
            for p in aside:
                print(f"            {p}")
    return 0


def hit_json(h) -> dict:
    c = h.chunk
    return {
        "rank": h.rank,
        "chunk_id": c.id,
        "kind": c.kind,
        "section": c.section,
        "page": c.page,
        "text": c.text,
        "quote": c.quote,
        "score": round(float(h.score), 6),
    }


def cmd_search(args: argparse.Namespace) -> int:
    from .api import open_index

    if args.k < 1 or args.k > 100:
        raise SearchInputError("--k must be between 1 and 100")
    if args.query is None and not args.json:
        raise SearchInputError("give a query, or use --json to read queries from stdin (one per line)")
    if args.query is not None and not args.query.strip():
        raise SearchInputError("the query is empty")
    handle = open_index(settings_from_args(args))
    retriever = handle.retriever(args.mode)
    if args.query is not None:
        hits = retriever.retrieve(args.query, args.k)
        if args.json:
            print(json.dumps({"query": args.query, "mode": args.mode, "hits": [hit_json(h) for h in hits]},
                             ensure_ascii=False))
        else:
            _print_hits(args.query, hits)
        return 0
    for line in sys.stdin:
        q = line.strip()
        if not q:
            continue
        hits = retriever.retrieve(q, args.k)
        sys.stdout.write(json.dumps({"query": q, "mode": args.mode, "hits": [hit_json(h) for h in hits]},
                                    ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


def _print_hits(query: str, hits) -> None:
    if not hits:
        print(f"no passages found for: {query}")
        return
    for h in hits:
        c = h.chunk
        page = f", p. {c.page}" if c.page is not None else ""
        kind = "" if c.kind == "paragraph" else f" [{c.kind}]"
        print(f"{h.rank}. {c.section or '(report)'}{page}{kind}  score {h.score:.4f}")
        text = c.text if len(c.text) <= 300 else c.text[:300] + " …"
        for line in text.splitlines():
            print(f"   {line}")
        if c.kind != "paragraph" and c.quote and c.quote != c.text:
            print(f"   quote: {c.quote}")
        print()
