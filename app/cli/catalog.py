"""`reply-composer cases` (the case ids and titles) and `reply-composer check [DIR|PACK]`
(every problem in the policy and templates, file:line each)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.cli.main import Hooks


def add(commands: Any) -> None:
    cases = commands.add_parser("cases", help="list the case ids with their titles")
    cases.add_argument("--json", action="store_true")
    check = commands.add_parser("check", help="validate the policy and templates")
    check.add_argument("folder", nargs="?", type=Path, metavar="DIR",
                       help="a template library or pack (default: the bundled templates)")


def run(args: argparse.Namespace, hooks: Hooks) -> int:
    return _cases(args) if args.command == "cases" else _check(args)


def _cases(args: argparse.Namespace) -> int:
    from app.catalog.catalog import load_catalog

    catalog = load_catalog()
    rows = [{"id": c.id, "category": c.category, "title_en": c.title.en, "title_zh": c.title.zh}
            for c in catalog.cases.values()]
    if args.json:
        import json

        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    width = max(len(r["id"]) for r in rows)
    for row in rows:
        print(f"{row['id']:<{width}}  {row['category']:<13} {row['title_en']}  {row['title_zh']}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from app.check import check_all

    problems = check_all(args.folder or args.library)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("OK: policy and templates are valid", file=sys.stderr)
    return 0
