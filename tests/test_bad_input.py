"""Every kind of bad file gets a message a non-programmer understands, and changes nothing else."""

import os
from pathlib import Path

import pytest

from hbviewer.core.importer import import_paths
from hbviewer.core.store.sqlite import SqliteLibrary as Library

from conftest import SEEDS

GOOD_PAGE = "# 甲县新闻\n\n本报讯 甲县今年新增高新技术企业12家。\n"


def sparse(size):
    def make(path):
        with open(path, "wb") as f:
            f.truncate(size)
    return make


def content(data):
    return lambda path: path.write_bytes(data)


def text(s, encoding="utf-8"):
    return lambda path: path.write_bytes(s.encode(encoding))


# (file name, how to make it, expected status, expected error code, words the message must contain)
BATTERY = [
    ("empty.txt", content(b""), "failed", "empty", "is empty"),
    ("blank.txt", text(" \n\n\t  \n"), "failed", "empty", "only blank space"),
    ("photo.txt", content(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8), "failed", "binary",
     "not a text file"),
    ("nul.txt", content("正文里有空字节。".encode() + b"\x00\x00" + "后面的文字。".encode()), "failed", "binary",
     "binary data"),
    ("huge-200mb.txt", sparse(200 * 1024 * 1024), "failed", "too_large", "limit"),
    ("sparse-1gb.txt", sparse(1024 * 1024 * 1024), "failed", "too_large", "--max-file-mb"),
    ("garbage.txt", content(b"\x80\xff" * 2000), "failed", "encoding", "encoding could not be recognised"),
    ("gb18030.txt", text(GOOD_PAGE, "gb18030"), "imported", "", ""),
    ("big5.txt", text("# 甲縣新聞\n\n本報訊 甲縣今年新增高新技術企業12家。\n", "big5"), "imported", "", ""),
    ("mixed.txt", content(("# 混合编码\n\n本报讯 " + "该县新增企业12家。" * 10).encode() + "這段是GBK".encode("gbk")
                          + "。\n".encode()), "imported", "", ""),
    ("notes.dat", text(GOOD_PAGE.replace("甲", "乙")), "imported", "", ""),
    ("oneline.txt", text("本报讯 " + "该市新增高新技术企业12家," * 20000), "imported", "", ""),
]


@pytest.fixture(scope="module")
def battery(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    for name, make, *_ in BATTERY:
        make(folder / name)
    lib = Library.open(folder / "library.sqlite3")
    import_paths(lib, [SEEDS])
    before = {a.id: (a.title, a.text) for a in lib.articles()}
    report = import_paths(lib, [folder / name for name, *_ in BATTERY] + [folder / "missing.txt"])
    yield lib, before, {Path(f.path).name: f for f in report.files}
    lib.close()


@pytest.mark.parametrize("name, make, status, code, words", BATTERY, ids=[row[0] for row in BATTERY])
def test_each_bad_input_has_a_clear_outcome(battery, name, make, status, code, words):
    _lib, _before, results = battery
    result = results[name]
    assert result.status == status, result.error
    assert result.error_code == code
    if words:
        assert words in result.error and name in result.error  # the message names the file


def test_a_missing_path_is_reported(battery):
    assert battery[2]["missing.txt"].error_code == "missing"


def test_bad_files_changed_nothing_already_in_the_library(battery):
    lib, before, _results = battery
    after = {a.id: (a.title, a.text) for a in lib.articles()}
    assert all(after[i] == before[i] for i in before)


def test_mixed_encodings_keep_the_utf8_text(battery):
    lib, _before, results = battery
    assert "some bytes" in results["mixed.txt"].encoding
    article = next(a for a in lib.articles() if a.title == "混合编码")
    assert "该县新增企业12家。" in article.text


def test_folder_with_a_symlink_loop_is_walked_once(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.txt").write_text(GOOD_PAGE, encoding="utf-8")
    os.symlink(tmp_path / "pages", tmp_path / "pages" / "loop")
    lib = Library.open(tmp_path / "l.sqlite3")
    report = import_paths(lib, [tmp_path / "pages"])
    assert [f.status for f in report.files] == ["imported"]
    lib.close()


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    page = tmp_path / "secret.txt"
    page.write_text(GOOD_PAGE, encoding="utf-8")

    def denied(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", denied)
    lib = Library.open(tmp_path / "l.sqlite3")
    result = import_paths(lib, [page]).files[0]
    assert result.error_code == "permission" and "permission denied" in result.error
    lib.close()


@pytest.mark.slow
def test_many_tiny_articles_in_one_file(tmp_path):
    n = 100000
    page = tmp_path / "tiny.txt"
    page.write_text("".join(f"## 第{i}条\n\n本报讯 该县新增企业{i % 90 + 2}家。\n\n" for i in range(n)), encoding="utf-8")
    lib = Library.open(tmp_path / "l.sqlite3")
    result = import_paths(lib, [page]).files[0]
    assert result.status == "imported" and result.articles == n
    assert lib.stats()["figures"] == n
    lib.close()
