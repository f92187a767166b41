"""The watched folder: files that appear in a real folder are imported once, whole, and never twice."""

import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from hbviewer.core.importer import import_paths
from hbviewer.core.store.sqlite import SqliteLibrary as Library
from hbviewer.core.watching import FolderWatcher, is_watched_file

FAST = 0.3  # seconds a file must stay unchanged, in the tests that are not about timing

PAGE = "# 开发区新建厂房投产\n\n" + "\n\n".join(
    f"第{i}段：某开发区今年新建标准厂房{i}栋，带动就业岗位{i * 10}个，各项工作稳步推进。" for i in range(1, 41)) + "\n"


def page(title: str) -> str:
    return f"# {title}\n\n某县今年新增绿地面积12公顷，完成投资3.5亿元，群众满意度明显提高。\n"


class Watched:
    """A watcher whose files go through the importer into ``library``, as the CLI does."""

    def __init__(self, folder, library, **options):
        self.library = library
        self.results = []
        self.statuses = []
        self._lock = threading.Lock()
        self.watcher = FolderWatcher(folder, self._import, on_status=self._status, **options)

    def _import(self, paths):
        report = import_paths(self.library, paths, workers=1)
        with self._lock:
            self.results.extend(report.files)

    def _status(self, what, details):
        with self._lock:
            self.statuses.append(what)

    def named(self, name, status=None):
        with self._lock:
            return [r for r in self.results if Path(r.path).name == name and status in (None, r.status)]

    def wait(self, condition, timeout=10.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return True
            time.sleep(0.02)
        return condition()

    def __enter__(self):
        self.watcher.start()
        return self

    def __exit__(self, *exc):
        self.watcher.stop()


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "inbox"
    path.mkdir()
    return path


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_copied_in_is_imported_within_three_seconds(folder, library, tmp_path):
    source = write(tmp_path / "早报.txt", page("城区绿化提质"))
    warm = Library.open(tmp_path / "warm.sqlite3")  # the dictionaries loaded, as in a program that has run a while
    import_paths(warm, [source], workers=1)
    warm.close()
    with Watched(folder, library) as watched:  # the default settle time
        started = time.monotonic()
        shutil.copy(source, folder / "早报.txt")
        assert watched.wait(lambda: watched.named("早报.txt"), timeout=3.0)
        assert time.monotonic() - started < 3.0
    assert [r.status for r in watched.named("早报.txt")] == ["imported"]
    assert [a.title for a in library.articles()] == ["城区绿化提质"]


def test_a_file_written_slowly_is_imported_once_and_whole(folder, library, tmp_path):
    target = folder / "慢慢写.txt"
    data = PAGE.encode("utf-8")
    chunks = [data[i:i + len(data) // 20 + 1] for i in range(0, len(data), len(data) // 20 + 1)]
    with Watched(folder, library, settle=1.0) as watched:
        started = time.monotonic()
        with open(target, "wb") as out:  # over five seconds, a pause of a quarter second between chunks
            for chunk in chunks:
                out.write(chunk)
                out.flush()
                time.sleep(5.0 / len(chunks))
        assert time.monotonic() - started >= 5.0
        assert watched.wait(lambda: watched.named("慢慢写.txt"), timeout=5.0)
        time.sleep(1.5)  # long enough for a second import, were there one
    assert [r.status for r in watched.named("慢慢写.txt")] == ["imported"]
    whole = Library.open(tmp_path / "whole.sqlite3")
    try:
        import_paths(whole, [target], workers=1)
        assert [a.text for a in library.articles()] == [a.text for a in whole.articles()]
    finally:
        whole.close()
    assert "第40段" in library.articles()[-1].text


def test_a_file_copied_again_or_touched_is_not_imported_twice(folder, library, tmp_path):
    source = write(tmp_path / "通知.txt", page("关于做好冬季供暖工作的通知"))
    with Watched(folder, library, settle=FAST) as watched:
        shutil.copy(source, folder / "通知.txt")
        assert watched.wait(lambda: watched.named("通知.txt", "imported"))
        shutil.copy(source, folder / "通知.txt")
        assert watched.wait(lambda: len(watched.named("通知.txt")) == 2)
        later = time.time() + 5
        os.utime(folder / "通知.txt", (later, later))
        assert watched.wait(lambda: len(watched.named("通知.txt")) == 3)
    assert [r.status for r in watched.named("通知.txt")] == ["imported", "unchanged", "unchanged"]
    assert library.article_count() == 1 and len(library.sources()) == 1


def test_a_changed_file_is_imported_again(folder, library):
    with Watched(folder, library, settle=FAST) as watched:
        write(folder / "日报.txt", page("第一版"))
        assert watched.wait(lambda: watched.named("日报.txt", "imported"))
        time.sleep(0.05)
        write(folder / "日报.txt", page("更正后的第一版"))
        assert watched.wait(lambda: watched.named("日报.txt", "replaced"))
    assert [a.title for a in library.articles()] == ["更正后的第一版"]


def test_a_bad_file_gives_its_failure_and_the_watch_goes_on(folder, library):
    with Watched(folder, library, settle=FAST) as watched:
        (folder / "坏文件.docx").write_bytes(b"this is not a Word file at all")
        assert watched.wait(lambda: watched.named("坏文件.docx"))
        write(folder / "好文件.txt", page("农村公路建设"))
        assert watched.wait(lambda: watched.named("好文件.txt"))
    bad, = watched.named("坏文件.docx")
    assert bad.status == "failed" and bad.error_code == "corrupt" and "坏文件.docx" in bad.error
    assert [r.status for r in watched.named("好文件.txt")] == ["imported"]


def test_temporary_and_hidden_files_are_ignored(folder, library):
    with Watched(folder, library, settle=FAST) as watched:
        (folder / "~$简报.docx").write_bytes(b"\x00owner")
        write(folder / "下载.pdf.part", "half")
        write(folder / "下载.zip.crdownload", "half")
        write(folder / ".隐藏.txt", page("不该导入"))
        (folder / ".cache").mkdir()
        write(folder / ".cache" / "缓存.txt", page("也不该导入"))
        write(folder / "说明.txt", page("正式文件"))
        assert watched.wait(lambda: watched.named("说明.txt"))
        time.sleep(FAST * 3)
    assert [Path(r.path).name for r in watched.results] == ["说明.txt"]
    assert [a.title for a in library.articles()] == ["正式文件"]


def test_a_download_renamed_when_whole_is_imported(folder, library):
    with Watched(folder, library, settle=FAST) as watched:
        partial = write(folder / "公报.txt.crdownload", page("统计公报"))
        partial.rename(folder / "公报.txt")
        assert watched.wait(lambda: watched.named("公报.txt"))
    assert [r.status for r in watched.named("公报.txt")] == ["imported"]


def test_files_already_there_and_in_subfolders_are_imported_once(folder, library, tmp_path):
    write(folder / "旧文件.txt", page("去年的工作总结"))
    with Watched(folder, library, settle=FAST) as watched:
        assert watched.wait(lambda: watched.named("旧文件.txt"))
        day = tmp_path / "12月3日"
        day.mkdir()
        write(day / "版面.txt", page("今日要闻"))
        shutil.move(str(day), folder / "12月3日")  # a whole folder saved at once
        assert watched.wait(lambda: watched.named("版面.txt"))
    with Watched(folder, library, settle=FAST) as again:  # a second start: nothing new to store
        assert again.wait(lambda: len(again.results) == 2)
    assert [r.status for r in watched.results] == ["imported", "imported"]
    assert [r.status for r in again.results] == ["unchanged", "unchanged"]
    assert library.article_count() == 2


def test_an_archive_there_at_the_next_start_is_not_analysed_again(folder, library, monkeypatch):
    import zipfile

    from hbviewer.core import importer

    with zipfile.ZipFile(folder / "本周.zip", "w") as zf:
        zf.writestr("周一.txt", page("周一要闻"))
        zf.writestr("周二.txt", page("周二要闻"))
    with Watched(folder, library, settle=FAST) as first:
        assert first.wait(lambda: len(first.results) == 2)
    analysed = []
    real = importer.analyse
    monkeypatch.setattr(importer, "analyse", lambda *a, **k: analysed.append(a[0]) or real(*a, **k))
    with zipfile.ZipFile(folder / "本周.zip", "a") as zf:  # a member added since
        zf.writestr("周三.txt", page("周三要闻"))
    with Watched(folder, library, settle=FAST) as again:
        assert again.wait(lambda: len(again.results) == 3)
    assert [r.status for r in first.results] == ["imported", "imported"]
    assert [r.status for r in again.results] == ["unchanged", "unchanged", "imported"]
    assert analysed == ["周三要闻"]


def test_a_folder_that_disappears_is_said_once_and_watched_again_when_back(folder, library):
    with Watched(folder, library, settle=FAST, missing_check=0.2) as watched:
        write(folder / "一.txt", page("第一篇"))
        assert watched.wait(lambda: watched.named("一.txt"))
        shutil.rmtree(folder)
        assert watched.wait(lambda: watched.statuses == ["missing"])
        time.sleep(0.5)
        assert watched.statuses == ["missing"] and watched.watcher.missing
        folder.mkdir()
        write(folder / "二.txt", page("第二篇"))
        assert watched.wait(lambda: watched.named("二.txt"))
    assert watched.statuses == ["missing", "back"]
    assert library.article_count() == 2


def test_a_folder_missing_at_start_is_said_and_waited_for(tmp_path, library):
    folder = tmp_path / "not-yet"
    with Watched(folder, library, settle=FAST, missing_check=0.2) as watched:
        assert watched.statuses == ["missing"]
        folder.mkdir()
        write(folder / "新.txt", page("新的一天"))
        assert watched.wait(lambda: watched.named("新.txt"))
    assert watched.statuses == ["missing", "back"]


def test_an_idle_watch_sleeps(folder, library):
    """Nothing settling: the timer waits for an event, with no timeout to wake it."""
    with Watched(folder, library, settle=FAST) as watched:
        assert watched.watcher._timeout() is None
        write(folder / "一.txt", page("第一篇"))
        assert watched.wait(lambda: watched.named("一.txt"))
        assert watched.watcher.settling() == [] and watched.watcher._timeout() is None


@pytest.mark.parametrize("name, watched", [
    ("a.txt", True), ("b.DOCX", True), ("c.html", True), ("d.pdf", True), ("e.zip", True), ("f.md", True),
    ("~$g.docx", False), ("h.pdf.part", False), ("i.zip.crdownload", False), (".j.txt", False),
    ("k.tmp", False), ("l.exe", False), (".git/m.txt", False), ("sub/n.txt", True),
])
def test_which_files_are_watched(tmp_path, name, watched):
    assert is_watched_file(tmp_path / name, tmp_path) is watched
