"""Evaluation metrics: pure functions over plain values.

Retrieval. A retrieved chunk is *relevant* when its text -- or, for a table-row
chunk, its ``quote`` -- contains a gold evidence quote (``eval.normalize.canon``:
whitespace and width ignored). Each gold quote is one relevant "document": the
first chunk (in rank order) that covers a quote not covered higher up gets that
quote's id; every other chunk gets a non-relevant id. That id list is fed to
llama-index's ``HitRate``, ``MRR``, ``Recall`` and ``NDCG`` (binary relevance),
so hit@k, MRR@k, recall@k and nDCG@k are llama-index's definitions, and a
second chunk repeating an already found quote earns nothing (nDCG stays <= 1).

Answers. ``answer_correct``: the result is not a refusal and every ``expected``
string -- and one string of each ``expected_any`` group -- occurs in the answer
(``canon_answer``: also case, script and thousands separators ignored).
A citation *supports* the item when its chunk text contains a gold quote or its
quote overlaps one (see ``quote_overlaps``). Refusal metrics take "refused"
(``answerable == False``) as the positive class.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Iterable, Sequence, Union

from eval.normalize import canon, canon_answer

RETRIEVAL_KS = (1, 3, 5)
RECALL_K = 5
RANK_K = 10  # MRR@10, nDCG@10
CHUNK_LEN_K = 5  # mean length of the top-5 chunks (what a citation would show)
MIN_OVERLAP_CHARS = 12


# ----------------------------------------------------------------- relevance
def chunk_texts(chunk: Any) -> list[str]:
    """The texts of a chunk that may hold evidence: its text and, if different, its quote."""
    out = [getattr(chunk, "text", "") or ""]
    q = getattr(chunk, "quote", "") or ""
    if q and q != out[0]:
        out.append(q)
    return out


Gold = Union[str, Sequence[str]]  # a gold quote, or a gold quote with the quotes that state the same fact


def alternatives(g) -> tuple[str, ...]:
    return (g,) if isinstance(g, str) else tuple(g)


def gold_in_chunk(chunk: Any, gold: Sequence[Gold]) -> list[int]:
    """Indices of the gold quotes this chunk contains (any of a quote's alternatives)."""
    texts = [canon(t) for t in chunk_texts(chunk)]
    return [i for i, g in enumerate(gold) if any((cg := canon(a)) and any(cg in t for t in texts) for a in alternatives(g))]


def relevance_ids(chunks: Sequence[Any], gold: Sequence[Gold]) -> tuple[list[str], list[str]]:
    """(expected_ids, retrieved_ids) for llama-index's metrics; see the module docstring."""
    expected = [f"gold:{i}" for i in range(len(gold))]
    covered: set[int] = set()
    retrieved: list[str] = []
    for r, c in enumerate(chunks):
        new = [i for i in gold_in_chunk(c, gold) if i not in covered]
        if new:
            covered.add(new[0])
            retrieved.append(f"gold:{new[0]}")
            # a chunk covering several new quotes covers them all; it still occupies one rank
            covered.update(new)
        else:
            retrieved.append(f"miss:{r}")
    return expected, retrieved


def _llama(metric_cls, expected: list[str], retrieved: list[str], **kw) -> float:
    if not retrieved or not expected:
        return 0.0
    return float(metric_cls(**kw).compute(expected_ids=expected, retrieved_ids=retrieved).score)


def retrieval_scores(chunks: Sequence[Any], gold: Sequence[Gold]) -> dict[str, float]:
    """hit@1/3/5, recall@5, MRR@10, nDCG@10 and mean top-5 chunk length for one question."""
    from llama_index.core.evaluation.retrieval.metrics import MRR, NDCG, HitRate

    expected, retrieved = relevance_ids(chunks, gold)
    out: dict[str, float] = {}
    for k in RETRIEVAL_KS:
        out[f"hit@{k}"] = _llama(HitRate, expected, retrieved[:k])
    out[f"recall@{RECALL_K}"] = recall_at_k(chunks, gold, RECALL_K)
    out[f"mrr@{RANK_K}"] = _llama(MRR, expected, retrieved[:RANK_K])
    out[f"ndcg@{RANK_K}"] = _llama(NDCG, expected, retrieved[:RANK_K])
    out["chunk_chars"] = mean_chunk_chars(chunks, CHUNK_LEN_K)
    return out


def recall_at_k(chunks: Sequence[Any], gold: Sequence[Gold], k: int) -> float:
    """Share of gold quotes found in the top k (llama-index ``Recall``; a chunk may cover several quotes)."""
    from llama_index.core.evaluation.retrieval.metrics import Recall

    ids = [f"gold:{i}" for c in chunks[:k] for i in gold_in_chunk(c, gold)] or ["miss"]
    return _llama(Recall, [f"gold:{i}" for i in range(len(gold))], ids)


def mean_chunk_chars(chunks: Sequence[Any], k: int = CHUNK_LEN_K) -> float:
    top = [len(getattr(c, "text", "") or "") for c in chunks[:k]]
    return sum(top) / len(top) if top else 0.0


# ----------------------------------------------------------------- answers
def answer_correct(answer: str, answerable: bool, expected: Sequence[str], expected_any: Sequence[Sequence[str]] = ()) -> bool:
    """An answer (not a refusal) that contains every expected string and one of each alternative group."""
    if not answerable or not (expected or expected_any):
        return False
    a = canon_answer(answer)
    if not all(canon_answer(e) in a for e in expected):
        return False
    return all(any(canon_answer(x) in a for x in group) for group in expected_any)


def quote_overlaps(cited: str, gold: str, min_chars: int = MIN_OVERLAP_CHARS) -> bool:
    """The cited quote and the gold quote share a span of at least min(len(gold), min_chars) characters."""
    c, g = canon(cited), canon(gold)
    if not c or not g:
        return False
    if g in c or (len(c) >= min(len(g), min_chars) and c in g):
        return True
    m = SequenceMatcher(None, c, g, autojunk=False).find_longest_match(0, len(c), 0, len(g))
    return m.size >= min(len(g), min_chars)


def citation_supports(citation: Any, gold: Sequence[Gold]) -> list[int]:
    """Gold quotes this citation supports: its chunk text holds them, or its quote overlaps them."""
    text = canon(getattr(citation, "text", "") or "")
    quote = getattr(citation, "quote", "") or ""
    return [i for i, g in enumerate(gold)
            if any((canon(a) and canon(a) in text) or quote_overlaps(quote, a) for a in alternatives(g))]


@dataclass(frozen=True)
class CitationScore:
    cited: int  # citations in the answer
    supported: int  # of those, how many support a gold quote
    recall: float  # share of gold quotes supported by some citation


def citation_score(citations: Sequence[Any], gold: Sequence[Gold]) -> CitationScore:
    covered: set[int] = set()
    supported = 0
    for c in citations:
        s = citation_supports(c, gold)
        supported += bool(s)
        covered.update(s)
    return CitationScore(len(citations), supported, len(covered) / len(gold) if gold else 0.0)


_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
_MARKER = re.compile(r"\[\d+\]")


def answer_language(answer: str) -> str:
    """"en" when the direct answer (first line, citation markers aside) is mostly Latin script, else "zh"."""
    first = _MARKER.sub("", (answer or "").strip().split("\n", 1)[0])
    latin = len(_LATIN.findall(first))
    cjk = len(_CJK.findall(first))
    return "en" if latin > cjk else "zh"


# ----------------------------------------------------------------- aggregates
def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (numpy's default), q in [0, 100]; NaN when empty."""
    v = sorted(float(x) for x in values)
    if not v:
        return math.nan
    pos = (len(v) - 1) * q / 100.0
    lo, hi = math.floor(pos), math.ceil(pos)
    return v[lo] + (v[hi] - v[lo]) * (pos - lo)


def _mean(xs: Iterable[float]) -> float:
    xs = list(xs)
    return sum(xs) / len(xs) if xs else math.nan


def safe_div(a: float, b: float) -> float:
    return a / b if b else math.nan


def refusal_scores(pairs: Iterable[tuple[bool, bool]]) -> dict[str, float]:
    """pairs of (item_answerable, result_answerable). Positive class = refused."""
    tp = fp = fn = tn = 0
    for item_ok, result_ok in pairs:
        refused, should = not result_ok, not item_ok
        tp += refused and should
        fp += refused and not should
        fn += (not refused) and should
        tn += (not refused) and not should
    return {
        "refusal_precision": safe_div(tp, tp + fp),
        "refusal_recall": safe_div(tp, tp + fn),
        "false_refusals": float(fp),
        "unanswered_total": float(tp + fn),
    }


@dataclass
class ItemRecord:
    """Everything measured for one item by one system (retrieval-only systems leave answer fields None)."""

    id: str
    language: str
    tags: tuple[str, ...]
    split: str
    answerable: bool
    multi_turn: bool
    query: str = ""  # what was sent to the retriever
    retrieval: dict[str, float] = field(default_factory=dict)  # empty for unanswerable items
    retrieve_ms: float | None = None
    answer: str | None = None
    result_answerable: bool | None = None
    correct: bool | None = None
    cited: int = 0
    cited_supported: int = 0
    citation_recall: float | None = None
    answer_language: str | None = None
    ask_ms: float | None = None
    rewritten_question: str | None = None
    top_chunk_ids: list[str] = field(default_factory=list)  # top-5 retrieved (or cited) chunk ids
    top_texts: list[str] = field(default_factory=list)  # their first 80 characters, for reading misses

    def to_json(self) -> dict:
        from dataclasses import asdict

        d = asdict(self)
        d["tags"] = list(self.tags)
        return d


def aggregate(records: Sequence[ItemRecord]) -> dict[str, float]:
    """Means over the records (retrieval over answerable items; answers where the assistant ran)."""
    out: dict[str, float] = {"n": float(len(records))}
    ret = [r for r in records if r.answerable and r.retrieval]
    out["n_retrieval"] = float(len(ret))
    keys = [f"hit@{k}" for k in RETRIEVAL_KS] + [f"recall@{RECALL_K}", f"mrr@{RANK_K}", f"ndcg@{RANK_K}", "chunk_chars"]
    for k in keys:
        out[k] = _mean(r.retrieval[k] for r in ret)
    lat = [r.retrieve_ms for r in records if r.retrieve_ms is not None]
    out["retrieve_p50_ms"] = percentile(lat, 50)
    out["retrieve_p95_ms"] = percentile(lat, 95)
    asked = [r for r in records if r.result_answerable is not None]
    if asked:
        ans = [r for r in asked if r.answerable]
        out["answer_accuracy"] = _mean(float(bool(r.correct)) for r in ans)
        cited = sum(r.cited for r in ans)
        out["citation_precision"] = safe_div(sum(r.cited_supported for r in ans), cited)
        out["citation_recall"] = _mean(r.citation_recall or 0.0 for r in ans)
        out.update(refusal_scores((r.answerable, bool(r.result_answerable)) for r in asked))
        mt = [r for r in asked if r.multi_turn]
        out["followup_resolved"] = _mean(float(followup_ok(r)) for r in mt)
        en = [r for r in ans if r.language == "en" and r.result_answerable]
        out["english_answered_in_english"] = _mean(float(r.answer_language == "en") for r in en)
        lat = [r.ask_ms for r in asked if r.ask_ms is not None]
        out["ask_p50_ms"] = percentile(lat, 50)
        out["ask_p95_ms"] = percentile(lat, 95)
    return out


def followup_ok(r: ItemRecord) -> bool:
    """A multi-turn item is resolved when its last turn is answered correctly (or correctly refused)."""
    if r.answerable:
        return bool(r.correct)
    return r.result_answerable is False


def breakdown(records: Sequence[ItemRecord], by: str) -> dict[str, dict[str, float]]:
    """Aggregates per language, split or tag (an item counts under each of its tags)."""
    groups: dict[str, list[ItemRecord]] = {}
    for r in records:
        if by == "tag":
            keys: Iterable[str] = r.tags
        elif by in ("language", "split"):
            keys = [getattr(r, by)]
        else:
            raise ValueError(f"cannot break down by {by!r}")
        for key in keys:
            groups.setdefault(key, []).append(r)
    return {k: aggregate(v) for k, v in sorted(groups.items())}
