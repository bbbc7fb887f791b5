"""The Assistant: the one API the CLI and the web app use.

    a = Assistant.load(settings)             # opens the index (builds it on first use)
    r = a.ask("天津2013年R&D投入强度是多少？")
    r2 = a.ask("那河北呢？", history=[r.as_turn()])
"""

from __future__ import annotations

import dataclasses
from datetime import date
from functools import cached_property
import re
import time
from typing import Callable, Sequence

from assistant import choices, claims, evidence, extract, intent, prompts, question as qmod, scoring
from assistant.asked import OWN_TOPIC_CUE, with_holders
from assistant.contents import Contents, extreme_followed, row_unit as _row_unit
from assistant.approx import Figures
from assistant.layout import Layout, anchors_en, asks_part, render_neighbour
from assistant.parallel import Parallels
from assistant.errors import InputError
from assistant.render import (en_term, numbers_supported, render, render_back_matter, render_others, render_same_page, render_term, render_chapters, render_count, render_nth_listed, render_nth_part, render_parts,
                              render_cited_work, render_stated_count, render_subsections, render_who_wrote, render_parts_of, shares_of_work as render_shares_of_work)
from assistant.settings import Settings
from assistant.terms import STOP_EN, BookTitle, Terms, people_of, role_holders, sole_holders, signers_of, titles_of, dates_of, cited_authors, reference_authors
from assistant.types import AskResult, Citation, Turn
from index.glossary import en_words
from index.model import Hit
from index.text import normalize, squash_ws

Progress = Callable[[str], None]


_CHAPTER_COUNT = re.compile(r"(?:全书|本书)?(?:分为|共分|共有|包括)([一二三四五六七八九十]|\d{1,2})章")
ORDINALS = "一二三四五六七八九十"
COUNTED_TABLES = {"funding": ("funded projects, numbered", "number")}  # tables whose rows are things a question may count
# "概括一下…", "…大意是什么", "summarize part two of the preface": the gist of a part asked, not only its heading
_SUMMARY = re.compile(r"概括|总结|归纳一下|要点|大意|核心意思|主要(?:讲|说|写|谈)了?(?:什么|啥|些什么)|讲了(?:什么|啥|些什么)|说了(?:什么|啥|些什么)"
                      r"|\bsummar(?:y|ise|ize)\b|\bgist\b|\bmain points?\b|\bkey points?\b|\bin a nutshell\b|\bwhat does (?:it|that part) (?:say|argue)\b", re.I)
# a sentence that opens the points of a part ("目前，…主要问题：一是…") or states its conclusion
_POINT_OPENS = re.compile(r"一是|其一|首先|第一[，,]")
# "哪篇在前", "哪个更早", "相差几天", "Which one carries the earlier date?", "how many days apart": which of two dates came first
_WHICH_FIRST = re.compile(r"哪(?:篇|个|一篇|一个)[^，,。？?]{0,8}(?:在前|在先|更早|早|先写|先|更晚|晚|在后)|(?:相差|差了|隔了|间隔|相隔|差|晚了?|早了?)(?:几|多少)天|谁先谁后|先后"
                          r"|\b(?:which|what) (?:one|of (?:the|them|those) two|came first)\b[^?]{0,40}\b(?:earlier|later|first|older|newer)\b"
                          r"|\bhow many days\b|\bdays apart\b|\bwritten (?:before|after)\b|\bbefore or after\b", re.I)
# "So which has more?", "哪个多？", "差多少？" with no place of its own: the two places the conversation just asked about
_COMPARES_TWO = re.compile(r"\bwhich (?:one |of (?:the|them|those) two )?(?:has|is|was|had|gets?|got) (?:more|less|fewer|higher|lower|bigger|larger|smaller|ahead)\b"
                           r"|\bby (?:roughly |about |approximately )?how (?:much|many)\b|哪个(?:多|少|高|低|大|小)|哪(?:边|家|地)(?:多|少|高|低)|差(?:了)?多少|相差多少", re.I)
# how a figure moved over the years the sentence gives ("比重是怎么变化的？", "从多少增加到多少", "How did … change?")
_CHANGE = re.compile(r"变化|变动|趋势|走势|演变|从多少|从几|(?:增加|增长|提高|上升|涨|升|降|下降)到(?:了)?多少|前后(?:两个数|分别)"
                     r"|\bchang(?:e|ed|es|ing)\b|\btrend\b|\bfrom what\b|\bover (?:the|those) years\b|\bhow (?:much )?(?:did|has) [^?]{0,60}\b(?:grow|rise|increase|fall|move)n?\b", re.I)
# where the line asked is, from the one named ("责任编辑下面那一行", "listed just before"; not "下一项，CIP数据核字号是多少？",
# which only moves on to the item it names)
_BESIDE = re.compile(r"下面|下边|底下|上面|上边|后面|前面|之后|之前|后边|前边|紧跟|紧挨|紧接|\b(?:before|after|below|above|next to|follows?|precedes?)\b", re.I)
_ABOUT_FOOTNOTE = re.compile(r"脚注|注释|注脚|小注|引用的|引文|footnote|cited|cites", re.I)
_ORDINAL_ITEM = re.compile(r"^\s*第([一二三四五六七八九十])[，,、]")

_COUNT_STATED = re.compile(r"[一二两三四五六七八九十]+[家个位名项类种条所座处人]")


