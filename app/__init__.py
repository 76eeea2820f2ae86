"""Reply Composer's domain core: cases, policy, deadlines, templates, rendering, CLI.

Nothing in this package imports Qt, the `ui` package or pyperclip (tests/test_architecture.py
enforces it), so the whole policy runs under plain pytest and from the command line.
"""

__version__ = "0.1.0"
