"""Splitting the seed pages into articles, checked against a list written by reading them."""

import pytest

from hbviewer.core.text.articles import split_articles
from hbviewer.core.text.reading import read_text_file

from conftest import SEEDS, load_gold

GOLD = load_gold("seed_articles.json")["files"]


def _split(name):
    return split_articles(read_text_file(SEEDS / name).text)


@pytest.mark.parametrize("name", sorted(GOLD))
def test_titles_and_count_match_gold(name):
    got = _split(name)
    want = GOLD[name]["articles"]
    assert [a.title for a in got] == [w["title"] for w in want]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_bylines_starts_and_dates_match_gold(name):
    got = _split(name)
    for article, want in zip(got, GOLD[name]["articles"]):
        assert article.byline == want["byline"], article.title
        assert article.text.startswith(want["begins"]), (article.title, article.text[:40])
        if "date" in want:
            assert article.date == want["date"]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_cleaning_joins_lines_and_sets_captions_apart(name):
    got = _split(name)
    gold = GOLD[name]
    for idx, phrases in gold.get("contains", {}).items():
        for phrase in phrases:
            assert phrase in got[int(idx)].text, phrase
    for idx, phrases in gold.get("absent", {}).items():
        for phrase in phrases:
            assert phrase not in got[int(idx)].text, phrase
    for idx, captions in gold.get("captions", {}).items():
        assert list(got[int(idx)].captions) == captions
    for idx, phrases in gold.get("count_once", {}).items():
        for phrase in phrases:
            assert got[int(idx)].text.count(phrase) == 1, phrase


def test_no_caption_inside_a_sentence_of_seed_000():
    articles = _split("000_086b7857410a924f.txt")
    for a in articles:
        for caption in a.captions:
            assert caption.strip("▲") not in a.text


def test_original_text_is_kept():
    page = read_text_file(SEEDS / "000_086b7857410a924f.txt").text
    first = _split("000_086b7857410a924f.txt")[0]
    assert first.original in page
    assert "▲领克汽车生产线。" in first.original  # the raw page part, caption and all


def test_byline_without_headline_takes_nothing_from_the_story_before():
    page = "# 第一篇\n\n本报讯 第一篇的正文。\n\n本报讯 第二篇没有标题,只有正文。\n"
    first, second = split_articles(page)
    assert first.title == "第一篇"
    assert first.text == "本报讯 第一篇的正文。"
    assert second.title_inferred and second.title.startswith("第二篇没有标题")


def test_kicker_line_joins_the_headline():
    page = ("上一篇的最后一句。\n\n承德\n\n积极对接京津 取得良好成效\n\n"
            "河北日报讯 今年以来,承德市科技局积极克服疫情影响。\n")
    articles = split_articles("# 上一篇\n\n本报讯 " + page)
    assert articles[-1].title == "承德积极对接京津取得良好成效"
    assert articles[0].text.endswith("上一篇的最后一句。")


def test_exact_duplicate_paragraph_dropped():
    page = "# 标题\n\n本报讯 这是一个重复的段落,内容完全相同。\n\n本报讯 这是一个重复的段落,内容完全相同。\n"
    (article,) = split_articles(page)
    assert article.text.count("重复的段落") == 1


def test_common_words_are_the_dictionary_entries_counted_50_times_or_more():
    import importlib.util
    from pathlib import Path

    from hbviewer.core.text.cleaning import _common_words

    # The rule read plainly, line by line, as an oracle for the one-regex reader.
    expected = set()
    dictionary = Path(importlib.util.find_spec("jieba").origin).parent / "dict.txt"
    with open(dictionary, encoding="utf-8") as lines:
        for line in lines:
            word, _, rest = line.partition(" ")
            if 2 <= len(word) <= 4 and int(rest.split(" ", 1)[0] or 0) >= 50:
                expected.add(word)
    assert len(expected) > 10000
    assert _common_words() == expected


def test_a_break_inside_a_word_is_told_from_one_between_words():
    from hbviewer.core.text.cleaning import splits_a_word

    assert splits_a_word("我们要坚", "持创新")  # 坚|持
    assert splits_a_word("推动經", "濟发展")  # traditional halves fold to 经济
    assert not splits_a_word("全年增长。", "同时")
    assert not splits_a_word("。地", "政")  # 地政 is too rare an entry to count


_SHORT_LINE_PAGE = ("# 张家口市高新区企业发展情况\n"
                    "本报讯 今年以来，高新区坚持创新驱动，推动企业转型升级，取得明显成效。\n"
                    "区内企业加大研发投入，一批新产品投放市场，产值稳步增长。\n\n"
                    "{line}\n"
                    "下一步，高新区将继续优化营商环境，服务企业发展。\n")


def test_a_short_sentence_of_clauses_after_a_gap_stays_in_the_story():
    # Full-width commas make it more than a caption's noun phrase: its figures belong to the story.
    (article,) = split_articles(_SHORT_LINE_PAGE.format(line="全年新增企业200家，增长12%。"))
    assert "全年新增企业200家，增长12%。" in article.text
    assert article.captions == ()


def test_a_short_noun_phrase_after_a_gap_is_a_caption():
    (article,) = split_articles(_SHORT_LINE_PAGE.format(line="高新区企业生产车间。"))
    assert article.captions == ("高新区企业生产车间。",)
    assert "生产车间" not in article.text


def test_every_article_of_a_hebei_daily_page_names_the_paper():
    # Seeds 001, 003 and 004 are pages of 河北日报: its name is in some bylines only.
    for name in ("001_6bbb3ec9880d77e2.txt", "003_5ea018c45a97ab36.txt", "004_bd5b0b70ffc880b9.txt"):
        assert {a.publication for a in _split(name)} == {"河北日报"}, name


def test_the_web_page_gives_its_site_name_and_date():
    (article,) = _split("002_ece3f9838cd41f0d.txt")
    assert (article.publication, article.date) == ("中國高新院", "2020-10-13")
