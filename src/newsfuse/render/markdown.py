"""The brief and the reading as Markdown."""

from __future__ import annotations

import re
from typing import Any

from ..ingest.base import MARKDOWN_MARK
from .names import credits, date_words, listed, published, source_names, worded_alike

# Characters that make Markdown of plain text wherever they stand: a backslash (it would escape what follows), code
# spans, links and images ("[" "]"), emphasis with "*" and strikethrough with "~"; "|" would end a table cell. An "_"
# is escaped only where it could open or close emphasis, not inside a word ("quay_2"), so that ordinary text reads as
# it is written.
_INLINE = re.compile(r"[\\`*\[\]~|]|(?<![^\W_])_|_(?![^\W_])")
# What would open a block where the text starts a list item ("- # x" is a heading, "- 1. x" a list, "- > x" a quote).
_BLOCK = re.compile(r"(?P<mark>#{1,6}(?=\s|$)|[-+](?=[-+\s]|$)|>)|\d{1,9}(?P<dot>[.)])(?=\s|$)")


def _q(text: str) -> str:
    """Article text inside Markdown, shown as it is written and never taken for markup: on one line; "<" as "&lt;", so
    that a renderer never takes an article's "<script>" or "<img onerror=...>" for HTML; "&" as "&amp;" where it would
    start a character reference ("&lt;"); and a backslash before each character that would make a link, an image,
    code, emphasis or a table cell of it ("[click](javascript:...)"), before a mark that would open a block where the
    text starts a list item ("# ", "> ", "1. "), and before a closing "#" that a heading would drop."""
    text = re.sub(r"[\r\n\t ]+", " ", text).strip(" ")
    text = _INLINE.sub(lambda m: "\\" + m.group(0), text)
    text = re.sub(r"&(?=#?[0-9A-Za-z]+;)", "&amp;", text).replace("<", "&lt;")
    if m := _BLOCK.match(text):
        at = m.start("mark") if m.group("mark") else m.start("dot")  # "# x" -> "\# x", "1. x" -> "1\. x"
        text = text[:at] + "\\" + text[at:]
    return re.sub(r"(?<= )#(?=#* *$)", "\\\\#", text)


