-- Loading AWS Config snapshots into srm.asset (test/fixtures/README.md
-- describes every item of the files used here)
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;
\set small `cat :'fixtures'/snapshot_small.json`
\set small_v2 `cat :'fixtures'/snapshot_small_v2.json`

SELECT load_config_snapshot(:'small'::jsonb, 'snapshot_small.json') AS loaded;
-- 12 items = 11 inserted + 0 updated + 1 rejected (the older copy of item 0)
SELECT load_id, source, file_version, items_read, assets_inserted, assets_updated, items_rejected, unknown_types,
       items_read = assets_inserted + assets_updated + items_rejected AS reconciles
FROM asset_load ORDER BY load_id;
SELECT load_id, item_index, reason FROM asset_load_rejection ORDER BY 1, 2;
-- both key spellings, global IAM, an S3 bucket with no region or account in
-- its ARN, an item without an ARN, a type srm does not know (kept, flagged)
SELECT account_id, region, resource_type, resource_id, arn IS NOT NULL AS has_arn, service_namespace, known_type,
       item_status, captured_at AT TIME ZONE 'UTC' AS captured_utc
FROM asset ORDER BY account_id, region, resource_type, resource_id;
SELECT tags ->> 'owner' AS owner, tags ->> 'Name' AS name FROM asset WHERE resource_id = 'i-0a1b2c3d4e5f60001' AND resource_type = 'AWS::EC2::Instance';

-- loading the same file again duplicates nothing
SELECT load_config_snapshot(:'small'::jsonb, 'snapshot_small.json again') AS loaded;
SELECT count(*) AS assets FROM asset;
-- the next version: two resources changed, one new
SELECT load_config_snapshot(:'small_v2'::jsonb, 'snapshot_small_v2.json') AS loaded;
SELECT load_id, items_read, assets_inserted, assets_updated, items_rejected, unknown_types,
       items_read = assets_inserted + assets_updated + items_rejected AS reconciles
FROM asset_load ORDER BY load_id;
SELECT count(*) AS assets FROM asset;
SELECT resource_type, tags ->> 'owner' AS owner, tags ->> 'cost-center' AS cost_center,
       configuration ->> 'dBInstanceClass' AS db_class, load_id
FROM asset WHERE resource_id IN ('sg-0a1b2c3d4e5f60003', 'db-ABCDEFGHIJKLMNOPQRSTUVWXY1')
   OR resource_type = 'AWS::SNS::Topic' ORDER BY 1;
-- an older capture does not replace a newer one
SELECT load_config_snapshot(:'small'::jsonb, 'snapshot_small.json, older than v2') AS loaded;
SELECT item_index, reason FROM asset_load_rejection WHERE load_id = 4 ORDER BY 1;
SELECT tags ->> 'owner' AS owner_still_from_v2 FROM asset WHERE resource_id = 'sg-0a1b2c3d4e5f60003';

-- items that cannot be an asset are rejected with their reason; the rest load
SELECT load_config_snapshot('{"configurationItems": [
  {"resourceType": "AWS::S3::Bucket", "resourceId": "ok-bucket", "awsAccountId": "123456789012", "awsRegion": "us-east-1", "ARN": "arn:aws:s3:::ok-bucket"},
  {"resourceId": "no-type", "awsAccountId": "123456789012", "awsRegion": "us-east-1"},
  {"resourceType": "AWS::S3::Bucket", "awsAccountId": "123456789012", "awsRegion": "us-east-1"},
  {"resourceType": "AWS::S3::Bucket", "resourceId": "no-account", "awsRegion": "us-east-1"},
  {"resourceType": "AWS::S3::Bucket", "resourceId": "short-account", "accountId": "1234", "region": "us-east-1"},
  {"resourceType": "AWS::S3::Bucket", "resourceId": "no-region", "awsAccountId": "123456789012"},
  {"resourceType": "AWS::S3::Bucket", "resourceId": "two-accounts", "awsAccountId": "123456789012", "accountId": "210987654321", "awsRegion": "us-east-1"},
  {"resourceType": "AWS::S3::Bucket", "resourceId": "gone", "awsAccountId": "123456789012", "awsRegion": "us-east-1", "configurationItemStatus": "ResourceDeleted"}
]}'::jsonb, 'inline') AS loaded;
SELECT item_index, reason FROM asset_load_rejection WHERE load_id = 5 ORDER BY 1;
SELECT items_read, assets_inserted, assets_updated, items_rejected FROM asset_load WHERE load_id = 5;

