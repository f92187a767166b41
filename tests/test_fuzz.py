"""Property tests: reading, splitting, figures, regions, queries and export never fail on odd input."""

import unicodedata

from hypothesis import HealthCheck, given, settings, strategies as st

from hbviewer.core.text.articles import split_articles
from hbviewer.core.text.reading import UnreadableFile, decode_bytes
from hbviewer.core.extract.regions import find_mentions
from hbviewer.core.store.search import QueryError, _one_line, find_spans, first_spans, make_snippet, parse_query
from hbviewer.core.extract.figures import numeric_views
from hbviewer.core.text.textnorm import fold, fold_together, to_display

CHINESE = list("张家口市河北省衡水县区科技创新企业高新技术家个亿万元增长本报讯记者通讯员日报该全桥西东长安承德")
PUNCT = list("。，,、；:：“”\"（）()#▲\n \t-—%.")
page_text = st.lists(st.sampled_from(CHINESE + PUNCT + list("0123456789") + ["\n\n", "# ", "## ", "本报讯"]),
                     max_size=300).map("".join)
any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=600))
def test_any_bytes_decode_or_are_refused_with_a_reason(data):
    try:
        text, encoding = decode_bytes(data, "x.txt")
    except UnreadableFile as exc:
        assert exc.code in ("binary", "encoding") and exc.message
    else:
        assert isinstance(text, str) and encoding


@FAST
@given(st.one_of(page_text, any_text))
def test_splitting_keeps_only_text_from_the_page(text):
    page = to_display(text)
    page_chars = set(page)
    for article in split_articles(page):
        assert article.title and article.text
        assert set(article.text) - {"\n"} <= page_chars  # nothing invented
        assert all(p.strip() == p and p for p in article.paragraphs)
        assert article.original in page


@FAST
@given(st.one_of(page_text, any_text))
def test_region_mentions_are_spans_of_the_text(text):
    for m in find_mentions(text):
        assert 0 <= m.start < m.end <= len(text)
        assert fold(text[m.start:m.end]) == fold(m.surface) or text[m.start:m.end] == m.surface


@FAST
@given(st.lists(st.sampled_from(CHINESE + list(' "-|“”') + ["OR", " OR "]), max_size=20).map("".join))
def test_query_parser_accepts_or_explains(text):
    try:
        parsed = parse_query(text)
    except QueryError as exc:
        assert str(exc)
    else:
        assert parsed.required and all(parsed.required)
        assert parsed.fts_expression()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(CHINESE[:12] + list("，。 ")), min_size=1, max_size=40),
                min_size=1, max_size=12),
       st.text(alphabet=st.sampled_from(CHINESE[:12]), min_size=1, max_size=3))
def test_search_equals_brute_force_on_random_libraries(tmp_path_factory, texts, query):
    from hbviewer.core.store.sqlite import SqliteLibrary as Library
    from hbviewer.core.model import Article
    from hbviewer.core.store.search import SearchQuery

    lib = Library.open(tmp_path_factory.mktemp("fz") / "l.sqlite3")
    try:
        articles = [Article(f"标题{i}", (t,), position=i) for i, t in enumerate(texts)]
        lib.store_file("x", "x", "0", 0, "utf-8", articles)
        stored = lib.articles()
        expected = {a.id for a in stored if fold(query) in fold(a.title) or fold(query) in fold(a.text)}
        assert lib.search_ids(SearchQuery(query)) == expected
        for hit in lib.search(SearchQuery(query, limit=None), offsets=True).hits:
            article = lib.article(hit.article_id)
            assert all(fold(query) in fold(article.text[s:e]) for s, e in hit.text_hits)
            assert sum(e - s for s, e in hit.text_hits) >= len(query) * (fold(query) in fold(article.text))
    finally:
        lib.close()


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30), min_size=1,
                max_size=6))
def test_export_writes_any_text_back_unchanged(tmp_path_factory, strings):
    import openpyxl
    import pandas as pd

    from hbviewer.core.briefing.excel import _ILLEGAL, write_workbook
    from hbviewer.core.briefing.summary import Summary, SummaryScope

    articles = pd.DataFrame([(i + 1, s, None, "src.txt", "", 0) for i, s in enumerate(strings)],
                            columns=["article_id", "title", "date", "source", "regions", "figures"])
    figures = pd.DataFrame(columns=["article_id", "region", "region_code", "prefecture", "indicator", "value",
                                    "value_high", "unit", "kind", "approx", "as_of", "text", "start", "end",
                                    "title", "date", "source", "zone", "sentence"])
    out = write_workbook(Summary(SummaryScope(), figures, articles, []), tmp_path_factory.mktemp("x") / "b.xlsx")
    ws = openpyxl.load_workbook(out)["文章"]
    titles = [row[1].value for row in ws.iter_rows(min_row=2)]
    assert [t or "" for t in titles] == [_ILLEGAL.sub("", s) for s in strings]
    assert all(row[1].data_type == "s" for row in ws.iter_rows(min_row=2) if row[1].value is not None)


