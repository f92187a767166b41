"""Reading files in the encodings staff receive, and refusing what is not text."""

import pytest

from hbviewer.core.text.reading import UnreadableFile, decode_bytes, read_text_file

SIMPLIFIED = "张家口市科技局\n\n高新技术企业295家,技术合同交易额40.51亿元。"
TRADITIONAL = "張家口市科技局以產業為主配置創新資源"


@pytest.mark.parametrize("encoding, text, expected", [
    ("utf-8", SIMPLIFIED, "utf-8"),
    ("utf-8-sig", SIMPLIFIED, "utf-8"),
    ("gb18030", SIMPLIFIED, "gb18030"),
    ("gbk", SIMPLIFIED, "gb18030"),
    ("big5", TRADITIONAL, "big5"),
    ("utf-16", SIMPLIFIED, "utf-16"),
    ("utf-16-le", "abc " + SIMPLIFIED, "utf-16"),
])
def test_encodings_are_detected(tmp_path, encoding, text, expected):
    path = tmp_path / "page.txt"
    path.write_bytes(text.encode(encoding))
    decoded = read_text_file(path)
    assert decoded.text.strip() == text.strip()
    assert decoded.encoding == expected


@pytest.mark.parametrize("word", ["科技", "衡水", "河北", "人才", "张家口"])
def test_short_gbk_text_is_not_read_as_big5(word):
    assert decode_bytes(word.encode("gbk"))[0] == word


@pytest.mark.parametrize("word", ["科技", "衡水", "河北", "張家口", "產業"])
def test_short_big5_text_is_not_read_as_gbk(word):
    assert decode_bytes(word.encode("big5"))[0] == word


def test_full_width_digits_and_letters_are_normalised(tmp_path):
    path = tmp_path / "sohu.txt"
    path.write_text("ＶＩＰ会员３年增长１２．５％，（含）", encoding="utf-8")
    # Chinese punctuation stays: the full-width comma tells 20，300 from 20,300.
    assert read_text_file(path).text == "VIP会员3年增长12.5%，（含）"


def test_windows_line_ends_become_newlines(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("第一行\r\n第二行\r第三行".encode("utf-8"))
    assert read_text_file(path).text == "第一行\n第二行\n第三行"


@pytest.mark.parametrize("content, code", [
    (b"", "empty"),
    (b"   \n\n  \t", "empty"),
    (bytes(range(256)) * 20, "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 100, "binary"),
])
def test_bad_content_gets_a_clear_message(tmp_path, content, code):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(UnreadableFile) as err:
        read_text_file(path)
    assert err.value.code == code
    assert "bad.txt" in err.value.message


def test_missing_path_and_folder(tmp_path):
    with pytest.raises(UnreadableFile) as err:
        read_text_file(tmp_path / "nowhere.txt")
    assert err.value.code == "missing" and "no such file" in err.value.message
    with pytest.raises(UnreadableFile) as err:
        read_text_file(tmp_path)
    assert err.value.code == "directory"


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    with pytest.raises(UnreadableFile) as err:
        read_text_file(path)
    assert err.value.code == "too_large"
    assert "50.0 MB" in err.value.message and "--max-file-mb" in err.value.message
