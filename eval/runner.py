"""Run the evaluation: retrieval systems side by side, the assistant's answers, the gate.

    run = run_eval(items, systems=["hybrid", "llamaindex-default"], retriever_factory=f, assistant=a)
    failures = check_gate(run, Thresholds(min_hit5=0.95), split="all")

``retriever_factory(name) -> Retriever`` is the one injection point: the CLI
passes ``default_factory(...)`` (the index's hybrid/dense/bm25 retrievers and
the stock llama-index baseline); tests pass their own retrievers.

Queries. Single-turn items are retrieved with the question as typed. For a
multi-turn item the retrieval query is the assistant's rewritten last turn
(``AskResult.rewritten_question``) when an assistant is given, else the turns
joined with a space. Every item is scored on its last turn.

Latency: each retriever gets one warm-up query first, so p50/p95 are warm.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from corpus.errors import JJJError
from eval import metrics as M
from eval.dataset import EvalItem

RetrieverFactory = Callable[[str], object]  # name -> index.model.Retriever
INDEX_MODES = ("hybrid", "dense", "bm25")
BASELINE = "llamaindex-default"
KNOWN_SYSTEMS = (*INDEX_MODES, BASELINE)
ASSISTANT = "assistant"


class EvalError(JJJError):
    exit_code = 4


@dataclass
class EvalRun:
    split: str
    systems: dict[str, list[M.ItemRecord]] = field(default_factory=dict)  # retrieval records per system
    answers: list[M.ItemRecord] = field(default_factory=list)  # the assistant's answers (empty if not run)
    build_s: dict[str, float] = field(default_factory=dict)  # time to construct each retriever
    info: dict = field(default_factory=dict)
    seconds: float = 0.0

    def summary(self) -> dict:
        """Aggregates for every system (and the assistant) by split, language, language x split and tag."""
        out = {}
        for name, recs in [*self.systems.items(), *([(ASSISTANT, self.answers)] if self.answers else [])]:
            out[name] = summarize(recs)
        return out


def summarize(recs: Sequence[M.ItemRecord]) -> dict:
    by_ls: dict[str, dict] = {}
    for lang in sorted({r.language for r in recs}):
        for split in sorted({r.split for r in recs}):
            sub = [r for r in recs if r.language == lang and r.split == split]
            if sub:
                by_ls[f"{lang}/{split}"] = M.aggregate(sub)
    return {
        "all": M.aggregate(recs),
        "by_split": M.breakdown(recs, "split"),
        "by_language": M.breakdown(recs, "language"),
        "by_language_split": by_ls,
        "by_tag": M.breakdown(recs, "tag"),
    }


def _record(item: EvalItem) -> M.ItemRecord:
    return M.ItemRecord(
        id=item.id, language=item.language, tags=item.tags, split=item.split,
        answerable=item.answerable, multi_turn=item.multi_turn,
    )


def ask_conversation(assistant, item: EvalItem):
    """Feed the turns in order with history; return (last AskResult or None, last-turn ms, error)."""
    history = []
    res, ms = None, None
    for turn in item.turns:
        t0 = time.perf_counter()
        try:
            res = assistant.ask(turn, history=list(history))
        except JJJError as e:  # a question the assistant rejects counts as a non-answer
            return None, (time.perf_counter() - t0) * 1000, e.message
        ms = (time.perf_counter() - t0) * 1000
        history.append(res.as_turn())
    return res, ms, None


def rewritten_query(assistant, item: EvalItem) -> str:
    """The last turn as the assistant would retrieve it (follow-ups rewritten), without answering."""
    from assistant.types import Turn

    history: list = []
    rewritten = item.question
    for turn in item.turns:
        q, rewritten, lang = assistant.prepare(turn, history)
        history.append(Turn(q, rewritten, lang, "", True))
    return rewritten


def run_answers(assistant, items: Sequence[EvalItem]) -> tuple[list[M.ItemRecord], dict[str, str]]:
    """Answer metrics per item, and the rewritten last-turn question per item id."""
    recs, rewritten = [], {}
    for it in items:
        r = _record(it)
        res, ms, err = ask_conversation(assistant, it)
        r.ask_ms = ms
        if res is None:
            r.answer, r.result_answerable, r.correct = f"(error: {err})", False, False
            rewritten[it.id] = " ".join(it.turns)
        else:
            r.answer = res.answer
            r.rewritten_question = res.rewritten_question
            r.result_answerable = bool(res.answerable)
            r.answer_language = M.answer_language(res.answer)
            r.correct = M.answer_correct(res.answer, res.answerable, it.expected, it.expected_any)
            r.top_chunk_ids = [c.chunk_id for c in res.citations]
            r.top_texts = [c.quote[:80] for c in res.citations]
            if it.answerable and res.answerable:
                cs = M.citation_score(res.citations, it.gold)
                r.cited, r.cited_supported, r.citation_recall = cs.cited, cs.supported, cs.recall
            elif it.answerable:
                r.citation_recall = 0.0
            rewritten[it.id] = res.rewritten_question or it.question
        recs.append(r)
    return recs, rewritten


def run_retrieval(retriever, items: Sequence[EvalItem], queries: dict[str, str], k: int) -> list[M.ItemRecord]:
    retriever.retrieve("warm-up 预热", k)
    recs = []
    for it in items:
        r = _record(it)
        r.query = queries[it.id]
        t0 = time.perf_counter()
        hits = retriever.retrieve(r.query, k)
        r.retrieve_ms = (time.perf_counter() - t0) * 1000
        chunks = [h.chunk for h in hits]
        r.top_chunk_ids = [c.id for c in chunks[:5]]
        r.top_texts = [c.text[:80] for c in chunks[:5]]
        if it.answerable:
            r.retrieval = M.retrieval_scores(chunks, it.gold)
        recs.append(r)
    return recs


def run_eval(
    items: Sequence[EvalItem],
    systems: Sequence[str],
    retriever_factory: RetrieverFactory,
    assistant=None,
    *,
    answers: bool = True,
    k: int = 10,
    split: str = "all",
    progress: Callable[[str], None] | None = None,
) -> EvalRun:
    t0 = time.perf_counter()
    run = EvalRun(split=split)
    say = progress or (lambda _m: None)
    queries = {it.id: " ".join(it.turns) for it in items}
    if assistant is not None:
        if answers:
            say(f"asking the assistant {len(items)} questions ...")
            run.answers, rewritten = run_answers(assistant, items)
        else:
            rewritten = {it.id: rewritten_query(assistant, it) for it in items}
        queries.update({i: q for i, q in rewritten.items() if q})
    for name in systems:
        say(f"retrieval: {name} ...")
        tb = time.perf_counter()
        retriever = retriever_factory(name)
        run.build_s[name] = time.perf_counter() - tb
        run.systems[name] = run_retrieval(retriever, items, queries, k)
    run.seconds = time.perf_counter() - t0
    return run


# ----------------------------------------------------------------- the gate
@dataclass(frozen=True)
class Thresholds:
    min_hit5: float | None = None
    min_hit1: float | None = None
    min_mrr: float | None = None
    max_chunk_chars: float | None = None
    min_answer: float | None = None
    min_citation: float | None = None
    min_refusal: float | None = None  # both refusal precision and recall
    min_followup: float | None = None

    # threshold field -> (metrics, retrieval or answers, direction)
    SPEC = {
        "min_hit5": (("hit@5",), "retrieval", "min"),
        "min_hit1": (("hit@1",), "retrieval", "min"),
        "min_mrr": (("mrr@10",), "retrieval", "min"),
        "max_chunk_chars": (("chunk_chars",), "retrieval", "max"),
        "min_answer": (("answer_accuracy",), "answers", "min"),
        "min_citation": (("citation_precision",), "answers", "min"),
        "min_refusal": (("refusal_precision", "refusal_recall"), "answers", "min"),
        "min_followup": (("followup_resolved",), "answers", "min"),
    }

    def active(self) -> dict[str, float]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


def check_gate(run: EvalRun, th: Thresholds, gate_system: str) -> list[str]:
    """Failure messages; every threshold is checked overall and for each language separately."""
    fails: list[str] = []
    for name, value in th.active().items():
        metrics, source, direction = Thresholds.SPEC[name]
        if source == "retrieval":
            recs = run.systems.get(gate_system)
            label = gate_system
        else:
            recs = run.answers
            label = ASSISTANT
        if not recs:
            fails.append(f"--{name.replace('_', '-')} {value}: not measured ({label} did not run)")
            continue
        groups = {"all": recs, **{lang: [r for r in recs if r.language == lang] for lang in ("zh", "en")}}
        for gname, sub in groups.items():
            if not sub:
                continue
            agg = M.aggregate(sub)
            for m in metrics:
                got = agg.get(m, math.nan)
                bad = math.isnan(got) or (got < value if direction == "min" else got > value)
                if bad:
                    op = "<" if direction == "min" else ">"
                    fails.append(f"{label} {m} [{gname}] = {got:.3f} {op} {value} (--{name.replace('_', '-')})")
    return fails


# ----------------------------------------------------------------- default wiring
def default_factory(settings, assistant=None) -> RetrieverFactory:
    """Index retrievers (through the assistant when loaded) and the stock llama-index baseline."""
    handle_box: list = []

    def factory(name: str):
        if name in INDEX_MODES:
            if assistant is not None:
                return assistant.retriever(name)
            if not handle_box:
                from index.api import open_index

                handle_box.append(open_index(settings.index))
            return handle_box[0].retriever(name)
        if name == BASELINE:
            from eval.baselines import make_llamaindex_default

            sources = list(getattr(settings.index, "sources", []) or [])
            return make_llamaindex_default(settings.index.embedder, sources[0] if sources else None)
        raise EvalError(f"unknown system {name!r}", hint=f"use one or more of {', '.join(KNOWN_SYSTEMS)}")

    return factory


def parse_systems(spec: str, known: Sequence[str] | None = KNOWN_SYSTEMS) -> list[str]:
    names = [s.strip() for s in (spec or "").split(",") if s.strip()]
    if not names:
        raise EvalError("--compare needs at least one system", hint=f"e.g. --compare {','.join(KNOWN_SYSTEMS)}")
    unknown = [n for n in names if known is not None and n not in known]
    if unknown:
        raise EvalError(f"unknown system(s): {', '.join(unknown)}", hint=f"use {', '.join(KNOWN_SYSTEMS)}")
    return list(dict.fromkeys(names))


def records_to_json(recs: Iterable[M.ItemRecord]) -> list[dict]:
    return [r.to_json() for r in recs]
