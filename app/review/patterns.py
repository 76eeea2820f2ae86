"""The review's regular expressions, compiled once each and kept: not in re's own cache, which
drops its oldest after 512 other patterns, while a reply is checked on every keystroke."""

from __future__ import annotations

import re
from functools import cache


@cache
def compiled(source: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(source, flags)
