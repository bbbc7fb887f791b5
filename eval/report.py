"""Write an evaluation run: results.json, report.md, comparison.png, and the terminal table."""

from __future__ import annotations

import json
import math
from pathlib import Path

from eval.runner import ASSISTANT, EvalRun, records_to_json

RETRIEVAL_COLS = [("hit@1", "hit@1"), ("hit@3", "hit@3"), ("hit@5", "hit@5"), ("recall@5", "recall@5"),
                  ("mrr@10", "MRR@10"), ("ndcg@10", "nDCG@10"), ("chunk_chars", "chunk chars"),
                  ("retrieve_p50_ms", "p50 ms"), ("retrieve_p95_ms", "p95 ms")]
ANSWER_COLS = [("answer_accuracy", "answer acc"), ("citation_precision", "cite P"), ("citation_recall", "cite R"),
               ("refusal_precision", "refuse P"), ("refusal_recall", "refuse R"), ("followup_resolved", "follow-up"),
               ("english_answered_in_english", "en→en"), ("ask_p50_ms", "p50 ms"), ("ask_p95_ms", "p95 ms")]
SHORT_RETRIEVAL = [("hit@1", "hit@1"), ("hit@5", "hit@5"), ("mrr@10", "MRR@10"), ("ndcg@10", "nDCG@10"), ("chunk_chars", "chars")]


def fmt(v, key: str = "") -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    if key.endswith("_ms"):
        return f"{v:.1f}"
    if key == "chunk_chars":
        return f"{v:.0f}"
    return f"{v:.3f}"


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def _groups(summary: dict) -> list[tuple[str, dict]]:
    """(label, aggregate) rows: tune, heldout, all; then the same per language."""
    out = [(s, summary["by_split"][s]) for s in ("tune", "heldout") if s in summary["by_split"]]
    out.append(("all", summary["all"]))
    for lang in ("zh", "en"):
        for s in ("tune", "heldout"):
            if f"{lang}/{s}" in summary["by_language_split"]:
                out.append((f"{lang}/{s}", summary["by_language_split"][f"{lang}/{s}"]))
        if lang in summary["by_language"]:
            out.append((f"{lang}/all", summary["by_language"][lang]))
    return out


def retrieval_table(run: EvalRun, summary: dict, cols=RETRIEVAL_COLS) -> str:
    rows = []
    for name in run.systems:
        for label, agg in _groups(summary[name]):
            rows.append([name, label] + [fmt(agg.get(k), k) for k, _ in cols])
    return _table(["system", "items"] + [h for _, h in cols], rows)


def answer_table(summary: dict, cols=ANSWER_COLS) -> str:
    rows = [[label] + [fmt(agg.get(k), k) for k, _ in cols] for label, agg in _groups(summary[ASSISTANT])]
    return _table(["items"] + [h for _, h in cols], rows)


def tag_table(summary: dict, name: str, cols) -> str:
    rows = [[tag, f"{agg['n']:.0f}"] + [fmt(agg.get(k), k) for k, _ in cols] for tag, agg in summary[name]["by_tag"].items()]
    return _table(["tag", "n"] + [h for _, h in cols], rows)


def terminal_text(run: EvalRun, summary: dict, gate_system: str, failures: list[str]) -> str:
    parts = [f"Retrieval ({run.split} split; chunk chars = mean length of the top-5 chunks)"]
    parts.append(retrieval_table(run, summary, SHORT_RETRIEVAL))
    if run.answers:
        parts += ["", f"Assistant answers (retrieval mode of the assistant; {len(run.answers)} items)"]
        parts.append(answer_table(summary, ANSWER_COLS[:7]))
    parts.append("")
    if failures:
        parts.append("GATE FAILED:")
        parts += [f"  {f}" for f in failures]
    else:
        parts.append(f"gate: passed (retrieval thresholds on {gate_system})")
    return "\n".join(parts)


def markdown(run: EvalRun, summary: dict, gate_system: str, failures: list[str], thresholds: dict, command: str) -> str:
    info = run.info
    md = ["# Evaluation report", ""]
    md.append(f"Command: `{command}`  ")
    md.append(f"Split: **{run.split}**; items: {info.get('items')} ({info.get('dataset')})  ")
    md.append(f"Embedder: `{info.get('embedder')}`; index: `{info.get('index_name', '–')}`; k = {info.get('k')}  ")
    md.append(f"Run time: {run.seconds:.1f} s; retriever set-up: "
              + ", ".join(f"{n} {s:.1f} s" for n, s in run.build_s.items()))
    md += ["", "A hit is a retrieved chunk whose text (or, for a table row, its quote) contains a gold evidence "
           "quote. *chunk chars* is the mean length of the top-5 chunks: large chunks make hit@k easy and "
           "citations useless. Latencies are warm, per query, on this machine.", ""]
    md += ["## Retrieval", "", retrieval_table(run, summary), ""]
    if run.answers:
        md += ["## Assistant answers", "",
               "answer acc: the expected value/name is in the answer (answerable items); cite P: cited chunks "
               "holding a gold quote; cite R: gold quotes covered by citations; refuse P/R: positive class = "
               "refused; follow-up: multi-turn items whose last turn is right; en→en: English questions answered "
               "in English.", "", answer_table(summary), ""]
    md += [f"## By tag ({gate_system})", "", tag_table(summary, gate_system, SHORT_RETRIEVAL), ""]
    if run.answers:
        md += ["## By tag (assistant)", "", tag_table(summary, ASSISTANT, ANSWER_COLS[:6]), ""]
    md += ["## Gate", ""]
    if thresholds:
        md.append("Thresholds (each checked overall and per language): "
                  + ", ".join(f"`--{k.replace('_', '-')} {v}`" for k, v in thresholds.items()))
        md.append("")
    md += ([f"- FAILED: {f}" for f in failures] if failures else ["Passed."]) + [""]
    misses = _misses(run, gate_system)
    if misses:
        md += [f"## Misses ({gate_system}: gold not in the top 5)", ""] + misses + [""]
    wrong = _wrong_answers(run)
    if wrong:
        md += ["## Wrong answers (assistant)", ""] + wrong + [""]
    return "\n".join(md)


