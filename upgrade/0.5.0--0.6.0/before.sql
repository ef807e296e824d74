-- upgrade/0.5.0--0.6.0/before.sql: what the code and data of 0.6.0 need
-- before they are replaced in place: new tables and columns.

-- issue 13 item 5: audits across providers.  The run's rows
-- carry the provider (as install/tables/audit.sql): service namespaces are
-- unique per provider only (iam is AWS's and Google's); every run before
-- 0.6.0 audited AWS alone, which the default says.
ALTER TABLE srm.audit_asset ADD COLUMN provider text NOT NULL DEFAULT 'aws';
ALTER TABLE srm.audit_finding ADD COLUMN provider text NOT NULL DEFAULT 'aws';
ALTER TABLE srm.audit_group ADD COLUMN provider text NOT NULL DEFAULT 'aws';
ALTER TABLE srm.audit_default ADD COLUMN provider text NOT NULL DEFAULT 'aws';
ALTER TABLE srm.audit_check ADD COLUMN provider text NOT NULL DEFAULT 'aws';
ALTER TABLE srm.audit_finding DROP CONSTRAINT audit_finding_grain_key,
    ADD CONSTRAINT audit_finding_grain_key
    UNIQUE NULLS NOT DISTINCT (run_id, provider, account_id, service_namespace, grain, asset_id, control_id);
ALTER TABLE srm.audit_group DROP CONSTRAINT audit_group_pkey,
    ADD CONSTRAINT audit_group_pkey PRIMARY KEY (run_id, provider, account_id, service_namespace, grain);
ALTER TABLE srm.audit_default DROP CONSTRAINT audit_default_pkey,
    ADD CONSTRAINT audit_default_pkey PRIMARY KEY (run_id, provider, service_namespace, grain, control_id);
COMMENT ON COLUMN srm.audit_asset.provider IS 'the asset''s provider (aws, azure, gcp), as srm.asset.provider';
COMMENT ON COLUMN srm.audit_finding.provider IS 'the provider of the service (and of the account) the finding speaks for';
COMMENT ON COLUMN srm.audit_group.provider IS 'the provider of the group''s service and account';
COMMENT ON COLUMN srm.audit_default.provider IS 'the provider of the service the answer is for';
COMMENT ON COLUMN srm.audit_check.provider IS
    'the provider of the asset or account (0.6.0; every earlier run''s are aws)';

-- issue 13 item 5: statuses and overrides scoped to an Azure
-- subscription or resource, or a Google Cloud project or resource (as
-- install/tables/status.sql and override.sql)
ALTER TABLE srm.control_status DROP CONSTRAINT control_status_account_id_check,
    ADD CONSTRAINT control_status_account_id_check
    CHECK (account_id ~ '^([0-9]{12}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z][a-z0-9-]{4,28}[a-z0-9])$');
ALTER TABLE srm.control_status DROP CONSTRAINT control_status_asset_check,
    ADD CONSTRAINT control_status_asset_check CHECK (asset ~ '^(arn:|/subscriptions/|//)');
ALTER TABLE srm.override DROP CONSTRAINT override_account_id_check,
    ADD CONSTRAINT override_account_id_check
    CHECK (account_id ~ '^([0-9]{12}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z][a-z0-9-]{4,28}[a-z0-9])$');
ALTER TABLE srm.override DROP CONSTRAINT override_asset_check,
    ADD CONSTRAINT override_asset_check CHECK (asset ~ '^(arn:|/subscriptions/|//)');
COMMENT ON COLUMN srm.override.asset IS 'one asset: its ARN (AWS), its Azure Resource Manager id (in lower case) or its Google Cloud full resource name';
COMMENT ON COLUMN srm.override.account_id IS 'an AWS account id (12 digits), an Azure subscription id (a UUID, in lower case) or a Google Cloud project id, of the override''s provider';
COMMENT ON COLUMN srm.control_status.asset IS 'one asset: its ARN (AWS), its Azure Resource Manager id (in lower case) or its Google Cloud full resource name';
COMMENT ON COLUMN srm.control_status.account_id IS 'an AWS account id (12 digits), an Azure subscription id (a UUID, in lower case) or a Google Cloud project id, of the status''s provider';

-- srm.asset holds Azure and Google Cloud assets too (as install/tables/inventory.sql)
COMMENT ON TABLE srm.asset IS
    'srm''s own inventory, one row per resource (provider, account, region, resource type, resource id), filled by srm.load_config_snapshot (AWS Config), srm.load_resource_graph (Azure Resource Graph), srm.load_asset_inventory (Google Cloud Asset Inventory) and srm-load; service_namespace is null and known_type false for resource types srm does not know, which are kept, not dropped.';
COMMENT ON COLUMN srm.asset.region IS 'the AWS region, Azure location or Google Cloud location, or global (IAM and other global resources)';
COMMENT ON COLUMN srm.asset.arn IS 'the ARN of an AWS asset, null for the Config items that have none and for Azure and Google Cloud assets (their resource_id is the ARM id or full resource name)';
COMMENT ON COLUMN srm.asset.supplementary_configuration IS 'the AWS Config item''s supplementaryConfiguration (S3 encryption and policies, among others), read by the variant rules with configuration; for an Azure asset the Resource Graph row''s other columns (kind, sku, identity, zones, ...), for a Google Cloud asset {"ancestors": [...]}';
