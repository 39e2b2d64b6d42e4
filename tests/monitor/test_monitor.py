"""The monitor against a loopback site: kinds of sources, conditional requests, backoff,
politeness, faults that never stall the others."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

from monitor_newsroom import NewsServer, article_html, monitor_settings

from sujet.monitor import Monitor, NewArticles, SourceState
from sujet.monitor.state import backoff, utcnow
from sujet.store import Store


def _urls(store: Store) -> list[str]:
    return sorted(str(a.url) for a in store.iter_articles())


def _record(store: Store, url: str) -> dict[str, object]:
    return next(s for s in store.list_sources() if s["url"] == url)


def test_feed_is_polled_with_conditional_requests_and_takes_each_item_once(
        news: NewsServer, store: Store, db: str) -> None:
    news.room.publish(1, 3)
    feed = news.url("/feed/1.xml")
    store.upsert_source({"url": feed, "kind": "feed", "interval_seconds": 0.01})
    batches: list[NewArticles] = []
    with Monitor(store, monitor_settings(db), on_articles=[batches.append]) as monitor:
        [first] = monitor.poll_due()
        assert first["last_status"] == "ok" and first["last_added"] == 3
        assert sorted(str(u) for b in batches for u, _ in b.pages) == sorted(
            news.url(i.path) for i in news.room.all_items())
        time.sleep(0.02)
        [second] = monitor.poll_due()  # nothing new: 304, no article fetched again
        assert second["last_status"] == "unchanged" and second["last_added"] == 0
        assert news.room.not_modified == 1
        news.room.publish(1, 2)
        time.sleep(0.02)
        [third] = monitor.poll_due()
        assert third["last_added"] == 2 and third["total_added"] == 5
    assert all(news.room.requests[i.path] == 1 for i in news.room.all_items())
    assert _urls(store) == sorted(news.url(i.path) for i in news.room.all_items())
    state = SourceState.from_record(_record(store, feed))
    assert state.etag == '"1-5"' and len(state.seen) == 5


def test_sitemap_index_list_page_and_folder_sources(news: NewsServer, store: Store, db: str,
                                                    tmp_path: Path) -> None:
    news.room.publish(1, 2)
    news.room.publish(2, 2)
    store.upsert_source({"url": news.url("/sitemap-index.xml"), "kind": "sitemap"})
    with Monitor(store, monitor_settings(db)) as monitor:
        [polled] = monitor.poll_due()
    assert polled["last_added"] == 4, polled
    news.room.publish(3, 2)
    list_page = news.url("/list.html")
    store.upsert_source({"url": list_page, "kind": "listpage"})
    with Monitor(store, monitor_settings(db)) as monitor:
        polled = {s["url"]: s for s in monitor.poll_due()}
    # Only the two new articles: the others are stored already; nav, asset and off-site
    # links are not followed.
    assert polled[list_page]["last_added"] == 2, polled[list_page]
    assert "/sport" not in news.room.requests and "/style.css" not in news.room.requests
    assert len(_urls(store)) == 6

    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "one.html").write_bytes(article_html(9, 1))
    (drop / "half.html.part").write_bytes(b"<html>")
    store.upsert_source({"url": str(drop), "kind": "folder", "interval_seconds": 0.01})
    settings = monitor_settings(db, folder_settle_s=0.0)
    with Monitor(store, settings) as monitor:
        [folder] = [s for s in monitor.poll_due() if s["kind"] == "folder"]
        assert folder["last_added"] == 1 and len(folder["seen"]) == 1
        (drop / "two.html").write_bytes(article_html(9, 2))
        time.sleep(0.02)
        [folder] = [s for s in monitor.poll_due() if s["kind"] == "folder"]
        assert folder["last_added"] == 1
    assert store.count_articles() == 8


def test_faulty_sources_are_backed_off_reported_and_never_stall_the_others(
        news: NewsServer, store: Store, db: str) -> None:
    faults = {"/slow.xml": "E202", "/fail.xml": "E203", "/loop.xml": "E200",
              "/huge.xml": "E202", "/garbage.xml": "E105", "/private/feed.xml": "E204"}
    for path in faults:
        store.upsert_source({"url": news.url(path), "interval_minutes": 5})
    news.room.publish(1, 2)
    good = news.url("/feed/1.xml")
    store.upsert_source({"url": good, "interval_minutes": 5})
    settings = monitor_settings(db)
    start = time.monotonic()
    with Monitor(store, settings) as monitor:
        polled = {s["url"]: s for s in monitor.poll_due()}
    took = time.monotonic() - start
    # The slowest fault costs its own bounds (1 s per read, 4 s per download), not the sum.
    assert took < 12, took
    assert polled[good]["last_status"] == "ok" and polled[good]["last_added"] == 2
    now = utcnow()
    for path, code in faults.items():
        record = polled[news.url(path)]
        assert record["last_status"] == "error", (path, record)
        assert record["last_error_code"] == code, (path, record["last_error"])
        assert record["consecutive_errors"] == 1
        due = SourceState.from_record(record)
        assert not due.is_due(now + timedelta(minutes=9))  # twice the interval
        assert due.is_due(now + timedelta(minutes=11))


def test_a_slow_source_does_not_hold_up_the_others_in_the_running_monitor(
        news: NewsServer, store: Store, db: str) -> None:
    import threading

    store.upsert_source({"url": news.url("/huge.xml")})
    news.room.publish(1, 1)
    good = news.url("/feed/1.xml")
    store.upsert_source({"url": good, "interval_seconds": 0.2})
    stop = threading.Event()
    settings = monitor_settings(db)
    settings.fetch.timeout_s = 3.0  # the trickle lasts 12 s
    with Monitor(store, settings) as monitor:
        runner = threading.Thread(target=monitor.run, args=(stop,))
        runner.start()
        try:
            for expected in (1, 2, 3):
                deadline = time.monotonic() + 4
                while store.count_articles() < expected and time.monotonic() < deadline:
                    time.sleep(0.05)
                assert store.count_articles() == expected
                news.room.publish(1, 1)
            # ...while the trickling source is still being read.
            assert _record(store, news.url("/huge.xml")).get("last_fetch") is None
        finally:
            stop.set()
            runner.join(20)


def test_backoff_doubles_is_capped_and_resets_on_success(news: NewsServer, store: Store,
                                                        db: str) -> None:
    assert backoff(timedelta(minutes=10), 1, timedelta(hours=6)) == timedelta(minutes=20)
    assert backoff(timedelta(minutes=10), 3, timedelta(hours=6)) == timedelta(minutes=80)
    assert backoff(timedelta(minutes=10), 20, timedelta(hours=6)) == timedelta(hours=6)
    url = news.url("/feed/4.xml")
    store.upsert_source({"url": news.url("/fail.xml"), "interval_seconds": 0.01})
    with Monitor(store, monitor_settings(db, backoff_max_minutes=1)) as monitor:
        first = monitor.poll_one(news.url("/fail.xml"))
        second = monitor.poll_one(news.url("/fail.xml"))
        assert first is not None and second is not None
        assert second["consecutive_errors"] == 2
        store.upsert_source({"url": url})
        news.room.publish(4, 1)
        ok = monitor.poll_one(url)
        assert ok is not None and ok["consecutive_errors"] == 0 and ok["last_error"] is None


def test_requests_to_one_host_keep_the_politeness_delay(news: NewsServer, store: Store,
                                                        db: str) -> None:
    for feed in (1, 2, 3):
        news.room.publish(feed, 1)
        store.upsert_source({"url": news.url(f"/feed/{feed}.xml")})
    settings = monitor_settings(db)
    settings.fetch.host_delay_s = 0.25
    with Monitor(store, settings) as monitor:
        polled = monitor.poll_due()
    assert [s["last_added"] for s in polled] == [1, 1, 1]
    times = sorted(t for t, path in news.room.times if path != "/robots.txt")
    assert len(times) == 6
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= 0.24, gaps


def test_robots_txt_is_obeyed_for_item_links(news: NewsServer, store: Store, db: str) -> None:
    store.upsert_source({"url": news.url("/private/feed.xml")})
    with Monitor(store, monitor_settings(db)) as monitor:
        [polled] = monitor.poll_due()
    assert polled["last_error_code"] == "E204"
    assert "/private/feed.xml" not in news.room.requests


def test_watchlists_get_the_monitors_new_articles(news: NewsServer, store: Store,
                                                   db: str) -> None:
    from sujet.alerts.records import AlertRecords
    from sujet.alerts.service import WatchSpec, create_watchlist

    watch = create_watchlist(store, WatchSpec("query", "desk"))
    news.room.publish(1, 3)
    store.upsert_source({"url": news.url("/feed/1.xml"), "interval_seconds": 0.01})
    with Monitor(store, monitor_settings(db)) as monitor:
        monitor.poll_due()
        time.sleep(0.02)
        monitor.poll_due()  # nothing new: no alert twice
    alerts = AlertRecords(store).list_alerts(watch.id)
    assert sorted(a.subject_id for a in alerts) == sorted(a.id for a in store.iter_articles())
    assert len(alerts) == 3