def _code(text: str) -> str:
    """Text as a Markdown code span (shown as it is, never taken for markup), fenced past any backticks it holds."""
    text = text.replace("\n", " ")
    fence = "`" * (max((len(r) for r in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


# A fact's status as a reader should read it (the JSON keeps the names).
_STATUS = {"corroborated": "corroborated", "single_source": "not corroborated", "disputed": "disputed"}


def _status(name: str) -> str:
    return _STATUS.get(name, name.replace("_", " "))


# How an undated article's relative dates were resolved (its "reference_basis"; "none": there was no date to use).
_BASIS = {
    "dateline": "from its dateline",
    "story": "the story's date, as it has none of its own",
    "text": "a few days after the latest day the texts give with its weekday, as no report is dated",
}


def brief_markdown(doc: dict[str, Any]) -> str:
    """Markdown from the contract JSON (so both outputs say the same)."""
    facts = {f["id"]: f for f in doc["facts"]}
    names = source_names(doc["sources"])

    def srcs(ids: list[str]) -> str:
        return _q(listed(names, ids))

    lines = [f"# {_q(doc['story']['title'])}", ""]
    st = doc["story"]
    when = published(doc)
    if when:
        n = len(doc["sources"])
        lines += [f"Published {when} · {n} source{'' if n == 1 else 's'}", ""]
    lines += ["## Headline facts", ""]
    for fid in st.get("headline_facts", []):
        f = facts[fid]
        who = f" — said by {_q(credits(f, names))}" if f.get("speakers") else ""
        lines.append(f"- {_q(f['text'])} *({f['label']}: {srcs(f['sources'])}; {_status(f['status'])}{who})*")
    lines += ["", "## Disagreements", ""]
    if not doc["discrepancies"]:
        lines += ["No disagreements found.", ""]
    for d in doc["discrepancies"]:
        lines.append(f"### {_q(d['summary'])}")
        for v in d["variants"]:
            ev = v["evidence"][0]["text"] if v["evidence"] else ""
            lines.append(f"- **{_q(v['value'])}** ({srcs(v['sources'])}): {_q(ev)}")
        lines.append("")
    details = [f for f in doc["facts"] if f.get("kind") == "detail"]
    if details:
        lines += ["## Shared details", "", "Details that several sources give (a phrase, an age, a count), beyond the facts above:", ""]
        for f in details:
            if f.get("phrases"):  # each source's own words, sources writing alike together
                said = " / ".join(f"**{_q(text)}** ({srcs([e['source'] for e in evs])})" for text, evs in worded_alike(f["phrases"]))
                lines.append(f"- {said} *({f['label']})*")
            else:
                lines.append(f"- **{_q(f['detail']['text'])}** *({f['label']}: {srcs(f['sources'])})*")
        lines.append("")
    people = [f for f in doc["facts"] if f.get("kind") == "profile"]
    if people:
        lines += ["## Who's who", "", "How the sources describe the people of the story, in their own words:", ""]
        for f in people:
            said = "; ".join(f"{_q(text)} ({srcs([e['source'] for e in evs])})" for text, evs in worded_alike(f["evidence"]))
            lines.append(f"- **{_q(f.get('subject') or '')}**: {said}")
        lines.append("")
    lines += ["## Timeline", ""]
    if not doc["timeline"]:
        lines.append("No dated events.")
    for t in doc["timeline"]:
        flag = " **(disputed date)**" if t.get("disputed") else ""
        said = date_words(t)
        lines.append(f"- **{t['date']}**{flag}{f' ({_q(said)})' if said else ''}: {_q(t['text'])} ({srcs(t['sources'])})")
    lines.append("")
    only_here = {src: fids for src, fids in doc.get("only_here", {}).items() if fids}
    if only_here:
        lines += ["## Only here", ""]
    for src, fids in sorted(only_here.items()):
        lines.append(f"### {_q(names.get(src, src))}")
        lines += [f"- {_q(facts[f]['text'])}" for f in fids[:12]]
        if len(fids) > 12:
            lines.append(f"- … {len(fids) - 12} more")
        lines.append("")
    lines += ["## All facts", "", "| fact | sources | independent | status |", "|---|---|---|---|"]
    for f in doc["facts"]:
        if f.get("kind") in {"detail", "profile"}:
            continue
        lines.append(f"| {_q(f['text'])} | {srcs(f['sources'])} | {f['independent_sources']} | {_status(f['status'])} |")
    lines += ["", "## Sources", "", "Each source is named above by its outlet; its id here is the one the JSON uses.", ""]
    for s in doc["sources"]:
        summary = "the feed's summary only" if s.get("text_from") == "summary" else None
        meta = _q(
            ", ".join(x for x in (s.get("published"), f"wire: {s['wire']}" if s.get("wire") else None, summary) if x)
        )  # outlet: the name
        derived = "; derived from " + srcs([d["source"] for d in s.get("derived_from", [])]) if s.get("derived_from") else ""
        named = f"**{_q(names[s['id']])}** ({_code(s['id'])})" if names[s["id"]] != s["id"] else _code(s["id"])  # no outlet: the id once
        title = f" — {_q(s['title'])}" if s.get("title") else ""
        lines.append(f"- {named}{title}{(' (' + meta + ')') if meta else ''}{derived}")
    if doc.get("rejected"):
        lines += ["", "## Not read", ""] + [f"- {_q(r['input'])}: {_q(r['reason'])}" for r in doc["rejected"]]
    if doc.get("warnings"):
        lines += ["", "## Read with a warning", ""] + [f"- {_q(w['input'])}: {_q(w['warning'])}" for w in doc["warnings"]]
    return "\n".join([*lines, "", MARKDOWN_MARK]) + "\n"


def reading_markdown(doc: dict[str, Any]) -> str:
    lines: list[str] = []
    for a in doc["articles"]:
        lines += [f"# {_q(a['id'])}", ""]
        for k in ("title", "outlet", "published", "wire", "language", "url", "author"):
            if a.get(k):
                lines.append(f"- {k}: {_q(str(a[k]))}")
        if a.get("reference_basis") and a.get("reference_date"):
            basis = _BASIS.get(a["reference_basis"], a["reference_basis"])
            lines.append(f"- dates resolved against: {a['reference_date']} ({basis})")
        elif a.get("reference_basis"):
            lines.append("- no date to resolve relative dates against")
        if a["removed"]:
            lines += ["", "## Removed", ""] + [f"- {r['reason']}: {_code(r['text'].strip())}" for r in a["removed"]]
        lines += ["", "## Entities", ""] + [f"- {_q(e['name'])} ({e['type']})" for e in a["entities"]]
        lines += ["", "## Quotes", ""]
        for q in a["quotes"]:
            kind = "direct" if q["direct"] else "reported"
            who = _q(q["speaker"]) if q.get("speaker") else "speaker unknown"  # "he added" the reading could not resolve
            lines.append(f"- **{who}** ({kind}, {q['speaker_kind']}{', cue: ' + _q(q['cue']) if q.get('cue') else ''}): {_q(q['text'])}")
        lines += ["", "## Quantities", ""]
        for q in a["quantities"]:
            said = "".join(f" {k}={_q(str(q[k]))}" for k in ("counted", "state", "period") if q.get(k) is not None)
            low, high = ("…" if q.get(k) is None else q[k] for k in ("low", "high"))  # None: open at that end
            lines.append(f"- {_code(q['text'])} hedge={q.get('hedge')} [{low}, {high}]{said}")
        lines += ["", "## Dates", ""]
        for t in a["times"]:
            lines.append(f"- {_code(t['text'])} → {t.get('value') or 'unresolved'} ({t.get('precision') or '-'})")
        lines.append("")
    if doc.get("rejected"):
        lines += ["# Not read", ""] + [f"- {_q(r['input'])}: {_q(r['reason'])}" for r in doc["rejected"]]
    return "\n".join([*lines, "", MARKDOWN_MARK]) + "\n"
