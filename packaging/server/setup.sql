-- A shared hbviewer library on a PostgreSQL server: roles and the database.
--
-- Run once, as a superuser, on the server:
--     sudo -u postgres psql -v owner_password='…' -f setup.sql
-- Optional: -v dbname=another_name (default hbviewer).
--
-- It makes three roles and one database:
--   hbviewer_owner    logs in; owns the database and its tables. The first hbviewer-cli run with it
--                     creates the tables, and it upgrades them after a new hbviewer (see docs/team.md).
--   hbviewer_editors  a group: its members import, search, export and remove files.
--   hbviewer_readers  a group: its members search and export only; hbviewer greys out the rest.
-- Staff log in with roles of their own, members of one group:
--     CREATE ROLE zhang_wei LOGIN PASSWORD '…' IN ROLE hbviewer_editors;

\set ON_ERROR_STOP on
\if :{?dbname}
\else
\set dbname hbviewer
\endif
\if :{?owner_password}
\else
\echo 'Give the owner''s password: psql -v owner_password=... -f setup.sql'
\quit
\endif

CREATE ROLE hbviewer_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE hbviewer_editors NOLOGIN;
CREATE ROLE hbviewer_readers NOLOGIN;

-- UTF8 for Chinese text; the C collation orders paths and dates as the desktop library does.
CREATE DATABASE :"dbname" OWNER hbviewer_owner ENCODING 'UTF8' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C';
REVOKE ALL ON DATABASE :"dbname" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"dbname" TO hbviewer_editors, hbviewer_readers;

\connect :"dbname"
ALTER SCHEMA public OWNER TO hbviewer_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO hbviewer_editors, hbviewer_readers;
-- The tables do not exist yet: these grants apply to every table the owner creates, now or later.
ALTER DEFAULT PRIVILEGES FOR ROLE hbviewer_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO hbviewer_editors;
ALTER DEFAULT PRIVILEGES FOR ROLE hbviewer_owner IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO hbviewer_editors;
ALTER DEFAULT PRIVILEGES FOR ROLE hbviewer_owner IN SCHEMA public
    GRANT SELECT ON TABLES TO hbviewer_readers;
