"""Keyword leg: BM25 over jieba search-mode segmentation.

* corpus and queries go through ``text.normalize`` (OpenCC t2s, width folding);
* jieba gets a user dictionary of the report's terms (``data/userdict.txt``) and
  the glossary's Chinese terms, so "R&D投入强度" or "港口货物通过能力" stay whole
  (search mode also emits their parts);
* stopwords (``data/stopwords_zh.txt`` + ``data/stopwords_en.txt``) are dropped;
* English queries are expanded into Chinese through the glossary; English words
  that the glossary does not cover are kept (the text has "GDP", "ISBN", "CBD").

BM25 is the Lucene variant (as in bm25s): idf = ln(1 + (N - df + 0.5) / (df + 0.5)),
term weight = idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len / avglen)),
precomputed per (term, document) so a query is a few array additions.
"""

from __future__ import annotations

import json
import math
import os
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .glossary import DATA_DIR, Glossary, en_words
from .model import Chunk, Hit
from .render import keyword_text
from .settings import KeywordSettings
from .intent import DATE_TERM, MONTH_TERM, date_intent, has_date, has_month, month_intent
from .text import detect_language, normalize

_TOKEN_OK = re.compile(r"\w", re.UNICODE)
_CJK_RE = re.compile(r"[\u3400-\u9fff]")


def _read_words(path: Path) -> set[str]:
    return {
        w.strip().lower()
        for w in path.read_text(encoding="utf-8").splitlines()
        if w.strip() and not w.startswith("#")
    }


def load_synonyms(path: Path | None = None) -> dict[str, list[str]]:
    """Chinese query wording -> the report's wording (``data/synonyms_zh.tsv``)."""
    path = path or DATA_DIR / "synonyms_zh.tsv"
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        term, _, exp = line.partition("\t")
        out[normalize(term.strip())] = [normalize(e) for e in exp.split("|") if e.strip()]
    return out


COMMON_WORD_FREQ = 500  # jieba dictionary counts above this are everyday words, not names (顾客 1365; 习近平 4)


