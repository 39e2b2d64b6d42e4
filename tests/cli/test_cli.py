"""The `sujet` command: JSON contracts, one-line errors and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_backend import backend_url

from sujet.model import Event, Storyline
from sujet.store import open_store

HTML = """<!doctype html><html lang="en"><head><title>Tomsk and Minsk agree on microelectronics | Wire</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Tomsk and Minsk agree on microelectronics</h1>
<p>TOMSK, Aug 30 (Siberian Wire) - The Tomsk region and Belarus agreed on Friday to expand
cooperation in microelectronics and machine building, the regional administration said.</p>
<p>Governor Vladimir Mazur said high technology would be the core of the partnership, and both
sides plan a joint programme to be presented next autumn.</p>
<p>Trade between the region and Belarus rose by sixty percent in the first half of the year.</p>
</article><footer>Contact us. Privacy policy.</footer></body></html>"""


def sujet(*args: str, db: Path | None = None) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "sujet.cli", *args]
    if db is not None:
        cmd += ["--db", f"sqlite:///{db}"]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300)


def test_extract_json_has_the_article_fields(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(HTML, encoding="utf-8")
    out = sujet("extract", str(page), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    for key in ("id", "source", "title", "text", "date", "language", "dateline", "agency", "duplicate_of"):
        assert key in data
    assert data["title"] == "Tomsk and Minsk agree on microelectronics"
    assert "microelectronics and machine building" in data["text"]
    assert "Privacy policy" not in data["text"]
    assert data["language"] == "en"


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["extract", "/nonexistent/page.html"], 2),
        (["eval", "nonsense", "--data", "."], 2),
        (["export", "--format", "xml"], 2),
        (["show", "0000000000000000"], 3),
    ],
)
def test_bad_input_gives_one_line_and_non_zero_exit(tmp_path: Path, args: list[str], code: int) -> None:
    db = tmp_path / "s.sqlite" if args[0] in ("export", "show") else None
    out = sujet(*args, db=db)
    assert out.returncode == code
    lines = [ln for ln in out.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("sujet: error:")
    assert "[E" in lines[0]


def test_ingest_then_list_show_search_export(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.html").write_text(HTML, encoding="utf-8")
    (folder / "b.txt").write_text(
        "Главная\nНовости\n\nТомская область и Беларусь расширят сотрудничество\n\n"
        "ТОМСК, 30 авг – РИА Томск. Томская область и Республика Беларусь договорились "
        "продолжать сотрудничество в производственной и научно-технологической сферах, "
        "сообщил губернатор Владимир Мазур.\n\nСтороны планируют подготовить программу "
        "сотрудничества к осени будущего года.\n\nКонтакты\n",
        encoding="utf-8",
    )
    db = tmp_path / "s.sqlite"
    out = sujet("ingest", str(folder), "--json", "--no-enrich", db=db)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["added"] == 2
    listed = json.loads(sujet("articles", "--json", db=db).stdout)
    assert {a["language"] for a in listed} == {"en", "ru"}
    ru = next(a for a in listed if a["language"] == "ru")
    shown = json.loads(sujet("show", ru["id"], "--json", db=db).stdout)
    assert shown["id"] == ru["id"] and "сотрудничество" in shown["text"]
    assert shown["dateline"] and shown["dateline"].lower() == "томск"
    hits = json.loads(sujet("search", "сотрудничества", "--json", db=db).stdout)
    assert [h["article"]["id"] for h in hits] == [ru["id"]]
    jsonl = sujet("export", "--format", "jsonl", db=db).stdout.splitlines()
    assert len(jsonl) == 2 and json.loads(jsonl[0])["id"]
    csv_out = sujet("export", "--format", "csv", db=db).stdout.splitlines()
    assert csv_out[0].startswith("id,source,")
    parquet = tmp_path / "a.parquet"
    assert sujet("export", "--format", "parquet", "-o", str(parquet), db=db).returncode == 0
    import pyarrow.parquet as pq

    assert pq.read_table(parquet).num_rows == 2


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from backend_url(request.param, tmp_path, "sujet_cli")


def test_event_and_storyline_accept_merged_ids(store_url: str) -> None:
    with open_store(store_url) as store:
        store.upsert_events([Event(id="ev-a", title="Survivor", date_from="2024-08-30"),
                             Event(id="ev-b", title="Merged away")])
        store.upsert_storylines([Storyline(id="st-a", title="Line", event_ids=["ev-a"]),
                                 Storyline(id="st-b", title="Old line")])
        store.add_event_aliases({"ev-b": "ev-a"})
        store.delete_events(["ev-b"])
        store.add_storyline_aliases({"st-b": "st-a"})
        store.delete_storylines(["st-b"])
    db = ["--db", store_url]

    shown = sujet("event", "ev-b", "--json", *db)
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["id"] == "ev-a"
    assert shown.stderr.strip() == "event ev-b was merged into ev-a"
    live = sujet("event", "ev-a", *db)
    assert live.returncode == 0 and live.stderr == "" and "Survivor" in live.stdout

    line = sujet("storyline", "st-b", "--json", *db)
    assert line.returncode == 0, line.stderr
    data = json.loads(line.stdout)
    assert data["id"] == "st-a" and [e["id"] for e in data["events"]] == ["ev-a"]
    assert line.stderr.strip() == "storyline st-b was merged into st-a"
    text = sujet("storyline", "st-a", *db)
    assert text.returncode == 0 and text.stdout.startswith("st-a  ") and "Survivor" in text.stdout

    for command in ("event", "storyline"):
        missing = sujet(command, "nope", *db)
        assert missing.returncode == 3
        assert missing.stderr.strip() == f"sujet: error: no {command} nope [E404]"