def _misses(run: EvalRun, system: str) -> list[str]:
    out = []
    for r in run.systems.get(system, []):
        if r.answerable and r.retrieval and r.retrieval.get("hit@5", 1.0) < 1.0:
            out.append(f"- `{r.id}` ({r.split}) {r.query}")
    return out


def _wrong_answers(run: EvalRun) -> list[str]:
    out = []
    for r in run.answers:
        ok = r.correct if r.answerable else r.result_answerable is False
        if not ok:
            ans = (r.answer or "").replace("\n", " ")[:120]
            kind = "should refuse" if not r.answerable else ("refused" if r.result_answerable is False else "wrong")
            out.append(f"- `{r.id}` ({r.split}, {kind}) Q: {r.rewritten_question or ''} → {ans}")
    return out


def chart(run: EvalRun, summary: dict, path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    metrics = [("hit@1", "hit@1"), ("hit@5", "hit@5"), ("mrr@10", "MRR@10"), ("ndcg@10", "nDCG@10")]
    langs = [lang for lang in ("zh", "en") if any(lang in summary[n]["by_language"] for n in run.systems)]
    systems = list(run.systems)
    fig, axes = plt.subplots(1, max(1, len(langs)), figsize=(6.5 * max(1, len(langs)), 4.2), squeeze=False)
    width = 0.8 / max(1, len(systems))
    for ax, lang in zip(axes[0], langs):
        for i, name in enumerate(systems):
            agg = summary[name]["by_language"].get(lang, {})
            vals = [agg.get(k, 0.0) if not math.isnan(agg.get(k, math.nan)) else 0.0 for k, _ in metrics]
            xs = [j + (i - (len(systems) - 1) / 2) * width for j in range(len(metrics))]
            chars = agg.get("chunk_chars", math.nan)
            label = f"{name} ({chars:.0f} chars)" if not math.isnan(chars) else name
            bars = ax.bar(xs, vals, width, label=label)
            ax.bar_label(bars, labels=[f"{v:.2f}" for v in vals], fontsize=6, padding=1)
        ax.set_xticks(range(len(metrics)), [h for _, h in metrics])
        ax.set_ylim(0, 1.32)
        ax.set_yticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
        ax.set_title(f"{'Chinese' if lang == 'zh' else 'English'} questions ({run.split} split)")
        ax.legend(fontsize=7, loc="upper center", ncol=2, frameon=False)
    fig.suptitle("Retrieval comparison (chars = mean top-5 chunk length)")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def results_json(run: EvalRun, summary: dict, gate_system: str, failures: list[str], thresholds: dict, command: str) -> dict:
    return {
        "command": command,
        "split": run.split,
        "info": run.info,
        "seconds": round(run.seconds, 2),
        "build_s": {k: round(v, 2) for k, v in run.build_s.items()},
        "gate": {"system": gate_system, "thresholds": thresholds, "failures": failures, "passed": not failures},
        "summary": _clean(summary),
        "records_file": "records.jsonl",
    }


def record_lines(run: EvalRun) -> list[str]:
    """One JSON object per (system, item): what was asked, retrieved, answered and scored."""
    out = []
    for name, recs in [*run.systems.items(), *([(ASSISTANT, run.answers)] if run.answers else [])]:
        for r in records_to_json(recs):
            out.append(json.dumps({"system": name, **_clean(r)}, ensure_ascii=False))
    return out


def _clean(x):
    """NaN -> None so the JSON is standard."""
    if isinstance(x, dict):
        return {k: _clean(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_clean(v) for v in x]
    if isinstance(x, float) and math.isnan(x):
        return None
    return x


def write_all(run: EvalRun, summary: dict, out: Path, gate_system: str, failures: list[str], thresholds: dict, command: str) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = {"json": out / "results.json", "records": out / "records.jsonl", "markdown": out / "report.md",
             "chart": out / "comparison.png"}
    data = results_json(run, summary, gate_system, failures, thresholds, command)
    paths["json"].write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    paths["records"].write_text("\n".join(record_lines(run)) + "\n", encoding="utf-8")
    paths["markdown"].write_text(markdown(run, summary, gate_system, failures, thresholds, command), encoding="utf-8")
    chart(run, summary, paths["chart"])
    return paths