class KeywordAnalyzer:
    """Turns documents and queries into BM25 terms. Owns a private jieba
    tokenizer (no global state); jieba's dictionary cache goes to ``cache_dir``."""

    def __init__(self, settings: KeywordSettings, cache_dir: Path | None = None, glossary: Glossary | None = None):
        self.settings = settings
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.glossary = glossary if glossary is not None else (Glossary.load() if settings.use_glossary else None)
        self.stopwords: set[str] = set()
        if settings.use_stopwords:
            self.stopwords = _read_words(DATA_DIR / "stopwords_zh.txt") | _read_words(DATA_DIR / "stopwords_en.txt")
        self.synonyms = load_synonyms() if settings.use_glossary else {}
        self._jieba = None
        self._pos = None
        self._lock = threading.Lock()

    @property
    def jieba(self):
        if self._jieba is None:
            with self._lock:
                if self._jieba is None:
                    self._jieba = self._make_jieba()
        return self._jieba

    def _make_jieba(self):
        """jieba with the report's terms. The finished dictionary (jieba's own plus ours) is kept
        in ``cache_dir`` as a pickle named after what shaped it (jieba's version, our user
        dictionary, the glossary): loading it takes about a third of the time jieba's own cache
        does (marshal), and the adding of our words is skipped. A missing, unreadable or stale
        file is rebuilt, never trusted."""
        import hashlib
        import logging
        import pickle

        import jieba

        jieba.setLogLevel(logging.WARNING)
        userdict = (DATA_DIR / "userdict.txt").read_text(encoding="utf-8")
        ours = [line.split()[0] for line in userdict.splitlines() if line.strip() and not line.startswith("#")]
        if self.glossary is not None:
            ours += [normalize(zh) for _, zh in self.glossary.pairs]
        ours = [w for w in dict.fromkeys(ours) if len(w) >= 2 and _CJK_RE.search(w)]
        key = hashlib.sha1("\n".join([jieba.__version__, userdict, *ours]).encode("utf-8")).hexdigest()[:16]
        state = self.cache_dir / f"jieba-{key}.pkl" if self.cache_dir else None
        tk = jieba.Tokenizer()
        if state is not None and state.exists():
            try:
                with state.open("rb") as f:
                    saved = pickle.load(f)
                if saved.get("key") == key:
                    tk.FREQ, tk.total, tk.user_word_tag_tab = saved["FREQ"], saved["total"], saved["tags"]
                    tk.initialized = True
                    return tk
            except Exception:  # noqa: BLE001 - a damaged cache is rebuilt below
                pass
        if self.cache_dir:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            tk.tmp_dir = str(self.cache_dir)
        tk.initialize()
        # The parts of our long terms, as jieba would cut them without our dictionary, become
        # words too: search mode then emits "燕郊" inside "燕郊国家高新技术产业开发区".
        parts = {p for w in ours if len(w) >= 4 for p in tk.lcut(w, HMM=True)
                 if len(p) >= 2 and p != w and _CJK_RE.search(p)}
        tk.load_userdict(str(DATA_DIR / "userdict.txt"))
        for w in ours:
            if tk.FREQ.get(w) is None:
                tk.add_word(w, freq=300)
        for p in sorted(parts):
            if not tk.FREQ.get(p):
                tk.add_word(p, freq=50)
        if state is not None:
            tmp = state.with_name(f"{state.name}.{os.getpid()}.{threading.get_ident()}.tmp")
            try:
                with tmp.open("wb") as f:
                    pickle.dump({"key": key, "FREQ": tk.FREQ, "total": tk.total, "tags": tk.user_word_tag_tab}, f,
                                protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, state)  # atomic: a concurrent reader sees the old file or the new one
            except OSError:  # a read-only index folder: no cache, same dictionary
                tmp.unlink(missing_ok=True)
        return tk

    def person_names(self, text: str) -> list[str]:
        """Personal names in the text as jieba's part-of-speech tagger reads them ("习近平", "马云"),
        on the same dictionary; the tagger loads on first use."""
        if self._pos is None:
            tk = self.jieba  # (outside the lock, which making the tokenizer takes)
            with self._lock:
                if self._pos is None:
                    from jieba.posseg import POSTokenizer

                    self._pos = POSTokenizer(tk)
        # (a word the dictionary counts often is a common noun it tags as a name: 顾客 "customer")
        freq = self.jieba.FREQ
        return [w.word for w in self._pos.cut(normalize(text)) if w.flag in ("nr", "nrfg", "nrt") and len(w.word) >= 2
                and freq.get(w.word, 0) <= COMMON_WORD_FREQ]

    def _keep(self, tok: str) -> bool:
        return bool(tok) and bool(_TOKEN_OK.search(tok)) and tok not in self.stopwords

    def terms(self, text: str) -> list[str]:
        """jieba search-mode terms of the normalised text (lower-cased after segmentation,
        so dictionary words such as "R&D投入强度" are found), without stopwords; with
        ``bigrams``, also "~"-prefixed CJK character bigrams of the non-stopword words."""
        text = normalize(text)
        words = [w.strip().lower() for w in self.jieba.lcut(text)] if self.settings.bigrams else []
        out = [t for t in (w.strip().lower() for w in self.jieba.lcut_for_search(text)) if self._keep(t)]
        if self.settings.bigrams:
            run = "".join(w if (w not in self.stopwords and _CJK_RE.match(w)) else " " for w in words)
            for seg in run.split():
                out.extend("~" + seg[i : i + 2] for i in range(len(seg) - 1))
        return out

    def doc_terms(self, text: str) -> list[str]:
        out = self.terms(text)
        if has_date(text):
            out.append(DATE_TERM)
        if has_month(text):
            out.append(MONTH_TERM)
        return out

    def query_terms(self, query: str) -> list[str]:
        """Unique terms of a query; English parts are expanded through the glossary."""
        q = normalize(query)
        terms: list[str] = []
        if detect_language(q) == "en" or re.search(r"[A-Za-z]{3,}", q):
            latin = " ".join(re.findall(r"[A-Za-z0-9][A-Za-z0-9&'’.\-/+%]*", q))
            covered: set[int] = set()
            if self.glossary is not None and self.settings.use_glossary:
                for zh in self.glossary.expand(latin):
                    terms.extend(self.terms(zh))
                covered = self.glossary.matched_words(latin)
            for i, w in enumerate(en_words(latin)):
                if i not in covered and w not in self.stopwords:
                    terms.extend(self.terms(w))
            rest = re.sub(r"[A-Za-z][A-Za-z&'’.\-/+]*", " ", q)
            terms.extend(self.terms(rest))
        else:
            terms = self.terms(q)
        for term, extra in self.synonyms.items():
            if term in q:
                for e in extra:
                    terms.extend(self.terms(e))
        if date_intent(q):
            terms.append(DATE_TERM)
        if month_intent(q):
            terms.append(MONTH_TERM)
        seen: set[str] = set()
        return [t for t in terms if not (t in seen or seen.add(t))]