-- a file that is not a snapshot is an error; nothing is loaded
\set bad_not_json `cat :'fixtures'/bad_not_json.txt`
\set bad_no_items `cat :'fixtures'/bad_no_items.json`
\set bad_items_not_array `cat :'fixtures'/bad_items_not_array.json`
SELECT count(*) AS loads_before FROM asset_load \gset
\pset format unaligned
SELECT f, regexp_replace(test_error(format('SELECT srm.load_config_snapshot(%L::jsonb)', c)), 'Token ".*$', 'Token ...') AS error
FROM (VALUES ('bad_not_json.txt', :'bad_not_json'), ('bad_no_items.json', :'bad_no_items'),
             ('bad_items_not_array.json', :'bad_items_not_array'),
             ('a bare array', '[1, 2]')) AS t(f, c);
\pset format aligned
SELECT count(*) = :loads_before AS nothing_loaded FROM asset_load;

-- a bad item rejects that item, never the file: an item that is not an
-- object, a key of the wrong type; tags as [{"key", "value"}] pairs (as
-- select-resource-config writes them) are read as an object
\set bad_item_not_object `cat :'fixtures'/bad_item_not_object.json`
\set bad_type_wrong `cat :'fixtures'/bad_type_wrong.json`
\set bad_tags_wrong `cat :'fixtures'/bad_tags_wrong.json`
SELECT load_config_snapshot(:'bad_item_not_object'::jsonb, 'bad_item_not_object.json') AS loaded;
SELECT load_config_snapshot(:'bad_type_wrong'::jsonb, 'bad_type_wrong.json') AS loaded;
SELECT load_config_snapshot(:'bad_tags_wrong'::jsonb, 'bad_tags_wrong.json') AS loaded;
SELECT l.source, r.item_index, r.reason
FROM asset_load_rejection r JOIN asset_load l USING (load_id)
WHERE l.source LIKE 'bad\_%' ORDER BY r.load_id, r.item_index;
SELECT a.resource_id, a.tags FROM asset a JOIN asset_load l USING (load_id)
WHERE l.source = 'bad_tags_wrong.json' ORDER BY a.resource_id;

