"""Real files staff receive (Word reports, PDF bulletins, web pages, text) import cleanly.

The files are third-party and live beside the repository, in shared/files/;
a clone without them skips these tests.
"""

import re
from pathlib import Path

import pytest

from hbviewer.core.importer import collect_files, import_paths
from hbviewer.core.store.sqlite import SqliteLibrary as Library

FILES = Path(__file__).resolve().parents[2] / "shared" / "files"
KINDS = ("docx", "pdf", "html", "txt")

# About 12 s for the ~75 files: not marked slow, so the default run reads them.
pytestmark = pytest.mark.skipif(
    not FILES.is_dir(), reason="the real sample files (shared/files/ beside the repository) are not here")


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    lib = Library.open(tmp_path_factory.mktemp("shared") / "library.sqlite3")
    folders = [FILES / kind for kind in KINDS if (FILES / kind).is_dir()]
    report = import_paths(lib, folders)
    by_source: dict[str, list] = {}
    for article in lib.articles():
        by_source.setdefault(article.source_name, []).append(article)
    yield report, lib, by_source
    lib.close()


def _files(kind: str) -> list[Path]:
    return collect_files([FILES / kind])[0] if (FILES / kind).is_dir() else []


def test_every_file_imports_without_error(imported):
    report, _, _ = imported
    assert report.files, "no file was found to import"
    assert not report.failed, [(f.path, f.error) for f in report.failed]
    assert all(f.status == "imported" and f.articles >= 1 for f in report.files), [
        (f.path, f.status, f.articles) for f in report.files if f.status != "imported" or not f.articles]


@pytest.mark.parametrize("kind", KINDS)
def test_articles_have_text_and_figures(imported, kind):
    _, lib, by_source = imported
    files = _files(kind)
    if not files:
        pytest.skip(f"no {kind} files")
    with_figures = 0
    for path in files:
        articles = by_source.get(path.name)
        assert articles, f"{path.name}: no articles"
        assert all(a.text.strip() for a in articles), path.name
        figures = [f for a in articles for f in lib.figures(a.id)]
        # Numbers written with a unit (亿元, %, 万人) in the text should be found.
        has_units = any(re.search(r"\d(?:\.\d+)?\s*(?:%|亿元|万元|万人|万吨|亿)", a.text) for a in articles)
        if has_units:
            assert figures, f"{path.name}: figures in the text, none found"
        with_figures += bool(figures)
    if kind in ("docx", "pdf"):
        assert with_figures == len(files)  # reports and statistics bulletins
    elif kind == "html":
        assert with_figures >= len(files) // 2


def test_pdf_bulletins_read_as_paragraphs_and_rows(imported):
    _, _, by_source = imported
    pdfs = _files("pdf")
    if not pdfs:
        pytest.skip("no PDF files")
    for path in pdfs:
        text = "\n\n".join(a.text for a in by_source[path.name])
        # Running page numbers (- 3 -, — 3 —) are gone.
        assert not re.search(r"^[-—]\s*\d+\s*[-—]$", text, re.M), path.name
        # Lines broken at the right margin are joined: paragraphs are long.
        paragraphs = [p for p in text.split("\n\n") if len(p) > 40]
        assert max(len(p) for p in paragraphs) > 150, path.name
        # Table rows keep their cells together: a label, then its numbers.
        assert re.search(r"^\S+\u3000-?\d+(?:\.\d+)?(?:\u3000|$)", text, re.M), path.name


def test_web_pages_keep_the_story_and_drop_the_page(imported):
    _, _, by_source = imported
    pages = _files("html")
    if not pages:
        pytest.skip("no web pages")
    for path in pages:
        articles = by_source[path.name]
        assert len(articles) == 1, path.name
        article = articles[0]
        assert article.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", article.date), path.name
        assert article.publication, path.name
        assert not article.title.startswith("["), path.name
        for junk in ("var ", "function(", "登录", "查看更多评论", "版权所有", "责任编辑"):
            assert junk not in article.text, (path.name, junk)
