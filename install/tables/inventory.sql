-- install/tables/inventory.sql (table part): the extension's own inventory,
-- srm.asset, filled from AWS Config snapshots, and the record of each load.

-------------------------------------------------------------------------------
-- Inventory
-------------------------------------------------------------------------------

CREATE TABLE srm.asset (
    asset_id          bigserial PRIMARY KEY,
    provider          text NOT NULL DEFAULT 'aws',
    account_id        text NOT NULL,
    region            text NOT NULL,
    resource_type     text NOT NULL,
    resource_id       text NOT NULL,
    resource_name     text,
    arn               text,
    service_namespace text,
    known_type        boolean NOT NULL,
    tags              jsonb NOT NULL DEFAULT '{}',
    configuration     jsonb,
    item_status       text,
    captured_at       timestamptz,
    load_id           bigint NOT NULL,
    first_loaded_at   timestamptz NOT NULL DEFAULT now(),
    last_loaded_at    timestamptz NOT NULL DEFAULT now(),
    supplementary_configuration jsonb,
    UNIQUE (provider, account_id, region, resource_type, resource_id)
);
COMMENT ON TABLE srm.asset IS
    'srm''s own inventory, one row per resource (provider, account, region, resource type, resource id), filled by srm.load_config_snapshot (AWS Config), srm.load_resource_graph (Azure Resource Graph), srm.load_asset_inventory (Google Cloud Asset Inventory) and srm-load; service_namespace is null and known_type false for resource types srm does not know, which are kept, not dropped.';
COMMENT ON COLUMN srm.asset.region IS 'the AWS region, Azure location or Google Cloud location, or global (IAM and other global resources)';
COMMENT ON COLUMN srm.asset.arn IS 'the ARN of an AWS asset, null for the Config items that have none and for Azure and Google Cloud assets (their resource_id is the ARM id or full resource name)';
CREATE INDEX ON srm.asset (arn);
COMMENT ON COLUMN srm.asset.supplementary_configuration IS 'the AWS Config item''s supplementaryConfiguration (S3 encryption and policies, among others), read by the variant rules with configuration; for an Azure asset the Resource Graph row''s other columns (kind, sku, identity, zones, ...), for a Google Cloud asset {"ancestors": [...]}';
CREATE INDEX ON srm.asset (account_id, service_namespace);
CREATE INDEX ON srm.asset (resource_id);
-- no column statistics for the documents: no query compares them whole
-- (reads go through ->> expressions, which these statistics do not serve),
-- and sorting sampled documents was most of the ANALYZE that follows every
-- load
ALTER TABLE srm.asset ALTER COLUMN tags SET STATISTICS 0, ALTER COLUMN configuration SET STATISTICS 0,
    ALTER COLUMN supplementary_configuration SET STATISTICS 0;

CREATE TABLE srm.asset_load (
    load_id         bigserial PRIMARY KEY,
    loaded_at       timestamptz NOT NULL DEFAULT now(),
    loaded_by       text NOT NULL DEFAULT current_user,
    source          text NOT NULL,
    file_version    text,
    snapshot_id     text,
    items_read      integer NOT NULL,
    assets_inserted integer NOT NULL,
    assets_updated  integer NOT NULL,
    items_rejected  integer NOT NULL,
    unknown_types   integer NOT NULL,
    CHECK (items_read = assets_inserted + assets_updated + items_rejected)
);
COMMENT ON TABLE srm.asset_load IS
    'one row per snapshot load, with counts that reconcile: items read = assets inserted + assets updated + items rejected';

CREATE TABLE srm.asset_load_rejection (
    load_id    bigint NOT NULL REFERENCES srm.asset_load ON DELETE CASCADE,
    item_index integer NOT NULL,
    reason     text NOT NULL,
    item       jsonb NOT NULL,
    PRIMARY KEY (load_id, item_index)
);
COMMENT ON TABLE srm.asset_load_rejection IS
    'every item a load did not take, with its index in configurationItems (from 0) and the reason';

SELECT pg_catalog.pg_extension_config_dump('srm.asset', '');
SELECT pg_catalog.pg_extension_config_dump('srm.asset_asset_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('srm.asset_load', '');
SELECT pg_catalog.pg_extension_config_dump('srm.asset_load_load_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('srm.asset_load_rejection', '');

GRANT SELECT ON srm.asset, srm.asset_load, srm.asset_load_rejection TO PUBLIC;
