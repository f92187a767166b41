"""Running core work off the UI thread, with calm progress and a clean cancel.

A task is a plain function ``fn(progress, should_stop) -> result``. It runs on a
``QThreadPool``; its progress, result or error arrive on the UI thread as
signals. Cancelling sets a flag the function checks: no thread is ever killed.
"""

from __future__ import annotations

import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Qt, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

TaskFn = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]


class TaskSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str, str)  # message for the user, details (traceback) for the log


class Task(QRunnable):
    def __init__(self, fn: TaskFn):
        super().__init__()
        self.fn = fn
        self.signals = TaskSignals()
        self._stop = threading.Event()
        self.setAutoDelete(False)  # the owner keeps it until its signals have been delivered

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit, self._stop.is_set)
        except Exception as exc:  # reported to the UI, which shows and logs it
            self.signals.failed.emit(str(exc) or type(exc).__name__, traceback.format_exc())
        else:
            self.signals.finished.emit(result)


class TaskRunner(QObject):
    """Starts tasks on a pool; ``synchronous=True`` runs them inline (tests)."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None,
                 synchronous: bool = False):
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self.synchronous = synchronous
        self._running: set[Task] = set()

    def start(self, fn: TaskFn, on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[str, str], None] | None = None,
              on_progress: Callable[[int, int, str], None] | None = None) -> Task:
        task = Task(fn)
        if on_progress is not None:
            task.signals.progress.connect(on_progress, Qt.QueuedConnection)
        if on_done is not None:
            task.signals.finished.connect(on_done, Qt.QueuedConnection)
        if on_error is not None:
            task.signals.failed.connect(on_error, Qt.QueuedConnection)
        self._running.add(task)
        task.signals.finished.connect(lambda _=None, t=task: self._running.discard(t), Qt.QueuedConnection)
        task.signals.failed.connect(lambda *_, t=task: self._running.discard(t), Qt.QueuedConnection)
        if self.synchronous:
            task.run()
            QApplication.processEvents()
        else:
            self.pool.start(task)
        return task

    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for the pool (used when closing the window and in tests)."""
        done = self.pool.waitForDone(msecs)
        QApplication.processEvents()
        return done


class CalmProgress(QObject):
    """A progress dialog that appears only if the work lasts longer than ``delay_ms``.

    Quick jobs never flash a window; Cancel asks the task to stop.
    """

    def __init__(self, parent: QWidget, title: str, task: Task, delay_ms: int = 500):
        super().__init__(parent)
        self.dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowModality(Qt.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.hide()
        self.dialog.canceled.connect(task.cancel)
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self.dialog.show)
        self._timer.start()
        task.signals.progress.connect(self.update, Qt.QueuedConnection)
        task.signals.finished.connect(self.close, Qt.QueuedConnection)
        task.signals.failed.connect(self.close, Qt.QueuedConnection)

    def update(self, done: int, total: int, label: str) -> None:
        if self.dialog.maximum() != total:
            self.dialog.setMaximum(max(total, 0))
        if self.dialog.value() != done:
            self.dialog.setValue(done)
        if label:
            self.dialog.setLabelText(label)

    def close(self, *_args) -> None:
        self._timer.stop()
        self.dialog.hide()
        self.dialog.deleteLater()
