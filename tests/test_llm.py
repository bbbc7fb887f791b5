"""The optional LLM answerer, against a real local OpenAI-compatible HTTP server started by the test.

The server plays a model that answers from the numbered passages it is sent, and also slips in
one unsupported sentence (a number no passage holds) and one sentence citing a passage that does
not exist: both must be dropped, and the answer must say so.
"""

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant import prompts
from assistant.llm import LLMAnswerer
from assistant.settings import AnswerSettings, LLMSettings
from index.model import Chunk, Hit

REPORT_SENTENCES = [
    "北京市、天津市、河北省2013年R&D投入强度分别达到6.08%、3.0%、1.12%，但是北京市的专利授权量与密度均高于天津市、河北省。",
    "2012年北京市、天津市、河北省三地人均公共教育支出分别为3038元、2680元、1188元，北京市是河北省的2.56倍。",
]


class FakeModel(BaseHTTPRequestHandler):
    requests: list = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeModel.requests.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": body})
        user = body["messages"][-1]["content"]
        if "天气" in user:
            content = prompts.LLM_NOT_IN_REPORT
        else:
            n = next(int(m.group(1)) for m in re.finditer(r"\[(\d+)\] [^\n]*", user) if "1.12%" in m.group(0))
            content = f"2013年河北省R&D投入强度为1.12%。[{n}]河北省的专利授权量为999件。[{n}]天津为3.0%。[9]"
        out = {
            "id": "x", "object": "chat.completion", "created": 0, "model": body["model"],
            "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }
        data = json.dumps(out).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *a):
        pass


@pytest.fixture(scope="module")
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), FakeModel)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}/v1"
    srv.shutdown()


def _hits():
    hits = []
    for i, text in enumerate(reversed(REPORT_SENTENCES), 1):
        c = Chunk(id=f"c{i}", text=text, kind="paragraph", section_path=("前言", f"part{i}"), page=None, source="r", start=0, end=len(text))
        hits.append(Hit(c, 1.0 / i, i))
    return hits


def test_llm_answer_is_verified_marker_by_marker_and_number_by_number(server, monkeypatch):
    monkeypatch.setenv("JJJ_TEST_KEY", "sk-test-123")
    llm = LLMAnswerer(LLMSettings(enabled=True, base_url=server, model="local-test", api_key_env="JJJ_TEST_KEY"))
    r = llm.answer("河北呢？", "河北2013年R&D投入强度是多少？", "zh", _hits(), AnswerSettings())
    assert r.answerable
    assert r.answer.startswith("2013年河北省R&D投入强度为1.12%。[1]"), r.answer
    assert "999" not in r.answer, "a number no passage holds must be dropped"
    assert "[9]" not in r.answer and "3.0%" not in r.answer, "a marker to a passage that does not exist must be dropped"
    assert prompts.UNVERIFIED_DROPPED["zh"] in r.answer
    assert len(r.citations) == 1
    c = r.citations[0]
    assert c.quote in c.text and "1.12%" in c.quote
    req = FakeModel.requests[-1]
    assert req["path"].endswith("/chat/completions")
    assert req["auth"] == "Bearer sk-test-123", "the key comes from the named environment variable"
    assert "[1]" in req["body"]["messages"][-1]["content"] and "[2]" in req["body"]["messages"][-1]["content"]


def test_llm_refusal_is_passed_through_as_unanswerable(server):
    llm = LLMAnswerer(LLMSettings(enabled=True, base_url=server, model="local-test"))
    r = llm.answer("明天北京天气怎么样？", "明天北京天气怎么样？", "zh", _hits(), AnswerSettings())
    assert not r.answerable and r.citations == [] and len(r.related) == 2
    assert r.answer == prompts.REFUSAL["zh"]


def test_unreachable_llm_is_a_plain_error():
    from assistant.errors import LLMError

    llm = LLMAnswerer(LLMSettings(enabled=True, base_url="http://127.0.0.1:9/v1", model="m", timeout_s=2))
    with pytest.raises(LLMError) as e:
        llm.answer("q", "q", "zh", _hits(), AnswerSettings())
    assert "127.0.0.1:9" in e.value.message