-- the item-level problems and normalisations of issue 10, in a session
-- whose TimeZone is not UTC: a time without a zone is UTC all the same
-- (item 0, 03:04:05 without a zone, is older than item 11, 03:04:06Z)
SET TimeZone = 'America/New_York';
SELECT load_config_snapshot(jsonb_build_object('configurationItems', $j$[
  {"resourceType": "AWS::EC2::Instance", "resourceId": "i-ok", "awsAccountId": "123456789012", "awsRegion": "us-east-1",
   "ARN": "arn:aws:ec2:us-east-1:123456789012:instance/i-ok", "configurationItemCaptureTime": "2025-01-02T03:04:05"},
  {"resourceType": "AWS::EC2::Instance", "resourceId": "i-epoch", "awsAccountId": "123456789012", "awsRegion": "us-east-1",
   "configurationItemCaptureTime": 1696147201.5},
  {"resourceType": "AWS::EC2::Instance", "resourceId": "i-epoch-text", "awsAccountId": "123456789012", "awsRegion": "us-east-1",
   "configurationItemCaptureTime": "1696147201"},
  {"resourceType": "AWS::EC2::Instance", "resourceId": "i-offset", "awsAccountId": "123456789012", "awsRegion": "us-east-1",
   "configurationItemCaptureTime": "2025-01-02T03:04:05.250+02:00"},
  {"resourceType": "AWS::EC2::Instance", "resourceId": "i-bad-range", "awsAccountId": "123456789012", "awsRegion": "us-east-1",
   "configurationItemCaptureTime": "2025-13-45T99:99:99Z"},
  {"resourceType": "AWS::EC2::Instance", "resourceId": "i-feb-30", "awsAccountId": "123456789012", "awsRegion": "us-east-1",
   "configurationItemCaptureTime": "2025-02-30T00:00:00Z"},
  {"resourceType": "AWS::EC2::Instance", "resourceId": "i-python", "awsAccountId": "123456789012", "awsRegion": "us-east-1",
   "configurationItemCaptureTime": "datetime.datetime(2023, 10, 1, 8, 0, 1, tzinfo=tzlocal())"},
  {"resourceType": "AWS::EC2::Instance", "resourceId": "i-time-bool", "awsAccountId": "123456789012", "awsRegion": "us-east-1",
   "configurationItemCaptureTime": true},
  {"resourceType": "AWS::EC2::Instance", "resourceId": "i-hello", "awsAccountId": "123456789012", "awsRegion": "us-east-1",
   "ARN": "hello world"},
  {"resourceType": "AWS::EC2::Instance", "resourceId": "i-s3-arn", "awsAccountId": "123456789012", "awsRegion": "us-east-1",
   "ARN": "arn:aws:s3:::some-bucket"},
  {"resourceType": "AWS::EC2::Instance", "resourceId": "i-xx", "awsAccountId": "123456789012", "awsRegion": "us-east-1",
   "ARN": "arn:aws-xx:ec2:us-east-1:123456789012:instance/i-xx"},
  {"resourceType": "aws::ec2::instance", "resourceId": "i-ok", "awsAccountId": "123456789012", "awsRegion": "us-east-1 ",
   "ARN": "arn:aws:ec2:us-east-1:123456789012:instance/i-ok", "configurationItemCaptureTime": "2025-01-02T03:04:06Z"},
  {"resourceType": "AWS::S3::Bucket", "resourceId": "na-bucket", "awsAccountId": "123456789012", "awsRegion": "Not Applicable",
   "ARN": "arn:aws:s3:::na-bucket"},
  {"resourceType": "AWS::EC2::Volume", "resourceId": "vol-na", "awsAccountId": "123456789012", "awsRegion": "Not Applicable",
   "ARN": "arn:aws:ec2:eu-west-1:123456789012:volume/vol-na"},
  {"resourceType": "AWS::Lambda::Function", "resourceId": "fn-config-text", "awsAccountId": "123456789012", "awsRegion": "us-east-1",
   "configuration": "{\"runtime\": \"python3.12\"}"},
  {"resourceType": "AWS::Lambda::Function", "resourceId": "fn-awsregion-region", "awsAccountId": "123456789012",
   "awsRegion": "US-EAST-1", "region": "us-east-1"},
  "{\"resourceType\": \"AWS::SNS::Topic\", \"resourceId\": \"topic-from-string\", \"accountId\": \"123456789012\", \"awsRegion\": \"us-east-1\"}",
  "not an item",
  {"resourceType": "AWS::EC2::Instance", "resourceId": "i-tags-bad", "awsAccountId": "123456789012", "awsRegion": "us-east-1",
   "tags": ["env"]}
]$j$::jsonb || jsonb_build_array(
  jsonb_build_object('resourceType', 'AWS::EC2::Instance', 'resourceId', repeat('i', 3000), 'awsAccountId', '123456789012', 'awsRegion', 'us-east-1'),
  jsonb_build_object('resourceType', 'AWS::EC2::Instance', 'resourceId', 'i-long-arn', 'awsAccountId', '123456789012', 'awsRegion', 'us-east-1',
                     'ARN', 'arn:aws:ec2:us-east-1:123456789012:instance/' || repeat('x', 3000)))),
  'issue 10 items') AS loaded;
SELECT item_index, reason FROM asset_load_rejection r JOIN asset_load l USING (load_id)
WHERE l.source = 'issue 10 items' ORDER BY item_index;
-- one resource, one asset: the type and region as srm spells them; times in UTC
SELECT resource_type, resource_id, region, captured_at AT TIME ZONE 'UTC' AS captured_utc,
       configuration ->> 'runtime' AS runtime, service_namespace
FROM asset a JOIN asset_load l USING (load_id)
WHERE l.source = 'issue 10 items' ORDER BY resource_id;
SELECT items_read, assets_inserted, assets_updated, items_rejected,
       items_read = assets_inserted + assets_updated + items_rejected AS reconciles
FROM asset_load WHERE source = 'issue 10 items';
RESET TimeZone;

-- srm_internal.config_item_read: an item read in one pass over its keys,
-- with the merge's rules that need nothing but the item; a rejected item
-- has its reason and no other column
SELECT n, r.reason, r.resource_type, r.resource_id, r.resource_name, r.arn, r.account_id, r.region, r.time_text,
       r.captured_at AT TIME ZONE 'UTC' AS captured_utc, r.arn_ok, r.item_status, r.tags, r.configuration,
       r.supplementary_configuration
