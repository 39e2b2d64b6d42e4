"""Polling many local feeds on a schedule: does the monitor keep up on one core?

A separate process serves ``--feeds`` RSS feeds over ``--hosts`` loopback ports (hosts, for
politeness), each feed publishing one new article every ``--interval-s`` seconds at its own
offset, and serving the article pages its items link to. This process, pinned to one CPU,
runs the monitor on a fresh store with every feed registered at that interval, for
``--duration-s`` seconds, and measures for each item published during the run:

- fetch lag: from its publication to the fetch of its article page;
- ingest lag: from its publication to its article being stored (and enriched, unless
  ``--no-enrich``).

With a one-minute interval, a lag up to about a minute is the schedule itself (an item waits for
its feed's next poll); a lag that keeps growing means the monitor falls behind. ``--interval-s``
below 60 compresses the schedule (more articles per second than the target's one-minute
schedule); the table says which was run. The host delay is the fetch settings' default
(one second) unless ``--host-delay-s``.

    nice -n 10 .venv/bin/python benchmarks/bench_monitor.py --duration-s 240 --out docs/benchmarks/monitor.md
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "monitor"))

from monitor_newsroom import Newsroom, NewsServer  # noqa: E402

from sujet.config import FetchSettings, MonitorSettings, Settings  # noqa: E402
from sujet.monitor import Monitor, NewArticles  # noqa: E402
from sujet.store import open_store  # noqa: E402


def _serve(feeds: int, hosts: int, interval: float, start: float, conn: Connection) -> None:
    """The news site: publishes each feed's items on schedule until the parent goes away."""
    room = Newsroom(feed_items=20)
    servers = [NewsServer(room) for _ in range(hosts)]
    conn.send([s.base for s in servers])
    published = {f: 0 for f in range(feeds)}
    while not conn.poll(0.05):
        now = time.time()
        for feed in range(feeds):
            due = int((now - start - _offset(feed, feeds, interval)) // interval) + 1
            if due > published[feed]:
                room.publish(feed, due - published[feed])
                published[feed] = due
    for server in servers:
        server.close()


def _offset(feed: int, feeds: int, interval: float) -> float:
    return interval * feed / feeds


def _published_at(feed: int, number: int, feeds: int, interval: float, start: float) -> float:
    return start + _offset(feed, feeds, interval) + (number - 1) * interval


def _p95(values: list[float]) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--interval-s", type=float, default=60.0)
    parser.add_argument("--duration-s", type=float, default=240.0)
    parser.add_argument("--host-delay-s", type=float, default=FetchSettings().host_delay_s)
    parser.add_argument("--workers", type=int, default=MonitorSettings().workers)
    parser.add_argument("--no-enrich", action="store_true",
                        help="store and deduplicate only (no entities, no events)")
    parser.add_argument("--cpu", type=int, default=0, help="the one CPU the monitor runs on")
    parser.add_argument("--out", type=Path, help="append the dated table to this file")
    args = parser.parse_args()

    start = time.time() + 2.0
    parent, child = multiprocessing.Pipe()
    server = multiprocessing.Process(target=_serve, daemon=True,
                                     args=(args.feeds, args.hosts, args.interval_s, start, child))
    server.start()
    bases: list[str] = parent.recv()
    os.sched_setaffinity(0, {args.cpu})  # the monitor (and its extraction workers) on one core

    folder = tempfile.mkdtemp(prefix="bench-monitor-")
    settings = Settings(
        db=f"sqlite:///{folder}/monitor.sqlite",
        fetch=FetchSettings(allow_private=True, host_delay_s=args.host_delay_s),
        monitor=MonitorSettings(workers=args.workers, tick_s=0.5),
    )
    if args.no_enrich:
        settings.entities.enabled = False
        settings.stories.enabled = False
    store = open_store(settings.db)
    for feed in range(args.feeds):
        store.upsert_source({"url": f"{bases[feed % args.hosts]}/feed/{feed}.xml",
                             "interval_seconds": args.interval_s})
    fetch_lag: list[tuple[float, float]] = []  # (published, lag)
    ingest_lag: list[tuple[float, float]] = []

    def stored(batch: NewArticles) -> None:
        at = batch.stored_at.timestamp()
        for url, fetched in batch.pages:
            if not url or "/a/" not in url:
                continue
            feed, number = url.rsplit("/a/", 1)[1].removesuffix(".html").split("/")
            published = _published_at(int(feed), int(number), args.feeds, args.interval_s, start)
            if published < start:
                continue
            if fetched is not None:
                fetch_lag.append((published, fetched.timestamp() - published))
            ingest_lag.append((published, at - published))

    stop = threading.Event()
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    kids0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    with Monitor(store, settings, on_articles=[stored]) as monitor:
        time.sleep(max(0.0, start - time.time()))
        runner = threading.Thread(target=monitor.run, args=(stop,))
        runner.start()
        time.sleep(args.duration_s)
        stop.set()
        runner.join()
    wall = time.time() - start
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    kids1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu1.ru_utime + cpu1.ru_stime - cpu0.ru_utime - cpu0.ru_stime
           + kids1.ru_utime + kids1.ru_stime - kids0.ru_utime - kids0.ru_stime)
    parent.send("stop")
    server.join(10)

    end = start + args.duration_s
    # Items published two intervals before the end must be in (one interval waiting for the
    # feed's next poll, one for the work); a monitor that falls behind misses some.
    cutoff = end - 2 * args.interval_s
    expected = sum(1 for f in range(args.feeds) for n in range(1, 10_000)
                   if _published_at(f, n, args.feeds, args.interval_s, start) <= cutoff)
    settled = [lag for pub, lag in ingest_lag if pub <= cutoff]
    later = [lag for pub, lag in ingest_lag if pub > start + args.duration_s / 2]
    fetch_values = sorted(lag for _, lag in fetch_lag)
    median = fetch_values[len(fetch_values) // 2] if fetch_values else float("nan")
    errors = sum(1 for s in store.list_sources() if s.get("last_status") == "error")
    rows = [
        ("feeds / hosts", f"{args.feeds} / {args.hosts}"),
        ("schedule", f"every {args.interval_s:g} s"
                     + (" (time-compressed)" if args.interval_s < 60 else " (real time)")),
        ("run", f"{args.duration_s:g} s, host delay {args.host_delay_s:g} s, "
                f"{args.workers} fetch workers, enrichment {'off' if args.no_enrich else 'on'}"),
        ("articles stored (published in the run)", str(len(ingest_lag))),
        ("published two intervals before the end or earlier / of them stored",
         f"{expected} / {len(settled)}"),
        ("fetch lag p50 / p95", f"{median:.1f} s / {_p95(fetch_values):.1f} s"),
        ("ingest lag p95, whole run / second half", f"{_p95([lag for _, lag in ingest_lag]):.1f} s"
                                                   f" / {_p95(later):.1f} s"),
        ("CPU of the monitor (one core)", f"{cpu:.0f} s in {wall:.0f} s ({cpu / wall:.0%})"),
        ("sources in error at the end", str(errors)),
    ]
    date = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    table = [f"### {date}", "", "| measure | value |", "|---|---|"]
    table += [f"| {k} | {v} |" for k, v in rows]
    command = "nice -n 10 .venv/bin/python benchmarks/bench_monitor.py " + " ".join(sys.argv[1:])
    text = "\n".join([*table, "", f"Command: `{command}`", ""])
    print(text)
    if args.out:
        with args.out.open("a", encoding="utf-8") as fh:
            fh.write("\n" + text)


if __name__ == "__main__":
    main()
