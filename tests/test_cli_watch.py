"""hbviewer-cli watch: a folder watched from a terminal, stopped with Ctrl+C."""

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time

import pytest

from hbviewer.cli import main
from hbviewer.core.store.sqlite import SqliteLibrary as Library

pytestmark = pytest.mark.skipif(os.name != "posix", reason="sends SIGINT as Ctrl+C does in a terminal")

PAGE = "# 县城供水管网改造完成\n\n今年全县改造供水管网26公里，惠及居民1.2万户，供水保障能力明显提升。\n"


def lines_of(stream, into: queue.Queue) -> None:
    for line in stream:
        into.put(line)
    into.put(None)


def wait_line(lines: queue.Queue, text: str, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=max(0.01, deadline - time.monotonic()))
        except queue.Empty:
            break
        if line is None:
            break
        if text in line:
            return line
    raise AssertionError(f"no line with {text!r}")


def test_watch_imports_a_copied_file_and_stops_cleanly_on_ctrl_c(tmp_path):
    folder, library = tmp_path / "inbox", tmp_path / "library.sqlite3"
    folder.mkdir()
    (tmp_path / "供水.txt").write_text(PAGE, encoding="utf-8")
    proc, lines = start_watch(library, folder)
    try:
        wait_line(lines, "Watching")
        shutil.copy(tmp_path / "供水.txt", folder / "供水.txt")
        assert "imported 1 articles" in wait_line(lines, "供水.txt")
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    errors = proc.stderr.read()
    assert code == 0
    assert "Traceback" not in errors and "KeyboardInterrupt" not in errors
    assert wait_line(lines, "Stopped watching", timeout=1)
    lib = Library.open(library)
    try:
        assert [a.title for a in lib.articles()] == ["县城供水管网改造完成"]
    finally:
        lib.close()


def start_watch(library, folder, *options):
    proc = subprocess.Popen([sys.executable, "-m", "hbviewer.cli", "--library", str(library), "watch", str(folder),
                             "--settle", "0.3", *options], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8")
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lines_of, args=(proc.stdout, lines), daemon=True).start()
    return proc, lines


def test_watch_json_gives_a_line_for_a_bad_file_and_goes_on(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    proc, lines = start_watch(tmp_path / "library.sqlite3", folder, "--json")
    try:
        assert proc.stderr.readline().startswith("Watching")  # on stderr: stdout is JSON Lines only
        (folder / "坏.pdf").write_bytes(b"%PDF-1.4 not really")
        bad = json.loads(wait_line(lines, "坏.pdf"))
        (folder / "好.txt").write_text(PAGE, encoding="utf-8")
        good = json.loads(wait_line(lines, "好.txt"))
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert bad["status"] == "failed" and bad["error_code"] == "corrupt" and "坏.pdf" in bad["error"]
    assert good["status"] == "imported" and good["articles"] == 1
    assert code == 0 and "Traceback" not in proc.stderr.read()


def test_watch_says_a_missing_folder_and_still_stops_cleanly(tmp_path):
    proc, _lines = start_watch(tmp_path / "library.sqlite3", tmp_path / "not-yet")
    try:
        warning = proc.stderr.readline()
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert warning.startswith("warning: the watched folder") and "not-yet" in warning
    assert code == 0 and "Traceback" not in proc.stderr.read()


def test_watch_refuses_a_file_for_a_folder(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["--library", str(tmp_path / "lib.sqlite3"), "watch", str(page)]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err
