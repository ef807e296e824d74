-- tools/build/matrix_diff.sql: the cells of srm.matrix that changed between
-- an old version of srm and the current one, and why.  Run by
-- tools/build/matrix_diff.sh in the database of the current version, in
-- four steps (psql variable step):
--   snapshot  the current version's matrix, model inputs and the grain below
--             the service, into schema matrix_diff (n_*); the old version's
--             (o_*) are copied in by the shell script
--   replay    the current derivation applied to the old version's model:
--             the model tables are replaced by the old rows and
--             srm.refresh_derivation() rebuilds the stored derivation
--             (this database is a scratch copy: srm's tables keep the old rows)
--   analyse   every cell of either matrix with its reasons (matrix_diff.cell)
--   report    the figures (matrix_diff.figure, written out as the TSV) and
--             the Markdown body on stdout (psql variables old and new: the
--             versions)
--
-- Reasons come from the data, never from a list of cells.  A cell of both
-- versions changed from old to replay (same model rows, current derivation
-- code: a rule changed) and/or from replay to new (same code, the model's
-- rows changed).  The first part is the reason "rule"; for the second, the
-- reasons are the inputs of that cell that differ between the versions: the
-- control's status, organizational flag or layers (control_layer), and for
-- each layer the control acts on (in either version) whose value for the
-- service differs, where the value came from (the service's model changed,
-- the model's row for the layer changed, a service_layer row added, changed
-- or removed).  A cell of one version only has the reason that its service
-- or control is new or removed.

\set ON_ERROR_STOP on
SET client_min_messages = warning;
-- framework: only the cells of this framework (empty: all)
\if :{?framework}
\else
\set framework ''
\endif

\if :{?step}
\else
SELECT 'matrix_diff.sql: set step (snapshot, replay, analyse or report)' AS error, 1 / 0 AS stop;
\endif

SELECT :'step' = 'snapshot' AS is_snapshot, :'step' = 'replay' AS is_replay, :'step' = 'analyse' AS is_analyse,
       :'step' = 'report' AS is_report \gset

\if :is_snapshot
-------------------------------------------------------------------------------
CREATE SCHEMA matrix_diff;
-- AWS's cells only: the versions compared (0.1.0 on) place AWS services, and
-- Azure's and Google's (0.5.0 on) share some namespaces with AWS (iam)
CREATE TABLE matrix_diff.n_matrix AS
SELECT provider, service_namespace, framework_id, control_id, responsibility::text AS responsibility, class::text AS class
FROM srm.matrix
WHERE (:'framework' = '' OR framework_id = :'framework') AND provider = 'aws';
CREATE TABLE matrix_diff.n_service AS SELECT * FROM srm.service WHERE provider = 'aws';
CREATE TABLE matrix_diff.n_service_layer AS SELECT * FROM srm.service_layer WHERE provider = 'aws';
CREATE TABLE matrix_diff.n_service_model_layer AS SELECT * FROM srm.service_model_layer;
CREATE TABLE matrix_diff.n_control AS SELECT * FROM srm.control;
CREATE TABLE matrix_diff.n_control_layer AS SELECT * FROM srm.control_layer;

-- the grain below the service: per resource type, its grains (the type
-- itself, each combination of its variants), its own layer rows and
-- variants, and its cells that differ from its service's
CREATE TABLE matrix_diff.n_resource_type_grain AS
WITH g AS (
    SELECT g.resource_type, g.service_namespace,
           count(*) AS grains, count(g.variant) AS variant_grains
    FROM srm_internal.grain g
    WHERE g.resource_type IS NOT NULL AND g.provider = 'aws'
    GROUP BY 1, 2),
m AS (
    SELECT m.resource_type, count(*) AS cells, count(*) FILTER (WHERE m.differs) AS cells_differ,
           count(*) FILTER (WHERE m.differs AND m.class::text IS DISTINCT FROM sc.class) AS class_differs,
           count(*) FILTER (WHERE m.differs AND m.variant IS NULL) AS type_cells_differ
    FROM (SELECT provider, service_namespace, resource_type, variant, framework_id, control_id, class, differs
          FROM srm.resource_type_matrix
          WHERE :'framework' = '' OR framework_id = :'framework') m
    JOIN (SELECT provider, service_namespace, framework_id, control_id, class::text AS class FROM srm.matrix) sc
      USING (provider, service_namespace, framework_id, control_id)
    GROUP BY 1)
SELECT g.resource_type, g.service_namespace, g.grains, g.variant_grains,
       (SELECT count(*) FROM srm.resource_type_layer rl WHERE rl.resource_type = g.resource_type) AS own_layers,
       (SELECT count(*) FROM srm.variant_dimension d WHERE d.resource_type = g.resource_type) AS dimensions,
       (SELECT count(*) FROM srm.variant v WHERE v.resource_type = g.resource_type) AS variants,
       (SELECT count(*) FROM srm.variant_layer vl WHERE vl.resource_type = g.resource_type) AS variant_layers,
       m.cells, m.cells_differ, m.class_differs, m.type_cells_differ
FROM g JOIN m USING (resource_type);

\elif :is_replay
-------------------------------------------------------------------------------
-- the old model's rows in srm's tables, the current code deriving from them
BEGIN;
SET LOCAL srm.loading_model = 'on';
-- the grain below the service goes with the services (resource types,
-- variants, identifiers): the replay is at the service grain only
TRUNCATE srm.service, srm.service_model_layer, srm.control CASCADE;
INSERT INTO srm.service_model SELECT * FROM matrix_diff.o_service_model ON CONFLICT DO NOTHING;
SELECT format('INSERT INTO srm.%I (%s) SELECT %2$s FROM matrix_diff.%I',
              t, (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
                  FROM pg_attribute a
                  WHERE a.attrelid = ('matrix_diff.o_' || t)::regclass AND a.attnum > 0 AND NOT a.attisdropped),
              'o_' || t)
FROM unnest(ARRAY['service', 'service_model_layer', 'service_layer', 'control', 'control_layer']) t
\gexec
-- only the framework asked for (its controls' parents are in it)
DELETE FROM srm.control_layer WHERE :'framework' <> '' AND framework_id <> :'framework';
DELETE FROM srm.control WHERE :'framework' <> '' AND framework_id <> :'framework';
SELECT srm.refresh_derivation() > 0 AS refreshed \gset
CREATE TABLE matrix_diff.replay AS
SELECT provider, service_namespace, framework_id, control_id, responsibility::text AS responsibility, class::text AS class
FROM srm.matrix;
COMMIT;

\elif :is_analyse
-------------------------------------------------------------------------------
SET search_path = matrix_diff, pg_catalog;
SET work_mem = '128MB';

-- the reasons, in the fixed precedence that names a cell's first reason:
-- the cell's existence, then the control's inputs (its mapping), then the
-- service's from the most specific (its model, its own rows) to the model
-- shared by many services, then the code
CREATE TABLE reason (ordinal integer PRIMARY KEY, reason text UNIQUE, meaning text);
INSERT INTO reason VALUES
  (1, 'service new', 'the service is not in the old version'),
  (2, 'service removed', 'the service is not in the new version'),
  (3, 'control new', 'the control is not in the old version'),
  (4, 'control removed', 'the control is not in the new version'),
  (5, 'control status', 'the control was withdrawn or reinstated'),
  (6, 'organizational flag', 'the control became organizational or stopped being so (control.organizational)'),
  (7, 'control layers', 'the layers the control acts on changed (control_layer)'),
  (8, 'service model', 'the service''s model changed (service.model_id) and the new model gives a layer the control acts on another value'),
  (9, 'service_layer added', 'a per-service row for a layer the control acts on was added, with a value other than the old one'),
  (10, 'service_layer changed', 'the per-service row for a layer the control acts on changed'),
  (11, 'service_layer removed', 'the per-service row for a layer the control acts on was removed, the model''s value differs'),
  (12, 'model layer row', 'the service''s model is the same, its row for a layer the control acts on changed (service_model_layer)'),
  (13, 'rule', 'the derivation itself changed: the current code gives another answer from the old model''s rows (organizational controls: their parties no longer take the layers'' qualifiers)'),
  (99, 'unexplained', 'the cell changed but none of the above differs (should not happen)');

-- each service's layers in each version, and where the value comes from
CREATE TABLE layer_value AS
WITH o AS (
    SELECT s.provider, s.service_namespace, ml.layer_id, s.model_id,
           coalesce(sl.responsibility::text, ml.responsibility::text) AS value, sl.responsibility::text AS sl_value
    FROM o_service s
    JOIN o_service_model_layer ml ON ml.model_id = s.model_id
    LEFT JOIN o_service_layer sl USING (provider, service_namespace, layer_id)),
n AS (
    SELECT s.provider, s.service_namespace, ml.layer_id, s.model_id,
           coalesce(sl.responsibility::text, ml.responsibility::text) AS value, sl.responsibility::text AS sl_value
    FROM n_service s
    JOIN n_service_model_layer ml ON ml.model_id = s.model_id
    LEFT JOIN n_service_layer sl USING (provider, service_namespace, layer_id))
SELECT provider, service_namespace, layer_id,
       CASE WHEN o.sl_value IS NOT NULL AND n.sl_value IS NOT NULL THEN 'service_layer changed'
            WHEN n.sl_value IS NOT NULL THEN 'service_layer added'
            WHEN o.sl_value IS NOT NULL THEN 'service_layer removed'
            WHEN o.model_id <> n.model_id THEN 'service model'
            ELSE 'model layer row' END AS reason
FROM o JOIN n USING (provider, service_namespace, layer_id)
WHERE o.value <> n.value;
CREATE INDEX ON layer_value (provider, service_namespace, layer_id);

-- each control in each version
CREATE TABLE control_change AS
WITH o AS (
    SELECT c.framework_id, c.control_id, c.status, c.organizational,
           (SELECT array_agg(cl.layer_id ORDER BY cl.layer_id) FROM o_control_layer cl
            WHERE cl.framework_id = c.framework_id AND cl.control_id = c.control_id) AS layers
    FROM o_control c),
n AS (
    SELECT c.framework_id, c.control_id, c.status, c.organizational,
           (SELECT array_agg(cl.layer_id ORDER BY cl.layer_id) FROM n_control_layer cl
            WHERE cl.framework_id = c.framework_id AND cl.control_id = c.control_id) AS layers
    FROM n_control c)
SELECT framework_id, control_id,
       o.status IS DISTINCT FROM n.status AS status_changed,
       o.organizational IS DISTINCT FROM n.organizational AS organizational_changed,
       o.layers IS DISTINCT FROM n.layers AS layers_changed,
       o.organizational AS old_organizational,
       ARRAY(SELECT DISTINCT x FROM unnest(coalesce(o.layers, '{}') || coalesce(n.layers, '{}')) x) AS any_layers
FROM o JOIN n USING (framework_id, control_id);

-- every cell of either version
CREATE TABLE cell0 AS
SELECT provider, service_namespace, framework_id, control_id,
       m0.responsibility AS old_responsibility, m1.responsibility AS new_responsibility,
       m0.class AS old_class, m1.class AS new_class, r.responsibility AS replay_responsibility,
       m0.responsibility IS DISTINCT FROM m1.responsibility AS changed,
       m0.class IS DISTINCT FROM m1.class AS class_changed
FROM o_matrix m0
FULL JOIN n_matrix m1 USING (provider, service_namespace, framework_id, control_id)
LEFT JOIN replay r USING (provider, service_namespace, framework_id, control_id);

-- the reasons of each changed cell
CREATE TABLE cell_reason AS
SELECT c.provider, c.service_namespace, c.framework_id, c.control_id, 'service new' AS reason
FROM cell0 c WHERE c.changed
  AND NOT EXISTS (SELECT FROM o_service s WHERE s.provider = c.provider AND s.service_namespace = c.service_namespace)
UNION ALL
SELECT c.provider, c.service_namespace, c.framework_id, c.control_id, 'service removed'
FROM cell0 c WHERE c.changed
  AND NOT EXISTS (SELECT FROM n_service s WHERE s.provider = c.provider AND s.service_namespace = c.service_namespace)
UNION ALL
SELECT c.provider, c.service_namespace, c.framework_id, c.control_id, 'control new'
FROM cell0 c WHERE c.changed
  AND NOT EXISTS (SELECT FROM o_control k WHERE k.framework_id = c.framework_id AND k.control_id = c.control_id)
UNION ALL
SELECT c.provider, c.service_namespace, c.framework_id, c.control_id, 'control removed'
FROM cell0 c WHERE c.changed
  AND NOT EXISTS (SELECT FROM n_control k WHERE k.framework_id = c.framework_id AND k.control_id = c.control_id)
UNION ALL
-- the old model's rows give another answer with the current code
SELECT c.provider, c.service_namespace, c.framework_id, c.control_id, 'rule'
FROM cell0 c WHERE c.changed AND c.old_responsibility <> c.replay_responsibility
UNION ALL
-- the current code gives another answer from the current model's rows:
-- the control's inputs that differ
SELECT c.provider, c.service_namespace, c.framework_id, c.control_id, x.reason
FROM cell0 c
JOIN control_change k USING (framework_id, control_id)
CROSS JOIN LATERAL (VALUES ('control status', k.status_changed), ('organizational flag', k.organizational_changed),
                           ('control layers', k.layers_changed)) x(reason, differs)
WHERE c.changed AND c.replay_responsibility <> c.new_responsibility AND x.differs
UNION ALL
-- and the service's values of the layers the control acts on that differ
SELECT DISTINCT c.provider, c.service_namespace, c.framework_id, c.control_id, lv.reason
FROM cell0 c
JOIN control_change k USING (framework_id, control_id)
CROSS JOIN LATERAL unnest(k.any_layers) l(layer_id)
JOIN layer_value lv ON lv.provider = c.provider AND lv.service_namespace = c.service_namespace AND lv.layer_id = l.layer_id
WHERE c.changed AND c.replay_responsibility <> c.new_responsibility;

CREATE TABLE cell AS
SELECT c.*,
       CASE WHEN NOT c.changed THEN '{}'::text[] ELSE coalesce(r.reasons, '{unexplained}') END AS reasons
FROM cell0 c
LEFT JOIN (SELECT cr.provider, cr.service_namespace, cr.framework_id, cr.control_id,
                  array_agg(cr.reason ORDER BY x.ordinal) AS reasons
           FROM cell_reason cr JOIN reason x USING (reason)
           GROUP BY 1, 2, 3, 4) r USING (provider, service_namespace, framework_id, control_id);
DROP TABLE cell0;
ANALYZE cell;

-- which rule: organizational controls or others
CREATE VIEW rule_kind AS
SELECT CASE WHEN k.old_organizational THEN 'organizational controls' ELSE 'other controls' END AS kind,
       count(*) AS cells, count(*) FILTER (WHERE c.class_changed) AS class_changed
FROM cell c JOIN control_change k USING (framework_id, control_id)
WHERE 'rule' = ANY (c.reasons)
GROUP BY 1;
\endif

\if :is_report
-------------------------------------------------------------------------------
-- the figures (matrix_diff.figure: what the TSV holds) and the Markdown body
-- (on stdout), after analyse
SET search_path = matrix_diff, pg_catalog;
CREATE TABLE figure (section text, ord integer, key text, measure text, value bigint);

INSERT INTO figure
SELECT 'summary', o, k, 'cells', v FROM (VALUES
  (1, 'cells in old', (SELECT count(*) FROM cell WHERE old_responsibility IS NOT NULL)),
  (2, 'cells in new', (SELECT count(*) FROM cell WHERE new_responsibility IS NOT NULL)),
  (3, 'cells of both', (SELECT count(*) FROM cell WHERE old_responsibility IS NOT NULL AND new_responsibility IS NOT NULL)),
  (4, 'cells only in old', (SELECT count(*) FROM cell WHERE new_responsibility IS NULL)),
  (5, 'cells only in new', (SELECT count(*) FROM cell WHERE old_responsibility IS NULL)),
  (6, 'cells of both, responsibility changed', (SELECT count(*) FROM cell WHERE changed AND old_responsibility IS NOT NULL AND new_responsibility IS NOT NULL)),
  (7, 'cells of both, class changed', (SELECT count(*) FROM cell WHERE class_changed AND old_responsibility IS NOT NULL AND new_responsibility IS NOT NULL)),
  (8, 'changed cells', (SELECT count(*) FROM cell WHERE changed)),
  (9, 'unexplained cells', (SELECT count(*) FROM cell WHERE 'unexplained' = ANY (reasons)))) s(o, k, v);

INSERT INTO figure
SELECT 'first reason', r.ordinal, r.reason, m.measure, m.value
FROM reason r
LEFT JOIN (SELECT c.reasons[1] AS reason, count(*) AS cells, count(*) FILTER (WHERE c.class_changed) AS class_changed
           FROM cell c WHERE c.changed GROUP BY 1) x USING (reason)
CROSS JOIN LATERAL (VALUES ('cells', coalesce(x.cells, 0)), ('class changed', coalesce(x.class_changed, 0))) m(measure, value);

INSERT INTO figure
SELECT 'reason', r.ordinal, r.reason, m.measure, m.value
FROM reason r
LEFT JOIN (SELECT u.reason, count(*) AS cells, count(*) FILTER (WHERE c.class_changed) AS class_changed,
                  count(*) FILTER (WHERE cardinality(c.reasons) = 1) AS only_reason,
                  count(*) FILTER (WHERE cardinality(c.reasons) = 1 AND c.class_changed) AS only_reason_class_changed
           FROM cell c CROSS JOIN LATERAL unnest(c.reasons) u(reason) WHERE c.changed GROUP BY 1) x USING (reason)
CROSS JOIN LATERAL (VALUES ('cells', coalesce(x.cells, 0)), ('class changed', coalesce(x.class_changed, 0)),
                           ('only reason', coalesce(x.only_reason, 0)),
                           ('only reason, class changed', coalesce(x.only_reason_class_changed, 0))) m(measure, value);

INSERT INTO figure
SELECT 'rule', row_number() OVER (ORDER BY kind), kind, m.measure, m.value
FROM rule_kind CROSS JOIN LATERAL (VALUES ('cells', cells), ('class changed', class_changed)) m(measure, value);

INSERT INTO figure
SELECT 'class transition', row_number() OVER (ORDER BY old_class, new_class), old_class || ' -> ' || new_class, 'cells', count(*)
FROM cell WHERE class_changed AND old_class IS NOT NULL AND new_class IS NOT NULL
GROUP BY old_class, new_class;

INSERT INTO figure
SELECT 'framework', row_number() OVER (ORDER BY framework_id), framework_id, m.measure, m.value
FROM (SELECT framework_id, count(*) AS cells, count(*) FILTER (WHERE changed) AS changed,
             count(*) FILTER (WHERE class_changed) AS class_changed
      FROM cell GROUP BY 1) f
CROSS JOIN LATERAL (VALUES ('cells', cells), ('changed', changed), ('class changed', class_changed)) m(measure, value);

INSERT INTO figure
SELECT 'service', row_number() OVER (ORDER BY changed DESC, service_namespace), service_namespace, m.measure, m.value
FROM (SELECT service_namespace, count(*) FILTER (WHERE changed) AS changed,
             count(*) FILTER (WHERE class_changed) AS class_changed
      FROM cell
      WHERE service_namespace IN (SELECT service_namespace FROM o_service INTERSECT SELECT service_namespace FROM n_service)
      GROUP BY 1) s
CROSS JOIN LATERAL (VALUES ('changed', changed), ('class changed', class_changed)) m(measure, value)
WHERE s.changed > 0;

INSERT INTO figure
SELECT 'resource type', row_number() OVER (ORDER BY service_namespace, resource_type), resource_type, m.measure, m.value
FROM n_resource_type_grain
CROSS JOIN LATERAL (VALUES ('grains', grains), ('variant grains', variant_grains), ('own layer rows', own_layers),
                           ('variants', variants), ('variant layer rows', variant_layers), ('cells', cells),
                           ('cells differing from service', cells_differ), ('class differing from service', class_differs)) m(measure, value);

CREATE FUNCTION fig(s text, k text, m text) RETURNS bigint LANGUAGE sql STABLE
RETURN (SELECT f.value FROM matrix_diff.figure f WHERE f.section = s AND f.key = k AND f.measure = m);
CREATE FUNCTION n(v bigint) RETURNS text LANGUAGE sql IMMUTABLE
RETURN CASE WHEN v IS NULL THEN '' ELSE to_char(v, 'FM999,999,999,990') END;
CREATE FUNCTION pct(a bigint, b bigint) RETURNS text LANGUAGE sql IMMUTABLE
RETURN CASE WHEN b > 0 THEN '(' || to_char(100.0 * a / b, 'FM990.0') || ' %)' ELSE '' END;

\pset format unaligned
\pset tuples_only on
\pset footer off

SELECT format($md$## Summary

| | cells |
|---|---:|
| cells of srm.matrix in %1$s | %3$s |
| cells of srm.matrix in %2$s | %4$s |
| cells of both versions | %5$s |
| cells only in %1$s (service or control removed) | %6$s |
| cells only in %2$s (service or control new) | %7$s |
| **cells of both whose responsibility changed** | **%8$s** %9$s |
| **cells of both whose class changed** | **%10$s** %11$s |
| changed cells: responsibility changed, or the cell is new or removed | %12$s |
| changed cells without a reason (must be 0) | %13$s |
$md$, :'old', :'new',
    n(fig('summary', 'cells in old', 'cells')), n(fig('summary', 'cells in new', 'cells')),
    n(fig('summary', 'cells of both', 'cells')), n(fig('summary', 'cells only in old', 'cells')),
    n(fig('summary', 'cells only in new', 'cells')),
    n(fig('summary', 'cells of both, responsibility changed', 'cells')),
    pct(fig('summary', 'cells of both, responsibility changed', 'cells'), fig('summary', 'cells of both', 'cells')),
    n(fig('summary', 'cells of both, class changed', 'cells')),
    pct(fig('summary', 'cells of both, class changed', 'cells'), fig('summary', 'cells of both', 'cells')),
    n(fig('summary', 'changed cells', 'cells')), n(fig('summary', 'unexplained cells', 'cells')));

SELECT format($md$## How a cell's reasons are found

A cell is a service × control of `srm.matrix` (both versions installed fresh,
no overrides). For a cell of both versions, the tool also derives the cell
with the current code from %1$s's model rows (a replay: %1$s's `service`,
`service_model_layer`, `service_layer`, `control` and `control_layer` rows
loaded into a scratch %2$s database, `srm.refresh_derivation()`). The
change from %1$s to the replay is the rule's (**rule**); the change from
the replay to %2$s is the model's, and its reasons are the inputs of that
cell that differ between the versions: the control's status, organizational
flag or layers, and, for each layer the control acts on in either version
whose value for the service differs, where that value comes from (the
service's model, the model's row for the layer, the service's own
`service_layer` row added, changed or removed). A cell of one version only
has the reason that its service or control is new or removed. A cell can
have several reasons: the first table counts each changed cell once, under
its first reason in the order shown; the second counts it under each of its
reasons.
$md$, :'old', :'new');

SELECT '## Changed cells by first reason' || E'\n\n'
       || '| # | first reason | changed cells | of them, class changed | what differs |' || E'\n'
       || '|---:|---|---:|---:|---|' || E'\n'
       || string_agg(format('| %s | %s | %s | %s | %s |', r.ordinal, r.reason, n(fig('first reason', r.reason, 'cells')),
                            n(fig('first reason', r.reason, 'class changed')), r.meaning), E'\n' ORDER BY r.ordinal)
       || E'\n' || format('| | **total** | **%s** | **%s** | |',
                          n((SELECT sum(value)::bigint FROM figure WHERE section = 'first reason' AND measure = 'cells')),
                          n((SELECT sum(value)::bigint FROM figure WHERE section = 'first reason' AND measure = 'class changed'))) || E'\n'
FROM reason r;

SELECT '## Changed cells per reason' || E'\n\n'
       || 'A cell counts under each of its reasons, so the columns do not sum to the total; the cells with no other reason show what a reason does alone.' || E'\n\n'
       || '| reason | changed cells | of them, class changed | with no other reason | with no other reason, class changed |' || E'\n'
       || '|---|---:|---:|---:|---:|' || E'\n'
       || string_agg(format('| %s | %s | %s | %s | %s |', r.reason, n(fig('reason', r.reason, 'cells')),
                            n(fig('reason', r.reason, 'class changed')), n(fig('reason', r.reason, 'only reason')),
                            n(fig('reason', r.reason, 'only reason, class changed'))), E'\n' ORDER BY r.ordinal)
       || E'\n'
FROM reason r;

SELECT '### The rule, by kind of control' || E'\n\n'
       || '| controls | cells the rule changed | of them, class changed |' || E'\n' || '|---|---:|---:|' || E'\n'
       || coalesce(string_agg(format('| %s | %s | %s |', k, n(fig('rule', k, 'cells')), n(fig('rule', k, 'class changed'))), E'\n' ORDER BY k), '| none | 0 | 0 |')
       || E'\n'
FROM (SELECT DISTINCT key AS k FROM figure WHERE section = 'rule') x;

SELECT '## Class transitions (cells of both versions)' || E'\n\n'
       || format('| class in %s | class in %s | cells |', :'old', :'new') || E'\n' || '|---|---|---:|' || E'\n'
       || string_agg(format('| %s | %s | %s |', split_part(key, ' -> ', 1), split_part(key, ' -> ', 2), n(value)), E'\n' ORDER BY ord)
       || E'\n'
FROM figure WHERE section = 'class transition';

SELECT '## By framework' || E'\n\n'
       || '| framework | cells (either version) | changed | class changed |' || E'\n' || '|---|---:|---:|---:|' || E'\n'
       || string_agg(format('| %s | %s | %s | %s |', k, n(fig('framework', k, 'cells')), n(fig('framework', k, 'changed')),
                            n(fig('framework', k, 'class changed'))), E'\n' ORDER BY k)
       || E'\n'
FROM (SELECT DISTINCT key AS k FROM figure WHERE section = 'framework') x;

SELECT format('## Services with the most changed cells' || E'\n\n'
              || 'New in %2$s (%3$s): %4$s.' || E'\n\n' || 'Removed (%5$s): %6$s.' || E'\n\n'
              || 'Of the %7$s services of both versions, %8$s have changed cells; the 25 with the most:',
              :'old', :'new',
              (SELECT count(*) FROM n_service WHERE service_namespace NOT IN (SELECT service_namespace FROM o_service)),
              coalesce((SELECT string_agg('`' || service_namespace || '`', ', ' ORDER BY service_namespace) FROM n_service
                        WHERE service_namespace NOT IN (SELECT service_namespace FROM o_service)), 'none'),
              (SELECT count(*) FROM o_service WHERE service_namespace NOT IN (SELECT service_namespace FROM n_service)),
              coalesce((SELECT string_agg('`' || service_namespace || '`', ', ' ORDER BY service_namespace) FROM o_service
                        WHERE service_namespace NOT IN (SELECT service_namespace FROM n_service)), 'none'),
              (SELECT count(*) FROM o_service WHERE service_namespace IN (SELECT service_namespace FROM n_service)),
              (SELECT count(DISTINCT key) FROM figure WHERE section = 'service')) || E'\n\n'
       || format('| service | model in %s | model in %s | changed cells | class changed | reasons (cells; a cell can have several) |', :'old', :'new') || E'\n'
       || '|---|---|---|---:|---:|---|' || E'\n'
       || string_agg(format('| %s | %s | %s | %s | %s | %s |', s.key,
                            coalesce((SELECT model_id FROM o_service o WHERE o.service_namespace = s.key), '—'),
                            coalesce((SELECT model_id FROM n_service o WHERE o.service_namespace = s.key), '—'),
                            n(fig('service', s.key, 'changed')), n(fig('service', s.key, 'class changed')),
                            (SELECT string_agg(format('%s %s', r.reason, n(x.c)), ', ' ORDER BY x.c DESC, r.ordinal)
                             FROM (SELECT cr.reason, count(*) AS c FROM cell_reason cr
                                   WHERE cr.service_namespace = s.key GROUP BY 1) x
                             JOIN reason r USING (reason))), E'\n' ORDER BY s.ord)
       || E'\n'
FROM (SELECT key, min(ord) AS ord FROM figure WHERE section = 'service' GROUP BY key ORDER BY 2 LIMIT 25) s;

SELECT format($md$## The grain below the service (%1$s)

%1$s answers below the service for resource types with layer rows of their
own (`srm.resource_type_layer`) and for the combinations of their
configuration variants (`srm.variant_layer`); %2$s had only the service
grain. `srm.resource_type_matrix` has a row per grain × control, `differs`
when it is not the service's answer.

| | |
|---|---:|
| resource types with a grain of their own | %3$s |
| grains below the service (the types, and their variant combinations) | %4$s |
| of them, variant combinations | %5$s |
| cells at those grains | %6$s |
| **cells that differ from their service's** | **%7$s** %8$s |
| of them, class differs | %9$s |

| service | resource type | grains | variant combinations | own layer rows | variants | variant layer rows | cells | differ from service | class differs |
|---|---|---:|---:|---:|---:|---:|---:|---:|---:|
$md$, :'new', :'old',
    n((SELECT count(*) FROM n_resource_type_grain)), n((SELECT coalesce(sum(grains), 0)::bigint FROM n_resource_type_grain)),
    n((SELECT coalesce(sum(variant_grains), 0)::bigint FROM n_resource_type_grain)), n((SELECT coalesce(sum(cells), 0)::bigint FROM n_resource_type_grain)),
    n((SELECT coalesce(sum(cells_differ), 0)::bigint FROM n_resource_type_grain)),
    pct((SELECT coalesce(sum(cells_differ), 0)::bigint FROM n_resource_type_grain), (SELECT coalesce(sum(cells), 0)::bigint FROM n_resource_type_grain)),
    n((SELECT coalesce(sum(class_differs), 0)::bigint FROM n_resource_type_grain)))
    || coalesce(string_agg(format('| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |', service_namespace, resource_type, n(grains),
                                  n(variant_grains), n(own_layers), n(variants), n(variant_layers), n(cells), n(cells_differ),
                                  n(class_differs)), E'\n' ORDER BY service_namespace, resource_type),
                '| — | none: the model has no resource-type or variant rows | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |')
    || E'\n'
FROM n_resource_type_grain;
\endif
