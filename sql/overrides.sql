-- Overrides: the most specific rule wins, and explain shows it
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

SELECT responsibility_of('arn:aws:ec2:us-east-1:111111111111:instance/i-1', 'si-2') AS derived;
-- provider-wide, for the SI family
INSERT INTO override (framework_id, family_id, responsibility, reason)
VALUES ('nist-800-53-r5', 'si', 'provider, customer, partner', 'our MSP runs patching for all SI controls');
-- service-wide, for the SI family
INSERT INTO override (service_namespace, framework_id, family_id, responsibility, reason)
VALUES ('ec2', 'nist-800-53-r5', 'si', 'customer, partner', 'EC2 fleet managed by our MSP');
-- account-wide, one control
INSERT INTO override (account_id, framework_id, control_id, responsibility, reason)
VALUES ('111111111111', 'nist-800-53-r5', 'si-2', 'customer (provided)', 'sandbox account: we patch ourselves');
-- one asset, the family: the asset beats the account's control rule
INSERT INTO override (asset, framework_id, family_id, responsibility, reason)
VALUES ('arn:aws:ec2:us-east-1:111111111111:instance/i-1', 'nist-800-53-r5', 'si', 'not applicable', 'decommissioned, kept for forensics');

SELECT a, responsibility_of(a, 'si-2') AS si_2, responsibility_of(a, 'si-3') AS si_3, responsibility_of(a, 'ac-2') AS ac_2
FROM unnest(ARRAY['arn:aws:ec2:us-east-1:111111111111:instance/i-1',   -- asset rule
                  'arn:aws:ec2:us-east-1:111111111111:instance/i-2',   -- account rule (si-2), service rule (si-3)
                  'arn:aws:ec2:us-east-1:222222222222:instance/i-3',   -- service rule
                  'arn:aws:s3:::bucket',                               -- provider rule
                  'ec2']) a;                                           -- service rule
SELECT step, kind, responsibility, origin, regexp_replace(detail, ' at .*\)$', ')') AS detail
FROM explain('arn:aws:ec2:us-east-1:111111111111:instance/i-2', 'SI-2') WHERE kind IN ('derived', 'override', 'result');
-- the matrix applies provider- and service-wide rules only
SELECT service_namespace, control_id, responsibility, override_id IS NOT NULL AS overridden
FROM matrix WHERE control_id IN ('si-2', 'ac-2') AND service_namespace IN ('ec2', 's3') ORDER BY 1, 2;
-- newest wins between equally specific rules
INSERT INTO override (service_namespace, framework_id, family_id, responsibility, reason)
VALUES ('ec2', 'nist-800-53-r5', 'si', 'customer', 'MSP contract ended');
SELECT responsibility_of('arn:aws:ec2:us-east-1:222222222222:instance/i-3', 'si-3');

-- rules name controls the way people write them
INSERT INTO override (framework_id, control_id, responsibility, reason)
VALUES ('nist-800-53-r5', 'AC-2(1)', 'customer (provided)', 'we automate account management ourselves')
RETURNING control_id, family_id;
INSERT INTO override (service_namespace, framework_id, family_id, responsibility, reason)
VALUES ('EBS', 'nist-800-53-r5', 'MP', 'customer', 'media protection of volumes is ours')
RETURNING service_namespace, family_id;

-- bad rules are refused, naming what is wrong
\pset format unaligned
SELECT test_error('INSERT INTO srm.override (framework_id, control_id, responsibility, reason) VALUES ' || v) FROM unnest(ARRAY[
    $$('nist-800-53-r5', 'si-99', 'customer', 'x')$$,
    $$('nist-800-53-r5', 'si-2', 'customer', ' ')$$,
    $$('nist-800-53-r5', 'si-2', 'customer', NULL)$$,
    $$('iso-27001', 'a.5', 'customer', 'unknown framework')$$,
    $$('nist-800-53-r5', 'si-2', 'customr', 'typo in the value')$$]) v;
SELECT test_error('INSERT INTO srm.override (' || cols || ', responsibility, reason) VALUES (' || vals || ', ''customer'', ''why'')')
FROM (VALUES
    ('framework_id, control_id, family_id', $$'nist-800-53-r5', 'si-2', 'si'$$),
    ('framework_id, family_id', $$'nist-800-53-r5', 'zz'$$),
    ('service_namespace, framework_id', $$'ec3', 'nist-800-53-r5'$$),
    ('account_id, framework_id', $$'12345', 'nist-800-53-r5'$$),
    ('asset, framework_id', $$'i-123', 'nist-800-53-r5'$$),
    ('asset, framework_id', $$'arn:aws:madeup:us-east-1:123456789012:x/y', 'nist-800-53-r5'$$)) AS t(cols, vals);
\pset format aligned

-- overrides are the user's: pg_dump keeps them (test/dump/ restores them)
SELECT c.relname, x.cfg
FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(oid, cfg), pg_class c
WHERE e.extname = 'srm' AND c.oid = x.oid ORDER BY 1;
DELETE FROM override;
