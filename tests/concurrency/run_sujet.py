"""``sujet`` with a commit-point hook, for the crash tests: ``python run_sujet.py [--count FILE]
[--kill POINT:N] -- ARGS...``.

A commit point is where the transaction was opened: the first frame outside the store's own
modules (``pipeline/enrich.py:__call__``,
``pipeline/ingest_steps.py:run``...). ``--count FILE`` appends each
commit's point to FILE; ``--kill POINT:N`` kills the process (SIGKILL, as ``kill -9``) right
after the Nth commit at POINT.
"""

from __future__ import annotations

import os
import signal
import sys
import traceback
from collections import Counter
from pathlib import Path

STORE_FILES = ("/sujet/store/", "/contextlib.py", "/sqlalchemy/")


def commit_point() -> str:
    for frame in reversed(traceback.extract_stack()[:-2]):
        if not any(part in frame.filename for part in STORE_FILES):
            path = Path(frame.filename)
            return f"{path.parent.name}/{path.name}:{frame.name}"
    return "?"


def main(argv: list[str]) -> None:
    split = argv.index("--")
    options, args = argv[:split], argv[split + 1:]
    count_file = options[options.index("--count") + 1] if "--count" in options else None
    kill = options[options.index("--kill") + 1] if "--kill" in options else None
    seen: Counter[str] = Counter()

    def after_commit() -> None:
        point = commit_point()
        seen[point] += 1
        if count_file:
            with open(count_file, "a", encoding="utf-8") as out:
                out.write(point + "\n")
        if kill and kill == f"{point}:{seen[point]}":
            os.kill(os.getpid(), signal.SIGKILL)

    from sujet.store.database import AFTER_COMMIT

    AFTER_COMMIT.append(after_commit)
    from sujet.cli import main as sujet_main

    sujet_main(args)


if __name__ == "__main__":
    main(sys.argv[1:])
