"""The command line as a user runs it: exit codes, one-line errors on stderr, outputs (real models)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsfuse.cli import main
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.models

GOOD = "The council voted on Tuesday to close the old bridge, the mayor said, after engineers found cracks in two of its piers.\n"


def test_read_reports_bad_inputs_and_reads_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bad.json").write_text("{oops")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01" * 64)
    code = main(["read", str(tmp_path), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 1  # some inputs failed, the rest were read
    doc = json.loads(out)
    assert [a["id"] for a in doc["articles"]] == ["good"]
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 3 and all(len(e) < 300 for e in errors)


def test_nothing_readable_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_text("")
    assert main(["brief", str(tmp_path)]) == 2
    assert "nothing to brief" in capsys.readouterr().err


def test_brief_formats_and_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "b.html"
    assert main(["brief", str(EXAMPLES / "harbor-collapse"), "--format", "html", "-o", str(out)]) == 0
    html = out.read_text()
    assert html.startswith("<!doctype html>") and "Disagreements" in html
    assert main(["brief", str(EXAMPLES / "harbor-collapse"), "--format", "md"]) == 0
    md = capsys.readouterr().out
    assert md.startswith("# ") and "## Disagreements" in md
    assert main(["brief", str(EXAMPLES / "harbor-collapse"), "--format", "Markdown"]) == 0  # the name spelled out, any case
    assert capsys.readouterr().out == md
    # no --format: the output file's ending says which ("-o brief.md"); an ending of no format is JSON
    for name, starts in (("b.md", "# "), ("b.HTM", "<!doctype html>"), ("b.json", "{"), ("b.out", "{")):
        assert main(["brief", str(EXAMPLES / "harbor-collapse"), "-o", str(tmp_path / name)]) == 0
        assert (tmp_path / name).read_text().startswith(starts), name
    capsys.readouterr()
    # an ending of a format the command does not write is refused, before anything is read (not filled with JSON)
    assert main(["read", str(EXAMPLES / "harbor-collapse" / "01-coastal-herald.txt"), "-o", str(tmp_path / "r.html")]) == 2
    assert "writes json or md, not html" in capsys.readouterr().err and not (tmp_path / "r.html").exists()
    assert main(["cluster", str(EXAMPLES / "harbor-collapse"), "-o", str(tmp_path / "c.txt")]) == 0
    assert not (tmp_path / "c.txt").read_text().startswith("{")  # .txt: the text listing
    capsys.readouterr()
    # a name whose ending says another format, or none newsfuse writes, is written as asked, with a word about it
    assert main(["brief", str(EXAMPLES / "harbor-collapse"), "--format", "md", "-o", str(tmp_path / "m.html")]) == 0
    assert "writing md into a file named .html" in capsys.readouterr().err
    assert main(["brief", str(EXAMPLES / "harbor-collapse"), "-o", str(tmp_path / "x.pdf")]) == 0
    assert ".pdf is no format newsfuse writes; writing json" in capsys.readouterr().err


def test_module_entry_point_and_version() -> None:
    r = subprocess.run([sys.executable, "-m", "newsfuse", "--version"], capture_output=True, text=True, check=False)
    assert r.returncode == 0 and r.stdout.startswith("newsfuse ")


def test_settings_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["settings"]) == 0
    assert "NEWSFUSE_MAX_INPUT_BYTES" in capsys.readouterr().out


def test_an_output_that_cannot_be_written_is_one_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "missing" / "x.json"
    assert main(["read", str(EXAMPLES / "harbor-collapse" / "01-coastal-herald.txt"), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: cannot write") and "Traceback" not in err


def test_a_store_given_to_brief_files_is_said_to_be_unused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "news.db"
    assert (
        main(["brief", str(EXAMPLES / "harbor-collapse" / "01-coastal-herald.txt"), "--db", str(db), "-o", str(tmp_path / "b.json")]) == 0
    )
    assert "is not used to brief files" in capsys.readouterr().err and not db.exists()


def test_an_output_over_an_input_is_refused_before_anything_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = EXAMPLES / "harbor-collapse" / "01-coastal-herald.txt"
    article = tmp_path / "a.txt"
    article.write_bytes(src.read_bytes())
    assert main(["brief", str(tmp_path), "-o", str(article)]) == 2
    assert "is one of the inputs" in capsys.readouterr().err
    assert article.read_bytes() == src.read_bytes()


def test_an_article_given_as_the_store_is_refused_and_leaves_no_lock(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes((EXAMPLES / "harbor-collapse" / "01-coastal-herald.txt").read_bytes())
    before = article.read_bytes()
    assert main(["ingest", str(article), "--db", str(article)]) == 2
    assert "is not a newsfuse store" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"] and article.read_bytes() == before


def test_settings_out_of_range_are_refused_by_name(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NEWSFUSE_BATCH_SIZE", "0")
    assert main(["settings"]) == 2
    assert "batch_size" in capsys.readouterr().err
    monkeypatch.setenv("NEWSFUSE_BATCH_SIZE", "8")
    monkeypatch.setenv("NEWSFUSE_FACT_THRESHOLD", "1.5")
    assert main(["settings"]) == 2
    assert "fact_threshold" in capsys.readouterr().err


def test_an_article_too_long_to_fuse_is_left_out_with_its_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = EXAMPLES / "harbor-collapse"
    from newsfuse.api import read

    sizes = sorted(len(a.text) for a in read(folder).articles)
    assert sizes[-2] < sizes[-1]
    monkeypatch.setenv("NEWSFUSE_MAX_FUSED_CHARS", str(sizes[-1] - 1))  # the longest one is over it
    out = tmp_path / "b.json"
    assert main(["brief", str(folder), "-o", str(out)]) == 1
    assert "too long to fuse into a brief" in capsys.readouterr().err
    doc = json.loads(out.read_text())
    assert len(doc["sources"]) == len(sizes) - 1 and any("too long to fuse" in r["reason"] for r in doc["rejected"])
    # no entity of the article left out: its people are not the brief's
    fused = {s["id"] for s in doc["sources"]}
    assert all(set(e["sources"]) <= fused and e["sources"] for e in doc["entities"])
    # nor is it read at all for a brief: its reading would take long for nothing
    from newsfuse.settings import Settings

    unread = [a for a in read(folder, Settings.load(), for_brief=True).articles if not a.stages]
    assert [len(a.text) for a in unread] == [sizes[-1]]
    monkeypatch.setenv("NEWSFUSE_MAX_FUSED_CHARS", "10")
    assert main(["brief", str(folder), "-o", str(out)]) == 2
    assert "no article left to brief" in capsys.readouterr().err
    db = tmp_path / "news.db"
    assert main(["ingest", str(folder), "--db", str(db)]) == 0
    sid = json.loads(
        subprocess.run(
            [sys.executable, "-m", "newsfuse", "stories", "--db", str(db), "--format", "json"], capture_output=True, text=True, check=True
        ).stdout
    )["stories"][0]["id"]
    assert main(["brief", "--story", sid, "--db", str(db), "-o", str(tmp_path / "s.json")]) == 2  # nothing usable
    assert "no article left to brief" in capsys.readouterr().err


def test_an_article_left_unread_for_a_brief_still_dates_the_story(tmp_path: Path) -> None:
    from newsfuse.api import read
    from newsfuse.settings import Settings

    body = "The old Riverton footbridge, closed since the spring floods, was inspected by engineers. " * 12
    (tmp_path / "long.txt").write_text(f"Footbridge report\nDate: 2024-03-05\n\n{body}\n", encoding="utf-8")
    (tmp_path / "short.txt").write_text("Footbridge falls\n\nThe Riverton footbridge collapsed yesterday.\n", encoding="utf-8")
    r = read(tmp_path, Settings.load({"max_fused_chars": 500}), for_brief=True)
    short = next(a for a in r.articles if a.source_id == "short")
    assert [t.attrs.get("value") for t in short.group("times")] == ["2024-03-04"]  # as if the long one were read too
