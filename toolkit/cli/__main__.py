"""``python -m toolkit.cli``: the same as the ``toolkit`` command."""

from __future__ import annotations

from . import main

if __name__ == "__main__":
    main()
