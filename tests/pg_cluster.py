"""A PostgreSQL server for the tests: the one in ``HBVIEWER_TEST_PG``, or a throwaway cluster.

``HBVIEWER_TEST_PG`` is a ``postgresql://`` URL of a superuser. Without it, a
cluster is made in a temporary folder with the server binaries found on this
machine (``/usr/lib/postgresql/*/bin`` or ``PATH``): it listens on 127.0.0.1 only,
on a free port, and is stopped and deleted at the end. PostgreSQL refuses to run
as root, so as root the cluster runs as the ``postgres`` system user.

Run as a script it starts or stops such a cluster for a CI job::

    eval "$(python tests/pg_cluster.py start /tmp/hbviewer-pg)"   # exports HBVIEWER_TEST_PG
    python tests/pg_cluster.py stop /tmp/hbviewer-pg
"""

from __future__ import annotations

import glob
import importlib.util
import itertools
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

ENV_VAR = "HBVIEWER_TEST_PG"
SUPERUSER = "postgres"
_names = itertools.count(1)


class Unavailable(Exception):
    """No server can be had; the message says why (shown as the reason of a skip)."""


def find_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl, the newest version first."""
    def version(path: str) -> tuple:
        return tuple(int(p) for p in re.findall(r"\d+", path))

    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(initdb).parent
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """A throwaway cluster in ``base`` (made if missing); ``url`` is its superuser's URL."""

    def __init__(self, base: str | os.PathLike | None = None):
        self.bin = find_binaries()
        if self.bin is None:
            raise Unavailable("PostgreSQL server binaries (initdb, pg_ctl) not found; install the "
                              f"postgresql package, or set {ENV_VAR} to a superuser's postgresql:// URL")
        self.as_user: list[str] = []
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            runuser = shutil.which("runuser")
            try:
                import pwd
                owner = pwd.getpwnam("postgres")
            except (ImportError, KeyError):
                owner = None
            if runuser is None or owner is None:
                raise Unavailable("running as root, and PostgreSQL refuses root: a 'postgres' system user "
                                  f"and runuser are needed to start a test server (or set {ENV_VAR})")
            self.as_user = [runuser, "-u", "postgres", "--"]
            self._owner = owner
        self._made_base = base is None
        self.base = Path(base) if base else Path(tempfile.mkdtemp(prefix="hbviewer-pg-"))
        self.data = self.base / "data"
        self.port = 0
        self.password = ""

    @property
    def url(self) -> str:
        return f"postgresql://{SUPERUSER}:{self.password}@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        done = subprocess.run([*self.as_user, *args], capture_output=True, text=True, cwd=self.base)
        if done.returncode != 0:
            raise Unavailable(f"{Path(args[0]).name} failed: {(done.stderr or done.stdout).strip()[-800:]}")

    def start(self, settings: dict[str, str] | None = None) -> "Cluster":
        self.base.mkdir(parents=True, exist_ok=True)
        if self.as_user:
            os.chown(self.base, self._owner.pw_uid, self._owner.pw_gid)
        self.password = secrets.token_hex(12)
        pwfile = self.base / "pwfile"
        pwfile.write_text(self.password + "\n")
        if self.as_user:
            os.chown(pwfile, self._owner.pw_uid, self._owner.pw_gid)
        pwfile.chmod(0o600)
        # Passwords over TCP (so a wrong one is refused, as on a real server); the socket is the
        # cluster's own, in its folder.
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", SUPERUSER, "-E", "UTF8",
                  "--no-locale", "--auth-local=trust", "--auth-host=scram-sha-256", f"--pwfile={pwfile}")
        pwfile.unlink()
        self.port = _free_port()
        settings = {"max_connections": "40", "shared_buffers": "32MB", **(settings or {})}
        options = f"-h 127.0.0.1 -p {self.port} -k {self.base} -F " + " ".join(
            f"-c {key}={value}" for key, value in settings.items())
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.base / "server.log"),
                  "-w", "-t", "60", "-o", options, "start")
        (self.base / "url").write_text(self.url + "\n")
        (self.base / "url").chmod(0o600)
        return self

    def stop(self) -> None:
        if self.data.exists():
            subprocess.run([*self.as_user, str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast",
                            "-w", "stop"], capture_output=True, cwd=self.base)
        # Only a folder this class made, or one holding a cluster it started, is deleted.
        if self._made_base or (self.base / "url").exists():
            shutil.rmtree(self.base, ignore_errors=True)


class Server:
    """A server the tests may create databases and roles on."""

    def __init__(self, url: str, cluster: Cluster | None = None):
        self.url = url
        self.cluster = cluster

    def admin(self, dbname: str | None = None):
        import psycopg

        return psycopg.connect(self.url if dbname is None else self.url_for(dbname), autocommit=True,
                               connect_timeout=10)

    def url_for(self, dbname: str, user: str | None = None, password: str | None = None) -> str:
        """The server's URL with another database (and user; a password only if given)."""
        from urllib.parse import quote, urlsplit, urlunsplit

        parts = urlsplit(self.url)
        netloc = parts.netloc.rsplit("@", 1)[-1]
        if user is None:
            credentials = parts.netloc.rsplit("@", 1)[0] if "@" in parts.netloc else ""
        else:
            credentials = quote(user, safe="") + (":" + quote(password, safe="") if password else "")
        netloc = f"{credentials}@{netloc}" if credentials else netloc
        return urlunsplit((parts.scheme, netloc, "/" + dbname, parts.query, ""))

    def create_database(self) -> str:
        name = f"hbviewer_test_{os.getpid()}_{next(_names)}"
        with self.admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
        return name

    def drop_database(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def create_role(self, password: str) -> str:
        name = f"hbviewer_reader_{os.getpid()}_{next(_names)}"
        with self.admin() as conn:
            conn.execute(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}'")
        return name

    def drop_role(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(f'DROP ROLE IF EXISTS "{name}"')


def connect_server() -> Server:
    """The server to test against, or :class:`Unavailable` saying why there is none."""
    if importlib.util.find_spec("psycopg") is None:
        raise Unavailable("psycopg is not installed (pip install 'psycopg[binary]')")
    url = os.environ.get(ENV_VAR)
    if url:
        server = Server(url)
        try:
            server.admin().close()
        except Exception as exc:
            raise Unavailable(f"{ENV_VAR} is set but its server cannot be reached ({exc})") from None
        return server
    cluster = Cluster()
    try:
        cluster.start()
    except Exception:
        cluster.stop()
        raise
    return Server(cluster.url, cluster)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("start", "stop"):
        print("usage: pg_cluster.py start|stop FOLDER", file=sys.stderr)
        return 2
    command, folder = argv
    if command == "start":
        try:
            cluster = Cluster(folder).start()
        except Unavailable as exc:
            print(f"pg_cluster: {exc}", file=sys.stderr)
            return 1
        print(f"export {ENV_VAR}={cluster.url}")
        return 0
    Cluster(folder).stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
