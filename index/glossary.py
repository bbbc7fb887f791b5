"""Bilingual glossary of the report's domain (shipped as ``index/data/glossary.tsv``).

Two uses:
* ``expand(en_query)``: the Chinese terms an English question refers to, so the
  keyword leg can match an English question against the Chinese text;
* ``to_en(zh_term)``: the preferred English name of a Chinese term, so answers in
  English can name indicators, regions and organisations properly.

Matching is on lower-cased word sequences with a light plural folding
("expressways" matches "expressway"); a match inside a longer match is dropped
("Beijing" inside "Beijing-Tianjin-Hebei").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .text import normalize

DATA_DIR = Path(__file__).resolve().parent / "data"
GLOSSARY_PATH = DATA_DIR / "glossary.tsv"

_WORD_RE = re.compile(r"[a-z0-9]+(?:[&'.+][a-z0-9]+)*\+?")


def _fold(word: str) -> str:
    """Light plural folding, applied to both sides."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def en_words(text: str) -> list[str]:
    text = text.lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    return [_fold(w) for w in _WORD_RE.findall(text.replace("-", " ").replace("/", " "))]


@dataclass
class Glossary:
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (en, zh) in file order
    # general words for what the curated pairs leave uncovered (``index.lexicon``), set per index
    lexicon: object | None = None

    def __post_init__(self) -> None:
        self._by_words: dict[tuple[str, ...], list[str]] = {}
        self._to_en: dict[str, str] = {}
        for en, zh in self.pairs:
            key = tuple(en_words(en))
            if key:
                terms = self._by_words.setdefault(key, [])
                if zh not in terms:
                    terms.append(zh)
            self._to_en.setdefault(normalize(zh), en)
        self._max_len = max((len(k) for k in self._by_words), default=0)

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Glossary":
        path = Path(path) if path else GLOSSARY_PATH
        pairs = []
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
                raise ValueError(f"{path}:{n}: expected 'english<TAB>chinese', got {line!r}")
            pairs.append((parts[0].strip(), parts[1].strip()))
        return cls(pairs)

    def __len__(self) -> int:
        return len(self.pairs)

    def matches(self, en_text: str) -> list[tuple[int, int, tuple[str, ...]]]:
        """Glossary phrases found in ``en_text`` as (start word, end word, key),
        longest first; matches inside a longer match are dropped."""
        return [(a, b, key) for a, b, key, _, _ in self.groups(en_text)]

    def groups(self, en_text: str) -> list[tuple[int, int, tuple[str, ...], list[str], str]]:
        """(start word, end word, English key, Chinese terms, "glossary" | "lexicon") for the
        phrases of ``en_text``: the curated pairs first (longest first, not nested), then the
        lexicon for the words they leave uncovered. A group's Chinese terms are alternatives."""
        words = en_words(en_text)
        kept = [(a, b, key, list(self._by_words[key]), "glossary")
                for a, b, key in _longest(words, self._by_words, self._max_len)]
        lex = self.lexicon
        if lex is not None and len(lex):
            covered = {i for a, b, *_ in kept for i in range(a, b)}
            free = [(i, w) for i, w in enumerate(words) if i not in covered]
            # runs of uncovered words, matched on their own
            runs: list[list[tuple[int, str]]] = []
            for i, w in free:
                if runs and runs[-1][-1][0] == i - 1:
                    runs[-1].append((i, w))
                else:
                    runs.append([(i, w)])
            # "What does the book cover on Shijiazhuang?", "Which chapter covers e-commerce?": the verb, not the
            # book's cover (封面); "the cover", "cover design" stay the noun
            verb = {i for i in range(len(words)) if words[i] in ("cover", "covers", "covered", "covering")
                    and _COVER_VERB.search(" ".join(words[max(0, i - 6): i + 1]))}
            runs = [r for r in ([(i, w) for i, w in run if i not in verb] for run in runs) if r]
            for run in runs:
                sub = [lex.base(w) if hasattr(lex, "base") else w for _, w in run]
                found = _longest(sub, lex.entries, lex.max_len)
                for a, b, key in found:
                    kept.append((run[0][0] + a, run[0][0] + b, key, list(lex.get(key)), "lexicon"))
                # pinyin typed syllable by syllable ("the ding jia of this book", "liang shi yi sheng"): the
                # words the lexicon left, joined, when the joined word is one of its entries ("dingjia" -> 定价)
                taken = {run[0][0] + i for a, b, _ in found for i in range(a, b)}
                for a, b, key in _joined(run, taken, lex.entries):
                    kept.append((a, b, key, list(lex.get(key)), "lexicon"))
        return sorted(kept)

    def spell(self, text: str, names: Iterable[str] = (), known: Iterable[str] = ()) -> str:
        """English words typed with one slip ("publsher", "page of apendix", "zhonguancun sw park") written as
        the glossary's (or ``names``': the places and parks a question may name). Only a word of six letters or
        more that neither the glossary, the lexicon, ``known`` (stop words) nor ``names`` holds is changed, and
        only to the one word one edit away (a letter added, dropped, changed or two swapped), same first letter.
        ``known`` is tested with ``in`` (lower-case words)."""
        vocab, seen = self._spell_vocab(tuple(names))
        lex = self.lexicon

        def known_word(w: str) -> bool:
            return w in seen or w in known

        def fix(m: re.Match) -> str:
            w = m.group(0)
            lw = w.lower()
            if len(lw) < 6 or known_word(lw) or known_word(_fold(lw)) or (lex is not None and hasattr(lex, "base") and known_word(lex.base(lw))):
                return w
            cands = {v for v in vocab if v[0] == lw[0] and abs(len(v) - len(lw)) <= 1 and _one_edit(lw, v)}
            if len(cands) != 1:
                return w
            from .lexicon import english_words  # noqa: PLC0415 (read only when a slip is likely)

            return w if lw in english_words() or _fold(lw) in english_words() else next(iter(cands))

        return re.sub(r"[A-Za-z]+", fix, text)

    def _spell_vocab(self, names: tuple[str, ...]) -> tuple[frozenset, frozenset]:
        """(the words a slip may be corrected to, every word the glossary, the lexicon or ``names`` holds), made once:
        ``spell`` runs on every English question."""
        cache = self.__dict__.setdefault("_spell_cache", {})
        if names not in cache:
            vocab = frozenset(w for key in self._by_words for w in key if len(w) >= 5 and w.isalpha()) | frozenset(
                w for n in names for w in en_words(n) if len(w) >= 5 and w.isalpha())
            lex = self.lexicon
            single = frozenset(k[0] for k in lex.entries if len(k) == 1) if lex is not None and len(lex) else frozenset()
            cache[names] = (vocab, vocab | single)
        return cache[names]

    def expand(self, en_query: str) -> list[str]:
        """Chinese terms for the English phrases in ``en_query`` (query order, no duplicates)."""
        out: list[str] = []
        for _, _, _, zhs, _ in self.groups(en_query):
            for zh in zhs:
                if zh not in out:
                    out.append(zh)
        return out

    def matched_words(self, en_query: str) -> set[int]:
        """Indices (into ``en_words(en_query)``) covered by a glossary or lexicon phrase."""
        covered: set[int] = set()
        for a, b, *_ in self.groups(en_query):
            covered.update(range(a, b))
        return covered

    def terms_for(self, phrase: str) -> list[str]:
        """The Chinese terms of the glossary entry that best covers an English ``phrase`` ("combining industry, academia,
        research and government" -> 产学研官): all its words in the phrase, covering at least 60% of the phrase's words
        (small words aside), the most words first; else what the lexicon gives for the phrase's words; [] for none."""
        small = {"and", "the", "of", "a", "an", "in", "for", "to", "on", "with"}
        want = {w for w in en_words(phrase) if w not in small}
        best: tuple[int, list[str]] = (0, [])
        for key, zhs in self._by_words.items():
            ks = {w for w in key if w not in small}
            if ks and ks <= want and len(ks) >= 0.6 * len(want) and len(ks) > best[0]:
                best = (len(ks), list(zhs))
        if best[1]:
            return best[1]
        return [z for *_, zhs, src in self.groups(phrase) if src == "lexicon" for z in zhs]

    def to_en(self, zh_term: str) -> str | None:
        """Preferred English name of a Chinese term, or None."""
        return self._to_en.get(normalize(zh_term))

    def find_zh(self, zh_text: str) -> list[tuple[str, str]]:
        """Glossary terms (zh, en) occurring in a Chinese text, longest first, not nested."""
        text = normalize(zh_text)
        hits = []
        for zh in sorted(self._to_en, key=len, reverse=True):
            if len(zh) < 2 or not any("\u4e00" <= c <= "\u9fff" for c in zh):
                continue
            pos = text.find(zh)
            if pos >= 0 and not any(p <= pos < p + len(z) for p, z in hits):
                hits.append((pos, zh))
        hits.sort()
        return [(zh, self._to_en[zh]) for _, zh in hits]


