-- install/code/csv.sql (code part): CSV that a spreadsheet opens without
-- running a cell as a formula (OWASP's CSV injection guidance): every text
-- cell that begins with =, +, -, @, a tab or a carriage return gets a
-- leading single quote, unless it is a plain number such as -5 or +1.5;
-- numeric and boolean columns are written as they are.

-- one cell's text, neutralised (not quoted)
CREATE FUNCTION srm.csv_cell(value text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN value ~ '^[-=+@\t\r]' AND value !~ '^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$'
            THEN '''' || value ELSE value END;
COMMENT ON FUNCTION srm.csv_cell(text) IS
    'a CSV cell''s text that a spreadsheet does not run as a formula: a leading single quote before =, +, -, @, tab or carriage return, unless the text is a plain number (-5); for COPY ... CSV of one''s own queries';

-- a text cell, neutralised and quoted (null: an empty field)
CREATE FUNCTION srm_internal.csv_quoted(value text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN coalesce('"' || pg_catalog.replace(srm.csv_cell(value), '"', '""') || '"', '');
COMMENT ON FUNCTION srm_internal.csv_quoted(text) IS
    'a text cell of srm.csv: neutralised by srm.csv_cell, in double quotes (quotes doubled); an empty field for null';

-- a query's rows as CSV records
CREATE FUNCTION srm.csv(query text, header boolean DEFAULT true)
RETURNS SETOF text
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
    v text := 'srm_csv_' || pg_catalog.pg_backend_pid() || '_' || pg_catalog.floor(pg_catalog.random() * 1e9)::bigint;
    names text;
    cells text;
BEGIN
    IF query IS NULL OR query !~ '\S' THEN
        RAISE EXCEPTION 'srm.csv needs a query'
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'For example srm.csv(''SELECT * FROM srm.bi_customer_gaps WHERE run_id = 2'').';
    END IF;
    -- the query's columns, names and types, from a temporary view of it
    EXECUTE pg_catalog.format('CREATE TEMPORARY VIEW %I AS %s', v, query);
    SELECT pg_catalog.string_agg(srm_internal.csv_quoted(a.attname::text), ',' ORDER BY a.attnum),
           pg_catalog.string_agg(CASE WHEN t.typcategory IN ('N', 'B')
                                      THEN pg_catalog.format('coalesce(q.%I::text, '''')', a.attname)
                                      ELSE pg_catalog.format('srm_internal.csv_quoted(q.%I::text)', a.attname) END,
                                 ' || '','' || ' ORDER BY a.attnum)
      INTO names, cells
      FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
     WHERE a.attrelid = pg_catalog.format('pg_temp.%I', v)::regclass AND a.attnum > 0 AND NOT a.attisdropped;
    IF header THEN
        RETURN NEXT names;
    END IF;
    RETURN QUERY EXECUTE pg_catalog.format('SELECT %s FROM pg_temp.%I q', cells, v);
    EXECUTE pg_catalog.format('DROP VIEW pg_temp.%I', v);
END
$$;
COMMENT ON FUNCTION srm.csv(text, boolean) IS
    'the rows of a query as CSV records (RFC 4180; a header first unless header is false): text cells quoted and neutralised by srm.csv_cell so that a spreadsheet runs none as a formula, numbers and booleans as they are. Write a file with psql: SELECT * FROM srm.csv(''SELECT ...'') \g (format=unaligned tuples_only=on) out.csv';
