"""The bilingual evaluation set: loading, validation and the held-out split.

One JSON object per line in ``eval/data/items.jsonl`` (schema in eval/README.md).
Items are hand-written from the report; every gold quote is a verbatim span of
the report (modulo whitespace), which ``tests/test_eval_dataset.py`` proves.

The split is recorded in the file and reproducible: within each stratum
(language, and "unanswerable" / "multi-turn" / the first tag) items are ordered by sha1(id) and the first
``round(HELDOUT_FRACTION * n)`` are held out. ``assign_splits`` recomputes it and
validation rejects a file whose recorded split disagrees.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterable

from corpus.errors import JJJError

DATA_PATH = Path(__file__).with_name("data") / "items.jsonl"
LANGUAGES = ("zh", "en")
SPLITS = ("tune", "heldout")
HELDOUT_FRACTION = 0.35
MAX_QUOTE_CHARS = 60
_FIELDS = {"id", "turns", "language", "gold_evidence", "expected", "expected_any", "answerable", "tags", "split",
           "also_evidence"}
_REQUIRED = _FIELDS - {"expected_any", "also_evidence"}


class DatasetError(JJJError):
    """The evaluation file is missing or malformed."""

    exit_code = 4


@dataclass(frozen=True)
class EvalItem:
    id: str
    turns: tuple[str, ...]
    language: str  # "zh" | "en" (traditional Chinese questions are "zh" and tagged "traditional")
    gold_evidence: tuple[str, ...]  # verbatim report quotes proving the answer to the last turn
    expected: tuple[str, ...]  # every one must appear in a correct answer
    answerable: bool
    tags: tuple[str, ...]
    split: str  # "tune" | "heldout"
    expected_any: tuple[tuple[str, ...], ...] = ()  # at least one of each inner tuple must appear
    # the same fact stated elsewhere in the report (the duplicated title page, the imprint):
    # also_evidence[i] are quotes that count as gold_evidence[i]
    also_evidence: tuple[tuple[str, ...], ...] = ()

    @property
    def gold(self) -> tuple[tuple[str, ...], ...]:
        """Each gold quote with its alternatives: what the metrics match against."""
        return tuple((g, *(self.also_evidence[i] if i < len(self.also_evidence) else ())) for i, g in enumerate(self.gold_evidence))

    @property
    def question(self) -> str:
        """The turn the item is scored on."""
        return self.turns[-1]

    @property
    def multi_turn(self) -> bool:
        return len(self.turns) > 1

    @property
    def stratum(self) -> tuple[str, str]:
        """(language, kind): unanswerable and multi-turn items form their own strata, else the first tag."""
        if not self.answerable:
            return (self.language, "unanswerable")
        if self.multi_turn:
            return (self.language, "multi-turn")
        return (self.language, self.tags[0])

    def to_json(self) -> dict:
        d = asdict(self)
        d["turns"] = list(self.turns)
        d["gold_evidence"] = list(self.gold_evidence)
        d["expected"] = list(self.expected)
        d["expected_any"] = [list(x) for x in self.expected_any]
        d["also_evidence"] = [list(x) for x in self.also_evidence]
        if not d["also_evidence"]:
            del d["also_evidence"]
        d["tags"] = list(self.tags)
        return d


def _str_list(v, what: str, where: str) -> tuple[str, ...]:
    if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
        raise DatasetError(f"{where}: '{what}' must be a list of non-empty strings")
    return tuple(v)


def item_from_json(d: dict, where: str = "item") -> EvalItem:
    """Build and validate one item; raises DatasetError naming the line and the problem."""
    if not isinstance(d, dict):
        raise DatasetError(f"{where}: not a JSON object")
    missing = _REQUIRED - d.keys()
    extra = d.keys() - _FIELDS
    if missing:
        raise DatasetError(f"{where}: missing fields {sorted(missing)}")
    if extra:
        raise DatasetError(f"{where}: unknown fields {sorted(extra)}")
    iid = d["id"]
    if not isinstance(iid, str) or not iid.strip():
        raise DatasetError(f"{where}: 'id' must be a non-empty string")
    where = f"{where} ({iid})"
    turns = _str_list(d["turns"], "turns", where)
    if not turns:
        raise DatasetError(f"{where}: 'turns' is empty")
    if d["language"] not in LANGUAGES:
        raise DatasetError(f"{where}: language must be one of {LANGUAGES}")
    if d["split"] not in SPLITS:
        raise DatasetError(f"{where}: split must be one of {SPLITS}")
    if not isinstance(d["answerable"], bool):
        raise DatasetError(f"{where}: 'answerable' must be true or false")
    gold = _str_list(d["gold_evidence"], "gold_evidence", where)
    expected = _str_list(d["expected"], "expected", where)
    tags = _str_list(d["tags"], "tags", where)
    if not tags:
        raise DatasetError(f"{where}: at least one tag is needed (the first one stratifies the split)")
    raw_any = d.get("expected_any", [])
    if not isinstance(raw_any, list):
        raise DatasetError(f"{where}: 'expected_any' must be a list of lists")
    expected_any = tuple(_str_list(x, "expected_any[]", where) for x in raw_any)
    if any(not x for x in expected_any):
        raise DatasetError(f"{where}: an 'expected_any' alternative list is empty")
    raw_also = d.get("also_evidence", [])
    if not isinstance(raw_also, list) or len(raw_also) > len(gold):
        raise DatasetError(f"{where}: 'also_evidence' must be a list of lists, one per gold quote at most")
    also = tuple(tuple(x) if x == [] else _str_list(x, "also_evidence[]", where) for x in raw_also)
    for q in gold + tuple(q for x in also for q in x):
        if len(q) > MAX_QUOTE_CHARS:
            raise DatasetError(f"{where}: gold quote longer than {MAX_QUOTE_CHARS} chars: {q[:30]}...")
    if d["answerable"]:
        if not gold:
            raise DatasetError(f"{where}: an answerable item needs gold_evidence")
        if not expected and not expected_any:
            raise DatasetError(f"{where}: an answerable item needs expected or expected_any")
    else:
        if gold or expected or expected_any:
            raise DatasetError(f"{where}: an unanswerable item has no gold_evidence/expected")
        if "unanswerable" not in tags:
            raise DatasetError(f"{where}: unanswerable items carry the 'unanswerable' tag")
    return EvalItem(
        id=iid,
        turns=turns,
        language=d["language"],
        gold_evidence=gold,
        also_evidence=also,
        expected=expected,
        answerable=d["answerable"],
        tags=tags,
        split=d["split"],
        expected_any=expected_any,
    )


def _split_key(item_id: str) -> str:
    return hashlib.sha1(item_id.encode("utf-8")).hexdigest()


def assign_splits(items: Iterable[EvalItem], fraction: float = HELDOUT_FRACTION) -> dict[str, str]:
    """id -> split, stratified by ``EvalItem.stratum``, deterministic in the ids alone."""
    strata: dict[tuple[str, str], list[str]] = defaultdict(list)
    for it in items:
        strata[it.stratum].append(it.id)
    out: dict[str, str] = {}
    for ids in strata.values():
        ids = sorted(ids, key=_split_key)
        n_held = round(fraction * len(ids))
        for i, iid in enumerate(ids):
            out[iid] = "heldout" if i < n_held else "tune"
    return out


def load_items(path: str | Path | None = None, split: str = "all", check_split: bool = True) -> list[EvalItem]:
    """Read and validate the set; ``split`` is "tune", "heldout" or "all"."""
    if split not in (*SPLITS, "all"):
        raise DatasetError(f"unknown split {split!r}; use tune, heldout or all")
    p = Path(path) if path else DATA_PATH
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise DatasetError(f"cannot read the evaluation set {p}: {e.strerror or e}") from None
    items: list[EvalItem] = []
    seen: set[str] = set()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            raise DatasetError(f"{p.name}:{n}: invalid JSON ({e.msg})") from None
        it = item_from_json(d, f"{p.name}:{n}")
        if it.id in seen:
            raise DatasetError(f"{p.name}:{n}: duplicate id {it.id}")
        seen.add(it.id)
        items.append(it)
    if not items:
        raise DatasetError(f"the evaluation set {p} is empty")
    if check_split:
        want = assign_splits(items)
        wrong = [it.id for it in items if it.split != want[it.id]]
        if wrong:
            raise DatasetError(
                f"{p.name}: recorded split disagrees with the deterministic split for {len(wrong)} items "
                f"(e.g. {wrong[0]})",
                hint="regenerate the split with eval.dataset.write_items(items) after adding items",
            )
    if split != "all":
        items = [it for it in items if it.split == split]
    return items


def write_items(items: Iterable[EvalItem], path: str | Path | None = None) -> Path:
    """Write items with freshly assigned splits (used when the set is extended)."""
    items = list(items)
    splits = assign_splits(items)
    p = Path(path) if path else DATA_PATH
    with p.open("w", encoding="utf-8") as f:
        for it in items:
            d = it.to_json()
            d["split"] = splits[it.id]
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    return p


def stats(items: Iterable[EvalItem]) -> dict:
    """Counts by language, tag, split (and the combinations a reader asks about)."""
    items = list(items)
    by: dict[str, dict] = {"language": {}, "split": {}, "tag": {}, "language_split": {}}
    for it in items:
        by["language"][it.language] = by["language"].get(it.language, 0) + 1
        by["split"][it.split] = by["split"].get(it.split, 0) + 1
        k = f"{it.language}/{it.split}"
        by["language_split"][k] = by["language_split"].get(k, 0) + 1
        for t in it.tags:
            by["tag"][t] = by["tag"].get(t, 0) + 1
    by["total"] = len(items)
    by["multi_turn"] = sum(it.multi_turn for it in items)
    by["unanswerable"] = sum(not it.answerable for it in items)
    return by
