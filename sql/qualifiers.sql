-- Qualifiers that mean what they say (issue 8, item 6), checked over every
-- row of srm.matrix.  The meaning of each qualifier (README, "The
-- responsibility type"; FedRAMP / OSCAL control origination):
--   provider (corporate)  the provider does it company-wide (sp-corporate)
--   provider (system)     the provider does it in the service (sp-system)
--   customer (configured) the customer configures what the provider offers
--   customer (provided)   the customer provides it itself
-- The rules that follow from it:
--   R1 an organizational control (training, personnel, planning, policy ...)
--      is done by each party in its own context: the provider company-wide,
--      the customer with its own staff and policies.  Its responsibility is
--      provider (corporate), customer (provided), with at most a partner
--      besides; never system, never configured.
--   R2 corporate belongs to organizational controls only: a control that
--      acts on layers of the service is never provider (corporate).
--   R3 a customer part always says how: configured, provided or both,
--      never a bare customer.
--   R4 a backup the provider takes part in runs in the provider's feature
--      (snapshots, AWS Backup, versioning, point-in-time recovery): the
--      customer turns it on, so CP-9 and its enhancements, when shared with
--      the provider, have customer (configured) in the customer's part.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

-- the matrix, every cell, read once (reading it costs seconds; it is read
-- again below, after the model is broken)
CREATE TEMP TABLE cells AS
SELECT m.service_namespace, m.framework_id, m.control_id, m.label, m.responsibility, m.customer_part,
       c.organizational, c.status, c.parent_id
FROM srm.matrix m JOIN srm.control c USING (framework_id, control_id);

-- one row per cell that breaks a rule
CREATE TEMP VIEW qualifier_violations AS
SELECT r.rule, m.service_namespace, m.control_id, m.responsibility
FROM cells m
CROSS JOIN LATERAL (VALUES
    ('R1 organizational: provider (corporate), customer (provided)',
     m.status = 'active' AND m.organizational
     AND m.responsibility - 'partner' <> 'provider (corporate), customer (provided)'),
    ('R2 corporate only on organizational controls',
     NOT m.organizational AND m.responsibility @> 'provider (corporate)'),
    ('R3 a customer part says how',
     m.customer_part = 'customer'),
    ('R4 a backup the provider takes part in is configured',
     m.framework_id = 'nist-800-53-r5' AND (m.control_id = 'cp-9' OR m.parent_id = 'cp-9')
     AND m.responsibility && 'provider' AND m.responsibility && 'customer'
     AND NOT m.responsibility @> 'customer (configured)')
) AS r(rule, broken)
WHERE r.broken;

-- every cell of the matrix is checked: every control on every service; each
-- rule has cells to apply to
SELECT (SELECT count(*) FROM cells)
       = (SELECT count(*) FROM srm.control) * (SELECT count(*) FROM srm.service) AS every_cell_checked,
       (SELECT count(*) FROM cells WHERE organizational AND status = 'active') > 0 AS r1_applies,
       (SELECT count(*) FROM cells WHERE NOT organizational AND responsibility && 'provider') > 0 AS r2_applies,
       (SELECT count(*) FROM cells WHERE customer_part <> 'not applicable') > 0 AS r3_applies,
       (SELECT count(*) FROM cells WHERE framework_id = 'nist-800-53-r5' AND control_id LIKE 'cp-9%'
        AND responsibility && 'provider' AND responsibility && 'customer') > 0 AS r4_applies;
-- and none breaks a rule
SELECT rule, count(*) FROM qualifier_violations GROUP BY rule ORDER BY rule;

-- what the rules mean on EC2, S3 and DynamoDB: training, a policy, a
-- contingency plan are each party's own; backups are switched on
SELECT service_namespace, label, responsibility, customer_part
FROM cells
WHERE framework_id = 'nist-800-53-r5' AND service_namespace IN ('ec2', 's3', 'dynamodb')
  AND control_id IN ('at-2', 'ps-3', 'cp-1', 'cp-2', 'cp-9', 'cp-9.1')
ORDER BY service_namespace, control_id;
-- AWS's own model agrees: awareness and training, each party its own
SELECT responsibility_of('ec2', 'awareness-and-training'), responsibility_of('lambda', 'awareness-and-training');
-- explain shows the organizational step and that the layers' qualifiers are dropped
SELECT step, kind, layer_id, responsibility, origin
FROM explain('ec2', 'AT-2') WHERE kind IN ('organizational', 'derived', 'result');
-- a partner of the layers stays (Direct Connect: a partner's colocation facility)
SELECT DISTINCT responsibility FROM cells WHERE organizational AND status = 'active' ORDER BY 1;

-- The check can fail: a model broken once for each rule, in a transaction
-- rolled back at the end
BEGIN;
-- R1 and R3: the 0.2.0 derivation of organizational controls (the union of
-- the layers plus provider (corporate), customer) put back: PE-1 on EC2, whose
-- layers are the provider's alone, gets a bare customer again
CREATE OR REPLACE FUNCTION srm_internal.organizational_responsibility(layers srm.responsibility)
RETURNS srm.responsibility LANGUAGE sql IMMUTABLE
RETURN layers | 'provider (corporate), customer'::srm.responsibility;
-- R2: a corporate qualifier on a layer of EC2
INSERT INTO srm.service_layer (provider, service_namespace, layer_id, responsibility, reason, source)
VALUES ('aws', 'ec2', 'facilities', 'provider (corporate, system)', 'deliberately wrong', 'qualifiers test');
-- R4: S3's data layer back to customer (provided)
INSERT INTO srm.service_layer (provider, service_namespace, layer_id, responsibility, reason, source)
VALUES ('aws', 's3', 'data', 'customer (provided)', 'deliberately wrong', 'qualifiers test');
TRUNCATE cells;
INSERT INTO cells
SELECT m.service_namespace, m.framework_id, m.control_id, m.label, m.responsibility, m.customer_part,
       c.organizational, c.status, c.parent_id
FROM srm.matrix m JOIN srm.control c USING (framework_id, control_id);
SELECT rule, count(*) > 0 AS caught FROM qualifier_violations GROUP BY rule ORDER BY rule;
SELECT rule, service_namespace, control_id, responsibility
FROM qualifier_violations
WHERE service_namespace IN ('ec2', 's3') AND control_id IN ('at-2', 'pe-1', 'pe-3', 'cp-9')
ORDER BY rule, service_namespace, control_id;
ROLLBACK;
