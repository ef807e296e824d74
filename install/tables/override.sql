-- install/tables/override.sql (table part): srm.override, the user's own
-- rules, with its sequence dumped by pg_dump.

-------------------------------------------------------------------------------
-- Overrides: the user's own rules
-------------------------------------------------------------------------------

CREATE TABLE srm.override (
    override_id       bigserial PRIMARY KEY,
    provider          text NOT NULL DEFAULT 'aws',
    service_namespace text,
    account_id        text CHECK (account_id ~ '^([0-9]{12}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z][a-z0-9-]{4,28}[a-z0-9])$'),
    asset             text CHECK (asset ~ '^(arn:|/subscriptions/|//)'),
    framework_id      text NOT NULL,
    control_id        text,
    family_id         text,
    responsibility    srm.responsibility NOT NULL,
    reason            text NOT NULL CHECK (reason ~ '\S'),
    created_by        text NOT NULL DEFAULT current_user,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (control_id IS NULL OR family_id IS NULL)
);
COMMENT ON TABLE srm.override IS
    'The user''s own rules: the responsibility of a control (or a family, or a whole framework) for a provider, a service, an account or one asset, with the reason. The most specific wins: asset > account > service > provider, then control > family > framework. Kept by pg_dump.';
COMMENT ON COLUMN srm.override.asset IS 'one asset: its ARN (AWS), its Azure Resource Manager id (in lower case) or its Google Cloud full resource name';
COMMENT ON COLUMN srm.override.account_id IS 'an AWS account id (12 digits), an Azure subscription id (a UUID, in lower case) or a Google Cloud project id, of the override''s provider';
-- every row is a user's: dump them all, and the sequence
SELECT pg_catalog.pg_extension_config_dump('srm.override', '');
SELECT pg_catalog.pg_extension_config_dump('srm.override_override_id_seq', '');

-- readable by every role; written by the extension's owner (or whom the
-- owner grants)
GRANT SELECT ON srm.override TO PUBLIC;
