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

-- malformed input is an error naming the item and the key; nothing is loaded
\set bad_not_json `cat :'fixtures'/bad_not_json.txt`
\set bad_no_items `cat :'fixtures'/bad_no_items.json`
\set bad_items_not_array `cat :'fixtures'/bad_items_not_array.json`
\set bad_item_not_object `cat :'fixtures'/bad_item_not_object.json`
\set bad_type_wrong `cat :'fixtures'/bad_type_wrong.json`
\set bad_tags_wrong `cat :'fixtures'/bad_tags_wrong.json`
SELECT count(*) AS loads_before FROM asset_load \gset
\pset format unaligned
SELECT f, regexp_replace(test_error(format('SELECT srm.load_config_snapshot(%L::jsonb)', c)), 'Token ".*$', 'Token ...') AS error
FROM (VALUES ('bad_not_json.txt', :'bad_not_json'), ('bad_no_items.json', :'bad_no_items'),
             ('bad_items_not_array.json', :'bad_items_not_array'), ('bad_item_not_object.json', :'bad_item_not_object'),
             ('bad_type_wrong.json', :'bad_type_wrong'), ('bad_tags_wrong.json', :'bad_tags_wrong'),
             ('a bare array', '[1, 2]'),
             ('a bad capture time', '{"configurationItems": [{"resourceType": "AWS::S3::Bucket", "configurationItemCaptureTime": "yesterday"}]}')) AS t(f, c);
\pset format aligned
SELECT count(*) = :loads_before AS nothing_loaded FROM asset_load;
