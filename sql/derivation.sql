\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
-- The stored derivation (issue 9, item 1): every grain x control stored in
-- srm_internal.derivation, equal to the explaining view on the whole
-- matrix, and kept current by triggers when overrides or model rows change,
-- in the same transaction.
SET search_path = srm, public;

-- the rows stored against the explaining view, every grain and control (or
-- those of one service): answers and their explanations
CREATE FUNCTION pg_temp.mismatches(only_service text DEFAULT NULL)
RETURNS TABLE (compared bigint, derived_differs bigint, override_differs bigint)
LANGUAGE sql STABLE AS $$
SELECT count(*),
       count(*) FILTER (WHERE d.grain_id IS NULL OR d.derived IS DISTINCT FROM e.responsibility
                           OR b.explanation IS DISTINCT FROM e.explanation),
       count(*) FILTER (WHERE d.responsibility IS DISTINCT FROM coalesce(o.responsibility, e.responsibility)
                           OR d.override_id IS DISTINCT FROM o.override_id)
FROM srm_internal.derivation_explained e
LEFT JOIN srm_internal.derivation d USING (grain_id, framework_id, control_id)
LEFT JOIN srm_internal.derivation_basis b ON b.basis_id = d.basis_id
JOIN srm.control c ON c.framework_id = e.framework_id AND c.control_id = e.control_id
LEFT JOIN LATERAL (SELECT x.* FROM srm_internal.override_for(e.provider, e.service_namespace, NULL, NULL,
                                                             e.framework_id, e.control_id, c.family_id) x
                   WHERE EXISTS (SELECT FROM srm.override)) o ON true
WHERE only_service IS NULL OR e.service_namespace = only_service
$$;

SELECT (SELECT count(*) FROM srm_internal.grain) = (SELECT count(*) FROM service) + (SELECT count(*) FROM srm_internal.grain WHERE resource_type IS NOT NULL) AS grains_are_services_and_types,
       (SELECT count(*) FROM srm_internal.derivation) = (SELECT count(*) FROM srm_internal.grain) * (SELECT count(*) FROM control) AS every_grain_every_control,
       (SELECT count(*) FROM matrix) = (SELECT count(*) FROM service) * (SELECT count(*) FROM control) AS matrix_rows;
SELECT compared = (SELECT count(*) FROM srm_internal.derivation) AS all_compared, derived_differs, override_differs
FROM pg_temp.mismatches();

-- the comparison can fail: a stored row made wrong is caught
BEGIN;
UPDATE srm_internal.derivation d SET derived = 'partner', responsibility = 'partner'
FROM srm_internal.grain g
WHERE g.grain_id = d.grain_id AND g.service_namespace = 'ec2' AND g.resource_type IS NULL AND d.control_id = 'si-2';
SELECT derived_differs, override_differs FROM pg_temp.mismatches('ec2');
ROLLBACK;

-- overrides: inserted, updated, deleted, truncated, each seen by the next
-- query of the same transaction; the most specific one wins
BEGIN;
INSERT INTO override (framework_id, family_id, responsibility, reason)
VALUES ('nist-800-53-r5', 'si', 'customer', 'family-wide rule');
INSERT INTO override (service_namespace, framework_id, control_id, responsibility, reason)
VALUES ('ec2', 'nist-800-53-r5', 'si-2', 'provider', 'service and control');
INSERT INTO override (framework_id, responsibility, reason)
VALUES ('aws-srm', 'partner', 'whole framework');
INSERT INTO override (account_id, framework_id, control_id, responsibility, reason)
VALUES ('111111111111', 'nist-800-53-r5', 'ac-2', 'partner', 'an account''s rule: applied at query time');
SELECT service_namespace, control_id, responsibility, override_id
FROM matrix WHERE control_id IN ('si-2', 'si-3', 'ac-2') AND service_namespace IN ('ec2', 's3')
ORDER BY 1, 2;
SELECT count(*) FILTER (WHERE override_id = 3) AS whole_framework_rows,
       count(*) FILTER (WHERE override_id = 1) AS family_rows
