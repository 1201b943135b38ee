"""Inputs the ingest tests build themselves: news pages, feeds, WARC archives and news-please records.

All texts are invented for these tests (a fictional town, council and ferry); nothing is copied from real articles.
"""

from __future__ import annotations

import html
import io
from datetime import date, timedelta

PLACES = ("Tarnby", "Oskvik", "Mellow Reach", "Harrowgate Point", "Lindqvist Bay", "Eskerford")
SUBJECTS = (
    "the harbour ferry",
    "the old river bridge",
    "the northern water main",
    "the school bus depot",
    "the tram line",
    "the grain pier",
)
PARAGRAPHS = (
    "Engineers from the regional roads office inspected {subject} in {place} on {weekday} morning and found corrosion "
    "in {a} of the supporting beams, according to a statement the town council published in the afternoon.",
    "The council said {subject} would stay closed for at least {b} days while contractors assessed the damage, and "
    "that residents should expect delays of up to {c} minutes on the coastal road during the evening rush.",
    '"We would rather lose {b} days than take any risk with the {d} people who cross it every day," deputy mayor '
    "Ilse Varnum told reporters outside the town hall in {place}, adding that a shuttle would start on Monday.",
    "Shop owners on the harbour front said the closure came at a bad moment, just before the autumn market that "
    "usually brings about {e} visitors to {place} over a single weekend.",
    "The regional roads office estimated the repairs at {f} million crowns and said the money would come from an "
    "emergency maintenance fund set aside after the storms of {g}.",
    "A public meeting about the works on {subject} is planned for {h} March in room {r} of the community centre, where "
    "engineers will answer questions about the schedule, the detours and the noise from night shifts.",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def body_paragraphs(i: int = 0) -> list[str]:
    """Six paragraphs; no two articles share one (the cleaner cuts lines an outlet repeats as boilerplate)."""
    place, subject = PLACES[i % len(PLACES)], SUBJECTS[(i // len(PLACES)) % len(SUBJECTS)]
    nums = {
        "a": i + 2,
        "b": i + 3,
        "c": 20 + i,
        "d": 1000 + 7 * i,
        "e": 2000 + 13 * i,
        "f": f"{1 + i / 10:.1f}",
        "g": 1900 + i,
        "h": 1 + i % 28,
        "r": 100 + i,
    }
    return [p.format(place=place, subject=subject, weekday=WEEKDAYS[i % 7], **nums) for p in PARAGRAPHS]


def headline(i: int = 0) -> str:
    return f"{SUBJECTS[(i // len(PLACES)) % len(SUBJECTS)].capitalize()} in {PLACES[i % len(PLACES)]} closed after inspection {i}"


def published(i: int = 0) -> date:
    return date(2024, 3, 5) + timedelta(days=i % 20)


def article_html(
    i: int = 0, *, site: str = "The Tarnby Courier", author: str = "Ada Quill", charset: str = "utf-8", lang: str = "en"
) -> str:
    """A realistic news page: navigation, header, article with headline, byline and date, an aside, a footer."""
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in body_paragraphs(i))
    d = published(i).isoformat()
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="{charset}">
<title>{html.escape(headline(i))} | {html.escape(site)}</title>
<meta property="og:site_name" content="{html.escape(site)}">
<meta property="og:title" content="{html.escape(headline(i))}">
<meta name="author" content="{html.escape(author)}">
<meta property="article:published_time" content="{d}T08:30:00+01:00">
<meta name="description" content="A short summary of report {i}.">
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav></header>
<main>
<article>
<h1>{html.escape(headline(i))}</h1>
<p class="byline">By {html.escape(author)}</p>
<time datetime="{d}">{d}</time>
{paras}
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Fishing quotas set for next year</a></li><li><a href="/b">Choir wins the county cup</a></li></ul></aside>
</main>
<footer><p>Copyright 2024 {html.escape(site)}. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>
"""


def front_page_html() -> str:
    """A page without an article: navigation and short teasers only."""
    links = "".join(f'<li><a href="/story/{k}">Teaser {k}</a></li>' for k in range(12))
    return (
        f"<!DOCTYPE html><html><head><title>Home</title></head><body><nav><ul>{links}</ul></nav><form><input name='q'></form></body></html>"
    )


def rss_feed(n: int = 3, *, full: bool = True, source: str | None = "Nordic Wire Service", title: str = "The Tarnby Courier") -> bytes:
    items = []
    for i in range(n):
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in body_paragraphs(i))
        content = f"<content:encoded><![CDATA[{paras}<script>alert(1)</script>]]></content:encoded>" if full else ""
        src = f'<source url="https://wire.example/rss">{source}</source>' if source else ""
        items.append(
            f"<item><title>{html.escape(headline(i))}</title><link>https://courier.example/news/story-{i}</link>"
            f"<guid>https://courier.example/news/story-{i}</guid><pubDate>{published(i).strftime('%a, %d %b %Y')} 08:30:00 GMT</pubDate>"
            f"<dc:creator>Ada Quill</dc:creator>{src}"
            f"<description>{html.escape('<p>' + body_paragraphs(i)[0] + '</p>')}</description>{content}</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>{title}</title><link>https://courier.example/</link>'
        f"<language>en-gb</language><description>Local news</description>{''.join(items)}</channel></rss>"
    ).encode()


def atom_feed(n: int = 2) -> bytes:
    entries = []
    for i in range(n):
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in body_paragraphs(10 + i))
        entries.append(
            f"<entry><title>{html.escape(headline(10 + i))}</title><link href='https://gazette.example/a/{i}'/><id>urn:gazette:{i}</id>"
            f"<updated>{published(10 + i).isoformat()}T09:00:00Z</updated><author><name>Bo Lindgren</name></author>"
            f"<content type='html'>{html.escape(paras)}</content></entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Oskvik Gazette</title>'
        f"<id>urn:gazette</id><updated>2024-03-20T00:00:00Z</updated>{''.join(entries)}</feed>"
    ).encode()


def warc_bytes(n_pages: int, *, gzip: bool = True, extras: bool = True) -> bytes:
    """A WARC with ``n_pages`` HTML responses, each preceded by its request, plus (``extras``) a metadata record, an
    image response, a 404 page, a front page without an article and a page served twice under one URI."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    w = WARCWriter(out, gzip=gzip)

    def response(uri: str, payload: bytes, ctype: str = "text/html; charset=utf-8", status: str = "200 OK") -> None:
        req = w.create_warc_record(
            uri,
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders("GET / HTTP/1.1", [("Host", "courier.example")], is_http_request=True),
        )
        w.write_record(req)
        headers = StatusAndHeaders(status, [("Content-Type", ctype), ("Content-Length", str(len(payload)))], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers))

    for i in range(n_pages):
        response(f"https://courier.example/news/2024/story-{i}.html", article_html(i).encode())
    if extras:
        w.write_record(
            w.create_warc_record("https://courier.example/", "metadata", payload=io.BytesIO(b"outlinks: 3"), warc_content_type="text/plain")
        )
        response("https://courier.example/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, ctype="image/png")
        response("https://courier.example/missing", article_html(999).encode(), status="404 Not Found")
        response("https://courier.example/", front_page_html().encode())
        response("https://courier.example/news/2024/story-0.html", article_html(500).encode())
    return out.getvalue()