# A stretch with no hit, of any length, then hits of every kind, close together or not.
late_hits_text = st.tuples(
    st.integers(0, 900),
    st.lists(st.sampled_from(["的"] * 6 + ["。", "\n", " ", "科技", "张家口", "創新", "科", "技"]), max_size=300),
).map(lambda t: "的" * t[0] + "".join(t[1]))


@FAST
@given(late_hits_text, st.lists(st.sampled_from(["科技", "张家口", "创新", "科", "技创", "科技 张家口"]),
                                min_size=1, max_size=3))
def test_a_snippet_from_the_first_hits_is_the_snippet_from_all_hits(text, terms):
    # first_spans folds only as much text as it takes; what the snippet shows must not change
    assert make_snippet(text, first_spans(text, terms)) == make_snippet(text, find_spans(text, terms))


def test_a_snippet_marks_every_hit_it_shows_when_the_first_lies_far_in():
    for lead in (0, 95, 170, 290, 330, 1000, 5000):
        text = "的" * lead + "科技的科技" + "的" * 40 + "科技" + "的" * 200
        snippet = make_snippet(text, first_spans(text, ["科技"]))
        assert len(snippet.hits) == 3, lead
        assert all(snippet.text[s:e] == "科技" for s, e in snippet.hits)


def test_find_spans_with_whitespace_in_a_phrase():
    assert find_spans("河北\n\n日报", ["河北 日报"]) == [(0, 6)]


@FAST
@given(st.lists(st.sampled_from([chr(c) for c in range(0xFF01, 0xFF5F)] + list("\u3000\u00a0\u2002\u2003\u2009"
                                                                              "aZ9 ，。科")), max_size=60).map("".join))
def test_fold_turns_full_width_and_odd_spaces_into_ascii(text):
    # NFKC is an independent statement of the same mapping for these characters
    assert fold(text) == unicodedata.normalize("NFKC", text).lower()


# Traditional phrases (some convert to a different length as phrases), letters whose
# lower case is longer (İ) or depends on the next letter (Σ), full-width forms.
folding_text = st.lists(st.sampled_from(["乾隆", "乾燥", "著作", "經濟", "發展", "張家口", "臺灣", "瞭解", "İ", "ΟΣ",
                                         "Ａ", "ＶＩＰ", "\u3000", " ", "\n", "科技", "a", "Z"]),
                        max_size=12).map("".join)


@FAST
@given(st.lists(folding_text, min_size=1, max_size=4))
def test_folding_parts_together_is_folding_each_alone(parts):
    assert fold_together(*parts) == [fold(part) for part in parts]


def _one_line_by_character(text):
    out, where = [], []
    for ch in text:
        where.append(len(out))
        if ch == "\n":
            if out and out[-1] != " ":
                out.append(" ")
        else:
            out.append(ch)
    where.append(len(out))
    return "".join(out), where


@FAST
@given(st.lists(st.sampled_from(list("科技 \n") + ["\n\n", " \n", "\n "]), max_size=40).map("".join))
def test_snippet_lines_join_as_one_line_and_offsets_follow(text):
    joined, where = _one_line(text)
    assert (joined, list(where)) == _one_line_by_character(text)
    assert "\n" not in joined
    assert all(joined[where[i]] == ch for i, ch in enumerate(text) if ch != "\n")


@FAST
@given(st.lists(st.sampled_from([chr(c) for c in range(0xFF10, 0xFF1A)] + list("ＡＺａｚ％．＋－，（\u00a0\u2002\u2003"
                                                                             "\u2009\u200b\ufeff科 9")),
                max_size=60).map("".join))
def test_display_form_turns_full_width_numbers_ascii_and_keeps_chinese_punctuation(text):
    expected = "".join(ch if ch in "，（" else unicodedata.normalize("NFKC", ch)
                       for ch in text.replace("\u200b", "").replace("\ufeff", ""))
    assert to_display(text) == expected


def _numeric_views_by_character(text):
    from hbviewer.core.extract.figures import _JOINS_LEFT, _JOINS_RIGHT
    keep, i, n = [], 0, len(text)
    while i < n:
        if text[i] in " \t\u3000" and keep:
            j = i
            while j < n and text[j] in " \t\u3000":
                j += 1
            left, right = text[keep[-1]], (text[j] if j < n else "")
            if (j - i <= 4 and right and left in _JOINS_LEFT and right in _JOINS_RIGHT
                    and not (left.isdigit() and right.isdigit())):
                i = j
                continue
        keep.append(i)
        i += 1
    return "".join(text[k] for k in keep), keep


@FAST
@given(st.lists(st.sampled_from(list("12.%百分之万元家亿科技 \t\u3000") + ["  ", "     "]), max_size=50).map("".join))
def test_numbers_read_across_pdf_spaces_and_offsets_lead_back(text):
    words, numbers, origin = numeric_views(text)
    assert (words, origin) == _numeric_views_by_character(text)
    assert numbers == words and len(origin) == len(words)


def test_financial_numerals_read_as_ordinary_ones():
    words, numbers, origin = numeric_views("壹仟 玖佰 万元")
    assert words == "壹仟玖佰万元" and numbers == "一千九百万元" and origin == [0, 1, 3, 4, 6, 7]
