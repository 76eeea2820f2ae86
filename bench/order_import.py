"""Order import: a Dianxiaomi-style order export (67 columns, one row per product) of 100,000
rows (1,000 with --quick), as .xlsx and as .csv, read by read_export in a fresh process each
run: seconds, rows per second and the process's peak RSS.

    python -m bench.order_import [--quick]     one JSON line per measurement

Budget (issue: order book): 100,000 rows in <= 10 s with peak RSS <= 300 MB.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
FULL_ROWS = 100_000
BUDGET_SECONDS, BUDGET_MB = 10.0, 300.0

HEADER = [  # Dianxiaomi's 67 export columns (shared/notes/order-exports.md)
    "下单时间", "付款时间", "提交时间", "发货时间", "退款时间", "面单打印时间", "拣货单打印时间",
    "买家账号", "买家姓名", "买家Email", "收货人姓名", "收货人公司", "收货人税号", "收货人门牌号",
    "详细地址", "地址1", "地址2", "地址1+地址2", "收货人城市", "收货人州/省", "邮编",
    "收货人国家", "中文国家名", "国家二字码", "收货人电话", "收货人手机", "SKU", "产品ID",
    "产品名称", "产品售价", "产品数量", "产品规格", "图片网址", "来源URL", "销售链接", "多品名",
    "付款方式", "币种缩写", "订单金额", "买家支付运费", "退款金额", "预估利润", "成本利润率",
    "销售利润率", "预估运费", "包裹号", "订单号", "交易号", "订单状态", "平台渠道", "店铺账号",
    "订单备注", "拣货备注", "客服备注", "退款理由", "订单标识", "订单标记", "买家指定物流",
    "物流方式", "运单号", "物流订单号", "称重重量", "中文报关名", "英文报关名", "申报单价",
    "报关重量", "海关编码"]

# What each run prints: time from importing the reader to the last order (what the window's
# first import costs), the counts, and the peak RSS: VmHWM on Linux, which is this process
# image's own (ru_maxrss also counts the spawning parent's peak), else ru_maxrss.
CHILD = """
import json, resource, sys, time
from pathlib import Path
start = time.perf_counter()
from app.orders.exports import read_export
reading = read_export(Path(sys.argv[1]))
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
peak = peak / 1024 if sys.platform == "darwin" else peak
try:
    with open("/proc/self/status", encoding="ascii") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    pass
print(json.dumps({"seconds": seconds, "rows": reading.rows_read, "orders": len(reading.orders),
                  "peak_kb": peak}))
