"""What a new user meets on the command line: coded one-line errors (JSON with --json), a line
for empty results, strict dates, read commands that never create a store, id prefixes, honest
ingest exit codes, --version and -h. Every case runs the real `sujet` command."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_backend import backend_url

from sujet.model import Article, Event
from sujet.store import open_store


def sujet(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sujet.cli", *args], capture_output=True,
                          text=True, timeout=300, cwd=cwd)


def one_error_line(out: subprocess.CompletedProcess[str], code: str) -> str:
    lines = [ln for ln in out.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, out.stderr
    assert lines[0].startswith("sujet: error: ") and lines[0].endswith(f"[{code}]"), lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli-ux") / "store.sqlite"
    url = f"sqlite:///{path}"
    with open_store(url) as store:
        store.add_articles([
            Article(id=f"{prefix}{i:02d}", source="x", text=f"Report number {i} on the talks.",
                    title=f"Report {prefix}{i}", date=date, language=lang, site="ru24.net")
            for i, (prefix, date, lang) in enumerate([
                ("ab12", "2024-12-30", "en"), ("ab13", "2025-01-01", "en"),
                ("cd55", "2025-03-05", "ru"), ("ef77", "2025", "de")])
        ])
        store.upsert_events([Event(id="53a5b702af998cb7", title="Roadmap signed",
                                   date_from="2025-06-17"),
                             Event(id="53b0000000000000", title="Other", date_from="2024-01-02")])
    return url


def test_version_and_short_help() -> None:
    version = sujet("--version")
    assert version.returncode == 0 and re.fullmatch(r"sujet \d+\.\d+\.\d+\n", version.stdout)
    short = sujet("-h")
    assert short.returncode == 0 and "Usage: sujet" in short.stdout
    assert "Exit status" in short.stdout
    sub = sujet("articles", "-h")
    assert sub.returncode == 0 and "--from" in sub.stdout and "YYYY-MM-DD" in sub.stdout


def test_help_names_no_double_negations_and_explains_options() -> None:
    for command, flag in (("ingest", "--no-enrich"), ("articles", "--no-duplicates"),
                          ("serve", "--no-poll")):
        out = sujet(command, "--help")
        assert out.returncode == 0
        assert "--no-no-" not in out.stdout and flag in out.stdout
    help_text = sujet("events", "--help").stdout
    assert "Store URL" in help_text and "sqlite:///sujet.sqlite" in help_text
    assert "ISO 639-1" in help_text


def test_unknown_command_is_one_coded_line() -> None:
    out = sujet("frobnicate")
    assert out.returncode == 2
    line = one_error_line(out, "E100")
    assert "frobnicate" in line
    as_json = sujet("frobnicate", "--json")
    assert as_json.returncode == 2
    assert json.loads(as_json.stderr)["error"]["code"] == "E100"


@pytest.mark.parametrize("command", [["stats"], ["events"], ["search", "Соколов"],
                                     ["articles"], ["entity", "Sokolov"]])
def test_read_commands_never_create_a_store(tmp_path: Path, command: list[str]) -> None:
    out = sujet(*command, cwd=tmp_path)
    assert out.returncode == 3
    line = one_error_line(out, "E302")
    assert "sujet ingest" in line
    assert list(tmp_path.iterdir()) == []
    missing_dir = tmp_path / "nonexistent" / "dir" / "x.sqlite"
    out = sujet(*command, "--db", f"sqlite:///{missing_dir}")
    assert out.returncode == 3
    assert not (tmp_path / "nonexistent").exists()


def test_a_db_that_is_not_a_url_is_refused(tmp_path: Path) -> None:
    out = sujet("stats", "--db", "notaurl", cwd=tmp_path)
    assert out.returncode == 2
    assert "not a store URL" in one_error_line(out, "E100")
    assert not (tmp_path / "notaurl").exists()
    as_json = sujet("stats", "--db", "notaurl", "--json", cwd=tmp_path)
    error = json.loads(as_json.stderr)["error"]
    assert error["code"] == "E100" and "not a store URL" in error["message"]
    assert as_json.stdout == ""


def test_stats_of_an_empty_store_has_no_dangling_in(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    open_store(url).close()
    out = sujet("stats", "--db", url)
    assert out.returncode == 0
    first = out.stdout.splitlines()[0]
    assert not first.rstrip().endswith(" in") and first.startswith("0 articles")
    assert "sujet ingest" in first


def test_empty_results_say_so(db: str) -> None:
    for args, what in ((["search", "zzzqqq"], "no articles match 'zzzqqq'"),
                       (["articles", "--language", "xx"], "no articles match"),
                       (["events", "--from", "2030"], "no events match")):
        out = sujet(*args, "--db", db)
        assert out.returncode == 0, out.stderr
        assert out.stdout == "" and out.stderr.strip() == what
        as_json = sujet(*args, "--db", db, "--json")
        assert json.loads(as_json.stdout) == [] and as_json.stderr == ""


@pytest.mark.parametrize("bad", ["2024-13-45", "01.01.2025", "tomorrowish", "2025-02-30"])
def test_bad_dates_are_coded_errors(db: str, bad: str) -> None:
    for command in ("articles", "events"):
        out = sujet(command, "--from", bad, "--db", db)
        assert out.returncode == 2
        assert bad in one_error_line(out, "E108")
    as_json = sujet("articles", "--to", bad, "--db", db, "--json")
    assert json.loads(as_json.stderr)["error"]["code"] == "E108"


def test_dates_are_compared_as_dates(db: str) -> None:
    def ids(*args: str) -> list[str]:
        out = sujet("articles", "--json", "--db", db, *args)
        assert out.returncode == 0, out.stderr
        return sorted(a["id"] for a in json.loads(out.stdout))

    # Unpadded months and days are the same dates; a year-only date may fall in any range.
    assert ids("--from", "2025-1-1") == ids("--from", "2025-01-01") == ["ab1301", "cd5502", "ef7703"]
    assert ids("--to", "2024-12") == ["ab1200"]
    assert ids("--from", "2025-03", "--to", "2025-03-31") == ["cd5502", "ef7703"]
    assert ids("--from", "yesterday") == []
    reversed_range = sujet("articles", "--from", "2025-02", "--to", "2025-01", "--db", db)
    assert reversed_range.returncode == 2 and "before it starts" in reversed_range.stderr


def test_id_prefixes(db: str) -> None:
    unique = sujet("event", "53a5", "--db", db, "--json")
    assert unique.returncode == 0, unique.stderr
    assert json.loads(unique.stdout)["id"] == "53a5b702af998cb7"
    ambiguous = sujet("event", "53", "--db", db)
    assert ambiguous.returncode == 2
    line = one_error_line(ambiguous, "E109")
    assert "53a5b702af998cb7" in line and "53b0000000000000" in line
    shown = sujet("show", "cd55", "--db", db, "--json")
    assert shown.returncode == 0 and json.loads(shown.stdout)["id"] == "cd5502"
    assert sujet("show", "ab1", "--db", db).returncode == 2
    missing = sujet("show", "ffff", "--db", db, "--json")
    assert missing.returncode == 3
    assert json.loads(missing.stderr)["error"] == {"code": "E404", "message": "no article ffff"}


def test_ingest_exit_codes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.sqlite'}"
    missing = sujet("ingest", str(tmp_path / "nope.html"), "--no-enrich", "--db", url)
    assert missing.returncode == 2
    assert missing.stderr.strip().endswith("no such file or folder [E100]")
    junk = tmp_path / "junk.txt"
    junk.write_text("x\n", encoding="utf-8")
    all_failed = sujet("ingest", str(junk), "--no-enrich", "--db", url, "--json")
    assert all_failed.returncode == 2
    assert json.loads(all_failed.stdout)["added"] == 0
    assert json.loads(all_failed.stderr)["error"]["code"] == "E100"
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Talks in Minsk</title></head><body><article><p>"
        + "The delegations of the two regions met in Minsk on Tuesday and agreed on a plan. " * 4
        + "</p></article></body></html>", encoding="utf-8")
    some_failed = sujet("ingest", str(page), str(junk), "--no-enrich", "--db", url)
    assert some_failed.returncode == 0, some_failed.stderr
    again = sujet("ingest", str(page), "--no-enrich", "--db", url)
    assert again.returncode == 0 and "already stored 1" in again.stdout


def test_site_comes_from_the_page_never_from_its_folder(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    body = ("Томская область и Беларусь расширят сотрудничество в промышленности. Делегации "
            "договорились о совместной программе, сообщил губернатор на встрече в Минске. ") * 3
    (seeds / "a.txt").write_text(f"Главная\nru24.net\nНовости\n\nЗаголовок новости\n\n{body}\n",
                                 encoding="utf-8")
    (seeds / "b.txt").write_text(
        f"Другая новость о переговорах\n\n{body.replace('Минске', 'Томске')}\n\n"
        "Фото взяты с сайта «Tomsk.ru», подробнее в условиях\n", encoding="utf-8")
    (seeds / "c.html").write_text(
        "<html><head><title>Talks</title><meta property='og:site_name' content='Siberia Wire'>"
        "</head><body><article><p>" + "Officials of the two regions met in Minsk. " * 6
        + "</p></article></body></html>", encoding="utf-8")
    (seeds / "d.html").write_text(
        "<html><head><title>More talks</title>"
        "<link rel='canonical' href='https://www.belnews.example/a/1'></head><body><article><p>"
        + "Delegates agreed on a roadmap for machine building in Omsk. " * 6
        + "</p></article></body></html>", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 's.sqlite'}"
    out = sujet("ingest", str(seeds), "--no-enrich", "--db", url)
    assert out.returncode == 0, out.stderr
    listed = json.loads(sujet("articles", "--json", "--db", url).stdout)
    sites = {Path(a["source"]).name: a["site"] for a in listed}
    assert sites == {"a.txt": "ru24.net", "b.txt": "tomsk.ru", "c.html": "Siberia Wire",
                     "d.html": "belnews.example"}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from backend_url(request.param, tmp_path, "sujet_cli_ux")


def test_id_prefixes_on_every_backend(any_backend: str) -> None:
    with open_store(any_backend) as store:
        store.upsert_events([Event(id="ev-a1", title="One"), Event(id="ev-a2", title="Two"),
                             Event(id="ev_b", title="Underscore")])
        assert store.ids_with_prefix("event", "ev-a", limit=5) == ["ev-a1", "ev-a2"]
        assert store.ids_with_prefix("event", "ev_", limit=5) == ["ev_b"]  # not a wildcard
        assert store.ids_with_prefix("event", "ev-a2") == ["ev-a2"]
        assert store.ids_with_prefix("event", "zz") == []
    out = sujet("event", "ev-a2", "--db", any_backend, "--json")
    assert out.returncode == 0 and json.loads(out.stdout)["title"] == "Two"
    assert sujet("event", "ev-a", "--db", any_backend).returncode == 2
    shown = sujet("event", "ev_", "--db", any_backend, "--json")
    assert shown.returncode == 0 and json.loads(shown.stdout)["id"] == "ev_b"


def test_an_untitled_article_shows_its_headline(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'untitled.sqlite'}"
    with open_store(url) as store:
        store.add_articles([Article(
            id="notitle01", source="x", site="example.org", language="en",
            text="The harbour reopened on Monday after the storm. Ships queued all day.")])
    out = sujet("show", "notitle01", "--db", url)
    assert out.returncode == 0, out.stderr
    first = out.stdout.splitlines()[0]
    assert first.startswith("The harbour reopened on Monday after the storm.")
    assert "no title" in first and "(no title)" not in first
