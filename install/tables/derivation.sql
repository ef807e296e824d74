-- install/tables/derivation.sql (table part): the stored derivation.  Every
-- grain srm answers at (a service; a resource type with layers or variants
-- of its own; each combination of its variants) x every control, with the
-- provider- and service-wide override that applies.  Filled by
-- srm_internal.refresh_derivation() at install and update, and kept current
-- by triggers on the model's tables and on srm.override; never dumped (it
-- is derived: CREATE EXTENSION rebuilds it, restored overrides re-apply).

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
