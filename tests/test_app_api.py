"""The app's /ask endpoint through gradio_client, against the running app (see conftest.app_server).

It must return exactly what `jjj ask --json` prints: AskResult.to_json() of the same question
asked of an Assistant on the same index (timings aside, which are measured per call).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

KEYS = ["question", "rewritten_question", "language", "answer", "answerable", "citations", "related", "timings_ms"]
CITATION_KEYS = ["n", "chunk_id", "section", "page", "quote", "text", "score"]


@pytest.fixture(scope="module")
def client(app_server):
    from gradio_client import Client

    url, _home, _log = app_server
    return Client(url, verbose=False, analytics_enabled=False, download_files=False)


@pytest.fixture(scope="module")
def assistant(app_server, client):
    """An Assistant in this process on the app's index (built by the app: the first call waits for it)."""
    from assistant import Assistant, Settings

    client.predict("ISBN", api_name="/ask")  # returns once the app has built and opened the index
    _url, home, _log = app_server
    return Assistant.load(Settings(index={"index_dir": home}), build_if_missing=False)


def _diff(got: dict, want: dict) -> str:
    """The fields that differ, citations field by field; empty when the answers are the same.

    Timings differ per call, and scores may differ in their last float32 digits between two
    processes (BM25 sums come out in hash-seed-dependent order): a 1e-5 relative tolerance."""
    out = []
    for key in KEYS[:-1]:
        if key in ("citations", "related"):
            for i, (a, b) in enumerate(zip(got[key], want[key])):
                out += [f"{key}[{i}].{f}: api={a[f]!r} assistant={b[f]!r}" for f in a if a[f] != b.get(f) and f != "score"]
                if abs(a["score"] - b["score"]) > 1e-5 * max(1.0, abs(b["score"])):
                    out.append(f"{key}[{i}].score: api={a['score']!r} assistant={b['score']!r}")
            if len(got[key]) != len(want[key]):
                out.append(f"{key}: api has {len(got[key])}, assistant {len(want[key])}")
        elif got[key] != want[key]:
            out.append(f"{key}: api={got[key]!r} assistant={want[key]!r}")
    return "\n".join(out)


def test_only_ask_is_public(client):
    endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert list(endpoints) == ["/ask"], f"UI events must not be public API endpoints: {list(endpoints)}"


@pytest.mark.parametrize("question", ["天津2013年R&D投入强度是多少？", "Who published the report?"])
def test_ask_returns_the_cli_json(client, assistant, question):
    got = client.predict(question, api_name="/ask")
    assert isinstance(got, dict) and list(got) == KEYS, f"JSON shape differs from `jjj ask --json`: {list(got)}"
    for c in got["citations"] + got["related"]:
        assert list(c) == CITATION_KEYS, f"citation shape: {list(c)}"
        assert c["quote"].strip() and c["section"], f"citation without quote or section: {c}"
    assert got["answerable"] and got["citations"], f"expected a cited answer for {question!r}: {got['answer']!r}"
    want = assistant.ask(question).to_json()
    assert not _diff(got, want), f"API differs from Assistant.ask:\n{_diff(got, want)}"
    assert set(got["timings_ms"]) == set(want["timings_ms"]), (got["timings_ms"], want["timings_ms"])


def test_history_makes_follow_ups_work(client, assistant):
    got = client.predict("那河北呢？", ["天津2013年R&D投入强度是多少？"], api_name="/ask")
    first = assistant.ask("天津2013年R&D投入强度是多少？")
    want = assistant.ask("那河北呢？", history=[first.as_turn()]).to_json()
    assert "河北" in got["rewritten_question"], f"follow-up not rewritten: {got['rewritten_question']!r}"
    assert not _diff(got, want), f"API differs from Assistant.ask:\n{_diff(got, want)}"


def test_k_and_mode_are_passed_through(client, assistant):
    q = "北京市2013年R&D投入强度是多少？"
    got = client.predict(q, None, 3, "bm25", api_name="/ask")
    want = assistant.ask(q, k=3, mode="bm25").to_json()
    assert not _diff(got, want), f"API differs from Assistant.ask:\n{_diff(got, want)}"


def test_bad_input_is_a_plain_error(client):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError) as e:
        client.predict("   ", api_name="/ask")
    assert "empty" in str(e.value).lower() and "Traceback" not in str(e.value), str(e.value)
    with pytest.raises(AppError, match="mode"):
        client.predict("ISBN", None, None, "nonsense", api_name="/ask")
