"""Jinja2's sandbox with budgets: a template from a team folder or a pack passed around by chat
can't take the app down, hang it, or make it allocate gigabytes.

The sandbox already refuses unsafe attributes and calls. On top of it, every render has a
budget: the reply's size, each value it builds (strings, lists, integers), the loop iterations
of the whole render, and a wall-clock limit. Exceeding one is a `BudgetError`, which the
renderer reports as `file:line: too large` or `too long`, never as a traceback or a freeze.
Values are checked *before* they are built wherever the size is known in advance
('x' * 10**9 is refused without allocating anything).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from typing import Any, NamedTuple

from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment

MAX_CHARS = 100_000  # of a reply, and of any one string or list a template builds
MAX_INT_BITS = 4_096  # integers beyond ~1,200 digits are no amount of money
MAX_ITERATIONS = 10_000  # loop turns in one render (a reply loops over a few items at most)
MAX_SECONDS = 2.0  # one render, whatever it does
ITERATE, JOIN = "_budget_iterate", "_budget_join"  # globals the budget rewrites calls


class BudgetError(Exception):
    """A render went past one of its budgets (the message says which)."""


class Budget(NamedTuple):
    started: float
    turns: list[int]  # one mutable counter, shared by the render's loops

    def tick(self) -> None:
        self.turns[0] += 1
        if self.turns[0] > MAX_ITERATIONS:
            raise BudgetError(f"too long: more than {MAX_ITERATIONS:,} loop turns")
        if self.turns[0] % 256 == 0:
            self.check_time()

    def check_time(self) -> None:
        if time.perf_counter() - self.started > MAX_SECONDS:
            raise BudgetError(f"too long: more than {MAX_SECONDS:g} s to render")


_budget: ContextVar[Budget | None] = ContextVar("render_budget", default=None)


def start_budget() -> object:
    """A fresh budget for one render; pass the token to `end_budget`."""
    return _budget.set(Budget(time.perf_counter(), [0]))


def end_budget(token: object) -> None:
    _budget.reset(token)  # type: ignore[arg-type]


def _current() -> Budget | None:
    return _budget.get()


def check_size(value: Any) -> Any:
    """`value`, if it is within the size budget (strings, lists, dicts, integers)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        raise BudgetError(f"too large: a number of {value.bit_length():,} bits")
    if isinstance(value, (str, bytes, list, tuple, dict, set)) and len(value) > MAX_CHARS:
        raise BudgetError(f"too large: {len(value):,} characters or items "
                          f"(at most {MAX_CHARS:,})")
    if isinstance(value, (list, tuple)) and sum(
            len(v) for v in value if isinstance(v, str)) > MAX_CHARS:
        raise BudgetError(f"too large: the items hold more than {MAX_CHARS:,} characters")
    return value


def _product_size(left: Any, right: Any) -> int | None:
    """The length of a sequence repeated by `*`, or None when it isn't one."""
    for seq, count in ((left, right), (right, left)):
        if isinstance(seq, (str, list, tuple)) and isinstance(count, int):
            return len(seq) * max(count, 0)
    return None


def _power_bits(base: Any, exponent: Any) -> float:
    if not isinstance(base, int) or not isinstance(exponent, int) or exponent < 0:
        return 0.0
    return exponent * math.log2(abs(base)) if abs(base) > 1 else 0.0


class LimitedSandbox(SandboxedEnvironment):
    """The sandbox, plus the render budget on operators, calls, filters, loops and joins."""

    intercepted_binops = frozenset({"*", "**", "+"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals[ITERATE] = _iterate
        self.globals[JOIN] = _join

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*" and (_product_size(left, right) or 0) > MAX_CHARS:
            raise BudgetError(f"too large: repeating makes {_product_size(left, right):,} "
                              f"characters or items (at most {MAX_CHARS:,})")
        if operator == "**" and _power_bits(left, right) > MAX_INT_BITS:
            raise BudgetError("too large: a power of more than "
                              f"{MAX_INT_BITS:,} bits")
        return check_size(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        for arg in (*args, *kwargs.values()):
            if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_CHARS:
                raise BudgetError(f"too large: an argument of {arg:,}")
        return check_size(super().call(__context, __obj, *args, **kwargs))

    def add_guarded_filters(self, filters: dict[str, Callable[..., Any]]) -> None:
        """Every filter, built-in or ours, with the size budget on its arguments and result."""
        for name, function in {**self.filters, **filters}.items():
            self.filters[name] = _guarded(function)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        return _with_budget_calls(super()._parse(source, name, filename))


def _guarded(function: Callable[..., Any]) -> Callable[..., Any]:
    def guarded(*args: Any, **kwargs: Any) -> Any:
        for arg in (*args, *kwargs.values()):
            if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_CHARS:
                raise BudgetError(f"too large: an argument of {arg:,}")
        if function.__name__ == "do_replace":
            texts = [a for a in args if isinstance(a, str)]  # (s, old, new) after the context
            if len(texts) >= len(("s", "old", "new")):
                _check_replace(*texts[:3])
        return check_size(function(*args, **kwargs))

    # Jinja passes the context, eval context or environment to filters marked for it.
    for marker in ("jinja_pass_arg",):
        if hasattr(function, marker):
            setattr(guarded, marker, getattr(function, marker))
    guarded.__name__ = getattr(function, "__name__", "filter")
    return guarded


def _check_replace(text: Any, old: Any, new: Any) -> None:
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
        grows = (text.count(old) if old else len(text) + 1) * max(len(new) - len(old), 0)
        if len(text) + grows > MAX_CHARS:
            raise BudgetError(f"too large: replacing makes over {MAX_CHARS:,} characters")


def _iterate(iterable: Iterable[Any]) -> Iterator[Any]:
    budget = _current()
    for item in iterable:
        if budget is not None:
            budget.tick()
        yield item


def _join(*parts: Any) -> str:
    total = sum(len(p) for p in parts if isinstance(p, str))
    if total > MAX_CHARS:
        raise BudgetError(f"too large: joining makes {total:,} characters "
                          f"(at most {MAX_CHARS:,})")
    budget = _current()
    if budget is not None:
        budget.check_time()
    joined: str = check_size("".join(str(p) for p in parts))
    return joined


def _with_budget_calls(tree: nodes.Template) -> nodes.Template:
    """Every loop counts its turns, and every `a ~ b` checks what it builds."""
    for loop in list(tree.find_all(nodes.For)):
        loop.iter = nodes.Call(nodes.Name(ITERATE, "load"), [loop.iter], [], None, None,
                               lineno=loop.lineno)
    for parent in [tree, *tree.find_all(nodes.Node)]:
        for field in parent.fields:
            value = getattr(parent, field, None)
            if isinstance(value, nodes.Concat):
                setattr(parent, field, _budget_join(value))
            elif isinstance(value, list):
                setattr(parent, field, [_budget_join(v) if isinstance(v, nodes.Concat) else v
                                        for v in value])
    return tree


def _budget_join(concat: nodes.Concat) -> nodes.Call:
    return nodes.Call(nodes.Name(JOIN, "load"), list(concat.nodes), [], None, None,
                      lineno=concat.lineno)


def guard_output(chunks: Iterable[str]) -> str:
    """The rendered text, stopped as soon as it passes the reply's size budget (a loop that
    prints forever stops at the budget, not at the end of memory)."""
    out: list[str] = []
    size = 0
    budget = _current()
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_CHARS:
            raise BudgetError(f"too large: the reply passes {MAX_CHARS:,} characters")
        out.append(chunk)
        if budget is not None and len(out) % 256 == 0:
            budget.check_time()
    return "".join(out)
