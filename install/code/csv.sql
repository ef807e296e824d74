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

-- a query's result columns (name; whether a number or a boolean), from
-- its parse analysis: no DDL, so srm.csv runs in a read-only transaction
CREATE FUNCTION srm_internal.query_columns(query text)
RETURNS TABLE (name text, plain boolean)
AS 'MODULE_PATHNAME', 'srm_query_columns'
LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION srm_internal.query_columns(text) IS
    'the result columns of a query, in order, without running it: each column''s name and whether its type is a number or a boolean (written unquoted by srm.csv); refuses several statements, a statement that returns no rows and a name given twice (42701, as CREATE VIEW)';

-- the text of a query's one statement, without the semicolon that ends it
-- (and what follows), to be read as a subquery
CREATE FUNCTION srm_internal.query_statement(query text)
RETURNS text
AS 'MODULE_PATHNAME', 'srm_query_statement'
LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION srm_internal.query_statement(text) IS
    'the text of a query''s one statement, without the semicolon that ends it and what follows (SELECT 1; -- x -> SELECT 1); refuses what srm_internal.query_columns refuses';

-- a query's rows as CSV records
CREATE FUNCTION srm.csv(query text, header boolean DEFAULT true)
RETURNS SETOF text
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
    names text;
    cells text;
    aliases text;
BEGIN
    IF query IS NULL OR query !~ '\S' THEN
        RAISE EXCEPTION 'srm.csv needs a query'
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'For example srm.csv(''SELECT * FROM srm.bi_customer_gaps WHERE run_id = 2'').';
    END IF;
    -- the query's columns, names and types, from its parse analysis; its
    -- statement (without a final semicolon) then read as a subquery whose
    -- columns are renamed c1, c2, ... (its last line may be a comment: the
    -- parenthesis closes on a line of its own)
    SELECT pg_catalog.string_agg(srm_internal.csv_quoted(c.name), ',' ORDER BY c.n),
           pg_catalog.string_agg(CASE WHEN c.plain
                                      THEN pg_catalog.format('coalesce(q.c%s::text, '''')', c.n)
                                      ELSE pg_catalog.format('srm_internal.csv_quoted(q.c%s::text)', c.n) END,
                                 ' || '','' || ' ORDER BY c.n),
           pg_catalog.string_agg('c' || c.n, ', ' ORDER BY c.n)
      INTO names, cells, aliases
      FROM srm_internal.query_columns(query) WITH ORDINALITY AS c(name, plain, n);
    IF header THEN
        RETURN NEXT names;
    END IF;
    RETURN QUERY EXECUTE pg_catalog.format(E'SELECT %s FROM (%s\n) q(%s)', cells, srm_internal.query_statement(query), aliases);
END
$$;
COMMENT ON FUNCTION srm.csv(text, boolean) IS
    'the rows of a query as CSV records (RFC 4180; a header first unless header is false): text cells quoted and neutralised by srm.csv_cell so that a spreadsheet runs none as a formula, numbers and booleans as they are. Write a file with psql: SELECT * FROM srm.csv(''SELECT ...'') \g (format=unaligned tuples_only=on) out.csv';
