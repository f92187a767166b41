"""A deterministic benchmark corpus of N articles, in memory or as page files.

Real text is used when the shared corpus sits beside the repository
(``../shared/corpus``: CCTV 新闻联播 stories and Hebei government documents);
a fresh clone has no such folder, so articles are then generated from the
repository's ``seeds/`` pages. Either way the same seed gives the same corpus.

Past the number of real stories, stories are reused with their paragraphs (or,
for one-paragraph documents, their sentences) shuffled, and the title gets a
copy number: the library drops an article whose normalised title and text it
already holds, so an exact repeat would not be imported at all.

A twentieth of the articles are converted to traditional characters, as web
pages from Hong Kong and Taiwan arrive: a search for 张家口 must find 張家口.

On disk the corpus is a folder of newspaper pages, three to six articles per
file, each article a ``# headline`` followed by its paragraphs. Staff import
pages, not single articles, so this exercises the page splitter as a real
import does; one article per file would mostly measure per-file overhead.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SHARED = Path(__file__).resolve().parents[2] / "shared"
REAL_FILES = ("cctv_xinwenlianbo_stories.jsonl.gz", "hebei_gov_docs.jsonl.gz")
OUT = BENCH / "out"
TRADITIONAL_SHARE = 0.05
PAGE_ARTICLES = (3, 6)
CORPUS_FORMAT = 1  # bump when the written form changes: cached corpora are rebuilt

if str(REPO) not in sys.path:
    # Last, so that PYTHONPATH can point at another hbviewer tree (an exported commit) to measure.
    sys.path.append(str(REPO))


@dataclass(frozen=True)
class Story:
    title: str
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


_COMMENT = re.compile(r"<!--.*?-->", re.S)
_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")
_FURNITURE = re.compile(r"^(?:-{3,}|更新时间[:：].*)$")
_SENTENCE = re.compile(r"(?<=[。！？；])")
MIN_TEXT = 50  # crawled stubs ("通知PDF下载") are links to a file, not articles


def _clean_paragraphs(text: str) -> tuple[str, ...]:
    # The CCTV pages keep HTML markers, a "view original" link, Markdown bold and an
    # update stamp: page furniture, not article text.
    text = _LINK.sub("", _COMMENT.sub("", text)).replace("**", "")
    lines = (p.strip() for p in text.split("\n"))
    return tuple(p for p in lines if p and not _FURNITURE.match(p))


def real_available() -> bool:
    return all((SHARED / "corpus" / name).exists() for name in REAL_FILES)


def real_stories() -> list[Story]:
    stories = []
    for name in REAL_FILES:
        with gzip.open(SHARED / "corpus" / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                title = (row.get("title") or "").strip()
                paragraphs = _clean_paragraphs(row.get("text") or "")
                if title and sum(map(len, paragraphs)) >= MIN_TEXT:
                    stories.append(Story(title, paragraphs))
    return stories


def seed_stories() -> list[Story]:
    """Articles of the bundled sample pages, as the splitter sees them."""
    from hbviewer.core.text.articles import split_articles
    from hbviewer.core.text.reading import read_text_file

    stories = []
    for path in sorted((REPO / "seeds").glob("*.txt")):
        for article in split_articles(read_text_file(path).text):
            if article.paragraphs:
                stories.append(Story(article.title, article.paragraphs))
    return stories


def _sentences(paragraphs: tuple[str, ...]) -> list[str]:
    return [s for p in paragraphs for s in _SENTENCE.split(p) if s.strip()]


def _reshuffled(story: Story, copy: int, rng: random.Random) -> Story:
    paragraphs = list(story.paragraphs)
    if len(paragraphs) >= 3:
        rng.shuffle(paragraphs)
    else:
        sentences = _sentences(story.paragraphs)
        rng.shuffle(sentences)
        size = max(1, len(sentences) // max(1, len(paragraphs)))
        paragraphs = ["".join(sentences[i:i + size]) for i in range(0, len(sentences), size)]
    return Story(f"{story.title}({copy})", tuple(paragraphs))


def _generated(seeds: list[Story], i: int, rng: random.Random) -> Story:
    """An article from one seed article's sentences, reordered and regrouped."""
    base = seeds[i % len(seeds)]
    sentences = _sentences(base.paragraphs)
    rng.shuffle(sentences)
    sentences = sentences[:rng.randint(max(1, len(sentences) // 2), len(sentences))]
    paragraphs, k = [], 0
    while k < len(sentences):
        step = rng.randint(1, 4)
        paragraphs.append("".join(sentences[k:k + step]))
        k += step
    return Story(f"{base.title}({i})", tuple(paragraphs))


def corpus_source(wanted: str = "auto") -> str:
    """``real`` when the shared corpus is there (or ``wanted``), else ``seeds``."""
    if wanted == "real" and not real_available():
        raise FileNotFoundError(f"the real corpus needs {', '.join(REAL_FILES)} in ../shared/corpus")
    if wanted in ("real", "seeds"):
        return wanted
    return "real" if real_available() else "seeds"


def iter_stories(n: int, seed: int = 1, source: str = "auto") -> Iterator[Story]:
    """The first ``n`` articles of the corpus for ``seed`` (same seed, same articles)."""
    import opencc

    rng = random.Random(seed)
    s2t = opencc.OpenCC("s2t")
    real = corpus_source(source) == "real"
    pool = real_stories() if real else seed_stories()
    if real:
        rng.shuffle(pool)
    for i in range(n):
        if not real:
            story = _generated(pool, i, rng)
        elif i < len(pool):
            story = pool[i]
        else:
            story = _reshuffled(pool[i % len(pool)], i // len(pool), rng)
        if rng.random() < TRADITIONAL_SHARE:
            story = Story(s2t.convert(story.title), tuple(s2t.convert(p) for p in story.paragraphs))
        yield story


def iter_articles(n: int, seed: int = 1, source: str = "auto") -> Iterator[tuple[str, str]]:
    """``(title, text)`` pairs, for engines fed from memory."""
    for story in iter_stories(n, seed, source):
        yield story.title, story.text


@dataclass(frozen=True)
class CorpusFiles:
    folder: Path
    source: str  # "real" or "seeds"
    articles: int
    files: int
    bytes: int
    characters: int


def _page(stories: list[Story]) -> str:
    return "\n\n".join(f"# {s.title}\n\n{s.text}" for s in stories) + "\n"


def write_corpus(n: int, seed: int = 1, out: Path = OUT, source: str = "auto") -> CorpusFiles:
    """Write (or reuse) the corpus of ``n`` articles as page files; return what is there."""
    source = corpus_source(source)
    folder = out / f"corpus-{source}-{n}-seed{seed}"
    manifest = folder / "manifest.json"
    if manifest.exists():
        info = json.loads(manifest.read_text(encoding="utf-8"))
        if info.get("format") == CORPUS_FORMAT:
            return CorpusFiles(folder / "pages", source, info["articles"], info["files"],
                               info["bytes"], info["characters"])
    pages = folder / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    for old in pages.rglob("*.txt"):
        old.unlink()
    rng = random.Random(seed * 7919 + n)  # page grouping apart from article content
    stories = iter_stories(n, seed, source)
    files = size = chars = written = 0
    while written < n:
        take = min(n - written, rng.randint(*PAGE_ARTICLES))
        page = _page([next(stories) for _ in range(take)])
        data = page.encode("utf-8")
        # a few hundred files per folder, as a year of one paper's pages would be filed
        path = pages / f"{files // 500:03d}" / f"page_{files:06d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        files, size, chars, written = files + 1, size + len(data), chars + len(page), written + take
    info = {"format": CORPUS_FORMAT, "source": source, "articles": n, "files": files,
            "bytes": size, "characters": chars, "seed": seed}
    manifest.write_text(json.dumps(info, indent=1), encoding="utf-8")
    return CorpusFiles(pages, source, n, files, size, chars)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Write the benchmark corpus as page files.")
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", choices=("auto", "real", "seeds"), default="auto")
    args = parser.parse_args()
    print(write_corpus(args.n, args.seed, source=args.corpus))
