-- upgrade/0.2.0--0.3.0/before.sql: what the code and data of 0.3.0 need
-- before they are replaced in place: new tables and columns.

-- the grain below the service (install/tables/model.sql): filled by the
-- model's rows further down
CREATE TABLE srm.resource_type_layer (
    resource_type  text NOT NULL REFERENCES srm.resource_type,
    layer_id       text NOT NULL REFERENCES srm.layer,
    responsibility srm.responsibility NOT NULL,
    reason         text NOT NULL CHECK (reason ~ '\S'),
    source         text NOT NULL CHECK (source ~ '\S'),
    PRIMARY KEY (resource_type, layer_id)
);
COMMENT ON TABLE srm.resource_type_layer IS
    'Per-resource-type layer responsibilities that replace the service''s value for assets of that type (a Lightsail database is patched by AWS, a Lightsail instance is not), each with its reason and source.';

CREATE TABLE srm.variant_dimension (
    resource_type text NOT NULL REFERENCES srm.resource_type,
    dimension     text NOT NULL CHECK (dimension ~ '^[a-z][a-z0-9-]*$'),
    reads         jsonpath NOT NULL,
    description   text NOT NULL,
    source        text NOT NULL CHECK (source ~ '\S'),
    PRIMARY KEY (resource_type, dimension)
);
COMMENT ON TABLE srm.variant_dimension IS
    'What a resource type''s configuration can vary in that changes who is responsible (launch type, node kind, who owns the encryption key); reads is the path of the value the rules look at, in the document {"configuration": ..., "supplementaryConfiguration": ...} of a configuration item, named when no rule matches.';

CREATE TABLE srm.variant (
    resource_type text NOT NULL,
    dimension     text NOT NULL,
    variant_id    text NOT NULL CHECK (variant_id ~ '^[a-z][a-z0-9-]*$'),
    name          text NOT NULL,
    description   text NOT NULL,
    source        text NOT NULL CHECK (source ~ '\S'),
    PRIMARY KEY (resource_type, variant_id),
    UNIQUE (resource_type, dimension, variant_id),
    FOREIGN KEY (resource_type, dimension) REFERENCES srm.variant_dimension
);
COMMENT ON TABLE srm.variant IS
    'The values of a variant dimension of a resource type that srm tells apart (ECS on Fargate or on EC2; SSE-S3, an AWS managed or a customer managed KMS key).';

CREATE TABLE srm.variant_rule (
    resource_type text NOT NULL,
    dimension     text NOT NULL,
    rule_order    integer NOT NULL CHECK (rule_order > 0),
    variant_id    text NOT NULL,
    test          jsonpath NOT NULL,
    source        text NOT NULL CHECK (source ~ '\S'),
    PRIMARY KEY (resource_type, dimension, rule_order),
    FOREIGN KEY (resource_type, dimension, variant_id) REFERENCES srm.variant (resource_type, dimension, variant_id)
);
COMMENT ON TABLE srm.variant_rule IS
    'How a variant is recognised: the first rule of a dimension, in rule_order, whose jsonpath test holds on {"configuration": ..., "supplementaryConfiguration": ...} names the asset''s variant; when none holds the variant is unknown and the resource type''s answer applies.';

CREATE TABLE srm.variant_layer (
    resource_type  text NOT NULL,
    variant_id     text NOT NULL,
    layer_id       text NOT NULL REFERENCES srm.layer,
    responsibility srm.responsibility NOT NULL,
    reason         text NOT NULL CHECK (reason ~ '\S'),
    source         text NOT NULL CHECK (source ~ '\S'),
    PRIMARY KEY (resource_type, variant_id, layer_id),
    FOREIGN KEY (resource_type, variant_id) REFERENCES srm.variant
);
COMMENT ON TABLE srm.variant_layer IS
    'Per-variant layer responsibilities that replace the resource type''s (and service''s) value for assets in that variant; two dimensions of one resource type never replace the same layer.';

GRANT SELECT ON srm.resource_type_layer, srm.variant_dimension, srm.variant, srm.variant_rule, srm.variant_layer
    TO PUBLIC;

-- the stored derivation (install/tables/derivation.sql): filled at the end
-- of the update by srm.refresh_derivation()
CREATE TABLE srm_internal.grain (
    grain_id          integer PRIMARY KEY,
    provider          text NOT NULL,
    service_namespace text NOT NULL,
    resource_type     text,
    variant           text,
    CHECK (variant IS NULL OR resource_type IS NOT NULL),
    UNIQUE NULLS NOT DISTINCT (provider, service_namespace, resource_type, variant)
);
COMMENT ON TABLE srm_internal.grain IS
    'the grains of the stored derivation: each service (resource_type and variant null), each resource type with layers or variants of its own (variant null), and each combination of its variants (variant ids joined by +, in the order of their dimensions)';
