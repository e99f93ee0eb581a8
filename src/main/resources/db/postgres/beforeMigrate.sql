-- PostgreSQL has no CLOB or BLOB: the domain migrations use them as H2 does, and here they are text and bytea.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'clob') THEN
        CREATE DOMAIN clob AS text;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'blob') THEN
        CREATE DOMAIN blob AS bytea;
    END IF;
END
$$;
