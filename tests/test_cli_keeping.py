"""hbviewer-cli tags, note, notes, bookmark and saved."""

import json

import pytest

from hbviewer.cli import main

PAGE = ("# 邯郸市推进钢铁产业转型\n\n本报讯 邯郸市钢铁企业超低排放改造完成18家，钢铁产能压减120万吨。\n\n"
        "## 邢台市发展新能源汽车\n\n本报讯 邢台市新能源汽车产量达到5.6万辆，同比增长30%。\n")


@pytest.fixture
def lib_path(tmp_path):
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    path = tmp_path / "lib.sqlite3"
    assert main(["import", "--library", str(path), str(tmp_path / "page.txt")]) == 0
    return str(path)


def run_json(capsys, *argv):
    capsys.readouterr()
    code = main([*argv, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_tags_are_listed_added_and_removed(lib_path, capsys):
    code, tags = run_json(capsys, "tags", "1", "--library", lib_path)
    assert code == 0 and tags and all(t["origin"] == "auto" for t in tags)
    first = tags[0]["tag"]
    code, tags = run_json(capsys, "tags", "1", "--add", "重点", "--remove", first, "--library", lib_path)
    assert {"tag": "重点", "origin": "user"} in tags and first not in [t["tag"] for t in tags]
    assert main(["search", "tag:重点", "--library", lib_path]) == 0
    assert main(["tags", "99", "--library", lib_path]) == 2
    assert "no article with id 99" in capsys.readouterr().err


def test_notes_on_articles_and_figures(lib_path, capsys):
    assert main(["note", "1", "--figure", "2", "产能数字", "待核实", "--library", lib_path]) == 0
    assert main(["note", "2", "已转交", "--library", lib_path]) == 0
    code, notes = run_json(capsys, "notes", "--library", lib_path)
    assert code == 0 and [n["text"] for n in notes] == ["产能数字 待核实", "已转交"]
    assert notes[0]["span"] is not None and notes[1]["span"] is None and notes[0]["author"]
    capsys.readouterr()
    assert main(["notes", "--library", lib_path]) == 0
    assert "on 120万吨" in capsys.readouterr().out
    code, found = run_json(capsys, "search", "note:核实", "--library", lib_path)
    assert [h["id"] for h in found["hits"]] == [1]
    assert main(["note", "1", "--figure", "9", "x", "--library", lib_path]) == 2
    assert main(["notes", "--remove", str(notes[1]["id"]), "--library", lib_path]) == 0
    assert main(["notes", "--article", "2", "--library", lib_path]) == 1


def test_bookmarks(lib_path, capsys):
    assert main(["bookmark", "2", "--library", lib_path]) == 0
    assert run_json(capsys, "bookmark", "--library", lib_path) == (0, [2])
    assert main(["bookmark", "2", "--off", "--library", lib_path]) == 0
    assert main(["bookmark", "--library", lib_path]) == 1


def test_saved_searches(lib_path, capsys):
    assert main(["saved", "--library", lib_path]) == 1
    assert main(["saved", "--save", "钢铁", "钢铁 -邢台", "--from", "2020-01-01", "--library", lib_path]) == 0
    code, saved = run_json(capsys, "saved", "--library", lib_path)
    assert code == 0 and [(s["name"], s["query"], s["filters"], s["new"]) for s in saved] == [
        ("钢铁", "钢铁 -邢台", {"date_from": "2020-01-01"}, 0)]
    assert main(["saved", "--save", "坏", "\"\"", "--library", lib_path]) == 2
    assert main(["saved", "--delete", "钢铁", "--library", lib_path]) == 0
    assert main(["saved", "--delete", "钢铁", "--library", lib_path]) == 2