FROM (VALUES
    (1, '"an item"'::jsonb), (2, '[{"resourceType": "AWS::S3::Bucket"}]'), (3, 'null'), (4, '12'), (5, 'true'),
    (6, '{"resourceType": 7}'), (7, '{"resourceType": "AWS::S3::Bucket", "ARN": ["arn"]}'),
    (8, '{"resourceType": "AWS::S3::Bucket", "resourceId": "b", "configurationItemCaptureTime": false}'),
    (9, '{"resourceType": "AWS::S3::Bucket", "resourceId": "b", "tags": [{"Key": "env", "value": "x"}, {"key": null}]}'),
    (10, '{"resourceType": "AWS::S3::Bucket", "resourceId": "b", "tags": [["env"]]}'),
    (11, '{"resourceType": "AWS::S3::Bucket", "resourceId": "b", "supplementaryConfiguration": []}'),
    (12, '{"resourceType": " \t\n", "resourceId": "b"}'),
    (13, '{"resourceType": "AWS::S3::Bucket", "resourceId": "b", "awsAccountId": null, "accountId": null}'),
    (14, '{"resourceType": "AWS::S3::Bucket", "resourceId": "b", "awsAccountId": "123456789012", "accountId": "123456789013"}'),
    (15, '{"resourceType": "AWS::S3::Bucket", "resourceId": "b", "accountId": "12345678901２"}'),
    (16, '{"resourceType": "AWS::S3::Bucket", "resourceId": "b", "accountId": "123456789012", "awsRegion": "", "region": "us-east-1"}'),
    (17, '{"resourceType": "AWS::S3::Bucket", "resourceId": "b", "accountId": "123456789012", "awsRegion": " EU-West-1", "region": "eu-west-1 "}'),
    (18, '{"resourceType": "AWS::S3::Bucket", "resourceId": "b", "accountId": "123456789012", "awsRegion": "eu-west-1", "region": "eu-west-2"}'),
    (19, '{"resourceType": "AWS::S3::Bucket", "resourceId": "b", "accountId": "123456789012", "region": "x", "ARN": "arn:a", "arn": " arn:b"}'),
    (20, '{"resourceType": "AWS::S3::Bucket", "resourceId": "b", "accountId": "123456789012", "region": "x", "configurationItemCaptureTime": 1696147201.5}'),
    (21, '{"resourceType": "AWS::S3::Bucket", "resourceId": "b", "accountId": "123456789012", "region": "x", "configurationItemCaptureTime": "2025-13-45T99:99:99Z"}'),
    (22, '{"resourceType": "AWS::S3::Bucket", "resourceId": "b", "accountId": "123456789012", "region": "x", "ARN": "arn:aws:s3::: b"}'),
    (23, '{"resourceType": "AWS::S3::Bucket", "resourceId": "b", "accountId": "123456789012", "region": "x", "ARN": "arn:aws:s3:::b\tc"}'),
    (24, '{"resourceType": "AWS::S3::Bucket", "resourceId": "b", "accountId": "123456789012", "region": "x", "ARN": "arn:aws:s3:::bücket"}'),
    (25, '{"resourceType": "AWS::S3::Bucket", "resourceId": "b", "accountId": "123456789012", "region": "x", "ARN": "arn:aws-xx:s3:::b"}'),
    (26, '{"resourceType": "AWS::S3::Bucket", "resourceId": "b", "accountId": "123456789012", "region": "x", "ARN": "arn:aws:S3:::b"}'),
    (27, '{"resourceType": "\u0001", "resourceId": "b", "awsAccountId": "123456789012", "awsRegion": "Not Applicable", "ARN": "  ",
           "resourceName": null, "configurationItemStatus": "OK", "tags": null, "configuration": null}'),
    (28, '{"resourceType": " AWS::S3::Bucket ", "resourceId": " b ", "resourceName": "n", "awsAccountId": "123456789012",
           "awsRegion": "us-east-1", "ARN": " arn:aws:s3:::b ", "arn": "arn:aws:s3:::b", "configurationItemCaptureTime": "2025-01-02T03:04:05",
           "configurationItemStatus": "OK", "tags": {"env": "prod"}, "configuration": "{\"a\": 1}", "supplementaryConfiguration": {},
           "resourceType2": 1}')
) AS t(n, item)
CROSS JOIN LATERAL srm_internal.config_item_read(t.item) r
ORDER BY n;
-- the lengths of the identifiers the indexes take, counted after trimming
SELECT r.reason
FROM (VALUES (1, jsonb_build_object('resourceType', repeat('T', 257), 'resourceId', 'b', 'accountId', '123456789012', 'region', 'x')),
             (2, jsonb_build_object('resourceType', ' ' || repeat('T', 256) || ' ', 'resourceId', repeat('i', 1025),
                                    'accountId', '123456789012', 'region', 'x')),
             (3, jsonb_build_object('resourceType', 'T', 'resourceId', 'b', 'accountId', '123456789012', 'region', 'x',
                                    'ARN', 'arn:aws:s3:::' || repeat('é', 1018))),
             (4, jsonb_build_object('resourceType', 'T', 'resourceId', 'b', 'accountId', '123456789012', 'region', repeat('r', 65))),
             (5, jsonb_build_object('resourceType', 'T', 'resourceId', 'b', 'accountId', repeat('é', 120), 'region', 'x'))) AS t(n, item)
