"""`newsfuse cluster`, `ingest`, `stories`, `read-pending` and `brief --story` as a user runs them (real models)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.cli import main
from tests.conftest import SHARED
from tests.group.corpus import write_stream

pytestmark = pytest.mark.models


def _schema(name: str) -> dict:  # type: ignore[type-arg]
    path = SHARED / "contract" / name
    if not path.exists():
        pytest.skip("../shared/contract is not present")
    return json.loads(path.read_text())


def _validate(doc: dict, name: str) -> None:  # type: ignore[type-arg]
    import jsonschema

    jsonschema.Draft202012Validator(_schema(name)).validate(doc)


def test_cluster_json_follows_the_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    labels = write_stream(folder)
    (folder / "empty.txt").write_text("")
    (folder / "broken.json").write_text("{not json")
    code = main(["cluster", str(folder), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 1  # two inputs could not be read
    doc = json.loads(out)
    _validate(doc, "stories.schema.json")
    sources = [s for st in doc["stories"] for s in st["sources"]]
    assert sorted(sources) == sorted(labels)  # every readable input in exactly one story
    assert sorted(sorted({labels[s] for s in st["sources"]}) for st in doc["stories"]) == [["flood"], ["match"], ["merger"]]
    assert sorted(Path(r["input"]).name for r in doc["rejected"]) == ["broken.json", "empty.txt"]
    flood = next(st for st in doc["stories"] if len(st["sources"]) == 5)
    assert flood["independent_sources"] == 4
    assert "error:" in err


def test_copies_read_once_are_listed_under_ids_no_other_source_has(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    labels = write_stream(folder)
    first = sorted(folder.glob("*.txt"))[0]
    for sub in ("x", "y"):
        (folder / sub).mkdir()
        (folder / sub / first.name).write_bytes(first.read_bytes())  # the same file under the same name, twice more
    assert main(["cluster", str(folder), "--format", "json"]) == 0
    sources = [s for st in json.loads(capsys.readouterr().out)["stories"] for s in st["sources"]]
    assert len(sources) == len(set(sources)) == len(labels) + 2  # every input once, under its own id


def test_ingest_stories_brief(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    write_stream(folder)
    db = str(tmp_path / "s.db")
    assert main(["ingest", str(folder), "--db", db, "--no-read"]) == 0
    err = capsys.readouterr().err
    assert "11 articles stored, 0 already stored, 3 new stories" in err and "reading deferred" in err
    assert main(["stories", "--db", db, "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    _validate(doc, "stories.schema.json")
    assert sorted(len(s["sources"]) for s in doc["stories"]) == [3, 3, 5]
    assert main(["read-pending", "--db", db]) == 0
    assert "11 articles read, 0 failed" in capsys.readouterr().err
    assert main(["stories", "--db", db]) == 0
    text = capsys.readouterr().out
    assert "Arvel" in text and "5 sources, 4 independent" in text
    flood = next(s for s in doc["stories"] if len(s["sources"]) == 5)
    assert main(["brief", "--db", db, "--story", flood["id"], "--format", "json"]) == 0
    brief = json.loads(capsys.readouterr().out)
    _validate(brief, "brief.schema.json")
    assert sorted(s["id"] for s in brief["sources"]) == sorted(flood["sources"])
    assert brief["facts"]
    assert main(["brief", "--db", db, "--story", flood["id"][:8], "--format", "md"]) == 0
    assert capsys.readouterr().out.startswith("# ")
    assert main(["ingest", str(folder), "--db", db]) == 0
    assert "0 articles stored, 11 already stored" in capsys.readouterr().err


def test_brief_story_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", "--db", str(tmp_path / "none.db"), "--story", "s-1"]) == 2
    assert "no store" in capsys.readouterr().err
    folder = tmp_path / "in"
    write_stream(folder)
    db = str(tmp_path / "s.db")
    main(["ingest", str(folder), "--db", db, "--no-read", "-q"])
    capsys.readouterr()
    assert main(["brief", "--db", db, "--story", "s-nope"]) == 2
    assert "no story" in capsys.readouterr().err
    assert main(["brief", str(folder), "--db", db, "--story", "s-x"]) == 2
    assert "not both" in capsys.readouterr().err
    assert main(["brief"]) == 2
    assert "one of them" in capsys.readouterr().err
    assert main(["brief", "--db", db, "--story", "s-"]) == 2  # three stories start with "s-"
    assert "3 stories start with 's-'" in capsys.readouterr().err
    assert main(["ingest", str(tmp_path / "missing.txt"), "--db", db]) == 2


def test_brief_of_several_stories_warns_and_still_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    write_stream(folder)
    assert main(["brief", str(folder), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["facts"]
    assert "form 3 stories" in err and "newsfuse cluster" in err
    one = tmp_path / "one"
    one.mkdir()
    for f in sorted(folder.iterdir())[:1]:
        (one / f.name).write_text(f.read_text())
    assert main(["brief", str(one)]) == 0
    assert "stories" not in capsys.readouterr().err


def test_every_command_taking_inputs_accepts_fetch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    write_stream(folder)
    db = str(tmp_path / "s.db")
    assert main(["ingest", str(folder), "--db", db, "--no-read", "-q", "--fetch"]) == 0
    assert main(["cluster", str(folder), "--fetch", "--format", "text"]) == 0


def test_serve_refuses_a_file_that_is_no_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"a": 1}')
    assert main(["serve", "--db", str(bad), "--port", "0"]) == 2
    assert "not a newsfuse store" in capsys.readouterr().err


def test_serve_refuses_a_port_out_of_range_or_taken_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    db = str(tmp_path / "s.db")
    write_stream(tmp_path / "in")
    main(["ingest", str(tmp_path / "in"), "--db", db, "--no-read", "-q"])
    capsys.readouterr()
    with pytest.raises(SystemExit) as usage:
        main(["serve", "--db", db, "--port", "99999"])
    assert usage.value.code == 2 and "not a port number (0 to 65535)" in capsys.readouterr().err
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        assert main(["serve", "--db", db, "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert f"cannot serve on 127.0.0.1:{port}" in err and "serving" not in err and "Traceback" not in err


def test_an_empty_folder_and_a_wrong_dask_value_are_told_before_anything_is_stored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    for cmd in (["read", str(empty)], ["cluster", str(empty)], ["ingest", str(empty), "--db", str(tmp_path / "e.db")]):
        assert main(cmd) == 2
        assert "a folder with no files to read in it" in capsys.readouterr().err
    folder = tmp_path / "in"
    write_stream(folder)
    db = tmp_path / "d.db"
    assert main(["ingest", str(folder), "--db", str(db), "--dask", "whatever"]) == 2
    assert "setting dask: 'whatever'" in capsys.readouterr().err and not db.exists()


def test_stories_marks_a_story_whose_reading_failed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsfuse.store.sqlite import SqliteStore

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ferry.txt").write_text("Ferry strike ends\n\nThe ferry strike ended on Monday after talks.\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    main(["ingest", str(tmp_path / "in"), "--db", db, "--no-read", "-q"])
    store = SqliteStore(db)
    store.put_read_failure(store.pending()[0], "too long to read")
    store.close()
    capsys.readouterr()
    assert main(["stories", "--db", db]) == 0
    line = capsys.readouterr().out
    assert "1 source, 1 independent  [1 of 1 could not be read]" in line
    assert main(["brief", "--db", db, "--story", line.split()[0]]) == 2
    assert "ferry: too long to read" in capsys.readouterr().err


def test_one_outlet_s_file_stored_again_under_another_name_is_read_once_in_the_brief(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    write_stream(folder)
    db = str(tmp_path / "s.db")
    assert main(["ingest", str(folder), "--db", db]) == 0
    again = tmp_path / "again"
    again.mkdir()
    first = sorted(folder.glob("*.txt"))[0]
    (again / "renamed.txt").write_bytes(first.read_bytes())  # no URL: its id is its name's, a new article to the store
    assert main(["ingest", str(again), "--db", db]) == 0
    capsys.readouterr()
    assert main(["stories", "--db", db, "--format", "json"]) == 0
    story = next(s for s in json.loads(capsys.readouterr().out)["stories"] if "renamed" in s["sources"])
    assert main(["brief", "--db", db, "--story", story["id"], "--format", "json"]) == 0
    ids = [s["id"] for s in json.loads(capsys.readouterr().out)["sources"]]
    assert "renamed" not in ids and first.stem in ids and len(ids) == len(story["sources"]) - 1
