"""The sample corpus in examples/corpus is complete, parseable and agrees with its gold file.

These checks look at the files only (no pipeline): every item named in corpus-gold.json exists, the
containers parse with the record counts gold gives, legacy encodings are what gold says, the
gold strings are true of the raw items, and build_corpus.py reproduces the committed files.
"""

from __future__ import annotations

import codecs
import html
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import feedparser
import pytest
from warcio.archiveiterator import ArchiveIterator

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
BUILD = ROOT / "examples" / "build_corpus.py"
GOLD = json.loads((CORPUS.parent / "corpus-gold.json").read_text(encoding="utf-8"))
ITEMS = GOLD["items"]
EXPECTED = GOLD["expected"]
DROPPED = [d["item"] for d in EXPECTED["dropped"]]


def squash(s: str) -> str:
    return " ".join(s.split())


def visible(raw: str) -> str:
    raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
    raw = re.sub(r"(?s)<[^>]+>", " ", raw)
    return squash(html.unescape(raw))


def warc_responses(path: Path) -> list:
    out = []
    with path.open("rb") as fh:
        for rec in ArchiveIterator(fh):
            if rec.rec_type == "response":
                charset = rec.http_headers.get_header("Content-Type") or ""
                out.append((rec.rec_headers, charset, rec.content_stream().read()))
    return out


def raw_item(name: str, encoding: str | None = None) -> str:
    """The decoded raw text of an item, as a reader yields it (feed: title + content)."""
    path, _, idx = name.partition("#")
    file = CORPUS / path
    if not idx:
        data = file.read_bytes()
        return data.decode(encoding or "utf-8-sig")
    i = int(idx)
    if path.endswith((".rss", ".atom")):
        entry = feedparser.parse(file.read_bytes()).entries[i]
        return entry.title + " " + entry.content[0].value
    if path.endswith(".warc.gz"):
        _, _, payload = warc_responses(file)[i]
        return payload.decode(encoding or "utf-8")
    if path.endswith(".jsonl"):
        rec = json.loads(file.read_text(encoding="utf-8").splitlines()[i])
        return rec.get("html") or rec["text"]
    raise AssertionError(f"unknown container {path}")


def test_every_named_item_exists():
    names = [e["item"] for e in ITEMS] + DROPPED
    assert len(names) == len(set(names))
    for name in names:
        path, _, idx = name.partition("#")
        assert (CORPUS / path).is_file(), name
        if idx:
            assert path in GOLD["containers"], name
            assert int(idx) < GOLD["containers"][path]["items"], name
    for group in EXPECTED["events"].values():
        assert set(group) <= set(names)
    for dup, d in EXPECTED["duplicates"].items():
        assert dup in names and d["of"] in names


def test_every_corpus_file_is_in_gold():
    named = {e["item"].partition("#")[0] for e in ITEMS} | {d.partition("#")[0] for d in DROPPED}
    on_disk = {
        p.relative_to(CORPUS).as_posix()
        for p in CORPUS.rglob("*")
        if p.is_file() and p.name != "README.md"
    }
    assert on_disk == named


def test_size_and_languages():
    assert len(ITEMS) + len(DROPPED) >= 30
    langs = Counter(e["language"] for e in ITEMS)
    assert {"ru", "de", "en"} <= set(langs)
    assert set(GOLD["languages"]) == set(langs)


def test_events_reported_in_several_languages():
    by_event: dict[str, set[str]] = {}
    for e in ITEMS:
        by_event.setdefault(e["event"], set()).add(e["language"])
    multi = [ev for ev, langs in by_event.items() if len(langs) >= 2]
    assert len(multi) >= 0.8 * len(by_event)
    assert set(by_event) == set(EXPECTED["events"]) == set(GOLD["events"])
    for ev, group in EXPECTED["events"].items():
        assert sorted(group) == sorted(e["item"] for e in ITEMS if e["event"] == ev)
    for sl, events in EXPECTED["storylines"].items():
        for ev in events:
            assert GOLD["events"][ev]["storyline"] == sl


def test_rss_and_atom_parse_with_gold_counts():
    for path, info in GOLD["containers"].items():
        if info["kind"] not in ("rss", "atom"):
            continue
        feed = feedparser.parse((CORPUS / path).read_bytes())
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.version.startswith(info["kind"]), feed.version
        assert len(feed.entries) == info["items"]
        for entry in feed.entries:
            assert entry.content and len(visible(entry.content[0].value)) > 300
            assert entry.get("published_parsed")


def test_warc_parses_with_gold_counts():
    path = next(p for p, i in GOLD["containers"].items() if i["kind"] == "warc")
    info = GOLD["containers"][path]
    with (CORPUS / path).open("rb") as fh:
        records = list(ArchiveIterator(fh))
    assert len(records) == info["records"]
    responses = warc_responses(CORPUS / path)
    assert len(responses) == info["items"]
    for e in ITEMS:
        if e["item"].startswith(path + "#"):
            headers, _, _ = responses[int(e["item"].rpartition("#")[2])]
            assert headers.get_header("WARC-Target-URI") == e["url"]
            assert headers.get_header("WARC-Date") == e["warc_date"]
            assert not e["warc_date"].startswith(e["date"])  # crawl time, not publication


def test_jsonl_records():
    path = next(p for p, i in GOLD["containers"].items() if i["kind"] == "jsonl")
    recs = [json.loads(x) for x in (CORPUS / path).read_text(encoding="utf-8").splitlines()]
    assert len(recs) == GOLD["containers"][path]["items"]
    assert set(recs[0]) == {"url", "title", "html"}
    assert set(recs[1]) == {"url", "text"}