CROSS JOIN LATERAL srm_internal.config_item_read(t.item) r
ORDER BY n;
-- a null item is no item (STRICT)
SELECT srm_internal.config_item_read(NULL) IS NULL AS no_item;
-- the capture-time parser on its own (the item reader parses in C; the
-- findings and Google loaders call it from SQL): null for what it cannot read
SELECT v, srm_internal.capture_time(v) AT TIME ZONE 'UTC' AS captured_utc
FROM (VALUES ('2025-01-02T03:04:05Z'), ('2025-01-02T05:04:05+02:00'), ('1696147201.5'), ('2025-13-45T99:99:99Z'),
             ('datetime.datetime(2025, 1, 2, 3, 4, 5)'), ('')) AS t(v)
ORDER BY v;
-- statistics after a load follow autovacuum's rule: a load that changes
-- fewer rows than autovacuum_analyze_threshold + scale_factor * reltuples
-- (here the table's own settings: 500 rows, no scale) leaves srm.asset's
-- statistics to autovacuum; a larger one analyzes at once
ANALYZE srm.asset;
ALTER TABLE srm.asset SET (autovacuum_analyze_threshold = 500, autovacuum_analyze_scale_factor = 0);
SELECT reltuples AS tuples_before FROM pg_class WHERE oid = 'srm.asset'::regclass \gset
SELECT load_config_snapshot((SELECT jsonb_build_object('configurationItems', jsonb_agg(jsonb_build_object(
           'resourceType', 'AWS::S3::Bucket', 'resourceId', 'stats-small-' || n, 'awsAccountId', '210987654321',
           'awsRegion', 'us-east-1', 'ARN', 'arn:aws:s3:::stats-small-' || n)))
        FROM generate_series(1, 5) n), 'five new buckets');
SELECT reltuples - :tuples_before AS tuples_added_to_statistics FROM pg_class WHERE oid = 'srm.asset'::regclass;
SELECT load_config_snapshot((SELECT jsonb_build_object('configurationItems', jsonb_agg(jsonb_build_object(
           'resourceType', 'AWS::S3::Bucket', 'resourceId', 'stats-large-' || n, 'awsAccountId', '210987654321',
           'awsRegion', 'us-east-1', 'ARN', 'arn:aws:s3:::stats-large-' || n)))
        FROM generate_series(1, 600) n), 'six hundred new buckets');
SELECT reltuples - :tuples_before AS tuples_added_to_statistics FROM pg_class WHERE oid = 'srm.asset'::regclass;
-- the rule itself, at the threshold and one row above it
SELECT srm_internal.analyze_after_load(500) AS analyzed_500_changed,
       srm_internal.analyze_after_load(501) AS analyzed_501_changed;
ALTER TABLE srm.asset RESET (autovacuum_analyze_threshold, autovacuum_analyze_scale_factor);
-- and with the server's settings (autovacuum_analyze_threshold 50,
-- autovacuum_analyze_scale_factor 0.1 unless the server sets others)
SELECT srm_internal.analyze_after_load(floor(t + f * c.reltuples)::bigint) AS analyzed_at_threshold,
       srm_internal.analyze_after_load(floor(t + f * c.reltuples)::bigint + 1) AS analyzed_above_threshold
FROM pg_class c, CAST(current_setting('autovacuum_analyze_threshold') AS float8) t,
     CAST(current_setting('autovacuum_analyze_scale_factor') AS float8) f
WHERE c.oid = 'srm.asset'::regclass;

-- srm-load's connections keep one batch's memory for the next
-- (srm_internal.load_memory: glibc's malloc thresholds for this backend;
-- true under glibc, false elsewhere and where a sanitizer's allocator
-- refuses them); the session then loads as before
SELECT srm_internal.load_memory() IS NOT NULL AS load_memory_answered;
SELECT srm.load_config_snapshot('{"configurationItems": [{"resourceType": "AWS::S3::Bucket", "resourceId": "after-load-memory",
        "awsAccountId": "123456789012", "awsRegion": "us-east-1", "ARN": "arn:aws:s3:::after-load-memory",
        "configurationItemCaptureTime": "2025-01-01T00:00:00Z"}]}'::jsonb, 'after load_memory') AS loaded_after;
SELECT count(*) AS after_load_memory FROM srm.asset WHERE resource_id = 'after-load-memory';
