"""hbviewer-cli on a shared library: opening by URL, the password, copying libraries, the IT script."""

import io
import json
import shutil
import subprocess

import pytest

from hbviewer.cli import main
from hbviewer.core.store.sqlite import SqliteLibrary as Library
from hbviewer.core.store.copying import library_content
from hbviewer.core.store.locations import open_library

from conftest import REPO, SEEDS

SETUP_SQL = REPO / "packaging" / "server" / "setup.sql"


def run_json(capsys, *argv):
    capsys.readouterr()
    code = main([*argv, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_import_and_search_a_server_library_like_a_file(pg_url, tmp_path, capsys):
    local = str(tmp_path / "l.sqlite3")
    assert main(["import", "--library", pg_url, str(SEEDS)]) == 0
    assert main(["import", "--library", local, str(SEEDS)]) == 0
    for query in ("张家口", "科技 -北京", "億元"):
        _, server = run_json(capsys, "search", "--library", pg_url, query, "--limit", "100")
        _, file = run_json(capsys, "search", "--library", local, query, "--limit", "100")
        assert server["total"] == file["total"] > 0
        assert {h["title"] for h in server["hits"]} == {h["title"] for h in file["hits"]}


def test_copy_file_to_server_and_back_loses_nothing(pg_url, tmp_path, capsys):
    first = tmp_path / "first.sqlite3"
    assert main(["import", "--library", str(first), str(SEEDS)]) == 0
    capsys.readouterr()
    assert main(["library", "copy", "--library", str(first), "--to", pg_url]) == 0
    assert "copied 5 of 5 files (26 articles)" in capsys.readouterr().out
    back = tmp_path / "back.sqlite3"
    assert main(["library", "copy", "--library", pg_url, "--to", str(back)]) == 0
    a, server, b = Library.open(first), open_library(pg_url), Library.open(back)
    try:
        assert library_content(a) == library_content(server) == library_content(b)
        assert len(library_content(a)) > 300
        assert [x.id for x in a.articles()] == [x.id for x in b.articles()]  # ids kept both ways
    finally:
        for lib in (a, server, b):
            lib.close()
    # Copying again into a library that is not empty is refused, and changes nothing.
    code = main(["library", "copy", "--library", str(first), "--to", pg_url])
    assert code == 2 and "not empty" in capsys.readouterr().err


@pytest.fixture
def owner_password_role(pg_server, pg_url):
    """A login role with a password, owner of a new database."""
    from conftest import pg_admin_exec

    role = pg_server.create_role("right-horse-battery")
    dbname = pg_url.rsplit("/", 1)[-1]
    pg_admin_exec(pg_server, f'ALTER DATABASE "{dbname}" OWNER TO "{role}"',
                  f'GRANT CREATE, USAGE ON SCHEMA public TO "{role}"', dbname=dbname)
    yield pg_server.url_for(dbname, user=role), role
    pg_admin_exec(pg_server, f'ALTER DATABASE "{dbname}" OWNER TO CURRENT_USER', dbname=dbname)
    pg_admin_exec(pg_server, f'DROP OWNED BY "{role}"', dbname=dbname)
    pg_server.drop_role(role)


def test_password_from_stdin_and_a_clear_refusal_without_it(owner_password_role, monkeypatch, capsys):
    url, _role = owner_password_role
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setattr("hbviewer.core.store.credentials.stored_password", lambda location: None)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["stats", "--library", url]) == 2
    err = capsys.readouterr().err
    assert "refused the password" in err and "--password-stdin" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong-one\n"))
    assert main(["stats", "--library", url, "--password-stdin"]) == 2
    assert "wrong-one" not in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("right-horse-battery\n"))
    assert main(["stats", "--library", url, "--password-stdin"]) == 0
    assert "right-horse-battery" not in capsys.readouterr().out


def test_password_from_the_keyring(owner_password_role, monkeypatch, capsys):
    url, _role = owner_password_role
    monkeypatch.delenv("PGPASSWORD", raising=False)
    asked = []
    monkeypatch.setattr("hbviewer.core.store.credentials.stored_password",
                        lambda location: asked.append(location) or "right-horse-battery")
    assert main(["stats", "--library", url]) == 0
    assert asked == [url]


