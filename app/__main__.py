"""`python -m app`: the same command as `reply-composer`.

The launcher that adds the window and the clipboard lives in `ui.launch`; it is looked up by
name so this package never depends on the UI layer (without it, the CLI still works).
"""

import importlib
import sys

try:
    launcher = importlib.import_module("ui.launch")
except ImportError:
    from app.cli import main
else:
    main = launcher.main

sys.exit(main())
