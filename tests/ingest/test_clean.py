from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsfuse.ingest.base import RawDoc
from newsfuse.ingest.clean import apply_removals, boilerplate_reason, build_article, outlet_from_url, wire_name
from newsfuse.model import Meta, Removal


def doc(text: str, header: bool = True) -> RawDoc:
    return RawDoc("d", text, Meta(), "d.txt", header=header)


def test_metadata_line_with_wire_credit() -> None:
    a = build_article(doc(" date 2024-12-28 [Source: Reuters]\n\nTroops advanced on the town, officials said on Friday."))
    assert a.meta.published is not None and a.meta.published.isoformat() == "2024-12-28"
    assert a.meta.wire == "Reuters"
    assert a.text.startswith("Troops advanced")
    assert a.removed[0].reason == "metadata"


def test_headline_outlet_byline_and_dateline() -> None:
    text = "Storm floods the old harbour\nOutlet: Coastal Herald\nBy Jane Roe\nDate: 2026-03-15\n\nPORT ALDER — Water rose fast overnight, the mayor said."
    a = build_article(doc(text))
    assert a.meta.title == "Storm floods the old harbour"
    assert a.meta.outlet == "Coastal Herald" and a.meta.author == "Jane Roe"
    assert a.meta.extra["dateline"] == "PORT ALDER"
    assert a.text == "Water rose fast overnight, the mayor said."


def test_outlet_from_the_url_when_nothing_names_it() -> None:
    a = build_article(doc("URL: https://www.harbourtimes.example.com/2026/03/15/storm\n\nWater rose fast overnight, the mayor said."))
    assert a.meta.outlet == "harbourtimes.example.com" and a.meta.extra["outlet_from"] == "url"
    assert a.meta.published is not None and a.meta.published.isoformat() == "2026-03-15"
    named = build_article(doc("Outlet: Harbour Times\nURL: https://www.harbourtimes.example.com/x\n\nWater rose fast, the mayor said."))
    assert named.meta.outlet == "Harbour Times"
    for url in ("not a url", "http://[broken", "http://10.0.0.1/x", "https://localhost/x"):
        assert outlet_from_url(url) is None


def test_wire_dateline_credit() -> None:
    a = build_article(doc("LONDON (Reuters) - Prices rose again this week, traders said."))
    assert a.meta.wire == "Reuters"


def test_a_dateline_gives_the_day_of_writing() -> None:
    a = build_article(doc("April 29 (UPI) — A convoy is expected to reach the border on Sunday."))
    assert a.meta.wire == "UPI" and a.text.startswith("A convoy")
    assert a.meta.published is None and a.meta.extra["dateline_day"] == "04-29"  # no year: the story's gives it
    b = build_article(doc("PORT ALDER, March 15 (Coastal Wire) - Water rose fast, the mayor said."))
    assert b.meta.extra["dateline"] == "PORT ALDER" and b.meta.extra["dateline_day"] == "03-15"
    c = build_article(doc("Dec. 17, 2024 (AP) -- Troops advanced on the town."))
    assert c.meta.published is not None and c.meta.published.isoformat() == "2024-12-17"
    assert c.meta.extra["published_from"] == "dateline"
    # a date that opens a sentence, with no wire credit, is the sentence's own; so is a bracket that names no wire
    d = build_article(doc("April 29 — the day the pier fell — was cold."))
    assert d.text.startswith("April 29") and "dateline_day" not in d.meta.extra
    for text in ("May 5 (see above) - The council met.", "March 3 (Tuesday) - the day the pier fell."):
        e = build_article(doc(text))
        assert e.text == text and e.meta.wire is None and "dateline_day" not in e.meta.extra
    e = build_article(doc("Date: 2026-03-16\n\nMarch 15 (AFP) - Water rose fast."))
    assert e.meta.published is not None and e.meta.published.isoformat() == "2026-03-16"  # the metadata's date stays


def test_first_line_that_is_a_sentence_is_not_a_headline() -> None:
    a = build_article(doc("The minister said on Friday that the port will reopen.\n\nWorkers returned."))
    assert a.meta.title is None
    assert a.text.startswith("The minister said")


def test_boilerplate_rules() -> None:
    assert boilerplate_reason(
        "Catch all the Business News and Latest Updates on Some Site. Download The Some News App to get Daily Updates."
    )
    assert boilerplate_reason("Read more: Why the cranes fell") == "read-more link"
    assert boilerplate_reason("Related: Ten things to know") == "related link"
    assert boilerplate_reason("Share this article: Facebook Twitter Email") == "share line"
    assert boilerplate_reason("Share this article on Facebook Twitter Email") == "share line"
    assert boilerplate_reason("Share this story via Email") == "share line"
    assert boilerplate_reason("Share this page on Twitter, the mayor urged residents.") is None  # a sentence, not the line
    assert boilerplate_reason("Photo: Rescue teams at the pier / Example Agency") == "photo caption"
    assert boilerplate_reason("First paragraph (index) is missing.") == "scraping artifact"
    assert boilerplate_reason("The minister said the app would be ready next year.") is None
    assert boilerplate_reason("ON DEADLINE: Live updates and local coverage") == "promo line"
    assert boilerplate_reason("NEW YORK: The city said on Monday that it would close the pier.") is None  # a sentence
    assert boilerplate_reason("UPDATE: Police said the man was arrested.") is None


