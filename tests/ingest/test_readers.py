"""iter_pages over every kind of input, and every bad input as exactly one ReadFailure."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import BAD_DIR
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sujet.config import IngestSettings, Settings
from sujet.ingest import ReadFailure, iter_pages
from sujet.ingest.encoding import decode
from sujet.model import Page

RU = "Губернатор Томской области Владимир Мазур провёл встречу с делегацией Беларуси."
DE = "Der Minister für Naturressourcen traf sich in Minsk mit der Delegation aus Tomsk."
HTML = f"<html><head><meta charset='utf-8'><title>T</title></head><body><p>{DE}</p></body></html>"

RSS = f"""<?xml version="1.0" encoding="windows-1251"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>РИА</title><link>http://www.riatomsk.ru/</link>
<item><title>Встреча</title><link>http://www.riatomsk.ru/a/1</link>
<description>Кратко</description>
<content:encoded><![CDATA[<p>{RU}</p>]]></content:encoded>
<pubDate>Fri, 30 Aug 2024 01:00:00 +0300</pubDate></item>
<item><title>Только анонс</title><link>http://www.riatomsk.ru/a/2</link>
<description>&lt;p&gt;Анонс новости&lt;/p&gt;</description></item>
</channel></rss>""".encode("cp1251")

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>BelTA</title>
<entry><title type="html">Minsk &amp;amp; Tomsk</title><link rel="alternate" href="https://de.belta.by/x/1"/>
<id>urn:1</id><updated>2024-08-31T10:00:00+03:00</updated><published>2024-08-30T09:00:00+03:00</published>
<summary>kurz</summary><content type="html">&lt;p&gt;{DE}&lt;/p&gt;</content></entry>
</feed>""".encode()


def _pages(out: list[Page | ReadFailure]) -> list[Page]:
    return [o for o in out if isinstance(o, Page)]


def _failures(out: list[Page | ReadFailure]) -> list[ReadFailure]:
    return [o for o in out if isinstance(o, ReadFailure)]


def _run(inputs: list[str], settings: Settings) -> list[Page | ReadFailure]:
    return list(iter_pages(inputs, settings))


def _warc(path: Path, *, gz: bool) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        writer.write_record(writer.create_warc_record("http://a.example/", "warcinfo", payload=io.BytesIO(b"x: y\r\n")))
        bodies = [
            ("http://www.news.example/1", "text/html; charset=windows-1251", RU.encode("cp1251"), "200 OK"),
            ("http://news.example/img.png", "image/png", b"\x89PNG\r\n\x1a\n", "200 OK"),
            ("http://news.example/gone", "text/html", b"<p>gone</p>", "404 Not Found"),
            ("http://news.example/2", "text/html", HTML.encode("utf-8"), "200 OK"),
        ]
        for url, ctype, body, status in bodies:
            request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(request)
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=http,
                warc_headers_dict={"WARC-Date": "2024-08-30T10:00:00Z"},
            )
            writer.write_record(record)


# -- good inputs --------------------------------------------------------------------------


def test_html_and_text_files(tmp_path: Path, settings: Settings) -> None:
    folder = tmp_path / "riatomsk"
    folder.mkdir()
    (folder / "a.html").write_text(HTML, encoding="utf-8")
    (folder / "b.txt").write_bytes(RU.encode("cp1251"))
    (folder / "c.htm.gz").write_bytes(gzip.compress(HTML.encode("utf-8")))
    out = _run([str(folder)], settings)
    assert not _failures(out)
    pages = _pages(out)
    assert [Path(p.source).name for p in pages] == ["a.html", "b.txt", "c.htm.gz"]
    assert [p.content_type for p in pages] == ["text/html", "text/plain", "text/html"]
    assert all(p.site == "riatomsk" for p in pages)
    assert pages[2].content == HTML.encode("utf-8")
    assert decode(pages[1].content)[0] == RU
    assert pages[0].fetched_at is not None


