-- install/model.sql: the tables of srm's shared responsibility model.
--
-- A fragment of the install script: it follows the responsibility type and
-- precedes the rows that tools/build/gen_data.py generates from data/*.csv.
-- Every object is schema-qualified; the shipped rows are the extension's
-- own (no user rows here: user rules go to srm.override).

CREATE TABLE srm.layer (
    layer_id    text PRIMARY KEY CHECK (layer_id ~ '^[a-z][a-z-]*$'),
    ordinal     integer NOT NULL UNIQUE CHECK (ordinal > 0),
    name        text NOT NULL,
    description text NOT NULL,
    aws_box     text NOT NULL,
    source      text NOT NULL
);
COMMENT ON TABLE srm.layer IS
    'The stack a control can act on, top (data, ordinal 1) to bottom (facilities); aws_box names the box of AWS''s shared responsibility diagram the layer belongs to.';

CREATE TABLE srm.service_model (
    model_id    text PRIMARY KEY,
    provider    text NOT NULL CHECK (provider IN ('aws', 'azure', 'gcp')),
    name        text NOT NULL,
    description text NOT NULL,
    source      text NOT NULL,
    UNIQUE (model_id, provider)
);
COMMENT ON TABLE srm.service_model IS
    'Service models of each provider (AWS infrastructure/container/abstracted, Azure on-premises/IaaS/PaaS/SaaS, Google IaaS/PaaS/SaaS).';

CREATE TABLE srm.service_model_layer (
    model_id       text NOT NULL REFERENCES srm.service_model,
    layer_id       text NOT NULL REFERENCES srm.layer,
    responsibility srm.responsibility NOT NULL,
    source         text NOT NULL,
    PRIMARY KEY (model_id, layer_id)
);
COMMENT ON TABLE srm.service_model_layer IS
    'Who is responsible for each layer under each service model; every model has a row for every layer.';

CREATE TABLE srm.azure_published_matrix (
    azure_row           text NOT NULL,
    row_order           integer NOT NULL CHECK (row_order > 0),
    model_id            text NOT NULL REFERENCES srm.service_model,
    responsibility_word text NOT NULL CHECK (responsibility_word IN ('customer', 'microsoft', 'shared')),
    source              text NOT NULL,
    PRIMARY KEY (azure_row, model_id)
);
COMMENT ON TABLE srm.azure_published_matrix IS
    'Microsoft''s published shared responsibility table as data (rows such as Operating system; columns on-premises, IaaS, PaaS, SaaS), to check that the Azure models reproduce it.';

CREATE TABLE srm.azure_layer_map (
    azure_row text NOT NULL,
    layer_id  text NOT NULL REFERENCES srm.layer,
    rationale text NOT NULL,
    source    text NOT NULL,
    PRIMARY KEY (azure_row, layer_id)
);
COMMENT ON TABLE srm.azure_layer_map IS
    'Which srm layers each row of Microsoft''s table covers; for every Azure model the union of those layers'' responsibilities equals the table''s word (Customer = customer, Microsoft = provider, Shared = provider, customer).';

CREATE TABLE srm.service (
    provider          text NOT NULL,
    service_namespace text NOT NULL CHECK (service_namespace ~ '^[a-z0-9][a-z0-9-]*$'),
    arn_namespace     text NOT NULL,
    name              text NOT NULL,
    model_id          text NOT NULL,
    reviewed          boolean NOT NULL,
    cfn_namespaces    text[] NOT NULL DEFAULT '{}',
    botocore_services text[] NOT NULL DEFAULT '{}',
    rationale         text NOT NULL,
    source            text NOT NULL,
    PRIMARY KEY (provider, service_namespace),
    FOREIGN KEY (model_id, provider) REFERENCES srm.service_model (model_id, provider)
);
COMMENT ON TABLE srm.service IS
    'Provider services with their service model. service_namespace is the ARN service namespace (a distinct slug where the ARN namespace is shared, e.g. docdb and neptune use arn_namespace rds); cfn_namespaces lists the CloudFormation/Config namespaces that belong to it; reviewed marks services assessed one by one rather than by category rule.';

CREATE TABLE srm.service_alias (
    provider          text NOT NULL,
    alias             text NOT NULL CHECK (alias = lower(alias)),
    service_namespace text NOT NULL,
    source            text NOT NULL,
    PRIMARY KEY (provider, alias),
    FOREIGN KEY (provider, service_namespace) REFERENCES srm.service
);
COMMENT ON TABLE srm.service_alias IS
    'Other names users write for a service: product names without an ARN namespace of their own (ebs, vpc, fargate, aurora), inventory table prefixes (Steampipe, CloudQuery) and Security Hub spellings.';

CREATE TABLE srm.service_layer (
    provider          text NOT NULL,
    service_namespace text NOT NULL,
    layer_id          text NOT NULL REFERENCES srm.layer,
    responsibility    srm.responsibility NOT NULL,
    reason            text NOT NULL,
    source            text NOT NULL,
    PRIMARY KEY (provider, service_namespace, layer_id),
    FOREIGN KEY (provider, service_namespace) REFERENCES srm.service
);
COMMENT ON TABLE srm.service_layer IS
    'Per-service layer responsibilities that replace the service model''s row; a row equal to the model''s value records that the review confirmed it.';

CREATE TABLE srm.resource_type (
    resource_type     text PRIMARY KEY,
    provider          text NOT NULL,
    service_namespace text NOT NULL,
    cfn_namespace     text NOT NULL,
    resource          text NOT NULL,
    in_config         boolean NOT NULL,
    in_cloudformation boolean NOT NULL,
    arn_template      text,
    source            text NOT NULL,
    CHECK (in_config OR in_cloudformation),
    FOREIGN KEY (provider, service_namespace) REFERENCES srm.service
);
COMMENT ON TABLE srm.resource_type IS
    'Every AWS Config and CloudFormation resource type (AWS::Service::Resource), mapped to its service, with its ARN template where known.';

CREATE TABLE srm.framework (
    framework_id text PRIMARY KEY,
    name         text NOT NULL,
    version      text NOT NULL,
    publisher    text NOT NULL,
    source       text NOT NULL,
    licence      text NOT NULL
);
COMMENT ON TABLE srm.framework IS
    'Control catalogs: aws-srm (the controls of AWS''s shared responsibility model) and nist-800-53-r5.';

CREATE TABLE srm.control (
    framework_id   text NOT NULL REFERENCES srm.framework,
    control_id     text NOT NULL,
    label          text NOT NULL,
    family_id      text,
    family_title   text,
    title          text NOT NULL,
    description    text,
    parent_id      text,
    status         text NOT NULL CHECK (status IN ('active', 'withdrawn')),
    sort_id        text NOT NULL,
    baselines      text[] NOT NULL DEFAULT '{}'
                   CHECK (baselines <@ ARRAY['LOW', 'MODERATE', 'HIGH', 'PRIVACY']::text[]),
    organizational boolean NOT NULL,
    expected_class text CHECK (expected_class IN ('not-applicable', 'inherited', 'shared', 'customer-specific')),
    source         text NOT NULL,
    PRIMARY KEY (framework_id, control_id),
    FOREIGN KEY (framework_id, parent_id) REFERENCES srm.control (framework_id, control_id),
    CHECK (status = 'active' OR NOT organizational)
);
COMMENT ON TABLE srm.control IS
    'Controls and enhancements of each framework. organizational marks controls every party performs in its own context (training, personnel, policy); expected_class is the class the aws-srm source states for EC2.';

CREATE TABLE srm.control_layer (
    framework_id text NOT NULL,
    control_id   text NOT NULL,
    layer_id     text NOT NULL REFERENCES srm.layer,
    basis        text NOT NULL CHECK (basis IN ('explicit', 'parent', 'family')),
    source       text NOT NULL,
    PRIMARY KEY (framework_id, control_id, layer_id),
    FOREIGN KEY (framework_id, control_id) REFERENCES srm.control
);
COMMENT ON TABLE srm.control_layer IS
    'The layers each active control acts on, fully expanded; basis says whether the row was curated for the control itself, taken from its parent control, or is its family''s default. Withdrawn controls have none.';

CREATE INDEX ON srm.control_layer (layer_id);
CREATE INDEX ON srm.resource_type (provider, service_namespace);
CREATE INDEX ON srm.service_layer (layer_id);
