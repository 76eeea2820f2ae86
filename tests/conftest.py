import atexit
import datetime as dt
import os
import shutil
import tempfile

# Before anything imports Qt: the tests run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A safety net: no test may touch the real user data folder (platformdirs reads this on
# Linux). Tests that need one pass a temporary UserData explicitly.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="reply-composer-test-data-")
os.environ["XDG_CACHE_HOME"] = os.path.join(os.environ["XDG_DATA_HOME"], "cache")

import pytest

from app.compose.composer import Composer
from tests.samples import FULL_ORDER, TODAY

atexit.register(shutil.rmtree, os.environ["XDG_DATA_HOME"], ignore_errors=True)


@pytest.fixture(scope="session")
def composer() -> Composer:
    return Composer.load()


@pytest.fixture(scope="session")
def today() -> dt.date:
    return dt.date.fromisoformat(TODAY)


@pytest.fixture()
def compose(composer, today):
    """compose(case_id, **raw_values) with the full sample order as the base."""

    def run(case_id: str, base: dict[str, str] | None = None, **raw: str):
        values = {**(FULL_ORDER if base is None else base), **raw}
        return composer.compose(case_id, composer.catalog.parse_all(values), today)

    return run