"""


def record(n: int) -> dict[str, Any]:
    """Row n: orders of one or two products, with the contact columns a real export has."""
    order = 3045678900000000 + n * 2 // 3
    return {
        "下单时间": f"2026/10/{1 + n % 28:02d} {n % 24:02d}:{n % 60:02d}",
        "付款时间": f"2026-10-{1 + n % 28:02d} {n % 24:02d}:{n % 60:02d}:11",
        "发货时间": f"2026-10-{1 + (n + 2) % 28:02d} 09:00:00", "买家账号": f"buyer{n}",
        "买家姓名": f"Buyer Name {n}", "收货人姓名": f"Buyer Name {n}",
        "详细地址": f"{n} rue de la Paix, Bâtiment B", "地址1": f"{n} rue de la Paix",
        "收货人城市": "Paris", "邮编": "75002", "收货人国家": "France", "中文国家名": "法国",
        "国家二字码": "FR", "收货人电话": f"+33 1 23 45 {n % 100:02d} 89",
        "SKU": f"SKU-{n % 500}", "产品ID": str(1005001234567 + n % 500),
        "产品名称": f"Ceramic cat mug {n % 500} with a long marketplace title, 350 ml",
        "产品售价": 9.5 + n % 7, "产品数量": 1 + n % 3, "产品规格": "Color: Red; Size: M",
        "图片网址": f"https://img.example.com/{n % 500}.jpg", "币种缩写": "EUR",
        "订单金额": 31.5 + n % 50, "订单号": str(order), "订单状态": "已发货",
        "平台渠道": "AliExpress", "店铺账号": f"shop-{n % 5}",
        "买家指定物流": "AliExpress Standard Shipping", "物流方式": "燕文专线追踪小包",
        "运单号": f"YT26{order:016d}"[:18], "称重重量": 300 + n % 200, "英文报关名": "mug"}


def rows(count: int) -> list[list[Any]]:
    return [HEADER, *[[record(n).get(name, "") for name in HEADER] for n in range(count)]]


def write_csv(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file).writerows(rows(count))
    return path


def column_letters(count: int) -> list[str]:
    letters = []
    for n in range(1, count + 1):
        name, left = "", n
        while left:
            left, rest = divmod(left - 1, 26)
            name = chr(65 + rest) + name
        letters.append(name)
    return letters


def sheet_xml(table: list[list[Any]]) -> str:
    """Inline strings and plain numbers, the way ERPs' streaming writers produce them
    (openpyxl would take ~40 s for 100,000 rows)."""
    letters = column_letters(len(HEADER))
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           "<sheetData>"]
    for r, row in enumerate(table, 1):
        cells = []
        for letter, value in zip(letters, row, strict=False):
            if isinstance(value, (int, float)):
                cells.append(f'<c r="{letter}{r}"><v>{value}</v></c>')
            elif value:
                cells.append(f'<c r="{letter}{r}" t="inlineStr"><is><t>{escape(value)}</t>'
                             "</is></c>")
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    out.append("</sheetData></worksheet>")
    return "".join(out)


PARTS = {
    "[Content_Types].xml":
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
        '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
        '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels":
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
        '"xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml":
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.'
        'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships"><sheets><sheet name="订单" sheetId="1" r:id="rId1"/>'
        "</sheets></workbook>",
    "xl/_rels/workbook.xml.rels":
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target='
        '"worksheets/sheet1.xml"/></Relationships>',
}


def write_xlsx(path: Path, count: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, text in PARTS.items():
            book.writestr(name, text)
        book.writestr("xl/worksheets/sheet1.xml", sheet_xml(rows(count)))
    return path


def read_once(path: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], cwd=ROOT, check=True,
                          capture_output=True, text=True, timeout=600)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def summary(kind: str, count: int, runs: list[dict[str, float]]) -> list[dict[str, Any]]:
    seconds = [run["seconds"] for run in runs]
    rates = [run["rows"] / run["seconds"] for run in runs]
    peaks = [run["peak_kb"] / 1024 for run in runs]
    if any(run["rows"] != count for run in runs):
        raise RuntimeError(f"{kind}: read {runs[0]['rows']} rows of {count}")
    note = f"{count} rows, {int(runs[0]['orders'])} orders, {len(HEADER)} columns"
    rows = [
        {"name": f"order-import-{kind}", "unit": "s", "median": statistics.median(seconds),
         "p99": max(seconds), "n": len(runs), "note": note},
        {"name": f"order-import-{kind}-rate", "unit": "rows/s",
         "median": statistics.median(rates), "p99": min(rates), "n": len(runs), "note": note},
        {"name": f"order-import-{kind}-peak-rss", "unit": "MB",
         "median": statistics.median(peaks), "p99": max(peaks), "n": len(runs), "note": note}]
    if count == FULL_ROWS:  # the budget is for the full size; --quick only checks the harness
        budgets = ((rows[0], statistics.median(seconds), BUDGET_SECONDS, "s"),
                   (rows[2], statistics.median(peaks), BUDGET_MB, "MB"))
        for row, median, limit, unit in budgets:
            row.update(budget=f"median <= {limit:g} {unit}", met=median <= limit)
    return rows


WRITERS = {"xlsx": write_xlsx, "csv": write_csv}


def write_in_child(path: Path, count: int) -> None:
    """In another process: Linux carries a parent's peak RSS into the ru_maxrss of the
    children it spawns, so the measuring process never holds the 100,000 rows itself."""
    subprocess.run([sys.executable, "-m", "bench.order_import", "--write", str(path),
                    str(count)], cwd=ROOT, check=True, timeout=600)


def run(quick: bool) -> list[dict[str, Any]]:
    """Write the exports to a temporary folder and time reading each (3 runs; 1 if quick)."""
    count, runs = (1_000, 1) if quick else (FULL_ROWS, 3)
    results = []
    with tempfile.TemporaryDirectory(prefix="order-import-") as folder:
        for kind in WRITERS:
            path = Path(folder) / f"orders.{kind}"
            write_in_child(path, count)
            results += summary(kind, count, [read_once(path) for _ in range(runs)])
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 rows, one run")
    parser.add_argument("--write", nargs=2, metavar=("PATH", "ROWS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write:
        path = Path(args.write[0])
        WRITERS[path.suffix.lstrip(".")](path, int(args.write[1]))
        return
    for row in run(args.quick):
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