class Assistant:
    def __init__(self, settings: Settings, handle, llm=None):
        self.settings = settings
        self.handle = handle
        self.glossary = handle.glossary
        analyzer = handle.keyword.analyzer
        self._toc = sorted((c for c in handle.chunks if c.kind == "table_row" and (c.meta or {}).get("table") == "toc"),
                           key=lambda c: c.order)
        self._toc_titles = [normalize(str((c.meta or {}).get("title") or "")).lower() for c in self._toc]  # as matched
        self._terms = Terms(analyzer.doc_terms, handle.keyword.bm25.docs, self.glossary, frozenset(analyzer.stopwords),
                            people_of(handle.chunks), BookTitle.of(handle.chunks), analyzer.person_names,
                            signers_of(handle.chunks), " ".join(self._toc_titles), titles_of(handle.chunks),
                            lambda text: analyzer.jieba.lcut(text), lambda w: analyzer.jieba.FREQ.get(w, 0) > 0,
                            sole_holders(handle.chunks),
                            "".join(re.sub(r"\s+", "", normalize(c.text)) + "\n" for c in handle.chunks), role_holders(handle.chunks),
                            dates_of(handle.chunks), cited_authors(handle.chunks))
        self._retrievers: dict[str, object] = {}
        self._seen: dict[str, object] = {}  # chunks returned lately (merged neighbours are not in the index)
        # Paragraph chunks by the report paragraphs they hold (built once: a table row looks up the
        # passage its quote came from here, for its citation text and for the context view).
        self._paras_by_pid: dict[str, list] = {}
        for c in handle.chunks:
            if c.kind == "paragraph":
                for pid in c.paragraph_ids:
                    self._paras_by_pid.setdefault(pid, []).append(c)
        self._row_context: dict[str, str] = {}
        for c in handle.chunks:
            if c.kind != "paragraph" and c.quote:
                holder = self._row_holder(c)
                if holder is not None:
                    self._row_context[c.id] = holder.text
        self._chunks_in_order = sorted((c for c in handle.chunks if c.kind == "paragraph"), key=lambda c: c.order)
        # the passage before each passage of the same section: a passage's first sentences may
        # name their region or subject only there ("…中关村…。" then "在影视文化领域，集聚了…")
        self._lead = {c.id: p.text for p, c in zip(self._chunks_in_order, self._chunks_in_order[1:])
                      if c.section == p.section}
        self._authors = [c for c in handle.chunks if (c.meta or {}).get("table") == "publication"
                         and (c.meta or {}).get("field") == "authors"]
        self._footnotes = [c for c in handle.chunks if (c.meta or {}).get("footnote")]
        self._record_labels = frozenset(str(c.meta["label"]) for c in handle.chunks if (c.meta or {}).get("table") == "publication"
                                        and (c.meta or {}).get("label"))
        self._record_rows = [c for c in handle.chunks if (c.meta or {}).get("table") == "publication"]
        self._record_by_id = {c.id: c for c in self._record_rows}
        # the record's lines as quoted: its rows, and the paragraphs of its page ("凡购本社图书，如有印装错误，…")
        # (where each starts in the source, and its text as an answer quotes it, whitespace squashed)
        record_page = {tuple(r.section_path or ())[:1] for r in self._record_rows if r.meta.get("field") == "publisher"}
        self._record_lines = [(r.start, squash_ws(r.quote or r.text)) for r in self._record_rows] + [
            (c.start + at, squash_ws(line)) for c in handle.chunks if c.kind == "paragraph" and tuple(c.section_path or ())[:1] in record_page
            for at, line in evidence.split_sentences(c.text)]
        self._record_sections = {tuple(c.section_path or ()) for c in handle.chunks if (c.meta or {}).get("table") == "publication"}
        # the chapter lines of the contents ("这本书分几章？"; "最后一章" is the last of them)
        self._chapter_lines = [c for c in self._toc if not (c.meta or {}).get("section")
                               and evidence.is_chapter_title(str((c.meta or {}).get("chapter") or ""))]
        # how many sections each chapter has ("第一章收尾那节" is its last)
        self._sections: dict[int, int] = {}
        for c in self._toc:
            m = c.meta or {}
            if m.get("section") and not m.get("subsection") and (n := qmod.chapter_number(str(m.get("chapter") or ""))):
                self._sections[n] = self._sections.get(n, 0) + 1
        # how many parts each section has ("第三章第三节最后一部分" is its last)
        self._parts: dict[tuple[int, int], int] = {}
        for c in self._toc:
            m = c.meta or {}
            if m.get("subsection") and (n := qmod.chapter_number(str(m.get("chapter") or ""))) and (
                    k := re.match(r"第([一二三四五六七八九十]+)节", str(m.get("section") or ""))):
                key = (n, intent.cn_value(k.group(1)))
                self._parts[key] = self._parts.get(key, 0) + 1
        self._contents = Contents(self._toc, self._chapter_lines, self._sections, settings.answer.max_citations)
        self._layout = Layout(handle.chunks)
        self._figures = Figures(c.text for c in handle.chunks if c.kind == "paragraph")
        paragraphs: dict[str, str] = {}
        for c in self._chunks_in_order:
            if len(c.paragraph_ids) == 1:
                paragraphs[c.paragraph_ids[0]] = paragraphs.get(c.paragraph_ids[0], "") + c.text
        self._parallels = Parallels(paragraphs.values())
        self.llm = llm

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, settings: Settings | None = None, *, progress: Progress | None = None, build_if_missing: bool = True) -> "Assistant":
        """Open the index named by the settings; build it first when it does not exist yet."""
        from index.api import build_index, open_index
        from index.errors import IndexMissingError

        settings = settings or Settings()
        try:
            handle = open_index(settings.index)
        except IndexMissingError:
            if not build_if_missing:
                raise
            if progress:
                progress("No index yet: building it from the report (first start only) ...")
            build_index(settings.index, progress=progress is not None)
            handle = open_index(settings.index)
            if progress:
                progress(f"Index ready: {handle.info.chunk_count} passages.")
        handle.warm()  # load the embedder and jieba now, not on the first question
        llm = None
        if settings.llm.enabled:
            from assistant.llm import LLMAnswerer

            llm = LLMAnswerer(settings.llm)
        return cls(settings, handle, llm)

    def info(self) -> dict:
        i = self.handle.info
        return {
            "embedder": i.embedder,
            "index_name": i.index_name,
            "collection": i.collection,
            "chroma": i.chroma,
            "built_at": i.built_at,
            "index_dir": str(self.settings.index.index_dir),
            "chunks": i.chunk_count,
            "sources": [src.get("path", str(src)) if isinstance(src, dict) else str(src) for src in i.sources],
            "llm": self.settings.llm.model if self.llm else None,
        }

    def retriever(self, mode: str):
        if mode not in self._retrievers:
            self._retrievers[mode] = self.handle.retriever(mode)
        return self._retrievers[mode]

    # ------------------------------------------------------------------ asking
    def prepare(self, question: object, history: Sequence[Turn] | None = None) -> tuple[str, str, str]:
        """Validate, normalise and rewrite a question: (question, rewritten, language)."""
        return self._prepare(question, history)[:3]

    def _prepare(self, question: object, history: Sequence[Turn] | None) -> tuple[str, str, str, claims.Claim | choices.Choices | None]:
        """(question, rewritten, language, the claim it checks or the options it offers, or None)."""
        q = qmod.validate(question, self.settings.answer.max_question_chars)
        lang = qmod.language(q)
        if lang == "en" and self.glossary is not None:
            # "publsher", "page of apendix", "zhonguancun sw park": a slip in a word the glossary or a name holds
            q_typed = self.glossary.spell(q, self._names_en, self._words_known)
            q_typed = self._surname_first(q_typed)
        else:
            q_typed = q
        q_typed = choices.statement(choices.blanks(q_typed, lang), lang)  # "本书印张为____": 印张为多少; "判断正误：…": …，对吗？
        typed = qmod.normalize(q_typed)
        # "下列哪一家是…？A.阿里巴巴 B.京东…": the stem is asked; the option the answer's passages name is the choice
        choice = choices.read(typed, lang)
        if choice is not None:
            typed = qmod.normalize(choice.stem)
        norm = qmod.english_in_chinese(qmod.expand_abbreviations(qmod.without_courtesy(typed)), self.glossary,
                                       lambda t: t.lower() in self._terms.df)
        if lang == "zh":
            norm = qmod.keyword_query(norm, self._record_labels)  # "印张 字数": 印张是什么？字数是什么？
            norm = qmod.two_fields(norm, self._record_labels)  # "总序署名和落款日期": 总序署名和落款日期分别是什么？
            norm = self._terms.one_slip_sound_alike(norm)  # "定加多少", "丛书总主边是谁": 定价, 总主编
            norm = self._terms.swapped_chars(norm)  # "哪个出社版的": 出版社
            norm = self._terms.person_sound_alike(norm)  # "还有个欧海英": 欧海鹰, typed with a character of the same sound
            norm = self._terms.by_title(norm)  # "王主编", "许编辑": the one person of that surname in that role
            norm = qmod.which_first(norm)  # "A和B哪个更靠后？在哪页？": A和B分别在第几页？
            norm = qmod.each_person(norm, self._terms.people)  # "许兵和王光艳分别是什么角色？": 许兵是什么角色？王光艳是什么角色？
            norm = self._terms.book_by_its_makers(norm)  # "郭斌、陈倩编的那本书": the book
            norm = self._terms.person_by_deed(self._terms.part_by_date(norm))  # "写总序的那个人": 王成慧; "3月15日那篇序": 总序
            norm = self._terms.cited_by_its_authors(norm)  # "邢元敏、薛进文那本书": the footnote's reference
            norm = qmod.chapter_by_number(qmod.after_opening(qmod.unquote_counted(norm)))  # "讲京津冀发展现状的第一章": 第一章
            norm = qmod.the_cited_book(norm)  # "…脚注①引了另一本书…那本书的著者是谁？": the footnote's book
            norm = self._terms.person_field(norm)  # "王成慧邮箱多少": 王成慧的邮箱
            norm = self._terms.person_as_pointer(norm)  # "赵如平参与的第三章叫什么？": 第三章叫什么
            norm = self._figures.resolve(norm)  # "七十多个百分点那个是什么？": the one figure of the report it can be, 76.9%
            norm = self._figures.complete_code(norm)  # "尾号089的那个": 14JGC089
        # "定价是不是48元？": the question it checks ("定价是多少元？"); the claimed value is compared with the answer
        claim = None if choice is not None else (claims.read(norm, lang, self._terms.people) or (
            claims.read_person_en(norm, self._people_en) if lang == "en" else None))
        if claim is None and choice is None and (cover := claims.covers(norm, lang, _PLACES_ZH)):
            claim = cover  # "新兴业态那一节有没有河北？": the parts of the part named, and whether the place is one
        if claim is not None:
            norm = claim.question
        elif choice is None and lang == "zh" and (listed := claims.only(norm)):
            norm = listed  # "基金项目只有北京市自然科学基金一项吧？": what the list holds
        prev = qmod.normalize(history[-1].rewritten_question) if history else None
        if lang == "en":
            # "the book whose responsible editor is Xu Bing", "the preface dated 15 March 2016"
            norm = self._terms.person_by_deed(self._terms.part_by_date(self._terms.book_by_its_makers(norm)))
            norm = self._terms.cited_by_its_authors(norm)  # "the book by Xing Yuanmin and Xue Jinwen"
            norm = qmod.the_cited_book_en(norm)  # "The preface footnote cites a book …. Who published it?"
        if not history and lang == "en":
            norm = qmod.it_is_the_book(norm)  # "I'm reading the report. Who actually wrote it?"
        if history:
            this_part = qmod.resolve_this_part(norm, history[-1].rewritten_question)
            if lang == "en" and this_part != norm:
                return q, this_part, lang, claim or choice  # ("Where does chapter two start?": it names what it asks of)
            norm = qmod.resolve_park(this_part, history[-1].rewritten_question)  # "这个园区…" after "麦谷产业园…"
            # "Which press published it?" after the footnote (the answer that quoted it may be a turn or two back, when
            # the turns since are about the footnote too: "What point in the text is it attached to?")
            norm = qmod.resolve_cited_work(norm, self._cited_answer(history), q)
        if history and history[-1].answerable:
            norm = qmod.resolve_holding_chapter(norm, history[-1].answer, self._chapter_of_title)
            norm = qmod.resolve_told_chapter(norm, history[-1].answer)  # "that chapter" after "… worked on Chapter 2 (第二章)"
            norm = qmod.resolve_line(qmod.resolve_person(norm, history[-1].answer, self._terms.people, self._terms.person_names), history[-1].answer,
                                     history[-1].rewritten_question)
            norm = qmod.resolve_other(norm, history[-1].answer)
            norm = qmod.resolve_again(norm, history[-1].answer)  # "再下一个？": after the line the last answer named
            norm = qmod.resolve_last_sibling(norm, history[-1].answer, history[-1].rewritten_question, self._last_sibling)
        norm = self._chapters_by_topic(norm, lang)  # "Who wrote the chapter on support policies?": 第四章
        norm = self._parts_by_writer(norm, lang)  # "the chapter that Li Xiaoxin and Wan Shaoping wrote": chapter 1
        norm = self._contents.chapter_by_page(norm, lang)  # "Who wrote the chapter that starts on page 74?": chapter 3
        # "京津冀信息服务业发展报告（2015）的定价" is this book's price; "最后一章" is 第四章
        norm = qmod.last_chapter(self._terms.title.as_this_book(norm), len(self._chapter_lines))
        norm = qmod.last_part(qmod.last_section(norm, self._sections, prev), self._parts)
        if back := qmod.back_to(norm):
            # "Going back to the publisher, what's their street address?": the topic named, not the turn before
            # (the earlier turn that named it, when there is one: "Back to the metro figure — how does it compare
            # with Tokyo?" leans on "What does the preface say about Beijing's metro network?")
            earlier = qmod.turn_about(back[1], [t.rewritten_question for t in history or []])
            return q, qmod.with_context(back[0], qmod.normalize(earlier) if earlier else back[1]), lang, claim or choice
        if prev and lang == "zh" and intent.asks(norm) and not qmod.refers_back(norm) and not (
                _ABOUT_FOOTNOTE.search(prev) and re.search(r"这本|那本|该书|此书|它", norm)) and any(
                len(lab) >= 2 and lab in norm and lab not in prev for lab in self._record_labels) and not any(
                m.slot.category == "region" for m in qmod.mentions(norm)):
            # "定价多少？" after "这本书是哪家出版社出的？": a question that names a field of the record and asks it
            # stands alone; the earlier question's words would only find the earlier field again
            return q, norm, lang, claim or choice
        rewritten = qmod.rewrite(norm, prev)
        if prev and rewritten == norm and intent.asks_source(norm) and re.search(r"^(?:那|这)|[这那]是|\b(?:this|that|it)\b", norm, re.I):
            # "这是总序还是前言里说的？": the parts it names are the choices, no words to find; what was said is the
            # last answer's, and where it is said answers
            rewritten = qmod.with_context("这句话出自哪里？" if lang == "zh" else "Which part of the report says that?", prev)
        if history and len(history) >= 2 and _COMPARES_TWO.search(norm) and not any(
                m.slot.category == "region" for m in qmod.mentions(norm)):
            # "So which has more, and by roughly how many?" after "…with Tianjin?" and "And with Hebei?": the two figures
            # the last two turns asked for, each place with its own question
            a, b = (qmod.split_context(qmod.normalize(t.rewritten_question))[0] for t in history[-2:])
            places = {m.slot for m in qmod.mentions(a + b) if m.slot.category == "region"}
            if len(places) >= 2:
                rewritten = qmod.with_context(norm, a.rstrip() + " " + b.strip())
        return q, rewritten, lang, claim or choice

    @staticmethod
    def _cited_answer(history: Sequence[Turn]) -> str:
        """The latest answer that quotes the footnote's reference, when every turn since follows up on it; else the
        last answer."""
        for back, turn in enumerate(reversed(history[-3:])):
            if qmod.quotes_cited_work(turn.answer):
                later = list(history)[len(history) - back:]
                if all(_ABOUT_FOOTNOTE.search(t.rewritten_question) for t in later):
                    return turn.answer
                break
        return history[-1].answer

    def ask(self, question: object, history: Sequence[Turn] | None = None, *, k: int | None = None, mode: str | None = None) -> AskResult:
        t0 = time.perf_counter()
        q, rewritten, lang, claim = self._prepare(question, history)
        k = k or self.settings.answer.k
        mode = mode or self.settings.answer.mode
        if mode not in ("hybrid", "dense", "bm25"):
            raise InputError(f"Unknown retrieval mode '{mode}'. Use hybrid, dense or bm25.")
        timings: dict[str, float] = {"prepare": (time.perf_counter() - t0) * 1000}
        result = self._answer(q, rewritten, lang, k, mode, timings)
        if not result.answerable and history and not qmod.split_context(rewritten)[1]:
            # "折算成每年的复合增速大概是多少？" names no subject of its own, yet has no pronoun or cue
            # to say so: when it finds no answer alone, it is read as following up the last question
            # (the question before may itself have only leaned on the one before it: "From when?")
            before, carried = qmod.split_context(qmod.normalize(history[-1].rewritten_question))
            leaning = qmod.with_context(rewritten, before.rstrip() + carried if carried and qmod.no_topic(before) else before)
            again = self._answer(q, leaning, lang, k, mode, {})
            if again.answerable:
                result = again
        if not result.answerable and lang == "zh" and (fixed := self._terms.word_sound_alike(typed := qmod.normalize(q))) != typed:
            # "定假多少钱": nothing answers the question as typed; a word of the report that sounds the same may
            # ("定价"); the question so read is shown as the rewritten one
            _, rewritten2, _, claim2 = self._prepare(fixed, history)
            again = self._answer(q, rewritten2, lang, k, mode, {})
            if again.answerable:
                result, claim = again, claim2
        if not result.answerable and history and history[-1].answerable and (
                alt := self._parallel(q, rewritten, history[-1], lang, k, mode)):
            result = alt
        if not result.answerable and history and history[-1].answerable and intent.asks_source(qmod.split_context(rewritten)[0]):
            # "这个数出自哪里？" after "北京地铁多长？": the words of where-from outweigh the earlier question's in its
            # context; asked as one question, the earlier question finds its passage and where it is is told
            before = qmod.split_context(qmod.normalize(history[-1].rewritten_question))[0].rstrip()
            again = self._answer(q, before + ("出自哪里？" if qmod.language(before) == "zh" else " Which part of the report says that?"), lang, k, mode, {})
            if again.answerable:
                result = again
        if not result.answerable and history and (field := re.fullmatch(r"(?:那|那么)?(\S{2,8}?)(?:呢|又是谁呢|是谁呢|是谁)?[？?]?",
                                                                         qmod.normalize(q).strip())) and field.group(1) in self._record_labels:
            # "那责任校对呢？" after "这本书的责任编辑是谁？在哪一页能看到？": the earlier question's other asks (a page) are
            # no part of a field of the record asked after it
            again = self._answer(q, f"{field.group(1)}是什么？", lang, k, mode, {})
            if again.answerable:
                result = again
        if result.answerable and history and (alt := self._same_block(q, result, history[-1], lang, k, mode)):
            result = alt
        if isinstance(claim, choices.Choices) and result.answerable and (
                said := choices.verdict(claim, " ".join([result.answer, *(c.quote for c in result.citations)]), lang)):
            result.answer = said + result.answer
        elif isinstance(claim, claims.Coverage) and result.answerable and (said := claims.coverage_verdict(claim, result.answer, lang)):
            result.answer = said + result.answer
        elif isinstance(claim, claims.Claim) and result.answerable and (
                said := claims.verdict(claim, result.answer, lang, self._terms.people)):
            result.answer = said + result.answer
        timings["total"] = (time.perf_counter() - t0) * 1000
        result.timings_ms = timings
        return result

    def _same_block(self, q: str, result: AskResult, last: Turn, lang: str, k: int, mode: str) -> AskResult | None:
        """"该地址的邮编是多少？" after the publisher's address; "该单位的联系电话？" after the line on who replaces
        misprinted copies: the record has two addresses, two phones and two postcodes (the publisher's and its reader
        service's). A follow-up that names neither is read as asking for the one next to the line the last answer
        quoted."""
        if not result.citations or (row := self._record_by_id.get(result.citations[0].chunk_id)) is None:
            return None
        label = str((row.meta or {}).get("label") or "")
        kind = next((f for f in _CONTACT_FIELDS if label.endswith(f)), None)
        kin = [r for r in self._record_rows if kind and str((r.meta or {}).get("label") or "").endswith(kind)]
        if len(kin) < 2:
            return None
        said = qmod.normalize(q)
        if any(w and w in squash_ws(said) for w in tuple(str(r.meta["label"])[: -len(kind)] for r in kin)) or (
                _SERVICE_CUES.search(said) or _PRESS_CUES.search(said)):
            return None  # "读者服务部的电话", "出版社的邮编", "…bound upside down. What number do I ring?": the one asked for is named
        before = qmod.normalize(last.question + " " + last.rewritten_question)
        if _SERVICE_CUES.search(before) or _PRESS_CUES.search(before):
            # "…印装错误，应由何单位负责调换？" then "该单位的联络电话为何？": the block the question before named
            service = bool(_SERVICE_CUES.search(before))
            near = next((r for r in kin if (r.meta.get("field") in _SERVICE_FIELDS) == service), row)
        else:
            told = squash_ws(normalize(last.answer))
            at = [at for at, line in self._record_lines if len(line) >= 6 and line in told]
            if not at:
                return None
            near = min(kin, key=lambda r: abs(r.start - at[0]))
        if near.id == row.id:
            return None
        again = self._answer(q, f"{near.meta['label']}是多少？", lang, k, mode, {})
        return again if again.answerable and again.citations and again.citations[0].chunk_id == near.id else None

    def _parallel(self, q: str, rewritten: str, last: Turn, lang: str, k: int, mode: str) -> AskResult | None:
        """"那天津呢？" after Beijing's tertiary share, which the report gives for Beijing only: the measure the report
        gives for Tianjin beside it (its secondary share), said to be another measure than the one asked. Only for a
        follow-up that names a new place and nothing of the measure that sets the two apart ("那天津的第三产业比重呢？"
        asks for the one the report lacks, and is refused)."""
        own = qmod.normalize(q)
        if lang == "en" and not _BARE_PLACE_EN.match(own):
            return None  # (an English follow-up that says more than the place may name the measure in words of its own)
        new = list(dict.fromkeys(m.slot for m in qmod.mentions(own) if m.slot.category == "region"))
        before = qmod.split_context(qmod.normalize(last.rewritten_question))[0]
        old = list(dict.fromkeys(m.slot for m in qmod.mentions(before) if m.slot.category == "region"))
        if len(new) != 1 or len(old) != 1 or new[0] == old[0]:
            return None
        found = self._parallels.find(re.findall(r"\d+(?:\.\d+)?", last.answer), old[0].zh, new[0].zh)
        if found is None:
            return None

        def words(text: str, language: str) -> set[str]:
            return {w for t in self._terms.analyse(text, language)[0] for w in t.lstrip("=~").split("|")}

        said = self._terms.analyse(own, lang)[0]
        if any(t.startswith("~") for t in said):
            return None  # a word the report does not have: perhaps the measure, in words it does not use
        if words(own, lang) & (words(found.asked, "zh") - words(found.given, "zh")):
            return None
        years = [m.slot.id for m in qmod.mentions(rewritten) if m.slot.category == "year"]
        asked = f"{years[0]}年" if len(years) == 1 else ""
        asked += f"{new[0].zh[0]}{found.given}是多少？"
        again = self._answer(q, asked, lang, k, mode, {})
        if not again.answerable:
            return None
        if words(own, lang) & (words(found.given, "zh") - words(found.asked, "zh")):
            return again  # "天津工业占比呢？" asks for the measure the report gives
        if lang == "zh":
            said_first = prompts.PARALLEL["zh"].format(place=new[0].zh[0], asked=found.asked, given=found.given)
        else:
            en = self.glossary.to_en if self.glossary is not None else (lambda t: None)
            said_first = prompts.PARALLEL["en"].format(place=new[0].en[0], asked=en_term(found.asked, en),
                                                       given=en_term(found.given, en))
        again.answer = said_first + again.answer
        return again

    def _answer(self, q: str, rewritten: str, lang: str, k: int, mode: str, timings: dict[str, float]) -> AskResult:
        """Retrieve for the rewritten question, in the language it is written in, and answer it."""
        t1 = time.perf_counter()
        r = self.retriever(mode)
        if hasattr(r, "retrieve_timed"):
            hits, leg_t = r.retrieve_timed(rewritten, k)
            timings.update({f"retrieve_{a}": b for a, b in leg_t.items()})
        else:
            hits = r.retrieve(rewritten, k)
        main, ctx = qmod.split_context(rewritten)
        if ctx and qmod.language(main) == qmod.language(ctx) and (not intent.asks(main) or OWN_TOPIC_CUE.match(main)):
            # a follow-up that names its own topic ("And the project about TPP, what is its number?")
            # is also looked up by its own words: the earlier question's may outweigh them
            own = [t for t in self._terms.analyse(main, qmod.language(main))[0] if not t.startswith("~") and self._terms.known(t)]
            earlier = self._terms.analyse(ctx, qmod.language(ctx))[0]
            if any(t not in earlier for t in own):
                have = {h.chunk.id for h in hits}
                hits = hits + [h for h in r.retrieve(main, k) if h.chunk.id not in have]
        before = qmod.preamble(main)[1]
        if before and len(main) - len(before) >= 4:
            # "下周给本科生讲京津冀协同发展，课件…要写这本报告的书号，ISBN是多少？": the story before the
            # question proper may outweigh its own words; they are looked up alone too
            hits = _after(hits, r.retrieve(main[len(before):], k))
        if qmod.language(main) == "zh" and (said := self._terms.report_words(main)):
            # "书有缺页，该找哪个部门？": the report says 印装错误; its words find the passage the question's own miss
            hits = _after(hits, self.retriever("bm25").retrieve(" ".join(said), k))
        if (n := intent.phrase_length(main)):
            # "概括三地分工的十二字说法": the passages that quote a phrase of that many characters
            hits = _also(hits, [c for c in self._chunks_in_order if evidence.quotes_phrase_of(c.text, n)])
        elif intent.asks_phrase(main):
            # "What shorthand does the preface use for …?": the passages that quote a phrase (few)
            hits = _also(hits, self._quoting)
        if scoring.asks_the_footnote(main):
            # "书页底下那个小注里引的是哪本书？": the footnotes (few), whatever words the question uses for them
            hits = _also(hits, self._footnotes)
        if intent.definition(main):
            # "How does chapter one define the information services industry?": the passages that define
            # a term (few), which a question naming a chapter may not reach past its contents lines
            hits = _also(hits, self._defining)
        timings["retrieve"] = (time.perf_counter() - t1) * 1000
        for h in hits:
            self._seen[h.chunk.id] = h.chunk
        while len(self._seen) > 2048:
            self._seen.pop(next(iter(self._seen)))
        if intent.asks_book_author(rewritten, qmod.language(rewritten)):
            # "Who wrote the book?": the record's authors line, which the question shares no word with
            hits = _also(hits, self._authors)
        hits = self._with_contents(rewritten, qmod.language(rewritten), hits)
        t2 = time.perf_counter()
        if self.llm is not None:
            result = self.llm.answer(q, rewritten, lang, hits, self.settings.answer)
        else:
            result = self._extractive(q, rewritten, lang, hits)
        timings["answer"] = (time.perf_counter() - t2) * 1000
        return result

    def _extractive(self, q: str, rewritten: str, lang: str, hits: list[Hit]) -> AskResult:
        s = self.settings.answer
        # The answer language follows the question as typed; matching uses the rewritten question
        # (a follow-up "And Tianjin?" after a Chinese question is matched in Chinese).
        main, ctx = qmod.split_context(rewritten)
        # (a follow-up that carries the question before as context is matched in its own language, the titles it
        # quotes aside: "What page does “第三节 突出问题” start on? (following up: 第一章第三节讲什么？)" is English)
        own = qmod.language(re.sub(r"“[^”]*”", "", main))
        match_lang = own if ctx and own != qmod.language(ctx) else qmod.language(rewritten)
        d = self._draft(rewritten, match_lang, hits)
        if d.answerable and (self._names_missing_part(rewritten) or self._names_missing_edition(rewritten)):
            # "第五章讲的是什么内容？": the report has no chapter 5, whatever else a passage shares
            d.answerable, d.sentences = False, []
        if d.answerable and match_lang != lang:
            d.sentences = [(render(us[0], lang, d.numeric, self.glossary, d.terms, d.listing), us) for _, us in d.sentences]
        # the question's form is the follow-up's own when it asks something ("天津那一小节从哪页开始？
        # （接上问：…在第几章？）" asks for a page), else the earlier question's ("那天津呢？")
        main = qmod.split_context(rewritten)[0]
        form = main if intent.asks(main) else rewritten
        # "一共列了几个项目？" counts; "分成哪几个方面？" lists
        counting = intent.count(form, match_lang) and not intent.asks_for_parts(form)
        stated = self._stated_chapter_count if intent.asks_chapter_count(form, counting) else None
        counted = False  # the answer is a count made on the contents lines (which later steps must not retell)
        if (dated := self._dates_compared(rewritten, lang)) is not None:
            # "总序和前言哪篇落款日期更早？相差几天？": the two dates the record gives, and the days between them
            d.answerable, d.refusal, d.best = True, "", dated[1][0]
            d.sentences, d.derived = [(dated[0], dated[1])], set(d.derived) | dated[2]
            counted = True
        elif (text_parts := self._text_parts_asked(form)) is not None:
            # "前言一共分几个部分？": a part of the book without contents lines, divided by the headings in its text
            title, firsts = text_parts
            units = [evidence.Unit(Hit(c, 0.0), c.section_path[-1], "sentence", "") for c in firsts]
            d.answerable, d.refusal, d.best = True, "", units[0]
            d.sentences = [(render_parts(title, [c.section_path[-1] for c in firsts], lang, self.glossary), units[: self.settings.answer.max_citations])]
        elif (extreme := extreme_followed(intent.chapter_extreme(form, match_lang) or intent.chapter_extreme(rewritten, match_lang), main)) and (
                told := self._contents.chapter_extreme(*extreme, lang)) is not None:
            # "哪一章篇幅最长？", "Which chapter has the most sections?": counted on the contents lines
            d.answerable, d.refusal, d.best = True, "", told[1][0]
            d.sentences, d.derived = [(told[0], told[1])], set(d.derived) | told[2]
            counted = True
        elif not intent.chapter_extreme(form, match_lang) and (extreme := intent.part_extreme(form, match_lang)) and (
                told := self._contents.part_extreme(*extreme, form, lang)) is not None:
            # "第四章四节政策里，哪一节篇幅最长？", "目录里哪一节下面列的条目最多？": counted on the contents lines
            d.answerable, d.refusal, d.best = True, "", told[1][0]
            d.sentences, d.derived = [(told[0], told[1])], set(d.derived) | told[2]
            counted = True
        elif stated is not None:
            # "How many chapters does the book have?": the report says so itself ("全书分为四章内容")
            d.answerable, d.refusal = True, ""
            # (the other parts of a question that asks more keep their answers: "How many chapters is the book divided
            # into, and what date is the editors' preface signed?")
            others = [(t, us) for t, us in d.sentences if stated[0] not in us] if len(intent.several_asks(form, match_lang)) >= 2 else []
            d.sentences = [(render_stated_count(stated[1], lang), [stated[0]])] + others
        elif intent.asks_back_matter(form) and self._back_matter:
            self._list_back_matter(d, lang)
        elif lang == "en" and self.glossary is not None and (phrase := intent.term_asked(form)):
            self._term_for(d, phrase)
        elif intent.asks_for_chapters(form) and (not d.answerable or evidence.is_toc_row(d.best) or (
                (sc := self._stated_chapter_count) is not None and d.best is not None and d.best.text == sc[0].text)):
            # only when the evidence found is the contents, or the sentence that counts the chapters
            # (not "各章的撰写是怎么分工的")
            self._list_chapters(d, lang)
        elif d.answerable and (intent.asks_for_parts(form) or counting):
            self._list_parts(d, lang, intent.count_unit(form) if counting else None, with_page=intent.page(form),
                             ords=intent.ordinals(form), up=bool(re.search(r"[这那该此]一?节", form)))
        if d.answerable and counting:
            self._count_rows(d, lang, intent.count_unit(form))
        if (named := self._contents.chapters_named(form, lang)) is not None:
            # "第三章和第四章的标题是什么？", "What are chapters 3 and 4 called?": each chapter's line
            d.answerable, d.refusal, d.best = True, "", named[1][0]
            d.sentences, d.derived = [(named[0], named[1])], set(d.derived) | named[2]
        if not counted and (d.answerable or (d.best is not None and evidence.is_toc_row(d.best) and all(
                r == "the contents line is not the one asked" or r not in scoring.HARD_FAILURES for r in d.best.reasons))):
            # (the lines of a page question that names several are each named by part of it only:
            # "the page numbers where the appendix and the bibliography begin")
            self._several_lines(d, rewritten, match_lang, lang)
        if d.answerable and intent.who(form) and (parts := _parts_asked(form)) and d.best is not None:
            # "第二章是谁写的？", "Who drafted chapter 2?": the names of the sentence that divides the
            # work part by part, for the parts asked
            said = render_who_wrote(d.best.text, parts, lang, self.glossary)
            best = d.best
            if not said and (division := self._division_unit) is not None and (d.best.hit.chunk.meta or {}).get("table") == "publication":
                # "Who put together the appendix?": the record's authors line answers for the book, not for a part of it
                said, best = render_who_wrote(division.text, parts, lang, self.glossary), division
            if said:
                # (a contents line another part of the question asked stays: "第三章是谁写的？第三章从第几页开始？")
                rest = [(t, us) for t, us in d.sentences if us and evidence.is_toc_row(us[0]) and us[0].hit.chunk.id != best.hit.chunk.id]
                d.best = best
                d.sentences = [(said, [best])] + rest
                # ("Chapter 2 (第二章)": the chapter's number is the quote's 第二章)
                d.derived = set(d.derived) | {str(intent.cn_value(p[1:-1])) for p in parts if p.startswith("第") and len(p) == 3}
        elif d.answerable and d.best is not None and re.search(r"哪一?[章节]|哪一?部分|写了|负责|参与|撰写|\b(?:which|what) (?:chapter|part|section)s?\b"
                                                               r"|\bwork(?:ed)? on\b|\bwr[io]te\b|\bcontribut|\bresponsible for\b", form, re.I) \
                and (said := render_parts_of(d.best.text, rewritten, lang, self.glossary)):
            # "宋艳静负责的是哪一部分？", "Which chapter did Li Xiaoxin work on?": the parts the sentence that divides the work
            # gives the person asked about
            d.sentences = [(said, [d.best])]
            d.derived = set(d.derived) | set(re.findall(r"Chapter (\d+)", said))  # ("Chapter 2 (第二章)": the quote's 第二章)
        if d.answerable and d.best is not None and (d.best.hit.chunk.meta or {}).get("footnote") \
                and re.search(r"publish|press|publisher|when|year|author|wrote|written|cit(?:e|ation)|source|refer|出版|哪年|哪一年|什么时候|作者|谁写|引用|哪本书|出处|文献", form, re.I) \
                and (said := render_cited_work(d.best.hit.chunk.text, lang, self.glossary)):
            # "前言的脚注引用了哪本书？", "Which press published it, and when?" (after the footnote): the reference read out
            d.sentences = [(said, [d.best])]
            d.derived = set(d.derived) | set(re.findall(r"(?:19|20)\d{2}", said))
        if d.answerable and lang == "zh" and (known := intent.besides(form, lang)):
            self._the_others(d, known)
        if d.answerable:
            self._list_subsections(d, lang)
            if intent.listing(form, match_lang) or intent.besides(form, lang):
                self._list_numbered_points(d, lang)
            if not counted:
                self._chapter_of_line(d, rewritten, lang)
            self._section_of_passage(d, rewritten, lang)
            if intent.why(form):
                self._reasons_before(d, lang)
                self._detail_after(d, lang)  # ("前言凭什么说…“不对等”？": a point of a list is argued by the sentence after it)
            elif _SPECIFICALLY.search(form):
                self._detail_after(d, lang)
        self._nth_item(d, rewritten, lang)  # (a follow-up's own words may find nothing: "What page is the last one on?")
        self._next_line(d, rewritten, lang)  # (re-finds the earlier question's line: whatever this draft found)
        self._part_found_before(d, rewritten, lang)
        self._place_under_line(d, rewritten, lang)
        if d.answerable and not counted:
            self._page_range(d, rewritten, lang)
        self._nth_part(d, rewritten, match_lang, lang)
        self._lines_on_page(d, rewritten, lang)
        self._over_years(d, rewritten, lang)
        self._fields_listed(d, rewritten, lang)
        self._contact_block(d, rewritten, lang)
        self._cited_authors(d, rewritten, lang)
        self._remedy_after(d, rewritten, lang)
        self._roles_of_person(d, rewritten, lang)
        self._summary_by_topic(d, rewritten, match_lang, lang)
        if not d.answerable:
            related = self._related(hits, rewritten, match_lang)
            if d.refusal and match_lang != lang:
                # (an English follow-up matched in the Chinese of the question before is refused in English)
                years = re.findall(r"(?:19|20)\d{2}", d.refusal) if d.refusal != prompts.REFUSAL[match_lang] else []
                d.refusal = (prompts.REFUSAL_YEAR[lang].format(year=("、" if lang == "zh" else ", ").join(years)) + " " if years else "") \
                    + prompts.REFUSAL[lang]
            return AskResult(q, rewritten, lang, d.refusal or prompts.REFUSAL[lang], False, [], related)
        citations: list[Citation] = []
        by_quote: dict[tuple[str, str], int] = {}  # one citation for one quote: several rows of one sentence cite it once
        lines: list[str] = []
        for sent, units in d.sentences:
            ns = []
            for u in units:
                key = (u.hit.chunk.section, squash_ws(u.text))
                if key not in by_quote:
                    if len(citations) >= s.max_citations:
                        continue
                    by_quote[key] = len(citations) + 1
                    citations.append(_citation(len(citations) + 1, u, self._row_context))
                if by_quote[key] not in ns:
                    ns.append(by_quote[key])
            if not ns:
                continue
            quotes = [citations[n - 1].quote for n in ns]
            if not numbers_supported(sent, quotes, d.derived):
                # never state a number the cited quote does not hold: fall back to the quote itself
                sent = quotes[0] if lang == "zh" else prompts.FALLBACK_EN
            lines.append(sent.rstrip() + "".join(f"[{n}]" for n in ns))
        answer = "".join(lines) if lang == "zh" else " ".join(lines)
        # The supporting quotes follow the direct answer.
        quote_block = "\n".join(f"> {c.quote.replace(chr(10), chr(10) + '> ')} [{c.n}]" for c in citations if c.quote.strip() not in answer)
        if quote_block:
            answer += "\n\n" + prompts.QUOTE_INTRO[lang] + "\n" + quote_block
        return AskResult(q, rewritten, lang, answer, True, citations, [])

    def _draft(self, rewritten: str, lang: str, hits: list[Hit]) -> extract.Draft:
        """The draft answer; a question that asks several things ("總序是誰寫的？落款日期是哪一天？",
        "Who signed the general preface, and on what date?") is answered part by part, each part
        leaning on the parts before it as a follow-up does, and the answers are joined."""
        s = self.settings.answer
        main, context = qmod.split_context(rewritten)
        parts = intent.several_asks(main, lang) or qmod.each_place_page(main)
        if not parts:
            return extract.draft(rewritten, lang, hits, self._terms, s.min_support, self.glossary, self._lead)
        # (a first part with no question form of its own keeps what the whole question followed up,
        # "那负责印制的呢？校对又是谁？", and so does one about a part of it, "这一节里排第三的是哪个，在第几页？")
        # (so does one that names only a place: "河北省是多少？北京是它的几倍？")
        # (and so does one that asks for an item by its place: "第二个是什么？编号多少？")
        keeps = not intent.asks(parts[0]) or qmod.PART_OF_PREVIOUS.search(parts[0]) or qmod.says_only_where(parts[0]) \
            or bool(intent.nth_item(parts[0])) or (lang == "zh" and qmod.refers_back(parts[0]))  # ("单位是什么？占全国的百分之几？")
        first_q = qmod.with_context(parts[0], context) if context and keeps else parts[0]
        first = extract.draft(first_q, lang, hits, self._terms, s.min_support, self.glossary, self._lead)
        if not first.answerable:
            # "这本书最后是谁负责统稿把关的？另外前言的落款时间是哪天？": the passages found for the whole question may
            # all be the other part's; the part is looked up by its own words too
            again = extract.draft(first_q, lang, _after(self.retriever("hybrid").retrieve(first_q, s.k), hits), self._terms,
                                  s.min_support, self.glossary, self._lead)
            first = again if again.answerable else first
        setting = qmod.preamble(main)[1] if lang == "zh" else ""
        for i, part in enumerate(parts[1:], 1):
            # (each part leans on all before it: "第一章第二节讲什么，从第几页开始？这一节的天津部分…")
            # (but not on the clauses that set the question up when the question names another part of the book:
            # "…前言是以编者名义署的。那篇总序是谁写的，落款日期是哪天？" asks the date of the 总序)
            before = "".join(parts[:i])
            if setting and before.startswith(setting) and len(before) > len(setting) + 2 and (
                    (said := set(_BOOK_PART.findall(setting))) and (own := set(_BOOK_PART.findall(before[len(setting):]))) and not said & own):
                before = before[len(setting):].lstrip("，,；;。：: ")
            first = self._and_then(first, before, part, lang, hits)
        return first

    def _and_then(self, first: extract.Draft, before: str, part: str, lang: str, hits: list[Hit]) -> extract.Draft:
        """The draft so far joined with the draft of the next part of the question."""
        s = self.settings.answer
        if first.answerable and intent.page(part) and evidence.is_toc_row(first.best) and not intent.names_own_line(part):
            return first  # "第四章讲的是什么主题，从第几页开始？": the contents line gives its page
        if first.answerable and re.fullmatch(r"\s*(?:这是|是|那是)?哪一?年的?(?:数据|数字)?[？?]?\s*|\s*(?:(?:from|in)\s+)?(?:which|what)\s+year\??\s*", part, re.I) \
                and any(qmod.years(t) for t, _ in first.sentences):
            return first  # "1188元是哪个省市、哪一年的数据？": the answer to the first part gives its year ("2012年河北省…")
        if first.answerable and intent.asks_share(part) and not qmod.mentions(part) and re.search(r"(占|比重|比例)[^。；;]*%", first.best.text):
            return first  # "…seaports' capacity, and what share of the national total is that?": "7.5亿吨，占全国的16%"
        second = extract.draft(qmod.with_context(part, before), lang, hits, self._terms, s.min_support, self.glossary, self._lead)
        if not second.answerable and lang == "zh" and (fixed := self._terms.word_sound_alike(part)) != part:
            # "isbn号多少，定假多少钱": a part nothing answers as typed, read with the report's word of the same sound
            again = extract.draft(qmod.with_context(fixed, before), lang, _after(hits, self.retriever("hybrid").retrieve(fixed, s.k)),
                                  self._terms, s.min_support, self.glossary, self._lead)
            second = again if again.answerable else second
        if not first.answerable and re.match(r"\s*(?:那|那么)?(?:(?:19|20)\d{2}\s*年?(?:的)?)?(?:比|较|相比)\s*(?:(?:19|20)\d{2}|它|这个?|那个?|上一年|去年)", part):
            # ("中关村软件园2012年总产值是多少？2013年比它涨了多少？": a change from the figure the first part found none of)
            return first  # "中关村软件园2015年总产值多少？比2013年增长了多少？": a change from a figure the report does not give
        if not first.answerable:
            # the first part found nothing: the second may still answer the question ("…那一节，排在最后的是
            # 哪个园区？大概在第几页？"), but only about the places the first names ("2012年上海…是多少？
            # 跟北京差多少？" is not answered with Beijing's figure)
            places = [m.slot for m in qmod.mentions(before) if m.slot.category == "region"]
            own = [m.slot for m in qmod.mentions(part) if m.slot.category == "region"]
            if own and all(p in places for p in own):
                # ("北京和天津的产业结构有什么不同？北京三产占多少，天津二产占多少？": each part asks one of the places before)
                places = own
            hay = " ".join((second.best.match_text, second.best.context)) if second.best is not None else ""
            if not second.answerable or not all(any(z.lower() in hay.lower() for z in p.zh) for p in places):
                return first
            if self._terms.unknown_name(before, qmod.language(before), {}) and qmod.refers_back(part):
                return first  # "《京津冀协同发展规划纲要》是哪年印发的？报告对它是怎么解读的？": 它 is a work the report never names
            return second
        if second.best is not None and first.best is not None and second.best.text == first.best.text and not second.derived:
            # the second part must add something: read on its own it names its own subject
            second = extract.draft(part, lang, hits, self._terms, s.min_support, self.glossary, self._lead)
        elif second.answerable and intent.page(part) and evidence.is_toc_row(second.best):
            # "…？附录和大事记又分别在哪页？": a part that names several lines is answered by each
            self._several_lines(second, part, qmod.language(part), lang)
        elif not second.answerable and (qmod.mentions(part) or _BOOK_PART.search(part)) and intent.asks(part):
            # (and so is one that names a part of the book: "北京地铁里程只有东京的百分之多少？前言是哪天写完的？")
            # a part that names its own place is a question of its own, which the first part's indicator only
            # misleads: "how service-heavy was Beijing's economy in 2013, and how big a share did industry
            # take up in Tianjin?"
            second = extract.draft(part, lang, hits, self._terms, s.min_support, self.glossary, self._lead)
        if second.answerable and intent.asks(part) and self._of_record(first.best) and not self._of_record(second.best) and (
                (alone := extract.draft(part, lang, hits, self._terms, s.min_support, self.glossary, self._lead)).answerable
                and self._of_record(alone.best)):
            # "…卡片上必须填ISBN号和定价…请问这本书的ISBN号是多少？定价又是多少元？": a field of the book's record asked
            # after another is read on its own; the story before the first only leads the second astray
            second = alone
        done = [d for d in (first, second) if d.answerable]
        if len(done) < 2:
            return done[0] if done else first
        seen = {id(u) for _, us in first.sentences for u in us}
        said = {t for t, _ in first.sentences}
        told = set(re.findall(r"\d+(?:\.\d+)?", "".join(said)))
        # (a passage already cited may answer another part with what the part before left out: "出版地和出版社分别是什么？
        # 出版年写哪一年？" is answered from the one CIP line, its year told in the third part)
        # (nor a count the part before did not state: "前言里举了天津哪些产业基地的例子？一共几个？")
        more = [(t, us) for t, us in second.sentences if t not in said and (
            not any(id(u) in seen for u in us) or set(re.findall(r"\d+(?:\.\d+)?", t)) - told
            or set(_COUNT_STATED.findall(t)) - set(_COUNT_STATED.findall("".join(said))))]
        first.sentences = first.sentences + more
        first.derived = first.derived | second.derived
        return first

    def _text_parts_asked(self, form: str) -> tuple[str, list] | None:
        """(title, the first passage of each part) when the question asks how a part of the book with no contents lines
        of its own (前言) is divided: it names that part only, and asks for its parts."""
        if not intent.asks_for_parts(form) or intent.ordinals(form):
            return None
        named = set(_BOOK_PART.findall(form)) | {"总序" if m.group(1) else "前言" for m in re.finditer(r"\b(general\s+)?(?:preface|foreword)\b", form, re.I)}
        if len(named) != 1:
            return None
        title = named.pop()
        # (the part's own division is asked, not something the asker read in it: "前言说全书分为几章？")
        if not (re.search(rf"{title}(?:里|中)?(?:一共|共|总共|主要)?(?:是|被)?(?:分|分为|分成|有|包括|包含)了?(?:几|哪几|哪些)个?(?:部分|方面|块|小节)", form)
                or re.search(r"\b(?:parts|sections)\b", form, re.I) and not re.search(r"章|\bchapters?\b", form, re.I)):
            return None
        if any(c.section_path and c.section_path[0] == title for c in self._toc):
            return None  # (a chapter's parts are its contents lines)
        firsts = self._subsections((title,))
        return (title, firsts) if len(firsts) >= 2 else None

    def _of_record(self, u) -> bool:
        """The unit is of the book's publication record: one of its rows, or a passage of the part of the book it is in."""
        return u is not None and ((u.hit.chunk.meta or {}).get("table") == "publication"
                                  or tuple(u.hit.chunk.section_path or ()) in self._record_sections)

    def _chapter_of_line(self, d: extract.Draft, rewritten: str, lang: str) -> None:
        """"想了解各地科技园区…，该翻哪一章？": a contents line found is told with the chapter it is in;
        "北斗产业基地那个项目属于第三章的哪一节？": with its chapter and section."""
        kind = intent.which_type(qmod.split_context(rewritten)[0])
        if kind not in (("章",), ("节",)) and d.best is not None and evidence.is_toc_row(d.best) and re.search(
                r"哪个地方|哪一地|哪个城市|哪座城市|哪个省市|哪个省|哪一省|哪个市|归到哪|归哪|\bwhich (?:city|place|province|region|municipality)\b",
                qmod.split_context(rewritten)[0], re.I):
            kind = ("节",)  # "麦谷产业园是哪个地方的项目？": the section that holds the line names the place
        elif kind not in (("章",), ("节",)) and d.best is not None and evidence.is_toc_row(d.best) and re.search(
                r"在哪儿|在哪里|在哪(?![一个些家页])|在什么地方|在书的哪个?部分|\bwhere in (?:the|this) (?:book|report)\b",
                qmod.split_context(rewritten)[0], re.I) and not intent.page(qmod.split_context(rewritten)[0]):
            kind = ("章",)  # "书里有没有专门谈大数据的部分？在哪儿？": a section line is told with its chapter
        if kind not in (("章",), ("节",)):
            return
        row = d.best.hit.chunk if evidence.is_toc_row(d.best) else next(
            (c for c in self._toc if squash_ws(c.quote or c.text) == squash_ws(d.best.text)), None)
        if row is None:
            return
        m = row.meta or {}
        level = 0 if kind == ("章",) else 1
        if evidence.toc_level(row) < level or (evidence.toc_level(row) == level == 0):
            return  # already a line of the level asked, or above it

        # the line found, told with the lines that hold it down to the level asked ("“三、麦谷产业园”在
        # “第三章 …”“第二节 …”中，从第107页开始": which chapter, which section, and its page)
        holders = [c for c in (self._contents.line_above(row, 0), self._contents.line_above(row, 1) if level == 1 and evidence.toc_level(row) == 2 else None)
                   if c is not None]
        if not holders:
            return
        u = _row_unit(row)
        title, page = m.get("title", ""), m.get("page", "")
        names = [str((c.meta or {}).get("title", "")) for c in holders]
        if lang == "zh":
            sent = f"“{title}”在" + "".join(f"“{n}”" for n in names) + f"中，从第{page}页开始。"
        else:
            sent = f"The entry “{title}” is in " + ", ".join(f"“{n}”" for n in names) + f", starting on page {page}."
        d.best, d.sentences = u, [(sent, [u, *(_row_unit(c) for c in holders)])]

    @staticmethod
    def _opening_sentence(d: extract.Draft, test: Callable[[str], object]) -> tuple[str, tuple] | None:
        """(the answer's first quoted sentence, whitespace squashed; its section path) when ``test`` accepts its
        text, else None: where the sentences told around it are looked for."""
        if not d.sentences or not d.sentences[0][1]:
            return None
        u = d.sentences[0][1][0]
        if u.kind != "sentence" or not test(u.text):
            return None
        return squash_ws(u.text), tuple(u.hit.chunk.section_path or ())

    def _reasons_before(self, d: extract.Draft, lang: str) -> None:
        """"为什么说信息服务业的区域融合能成为…切入点？": an answer that opens with a conclusion ("因此，…将成为…着力点")
        is told with the sentences before it in its paragraph (up to two), which give the reasons, each cited."""
        opening = self._opening_sentence(d, _CONCLUSION.match)
        if opening is None:
            return
        said, path = opening
        para = next((c for c in self._chunks_in_order if tuple(c.section_path or ()) == path and said in squash_ws(c.text)), None)
        if para is None:
            return
        k = self._chunks_in_order.index(para)
        prev = self._chunks_in_order[k - 1] if k > 0 else None
        # (a long paragraph is cut into passages: the sentences before may be in the passage before, same paragraph)
        chunks = ([prev] if prev is not None and prev.paragraph_ids[:1] == para.paragraph_ids[:1] else []) + [para]
        sents = [(c, t) for c in chunks for _, t in evidence.split_sentences(c.text)]
        i = next((i for i, (_, t) in enumerate(sents) if squash_ws(t) == said), None)
        if not i:
            return
        shown = {squash_ws(x.text) for _, us in d.sentences for x in us}
        before = [evidence.Unit(Hit(c, 0.0), t, "sentence", "") for c, t in dict(
            (squash_ws(t), (c, t)) for c, t in sents[max(0, i - 2): i] if squash_ws(t) not in shown).values()]
        if not before:
            return
        if lang == "zh":
            d.sentences = [(b.text, [b]) for b in before] + d.sentences
        else:
            d.sentences = [(d.sentences[0][0], before + list(d.sentences[0][1]))] + d.sentences[1:]

    def _detail_after(self, d: extract.Draft, lang: str) -> None:
        """"前言说创新投入和创新产出之间存在“不对等”特征，具体指的是什么现象？": an answer that is one point of a
        list ("一是创新投入及创新产出间出现“不对等”特征。") is told with the sentence after it in its paragraph,
        which says what the point is (the figures), unless that sentence is the list's next point."""
        opening = self._opening_sentence(d, _POINT.search)
        if opening is None:
            return
        said, path = opening
        # (a long paragraph is cut into passages that overlap: the one where the point has a sentence after it)
        for para in (c for c in self._chunks_in_order if tuple(c.section_path or ()) == path and said in squash_ws(c.text)):
            sents = [t for _, t in evidence.split_sentences(para.text)]
            i = next((i for i, t in enumerate(sents) if squash_ws(t) == said), None)
            if i is not None and i + 1 < len(sents):
                break
        else:
            return
        if _POINT.match(sents[i + 1]):
            return
        shown = {squash_ws(x.text) for _, us in d.sentences for x in us}
        if squash_ws(sents[i + 1]) in shown:
            return
        after = evidence.Unit(Hit(para, 0.0), sents[i + 1], "sentence", "")
        if lang == "zh":
            d.sentences = [d.sentences[0], (after.text, [after])] + d.sentences[1:]
        else:
            d.sentences = [(d.sentences[0][0], list(d.sentences[0][1]) + [after])] + d.sentences[1:]

    def _section_of_passage(self, d: extract.Draft, rewritten: str, lang: str) -> None:
        """"这个是前言哪一节提到的？", "第一章里也给信息服务业下了个定义，在哪一节？": a passage found is told
        with the section it is in, from the passage's own section path (and its page, where the contents
        give one), cited by the passage itself."""
        main = qmod.split_context(rewritten)[0]
        if (intent.which_type(main) not in (("章",), ("节",)) and not intent.asks_source(main)) or d.best is None:
            return
        if evidence.is_toc_row(d.best) or not d.sentences:
            return
        c = d.best.hit.chunk
        path = [p for p in (c.section_path or ()) if p]
        if not path or any(u.hit.chunk.section_path != c.section_path for _, us in d.sentences[:1] for u in us):
            return
        where = " > ".join(path)
        if lang == "zh":
            said = f"这段话在“{where}”" + (f"（第{c.page}页）" if c.page else "") + "。"
        else:
            top = en_term(path[0], self.glossary.to_en) if self.glossary is not None else path[0]
            named = f" ({top})" if top and top != path[0] else ""  # ("总序" -> the general preface)
            said = f"The passage is in “{where}”{named}" + (f" (page {c.page})" if c.page else "") + "."
        d.sentences = d.sentences + [(said, [d.best])]
        d.derived = set(d.derived) | ({str(c.page)} if c.page else set())  # (the page is the passage's, not its quote's)

    @cached_property
    def _words_known(self) -> frozenset:
        """The English stop words and the report's own words: never a slip (made once, not per question)."""
        return frozenset(STOP_EN) | frozenset(self._terms.df)

    @cached_property
    def _names_en(self) -> tuple[str, ...]:
        """The English names of the places, parks and bodies a question may name (for typed slips)."""
        return tuple(e for s in qmod.all_slots() for e in s.en)

    @cached_property
    def _division_unit(self):
        """The sentence that divides the work among its writers, as a unit to cite; None when the report has none."""
        for c in self._chunks_in_order:
            for _, sent in evidence.split_sentences(c.text):
                if len(render_shares_of_work(sent)) >= 2:
                    return evidence.Unit(Hit(c, 0.0), sent, "sentence", normalize(sent).lower())
        return None

    @cached_property
    def _work_shares(self) -> list[tuple[list[str], list[str]]]:
        """The division of the work among its writers, read off the sentence that gives it ("第一章（李晓昕、万少萍），…")."""
        return render_shares_of_work(self._division_unit.text) if self._division_unit is not None else []

    def _parts_by_writer(self, q: str, lang: str) -> str:
        """"What sections make up the chapter that Li Xiaoxin and Wan Shaoping wrote?", "孟程燕写的那一章…", "the appendix
        compiled by Li Xiaoxin": a part of the book named by who wrote it is named by its ordinal (chapter 1, 第一章), as
        the contents name it; ``q`` unchanged when the writers named share no part of the requested kind."""
        shares = self._work_shares
        people = list(dict.fromkeys(n for _, ns in shares for n in ns))
        if not people:
            return q
        if lang == "zh":
            names = "|".join(map(re.escape, people))
            m = re.search(rf"(?P<names>(?:{names})(?:[、和与及跟](?:{names}))*)(?:两人|二人|两位|俩)?(?:共同|一起|合作|合)?"
                          rf"(?:参与|参加|主要|负责)?(?:写|撰写|编写|执笔|负责|整理|编|写作)?的(?:那|这)?(?:一|两)?(?P<kind>章|部分|附录)(?!里|中|内|当中)", q)
            said = {n: n for n in people}
        else:
            said = {}
            for n in people:
                en = self.glossary.to_en(n) if self.glossary is not None else None
                if en:
                    said[en.lower()] = n
            if not said:
                return q
            names = "|".join(map(re.escape, sorted(said, key=len, reverse=True)))
            verb = r"(?:co-?)?(?:wrote|write|written|authored|drafted|compiled|prepared)|worked\s+on|handled|was\s+responsible\s+for"
            m = re.search(rf"\bthe\s+(?P<kind>chapters?|appendix)\s+(?:(?:that|which)\s+)?(?:(?:was|were)\s+)?(?:(?:co-?)?(?:written|authored|drafted|compiled|prepared)\s+)?"
                          rf"(?:by\s+)?(?P<names>(?:{names})(?:\s*(?:,|and|&)\s*(?:{names}))*)(?:\s+(?:{verb}))?(?![\w-])", q, re.I) \
                or re.search(rf"(?P<names>(?:{names}))['’]s\s+(?P<kind>chapters?|appendix)(?:\s+\d+)?(?![\w-])", q, re.I)
        if not m:
            return q
        who = [said[x.lower()] for x in re.findall("|".join(map(re.escape, sorted(said, key=len, reverse=True))), m.group("names"), re.I)]
        common = [p for p, ns in ((p, ns) for ps, ns in shares for p in ps) if all(w in ns for w in who)]
        common = list(dict.fromkeys(common))
        kind = m.group("kind").lower()
        common = [p for p in common if (p == "附录") == (kind in ("appendix", "附录"))] if kind != "部分" else common
        if not who or not common:
            return q
        if lang == "zh":
            return q[: m.start()] + "、".join(common) + q[m.end():]
        nums = [str(qmod.cn_digit(p[1:-1])) for p in common if p.startswith("第")]
        told = "the appendix" if common == ["附录"] else (f"chapter {nums[0]}" if len(nums) == 1 else "chapters " + ", ".join(nums[:-1]) + " and " + nums[-1])
        return q[: m.start()] + told + q[m.end():]

    def _chapters_by_topic(self, q: str, lang: str) -> str:
        """"Who wrote the chapters on the key projects and the support policies?", "扶持政策那一章是谁写的？": a
        who-question that names chapters by what they are about names them by their ordinals (第三章、第四章), as
        the preface's division of labour does; ``q`` unchanged when a topic names no one chapter."""
        if lang == "zh":
            m = re.search(r"([\u4e00-\u9fff、]{2,16}?)(?:那|这)?(?:一|两|二|三)?章(?=[^，,。？?]{0,3}(?:是|由)?谁)", q)
            if not m or "谁" not in q or re.search(r"第[一二三四五六七八九十\d]+章", q):
                return q
            parts = [p for p in re.split(r"[、和与及跟]", re.sub(r"^(?:讲|写|关于|有关|介绍)", "", m.group(1))) if len(p) >= 2]
        else:
            m = re.search(r"\b(?:the\s+|two\s+)?chapters?\s+(?:on|about|covering|dealing with|that covers?|which covers?)\s+(.+?)(?=[?.,;]|$)", q, re.I)
            if not m or not re.match(r"\s*who\b", q, re.I):
                return q
            parts = [p for p in re.split(r",|\band\b|&", m.group(1)) if p.strip()]
        chapters = [c for c in self._toc if evidence.toc_level(c) == 0 and re.match(r"第[一二三四五六七八九十]+章", str((c.meta or {}).get("title") or ""))]
        found = []
        for part in parts:
            if lang == "zh":
                def score(c) -> float:
                    t = str((c.meta or {}).get("title") or "")
                    return sum(1 for i in range(len(part) - 1) if part[i:i + 2] in t)
            else:
                words = {t: w for t, w in self._terms.analyse(part, "en")[0].items() if not t.startswith("~")}

                def score(c) -> float:
                    t = normalize(str((c.meta or {}).get("title") or "")).lower()
                    return sum(w * self._terms.credit(k, t) for k, w in words.items())
            ranked = sorted(((score(c), c) for c in chapters), key=lambda x: -x[0])
            if not ranked or ranked[0][0] <= 0 or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
                return q
            ordinal = re.match(r"第[一二三四五六七八九十]+章", str((ranked[0][1].meta or {}).get("title"))).group(0)
            if ordinal not in found:
                found.append(ordinal)
        if not found:
            return q
        if lang == "zh":
            return q[: m.start()] + "、".join(found) + q[m.end():]
        nums = [str(qmod.cn_digit(o[1:-1])) for o in found]
        said = f"chapter {nums[0]}" if len(nums) == 1 else "chapters " + ", ".join(nums[:-1]) + " and " + nums[-1]
        return q[: m.start()] + said + q[m.end():]

    def _last_sibling(self, title: str) -> str:
        """The title of the last contents line at the level of, and under the same line as, the line
        titled ``title`` ("十、涿州新兴产业示范区" for "五、秦皇岛数据产业基地"); "" if none."""
        row = next((c for c in self._toc if str((c.meta or {}).get("title") or "") == title), None)
        if row is None:
            return ""
        m, level = row.meta or {}, evidence.toc_level(row)
        same = [c for c in self._toc if evidence.toc_level(c) == level and (level == 0 or (
            (c.meta or {}).get("chapter") == m.get("chapter") and (level == 1 or (c.meta or {}).get("section") == m.get("section"))))]
        return str((same[-1].meta or {}).get("title") or "") if same else ""

    def _chapter_of_title(self, title: str) -> str:
        """The chapter ordinal ("第二章") of the contents line titled ``title``, "" if none."""
        row = next((c for c in self._toc if str((c.meta or {}).get("title") or "") == title), None)
        m = re.match(r"第[一二三四五六七八九十]+章", str((row.meta or {}).get("chapter") or "")) if row is not None else None
        return m.group(0) if m else ""

    def _named_holder(self, row, ords: dict):
        """The chapter or section line directly above ``row``, when the question's ordinals name it
        ("第三章第一节" for a part of that section); None otherwise."""
        if not ords or evidence.toc_level(row) < 1:
            return None
        level = evidence.toc_level(row) - 1  # the line directly above it ("第三章" alone names no part's holder)
        holder = self._contents.line_above(row, level)
        named = ords.get("节" if level else "章")
        return holder if holder is not None and named and str((holder.meta or {}).get("title") or "").startswith(named) else None

    def _several_lines(self, d: extract.Draft, rewritten: str, match_lang: str, lang: str) -> None:
        """"Where do the appendix, the chronology and the bibliography begin?": a page question that
        names several contents lines is answered by each of them, every one named by its own words."""
        q = qmod.split_context(rewritten)[0]

        def split(text: str) -> list[str]:
            return [p for p in re.split(r"\s*(?:,|，|、|;|；|\band\b|\bor\b|和|及|与|跟|以及)\s*", text) if p.strip()]

        # ("…目录里第三章第二节列了好几个天津的基地和孵化器，其中麦谷产业园和天津高新区软件园BPO基地分别从第几页
        # 开始？": the last clause names the lines; the clauses before only say where they are)
        last = re.split(r"[，,。；;：:]", q.strip().rstrip("？?。"))[-1] if match_lang == "zh" else ""
        last_parts = split(last) if last and last != q.strip().rstrip("？?。") else []
        if not intent.page(q) or not evidence.is_toc_row(d.best) or intent.ordinals(last if len(last_parts) >= 2 else q):
            return  # a chapter or section named by number is one line ("chapter 4, on support policies")
        # the lines are named in the question proper ("我是天津的记者，想看看…麦谷产业园的内容，目录显示在第几页？"
        # names one), or in the whole question when the question proper points back at them ("我希望借助…
        # 大事记和参考文献…，请问这两部分在书中分别位于第几页？"), not in the clause that says who asks
        parts = last_parts if len(last_parts) >= 2 else split(q[len(qmod.preamble(q)[1]):])
        if len(parts) < 2:
            parts = split(q[len(qmod.who_asks(q)):])
        if len(parts) < 2:
            return
        found: list = []
        titles = self._toc_titles
        whole = {t: w for t, w in self._terms.analyse(q, match_lang)[0].items()
                 if not t.startswith("~") and self._terms.known(t) and any(self._terms.credit(t, x) > 0 for x in titles)}
        if whole and any(all(self._terms.credit(t, x) > 0 for t in whole) for x in titles):
            return  # one line is named by all of it: "Langfang's economic and technological development zone"
        def line_named(part: str):
            # (words no contents line has say what is asked, not which line: "I *need* the page …")
            words = {t: w for t, w in self._terms.analyse(part, match_lang)[0].items()
                     if not t.startswith("~") and self._terms.known(t) and any(self._terms.credit(t, x) > 0 for x in titles)}
            best, best_w = None, 0.0
            for c, title in zip(self._toc, self._toc_titles):
                got = sum(w for t, w in words.items() if self._terms.credit(t, title) > 0)
                if words and got == sum(words.values()) and got > best_w:
                    best, best_w = c, got
            return best

        for part in parts:
            best = line_named(part)
            if best is None and match_lang == "zh" and len(head := part.split("的")[0]) >= 2:
                best = line_named(head)  # ("河北省发改委的政策分别在第几页": the line is named before 的)
            if best is not None and best not in found:
                found.append(best)
        if len(found) < 2 or d.best.hit.chunk.id not in {c.id for c in found}:
            return  # the line found for the whole question must be one of them ("Ministry of Industry and …")
        units = [_row_unit(c) for c in found]
        d.sentences = [(render(u, lang, True, self.glossary, d.terms, False), [u]) for u in units]
        d.answerable, d.refusal = True, ""

    def _surname_first(self, q: str) -> str:
        """"Is Chenghui Wang the chief editor…?": a person of the record named given name first, as the report's
        English names them (Wang Chenghui)."""
        return self._given_first.sub(lambda m: " ".join(reversed(m.group(0).split())), q) if self._given_first else q

    @cached_property
    def _given_first(self) -> "re.Pattern | None":
        """The record's two-word English names given name first ("chenghui wang"), one pattern (made once)."""
        names = [" ".join(reversed(en.split())) for en in self._people_en if len(en.split()) == 2]
        return re.compile(r"\b(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) + r")\b", re.I) if names else None

    @cached_property
    def _people_en(self) -> dict[str, str]:
        """The record's persons by their English names ("wang guangyan" -> 王光艳), for English claims about them."""
        to_en = self.glossary.to_en if self.glossary is not None else (lambda t: None)
        return {en.lower(): p for p in self._terms.people if (en := to_en(p))}

    @cached_property
    def _back_matter(self) -> list:
        """The contents' top lines after the last chapter (附录, 大事记, 参考文献), in order."""
        if not self._chapter_lines:
            return []
        at = self._toc.index(self._chapter_lines[-1])
        return [c for c in self._toc[at + 1:] if not (c.meta or {}).get("section") and not (c.meta or {}).get("subsection")
                and not evidence.is_chapter_title(str((c.meta or {}).get("chapter") or ""))]

    def _list_back_matter(self, d: extract.Draft, lang: str) -> None:
        """"正文之后还有哪些部分？各从第几页开始？", "What back matter does the book have?": the contents lines after the
        last chapter, each with its page, each cited."""
        lines = self._back_matter
        if len(lines) > self.settings.answer.max_citations:
            return
        d.answerable, d.refusal = True, ""
        d.sentences = [(render_back_matter([((c.meta or {}).get("title") or c.text, str((c.meta or {}).get("page") or ""))
                                            for c in lines], lang, self.glossary), [_row_unit(c) for c in lines])]

    def _the_others(self, d: extract.Draft, known: tuple) -> None:
        """"编委会里，除了总主编和两位编著者，还有哪几位？": a record row of persons is told as the ones the asker does not
        know yet ("编委会成员中，除王成慧、郭斌、陈倩外，还有李凡、刘林艳、欧海鹰。")."""
        if d.best is None or d.best.kind != "row":
            return
        label = re.sub(r"\s+", "", str((d.best.hit.chunk.meta or {}).get("label") or ""))
        names = self._terms.roles.get(label, ())
        known = with_holders(known, self._terms)
        had, rest = [p for p in names if p in known], [p for p in names if p not in known]
        if had and rest:
            d.sentences = [(render_others(label, had, rest), [d.best])]

    def _term_for(self, d: extract.Draft, phrase: str) -> None:
        """"What Chinese term does the report use for 'growth pole'?": the report's word (the glossary's Chinese for the
        phrase that the report writes), cited from the first sentence that uses it -- in the section of the passage found,
        if any; refused when the report writes no Chinese the phrase has ("blockchain")."""
        zhs = self.glossary.terms_for(phrase)
        words = en_words(phrase)
        covered = {i for a, b, *_ in self.glossary.groups(phrase) for i in range(a, b)}
        if any(i not in covered for i, w in enumerate(words) if w not in STOP_EN) and max(map(len, zhs), default=0) < 4:
            zhs = []  # ("cloud computing": the glossary has 计算 for "computing" only, no Chinese for the whole phrase)
        for zh in zhs:
            found = [(c, t) for c in self._chunks_in_order if not evidence.is_toc_row(_row_unit(c))
                     for _, t in evidence.split_sentences(c.text) if zh in squash_ws(t)]
            if found:
                c, t = next(((c, t) for c, t in found if d.best is not None and c.section_path == d.best.hit.chunk.section_path), found[0])
                d.answerable, d.refusal = True, ""
                d.sentences = [(render_term(phrase, zh), [evidence.Unit(Hit(c, 0.0), t, "sentence", "")])]
                return
        d.answerable, d.sentences = False, []

    def _list_chapters(self, d: extract.Draft, lang: str) -> None:
        """"这本书分几章？": the chapter lines of the contents, each cited."""
        chapters = self._chapter_lines
        if not chapters or len(chapters) > self.settings.answer.max_citations:
            return
        units = [_row_unit(c) for c in chapters]
        titles = [(c.meta or {}).get("title") or c.text for c in chapters]
        d.answerable, d.refusal = True, ""
        d.sentences = [(render_chapters(titles, lang, self.glossary), units)]

    @cached_property
    def _quoting(self) -> list:
        """The passages that quote a phrase (“北京研发、天津转化、河北配套”), found once."""
        return [c for c in self._chunks_in_order if evidence.quotes_a_phrase(c.text)]

    @cached_property
    def _defining(self) -> list:
        """The passages that say what a term is ("信息服务业是指…"), found once."""
        return [c for c in self._chunks_in_order if scoring.defines(c.text)]

    @cached_property
    def _stated_chapter_count(self):
        """The sentence in which the book states how many chapters it has: (unit, count) or None (found once)."""
        holders = [c for c in self._chunks_in_order if _CHAPTER_COUNT.search(c.text)]
        for u in evidence.split_units([Hit(c, 0.0) for c in holders]):
            m = _CHAPTER_COUNT.search(u.text) if u.kind == "sentence" else None
            if m:
                v = m.group(1)
                return u, int(v) if v.isdigit() else intent.cn_value(v)
        return None

    def _names_missing_edition(self, rewritten: str) -> bool:
        """"这本书的第二版是哪一年出版的？": the record states only 第1版 / 第1次印刷; so is another year's volume."""
        if self._terms.title.another_year(qmod.split_context(rewritten)[0]):
            return True  # "《京津冀信息服务业发展报告（2016）》…": another year's volume
        asked = intent.edition(qmod.split_context(rewritten)[0])
        if asked is None:
            return False
        n, kind = asked
        forms = {f"第{n}{kind}", f"第{intent.cn_number(n)}{kind}"}
        return not any(f in squash_ws(c.text) for c in self._chunks_in_order for f in forms)

    def _names_missing_part(self, rewritten: str) -> bool:
        """The question names a chapter, or a section of a chapter, that the contents do not list."""
        ords = intent.ordinals(qmod.split_context(rewritten)[0])
        if not ords or not self._toc:
            return False
        lines = [c.meta or {} for c in self._toc]
        if "章" in ords:
            lines = [m for m in lines if str(m.get("chapter") or "").startswith(ords["章"])]
            if not lines:
                return True
        if "节" in ords and not any(str(m.get("section") or "").startswith(ords["节"]) for m in lines):
            return True
        return False

    def _count_rows(self, d: extract.Draft, lang: str, unit: str) -> None:
        """"这本书一共得到了几个基金项目的资助？": the rows of the funding table are counted, each cited."""
        best = d.best
        if best is None:
            return
        # the answer is one of the rows, as a row or as the sentence it was read from
        key = squash_ws(best.text)
        table = next((t for c in self.handle.chunks if c.kind == "table_row" and (t := (c.meta or {}).get("table")) in COUNTED_TABLES
                      and c.quote and (squash_ws(c.quote) in key or key in squash_ws(c.quote))), None)
        if table is None:
            return
        rows = sorted((c for c in self.handle.chunks if c.kind == "table_row" and (c.meta or {}).get("table") == table),
                      key=lambda c: c.order)
        if len(rows) < 2 or len(rows) > self.settings.answer.max_citations:
            return
        units = [_row_unit(c) for c in rows]
        what_en, label = COUNTED_TABLES[table]
        # in English each row goes by its label (a grant number); the Chinese rows are quoted below
        names = [u.text for u in units] if lang == "zh" else [str((c.meta or {}).get(label) or c.quote) for c in rows]
        d.sentences = [(render_count(names, lang, unit, what_en), units)]

    def _list_parts(self, d: extract.Draft, lang: str, count_unit: str | None = None, with_page: bool = False,
                    ords: dict | None = None, up: bool = False) -> None:
        """"第四节分成哪几个方面？": when the answer is a chapter or section line of the contents,
        answer with the lines under it, cited by the contents passage that holds them."""
        best = d.best
        if best is None or best.kind != "row" or (best.hit.chunk.meta or {}).get("table") != "toc":
            return
        children = evidence.toc_children(best.hit.chunk, self._toc)
        if not children and (holder := self._named_holder(best.hit.chunk, ords or {})) is not None:
            # "第三章第一节讲北京的哪些园区？": the line the ordinals name holds the one found (北京 named
            # one of its parts); its parts are the answer
            best = d.best = _row_unit(holder)
            children = evidence.toc_children(holder, self._toc)
        if not children and (count_unit is not None or up) and evidence.toc_level(best.hit.chunk) == 2:
            # "How many Hebei development zones and bases get their own entry?": a count found one of
            # the lines counted; the count is of the lines under the section that holds it (and so is a list
            # of "那一节"'s lines: "第三章天津那一节有哪些项目？")
            if (parent := self._contents.line_above(best.hit.chunk, 1)) is not None:
                best = d.best = _row_unit(parent)
                children = evidence.toc_children(parent, self._toc)
        if not children:
            return
        units = [best]
        holders: dict[str, list] = {}
        for c in children:
            holder = self._row_holder(c)
            key = holder.id if holder is not None else c.id
            holders.setdefault(key, []).append((c, holder))
        for key, group in list(holders.items())[: self.settings.answer.max_citations - 1]:
            c, holder = group[0]
            if holder is None or len(group) == 1:
                units.append(_row_unit(c))
                continue
            # one quote spanning the lines, verbatim from the contents passage
            text = holder.text
            first, last = group[0][0].quote, group[-1][0].quote
            a, b = text.find(first), text.find(last)
            quote = text[a : b + len(last)] if a >= 0 and b >= a else first
            units.append(evidence.Unit(Hit(holder, 0.0), quote, "sentence", ""))
        title = (best.hit.chunk.meta or {}).get("title") or best.text
        parts = [(c.meta or {}).get("title") or c.text for c in children]
        page = str((best.hit.chunk.meta or {}).get("page") or "") if with_page else ""
        # ("这一节从哪一页开始，下面又细分成了哪几个方面？": its page as well)
        d.sentences = [(render_parts(title, parts, lang, self.glossary, count_unit, page), units)]

    def _subsections(self, path: tuple) -> list:
        """The first passage of each section directly under ``path``, in reading order."""
        firsts: dict[tuple, object] = {}
        for c in self._chunks_in_order:
            sp = tuple(c.section_path or ())
            if len(sp) == len(path) + 1 and sp[: len(path)] == tuple(path) and sp not in firsts:
                firsts[sp] = c
        return list(firsts.values())

    def _list_numbered_points(self, d: extract.Draft, lang: str) -> None:
        """"影响…的主要问题：一是…。…二是…。三是…": the answer that quotes the point "一是" also quotes the points
        after it ("二是…", "三是…"), sentences further on in the same section, each cited by itself (an English
        answer cites them with its first sentence, which the quotes follow)."""
        if d.best is None or not d.sentences:
            return
        # (the sentence with "一是" may come second: "…三小时交通圈”。但目前，影响…的主要问题：一是…")
        at = next((i for i, (_, us) in enumerate(d.sentences) if us and _first_point(us[0])), None)
        if at is None or (at > 0 and lang != "zh"):
            return
        points = self._numbered_points(d.sentences[at][1][0])
        more = points[1:]
        if not more:
            return
        said = {squash_ws(u.text) for u, _ in more}
        units = [u for u, _ in more]
        # (the points follow the first one, before whatever else the answer says; a point it says already moves up)
        rest = [(t, us) for t, us in d.sentences[at + 1:] if not all(squash_ws(u.text) in said for u in us)]
        if lang == "zh":
            d.sentences = d.sentences[:at + 1] + [(u.text, [u]) for u in units] + rest
        else:
            d.sentences = [(d.sentences[0][0], list(d.sentences[0][1]) + units)] + rest

    def _numbered_points(self, first: evidence.Unit) -> list[tuple[evidence.Unit, str]]:
        """The points "一是…", "二是…", "三是…" a sentence ``first`` begins (its own "一是" first): each as the
        unit that quotes it and the point's own words; [] when it begins none."""
        m0 = _first_point(first)
        if m0 is None:
            return []
        path = tuple(first.hit.chunk.section_path or ())
        said = squash_ws(first.text)
        after = [c for c in self._chunks_in_order if tuple(c.section_path or ()) == path and c.start >= first.hit.chunk.start]
        # (the passage found may be several paragraphs merged: the points start in the one that says "一是")
        i = next((i for i, c in enumerate(after) if said in squash_ws(c.text)), None)
        if i is None:
            return []
        after = after[i: i + 4]
        at = squash_ws(after[0].text).find(said)
        points = [(first, m0.group(1).strip())]
        for k in ORDINALS[1: self.settings.answer.max_citations]:
            pat = re.compile(rf"(?:^|(?<=[。；;\n]))\s*((?:{k}是|其{k})[^。；;\n]*[。；;]?)")
            found = None
            for i, c in enumerate(after):
                m = pat.search(squash_ws(c.text), at if i == 0 else 0)
                if m:
                    found = (evidence.Unit(Hit(c, 0.0), m.group(1).strip(), "sentence", ""), m.group(1).strip())
                    break
            if found is None:
                break
            points.append(found)
        return [(u, re.sub(r"^(?:[一二三四五六七八九十]是|其[一二三四五六七八九十])[，,：:]?", "", t).rstrip("。；;")) for u, t in points]

    def _list_ordinal_items(self, d: extract.Draft, lang: str, path: tuple, at: int) -> None:
        """"北京信息服务业将面对两大战略任务：" is followed by paragraphs "第一，…" "第二，…" in
        the same section: their first sentences are the list it introduces."""
        best = d.best
        if not scoring.INTRO.search(best.text):
            return
        after = [c for c in self._chunks_in_order if tuple(c.section_path or ()) == path and c.start >= at]
        items: list[tuple] = []
        pos = 0  # index into ``after`` where the previous item was found
        for k in ORDINALS[: self.settings.answer.max_citations - 1]:
            pat = re.compile(rf"(?:^|(?<=[\n。：:]))\s*(第{k}[，,、][^。；;\n]*)")
            found = None
            for ci in range(pos, min(len(after), pos + 8)):
                m = pat.search(after[ci].text)
                if m and (k != "一" or squash_ws(best.text) in squash_ws(after[ci].text[: m.start(1)]) or ci > 0):
                    found = (ci, m.group(1).strip())
                    break
            if found is None:
                break
            pos = found[0]
            items.append((after[pos], found[1]))
        if len(items) < 2:
            return
        heads = [h for _, h in items]
        units = [best] + [evidence.Unit(Hit(c, 0.0), h, "sentence", "") for c, h in items]
        d.sentences = [(render_subsections(best.text, heads, lang, items=True), units)]

    def _nth_part(self, d: extract.Draft, rewritten: str, match_lang: str, lang: str) -> None:
        """"前言第二部分的标题是什么？": a part named by its place in a section the question names
        (one without chapter numbering, whose parts are headed "一、…" "二、…") is its heading, cited
        by the first passage under it."""
        main, ctx = qmod.split_context(rewritten)
        n = intent.nth_part(main) or intent.nth_part_of_list(main)
        if not n or intent.ordinals(main) or (d.best is not None and (d.best.hit.chunk.meta or {}).get("footnote")):
            return  # ("前言第一部分有一个注脚，…所引用文献的作者是哪两位？": the part only says where the footnote is)

        def tops_named(text: str) -> list:
            words = {normalize(text)} | self._terms.words(self._terms.analyse(text, match_lang)[0])
            return [p for p in dict.fromkeys(tuple(c.section_path[:1]) for c in self._chunks_in_order if c.section_path)
                    if any(p[0] in w or w == p[0] for w in words)]
        # ("And the last one on the list? (following up: The preface lists four shortcomings. What's the first one?)":
        # the section the conversation named)
        tops = tops_named(main) or (tops_named(ctx) if ctx else [])
        named = [(p, parts) for p in tops if len(parts := self._subsections(p)) >= 2]
        if len(named) != 1 or n > len(named[0][1]):
            return
        path, parts = named[0]
        said = re.search(r"\b(two|three|four|five|six)\s+[a-z]+", main + " " + ctx, re.I)
        if said and intent.en_count(said.group(1)) != len(parts):
            return  # ("…for three reasons. What is the last one?": a list inside a part, not the parts themselves)
        n = n if n > 0 else len(parts)  # ("the last of the four shortcomings")
        first = parts[n - 1]
        heading = first.section_path[-1]
        d.answerable, d.refusal = True, ""
        d.sentences = [(render_nth_part(path[0], n, heading, lang, self.glossary),
                        [evidence.Unit(Hit(first, 0.0), heading, "sentence", "")])]
        if _SUMMARY.search(main):
            # "概括一下前言第二部分讲了什么": the part's heading, then its key sentences in its own words
            d.sentences += self._key_sentences(tuple(first.section_path))

    def _summary_by_topic(self, d: extract.Draft, rewritten: str, match_lang: str, lang: str) -> None:
        """"简单总结一下交通那部分": the gist of the one part of the text (a headed part of the preface or the general
        preface) whose heading the question's words name; left alone when the draft answered otherwise or no one part is
        named."""
        main = qmod.split_context(rewritten)[0]
        if d.answerable or not _SUMMARY.search(main) or not re.search(r"部分|那段|这段|那一段|那块|\bpart\b|\bsection\b", main, re.I):
            return
        words = {t: w for t, w in self._terms.analyse(main, match_lang)[0].items() if not t.startswith("~") and self._terms.known(t)}
        heads = list(dict.fromkeys(tuple(c.section_path) for c in self._chunks_in_order if c.section_path and len(c.section_path) >= 2))
        scored = sorted(((sum(w for t, w in words.items() if self._terms.credit(t, normalize(p[-1]).lower()) > 0), p) for p in heads),
                        key=lambda x: -x[0])
        if not scored or scored[0][0] <= 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            return
        path = scored[0][1]
        # (most of what names the part must be its heading's: "第三章中关村科技园区那一部分" is no part of the preface that
        # shares 科技; and a chapter named must be the part's own)
        named = sum(w for t, w in words.items() if not _SUMMARY.search(t) and not re.fullmatch(r"部分|内容|主要|要点|简单|一下", t))
        chapters = re.findall(r"第[一二三四五六七八九十]+章", main)
        if scored[0][0] < 0.5 * named or (chapters and not any(c in path[0] for c in chapters)):
            return
        key = self._key_sentences(path)
        if not key:
            return
        # (not opening with the heading in quotes, which would read as a contents line answered to a follow-up)
        told = f"以下是“{path[-1]}”这一部分的要点（原文）：" if lang == "zh" else f"In its own sentences (Chinese original), the part “{path[-1]}” says:"
        d.answerable, d.refusal, d.best = True, "", key[0][1][0]
        d.sentences = [(told, key[0][1])] + key

    def _key_sentences(self, path: tuple) -> list[tuple[str, list]]:
        """The sentences that carry a part of the text (``path``): its first, those that open its points ("一是…") and its
        conclusions ("因此…", "综上所述…"), at most four, in reading order, each quoted and cited by itself."""
        found: list[tuple[int, str, object]] = []
        for c in self._chunks_in_order:
            if tuple(c.section_path or ()) != path or (c.meta or {}).get("footnote"):
                continue
            for _, sent in evidence.split_sentences(c.text):
                found.append((len(found), sent, c))
        if not found:
            return []
        keep = [found[0]] + [x for x in found[1:] if _POINT_OPENS.search(x[1]) or _CONCLUSION.match(x[1])]
        keep = sorted({x[0]: x for x in keep[:1] + keep[1:][-3:]}.values(), key=lambda x: x[0])
        return [(sent, [evidence.Unit(Hit(c, 0.0), sent, "sentence", normalize(sent).lower())]) for _, sent, c in keep]

    def _nth_item(self, d: extract.Draft, rewritten: str, lang: str) -> None:
        """"它的第一节列出的第一个园区是哪个？": the contents line at that place under the chapter or
        section line found."""
        main, ctx = qmod.split_context(rewritten)
        n = intent.nth_item(main)
        # ("第二部分从哪页开始？" after "第三章第一节讲北京的哪些园区？": a part of the line asked before)
        nth_part = 0 if n else intent.nth_part(main) if ctx else 0
        if n and not ctx and re.search(r"目录(?:里|中|上)?的?(?:最后|末尾|最末|第)|\b(?:last|first|\w+th) (?:entry|line|item) (?:of|in) the (?:table of )?contents\b", main) \
                and not re.search(r"谁|哪[一几两]?位|\bwho\b", main, re.I) \
                and (tops := [c for c in self._toc if evidence.toc_level(c) == 0]) and n <= len(tops):
            # (not who did it: "目录最后那个附录是谁整理的？" names the line, and a contents line names no one)
            # "目录的最后一项是什么？在哪页？": a line of the contents themselves, by its place among the top lines
            self._answer_with_row(d, tops[n - 1 if n > 0 else -1], lang)
            return
        if n and not ctx and d.answerable and d.best is not None and (row := self._as_row(d.best)) is not None \
                and _table(row) in COUNTED_TABLES and (u := self._nth_row(row, n)) is not None:
            # "基金项目列了四个，排在最前面的是哪个项目？": a funded project by its place in the list (the row found, or
            # the sentence that is one)
            self._answer_with_row(d, u.hit.chunk, lang)
            return
        if not (n or nth_part) or not (ctx or (d.answerable and d.best is not None)):
            return  # (a follow-up is placed under the earlier question's line, whatever its own draft found)
        base = self._line_of_context(ctx) if ctx else None
        if base is not None and base.answerable and evidence.is_toc_row(base.best):
            # "排在最后的是哪一个？（接上问：第三章天津那一节一共列了几个园区、基地？）", "第二个是什么？
            # （接上问：第四章分为哪几节？）": under the line the earlier question found, whatever this
            # question's own words found ("第三章第一节讲北京的哪些园区？" found 北京's part of the section
            # it named: the section's)
            line = base.best.hit.chunk
            if not evidence.toc_children(line, self._toc):
                line = self._named_holder(line, intent.ordinals(ctx)) or line
            children = evidence.toc_children(line, self._toc)
            if children:
                n = n or nth_part
                if n <= len(children):
                    u = _row_unit(children[n - 1 if n > 0 else -1])
                    d.answerable, d.refusal = True, ""
                    d.best, d.sentences = u, [(render(u, lang, False, self.glossary, d.terms, False), [u])]
                else:
                    d.answerable, d.sentences, d.refusal = False, [], prompts.REFUSAL[lang]  # (no such place in that list)
                return
        if n and _NTH_ONLY.match(main.strip()) and base is not None and base.answerable and (points := next(
                (ps for _, us in base.sentences if us and len(ps := self._numbered_points(us[0])) >= 2), [])) and n <= len(points):
            # "第二个具体说的是什么？（接上问：前言里列了京津冀交通方面的几个主要问题，都有哪些？）": the point
            # "二是…" of those the earlier answer quoted (before a table row that quotes the answer's first
            # sentence: "在此区域内，有 35 条高速公路…" is a figure's row, no list the reader saw)
            u, said = points[n - 1 if n > 0 else -1]
            d.answerable, d.refusal, d.best = True, "", u
            d.sentences = [(render_nth_listed(said, n, len(points), lang, self.glossary), [u])]
            return
        listed = self._as_row(base.best) if base is not None and base.answerable and base.best is not None else None
        if n and listed is not None and not evidence.is_toc_row(listed) and not (
                d.answerable and d.best is not None and d.best.kind == "row" and _table(d.best) == _table(listed)) \
                and (u := self._nth_row(listed, n)) is not None:
            # "第二个是什么？编号多少？（接上问：这本书拿了哪些基金的资助？）": the row at that place in the table
            # the earlier question listed, whatever the follow-up's own words found
            d.answerable, d.refusal = True, ""
            d.best, d.sentences = u, [(render(u, lang, False, self.glossary, d.terms, False), [u])]
            return
        if n and _NTH_ONLY.match(main.strip()) and base is not None and base.answerable and base.best is not None and (
                items := evidence.listed_items(base.best.text) if base.best.kind == "sentence"
                else evidence.listed_items(base.sentences[0][0]) if base.sentences and lang == "zh" else []) \
                and len(items) >= 2 and n <= len(items):
            # (a row that lists names is read as the answer before told it: "编委会成员：陈倩、郭斌、…、王成慧。")
            # "第三个是什么？（接上问：2014年北京市政府工作报告给北京定了哪几个中心？）": the item at that place
            # in the list the sentence found gives
            d.answerable, d.refusal, d.best = True, "", base.best
            d.sentences = [(render_nth_listed(items[n - 1 if n > 0 else -1], n, len(items), lang, self.glossary), [base.best])]
            return
        if n and d.answerable and d.best is not None and d.best.kind != "row" and intent.nth_listed(main) \
                and (row := self._as_row(d.best)) is not None and not evidence.is_toc_row(row):
            d.best = row  # "Which funding project is listed first?": the funded project's line is a row of its table
        if not n or not d.answerable or d.best is None or d.best.kind != "row":
            return
        if not evidence.is_toc_row(d.best):
            # "What's the grant number of the second one? (following up: Which funding programmes
            # supported the book?)": the row at that place in the table the earlier question listed
            if (ctx or intent.nth_listed(main)) and (u := self._nth_row(d.best, n)) is not None:
                d.best, d.sentences = u, [(render(u, lang, d.numeric, self.glossary, d.terms, False), [u])]
            return
        children = evidence.toc_children(d.best.hit.chunk, self._toc)
        if children and n > len(children):
            # "天津市政策那节下面第三项是什么？": the section lists two
            d.answerable, d.sentences, d.refusal = False, [], prompts.REFUSAL[lang]
            return
        if not children:
            return
        u = _row_unit(children[n - 1 if n > 0 else -1])
        said = (render(u, lang, False, self.glossary, d.terms, False), [u])
        parts = intent.several_asks(main, lang)
        if len(parts) >= 2 and not intent.nth_item(parts[0]) and d.best.hit.chunk is not u.hit.chunk:
            # "On what page does the part on Hebei's zones begin, and which zone is listed last?": the
            # line found answers the first ask, the item under it the second
            d.sentences = d.sentences + [said]
            return
        d.best, d.sentences = u, [said]

    def _as_row(self, u):
        """A table row's unit for ``u``: itself, or the row that quotes the sentence ``u`` is (a funded
        project's line is both); None when no row does."""
        if u.kind == "row":
            return u
        text = squash_ws(u.text)
        row = next((c for c in self.handle.chunks if c.kind != "paragraph" and (c.meta or {}).get("table")
                    and squash_ws(c.quote or "") == text), None)
        return _row_unit(row) if row is not None else None

    def _nth_row(self, row, n: int):
        """The row at place ``n`` (-1: the last) of the table ``row`` is in, as a unit; None for the
        publication record (its fields are in no order a reader counts) or a place the table lacks."""
        table = _table(row)
        rows = sorted((c for c in self.handle.chunks if c.kind != "paragraph" and (c.meta or {}).get("table") == table),
                      key=lambda c: c.order)
        if not table or table == "publication" or len(rows) < 2 or n > len(rows):
            return None
        return _row_unit(rows[n - 1 if n > 0 else -1])

    def _next_line(self, d: extract.Draft, rewritten: str, lang: str) -> None:
        """"那下一节呢？（接上问：讲电商的是哪一节？）": the contents line after (or before) the one the
        earlier question found, at the same level under the same parent."""
        main, ctx = qmod.split_context(rewritten)
        if ctx and intent.same_page(main):
            self._same_page(d, ctx, lang)
            return
        step = intent.next_or_previous(main)
        if not step:
            return
        chs = re.findall(r"第([一二三四五六七八九十]+)章", main)
        if not ctx and len(chs) == 1 and not re.search(r"第[一二三四五六七八九十\d]+节", main) \
                and re.search(r"(?:[前后上下]一|[前后]面(?:的|那)?一?|[之以][前后](?:的|那)?一?)节", main):
            # "第二章前面一节是什么？": the section before a chapter is the last of the chapter before it (after it: its first)
            top = next((i for i, c in enumerate(self._toc) if evidence.toc_level(c) == 0
                        and squash_ws(c.text).startswith(f"第{chs[0]}章")), None)
            if top is not None:
                near = [c for c in (reversed(self._toc[:top]) if step < 0 else self._toc[top + 1:]) if evidence.toc_level(c) == 1]
                if near:
                    self._answer_with_row(d, near[0], lang)
                    return
        if ctx:
            base = self._line_of_context(ctx)  # the line the earlier question found
        else:
            base = d  # "电信业那一节后面紧接着是哪一节？": the line the question names itself
        if not base.answerable or not evidence.is_toc_row(base.best):
            self._beside(d, base, step, main, ctx, lang)
            return
        d.answerable, d.refusal, d.best = True, "", base.best

        def siblings(c) -> tuple:
            cm, lv = c.meta or {}, evidence.toc_level(c)
            return lv, (cm.get("chapter"), cm.get("section"))[:lv]

        if re.search(r"哪一?章|[下后上前]一章|\b(?:next|previous|which|what) chapter\b|\bchapter (?:comes|follows|after|before)\b", main, re.I) \
                and evidence.toc_level(d.best.hit.chunk) > 0 and (top := self._contents.line_above(d.best.hit.chunk, 0)) is not None:
            # "第二章最后一节是什么？ || 那后面接的是哪一章？": the chapter after the one that holds the line found
            d.best = _row_unit(top)
        same = [c for c in self._toc if siblings(c) == siblings(d.best.hit.chunk)]
        ids = [c.id for c in same]
        i = ids.index(d.best.hit.chunk.id) + step
        if not 0 <= i < len(same):
            # "目录里软件业这一节前面紧挨着的是哪一节？": the first section of a chapter comes after the last of the chapter before
            same = [c for c in self._toc if evidence.toc_level(c) == evidence.toc_level(d.best.hit.chunk)]
            i = [c.id for c in same].index(d.best.hit.chunk.id) + step
        if 0 <= i < len(same):
            u = _row_unit(same[i])
            d.best, d.sentences = u, [(render(u, lang, False, self.glossary, d.terms, False), [u])]
        else:
            d.answerable, d.sentences, d.refusal = False, [], prompts.REFUSAL[lang]

    def _answer_with_row(self, d: extract.Draft, row, lang: str) -> None:
        """The draft answered by one row of a table (a contents line, an imprint line, a funded project), cited."""
        u = _row_unit(row)
        d.answerable, d.refusal, d.best = True, "", u
        d.sentences = [(render(u, lang, False, self.glossary, d.terms, False), [u])]

    def _part_found_before(self, d: extract.Draft, rewritten: str, lang: str) -> None:
        """"这一节从第几页开始？（接上问：“七、唐山高新区”在哪一节？）": the section (or chapter) the earlier question asked for,
        which holds the line it named; answered from that section's contents line."""
        main, ctx = qmod.split_context(rewritten)
        m = re.fullmatch(r"(?:那|那么)?(?:这|那|该)一?(节|章)(?:是)?(?:从|在)?(?:第几页|哪一?页|多少页)(?:开始)?(?:的)?[？?]?"
                         r"|(?:那|那么)?(?:这|那|该)一?(节|章)(?:叫|是)(?:什么|啥)(?:名字|标题)?[？?]?", main.strip())
        unit = m and (m.group(1) or m.group(2))
        if not m or not ctx or not re.search(rf"哪一?{unit}", ctx):
            return
        base = self._line_of_context(ctx.split("？")[0] + "？" if "？" in ctx else ctx)
        if not base.answerable or not evidence.is_toc_row(base.best):
            return
        top = self._contents.line_above(base.best.hit.chunk, 0 if unit == "章" else 1)
        if top is None or top.id == base.best.hit.chunk.id:
            return
        self._answer_with_row(d, top, lang)

    def _beside(self, d: extract.Draft, base: extract.Draft, step: int, main: str, ctx: str, lang: str) -> None:
        """"总序之后是什么？", "讲完交通以后前言接着讲哪方面？": the part of the text next to the one named; "责任编辑下面那一行
        写的是谁？", "Which funded project is listed just before the one numbered 9154027?": the imprint line or the
        funded project next to the one the question found."""
        named = main if lang == "zh" else anchors_en(main, self.glossary)
        if asks_part(main) and named and (path := self._layout.part_named(named, ctx)) is not None:
            other = self._layout.neighbour(path, step)
            if other is not None and (u := self._layout.opening(other)) is not None:
                en = (lambda t: self.glossary.to_en(re.sub(r"\s+", "", t)) or "") if self.glossary is not None else (lambda t: "")
                d.answerable, d.refusal, d.best = True, "", u
                d.sentences = [(render_neighbour(path[-1], other[-1], step, lang, en), [u])]
            return
        if base.answerable and base.best is not None and base.best.kind == "row" \
                and (_BESIDE.search(main) or ctx and re.fullmatch(r"[^，,。？?]{0,6}[上下]一(?:个|项|条|行)[^，,。？?]{0,6}[？?]?", main.strip())) \
                and (row := self._layout.row_beside(base.best.hit.chunk, step, by_line=bool(re.search(r"一?行|\bline\b", main, re.I)))) is not None:
            self._answer_with_row(d, row, lang)
        elif base.answerable and base.best is not None and base.best.kind == "sentence" and step > 0 \
                and re.search(r"接着|紧接着|然后|随后|下一句|后一句|\bnext sentence\b|\bgoes on\b", main, re.I) \
                and (after := evidence.next_sentence(base.best)):
            # "总序里电子商务领域说完以后，接着举的是哪个领域的例子？": the sentence after the one found
            u = dataclasses.replace(base.best, text=after)
            d.answerable, d.refusal, d.best = True, "", u
            d.sentences = [(after, [u])]

    def _over_years(self, d: extract.Draft, rewritten: str, lang: str) -> None:
        """"北京软件和信息服务业占第三产业增加值的比重是怎么变化的？": every year the sentence gives the figure for,
        not only the latest (each year's row, cited)."""
        main = qmod.split_context(rewritten)[0]
        if not d.answerable or d.best is None or _table(d.best) != "indicators" or not _CHANGE.search(main) \
                or len(d.sentences) != 1 or d.best.kind != "row":
            return
        m = d.best.hit.chunk.meta or {}
        same = sorted((c for c in self.handle.chunks if c.kind != "paragraph" and (c.meta or {}).get("table") == "indicators"
                       and all((c.meta or {}).get(k) == m.get(k) for k in ("region", "indicator", "row_quote", "unit"))),
                      key=lambda c: str((c.meta or {}).get("year") or ""))
        if len({str((c.meta or {}).get("year") or "") for c in same}) < 2:
            return
        units = [_row_unit(c) for c in same]
        d.sentences = [(render(u, lang, False, self.glossary, d.terms, False), [u]) for u in units]
        d.derived = set(d.derived) | {str((c.meta or {}).get("year")) for c in same}

    def _remedy_after(self, d: extract.Draft, rewritten: str, lang: str) -> None:
        """"那应该怎么解决？（接上问：前言认为京津冀公共资源配置不均衡的根源在哪？）": what to do about the problem the earlier
        answer quoted is the first sentence after it, in its paragraph, that says what should be done ("因此，…应加快推进…")."""
        main, ctx = qmod.split_context(rewritten)
        if lang != "zh" or not ctx or not _REMEDY_ASKED.match(main.strip()):
            return
        base = self._line_of_context(ctx)
        if not base.answerable or not base.sentences or not base.sentences[0][1] or base.sentences[0][1][0].kind != "sentence":
            return
        u = base.sentences[0][1][0]
        said = squash_ws(u.text)
        para = next((c for c in self._chunks_in_order if c.section_path == u.hit.chunk.section_path and said in squash_ws(c.text)), None)
        if para is None:
            return
        # (a long paragraph is cut into passages: the sentences after may be in the next one)
        chunks = [c for c in self._chunks_in_order if c.paragraph_ids[:1] == para.paragraph_ids[:1] and c.section_path == para.section_path]
        sents = list(dict(((squash_ws(t), (c, t)) for c in chunks for _, t in evidence.split_sentences(c.text))).values())
        i = next((i for i, (_, t) in enumerate(sents) if squash_ws(t) == said), None)
        if i is None:
            return
        found = next(((c, t) for c, t in sents[i + 1: i + 4] if _REMEDY_SAID.search(t)), None)
        if found is None:
            return
        holder, remedy = found
        r = evidence.Unit(Hit(holder, 0.0), remedy, "sentence", normalize(remedy).lower())
        d.answerable, d.refusal, d.best = True, "", r
        d.sentences = [(remedy, [r])]

    def _roles_of_person(self, d: extract.Draft, rewritten: str, lang: str) -> None:
        """"王成慧在这套丛书里都担任了什么角色？", "郭斌是什么身份？": every line of the record that names the person asked
        (总主编, 编委会成员, 总序署名), and the part of the work the division gives them, each cited."""
        main = qmod.split_context(rewritten)[0]
        if lang != "zh" or not _ROLES_ASKED.search(main):
            return
        writers = {n for _, ns in self._work_shares for n in ns}
        named = [p for p in set(self._terms.people) | writers if p in squash_ws(main)]
        if len(named) != 1:
            return
        person = named[0]
        rows = sorted((c for c in self._record_rows if person in re.split(r"[、,，]+", re.sub(r"\s+", "", str(c.meta.get("value") or "")))),
                      key=lambda c: c.order)
        units = [_row_unit(c) for c in rows]
        said = [(render(u, lang, False, self.glossary, d.terms, False), [u]) for u in units]
        if (div := self._division_unit) is not None and person in squash_ws(div.text):
            part = render_parts_of(div.text, person, lang, self.glossary)
            clause = next((x for x in re.split(r"[，,；;。]", div.text) if person in squash_ws(x)), "")
            said.append((part or (clause.strip() + "。"), [div]))
        if not said or (len(said) < 2 and units):
            return  # (one line of the record: the answer found reads it)
        d.answerable, d.refusal, d.best = True, "", (units or [div])[0]
        d.sentences = said

    def _cited_authors(self, d: extract.Draft, rewritten: str, lang: str) -> None:
        """"前言脚注引用的那本书有几位作者？": the authors of the work the footnote cites, counted, from the reference."""
        main = qmod.split_context(rewritten)[0]
        if not _AUTHORS_COUNTED.search(main) or not (scoring.asks_the_footnote(main) or re.search(r"脚注|footnote|cited", rewritten, re.I)):
            return
        fn, authors = next(((c, a) for c in self._footnotes if (a := reference_authors(c.text))), (None, []))
        if fn is None:
            return
        u = evidence.Unit(Hit(fn, 0.0), fn.text.strip(), "sentence", normalize(fn.text).lower())
        if lang == "zh":
            said = f"脚注引用的书有{'两' if len(authors) == 2 else intent.cn_number(len(authors))}位作者：{'、'.join(authors)}。"
        else:
            to_en = self.glossary.to_en if self.glossary is not None else (lambda t: None)
            said = f"The work the footnote cites has {intent.en_number(len(authors))} authors: " + " and ".join(
                f"{a} ({en})" if (en := to_en(a)) else a for a in authors) + "."
        d.answerable, d.refusal, d.best = True, "", u
        d.sentences, d.derived = [(said, [u])], set(d.derived) | {str(len(authors))}

    def _contact_block(self, d: extract.Draft, rewritten: str, lang: str) -> None:
        """"出版社的联系方式是什么？", "那负责调换的部门怎么联系？（接上问：…印反了，能换吗？）": how to reach the press (or its
        reader service, when the question or the one before speaks of a misprint) is every contact line of that block of
        the record, each cited -- not one field of it, and not the press's name."""
        main, ctx = qmod.split_context(rewritten)
        if not _CONTACT_ALL.search(main) or _ONE_CONTACT_FIELD.search(main):
            return
        service = bool(_SERVICE_CUES.search(main) or (not _PRESS_CUES.search(main) and _SERVICE_CUES.search(ctx)))
        if not service and not _PRESS_CUES.search(main + " " + ctx):
            return  # (a person's contact is not the record's: "责任编辑怎么联系？")
        fields = _SERVICE_FIELDS if service else _PRESS_FIELDS
        rows = sorted((c for c in self._record_rows if c.meta.get("field") in fields), key=lambda c: c.order)
        if len(rows) < 2:
            return
        units = [_row_unit(c) for c in rows]
        d.answerable, d.refusal, d.best = True, "", units[0]
        d.sentences = [(render(u, lang, False, self.glossary, d.terms, False), [u]) for u in units]

    def _fields_listed(self, d: extract.Draft, rewritten: str, lang: str) -> None:
        """"…需要填写开本、印张及字数等规格信息，烦请逐项告知…": every field of the record the question lists by its label,
        each with its row (when the answer is read off the record and left some out)."""
        main = re.sub(r"\s+", "", qmod.split_context(rewritten)[0])
        if lang != "zh" or not d.answerable or d.best is None or _table(d.best) != "publication" \
                or not re.search(r"[、和及与]|以及|分别|逐项|一并|各(?:是|为)", main):
            return
        spans = sorted(((m.start(), m.end(), lab) for lab in self._record_labels if len(lab) >= 2
                        for m in re.finditer(re.escape(lab), main)), key=lambda x: (x[0], -(x[1] - x[0])))
        named: list[str] = []
        end = -1
        for a, b, lab in spans:
            if a >= end:  # ("出版社邮编": not its 邮编 as well)
                named.append(lab)
                end = b
        named = list(dict.fromkeys(named))
        if len(named) < 2:
            return
        said = {str((u.hit.chunk.meta or {}).get("label") or "") for _, us in d.sentences for u in us}
        rows = {str((c.meta or {}).get("label")): c for c in self._record_rows if (c.meta or {}).get("label")}
        missing = [rows[lab] for lab in named if lab not in said and lab in rows]
        if not missing or len(missing) == len(named):
            return
        for c in missing[: max(0, self.settings.answer.max_citations - len(d.sentences))]:
            u = _row_unit(c)
            d.sentences.append((render(u, lang, False, self.glossary, d.terms, False), [u]))

    def _same_page(self, d: extract.Draft, ctx: str, lang: str) -> None:
        """"跟它在同一页的还有哪个？（接上问：…孵化基地在第几页？）": the other contents lines that start on the page of the
        line the earlier question found (at its level, else any)."""
        base = self._line_of_context(ctx)
        if not base.answerable or not evidence.is_toc_row(base.best):
            return
        line = base.best.hit.chunk
        page = str((line.meta or {}).get("page") or "")
        on_page = [c for c in self._toc if c.id != line.id and str((c.meta or {}).get("page") or "") == page]
        others = [c for c in on_page if evidence.toc_level(c) == evidence.toc_level(line)] or on_page
        d.best = base.best
        if not page or not others:
            d.answerable, d.sentences, d.refusal = False, [], prompts.REFUSAL[lang]
            return
        units = [_row_unit(c) for c in others[: self.settings.answer.max_citations - 1]]
        d.answerable, d.refusal = True, ""
        d.sentences = [(render_same_page((line.meta or {}).get("title") or line.text, [(c.meta or {}).get("title") or c.text for c in others],
                                         page, lang), [base.best, *units])]

    def _line_of_context(self, ctx: str) -> extract.Draft:
        """The draft of the earlier question a follow-up carries, found again from it alone."""
        ctx_lang = qmod.language(ctx)
        return self._draft(ctx, ctx_lang, self._with_contents(ctx, ctx_lang, self.retriever("hybrid").retrieve(ctx, self.settings.answer.k)))

    def _place_under_line(self, d: extract.Draft, rewritten: str, lang: str) -> None:
        """"河北省那部分在第几页？（接上问：新兴业态这一节分成哪几个部分？）": the part for a place
        under the chapter or section line the earlier question found -- none if that line has no
        part for it (the Hebei line of another chapter is no answer)."""
        main, ctx = qmod.split_context(rewritten)
        if not ctx or not intent.page(main) or intent.next_or_previous(main) or intent.ordinals(main):
            return
        places = [m.slot for m in qmod.mentions(main) if m.slot.category == "region"]
        if len(places) != 1 or scoring.foreign_line(main, self._terms):
            return  # (not "那里面河北省工信厅的政策在第几页？": the report has no such line)
        base = self._line_of_context(ctx)
        if not base.answerable or not evidence.is_toc_row(base.best) or evidence.toc_level(base.best.hit.chunk) > 1:
            return
        bm = base.best.hit.chunk.meta or {}
        if d.answerable and evidence.is_toc_row(d.best) and all(
                (d.best.hit.chunk.meta or {}).get(k) == bm.get(k) for k in ("chapter", "section")[: evidence.toc_level(base.best.hit.chunk) + 1]):
            return  # the line found is under it already ("那天津市发改委那部分…" after "第四章讲的是什么？")
        kids = [c for c in evidence.toc_children(base.best.hit.chunk, self._toc)
                if any(z in str((c.meta or {}).get("title", "")) for z in places[0].zh)]
        if kids:
            self._answer_with_row(d, kids[0], lang)
        else:
            d.answerable, d.sentences, d.refusal = False, [], prompts.REFUSAL[lang]

    def _dates_compared(self, rewritten: str, lang: str) -> tuple[str, list, set[str]] | None:
        """(answer, the two date rows, the numbers computed) when a question (with what it follows up) names two parts of
        the book the record dates and asks which came first or how far apart they are; None otherwise."""
        main, ctx = qmod.split_context(rewritten)
        if not _WHICH_FIRST.search(main):
            return None
        text = main + " " + ctx
        parts = [p for p, pat in (("总序", r"总序|(?:general|series)\s+(?:preface|foreword)"),
                                  ("前言", r"前言|(?<!general )(?<!series )\b(?:preface|foreword)\b(?!\s*\(总序\))"))
                 if re.search(pat, text, re.I)]
        rows = {}
        for c in self._record_rows:
            f = str((c.meta or {}).get("field") or "")
            if f.startswith("signed_on:") and f.split(":", 1)[1] in parts:
                rows[f.split(":", 1)[1]] = c
        if len(parts) != 2 or len(rows) != 2:
            return None
        def day(c):
            m = re.search(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", str((c.meta or {}).get("value") or c.text))
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
        a, b = (day(rows[p]) for p in parts)
        if a is None or b is None or a == b:
            return None
        first, second = (parts[0], parts[1]) if a < b else (parts[1], parts[0])
        gap = abs((b - a).days)
        va, vb = (str((rows[p].meta or {}).get("value")) for p in (first, second))
        units = [_row_unit(rows[first]), _row_unit(rows[second])]
        if lang == "zh":
            text_ = f"{first}落款{va}，{second}落款{vb}：{first}在前，早{gap}天。"
        else:
            name = {"总序": "The general preface (总序)", "前言": "the preface (前言)"}
            text_ = f"{name[first]} is dated {va} and {name[second].replace('The', 'the')} {vb}: the {'general preface' if first == '总序' else 'preface'} came first, {gap} days earlier."
        return text_, units, {str(gap)}

    def _page_range(self, d: extract.Draft, rewritten: str, lang: str) -> None:
        """"From which page to which page does the chronicle run?": the contents give a part's first
        page; it runs to the page before the next line at its level or above begins."""
        if not intent.page_range(qmod.split_context(rewritten)[0]) or not evidence.is_toc_row(d.best) \
                or intent.chapter_extreme(rewritten, qmod.language(rewritten)) or intent.part_extreme(rewritten, qmod.language(rewritten)):
            return  # (not the chapter a count of the contents answered: "Which chapter runs longest by page count?")
        row = d.best.hit.chunk
        if (following_row := self._contents.next_line(row)) is None:
            return
        title, nxt = str((row.meta or {}).get("title") or ""), following_row.meta or {}
        start, following = int((row.meta or {})["page"]), int(nxt["page"])
        end = max(start, following - 1)
        units = [d.best, _row_unit(following_row)]
        count = end - start + 1 if intent.page_count(qmod.split_context(rewritten)[0]) else 0
        if lang == "zh":
            text = (f"“{title}”从第{start}页开始；其后的“{nxt.get('title')}”从第{following}页开始，"
                    f"所以它在第{start}–{end}页" + (f"，共{count}页。" if count else "。"))
        else:
            text = (f"“{title}” starts on page {start}; the next entry, “{nxt.get('title')}”, starts on page "
                    f"{following}, so it runs to page {end}" + (f": {count} pages." if count else "."))
        d.sentences = [(text, units)]
        d.derived = set(d.derived) | {str(end)} | ({str(count)} if count else set())

    def _lines_on_page(self, d: extract.Draft, rewritten: str, lang: str) -> None:
        """"目录里有两个条目页码都是123，是哪两个？", "第123页开始的是什么？": every contents line that starts on the page
        named (two may), when the question asks which line, not its page or what the text there says."""
        main = qmod.split_context(rewritten)[0]
        m = _PAGE_GIVEN.search(main)
        if not m or (intent.page_asked(main) and not m.group(2)) or not (d.answerable or re.search(r"目录|条目|哪[两几]个", main)):
            return
        page = next(g for g in m.groups() if g)
        rows = [c for c in self._toc if str((c.meta or {}).get("page") or "") == page]
        if not rows or (len(rows) == 1 and d.answerable):
            return  # (one line: the draft found it, or something the page's text says)
        if d.answerable and not m.group(2) and not (evidence.is_toc_row(d.best) and d.best.hit.chunk.id in {c.id for c in rows}):
            return  # (but "页码是123的条目" names the line by its page alone)
        units = [_row_unit(c) for c in rows]
        d.answerable, d.refusal, d.best = True, "", units[0]
        d.sentences = [(render(u, lang, True, self.glossary, d.terms, False), [u]) for u in units]

    def _with_contents(self, q: str, lang: str, hits: list[Hit]) -> list[Hit]:
        """A question about the book's structure also sees the contents lines named by its words
        ("讲电商的是哪一节？": 电商 is the report's 电子商务, a word retrieval does not match)."""
        main = qmod.split_context(q)[0]
        if not (intent.page(main) or intent.names_contents(main) or re.search(r"[章节]|\b(?:chapter|section|subsection)s?\b", main, re.I)):
            return hits  # ("Where are they based?" is no contents question, though 基地 is a contents word)
        have = {h.chunk.id for h in hits}
        words = [t for t in self._terms.analyse(q, lang)[0] if not t.startswith("~") and self._terms.known(t)]
        extra = [c for c, title in zip(self._toc, self._toc_titles)
                 if c.id not in have and any(self._terms.credit(t, title) > 0 for t in words)]
        return hits + [Hit(c, 0.0) for c in extra]

    def _list_subsections(self, d: extract.Draft, lang: str) -> None:
        """"大致可以归纳为以下四点不足：" heads the 前言's four parts: when the answer is an
        introduction ("以下…：") directly followed by the sections under its own, their headings
        are the list it introduces; each is cited by the first passage under it."""
        best = d.best
        if best is None or best.kind != "sentence" or not best.text.rstrip().endswith(("：", ":")):
            return
        path = tuple(best.hit.chunk.section_path or ())
        key = squash_ws(best.text)
        holders = [c for c in self._chunks_in_order if tuple(c.section_path or ()) == path and key in squash_ws(c.text)]
        if not holders:
            return
        at = max(c.start for c in holders)
        # the list is what follows the introduction: the next passage of another section is a part of it
        nxt = min((c for c in self._chunks_in_order if c.start > at and tuple(c.section_path or ()) != path),
                  key=lambda c: c.start, default=None)
        if nxt is None or tuple(nxt.section_path or ())[: len(path)] != path or len(nxt.section_path) != len(path) + 1:
            self._list_ordinal_items(d, lang, path, at)
            return
        if not scoring.INTRO.search(best.text):
            return  # an introduction says a list follows ("以下四点不足：")
        parts = self._subsections(path)
        if len(parts) < 2:
            return
        units = [best] + [evidence.Unit(Hit(c, 0.0), c.section_path[-1], "sentence", "")
                          for c in parts[: self.settings.answer.max_citations - 1]]
        heads = [c.section_path[-1] for c in parts]
        d.sentences = [(render_subsections(best.text, heads, lang), units)]

    def _related(self, hits: list[Hit], q: str, lang: str) -> list[Citation]:
        out = []
        for h in hits[: self.settings.answer.related]:
            units, _ = scoring.score_units(q, lang, [h], self._terms)
            quote = units[0].text if units else h.chunk.text
            out.append(_citation(len(out) + 1, evidence.Unit(h, quote, units[0].kind if units else "sentence", ""), self._row_context))
        return out

    # ------------------------------------------------------------------ context
    def _row_holder(self, row, fallback: bool = False):
        """The paragraph chunk whose text holds a table row's quote (else, with fallback, the first
        chunk of the row's paragraph)."""
        cands = [p for pid in row.paragraph_ids for p in self._paras_by_pid.get(pid, [])]
        q = squash_ws(row.quote)
        hit = next((p for p in cands if q and q in squash_ws(p.text)), None)
        return hit if hit is not None or not fallback else (cands[0] if cands else None)

    def context(self, chunk_id: str, before: int = 1, after: int = 1) -> list[dict]:
        """The cited passage with the passages around it in the same section (reading order)."""
        h = self.handle
        try:
            target = h.chunk(chunk_id)
        except KeyError:
            seen = self._seen.get(chunk_id)
            if seen is None:
                raise InputError(f"Unknown passage id '{chunk_id}'.") from None
            # a merged pair of neighbours: anchor on its first part
            parts = [c for c in h.chunks if c.kind == "paragraph" and c.section_path == seen.section_path and c.start >= seen.start and c.start < seen.end]
            if not parts:
                return [_ctx(seen, True)]
            target = min(parts, key=lambda c: c.order)
        if target.kind != "paragraph":
            # a table row or record: show the paragraph chunk(s) it was taken from
            anchor = self._row_holder(target, fallback=True)
            if anchor is None:
                return [_ctx(target, True)]
            target = anchor
        before_c, after_c = [], []
        cur = target
        for _ in range(before):
            nb = [c for c in h.neighbours(cur.id) if c.order < cur.order]
            if not nb:
                break
            cur = max(nb, key=lambda c: c.order)
            before_c.insert(0, cur)
        cur = target
        for _ in range(after):
            nb = [c for c in h.neighbours(cur.id) if c.order > cur.order]
            if not nb:
                break
            cur = min(nb, key=lambda c: c.order)
            after_c.append(cur)
        return [_ctx(c, False) for c in before_c] + [_ctx(target, True)] + [_ctx(c, False) for c in after_c]


def _also(hits: list[Hit], chunks) -> list[Hit]:
    """The hits, then the chunks a structural look-up found that they lack (unranked: no rank prior)."""
    have = {h.chunk.id for h in hits}
    return hits + [Hit(c, 0.0) for c in chunks if c.id not in have]


def _after(hits: list[Hit], more: list[Hit]) -> list[Hit]:
    """``hits`` and then the ones of ``more`` not among them, ranked after them (a second look-up
    adds candidates; it does not outrank the first)."""
    have = {h.chunk.id for h in hits}
    extra = [h for h in more if h.chunk.id not in have]
    return hits + [dataclasses.replace(h, rank=len(hits) + i + 1) for i, h in enumerate(extra)]


def _ctx(c, target: bool) -> dict:
    return {"chunk_id": c.id, "paragraph_id": (c.paragraph_ids or ("",))[0], "section": c.section, "page": c.page, "text": c.text, "target": target}


# "第三个是什么？", "最后一个呢？", "What is the second one?": an item by its place, nothing else asked
_NTH_ONLY = re.compile(r"^(?:那|那么)?(?:其中)?(?:第[一二三四五六七八九十\d]+个|最后一个|最后那个)(?:(?:具体)?(?:说的|讲的|指的)?是什么|是啥|是哪个|是哪一个|是谁|是哪位|是哪一位|呢)?[？?。]*$"
                       # "按拼音排在最后的是谁？": the place in the list the answer before gave, by the order it is in
                       r"|^(?:那|那么)?(?:其中)?(?:按(?:照)?[^，,。？?]{1,8}?)?排(?:在|到)?(?:最后|第[一二三四五六七八九十\d]+)(?:一个|一位|位|个|名)?的?(?:是谁|是哪位|是哪一位|是哪个|是哪一个|是什么)[？?。]*$"
                       r"|^(?:and )?(?:what|which) (?:is|was|'s) the (?:first|second|third|fourth|fifth|last)(?: one)?\s*\??$", re.I)


# "因此，…", "所以…": a sentence that concludes from the ones before it
# "具体指的是什么", "what exactly does that refer to": what a point of the text means, in the sentence after it
_SPECIFICALLY = re.compile(r"具体(?:指|是指|表现|体现|说|讲|是什么|是啥|怎么)|指的是什么|\b(?:what exactly|specifically|in concrete terms|concretely)\b", re.I)
# a numbered point of a list ("一是…", "其二，…")
_POINT = re.compile(r"(?:^|[：:，,])\s*(?:[一二三四五六七八九十]是|其[一二三四五六七八九十][，,]|第[一二三四五六七八九十][，,])")
_PLACES_ZH = {"北京市": ("北京市", "北京"), "天津市": ("天津市", "天津"), "河北省": ("河北省", "河北")}  # the three, as parts are named
# a page named as a fact: "第123页开始的是什么？", "页码都是123", "page 123"
_PAGE_GIVEN = re.compile(r"第\s*(\d{1,3})\s*页|页码(?:都|均|也)?(?:是|为)\s*(\d{1,3})|\b(?:on|at) page\s+(\d{1,3})\b", re.I)
# "And Tianjin?", "What about Hebei?", "How about for Tianjin then?"
_BARE_PLACE_EN = re.compile(r"^\s*(?:and|what about|how about|and what about|and for)?\s*(?:for|in)?\s*[A-Z][a-z]+(?:-[A-Z][a-z]+)*(?:'s)?\s*(?:then|too)?\s*\??\s*$", re.I)
_CONTACT_FIELDS = ("电话", "邮编", "地址")  # the fields the record gives twice: the publisher's and its reader service's
# the words that name whose they are: the reader service's (who replaces misprinted copies), or the press's
_SERVICE_CUES = re.compile(r"读者|服务部|调换|印装|装订|缺页|错页|\b(?:misprint\w*|bound|swap\w*|replace\w*|exchange\w*|defect\w*|readers?|change|print(?:ed|ing)? wrong)\b", re.I)
_PRESS_CUES = re.compile(r"出版社|出版发行|出版者|\b(?:publisher|press)\b", re.I)
_SERVICE_FIELDS = ("contact_address", "service_phone", "postcode")
# what a person does, every role asked ("都担任了什么角色", "是什么身份", "承担了哪些工作")
_ROLES_ASKED = re.compile(r"角色|身份|(?:担任|承担|兼任|扮演)了?(?:哪些|什么|几个|几种|哪几)|(?:哪些|哪几项|几项|什么)(?:工作|职务|职责)|(?:都|分别)(?:做|干|负责)了?(?:哪些|什么)")
# "那应该怎么解决？", "有什么对策？": what is to be done about the problem just quoted
_REMEDY_ASKED = re.compile(r"^(?:那|那么)?(?:前言|报告|书里)?(?:说|认为|建议)?(?:应该|应当|该|要|能|可以)?(?:怎么|如何|怎样|咋)(?:去)?(?:解决|应对|办|破解|改善|处理|改变|缓解)"
                           r"|^(?:那|那么)?(?:有|给了?|提出了?)?(?:什么|哪些)(?:对策|办法|解决办法|解决方案|建议|出路)")
_REMEDY_SAID = re.compile(r"[，,]\s*应(?![用])|应该|应当|需要|必须|要(?:加快|加强|推进|建立|完善)|可从|建议")
# how many wrote a work ("有几位作者", "How many authors")
_AUTHORS_COUNTED = re.compile(r"(?:几|多少)(?:位|个|名)?(?:作者|著者|编者|人(?:写|编|合著))|\bhow many (?:authors|people wrote)\b", re.I)
_PRESS_FIELDS = ("publisher_address", "publisher_postcode", "phone", "website")
# how to reach someone, no one field named ("联系方式", "怎么联系", "How can I contact the publisher?")
_CONTACT_ALL = re.compile(r"联系方式|联络方式|通讯方式|通信方式|(?:怎么|怎样|如何|咋)(?:才能)?(?:联系|联络|找到?)|联系(?:信息|办法)"
                          r"|\bcontact (?:details|information|info)\b|\bhow (?:can|do|could|should|would) (?:i|we|one|you|readers?) (?:contact|reach|get in touch with)\b", re.I)
_ONE_CONTACT_FIELD = re.compile(r"电话|地址|邮编|邮政编码|网址|网站|邮箱|传真|\b(?:phone|telephone|address|post ?code|zip|website|web site|url|e-?mail|fax)\b", re.I)
_CONCLUSION = re.compile(r"^\s*(?:因此|所以|由此|因而|故而|可见|由此可见|综上所述)[，,]?")


def _first_point(u):
    """The match of a sentence's point "一是…" (its words in group 1); None when it begins no points."""
    if u.kind != "sentence":
        return None
    return re.search(r"(?:^|[：:，,。])\s*((?:一是|其一)[^。；;]*)", u.text)


def _table(u) -> str | None:
    return (u.hit.chunk.meta or {}).get("table")


def _citation(n: int, u: evidence.Unit, row_context: dict[str, str]) -> Citation:
    c = u.hit.chunk
    return Citation(
        n=n,
        chunk_id=c.id,
        section=c.section,
        page=c.page,
        quote=u.text,
        text=row_context.get(c.id, c.text),
        score=float(u.hit.score),
        kind=c.kind,
        paragraph_ids=tuple(c.paragraph_ids),
    )


_BOOK_PART = re.compile(r"总序|前言|后记|附录|大事记|参考文献|第[一二三四五六七八九十]+[章节]")


def _parts_asked(q: str) -> list[str]:
    """The chapters (and the appendix) a question names: ["第二章"], ["第三章", "第四章"], ["附录"]."""
    out = re.findall(r"第[一二三四五六七八九十]+章", q)
    out += [f"第{intent.cn_number(int(n))}章" for n in re.findall(r"\bchapters?\s+(\d{1,2})\b", q, re.I)]
    out += [f"第{intent.cn_number(int(n))}章" for n in re.findall(r"\bchapters\s+\d{1,2}\s+and\s+(\d{1,2})\b", q, re.I)]
    # ("Who drafted chapter two?", "the second chapter")
    out += [f"第{intent.cn_number(intent.en_count(w))}章" for w in re.findall(r"\bchapters?\s+(one|two|three|four)\b", q, re.I)]
    out += [f"第{intent.cn_number(intent.en_count(w))}章" for w in re.findall(r"\b(first|second|third|fourth)\s+chapter\b", q, re.I)]
    if re.search(r"附录|\bappendix\b", q, re.I):
        out.append("附录")
    return list(dict.fromkeys(out))
