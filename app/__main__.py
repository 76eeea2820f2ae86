"""`python -m app`: the command line without the window or the clipboard (`python -m ui`, or
the installed `reply-composer`, adds both). The domain never reaches up into `ui`."""

import sys

from app.cli.main import main

sys.exit(main())
