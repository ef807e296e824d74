-- install/tables/identifier.sql (table part): the tables srm reads
-- identifiers with, srm.identifier and srm.arn_pattern.  Their rows are
-- derived from the model by install/data/identifiers.sql.

-- Every name that identifies a service or a resource type, by form.
--   form 'type':     keys of CloudFormation / Config types, Security Hub types
--                    and Steampipe (singular) / CloudQuery (plural) tables,
--                    all reduced by identifier_key (aws_ec2_instance,
--                    AwsEc2Instance and AWS::EC2::Instance share a key)
--   form 'resource': Resource Explorer service:resource-type
--   form 'service':  service namespaces, ARN namespaces, CloudFormation
--                    namespaces, botocore names and aliases
CREATE TABLE srm.identifier (
    form              text NOT NULL CHECK (form IN ('type', 'resource', 'service')),
    key               text NOT NULL,
    provider          text NOT NULL,
    service_namespace text NOT NULL,
    resource_type     text REFERENCES srm.resource_type,
    basis             text NOT NULL,
    PRIMARY KEY (form, key),
    FOREIGN KEY (provider, service_namespace) REFERENCES srm.service,
    CHECK ((form = 'service') = (resource_type IS NULL))
);
COMMENT ON TABLE srm.identifier IS
    'Every name srm reads as a service or a resource type, by form (type, resource, service), with the basis it was derived on.';

-- ARN templates as patterns: the literal prefix of the resource part (the
-- index), and a regular expression for the whole resource part.
CREATE TABLE srm.arn_pattern (
    resource_type  text NOT NULL REFERENCES srm.resource_type,
    arn_namespace  text NOT NULL,
    prefix         text NOT NULL,
    pattern        text NOT NULL,
    literal_length integer NOT NULL,
    arn_template   text NOT NULL,
    PRIMARY KEY (arn_namespace, pattern, resource_type)
);
COMMENT ON TABLE srm.arn_pattern IS
    'ARN templates of resource types as matching rules: ARN namespace, the resource part''s literal prefix (up to the first / or :) and a regular expression for the resource part.';
CREATE INDEX ON srm.arn_pattern (arn_namespace, prefix);

GRANT SELECT ON srm.identifier, srm.arn_pattern TO PUBLIC;
