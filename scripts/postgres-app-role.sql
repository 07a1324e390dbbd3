-- A least-privilege PostgreSQL role for the running application (docs/data-protection.md, ADR 0017).
-- Run as the database owner after `goldenthread serve` (or migrate) has made the tables.
-- Migrations run as the owner; the web app and commands connect as goldenthread_app.
-- The app role owns nothing, so it cannot drop or disable the audit trail's triggers, and
-- on the audit trail it holds only SELECT and INSERT: UPDATE, DELETE and TRUNCATE are refused
-- by missing privileges as well as by the triggers.
--   psql -v app_password="'change-me'" -f scripts/postgres-app-role.sql goldenthread
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'goldenthread_app') THEN
    CREATE ROLE goldenthread_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END $$;
GRANT USAGE ON SCHEMA public TO goldenthread_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO goldenthread_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO goldenthread_app;
-- The audit trail: read and append only.
REVOKE ALL ON access_auditevent FROM goldenthread_app;
GRANT SELECT, INSERT ON access_auditevent TO goldenthread_app;
REVOKE TRUNCATE ON ALL TABLES IN SCHEMA public FROM goldenthread_app;