_JOIN_MAX = 5  # syllables of one word typed apart: "liang shi yi sheng"
# one toneless pinyin syllable ("ding", "jia", "sheng"); English words joined ("lay out" -> layout) are no word typed apart
_SYLLABLE = re.compile(r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|iao|ian|uai|uan|ai|ei|ui|ao|ou|iu|ie|ve|ue|er|an|en|in|un|vn|ia|ua|uo|a|o|e|i|u|v)")


def _joined(run: list[tuple[int, str]], taken: set[int], table: dict) -> list[tuple[int, int, tuple[str, ...]]]:
    """Spans of two or more adjacent words of ``run`` (index, word), none in ``taken``, whose letters
    joined are a key of ``table`` -- longest first, not overlapping."""
    out: list[tuple[int, int, tuple[str, ...]]] = []
    k = 0
    while k < len(run):
        hit = None
        for n in range(min(_JOIN_MAX, len(run) - k), 1, -1):
            span = run[k: k + n]
            if any(i in taken for i, _ in span) or span[-1][0] - span[0][0] != n - 1 or not all(_SYLLABLE.fullmatch(w) for _, w in span):
                continue
            key = ("".join(w for _, w in span),)
            if len(key[0]) >= 5 and key in table:
                hit = (span[0][0], span[-1][0] + 1, key)
                break
        if hit:
            out.append(hit)
            k += hit[1] - hit[0]
        else:
            k += 1
    return out


_COVER_VERB = re.compile(r"\b(?:do|doe|does|did|to|will|would|also)\b(?: \S+){0,4} cover$|\b(?:is|are|was|were|be|been) covered$"
                         r"|^(?:which|what) (?:chapter|section|part|page|one)s? cover$|\b(?:it|that|which) cover$")


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one letter added, dropped or changed, or two neighbours swapped."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _longest(words: list[str], table: dict, max_len: int) -> list[tuple[int, int, tuple[str, ...]]]:
    """Keys of ``table`` found as word runs of ``words``, longest first, nested ones dropped."""
    found = []
    for i in range(len(words)):
        for n in range(min(max_len, len(words) - i), 0, -1):
            key = tuple(words[i : i + n])
            if key in table:
                found.append((i, i + n, key))
    found.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
    kept: list[tuple[int, int, tuple[str, ...]]] = []
    for m in found:
        if any(k[0] <= m[0] and m[1] <= k[1] for k in kept):
            continue
        kept.append(m)
    return sorted(kept)
