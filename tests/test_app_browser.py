"""The web app in a real headless Chromium (Debian's /usr/bin/chromium; never a downloaded browser).

One page is driven through a whole conversation, in order: start-up status, a Chinese
question, its follow-up, an English question, a source shown in context, a refusal, an
HTML-injection attempt, the briefing download and a new conversation. Screenshots and the
measured first-answer time go to tests/artifacts/ (see its README).

Set up once with `bash scripts/install-browser.sh`.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
XSS = "<img src=x onerror=alert(1)>"
ANSWER_TIMEOUT_MS = 120_000
READY_TIMEOUT_MS = 900_000  # first start builds the index


@pytest.fixture(scope="module")
def browser_page(app_server):
    if not CHROMIUM.exists():
        pytest.fail("no /usr/bin/chromium: run `bash scripts/install-browser.sh` first")
    sync_api = pytest.importorskip("playwright.sync_api")
    url, _home, log = app_server
    ARTIFACTS.mkdir(exist_ok=True)
    external: list[str] = []
    dialogs: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True, locale="zh-CN")
        page = ctx.new_page()
        page.on("request", lambda r: external.append(r.url) if not _local(r.url) else None)
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(url, wait_until="load")
        page.external_requests = external  # type: ignore[attr-defined]
        page.dialogs = dialogs  # type: ignore[attr-defined]
        page.app_log = log  # type: ignore[attr-defined]
        yield page
        ctx.close()
        browser.close()


def _local(url: str) -> bool:
    return url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:"))


def _shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def _ask(page, question: str) -> tuple[float, str]:
    """Type a question, press Enter, wait for the answer; returns (ms to first answer, answer text)."""
    bots_before = page.locator("#chat .message.bot:not(.pending)").count()
    box = page.locator("#question textarea")
    box.fill(question)
    t0 = time.perf_counter()
    box.press("Enter")
    # the answer is in when a bot message has appeared and the sources panel has been redrawn for it
    page.wait_for_function(
        "n => document.querySelectorAll('#chat .message.bot:not(.pending)').length > n", arg=bots_before, timeout=ANSWER_TIMEOUT_MS
    )
    ms = (time.perf_counter() - t0) * 1000
    page.wait_for_function("() => !document.querySelector('#chat .pending')", timeout=ANSWER_TIMEOUT_MS)
    page.wait_for_timeout(300)  # the sources panel is updated by the same event; let it render
    return ms, page.locator("#chat .message.bot:not(.pending)").last.inner_text()


def _sources_text(page) -> str:
    return page.locator("#sources").inner_text()


TIMINGS: dict[str, float] = {}


def test_01_start_shows_progress_then_ready_and_stays_offline(browser_page):
    page = browser_page
    page.wait_for_selector("#question textarea")
    status = page.locator("#status").inner_text()
    assert status.strip(), "the status line is empty on start"
    _shot(page, "01_start.png")
    page.wait_for_selector("#status .st-ok", timeout=READY_TIMEOUT_MS)
    ready = page.locator("#status").inner_text()
    assert "Ready" in ready and "passages" in ready, f"status line after start: {ready!r}"
    page.locator("#settings button.label-wrap").click()  # open the settings accordion: embedder + index are shown read-only
    page.wait_for_selector("#info :text('Embedder')")
    info = page.locator("#info").inner_text()
    assert "Embedder" in info and "Index" in info, f"read-only index info missing: {info!r}"
    _shot(page, "01_ready.png")
    page.locator("#settings button.label-wrap").click()


def test_02_chinese_question_has_markers_and_sources(browser_page):
    page = browser_page
    ms, text = _ask(page, "天津2013年R&D投入强度是多少？")
    TIMINGS["zh (first question)"] = ms
    assert re.search(r"\[\d+\]", text), f"no [n] citation marker in the answer: {text!r}"
    assert "3.0" in text, f"Tianjin's 2013 R&D intensity (3.0%) is not in the answer: {text!r}"
    cards = page.locator("#sources .src-card")
    assert cards.count() >= 1, f"sources panel is empty: {_sources_text(page)!r}"
    assert page.locator("#sources .src-card mark").count() >= 1, "the answering span is not highlighted"
    head = cards.first.locator(".src-head").inner_text()
    assert re.match(r"\[1\]", head.strip()), f"first source should be [1] with its section: {head!r}"
    assert page.locator("#context .ctx-p.target").count() == 1, "the first source is not shown in context"
    _shot(page, "02_zh_answer.png")


def test_03_follow_up_shows_the_rewritten_question(browser_page):
    page = browser_page
    ms, text = _ask(page, "那河北呢？")
    TIMINGS["zh follow-up"] = ms
    chat = page.locator("#chat").inner_text()
    m = re.search(r"追问理解为：(.+)", chat)
    assert m, f"the rewritten follow-up question is not shown:\n{chat}"
    assert "河北" in m.group(1) and "2013" in m.group(1), f"rewrite should carry the year over: {m.group(1)!r}"
    assert "1.12" in text and re.search(r"\[\d+\]", text), f"Hebei's 2013 R&D intensity (1.12%) missing: {text!r}"
    _shot(page, "04_followup.png")


def test_04_english_question(browser_page):
    page = browser_page
    ms, text = _ask(page, "What was Beijing's per-capita public education spending in 2012?")
    TIMINGS["en"] = ms
    assert re.search(r"\[\d+\]", text), f"no [n] marker in the English answer: {text!r}"
    assert "3038" in text.replace(",", ""), f"Beijing's 2012 figure (3038 yuan) missing: {text!r}"
    assert page.locator("#sources .src-card").count() >= 1, "no sources for the English answer"
    _shot(page, "03_en_answer.png")


def test_05_clicking_a_marker_shows_the_passage_in_context(browser_page):
    page = browser_page
    page.locator("#chat .cite").last.click()
    page.wait_for_selector("#context .ctx-p.target")
    target = page.locator("#context .ctx-p.target").inner_text()
    first_card = page.locator("#sources .src-card").first.locator(".src-text mark").inner_text()
    assert first_card.strip()[:10] in target, f"context does not show the cited passage:\n{target}\n---\n{first_card}"
    _shot(page, "05_context.png")


def test_06_refusal_lists_related_passages_separately(browser_page):
    page = browser_page
    _ms, text = _ask(page, "上海市2013年R&D投入强度是多少？")
    assert not page.locator("#sources .src-card:not(.related)").count(), "a refusal must not cite passages"
    assert page.locator("#sources .src-kind.refusal").count() == 1, f"no refusal heading: {_sources_text(page)!r}"
    assert page.locator("#sources .src-card.related").count() >= 1, "refusal without related passages"
    assert "没有" in text or "not" in text.lower(), f"the answer does not say the report lacks it: {text!r}"
    _shot(page, "06_refusal.png")


def test_07_html_in_a_question_is_shown_as_text(browser_page):
    page = browser_page
    imgs_before = page.locator("img").count()
    _ask(page, f"{XSS} 北京市2013年R&D投入强度是多少？")
    page.wait_for_timeout(500)  # give a smuggled onerror handler time to fire
    user_bubbles = page.locator("#chat .message.user")
    assert XSS in user_bubbles.last.inner_text(), f"the question is not shown verbatim: {user_bubbles.last.inner_text()!r}"
    assert page.locator("img[src='x']").count() == 0, "an <img> element was created from the question"
    assert page.locator("img").count() == imgs_before, "new images appeared on the page"
    assert page.dialogs == [], f"a dialog fired: {page.dialogs}"
    _shot(page, "07_xss.png")


def test_07b_bad_input_is_a_plain_message(browser_page):
    page = browser_page
    _ms, text = _ask(page, "？？？ !!!")
    assert "Cannot answer" in text and "Traceback" not in text, f"bad input should be a plain message: {text!r}"


def test_08_briefing_download_has_footnotes(browser_page):
    page = browser_page
    with page.expect_download(timeout=30_000) as dl:
        page.locator("#export-briefing").click()
    path = ARTIFACTS / "briefing.md"
    dl.value.save_as(str(path))
    md = path.read_text(encoding="utf-8")
    assert "天津2013年R&D投入强度是多少？" in md and "那河北呢？" in md, f"questions missing:\n{md[:800]}"
    notes = re.findall(r"^\[\^(\d+)\]: ", md, re.M)
    refs = set(re.findall(r"\[\^(\d+)\](?!:)", md))
    assert notes and refs <= set(notes), f"footnote references without footnotes: {refs - set(notes)}\n{md}"
    assert [int(n) for n in notes] == list(range(1, len(notes) + 1)), f"footnotes not numbered 1..n: {notes}"
    assert "<img" not in md.replace("\\<img", ""), "raw HTML from the question reached the briefing"


def test_09_new_conversation_clears_everything(browser_page):
    page = browser_page
    page.locator("#new-conversation").click()
    page.wait_for_function("() => document.querySelectorAll('#chat .message').length === 0")
    assert page.locator("#sources .src-card").count() == 0, "sources panel not cleared"
    assert page.locator("#export-briefing").is_disabled(), "briefing download should be disabled when empty"


def test_10_report_timings_and_no_external_requests(browser_page):
    lines = [f"{k}: {v:.0f} ms" for k, v in TIMINGS.items()]
    server = re.findall(r"answered in (\d+) ms", browser_page.app_log.read_text())
    (ARTIFACTS / "first_answer_ms.txt").write_text(
        "time from pressing Enter to the answer appearing (headless Chromium, this machine)\n"
        + "\n".join(lines)
        + f"\nAssistant.ask time per answer, server side, in order: {', '.join(server)} ms\n",
        encoding="utf-8",
    )
    ext = browser_page.external_requests
    (ARTIFACTS / "external_requests.txt").write_text("\n".join(ext) + ("\n" if ext else ""), encoding="utf-8")
    assert ext == [], f"the page tried to reach other hosts (must work offline): {ext[:10]}"
