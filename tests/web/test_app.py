"""The web app over a store: pages, their JSON twins, the brief API and its errors (real models)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsfuse.api import ingest
from newsfuse.settings import Settings
from newsfuse.web import create_app
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.models

DEMO = EXAMPLES / "harbor-collapse"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = tmp_path_factory.mktemp("web") / "store.db"
    settings = Settings.load({"db": str(db)})
    ingest([DEMO], settings)
    return TestClient(create_app(settings))


def _story_id(client: TestClient) -> str:
    doc = client.get("/stories.json").json()
    assert doc["schema"] == "newsfuse/stories@1" and len(doc["stories"]) == 1
    return str(doc["stories"][0]["id"])


def test_stories_page_and_its_json(client: TestClient) -> None:
    sid = _story_id(client)
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert f'href="/stories/{sid}"' in page.text and "default-src 'none'" in page.headers["content-security-policy"]
    assert "/tmp" not in page.text and "pytest" not in page.text  # the store by its file name, never the server's folders


def test_a_story_in_every_format(client: TestClient) -> None:
    sid = _story_id(client)
    doc = client.get(f"/stories/{sid}.json").json()
    assert doc["schema"] == "newsfuse/brief@1" and doc["story"]["id"] == sid and doc["facts"]
    texts = {s["id"]: s["text"] for s in doc["sources"]}
    assert all(texts[e["source"]][e["start"] : e["end"]] == e["text"] for f in doc["facts"] for e in f["evidence"])
    html = client.get(f"/stories/{sid}")
    assert html.status_code == 200 and "Content-Security-Policy" in html.text
    md = client.get(f"/stories/{sid}.md")
    assert md.status_code == 200 and md.text.startswith("# ")
    assert client.get(f"/stories/{sid[:8]}.json").json()["story"]["id"] == sid  # a unique prefix
    # the format as a query, as POST /brief takes it
    assert client.get(f"/stories/{sid}?format=md").text == md.text
    assert client.get(f"/stories/{sid}?format=json").json()["story"]["id"] == sid
    assert client.get(f"/stories/{sid}?format=pdf").status_code == 400
    assert client.get(f"/stories/{sid}.json?format=md").status_code == 400


@pytest.mark.parametrize("path", ["/stories/s-nothere", "/stories/s-nothere.json", "/stories/%25.json", "/stories/x.exe"])
def test_an_unknown_story_is_a_json_404(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404 and "error" in r.json()


def test_posting_articles_gives_their_brief(client: TestClient) -> None:
    records: list[dict[str, Any]] = []
    for p in sorted(DEMO.glob("0*.txt"))[:3]:
        head, body = p.read_text(encoding="utf-8").split("\n\n", 1)
        records.append({"title": head.splitlines()[0], "maintext": body, "source_domain": p.stem})
    r = client.post("/brief", content=json.dumps(records))
    assert r.status_code == 200
    doc = r.json()
    assert len(doc["sources"]) == 3 and doc["facts"]
    md = client.post("/brief?format=md", content=json.dumps(records))
    assert md.status_code == 200 and md.text.startswith("# ")


def test_a_posted_brief_carries_the_reading_s_warnings(client: TestClient) -> None:
    records: list[dict[str, Any]] = []
    for p in sorted(DEMO.glob("0*.txt"))[:2]:
        head, body = p.read_text(encoding="utf-8").split("\n\n", 1)
        records.append({"title": head.splitlines()[0], "maintext": body, "source_domain": p.stem, "date_publish": "someday"})
    doc = client.post("/brief", content=json.dumps(records)).json()
    assert doc["rejected"] == [] and len(doc["warnings"]) == 2
    assert all("not a date newsfuse reads" in w["warning"] and w["input"].startswith("request") for w in doc["warnings"])
    assert tempfile.gettempdir() not in json.dumps(doc)
    md = client.post("/brief?format=md", content=json.dumps(records)).text
    assert "## Read with a warning" in md and "someday" in md
    page = client.post("/brief?format=html", content=json.dumps(records)).text
    assert "Read with a warning" in page and "someday" in page


def test_bad_posts_are_clear_errors(client: TestClient) -> None:
    assert client.post("/brief", content=b"").status_code == 400
    r = client.post("/brief", content=b"\x00\x01\x02binary")
    assert r.status_code == 400 and "no article could be read" in r.json()["error"]
    assert "/tmp" not in r.json()["error"]
    assert client.post("/brief?format=pdf", content=b"x").status_code == 400
    # a form upload ("curl -F file=@a.txt") is refused: its wrapping would be read as the article's text
    form = client.post("/brief", files={"file": ("a.txt", b"The council voted on Tuesday.")})
    assert form.status_code == 415 and "--data-binary" in form.json()["error"]
    # what "curl --data-binary @file" sends: the bytes themselves, labelled as a urlencoded form
    raw = client.post("/brief", content=b"\x00\x01binary", headers={"content-type": "application/x-www-form-urlencoded"})
    assert raw.status_code == 400 and "no article could be read" in raw.json()["error"]


def test_articles_read_but_too_long_to_fuse_are_said_so(tmp_path: Path) -> None:
    app = TestClient(create_app(Settings.load({"db": str(tmp_path / "none.db"), "max_fused_chars": 100})))
    text = (DEMO / "01-coastal-herald.txt").read_text(encoding="utf-8")
    r = app.post("/brief", content=json.dumps([{"title": "t", "maintext": text.split("\n\n", 1)[1]}]))
    assert r.status_code == 400 and r.json()["error"].startswith("no article left to brief: ") and "too long to fuse" in r.json()["error"]


def test_a_body_over_the_cap_is_refused_unread(tmp_path: Path) -> None:
    settings = Settings.load({"db": str(tmp_path / "none.db"), "max_input_bytes": 1000})
    small = TestClient(create_app(settings))
    r = small.post("/brief", content=b"x" * 5000)
    assert r.status_code == 413 and "max_input_bytes" in r.json()["error"]
    assert small.get("/stories.json").json()["stories"] == []  # no store: nothing listed, and none is created
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize("path", ["/stories/.json", "/stories/%2Ejson", "/nowhere"])
def test_empty_ids_and_unknown_routes_are_json_404s_without_server_paths(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404 and set(r.json()) == {"error"}
    assert "/tmp" not in r.text and ".db" not in r.text


def test_a_damaged_store_is_the_server_s_trouble_not_the_caller_s(tmp_path: Path) -> None:
    db = tmp_path / "bad.db"
    db.write_bytes(b"not a database at all" * 100)
    r = TestClient(create_app(Settings.load({"db": str(db)}))).get("/stories.json")
    assert r.status_code == 503 and str(tmp_path) not in r.text


def test_a_store_removed_while_serving_is_trouble_but_no_store_yet_is_no_stories(tmp_path: Path) -> None:
    from newsfuse.store.sqlite import SqliteStore

    assert TestClient(create_app(Settings.load({"db": str(tmp_path / "none.db")}))).get("/stories.json").json()["stories"] == []
    db = tmp_path / "s.db"
    SqliteStore(str(db)).close()
    app = TestClient(create_app(Settings.load({"db": str(db)})))
    assert app.get("/stories.json").status_code == 200
    db.unlink()
    r = app.get("/stories.json")
    assert r.status_code == 503 and str(tmp_path) not in r.text
    assert app.get("/stories/s-1234.json").status_code == 503  # not "no such story": the store itself is gone


def test_the_api_page_is_self_contained(client: TestClient) -> None:
    r = client.get("/api")
    assert r.status_code == 200 and "POST /brief" in r.text and "/openapi.json" in r.text
    assert "http" not in r.text.replace("/openapi.json", "")  # no script or style from a CDN: it works offline
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert client.get("/docs").status_code == 404 and client.get("/openapi.json").status_code == 200


def test_an_ambiguous_story_prefix_says_so_without_server_paths(tmp_path: Path) -> None:
    from tests.group.corpus import write_stream

    write_stream(tmp_path / "in")
    settings = Settings.load({"db": str(tmp_path / "s.db")})
    ingest([tmp_path / "in"], settings, read_now=False)
    r = TestClient(create_app(settings)).get("/stories/s-.json")
    assert r.status_code == 400 and "3 stories start with 's-'" in r.json()["error"] and str(tmp_path) not in r.text


def test_a_story_none_of_whose_articles_could_be_read_says_why(tmp_path: Path) -> None:
    """Not a 503 "try again later": the story is there, and no retry will read it. The listing says so too."""
    from newsfuse.store.sqlite import SqliteStore

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ferry.txt").write_text("Ferry strike ends\n\nThe ferry strike ended on Monday after talks.\n", encoding="utf-8")
    settings = Settings.load({"db": str(tmp_path / "s.db")})
    ingest([tmp_path / "in"], settings, read_now=False)
    store = SqliteStore(settings.db)
    (aid,) = store.pending()
    store.put_read_failure(aid, "reading failed in stage quotes@1: ValueError: boom")
    store.close()
    app = TestClient(create_app(settings))
    listed = app.get("/stories.json").json()["stories"][0]
    assert listed["reading"] == {"read": 0, "pending": 0, "failed": 1}
    assert "1 could not be read" in app.get("/").text
    r = app.get(f"/stories/{listed['id']}.json")
    assert r.status_code == 422 and "ferry: reading failed in stage quotes@1" in r.json()["error"]
    assert str(tmp_path) not in r.text


def test_a_url_encoded_article_is_read_and_a_form_of_many_fields_refused(client: TestClient) -> None:
    from urllib.parse import urlencode

    text = (DEMO / "01-coastal-herald.txt").read_text(encoding="utf-8")
    form = {"content-type": "application/x-www-form-urlencoded"}
    r = client.post("/brief", content=urlencode({"text": text}).encode(), headers=form)  # curl --data-urlencode text@a.txt
    assert r.status_code == 200 and r.json()["sources"][0]["title"].startswith("Three cranes topple")
    many = client.post("/brief", content=urlencode({"text": text, "outlet": "x"}).encode(), headers=form)
    assert many.status_code == 415 and "a form of 2 values" in many.json()["error"]


def test_serve_listens_on_every_address_of_its_host_on_one_port() -> None:
    from newsfuse.web import _bind

    socks = _bind("", 0)  # every address of this machine: 0.0.0.0, and :: where there is IPv6
    try:
        ports = {s.getsockname()[1] for s in socks}
        assert len(ports) == 1 and 0 not in ports
        assert {s.getsockname()[0] for s in socks} >= {"0.0.0.0"}
    finally:
        for s in socks:
            s.close()


def test_head_is_answered_like_get_without_a_body(client: TestClient) -> None:
    get, head = client.get("/stories.json"), client.head("/stories.json")
    assert head.status_code == get.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert client.head("/stories/s-nothere.json").status_code == 404
