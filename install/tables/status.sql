-- install/tables/status.sql (table part): control status with evidence
-- (srm.control_status) and the provider attestations to cite for inherited
-- controls (srm.attestation, rows from data/attestation.csv, with the model).

-------------------------------------------------------------------------------
-- Control status: what the customer has done about its part
-------------------------------------------------------------------------------

CREATE TABLE srm.control_status (
    status_id         bigserial PRIMARY KEY,
    framework_id      text NOT NULL,
    control_id        text NOT NULL,
    provider          text NOT NULL DEFAULT 'aws',
    account_id        text CHECK (account_id ~ '^([0-9]{12}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z][a-z0-9-]{4,28}[a-z0-9])$'),
    service_namespace text,
    asset             text CHECK (asset ~ '^(arn:|/subscriptions/|//)'),
    status            text NOT NULL CHECK (status IN ('implemented', 'partial', 'planned', 'alternative', 'not-applicable')),
    evidence          text,
    evidence_url      text CHECK (evidence_url ~ '^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$'),
    assessed_by       text NOT NULL DEFAULT current_user,
    assessed_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (account_id IS NOT NULL OR service_namespace IS NOT NULL OR asset IS NOT NULL),
    CHECK (status NOT IN ('implemented', 'alternative', 'not-applicable') OR evidence ~ '\S' OR evidence_url IS NOT NULL)
);
COMMENT ON TABLE srm.control_status IS
    'implementation status of a control (OSCAL words: implemented, partial, planned, alternative, not-applicable) with evidence (text or link), who assessed it and when; scope an account, a service (optionally within an account) or one asset (ARN). The newest assessment of the most specific scope applies: asset > account and service > service > account.';
COMMENT ON COLUMN srm.control_status.asset IS 'one asset: its ARN (AWS), its Azure Resource Manager id (in lower case) or its Google Cloud full resource name';
COMMENT ON COLUMN srm.control_status.account_id IS 'an AWS account id (12 digits), an Azure subscription id (a UUID, in lower case) or a Google Cloud project id, of the status''s provider';
CREATE INDEX ON srm.control_status (framework_id, control_id);
SELECT pg_catalog.pg_extension_config_dump('srm.control_status', '');
SELECT pg_catalog.pg_extension_config_dump('srm.control_status_status_id_seq', '');

-------------------------------------------------------------------------------
-- Provider attestations to cite for inherited controls
-------------------------------------------------------------------------------

CREATE TABLE srm.attestation (
    provider     text NOT NULL,
    framework_id text NOT NULL,
    name         text NOT NULL,
    obtain_from  text NOT NULL,
    source       text NOT NULL,
    shipped      boolean NOT NULL DEFAULT false,
    PRIMARY KEY (provider, framework_id, name)
);
COMMENT ON TABLE srm.attestation IS
    'third-party attestations of the provider that an auditor accepts as evidence for inherited controls, per framework';
COMMENT ON COLUMN srm.attestation.shipped IS
    'true for the rows srm ships (data/attestation.csv), which upgrades keep current; a user''s own rows are false and kept by pg_dump';
SELECT pg_catalog.pg_extension_config_dump('srm.attestation', 'WHERE NOT shipped');

GRANT SELECT ON srm.control_status, srm.attestation TO PUBLIC;
