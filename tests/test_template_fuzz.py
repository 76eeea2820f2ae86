"""Hypothesis: random template bodies built from Jinja fragments end, within a bounded time,
in either text or an error naming the file (and the line where there is one) — never in a
traceback, never in a hang. The same for `check`."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.compose.composer import Composer
from app.compose.result import Composition
from app.compose.sources import library_layers
from app.errors import ComposerError, SourceError
from app.library.layers import TemplateLibrary
from tests.test_errors import write_template

SECONDS = 3.0  # the sandbox's wall-clock budget is 2 s; the rest is compile and check

FRAGMENTS = [
    "{{ ", " }}", "{% ", " %}", "{# ", " #}", "if ", "elif ", "else", "endif", "for x in ",
    "endfor", "range(", ")", "(", "10", "**", "*", "'x'", "~", "|upper", "|replace('a', 'aa')",
    "|join(', ')", "|business_days", "buyer_name", "order_amount", "x", "loop.index",
    "include 'order-unpaid'", "include '../etc/passwd'", "include 'greeting'",
    "macro m()", "endmacro", "m()", "set y = ", "y", "caller()", "call m()", "endcall",
    "[1, 2, 3]", "{'a': 1}", ".a", "[0]", "lipsum(", "cycler(", "namespace(", "self",
    "__class__", "9" * 20, ",", " ", "\n", "Dear ", "退款", "é", "{", "}", "%",
]
BODIES = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=30).map("".join)


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(body=BODIES)
def test_random_templates_end_in_text_or_a_located_error(composer, today, tmp_path_factory,
                                                         body):
    folder = tmp_path_factory.mktemp("fuzz")
    path = write_template(folder, "order-unpaid", body)
    mine = Composer(composer.catalog, composer.policy,
                    TemplateLibrary(library_layers(folder, None)))
    values = composer.catalog.parse_all({"buyer_name": "Maria", "order_amount": "12.50"})
    start = time.perf_counter()
    try:
        result = mine.compose("order-unpaid", values, today)
    except SourceError as exc:
        assert exc.path.endswith(".j2") or exc.path.endswith(".yaml"), exc
        assert exc.message, exc
    except ComposerError as exc:  # e.g. a value the template asks for in an impossible way
        assert str(exc)
    else:
        assert isinstance(result, Composition) and isinstance(result.reply, str)
    problems = mine.renderer.check("order-unpaid")
    assert all(isinstance(p, SourceError) and p.path.endswith(".j2") for p in problems), problems
    assert path.exists()
    assert time.perf_counter() - start < SECONDS
