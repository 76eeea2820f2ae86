"""A PostgreSQL server of a test's own, for the tests that stop and restart the server: made
with initdb in a temporary folder and started on a free port, so the shared test server —
which other tests use at the same time (pytest runs on two processes) — is never stopped.

Needs Debian's PostgreSQL binaries and root (the server runs as the `postgres` user); without
them the test is skipped, and in CI (REPLY_COMPOSER_CI) it fails instead."""

from __future__ import annotations

import os
import shlex
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

BINARIES = Path("/usr/lib/postgresql")


def _bin() -> Path | None:
    found = sorted(BINARIES.glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]))
    return found[-1].parent if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PrivateServer:
    def __init__(self, bin_dir: Path, folder: Path, port: int) -> None:
        self.bin_dir, self.folder, self.port = bin_dir, folder, port
        self.url = f"postgresql://postgres@127.0.0.1:{port}/postgres"

    def as_postgres(self, *command: str) -> None:
        line = " ".join(shlex.quote(part) for part in command)
        subprocess.run(["su", "postgres", "-s", "/bin/sh", "-c", line], check=True,
                       capture_output=True, timeout=60)

    def pg_ctl(self, action: str) -> None:
        """start, stop (fast) or restart, waiting until it is done."""
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self.as_postgres(str(self.bin_dir / "pg_ctl"), action, "-w", "-D",
                         str(self.folder / "data"), "-l", str(self.folder / "log"),
                         "-m", "fast", "-o", options)


@contextmanager
def private_server() -> Iterator[PrivateServer]:
    bin_dir = _bin()
    if bin_dir is None or os.geteuid() != 0 or shutil.which("su") is None:
        if os.environ.get("REPLY_COMPOSER_CI"):
            pytest.fail("CI needs Debian's postgresql and root for a private test server")
        pytest.skip("needs Debian's postgresql and root: it starts and stops its own server")
    folder = Path(tempfile.mkdtemp(prefix="reply-composer-pg-"))
    shutil.chown(folder, "postgres")
    server = PrivateServer(bin_dir, folder, _free_port())
    try:
        server.as_postgres(str(bin_dir / "initdb"), "-D", str(folder / "data"), "-A", "trust",
                           "-U", "postgres", "--no-sync", "-E", "UTF8")
        server.pg_ctl("start")
        yield server
    finally:
        subprocess.run(["su", "postgres", "-s", "/bin/sh", "-c",
                        f"{bin_dir / 'pg_ctl'} stop -D {folder / 'data'} -m immediate"],
                       capture_output=True, check=False, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)
