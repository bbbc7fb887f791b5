"""`jjj` command line. Each layer registers its own subcommands; this module only
composes them and turns domain errors into plain messages and exit codes."""

from __future__ import annotations

import argparse
import os
import sys

from assistant import offline  # noqa: E402

offline.apply()  # nothing may phone home; set before any library that reads these is imported

from corpus.errors import JJJError  # noqa: E402


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jjj", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    from corpus import cli as corpus_cli
    from index import cli as index_cli

    corpus_cli.register(sub)
    index_cli.register(sub)
    from assistant import commands as assistant_cli
    from eval import cli as eval_cli

    assistant_cli.register(sub)
    eval_cli.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["app"]:  # the web app parses its own options
        import app

        try:
            return int(app.main(argv[1:]) or 0)
        except JJJError as e:
            print(f"error: {e.message}", file=sys.stderr)
            return e.exit_code
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        rc = args.func(args)
    except JJJError as e:
        print(f"error: {e.message}", file=sys.stderr)
        if e.hint:
            print(e.hint, file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # a bug, not a user error: still no traceback unless asked for
        if os.environ.get("JJJ_DEBUG"):
            raise
        print(f"error: unexpected {type(e).__name__}: {e}. Re-run with JJJ_DEBUG=1 for details.", file=sys.stderr)
        return 70
    return int(rc or 0)


if __name__ == "__main__":
    sys.exit(main())
