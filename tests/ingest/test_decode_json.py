from __future__ import annotations

import json

import pytest

from newsfuse.errors import InputError
from newsfuse.ingest import load
from newsfuse.ingest.decode import decode
from newsfuse.ingest.jsonl import JsonReader
from newsfuse.settings import Settings

BODY = "The council voted on Tuesday to close the old bridge, the mayor said, after engineers found cracks."


def test_decode_rejects_empty_and_binary() -> None:
    with pytest.raises(InputError, match="empty"):
        decode("x", b"  \n")
    with pytest.raises(InputError, match="binary"):
        decode("x", b"\x00\x01\x02binary\x00")


def test_decode_detects_legacy_encoding() -> None:
    text, enc = decode("x", ("Caf\u00e9 owners in Cr\u00e8te said the na\u00efve plan failed. " * 5).encode("cp1252"))
    assert "Café" in text and enc != "utf-8"


def test_decode_rejects_undecodable() -> None:
    with pytest.raises(InputError, match="UTF-8"):
        decode("x", bytes(range(128, 256)) * 20)


def test_news_please_record() -> None:
    rec = {
        "maintext": BODY,
        "title": "Bridge closed",
        "date_publish": "2024-03-05 10:00:00",
        "source_domain": "example.com",
        "url": "https://example.com/a",
        "authors": ["A B"],
        "language": "en",
    }
    docs = list(JsonReader().read("f.json", json.dumps(rec).encode(), Settings()))
    d = docs[0]
    assert not isinstance(d, InputError)
    assert d.text == BODY and d.meta.title == "Bridge closed" and d.meta.outlet == "example.com"
    assert d.meta.published is not None and d.meta.published.isoformat() == "2024-03-05"


def test_jsonl_bad_line_reported_rest_read(tmp_path) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "feed.jsonl"
    p.write_text(json.dumps({"text": BODY, "id": "one"}) + "\n{broken\n" + json.dumps({"body": BODY + " Again.", "id": "two"}) + "\n")
    b = load([p])
    assert [a.source_id for a in b.articles] == ["one", "two"]
    assert len(b.rejected) == 1 and "malformed JSON" in b.rejected[0].reason and " at at " not in b.rejected[0].reason


def test_batch_reports_every_bad_input(tmp_path) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "good.txt"
    good.write_text(BODY)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\xff\x00" * 100)
    (tmp_path / "bad.json").write_text("{not json")
    (tmp_path / "latin.txt").write_bytes(bytes(range(128, 256)) * 20)
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.seek(50_000_000)
        f.write(b"x")
    b = load([tmp_path], Settings())
    assert [a.source_id for a in b.articles] == ["good"]
    reasons = {r.input.rsplit("/", 1)[-1]: r.reason for r in b.rejected}
    assert set(reasons) == {"empty.txt", "bin.txt", "bad.json", "latin.txt", "big.txt"}
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["bin.txt"] and "malformed JSON" in reasons["bad.json"]
    assert "cap" in reasons["big.txt"] and "UTF-8" in reasons["latin.txt"]
    assert all("\n" not in r for r in reasons.values())


