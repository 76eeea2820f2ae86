"""PySide6-Essentials 6.12.0 on CPython 3.11 drops a reference to None on every void Qt call
and to True on every Signal.emit(): the app aborts with `none_dealloc` after a few hundred
keystrokes. pyproject excludes that release; this test fails if such a build comes back."""

import subprocess
import sys

PROBE = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Probe(QObject):
    fired = Signal()
probe = Probe()
none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
for _ in range(200):
    probe.setObjectName("x")
    probe.fired.emit()
print(sys.getrefcount(None) - none_before, sys.getrefcount(True) - true_before)
"""


def test_qt_calls_keep_none_and_true_alive():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                         timeout=60, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
                         check=False)
    assert out.returncode == 0, out.stderr[-500:]
    none_delta, true_delta = map(int, out.stdout.split())
    # Small positive drift is normal bookkeeping; a loss of ~1 per call is the bug.
    assert none_delta > -50 and true_delta > -50, (none_delta, true_delta)