CREATE INDEX ON srm_internal.grain (resource_type, variant);

CREATE TABLE srm_internal.derivation_basis (
    basis_id       integer PRIMARY KEY,
    grain_id       integer NOT NULL,
    layers         text[] NOT NULL,
    organizational boolean NOT NULL,
    withdrawn      boolean NOT NULL,
    responsibility srm.responsibility NOT NULL,
    explanation    text NOT NULL,
    UNIQUE (grain_id, layers, organizational, withdrawn)
);
COMMENT ON TABLE srm_internal.derivation_basis IS
    'what a control''s answer at a grain depends on: the layers it acts on (in the order of srm.layer), whether it is organizational or withdrawn; with the answer before overrides and its explanation, once per combination that some control has';

CREATE TABLE srm_internal.derivation (
    grain_id          integer NOT NULL,
    framework_id      text NOT NULL,
    control_id        text NOT NULL,
    provider          text NOT NULL,
    service_namespace text NOT NULL,
    resource_type     text,
    variant           text,
    basis_id          integer NOT NULL,
    derived           srm.responsibility NOT NULL,
    responsibility    srm.responsibility NOT NULL,
    override_id       bigint,
    PRIMARY KEY (grain_id, framework_id, control_id)
)
-- a scan of the whole matrix (30 MB) is faster alone than the start of
-- parallel workers
WITH (parallel_workers = 0);
COMMENT ON TABLE srm_internal.derivation IS
    'the stored derivation: derived is the model''s answer for a control at a grain (before overrides; its explanation is its basis''s), responsibility the answer with the provider- or service-wide override that applies (override_id); account- and asset-wide overrides are applied at query time. The grain''s columns are repeated so that the matrices read this table alone';

-- the matrix of one service (an inventory joined by service)
CREATE INDEX ON srm_internal.derivation (service_namespace, framework_id, control_id) WHERE resource_type IS NULL;

GRANT SELECT ON srm_internal.grain, srm_internal.derivation_basis, srm_internal.derivation TO PUBLIC;

-- the inventory keeps supplementaryConfiguration (variant rules read it);
-- assets loaded before have none until they are loaded again
ALTER TABLE srm.asset ADD COLUMN supplementary_configuration jsonb;
COMMENT ON COLUMN srm.asset.supplementary_configuration IS 'the configuration item''s supplementaryConfiguration (S3 encryption and policies, among others), read by the variant rules with configuration';
CREATE INDEX ON srm.asset (resource_id);

-------------------------------------------------------------------------------
-- Compact audit runs (install/tables/audit.sql): runs of 0.2.0 keep their
-- rows in srm.audit_finding, unchanged, and have none in these tables
-------------------------------------------------------------------------------

-- Compact runs (0.3.0).  A run's assets fall into groups, one per account x
-- service.  A group that no account- or asset-scoped override or status
-- touches has, for every control, the answer of its service: those answers
-- are recorded once per service x control (srm.audit_default) and the group
-- only counts its assets (srm.audit_group, stored false).  The other groups
-- (stored true) keep their findings in srm.audit_finding, as every group of
-- a run of 0.2.0 does (those runs have no srm.audit_group rows).  A run also
-- keeps a copy of the overrides and statuses of its framework as it saw
-- them.  Nothing grows with accounts x services x controls.
CREATE TABLE srm.audit_group (
    run_id            bigint NOT NULL REFERENCES srm.audit_run ON DELETE CASCADE,
    account_id        text NOT NULL,
    service_namespace text NOT NULL,
    grain             text NOT NULL,
    assets            integer NOT NULL CHECK (assets > 0),
    stored            boolean NOT NULL,
    PRIMARY KEY (run_id, account_id, service_namespace, grain)
);
COMMENT ON TABLE srm.audit_group IS
    'the known assets of an audit run per account x service x grain (empty, or a resource type and variant with answers of its own); stored: its findings are in srm.audit_finding (an account- or asset-scoped override or status applies to it), else every control has the answer of srm.audit_default for its service';

