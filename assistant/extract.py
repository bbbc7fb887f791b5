"""The default answerer: extractive and exact, no LLM.

Given the (rewritten) question and the retrieved hits, ``assistant.scoring`` scores evidence units --
sentences of paragraph chunks and whole table rows (``assistant.evidence``) -- by how much of the
question they cover (IDF-weighted terms, with English questions expanded into the report's Chinese
terms through the glossary) under hard constraints (an asked year must be in the evidence, an asked
region must match, a numeric question needs a number next to the asked indicator). Here the best
unit becomes the direct answer; a table row is preferred for numeric questions and rendered as a
sentence; a list takes the rows or sentences that answer as well; a count or a difference is
computed from the quoted figures. Every sentence carries a [n] marker and every number it states is
checked against its cited quote.

Around it: ``assistant.asked`` (what the question asks), ``assistant.terms`` (its weighted terms),
``assistant.intent`` (what kind of answer the wording asks for) and ``assistant.render`` (the answer
sentence, in either language).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from assistant import derive, intent, prompts, question as qmod
from assistant.evidence import CONTENTS_LINE, Unit, countable, has_years, is_toc_row, counts_the_named, named_items, next_sentence, row_field, toc_level
from assistant.render import en_name, en_term, en_value, render
from assistant.asked import NUM_RE
from assistant.scoring import HARD_FAILURES, PART_OF_PLACES, score_units
from assistant.terms import Terms
from index.model import Hit
from index.text import squash_ws

LIST_SHARE = 0.8  # a list answer takes the rows scoring at least this share of the best one
_EXAMPLES = re.compile(r"^(例如|比如|譬如|如|包括|主要有|主要包括|其中|分别是|具体)")

@dataclass
class Draft:
    """An answer before numbering: sentences, each with the units it rests on."""

    answerable: bool
    sentences: list[tuple[str, list[Unit]]]
    best: Unit | None
    refusal: str = ""
    support: float = 0.0
    numeric: bool = False
    terms: dict = field(default_factory=dict)
    listing: bool = False  # a list question
    derived: set[str] = field(default_factory=set)  # numbers computed from quoted ones (derive.py)


def draft(q: str, lang: str, hits: Sequence[Hit], terms: Terms, min_support: float, glossary,
          lead: Mapping[str, str] | None = None) -> Draft:
    units, a = score_units(q, lang, hits, terms, lead)
    qyears = a.years
    if not units:
        return Draft(False, [], None, prompts.REFUSAL[lang])
    if qyears and not any(has_years(u, qyears) for u in units):
        missing = [y for y in qyears if not any(has_years(u, [y]) for u in units)] or qyears
        return Draft(False, [], units[0], prompts.REFUSAL_YEAR[lang].format(year="、".join(missing) if lang == "zh" else ", ".join(missing)) + " " + prompts.REFUSAL[lang], units[0].score)
    # Hard constraints: evidence that misses an asked year or region, a numeric question without a
    # number next to the asked indicator, or a contents line for a question not about the book's
    # structure cannot be the answer, however well it scores otherwise.
    ok = [u for u in units if not any(r in HARD_FAILURES for r in u.reasons)]
    best = ok[0] if ok else units[0]
    if not ok or best.score < min_support:
        apart = _place_by_place(units, a, min_support)
        if apart:
            # "2013年北京第三产业比重和天津第二产业比重分别是多少？": each place asked with its own
            # indicator is answered by its own passage
            return Draft(True, [(render(u, lang, a.numeric, glossary, a.qterms, False), [u]) for u in apart],
                         apart[0], support=min(u.score for u in apart) / PART_OF_PLACES, numeric=a.numeric, terms=a.qterms)
        return Draft(False, [], best, prompts.REFUSAL[lang], best.score)
    all_units, units = units, ok
    if best.kind == "sentence" and CONTENTS_LINE.search(best.text):
        # a line of the contents passage: its table row knows its chapter, section and title
        same = squash_ws(best.text)
        twin = next((u for u in ok if is_toc_row(u) and squash_ws(u.text) == same), None)
        if twin is not None:
            best = twin
    # the figures of several places asked together ("2013年京、津、冀三地分别是多少？", "What were the R&D
    # intensities of Beijing, Tianjin and Hebei?"): each place's row is a part of the answer
    by_place = a.numeric and (len({r.id for r in a.regions}) > 1 or (
        # (京津冀 asked, "三地2013年的研发投入强度各是多少？": the rows of the sentence that names the three)
        best.kind == "row" and any(r.id == qmod.WHOLE_REGION for r in a.regions) and qmod.names_the_three(best.text)))
    if (a.list_q or by_place) and best.kind == "sentence":
        # the same evidence as a table row: the row lists with its siblings
        same = squash_ws(best.text)
        twin = next((u for u in ok if u.kind == "row" and squash_ws(u.text) and squash_ws(u.text) in same
                     and u.score >= LIST_SHARE * best.score), None)
        if twin is not None:
            best = twin
    chosen = [best]
    if a.list_q and best.kind == "sentence" and "、" not in best.text:
        # "北京市形成了一批具有特色的产业集群。例如，以中关村为依托的…": the list follows the intro
        nxt = next_sentence(best)
        if nxt and _EXAMPLES.match(nxt):
            follow = next((u for u in all_units if u.hit.chunk.id == best.hit.chunk.id and u.text == nxt), None)
            if follow is not None:
                chosen.append(follow)
    if a.list_q or by_place:
        # "本书得到了哪些基金项目的资助？" / "Give the project numbers of the … grants": the other rows of
        # the same table, or sentences of the same section, that answer as well as the best one are
        # part of the answer
        table = (best.hit.chunk.meta or {}).get("table") if best.kind == "row" else None
        def key_of(u: Unit) -> str:
            # one sentence read off as several places' rows ("北京市、天津市、河北省…分别达到…"): each a part of the answer
            return squash_ws(u.text) + (f"|{row_field(u, 'region')}" if u.kind == "row" and by_place else "")

        seen = {key_of(best)}
        for u in ok[1:]:
            key = key_of(u)
            if u.score < LIST_SHARE * best.score or key in seen or any(key in k or k in key for k in seen):
                continue
            same = u.hit.chunk.section == best.hit.chunk.section and (
                (u.hit.chunk.meta or {}).get("table") == table if best.kind == "row" else u.kind == "sentence")
            if same and is_toc_row(best) and toc_level(u.hit.chunk) != toc_level(best.hit.chunk):
                continue  # the chapter asked for lists with other chapters, not with its own sections
            if same and u.kind == best.kind:
                chosen.append(u)
                seen.add(key)
        if by_place and all(u.kind == "row" and row_field(u, "region") for u in chosen):
            # in the order the places were asked
            # (or, the three asked as one, in the order the sentence names them)
            chosen.sort(key=lambda u: next((i for i, r in enumerate(a.regions) if any(z in row_field(u, "region") for z in r.zh)),
                                           len(a.regions) + max(best.text.find(row_field(u, "region")), 0)))
    sentences: list[tuple[str, list[Unit]]] = [(render(u, lang, a.numeric, glossary, a.qterms, a.list_q), [u])
                                               for u in chosen]
    derived: set[str] = set()
    items = countable(best) if a.count_q else []
    if len(items) >= 2 and not NUM_RE.search(best.text):
        # the count is the number of names the cited row lists
        label = row_field(best, "label")
        if lang == "zh":
            head = f"{label}共{intent.cn_number(len(items))}{intent.count_unit(q) or '个'}："
            sentences.insert(0, (head + "、".join(items) + "。", [best]))
        else:
            to_en = glossary.to_en if glossary is not None else (lambda t: None)
            label_en = to_en(label) or (to_en(label[:-2]) if label.endswith("成员") else None) or label
            sentences.insert(0, (f"The {label_en} lists {len(items)}: " + ", ".join(
                f"{en_name(n, glossary)}" for n in items) + ".", [best]))
            derived = {str(len(items))}
        sentences = sentences[:1]
    elif a.count_q and best.kind == "sentence" and len(names := named_items(best.text, q)) >= 2 and counts_the_named(q, best.text, names):
        # "总序点了几家已经驶入快车道的企业？是哪些？": the names the cited sentence lists, counted
        if lang == "zh":
            n = "两" if len(names) == 2 else intent.cn_number(len(names))
            head = f"文中列出{n}{intent.count_unit(q) or '个'}：" + "、".join(names) + "。"
        else:
            head = f"The passage names {len(names)}: " + ", ".join(en_name(n, glossary) for n in names) + "."
        derived = {str(len(names))}  # (a count the quote does not state)
        sentences.insert(0, (head, [best]))
    calc = _calculation(q, lang, best)
    if calc is not None:
        # "比河北高多少元？": the difference of two quoted figures, shown as a calculation on them
        sentences.insert(0, (derive.render(calc, lang, lambda s: _en_label(s, glossary), en_value), [best]))
        derived = derive.numbers(calc)
        if calc.kind in ("rank", "total"):
            sentences = sentences[:1]  # (the ranking names every figure: the rows read off the sentence repeat it)
    return Draft(True, sentences, best, support=best.score, numeric=a.numeric, terms=a.qterms,
                 listing=a.list_q, derived=derived)


def _place_by_place(units: Sequence[Unit], a, min_support: float) -> list[Unit]:
    """One passage for each of the regions asked together, when no passage names them all: each
    passage fails only for the places it leaves out and answers as well as a whole answer would."""
    if a.side_by_side or len(a.must_all) < 2 or any(e.category != "region" for e in a.must_all):
        # (set side by side, every place must be spoken of with what is asked: "How does Beijing's
        # subway compare with Shanghai's?" is not answered by Shanghai's history as a growth pole)
        return []
    fine = [u for u in units if u.places and all(r == "only some of the places asked" or r not in HARD_FAILURES
                                                 for r in u.reasons) and u.score >= PART_OF_PLACES * min_support]
    chosen: list[Unit] = []
    for e in a.must_all:
        u = next((u for u in fine if e.id in u.places and u not in chosen), None)
        if u is None:
            return []
        chosen.append(u)
    return chosen


def _place_name(n: str) -> str:
    """The place an enumerated name is ("河北省2013年…" -> 河北省), or the name itself."""
    return next((m.slot.zh[0] for m in qmod.mentions(n) if m.slot.category == "region"), n)


def _calculation(q: str, lang: str, best: Unit) -> "derive.Calculation | None":
    kind = derive.asked(qmod.split_context(q)[0], lang)
    if kind is None and (top := derive.extreme_asked(qmod.split_context(q)[0], lang)):
        # "三地中哪个地方R&D投入强度最高？": the highest of the figures the sentence lists together
        return derive.extreme(best.text, top, _place_name)
    if kind is None:
        return None
    # every region named, "than Hebei" included: here the reference is the second figure
    main, ctx = qmod.split_context(q)
    # (the places of the question proper, not those of the sentences that set it up: "The report says Beijing spends
    # 2.56 times what Hebei does … What's the equivalent multiple for Tianjin over Hebei?")
    setting = qmod.preamble(main)[1]
    proper = main[len(setting):] if setting and main.startswith(setting) else main
    if lang == "en" and (last := re.search(r"(?<=[.!;])\s+([^.!;?]*\?)\s*$", main)):
        proper = last.group(1)  # (the last sentence, the one that asks)
    regions = list(dict.fromkeys(m.slot for m in qmod.mentions(proper) if m.slot.category == "region"))
    if len(regions) < 2 and proper != main:
        regions = list(dict.fromkeys(m.slot for m in qmod.mentions(main) if m.slot.category == "region"))
    if not regions and ctx and len(earlier := list(dict.fromkeys(m.slot for m in qmod.mentions(ctx) if m.slot.category == "region"))) >= 2:
        # "So which has more, and by roughly how many? (following up: And with Hebei? … with Tianjin?)": the places the
        # conversation asked about, in the order it named them
        regions = list(reversed(earlier[:2])) if ctx.find(earlier[0].zh[0]) > ctx.find(earlier[1].zh[0]) >= 0 else earlier[:2]
    if len(regions) == 1 and ctx:
        # "比北京低多少个百分点？（接上问：河北…）": the earlier question names the first figure's region
        earlier = [m.slot for m in qmod.mentions(ctx) if m.slot.category == "region" and m.slot != regions[0]]
        regions = earlier[:1] + regions
    text = best.text
    if kind == "rank":
        # "京津冀三地中河北排老几？": the place named last that the enumeration lists (not 京津冀)
        return next((c for r in reversed(regions) if (c := derive.rank(text, r.zh, _place_name))), None)
    if len(regions) >= 2:
        a, b = regions[0], regions[1]
        if kind == "ratio" and derive.reference_first(main):
            a, b = b, a  # "how many times Hebei's level was Beijing's": Beijing's against Hebei's
        return derive.compute(kind, text, a.zh, b.zh)
    if kind == "sum":
        # "2012年京津冀三地人均公共教育支出加起来一共是多少元？": every place the sentence lists (a sum is of places' figures,
        # not of a figure's start and end)
        if re.search(r"三地|三个地方|三省市|京津冀|\b(?:all three|the three|three places|three regions)\b", main, re.I):
            return derive.total(text, _place_name)
        return None
    percent = bool(re.search(r"百分点|比重|比例|占比|percentage|share|proportion|percent", q, re.I))
    return derive.compute(kind, text, (), (), percent=percent)


def _en_label(label: str, glossary) -> str:
    """"2013年" -> "2013", "北京市" -> "Beijing" (the glossary's name, as render writes regions)."""
    if re.fullmatch(r"\d{4}年", label):
        return label[:-1]
    return en_term(label, glossary.to_en) if glossary is not None else label
