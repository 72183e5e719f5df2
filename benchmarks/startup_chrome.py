"""What a window costs before any of the app is in it: the start-up target's room, measured.

`startup.py` compares the app with a floor window (a bare `QApplication` and an empty
`QMainWindow`). This script compares the same floor with two windows made of PySide alone,
no planner code, no database, no style sheet, no icon:

- **label**: the floor with one `QLabel` as its central widget (the first text brings in the
  font database);
- **chrome**: what any app with navigation has: a list of four pages, a page of 13 labels
  (one aligned, which builds the `Qt` namespace's enums), six menus of five actions with
  shortcuts, and a status bar label. The app's own window has all of these and more.

Each child is timed as in `startup.py`: from `Popen` to its first paint and an idle event
loop, interleaved, after one warm-up each; medians are printed with their ratio to the floor.

    .venv/bin/python benchmarks/startup_chrome.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

CHILD = r"""
import sys
variant = sys.argv[1]
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1200, 760)
if variant == "label":
    from PySide6.QtWidgets import QLabel

    window.setCentralWidget(QLabel("Home"))
elif variant == "chrome":
    from PySide6.QtCore import QSize, Qt
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import (
        QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget,
    )

    central = QWidget()
    row = QHBoxLayout(central)
    navigation = QListWidget()
    navigation.setFixedWidth(190)
    navigation.setIconSize(QSize(20, 20))
    for name in ("Home", "Events", "People", "Follow-ups"):
        QListWidgetItem(name, navigation)
    row.addWidget(navigation)
    page = QWidget()
    column = QVBoxLayout(page)
    title = QLabel("Home")
    title.setAlignment(Qt.AlignmentFlag.AlignLeft)
    column.addWidget(title)
    for n in range(12):
        column.addWidget(QLabel(f"Line {n}"))
    row.addWidget(page, 1)
    window.setCentralWidget(central)
    for menu_name in ("&File", "&Edit", "E&vent", "&View", "&Tools", "&Help"):
        menu = window.menuBar().addMenu(menu_name)
        for n in range(5):
            action = QAction(f"Command {n}", window)
            action.setShortcut(QKeySequence(f"Ctrl+Shift+{n}"))
            menu.addAction(action)
    window.statusBar().addPermanentWidget(QLabel("Data folder: /tmp/data"))


class FirstPaint(QObject):
    seen = False

    def eventFilter(self, watched, event):
        if not self.seen and watched is window and event.type() == QEvent.Type.Paint:
            self.seen = True
            QTimer.singleShot(0, ready)
        return False


def ready():
    print("ready", flush=True)
    app.quit()


watch = FirstPaint()
window.installEventFilter(watch)
window.show()
app.exec()
"""

VARIANTS = ("floor", "label", "chrome")


def _time_child(variant: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, variant],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - start
    child.wait(timeout=60)
    if line.strip() != "ready":
        raise SystemExit(f"the {variant} window never became ready")
    return elapsed * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each (15)")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    for variant in VARIANTS:  # warm-up: caches, bytecode
        _time_child(variant, env)
    times: dict[str, list[float]] = {variant: [] for variant in VARIANTS}
    for _ in range(args.runs):
        for variant in VARIANTS:
            times[variant].append(_time_child(variant, env))
    floor = statistics.median(times["floor"])
    print(f"{args.runs} runs each, interleaved, platform {env['QT_QPA_PLATFORM']}; medians:")
    for variant in VARIANTS:
        median = statistics.median(times[variant])
        print(f"  {variant:7} {median:7.1f} ms   {median / floor:.2f}x the floor")
    print("The start-up target is 1.3x the floor (startup.py).")


if __name__ == "__main__":
    main()