CREATE TABLE srm.audit_default (
    run_id            bigint NOT NULL REFERENCES srm.audit_run ON DELETE CASCADE,
    service_namespace text NOT NULL,
    grain             text NOT NULL,
    framework_id      text NOT NULL,
    control_id        text NOT NULL,
    family_id         text,
    derived           srm.responsibility NOT NULL,
    responsibility    srm.responsibility NOT NULL,
    class             srm.control_class NOT NULL,
    customer_part     srm.responsibility NOT NULL,
    override_id       bigint,
    status            text,
    status_id         bigint,
    evidence          text,
    gap               boolean NOT NULL,
    PRIMARY KEY (run_id, service_namespace, grain, control_id)
);
COMMENT ON TABLE srm.audit_default IS
    'the answer of an audit run for every control on every service (and grain below it) of its assets where no account- or asset-scoped override or status applies: the derivation it used (derived), the provider- or service-wide override and the service-wide status that applied, the result and gap';

CREATE TABLE srm.audit_override (
    run_id            bigint NOT NULL REFERENCES srm.audit_run ON DELETE CASCADE,
    override_id       bigint NOT NULL,
    provider          text NOT NULL,
    service_namespace text,
    account_id        text,
    asset             text,
    framework_id      text NOT NULL,
    control_id        text,
    family_id         text,
    responsibility    srm.responsibility NOT NULL,
    reason            text NOT NULL,
    created_by        text NOT NULL,
    created_at        timestamptz NOT NULL,
    PRIMARY KEY (run_id, override_id)
);
COMMENT ON TABLE srm.audit_override IS
    'the overrides of its framework an audit run saw (srm.override as it was when the run started)';

CREATE TABLE srm.audit_status (
    run_id            bigint NOT NULL REFERENCES srm.audit_run ON DELETE CASCADE,
    status_id         bigint NOT NULL,
    framework_id      text NOT NULL,
    control_id        text NOT NULL,
    provider          text NOT NULL,
    account_id        text,
    service_namespace text,
    asset             text,
    status            text NOT NULL,
    evidence          text,
    evidence_url      text,
    assessed_by       text NOT NULL,
    assessed_at       timestamptz NOT NULL,
    PRIMARY KEY (run_id, status_id)
);
COMMENT ON TABLE srm.audit_status IS
    'the control statuses of its framework an audit run saw (srm.control_status as it was when the run started)';

SELECT pg_catalog.pg_extension_config_dump('srm.audit_group', '');
SELECT pg_catalog.pg_extension_config_dump('srm.audit_default', '');
SELECT pg_catalog.pg_extension_config_dump('srm.audit_override', '');
SELECT pg_catalog.pg_extension_config_dump('srm.audit_status', '');

GRANT SELECT ON srm.audit_group, srm.audit_default, srm.audit_override, srm.audit_status TO PUBLIC;

COMMENT ON TABLE srm.audit_finding IS
    'the findings of an audit run: per account x service x control (asset_id null; assets = how many assets it speaks for), and per asset x control where a rule or status of that asset applies; since 0.3.0 only for the groups srm.audit_group marks stored (the others: srm.audit_default). gap: the customer takes part and its part lacks implemented evidence.';

-- runs answer each asset at its grain (resource type and variant); the
-- runs of 0.2.0 answered every asset at its service's: grain '' for them
ALTER TABLE srm.audit_asset ADD COLUMN grain text NOT NULL DEFAULT '';
COMMENT ON COLUMN srm.audit_asset.grain IS
    'the grain the asset was answered at: empty for its service''s answer, else its resource type and, after a space, its configuration variant (as in srm.resource_type_matrix); runs before 0.3.0 answered every asset at its service''s';
ALTER TABLE srm.audit_finding ADD COLUMN grain text NOT NULL DEFAULT '';
COMMENT ON COLUMN srm.audit_finding.grain IS
    'the grain of the assets a group row speaks for (as srm.audit_asset.grain; empty: the service''s answer)';
DO $$
DECLARE
    old text;
BEGIN
    SELECT c.conname INTO STRICT old FROM pg_catalog.pg_constraint c
    WHERE c.conrelid = 'srm.audit_finding'::regclass AND c.contype = 'u';
    EXECUTE format('ALTER TABLE srm.audit_finding DROP CONSTRAINT %I', old);
END
$$;
ALTER TABLE srm.audit_finding ADD CONSTRAINT audit_finding_grain_key
    UNIQUE NULLS NOT DISTINCT (run_id, account_id, service_namespace, grain, asset_id, control_id);

-- the tags of a run's assets, as they were, for the report's totals per tag
-- value (runs of 0.2.0 have none)
ALTER TABLE srm.audit_asset ADD COLUMN tags jsonb;
COMMENT ON TABLE srm.audit_asset IS
    'the assets an audit run covered, as they were; known is false for assets whose service srm cannot place (counted, never dropped); tags as the inventory had them (the report totals by a tag), null for runs of 0.2.0';
