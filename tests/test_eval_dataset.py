"""The evaluation set is well-formed and every gold quote is really in the report."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from eval.dataset import DATA_PATH, DatasetError, assign_splits, item_from_json, load_items, write_items
from eval.normalize import canon

REPORT = Path(__file__).resolve().parents[1] / "corpus" / "data" / "jjj-info-service-report-2015.md"


@pytest.fixture(scope="module")
def items():
    return load_items()


def _raw_pieces() -> list[str]:
    """The source cut at page breaks (3+ newlines) and footnote markers, whitespace removed:
    a quote must fit inside one piece, so it survives the cleaner rejoining or dropping things there."""
    raw = REPORT.read_text(encoding="utf-8")
    raw = re.sub(r"<sup>.*?</sup>", "\x00", raw)
    raw = re.sub(r"<[^>]+>", "", raw)  # markup is not report text
    return [canon(p) for p in re.split(r"\n{3,}|\x00", raw)]


def test_size_and_mix(items):
    langs = Counter(it.language for it in items)
    assert len(items) >= 90, f"only {len(items)} items"
    assert abs(langs["zh"] - langs["en"]) <= 0.1 * len(items), f"languages unbalanced: {langs}"
    assert sum("traditional" in it.tags for it in items) >= 5, "need >= 5 traditional-Chinese questions"
    assert sum(it.multi_turn for it in items) >= 12, "need >= 12 multi-turn conversations"
    assert sum(not it.answerable for it in items) >= 14, "need >= 14 unanswerable questions"
    tags = Counter(t for it in items for t in it.tags)
    for section in ("publication", "funding", "editorial", "general-preface", "preface", "toc", "chapter1"):
        assert tags[section] >= 2, f"section {section} covered by {tags[section]} items"
    for kind in ("number", "name", "list", "page", "paraphrase"):
        assert tags[kind] >= 5, f"question kind {kind} has only {tags[kind]} items"


DEV_SETS = sorted(DATA_PATH.parent.glob("dev*.jsonl"))


@pytest.fixture(scope="module", params=[DATA_PATH, *DEV_SETS], ids=lambda p: p.name)
def any_set(request):
    """The official set and every development set: tuning on a dev item with a wrong quote would
    tune towards the wrong passage."""
    return load_items(request.param, check_split=False)


def test_every_gold_quote_is_in_the_raw_report(any_set):
    items = any_set
    pieces = _raw_pieces()
    missing = [
        (it.id, q) for it in items for g in it.gold for q in g if not any(canon(q) in p for p in pieces)
    ]
    assert not missing, f"gold quotes not found verbatim (within one page, not across a footnote marker) in {REPORT.name}: {missing}"


def test_every_gold_quote_is_in_the_parsed_report(any_set, bundled_report):
    items, report = any_set, bundled_report
    texts = [canon(p.text) for p in report.paragraphs]
    texts += [canon(r.quote) for rows in report.tables.values() for r in rows]
    texts += [canon(f.text) for f in report.footnotes]  # (a footnote is a passage of its own)
    missing = [(it.id, q) for it in items for g in it.gold for q in g if not any(canon(q) in t for t in texts)]
    assert not missing, f"gold quotes not inside any single parsed paragraph, table-row quote or footnote: {missing}"


def test_split_is_deterministic_stratified_and_recorded(items):
    assert {it.id: it.split for it in items} == assign_splits(items), "recorded split != recomputed split"
    held = sum(it.split == "heldout" for it in items) / len(items)
    assert 0.30 <= held <= 0.40, f"held-out fraction {held:.2f}"
    for lang in ("zh", "en"):
        sub = [it for it in items if it.language == lang]
        for kind, pred in (("multi-turn", lambda i: i.multi_turn), ("unanswerable", lambda i: not i.answerable)):
            group = [i for i in sub if pred(i)]
            n_held = sum(i.split == "heldout" for i in group)
            assert 0 < n_held < len(group), f"{lang} {kind}: {n_held}/{len(group)} held out"


def test_answerable_items_expect_something_checkable(items):
    for it in items:
        if it.language == "en" and it.answerable:
            # an extractive English answer carries the Chinese quote, so at least one expected
            # string (or one alternative of each group) must be a value from the report text
            groups = [[e] for e in it.expected] + [list(g) for g in it.expected_any]
            assert groups, f"{it.id} has nothing to check"


def test_validation_rejects_bad_items(tmp_path):
    good = json.loads(DATA_PATH.read_text(encoding="utf-8").splitlines()[0])
    bad_cases = {
        "language": {**good, "language": "fr"},
        "gold": {**good, "gold_evidence": []},
        "long quote": {**good, "gold_evidence": ["字" * 61]},
        "unanswerable with gold": {**good, "answerable": False, "tags": ["unanswerable"]},
        "extra field": {**good, "answer": "x"},
        "empty turn": {**good, "turns": [" "]},
    }
    for name, d in bad_cases.items():
        with pytest.raises(DatasetError):
            item_from_json(d)
            pytest.fail(f"accepted an item with a bad {name}")
    p = tmp_path / "items.jsonl"
    p.write_text(json.dumps(good, ensure_ascii=False) + "\n" + json.dumps(good, ensure_ascii=False) + "\n")
    with pytest.raises(DatasetError, match="duplicate"):
        load_items(p, check_split=False)
    # a hand-edited split is caught
    its = load_items()
    write_items(its, p)
    lines = p.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first["split"] = "tune" if first["split"] == "heldout" else "heldout"
    lines[0] = json.dumps(first, ensure_ascii=False)
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="split"):
        load_items(p)
