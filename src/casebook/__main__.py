"""Allow ``python -m casebook``."""

from casebook.cli import main

raise SystemExit(main())