FROM matrix;
SELECT derived_differs, override_differs FROM pg_temp.mismatches();
UPDATE override SET responsibility = 'customer (configured)' WHERE override_id = 2;
UPDATE override SET service_namespace = 's3' WHERE override_id = 2;
SELECT service_namespace, responsibility, override_id FROM matrix
WHERE control_id = 'si-2' AND service_namespace IN ('ec2', 's3') ORDER BY 1;
DELETE FROM override WHERE override_id = 1;
SELECT count(*) FILTER (WHERE override_id = 1) AS family_rows_left FROM matrix;
SELECT derived_differs, override_differs FROM pg_temp.mismatches('s3');
TRUNCATE override;
SELECT count(*) FILTER (WHERE override_id IS NOT NULL) AS overridden_rows FROM matrix;
ROLLBACK;

-- model rows: a service's layer changed is seen at once, at every grain of
-- the service (triggers rebuild the stored rows)
BEGIN;
SELECT responsibility FROM matrix WHERE service_namespace = 'lambda' AND control_id = 'si-2';
UPDATE service_layer SET responsibility = 'provider' WHERE service_namespace = 'lambda' AND layer_id = 'application';
SELECT responsibility FROM matrix WHERE service_namespace = 'lambda' AND control_id = 'si-2';
SELECT derived_differs, override_differs FROM pg_temp.mismatches('lambda');
ROLLBACK;

-- the explanation is derived when asked for, from the explaining view
SELECT explanation FROM matrix WHERE service_namespace = 'ec2' AND control_id = 'sc-7';

-- an asset of srm.asset answers by its ARN and by its resource id; an
-- identifier of an asset that is not loaded answers at its type's grain
SELECT load_config_snapshot(jsonb_build_object('configurationItems', jsonb_build_array(
    jsonb_build_object('resourceType', 'AWS::EC2::Instance', 'resourceId', 'i-0grain000000000a',
        'awsAccountId', '111111111111', 'awsRegion', 'us-east-1',
        'ARN', 'arn:aws:ec2:us-east-1:111111111111:instance/i-0grain000000000a', 'configuration', '{}'::jsonb),
    jsonb_build_object('resourceType', 'AWS::S3::Bucket', 'resourceId', 'shared-name',
        'awsAccountId', '111111111111', 'awsRegion', 'us-east-1', 'ARN', 'arn:aws:s3:::shared-name'),
    jsonb_build_object('resourceType', 'AWS::SQS::Queue', 'resourceId', 'shared-name',
        'awsAccountId', '111111111111', 'awsRegion', 'us-east-1',
        'ARN', 'arn:aws:sqs:us-east-1:111111111111:shared-name'))), 'derivation test') AS loaded;
SELECT responsibility_of('arn:aws:ec2:us-east-1:111111111111:instance/i-0grain000000000a', 'SI-2') AS by_arn,
       responsibility_of('i-0grain000000000a', 'SI-2') AS by_resource_id,
       responsibility_of('arn:aws:ec2:us-east-1:222222222222:instance/i-0notloaded', 'SI-2') AS not_loaded;
SELECT kind, origin, detail FROM explain('i-0grain000000000a', 'SI-2') WHERE kind IN ('asset', 'resource type');
SELECT test_error($$SELECT responsibility_of('shared-name', 'SI-2')$$) AS ambiguous_resource_id;
SELECT test_error($$SELECT responsibility_of('i-0neverloaded', 'SI-2')$$) AS unknown_resource_id;
SELECT asset, known_asset, service_namespace, resource_type, responsibility
FROM responsibilities(ARRAY['i-0grain000000000a', 'arn:aws:s3:::shared-name', 'nothing-known'], ARRAY['SI-2']);
DELETE FROM asset_load_rejection; DELETE FROM asset; DELETE FROM asset_load;
