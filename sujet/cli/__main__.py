"""``python -m sujet.cli``: the same as the ``sujet`` command."""

from sujet.cli import main

main()
