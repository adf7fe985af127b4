"""`python -m casckg.graph.cli`: the same as the `casckg` command."""

import sys

from .main import main

sys.exit(main())