def test_folders_are_walked_recursively_in_sorted_order(tmp_path: Path, settings: Settings) -> None:
    for rel in ["b/z.html", "a/y.html", "a/sub/x.txt", "c.html", ".hidden/h.html", "a/logo.png"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(HTML, encoding="utf-8")
    out = _run([str(tmp_path)], settings)
    rels = [str(Path(p.source).relative_to(tmp_path)) for p in _pages(out)]
    assert rels == ["a/sub/x.txt", "a/y.html", "b/z.html", "c.html"]
    assert not _failures(out)


def test_json_and_jsonl_records(tmp_path: Path, settings: Settings) -> None:
    records = [
        {"text": RU, "url": "https://www.riatomsk.ru/n/1", "title": "Встреча", "date": "2024-08-30"},
        {"html": HTML, "source": "BelTA", "id": "x1"},
        {"title": "no body"},
    ]
    (tmp_path / "r.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n\n", encoding="utf-8"
    )
    (tmp_path / "one.json").write_text(json.dumps(records[0], ensure_ascii=False), encoding="utf-8")
    (tmp_path / "list.json.gz").write_bytes(gzip.compress(json.dumps(records[:2]).encode()))
    out = _run([str(tmp_path / "r.jsonl"), str(tmp_path / "one.json"), str(tmp_path / "list.json.gz")], settings)
    pages = _pages(out)
    assert [p.source.rsplit("/", 1)[-1] for p in pages] == [
        "r.jsonl#0", "r.jsonl#1", "one.json#0", "list.json.gz#0", "list.json.gz#1",
    ]
    first, second = pages[0], pages[1]
    assert (first.content, first.content_type, first.url) == (RU, "text/plain", "https://www.riatomsk.ru/n/1")
    assert (first.title_hint, first.date_hint, first.site) == ("Встреча", "2024-08-30", "riatomsk.ru")
    assert (second.content_type, second.site, second.metadata["id"]) == ("text/html", "BelTA", "x1")
    [failure] = _failures(out)
    assert failure.source.endswith("r.jsonl#2") and failure.code == "E101"


def test_rss_items_are_pages(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "ria.rss").write_bytes(RSS)
    out = _run([str(tmp_path / "ria.rss")], settings)
    assert not _failures(out)
    full, summary_only = _pages(out)
    assert full.source.endswith("ria.rss#0") and summary_only.source.endswith("ria.rss#1")
    assert RU in str(full.content)
    assert full.url == "http://www.riatomsk.ru/a/1"
    assert full.title_hint == "Встреча"
    assert full.date_hint == "2024-08-30T01:00:00+03:00"  # the publisher's own day is kept
    assert full.site == "riatomsk.ru"
    assert "Анонс новости" in str(summary_only.content)
    assert summary_only.content_type == "text/html"


def test_atom_entries_and_feed_sniffing(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "belta.xml").write_bytes(ATOM)
    (tmp_path / "feed_without_extension").write_bytes(ATOM)
    (tmp_path / "belta.atom.gz").write_bytes(gzip.compress(ATOM))
    out = _run([str(tmp_path)], settings)
    assert not _failures(out)
    pages = _pages(out)
    assert len(pages) == 3
    for page in pages:
        assert DE in str(page.content)
        assert page.title_hint == "Minsk & Tomsk"
        assert page.date_hint == "2024-08-30T09:00:00+03:00"
        assert page.url == "https://de.belta.by/x/1"
        assert page.site == "de.belta.by"


def test_xml_that_is_not_a_feed(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url/></urlset>')
    [failure] = _run([str(tmp_path / "sitemap.xml")], settings)
    assert isinstance(failure, ReadFailure) and failure.code == "E100"
    assert "urlset" in failure.reason


@pytest.mark.parametrize("gz", [False, True])
def test_warc_response_records(tmp_path: Path, settings: Settings, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    _warc(path, gz=gz)
    out = _run([str(path)], settings)
    assert not _failures(out)
    first, second = _pages(out)
    assert first.source == f"{path}#0" and second.source == f"{path}#1"
    assert first.url == "http://www.news.example/1"
    assert first.encoding == "windows-1251"
    assert decode(first.content, declared=first.encoding)[0] == RU
    assert first.fetched_at is not None and first.fetched_at.year == 2024
    assert first.site == "news.example"
    assert second.content == HTML.encode("utf-8")


def test_url_list_with_bad_schemes_needs_no_network(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "list.urls").write_text("# comment\n\nftp://example.org/x\nnot a url\n")
    out = _run([str(tmp_path / "list.urls")], settings)
    assert [(f.source, f.code) for f in _failures(out)] == [
        ("ftp://example.org/x", "E100"), ("not a url", "E100"),
    ]


# -- bad inputs ---------------------------------------------------------------------------

EXPECTED = json.loads((BAD_DIR / ".expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_input(name: str, settings: Settings) -> None:
    expected = EXPECTED[name]
    out = _run([str(BAD_DIR / name)], settings)
    failures = _failures(out)
    pages = _pages(out)
    assert len(pages) == expected["pages"]
    if expected["code"] is None:
        assert not failures
        text, _ = decode(pages[0].content, declared=pages[0].encoding)
        assert expected["contains"] in text
    else:
        assert [f.code for f in failures] == [expected["code"]], failures
        assert failures[0].reason and "\n" not in failures[0].reason


def test_bad_folder_as_a_whole_keeps_going(settings: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    shutil.copytree(BAD_DIR, folder)
    (folder / "good.html").write_text(HTML, encoding="utf-8")
    out = _run([str(folder)], settings)
    expected_failures = sum(1 for e in EXPECTED.values() if e["code"])
    expected_pages = sum(e["pages"] for e in EXPECTED.values()) + 1
    assert len(_failures(out)) == expected_failures
    assert len(_pages(out)) == expected_pages
    assert any(p.source.endswith("good.html") for p in _pages(out))


def test_oversized_page_is_refused_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    with big.open("wb") as fh:  # 50 MB, sparse: the reader must stop at the size
        fh.truncate(50 * 1024 * 1024)
    out = _run([str(big), str(BAD_DIR / "koi8r_no_charset.html")], Settings())
    assert [type(o).__name__ for o in out] == ["ReadFailure", "Page"]
    assert out[0].code == "E103"  # type: ignore[union-attr]


def test_gzip_bomb_is_cut_while_decompressing(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b"a" * (3 * 1024 * 1024) + b"</p>"))
    [failure] = _run([str(bomb)], Settings(ingest=IngestSettings(max_bytes=1024 * 1024)))
    assert isinstance(failure, ReadFailure) and failure.code == "E103"


def test_jsonl_caps_each_record(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": DE}) + "\n")
    out = _run([str(path)], Settings(ingest=IngestSettings(max_bytes=1000)))
    assert [type(o).__name__ for o in out] == ["ReadFailure", "Page"]
    assert out[0].code == "E103" and out[1].source.endswith("#1")  # type: ignore[union-attr]


def test_missing_and_unreadable_paths(tmp_path: Path, settings: Settings) -> None:
    locked = tmp_path / "locked.html"
    locked.write_text(HTML)
    locked.chmod(0)
    try:
        out = _run([str(tmp_path / "missing.html"), str(locked), "gopher://x/", str(BAD_DIR / "koi8r_no_charset.html")], settings)
    finally:
        locked.chmod(0o644)
    codes = [(o.code if isinstance(o, ReadFailure) else "page") for o in out]
    if os.geteuid() == 0:  # root reads anything: the locked file is a page
        assert codes == ["E100", "page", "E100", "page"]
    else:
        assert codes == ["E100", "E100", "E100", "page"]
    assert "no such file" in out[0].reason  # type: ignore[union-attr]
