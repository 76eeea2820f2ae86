"""The `reply-composer` command line (never imports Qt)."""
