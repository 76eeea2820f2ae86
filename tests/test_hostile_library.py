"""A broken or hostile template library never takes the command line down, never hangs it and
never reads outside the library: each defect the probe found, with its time and memory
budget enforced here (correctness limits, not benchmarks)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.check import check_all
from tests.test_errors import write_template

SECONDS = 2.0  # a hostile render is refused within this
MEGABYTES = 200  # … and under this much memory (the interpreter itself is ~30 MB)
ROOT = Path(__file__).resolve().parents[1]

# Run the CLI in a child that reports its own peak memory after the command: VmHWM, the
# high-water mark of this address space (ru_maxrss would carry the parent's over from fork).
MEASURED = (
    "import re, sys\n"
    "from app.cli.main import main\n"
    "try:\n"
    "    code = main(sys.argv[1:])\n"
    "finally:\n"
    "    try:  # Linux; elsewhere the memory budget goes unchecked\n"
    "        status = open('/proc/self/status').read()\n"
    "        print('PEAK_KB', re.search(r'VmHWM:\\s+(\\d+)', status).group(1), file=sys.stderr)\n"
    "    except OSError:\n"
    "        pass\n"
    "sys.exit(code)\n")


class Run:
    def __init__(self, process: subprocess.CompletedProcess[str], seconds: float) -> None:
        self.code, self.out, self.seconds = process.returncode, process.stdout, seconds
        self.err = process.stderr
        peak = [line for line in self.err.splitlines() if line.startswith("PEAK_KB")]
        self.megabytes = int(peak[0].split()[1]) / 1024 if peak else None


def cli(*args: str, env: dict[str, str] | None = None) -> Run:
    start = time.perf_counter()
    process = subprocess.run([sys.executable, "-c", MEASURED, *args], capture_output=True,
                             text=True, timeout=60, cwd=ROOT, check=False,
                             env={**os.environ, **(env or {})})
    return Run(process, time.perf_counter() - start)


def compose(library: Path, case: str = "order-unpaid", **env: str) -> Run:
    return cli("--library", str(library), "compose", case, "--set", "buyer_name=Maria",
               "--set", "item=bag", env=env or None)


def refused_quickly(run: Run, *words: str) -> None:
    """A clear error naming the file and line, no traceback, in time and memory."""
    assert run.code == 2, run.out + run.err
    assert "Traceback" not in run.err
    assert "order-unpaid.j2:5" in run.err, run.err
    for word in words:
        assert word in run.err, run.err
    # The child's whole life (start-up included) stays within the budget.
    assert run.seconds < SECONDS + 1.5, f"{run.seconds:.1f} s"
    if run.megabytes is not None:
        assert run.megabytes < MEGABYTES, f"{run.megabytes:.0f} MB"


@pytest.mark.parametrize(("body", "words"), [
    ("{{ 'x' * 10**9 }}", ("too large",)),
    ("{{ 10**(10**8) }}", ("too large",)),
    ("{{ 'ab' ~ ('x' * 99999) ~ ('y' * 99999) }}", ("too large",)),
    ("{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
     ("too long",)),
    ("{% for a in range(10**12) %}.{% endfor %}", ("too",)),
    ("{{ buyer_name|replace('a', 'a' * 10**4)|replace('a', 'a' * 10**4) }}", ("too large",)),
])
def test_a_render_too_large_or_too_long_is_refused_in_time(tmp_path, body, words):
    write_template(tmp_path, "order-unpaid", body)
    refused_quickly(compose(tmp_path), *words)


def test_a_template_that_includes_itself_is_named_not_a_traceback(tmp_path):
    write_template(tmp_path, "order-unpaid", '{% include "order-unpaid" %}')
    refused_quickly(compose(tmp_path), "itself")
    problems = [str(p) for p in check_all(tmp_path)]
    assert any("includes itself: order-unpaid → order-unpaid" in p for p in problems)


def test_a_macro_that_calls_itself_is_refused(tmp_path):
    write_template(tmp_path, "order-unpaid", "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}")
    refused_quickly(compose(tmp_path), "itself")
    assert any("itself" in str(p) for p in check_all(tmp_path))


@pytest.mark.parametrize("name", ["/etc/passwd", "../secret", "..\\\\secret", "order-unpaid/..",
                                  "C:/secret"])
def test_an_include_outside_the_library_is_refused_with_its_line(tmp_path, name):
    (tmp_path / "secret.j2").write_text("SECRET", "utf-8")
    library = tmp_path / "library"
    library.mkdir()
    write_template(library, "order-unpaid", f"{{% include '{name}' %}}")
    run = compose(library)
    refused_quickly(run, "not a template name")
    assert "SECRET" not in run.out
    assert [p.line for p in check_all(library) if "not a template name" in str(p)] == [5]


def test_a_yaml_alias_bomb_in_a_header_is_refused_fast(tmp_path):
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}" + f",*{chr(97 + i)}" * 8 + "]"
              for i in range(9)]
    (tmp_path / "order-unpaid.j2").write_text(
        "---\n" + "\n".join(lines) + "\ntitle: {en: T, zh: 测}\ncategory: order-flow\n---\n"
        "Hi\n=== gloss ===\n你好\n", "utf-8")
    run = compose(tmp_path)
    assert run.code == 2 and "Traceback" not in run.err
    assert "order-unpaid.j2:2" in run.err and "alias" in run.err.lower(), run.err
    assert run.seconds < SECONDS + 1.5


def test_a_cache_folder_that_cannot_be_written_is_ignored(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be", "utf-8")
    env = {"XDG_CACHE_HOME": str(blocker), "HOME": str(tmp_path)}
    run = cli("compose", "order-unpaid", "--set", "buyer_name=Maria", env=env)
    assert run.code == 0, run.err
    assert "Dear Maria," in run.out and "Traceback" not in run.err


def test_a_gbk_shared_piece_is_one_message_among_all_the_problems(tmp_path):
    (tmp_path / "_greeting.j2").write_bytes(
        "---\ntitle: {en: G, zh: 问候}\ncategory: shared\n---\n亲爱的 {{ buyer_name }}\n"
        "=== gloss ===\n亲爱的\n".encode("gb18030"))
    write_template(tmp_path, "order-shipped", "{{ buyer_nmae }}")
    problems = [str(p) for p in check_all(tmp_path)]
    assert any("_greeting.j2:2" in p and "GB18030" in p for p in problems), problems
    assert any("order-shipped.j2:5" in p and "buyer_nmae" in p for p in problems), problems
    assert len([p for p in problems if "_greeting.j2" in p]) == 1
    run = cli("check", str(tmp_path))
    assert run.code == 1 and "Traceback" not in run.err
    assert "_greeting.j2" in run.out and "order-shipped.j2" in run.out


def test_a_utf8_file_with_a_bom_is_read(tmp_path):
    path = write_template(tmp_path, "order-unpaid", "Hello from Notepad, {{ buyer_name }}")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    run = compose(tmp_path)
    assert run.code == 0, run.err
    assert "Hello from Notepad, Maria" in run.out
    assert not check_all(tmp_path)


def test_a_file_name_with_a_space_is_refused_the_same_way_everywhere(tmp_path):
    write_template(tmp_path, "order-unpaid", "Mine")
    (tmp_path / "my template.j2").write_bytes((tmp_path / "order-unpaid.j2").read_bytes())
    problems = [str(p) for p in check_all(tmp_path)]
    assert problems == [f"{tmp_path / 'my template.j2'}: not a template name: use a-z, 0-9 "
                        "and '-' (rename the file)"]
    run = compose(tmp_path)
    assert run.code == 0 and "Mine" in run.out
    assert "my template.j2" in run.err and "not a template name" in run.err


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01", "2026-02-30", "20261020x"])
def test_an_impossible_date_is_a_field_error(date):
    run = cli("compose", "not-received-in-transit", "--set", f"ship_date={date}")
    assert run.code == 2 and "Traceback" not in run.err
    assert "ship_date" in run.err and date in run.err


def test_a_compact_date_reads_the_same_on_every_python():
    from app.catalog.catalog import load_catalog

    catalog = load_catalog()
    assert str(catalog.parse("ship_date", "20261020")) == "2026-10-20"
    assert str(catalog.parse("ship_date", "2026/10/20")) == "2026-10-20"
