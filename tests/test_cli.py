"""hbviewer-cli: commands, JSON output and exit codes."""

import json

import pytest

from hbviewer.cli import main

from conftest import SEEDS


@pytest.fixture
def lib_path(tmp_path):
    path = tmp_path / "lib.sqlite3"
    assert main(["import", "--library", str(path), str(SEEDS)]) == 0
    return str(path)


def run_json(capsys, *argv):
    capsys.readouterr()
    code = main([*argv, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_import_reports_per_file(tmp_path, capsys):
    code = main(["import", "--library", str(tmp_path / "l.sqlite3"), str(SEEDS)])
    out = capsys.readouterr().out
    assert code == 0
    assert "000_086b7857410a924f.txt: imported 10 articles (utf-8)" in out
    assert "26 articles added, 0 files failed." in out


def test_search_finds_all_five_seeds_and_folds_scripts(lib_path, capsys):
    code, data = run_json(capsys, "search", "--library", lib_path, "科技")
    assert code == 0
    assert {h["source"] for h in data["hits"]} == {p.name for p in SEEDS.glob("*.txt")}
    _, simp = run_json(capsys, "search", "--library", lib_path, "张家口")
    _, trad = run_json(capsys, "search", "--library", lib_path, "張家口")
    assert {h["id"] for h in simp["hits"]} == {h["id"] for h in trad["hits"]}
    assert simp["total"] >= 3
    hit = simp["hits"][0]
    s, e = hit["snippet_hits"][0]
    assert hit["snippet"][s:e] in ("张家口", "張家口")


def test_nothing_found_exits_1_and_bad_query_exits_2(lib_path, capsys):
    assert main(["search", "--library", lib_path, "没有这样的词语组合"]) == 1
    assert main(["search", "--library", lib_path, "-北京"]) == 2
    assert "at least one word" in capsys.readouterr().err


def test_list_show_stats(lib_path, capsys):
    code, listed = run_json(capsys, "list", "--library", lib_path)
    assert code == 0 and len(listed) == 26
    code, article = run_json(capsys, "show", "--library", lib_path, str(listed[0]["id"]))
    assert code == 0 and article["title"] == listed[0]["title"] and article["text"]
    code, stats = run_json(capsys, "stats", "--library", lib_path)
    assert stats["articles"] == 26 and stats["sources"] == 5
    assert main(["show", "--library", lib_path, "99999"]) == 2


def test_bad_files_exit_2_with_messages(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code = main(["import", "--library", str(tmp_path / "l.sqlite3"), str(empty), str(tmp_path / "nope.txt")])
    err = capsys.readouterr().err
    assert code == 2
    assert "empty.txt is empty" in err and "no such file or folder" in err


def test_bad_library_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"garbage" * 100)
    assert main(["stats", "--library", str(bad)]) == 2
    assert "not a usable hbviewer library" in capsys.readouterr().err


def test_samples_option_imports_the_bundled_seeds(tmp_path, capsys):
    code, data = run_json(capsys, "import", "--library", str(tmp_path / "l.sqlite3"), "--samples")
    assert code == 0 and data["articles_added"] == 26


def test_figures_of_a_file_and_of_a_stored_article(lib_path, capsys):
    code, data = run_json(capsys, "figures", "--library", lib_path, str(SEEDS / "000_086b7857410a924f.txt"))
    assert code == 0 and len(data) == 10
    first = data[0]["figures"][1]
    assert set(first) >= {"start", "end", "text", "value", "value_high", "unit", "kind", "approx",
                          "indicator", "change", "as_of", "region"}
    assert (first["text"], first["value"], first["unit"], first["indicator"]) == ("295家", 295, "家", "高新技术企业")
    _, listed = run_json(capsys, "list", "--library", lib_path)
    code, stored = run_json(capsys, "figures", "--library", lib_path, str(listed[0]["id"]))
    assert code == 0 and stored[0]["title"] == listed[0]["title"]
    assert [{**f, "id": None} for f in stored[0]["figures"]] == data[0]["figures"]
    assert all(isinstance(f["id"], int) and f["status"] == "automatic" and 0 < f["confidence"] <= 1
               for f in stored[0]["figures"])
    assert main(["figures", "--library", lib_path, "99999"]) == 2


def test_regions_of_a_file_and_of_a_stored_article(lib_path, capsys):
    code, data = run_json(capsys, "regions", "--library", lib_path, str(SEEDS / "000_086b7857410a924f.txt"))
    assert code == 0 and len(data) == 10
    wanquan = data[1]
    assert [r["name"] for r in wanquan["regions"]][:2] == ["万全区", "张家口市"]
    assert set(wanquan["regions"][0]) == {"name", "code", "level", "prefecture", "score"}
    assert wanquan["regions"][0]["code"] == "130708" and wanquan["regions"][0]["prefecture"] == "张家口市"
    _, listed = run_json(capsys, "list", "--library", lib_path)
    code, stored = run_json(capsys, "regions", "--library", lib_path, str(listed[1]["id"]))
    assert code == 0 and stored[0]["regions"] == wanquan["regions"]


def test_summary_and_export(lib_path, capsys, tmp_path):
    code, data = run_json(capsys, "summary", "--library", lib_path)
    assert code == 0 and data["articles"] == 26 and data["tree"][0]["name"] == "河北省"
    code, zjk = run_json(capsys, "summary", "--library", lib_path, "--region", "张家口")
    assert code == 0 and zjk["figure_rows"] and {r["prefecture"] for r in zjk["figure_rows"]} == {"张家口市"}
    out = tmp_path / "brief.xlsx"
    code, done = run_json(capsys, "export", "--library", lib_path, str(out), "--query", "衡水", "--per-region-sheets")
    assert code == 0 and out.is_file() and done["figures"] > 0
    assert main(["summary", "--library", lib_path, "--region", "不存在的地方"]) == 2
    assert main(["export", "--library", lib_path, str(tmp_path / "no" / "x.xlsx")]) == 2


def test_reanalyse_redoes_what_an_older_version_analysed(lib_path, capsys):
    import sqlite3

    _, before = run_json(capsys, "figures", "--library", lib_path, "1")
    db = sqlite3.connect(lib_path)
    with db:
        db.execute("UPDATE articles SET analysis_version = 0 WHERE id <= 3")
        db.execute("DELETE FROM figures WHERE article_id = 1")
    db.close()
    code, done = run_json(capsys, "reanalyse", "--library", lib_path)
    assert code == 0 and done["reanalysed"] == 3
    _, after = run_json(capsys, "figures", "--library", lib_path, "1")
    def without_ids(listing):
        return [{**f, "id": None} for f in listing[0]["figures"]]

    assert without_ids(after) == without_ids(before) and after[0]["figures"]
    _, again = run_json(capsys, "reanalyse", "--library", lib_path)
    assert again["reanalysed"] == 0
    _, everything = run_json(capsys, "reanalyse", "--library", lib_path, "--all")
    assert everything["reanalysed"] == 26
    code, backups = run_json(capsys, "library", "backups", "--library", lib_path)
    assert code == 0 and sum("before-reanalyse" in json.dumps(b) for b in backups) == 2


def test_reanalyse_of_many_articles_in_worker_processes_stores_what_one_process_does(lib_path, capsys,
                                                                                     monkeypatch):
    import sqlite3

    from hbviewer.core.extract import analysis

    def stored():
        db = sqlite3.connect(lib_path)
        rows = db.execute('SELECT article_id, start, "end", value, unit, kind, indicator, region_code FROM figures'
                          " ORDER BY article_id, start").fetchall()
        regions = db.execute("SELECT article_id, role, rank, code FROM article_regions ORDER BY 1, 2, 3").fetchall()
        db.close()
        return rows, regions

    _, figures = run_json(capsys, "figures", "--library", lib_path, "2")
    edited = next(f for f in figures[0]["figures"] if f["status"] == "automatic")
    assert main(["correct", "--library", lib_path, str(edited["id"]), "--value", "7"]) == 0
    assert run_json(capsys, "reanalyse", "--library", lib_path, "--all")[1]["reanalysed"] == 26
    in_one = stored()
    monkeypatch.setattr(analysis, "POOL_FROM", 1)  # 26 articles: worker processes as for a large library
    monkeypatch.setattr(analysis, "POOL_CHUNK", 4)  # several chunks a batch
    assert run_json(capsys, "reanalyse", "--library", lib_path, "--all")[1]["reanalysed"] == 26
    assert stored() == in_one and in_one[0]
    _, after = run_json(capsys, "figures", "--library", lib_path, "2")
    assert [(f["value"], f["status"]) for f in after[0]["figures"] if f["start"] == edited["start"]] == [(7, "edited")]


def _stored_figures(capsys, lib_path, article_id):
    _, stored = run_json(capsys, "figures", "--library", lib_path, str(article_id))
    return stored[0]["figures"]


def test_correct_a_figure_and_export_it_with_its_status(lib_path, capsys, tmp_path):
    import openpyxl

    _, listed = run_json(capsys, "list", "--library", lib_path)
    article = listed[0]["id"]
    first, second = _stored_figures(capsys, lib_path, article)[1:3]
    code, out = run_json(capsys, "correct", "--library", lib_path, str(first["id"]), "--value", "300",
                         "--region", "万全区")
    assert code == 0 and out["figure"]["value"] == 300 and out["figure"]["status"] == "edited"
    assert out["figure"]["region"] == "万全区" and out["figure"]["prefecture"] == "张家口市"
    assert run_json(capsys, "correct", "--library", lib_path, str(second["id"]), "--reject")[0] == 0
    assert main(["correct", "--library", lib_path, str(second["id"]), "--value", "很多"]) == 2
    assert "number" in capsys.readouterr().err
    assert main(["correct", "--library", lib_path, str(second["id"])]) == 2
    assert main(["correct", "--library", lib_path, "99999999", "--accept"]) == 2
    assert main(["export", "--library", lib_path, str(tmp_path / "b.xlsx")]) == 0
    data = openpyxl.load_workbook(tmp_path / "b.xlsx")["数据"]
    header = [c.value for c in data[1]]
    rows = [dict(zip(header, (c.value for c in r))) for r in data.iter_rows(min_row=2)]
    mine = [r for r in rows if r["文章编号"] == article]
    assert [(r["原文"], r["数值"], r["地区"]) for r in rows if r["核对状态"] == "已修改"] == \
           [(first["text"], 300, "万全区")]
    same_text = [f for f in _stored_figures(capsys, lib_path, article) if f["text"] == second["text"]]
    # a rejected figure leaves the workbook
    assert sum(r["原文"] == second["text"] for r in mine) == len(same_text) - 1
    assert {r["核对状态"] for r in rows} == {"未核对", "已修改"}
    code, made = run_json(capsys, "corrections", "--library", lib_path)
    assert code == 0 and [c["action"] for c in made] == ["edit", "reject"] and made[0]["previous"]["value"] == 295


def test_review_lists_figures_by_rising_confidence_and_reanalyse_keeps_corrections(lib_path, capsys):
    import sqlite3

    code, queue = run_json(capsys, "review", "--library", lib_path, "--limit", "30")
    assert code == 0 and len(queue) == 30
    assert [f["confidence"] for f in queue] == sorted(f["confidence"] for f in queue)
    assert queue[0]["reasons"] and queue[0]["confidence"] < queue[-1]["confidence"]
    target = queue[0]
    assert run_json(capsys, "correct", "--library", lib_path, str(target["id"]), "--accept")[0] == 0
    _, queue = run_json(capsys, "review", "--library", lib_path, "--limit", "1000")
    assert target["id"] not in {f["id"] for f in queue}
    db = sqlite3.connect(lib_path)
    with db:
        db.execute("UPDATE articles SET analysis_version = 0")
    db.close()
    assert run_json(capsys, "reanalyse", "--library", lib_path)[1]["reanalysed"] == 26
    after = [f for f in _stored_figures(capsys, lib_path, target["article_id"]) if f["start"] == target["start"]]
    assert [f["status"] for f in after] == ["accepted"]


def test_add_a_missed_figure_from_a_span_and_undo_it(lib_path, capsys):
    _, listed = run_json(capsys, "list", "--library", lib_path)
    article = listed[0]["id"]
    _, shown = run_json(capsys, "show", "--library", lib_path, str(article))
    text = shown["text"]
    start = text.index("295家")
    code, out = run_json(capsys, "add-figure", "--library", lib_path, str(article), str(start), str(start + 3),
                         "--indicator", "企业数")
    assert code == 0 and out["figure"]["value"] == 295 and out["figure"]["status"] == "added"
    assert out["figure"]["text"] == "295" and out["figure"]["indicator"] == "企业数"
    assert main(["add-figure", "--library", lib_path, str(article), "0", "2"]) == 2
    assert "give --value" in capsys.readouterr().err
    assert main(["undo", "--library", lib_path, str(out["correction"])]) == 0
    assert [f["status"] for f in _stored_figures(capsys, lib_path, article) if f["start"] == start] == ["automatic"]


def test_conflicts_finds_the_sample_librarys_disagreement(lib_path, capsys):
    code, found = run_json(capsys, "conflicts", "--library", lib_path)
    assert code == 0
    mine = [c for c in found if c["region"] == "张家口市" and c["indicator"] == "科技型中小企业"]
    assert len(mine) == 1
    texts = {r["text"] for r in mine[0]["reports"]}
    assert {"2698家", "100家"} <= texts
    assert len({r["article_id"] for r in mine[0]["reports"]}) >= 2
def test_search_by_pinyin_with_filters_and_sort(lib_path, capsys):
    code, chinese = run_json(capsys, "search", "--library", lib_path, "--limit", "100", "张家口")
    assert code == 0
    code, zjk = run_json(capsys, "search", "--library", lib_path, "--limit", "100", "zjk")
    assert code == 0 and {h["id"] for h in chinese["hits"]} <= {h["id"] for h in zjk["hits"]}
    assert all(h["by_pinyin"] for h in zjk["hits"])
    code, dated = run_json(capsys, "search", "--library", lib_path, "region:张家口市 date:2020-01..2020-12")
    assert dated["hits"] and all(h["date"] and h["date"].startswith("2020") for h in dated["hits"])
    code, by_date = run_json(capsys, "search", "--library", lib_path, "--sort", "date", "--limit", "100", "科技")
    dates = [h["date"] for h in by_date["hits"] if h["date"]]
    assert code == 0 and dates == sorted(dates, reverse=True) and by_date["hits"][-1]["date"] is None
    capsys.readouterr()
    assert main(["search", "--library", lib_path, "科技", "-region:张家口市"]) == 0
    assert main(["search", "--library", lib_path, "status:done"]) == 2
    assert "status:done is not a figure status" in capsys.readouterr().err
    code, unreviewed = run_json(capsys, "search", "--library", lib_path, "--limit", "100", "张家口 status:unreviewed")
    code, with_figures = run_json(capsys, "search", "--library", lib_path, "--limit", "100", "张家口 has:figures")
    assert unreviewed["hits"] and {h["id"] for h in unreviewed["hits"]} == {h["id"] for h in with_figures["hits"]}