@pytest.mark.parametrize("entry", [e for e in ITEMS if e.get("encoding")], ids=lambda e: e["item"])
def test_legacy_encodings(entry):
    name = entry["item"]
    path, _, idx = name.partition("#")
    if idx:
        headers, content_type, data = warc_responses(CORPUS / path)[int(idx)]
        assert "charset=" in content_type
    else:
        data = (CORPUS / path).read_bytes()
    if entry.get("bom"):
        assert data.startswith(codecs.BOM_UTF8)
        assert entry["encoding"] == "utf-8"
        data.decode("utf-8")
        return
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = data.decode(entry["encoding"])
    assert squash(entry["body_starts"]) in visible(text)
    declared = entry["charset_declared"]
    head = text[:2000].lower()
    if declared in (None, "http"):
        assert "charset" not in head
    else:
        assert f'charset="{declared}"' in head


def test_plain_utf8_items_decode():
    for e in ITEMS:
        path = e["item"].partition("#")[0]
        if not e.get("encoding") and "#" not in e["item"]:
            (CORPUS / path).read_bytes().decode("utf-8")


@pytest.mark.parametrize("entry", ITEMS, ids=lambda e: e["item"])
def test_gold_strings_true_of_raw_item(entry):
    raw = visible(raw_item(entry["item"], entry.get("encoding")))
    text = squash(entry["text"])
    assert 300 <= len(entry["text"]) <= 1500
    assert text.startswith(squash(entry["body_starts"]))
    assert text.endswith(squash(entry["body_ends"]))
    assert squash(entry["body_starts"]) in raw and squash(entry["body_ends"]) in raw
    for s in entry["once_in_body"]:
        assert raw.count(squash(s)) >= 2, s
        assert text.count(squash(s)) == 1, s
    for s in entry["not_in_body"]:
        assert squash(s) in raw, s
        assert squash(s) not in text, s
    if entry["title"]:
        assert squash(entry["title"]) in raw
        assert entry["title"] not in entry["text"]
    if entry["dateline"]:
        assert squash(entry["dateline"]) in raw
        assert (entry["dateline"] in entry["text"]) == entry["dateline_in_body"]
    # every paragraph of the gold body is on the page
    for para in entry["text"].split("\n\n"):
        assert squash(para) in raw
    for p in entry["persons"]:
        assert p["forms"] and all(f in text for f in p["forms"]), p
    for f in entry["figures"]:
        assert f["text"] in text, f


def body_after_dateline(entry: dict) -> str:
    """The body without a leading dateline: exact duplicates agree on it across forms."""
    text = entry["text"]
    if entry["dateline_in_body"]:
        assert text.startswith(entry["dateline"] + " ")
        text = text[len(entry["dateline"]) + 1 :]
    return text


def test_duplicates():
    by_name = {e["item"]: e for e in ITEMS}
    for dup, d in EXPECTED["duplicates"].items():
        a, b = by_name[dup], by_name[d["of"]]
        assert a["duplicate_of"] == d["of"] and b["duplicate_of"] is None
        assert a["event"] == b["event"] and a["language"] == b["language"]
        assert dup > d["of"] and a["date"] >= b["date"]
        ta, tb = body_after_dateline(a), body_after_dateline(b)
        sa, sb = ta.split(". "), tb.split(". ")
        if d["kind"] == "exact":
            assert ta == tb
        else:
            assert ta != tb
            assert len(set(sa) ^ set(sb)) <= 2  # one sentence changed
    assert sum(1 for d in EXPECTED["duplicates"].values() if d["kind"] == "exact") >= 2
    assert any(d["kind"] == "near" for d in EXPECTED["duplicates"].values())


def test_dropped_pages_have_no_article():
    for d in EXPECTED["dropped"]:
        assert d["reason"] == "E107"
        raw = raw_item(d["item"])
        # a link list: nothing like a paragraph of prose
        assert "<p>" not in raw.split("<main", 1)[1].split("</main>", 1)[0]


def test_persons_across_scripts_and_positions():
    canon = {n for group in EXPECTED["same_person_across_scripts"] for n in group[:1]}
    seen = set()
    for e in ITEMS:
        for p in e["persons"]:
            if e["language"] == "ru":
                assert "same_as" not in p
                seen.add(p["name"])
            else:
                assert p["same_as"] in canon
                group = next(
                    g for g in EXPECTED["same_person_across_scripts"] if g[0] == p["same_as"]
                )
                assert p["name"] in group
    assert seen <= canon
    for person, positions in EXPECTED["positions_in_order"].items():
        hist = EXPECTED["position_history"][person]
        assert [h["position"] for h in hist] == positions and len(positions) >= 2
        assert [h["date"] for h in hist] == sorted(h["date"] for h in hist)
    for person, n in EXPECTED["mention_counts_at_least"].items():
        arts = [
            e
            for e in ITEMS
            if not e["duplicate_of"]
            and any(p.get("same_as", p["name"]) == person for p in e["persons"])
        ]
        assert len(arts) >= n


def test_build_is_deterministic(tmp_path):
    out = tmp_path / "corpus"
    proc = subprocess.run(
        [sys.executable, str(BUILD), "--out", str(out)], capture_output=True, text=True, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stderr
    built = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert built
    for rel in built:
        assert (out / rel).read_bytes() == (CORPUS / rel).read_bytes(), rel
    committed = {
        p.relative_to(CORPUS).as_posix()
        for p in CORPUS.rglob("*")
        if p.is_file() and p.name != "README.md"
    }
    assert committed == set(built)
    gold = tmp_path / "corpus-gold.json"
    assert gold.read_bytes() == (CORPUS.parent / "corpus-gold.json").read_bytes()