@dataclass
class BM25:
    """Lucene-variant BM25 over pre-tokenised documents."""

    k1: float = 1.2
    b: float = 0.75
    doc_ids: list[str] = field(default_factory=list)
    docs: list[list[str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._index()

    def _index(self) -> None:
        n = len(self.docs)
        lens = np.array([len(d) for d in self.docs], dtype=np.float64)
        avg = float(lens.mean()) if n else 0.0
        df: Counter = Counter()
        tfs = []
        for d in self.docs:
            tf = Counter(d)
            tfs.append(tf)
            df.update(tf.keys())
        postings: dict[str, tuple[list[int], list[float]]] = {}
        for j, tf in enumerate(tfs):
            norm = self.k1 * (1 - self.b + self.b * (lens[j] / avg if avg else 0.0))
            for term, c in tf.items():
                idf = math.log(1 + (n - df[term] + 0.5) / (df[term] + 0.5))
                w = idf * c * (self.k1 + 1) / (c + norm)
                ids, ws = postings.setdefault(term, ([], []))
                ids.append(j)
                ws.append(w)
        self._postings = {t: (np.array(i, dtype=np.int32), np.array(w, dtype=np.float32)) for t, (i, w) in postings.items()}
        self._n = n

    def scores(self, terms: list[str]) -> np.ndarray:
        s = np.zeros(self._n, dtype=np.float32)
        for t in set(terms):
            p = self._postings.get(t)
            if p is not None:
                s[p[0]] += p[1]
        return s

    def top(self, terms: list[str], k: int) -> list[tuple[int, float]]:
        s = self.scores(terms)
        if not len(s):
            return []
        k = min(k, len(s))
        idx = np.argpartition(-s, k - 1)[:k]
        idx = idx[np.lexsort((idx, -s[idx]))]  # score desc, then document order (stable ties)
        return [(int(i), float(s[i])) for i in idx if s[i] > 0]

    def to_json(self) -> dict:
        return {"params": {"k1": self.k1, "b": self.b, "method": "lucene"}, "doc_ids": self.doc_ids, "docs": self.docs}

    @classmethod
    def from_json(cls, data: dict) -> "BM25":
        p = data["params"]
        return cls(k1=p["k1"], b=p["b"], doc_ids=list(data["doc_ids"]), docs=[list(d) for d in data["docs"]])

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + f".tmp{os.getpid()}")
        tmp.write_text(json.dumps(self.to_json(), ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> "BM25":
        return cls.from_json(json.loads(path.read_text(encoding="utf-8")))


class KeywordRetriever:
    name = "bm25"

    def __init__(self, chunks: list[Chunk], bm25: BM25, analyzer: KeywordAnalyzer):
        self.chunks = {c.id: c for c in chunks}
        self.bm25 = bm25
        self.analyzer = analyzer

    @classmethod
    def build(cls, chunks: list[Chunk], analyzer: KeywordAnalyzer) -> "KeywordRetriever":
        s = analyzer.settings
        bm25 = BM25(k1=s.k1, b=s.b, doc_ids=[c.id for c in chunks], docs=[analyzer.doc_terms(keyword_text(c)) for c in chunks])
        return cls(chunks, bm25, analyzer)

    def retrieve(self, query: str, k: int = 5) -> list[Hit]:
        terms = self.analyzer.query_terms(query)
        hits = []
        for rank, (j, score) in enumerate(self.bm25.top(terms, k), 1):
            chunk = self.chunks[self.bm25.doc_ids[j]]
            hits.append(Hit(chunk=chunk, score=score, rank=rank, legs={self.name: (rank, score)}))
        return hits