def test_footer_removed_and_listed() -> None:
    body = "Officials said the bridge would reopen.\nGet the latest news on the Example App. Download now for alerts."
    a = build_article(doc(body, header=False))
    assert a.text == "Officials said the bridge would reopen."
    assert any("Download now" in r.text for r in a.removed)


def test_wire_names() -> None:
    assert wire_name("The Associated Press") == "AP"
    assert wire_name("reuters") == "Reuters"
    assert wire_name("Coastal Herald") is None


@given(st.text(alphabet="ab \n", max_size=60), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=5))
def test_cleaning_only_deletes(raw: str, cuts: list[tuple[int, int]]) -> None:
    rem = [Removal(min(s, len(raw)), min(s + n, len(raw)), raw[min(s, len(raw)) : min(s + n, len(raw))], "t") for s, n in cuts]
    text, _merged, offsets = apply_removals(raw, rem)
    # every kept character maps back to the same character of the input
    for t0, r0, n in offsets:
        assert text[t0 : t0 + n] == raw[r0 : r0 + n]
    assert sum(n for _, _, n in offsets) == len(text)
    assert text == text.strip()


def test_date_from_url() -> None:
    from newsfuse.ingest.clean import date_from_url

    assert str(date_from_url("https://www.example.com/2018/04/30/world/story.html")) == "2018-04-30"
    assert str(date_from_url("https://example.com/news/story-20180430.html")) == "2018-04-30"
    assert date_from_url("https://example.com/news/2018/story") is None
    a = build_article(doc("URL: https://example.com/2024/12/28/troops\n\nTroops advanced on Friday, officials said today."))
    assert a.meta.published is not None and a.meta.published.isoformat() == "2024-12-28"
    assert a.meta.extra["published_from"] == "url"


def test_a_headline_may_end_on_a_quoted_word() -> None:
    a = build_article(doc("Report: Auditors Call Harbour Accounts 'Sound'\n\nThe auditors said on Monday that the accounts were in order."))
    assert a.meta.title == "Report: Auditors Call Harbour Accounts 'Sound'"
    assert a.text.startswith("The auditors said")
    b = build_article(doc('The auditors said the accounts were "sound."\n\nThe mayor agreed.'))
    assert b.meta.title is None  # a closing quote after a stop ends a sentence


def test_metadata_lines_before_the_headline() -> None:
    a = build_article(
        doc(
            "URL: https://example.com/2018/04/30/story\nOutlet: Coastal Herald\n\nStorm Floods the Old Harbour\n\nWater rose fast overnight."
        )
    )
    assert a.meta.title == "Storm Floods the Old Harbour" and a.meta.outlet == "Coastal Herald"
    assert a.meta.published is not None and a.meta.published.isoformat() == "2018-04-30"
    assert a.text == "Water rose fast overnight."


def test_dates_a_report_cannot_have_are_left_out_with_a_warning(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from newsfuse.ingest import load

    body = "\n\nThe Riverton council met on Monday to vote on the new bridge, which has been debated for years.\n"
    for name, date_line in (
        ("word", "Date: yesterday"),
        ("bad", "Date: 2025-13-45"),
        ("ahead", "Date: 2031-06-01"),
        ("ok", "Date: 2025-03-04"),
    ):
        (tmp_path / f"{name}.txt").write_text(f"Bridge vote in Riverton\nOutlet: {name}.example\n{date_line}{body}", encoding="utf-8")
    batch = load([tmp_path])
    arts = {a.source_id: a for a in batch.articles}
    assert all(a.text.startswith("The Riverton council") for a in arts.values())  # the date line is never the body's
    assert {k: str(a.meta.published) for k, a in arts.items()} == {"word": "None", "bad": "None", "ahead": "None", "ok": "2025-03-04"}
    said = {w_input.rsplit("/", 1)[-1]: w for w_input, w in batch.warnings}
    assert said["word.txt"] == "the header's 'Date: yesterday' is not a date newsfuse reads: that line is left out"
    assert "'Date: 2025-13-45' is not a date newsfuse reads" in said["bad.txt"]
    assert said["ahead.txt"] == "dated 2031-06-01, a date still to come: left undated"
    assert "ok.txt" not in said