def test_reingest_gives_same_ids(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text(BODY)
    assert [a.id for a in load([tmp_path]).articles] == [a.id for a in load([tmp_path]).articles]


def test_an_unpaired_surrogate_is_read_as_a_replacement_character(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "a.json"
    bad.write_text('{"title": "x", "maintext": "' + BODY.replace("bridge", "bri\\udc00dge") + '"}')
    good = tmp_path / "b.txt"
    good.write_text(BODY + " A second report.")
    b = load([bad, good])
    assert len(b.articles) == 2 and not b.rejected
    assert "bri\ufffddge" in b.articles[0].text
    assert any("surrogate" in w for _, w in b.warnings)


def test_one_batch_gives_every_input_its_own_source_id(tmp_path) -> None:  # type: ignore[no-untyped-def]
    for folder, name, body in (("x", "a-2.txt", BODY), ("x", "a.txt", BODY + " One."), ("y", "a.txt", BODY + " Two.")):
        (tmp_path / folder).mkdir(exist_ok=True)
        (tmp_path / folder / name).write_text("Outlet: Foo News\n\n" + body + "\n\nFollow Foo News on every platform today.\n")
    b = load([tmp_path])
    ids = [a.source_id for a in b.articles]
    assert len(ids) == 3 and len(set(ids)) == 3, ids
    for a in b.articles:  # each cleaned with its own cuts: the text is a run of its own raw characters
        assert all(a.raw[r.start : r.end] == r.text for r in a.removed)


def test_epoch_dates_are_read_in_utc_on_every_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from newsfuse.ingest.dates import parse_date

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        parse_date.cache_clear()
        assert str(parse_date("1735343999")) == str(parse_date("1735343999000")) == "2024-12-27"  # 23:59:59 UTC
    finally:
        monkeypatch.undo()
        time.tzset()


def test_western_legacy_text_is_read_as_windows_1252_not_a_dos_code_page() -> None:
    text = "Zoë and Chloë visited the Naïve Art Museum in Besançon, where the œuvre of Rousseau is shown."
    assert decode("x", text.encode("cp1252")) == (text, "cp1252")
    czech = "Příliš žluťoučký kůň úpěl ďábelské ódy, řekl ministr v Praze."
    assert decode("x", czech.encode("cp1250")) == (czech, "cp1250")


def test_a_page_declaring_a_charset_that_is_no_text_encoding_is_still_read() -> None:
    from newsfuse.ingest.html import decode_html

    page = '<html><head><meta charset="hex"></head><body><p>Caf\u00e9 reopened.</p></body></html>'.encode()
    assert decode_html("p.html", page) == (page.decode(), "utf-8")


def test_curly_quotes_and_dashes_alone_are_reported_as_cp1252() -> None:
    from newsfuse.ingest.decode import decode

    text = "\u201cWe will rebuild the quay,\u201d the mayor said on Tuesday \u2013 and the council agreed with her. " * 3
    decoded, encoding = decode("quotes.txt", text.encode("cp1252"))
    assert (decoded, encoding) == (text, "cp1252")


def test_a_publication_date_that_cannot_be_read_is_said_not_dropped() -> None:
    from newsfuse.ingest.jsonl import record_to_doc

    body = "The ferry strike ended on Monday after two days of talks."
    doc = record_to_doc({"maintext": body, "date_publish": "not a date"}, "r.jsonl", 0)
    assert doc.meta.published is None and doc.warnings == ["date_publish 'not a date' is not a date newsfuse reads: left out"]
    doc = record_to_doc({"maintext": body, "date_publish": "soon", "date_modify": "2024-03-02"}, "r.jsonl", 0)
    assert str(doc.meta.published) == "2024-03-02" and doc.warnings[0].endswith("left out; date_modify used instead")
    doc = record_to_doc({"maintext": body, "date_publish": "2024-03-01"}, "r.jsonl", 0)
    assert doc.warnings == []
    doc = record_to_doc({"maintext": body, "date_publish": None}, "r.jsonl", 0)
    assert doc.warnings == []  # no date given at all: nothing to say


def test_a_record_whose_text_is_a_number_says_so(tmp_path) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "r.jsonl"
    p.write_text(json.dumps({"text": 5}) + "\n" + json.dumps({"body": True}) + "\n" + json.dumps({"text": BODY}) + "\n")
    b = load([p])
    assert len(b.articles) == 1
    assert [r.reason for r in b.rejected] == [
        "the record's 'text' is a number (5), not article text",
        "the record's 'body' is true or false (true), not article text",
    ]


def test_utf16_without_a_byte_order_mark_and_old_mac_line_ends() -> None:
    text = "Quay closes\nOutlet: Harbour Post\n\n" + BODY
    for enc in ("utf-16-le", "utf-16-be"):
        assert decode("x.txt", text.encode(enc)) == (text, enc)
    assert decode("x.txt", text.replace("\n", "\r").encode()) == (text, "utf-8")  # lines ended by CR alone
    assert decode("x.txt", text.replace("\n", "\r\n").encode())[0] == text.replace("\n", "\r\n")  # CRLF as it is
    with pytest.raises(InputError):
        decode("x.bin", b"\x00\x01\x00\x02" * 50)  # NUL every other byte, but control codes: still binary