@pytest.mark.skipif(shutil.which("psql") is None, reason="psql (PostgreSQL's client) is not installed")
def test_the_it_setup_script_gives_editors_and_readers_what_they_may_do(pg_server, tmp_path, capsys):
    """packaging/server/setup.sql as docs/team.md tells IT to run it."""
    from conftest import pg_admin_exec

    dbname = f"hbviewer_setup_{tmp_path.name[-12:].replace('-', '_')}"
    run = subprocess.run(["psql", "-X", "-q", "-v", "owner_password=owner-pw-1", "-v", f"dbname={dbname}",
                          "-f", str(SETUP_SQL), pg_server.url_for("postgres")],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    try:
        pg_admin_exec(pg_server, "CREATE ROLE staff_editor LOGIN PASSWORD 'editor-pw-1' IN ROLE hbviewer_editors",
                      "CREATE ROLE staff_reader LOGIN PASSWORD 'reader-pw-1' IN ROLE hbviewer_readers")
        owner = pg_server.url_for(dbname, "hbviewer_owner", "owner-pw-1")
        assert main(["stats", "--library", owner]) == 0  # the owner's first run makes the tables
        editor = pg_server.url_for(dbname, "staff_editor", "editor-pw-1")
        assert main(["import", "--library", editor, str(SEEDS)]) == 0
        reader = pg_server.url_for(dbname, "staff_reader", "reader-pw-1")
        lib = open_library(reader)
        try:
            assert lib.read_only and lib.article_count() == 26
        finally:
            lib.close()
        capsys.readouterr()
        assert main(["import", "--library", reader, str(SEEDS / "000_086b7857410a924f.txt")]) == 2
        assert "read-only" in capsys.readouterr().err
        assert main(["export", "--library", reader, str(tmp_path / "b.xlsx")]) == 0
        _two_people_correct_one_figure(owner, editor, reader, capsys)
    finally:
        pg_admin_exec(pg_server, f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)',
                      "DROP ROLE IF EXISTS staff_editor", "DROP ROLE IF EXISTS staff_reader",
                      "DROP ROLE IF EXISTS hbviewer_editors", "DROP ROLE IF EXISTS hbviewer_readers",
                      "DROP ROLE IF EXISTS hbviewer_owner")


def _two_people_correct_one_figure(owner, editor, reader, capsys):
    """Corrections are seen by every client; the later wins, the earlier stays in the history."""
    import json

    capsys.readouterr()
    assert main(["review", "--library", owner, "--limit", "1", "--json"]) == 0
    (target,) = json.loads(capsys.readouterr().out)
    assert main(["correct", "--library", owner, str(target["id"]), "--value", "11"]) == 0
    assert main(["correct", "--library", editor, str(target["id"]), "--value", "12"]) == 0
    capsys.readouterr()
    assert main(["corrections", "--library", reader, "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert [(c["author"], c["changes"]["value"]) for c in made] == [("hbviewer_owner", 11.0), ("staff_editor", 12.0)]
    assert main(["figures", "--library", reader, str(target["article_id"]), "--json"]) == 0
    (shown,) = [f for f in json.loads(capsys.readouterr().out)[0]["figures"] if f["id"] == target["id"]]
    assert (shown["value"], shown["status"]) == (12.0, "edited")
    assert main(["correct", "--library", reader, str(target["id"]), "--accept"]) == 2
    assert "read-only" in capsys.readouterr().err
    assert main(["fix", "--library", reader, str(target["article_id"]), "--title", "某县新闻"]) == 2
    assert "read-only" in capsys.readouterr().err
    assert main(["fix", "--library", editor, str(target["article_id"]), "--title", "某县新闻", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"][0]["title"] == "某县新闻"
    assert main(["corrections", "--library", reader, "--json"]) == 0
    assert [(c["author"], c["action"]) for c in json.loads(capsys.readouterr().out)][-1] == ("staff_editor", "article")
