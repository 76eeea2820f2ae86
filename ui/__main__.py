"""`python -m ui`: the same command as the installed `reply-composer` (window, CLI, clipboard)."""

import sys

from ui.launch import main

sys.exit(main())
