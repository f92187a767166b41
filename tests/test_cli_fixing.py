"""hbviewer-cli fix, merge, split and undo of them; reanalyse reads metadata again (made-up pages)."""

import json
import sqlite3

import pytest

from hbviewer.cli import main

PAGE = ("某城日报　2023年6月1日　第2版　要闻\n\n# 张家口市科技创新工作取得新进展\n\n本报讯 张家口市今年新增高新技术企业295家，"
        "技术合同交易额40.51亿元。\n\n## 万全区推进科技创新\n\n本报讯 万全区科技型中小企业达到120家，同比增长26%。\n")


@pytest.fixture
def lib_path(tmp_path):
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    path = str(tmp_path / "library.sqlite3")
    assert main(["import", "--library", path, str(tmp_path / "page.txt")]) == 0
    return path


def run_json(capsys, *argv):
    capsys.readouterr()
    code = main([*argv, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else None


def _listed(capsys, lib_path):
    return run_json(capsys, "list", "--library", lib_path)[1]


def test_fix_title_date_page_and_regions_then_undo(lib_path, capsys):
    first = _listed(capsys, lib_path)[0]
    code, out = run_json(capsys, "fix", "--library", lib_path, str(first["id"]), "--title", "张家口科技创新",
                         "--date", "2023年7月2日", "--page", "第3版", "--publication", "某省日报", "--add-region", "衡水市")
    assert code == 0 and len(out["corrections"]) == 2
    shown = out["articles"][0]
    assert (shown["title"], shown["date"], shown["page"], shown["publication"]) == ("张家口科技创新", "2023-07-02", "3",
                                                                                   "某省日报")
    assert "衡水市" in shown["regions"]
    _, made = run_json(capsys, "corrections", "--library", lib_path)
    assert [(c["action"], c["previous"].get("date")) for c in made] == [("article", "2023-06-01"), ("subjects", None)]
    for cid in reversed(out["corrections"]):
        assert main(["undo", "--library", lib_path, str(cid)]) == 0
    again = _listed(capsys, lib_path)[0]
    assert (again["title"], again["date"]) == (first["title"], first["date"])


def test_bad_input_exits_2_with_a_message_and_changes_nothing(lib_path, capsys):
    first, second = _listed(capsys, lib_path)
    for argv, said in [(["fix", str(first["id"]), "--date", "2023-13-01"], "not a date"),
                       (["fix", str(first["id"])], "say what to fix"),
                       (["fix", str(first["id"]), "--title", "新", "--remove-region", "保定市"], "not one of"),
                       (["split", str(first["id"]), "0"], "not a place inside"),
                       (["merge", str(second["id"])], "last article of its page"),
                       (["fix", "99999", "--title", "新"], "no article")]:
        capsys.readouterr()
        assert main([*argv, "--library", lib_path]) == 2, argv
        assert said in capsys.readouterr().err
    assert _listed(capsys, lib_path) == [first, second]
    _, made = run_json(capsys, "corrections", "--library", lib_path)
    assert all(c["state"] == "undone" for c in made or [])


def test_merge_split_and_undo_from_the_terminal(lib_path, capsys):
    first, second = _listed(capsys, lib_path)
    code, merged = run_json(capsys, "merge", "--library", lib_path, str(first["id"]))
    assert code == 0 and [a["id"] for a in _listed(capsys, lib_path)] == [first["id"]]
    assert main(["undo", "--library", lib_path, str(merged["corrections"][0])]) == 0
    assert _listed(capsys, lib_path) == [first, second]
    _, shown = run_json(capsys, "show", "--library", lib_path, str(first["id"]))
    at = shown["text"].index("技术合同")
    code, split = run_json(capsys, "split", "--library", lib_path, str(first["id"]), str(at))
    assert code == 0 and len(split["articles"]) == 2 and split["articles"][1]["characters"] > 0
    assert len(_listed(capsys, lib_path)) == 3
    capsys.readouterr()
    assert main(["corrections", "--library", lib_path]) == 0
    assert "split (cut at" in capsys.readouterr().out
    assert main(["undo", "--library", lib_path, str(split["corrections"][0])]) == 0
    assert _listed(capsys, lib_path) == [first, second]


def test_reanalyse_gives_blanked_metadata_back_and_keeps_a_fixed_date(lib_path, capsys):
    first, second = _listed(capsys, lib_path)
    db = sqlite3.connect(lib_path)
    with db:
        db.execute("UPDATE articles SET publication = '', date = NULL, page = ''")
    db.close()
    assert main(["fix", "--library", lib_path, str(second["id"]), "--date", "2020-01-01"]) == 0
    code, done = run_json(capsys, "reanalyse", "--library", lib_path)
    assert code == 0 and done["metadata_changed"] == 2
    again = {a["id"]: a for a in _listed(capsys, lib_path)}
    assert (again[first["id"]]["date"], again[first["id"]]["publication"], again[first["id"]]["page"]) == \
           ("2023-06-01", "某城日报", "2")
    assert again[second["id"]]["date"] == "2020-01-01" and again[second["id"]]["publication"] == "某城日报"
