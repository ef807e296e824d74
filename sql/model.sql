-- The model as data: what CREATE EXTENSION loads, counted against the data
-- files, every row with its source
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

SELECT 'layer' AS tbl, count(*) FROM layer UNION ALL
SELECT 'service_model', count(*) FROM service_model UNION ALL
SELECT 'service_model_layer', count(*) FROM service_model_layer UNION ALL
SELECT 'framework', count(*) FROM framework UNION ALL
SELECT 'control aws-srm', count(*) FROM control WHERE framework_id = 'aws-srm' UNION ALL
SELECT 'control nist-800-53-r5', count(*) FROM control WHERE framework_id = 'nist-800-53-r5' UNION ALL
SELECT 'nist withdrawn', count(*) FROM control WHERE framework_id = 'nist-800-53-r5' AND status = 'withdrawn' UNION ALL
SELECT 'resource_type', count(*) FROM resource_type UNION ALL
SELECT 'resource_type in AWS Config', count(*) FROM resource_type WHERE in_config AND provider = 'aws' UNION ALL
SELECT 'resource_type in Cloud Asset Inventory', count(*) FROM resource_type WHERE in_config AND provider = 'gcp' UNION ALL
SELECT 'resource_type in CloudFormation', count(*) FROM resource_type WHERE in_cloudformation UNION ALL
SELECT 'resource_type with ARN template', count(*) FROM resource_type WHERE arn_template IS NOT NULL;

-- the layers, top to bottom, with their box of AWS's diagram
SELECT ordinal, layer_id, aws_box FROM layer ORDER BY ordinal;
-- every model has every layer
SELECT m.provider, m.model_id, count(ml.layer_id) AS layers
FROM service_model m LEFT JOIN service_model_layer ml USING (model_id)
GROUP BY 1, 2 ORDER BY 1, 2;
-- the AWS models side by side
SELECT l.layer_id,
       max(ml.responsibility::text) FILTER (WHERE model_id = 'aws-infrastructure') AS infrastructure,
       max(ml.responsibility::text) FILTER (WHERE model_id = 'aws-container') AS container,
       max(ml.responsibility::text) FILTER (WHERE model_id = 'aws-abstracted') AS abstracted
FROM layer l JOIN service_model_layer ml USING (layer_id)
GROUP BY l.layer_id, l.ordinal ORDER BY l.ordinal;
-- Google's models
SELECT l.layer_id,
       max(ml.responsibility::text) FILTER (WHERE model_id = 'gcp-iaas') AS iaas,
       max(ml.responsibility::text) FILTER (WHERE model_id = 'gcp-paas') AS paas,
       max(ml.responsibility::text) FILTER (WHERE model_id = 'gcp-saas') AS saas
FROM layer l JOIN service_model_layer ml USING (layer_id)
GROUP BY l.layer_id, l.ordinal ORDER BY l.ordinal;

-- baselines as NIST SP 800-53B (5.1.1) gives them
SELECT b, count(*) FROM control, unnest(baselines) b WHERE framework_id = 'nist-800-53-r5' GROUP BY b ORDER BY b;
-- enhancements point at their control; ids and labels in the usual forms
SELECT control_id, label, parent_id, family_id, title FROM control
WHERE control_id IN ('ac-2', 'ac-2.1', 'si-2', 'sc-7.3', 'pe-3') ORDER BY sort_id;

-- services: every namespace of both AWS data files belongs to exactly one
-- service, and the most used services were reviewed one by one
SELECT count(*) AS services, count(*) FILTER (WHERE reviewed) AS reviewed,
       count(DISTINCT model_id) AS models_used FROM service WHERE provider = 'aws';
SELECT count(*) AS unmapped_namespaces
FROM (SELECT DISTINCT cfn_namespace FROM resource_type WHERE provider = 'aws') n
WHERE NOT EXISTS (SELECT FROM service s WHERE n.cfn_namespace = ANY (s.cfn_namespaces));
SELECT count(*) AS namespaces_in_two_services
FROM (SELECT n FROM service, unnest(cfn_namespaces) n GROUP BY n HAVING count(*) > 1) d;
SELECT s AS must_be_reviewed
FROM unnest(ARRAY['ec2', 'autoscaling', 'ecs', 'eks', 'lambda', 's3', 'glacier', 'elasticfilesystem', 'fsx',
    'rds', 'dynamodb', 'elasticache', 'redshift', 'es', 'elasticmapreduce', 'elasticbeanstalk', 'sqs', 'sns',
    'ses', 'kinesis', 'apigateway', 'cloudfront', 'route53', 'iam', 'kms', 'secretsmanager', 'cloudtrail',
    'cloudwatch', 'config', 'guardduty', 'states', 'glue', 'athena', 'sagemaker', 'elasticloadbalancing']) s
WHERE NOT EXISTS (SELECT FROM service WHERE service_namespace = s AND reviewed);
-- EBS, VPC, Fargate and Aurora are not namespaces of their own
SELECT alias, service_namespace FROM service_alias WHERE alias IN ('ebs', 'vpc', 'fargate', 'aurora') ORDER BY 1;
-- deviations from the model, on reviewed services
SELECT count(*) AS service_layer_rows, count(DISTINCT service_namespace) AS services_with_rows FROM service_layer;
SELECT service_namespace, layer_id, responsibility FROM service_layer
WHERE service_namespace IN ('rds', 'lambda') ORDER BY 1, 2;

-- every active NIST control acts on at least one layer and has a derived
-- responsibility on every service; withdrawn ones are not applicable
SELECT count(*) AS active_without_layers FROM control c
WHERE status = 'active' AND NOT EXISTS (SELECT FROM control_layer cl WHERE (cl.framework_id, cl.control_id) = (c.framework_id, c.control_id));
SELECT c.status, count(*) AS pairs, count(cs.responsibility) AS derived,
       count(*) FILTER (WHERE cs.responsibility = 'not applicable') AS not_applicable
FROM control_service cs JOIN control c USING (framework_id, control_id)
WHERE cs.framework_id = 'nist-800-53-r5' GROUP BY c.status ORDER BY 1;
SELECT basis, count(*) FROM control_layer GROUP BY 1 ORDER BY 1;
SELECT count(*) FILTER (WHERE organizational) AS organizational, count(*) AS active
FROM control WHERE framework_id = 'nist-800-53-r5' AND status = 'active';

-- the per-asset functions' lookup agrees with the view: every control on
-- one service of each model and on services with deviations of their own
SELECT count(*) AS pairs,
       count(*) FILTER (WHERE srm_internal.derived_responsibility(framework_id, control_id, provider, service_namespace)
                              IS NOT DISTINCT FROM responsibility) AS agree
FROM control_service
WHERE service_namespace IN ('ec2', 's3', 'rds', 'lambda', 'outposts', 'directconnect', 'dynamodb', 'iam',
                            'kms', 'elasticloadbalancing');

-- the data carries its source on every row
SELECT 'layer' AS tbl, count(*) FILTER (WHERE coalesce(source, '') !~ '\S') AS without_source FROM layer UNION ALL
SELECT 'service_model', count(*) FILTER (WHERE coalesce(source, '') !~ '\S') FROM service_model UNION ALL
SELECT 'service_model_layer', count(*) FILTER (WHERE coalesce(source, '') !~ '\S') FROM service_model_layer UNION ALL
SELECT 'service', count(*) FILTER (WHERE coalesce(source, '') !~ '\S') FROM service UNION ALL
SELECT 'service_layer', count(*) FILTER (WHERE coalesce(source, '') !~ '\S' OR coalesce(reason, '') !~ '\S') FROM service_layer UNION ALL
SELECT 'resource_type', count(*) FILTER (WHERE coalesce(source, '') !~ '\S') FROM resource_type UNION ALL
SELECT 'control', count(*) FILTER (WHERE coalesce(source, '') !~ '\S') FROM control UNION ALL
SELECT 'control_layer', count(*) FILTER (WHERE coalesce(source, '') !~ '\S') FROM control_layer UNION ALL
SELECT 'framework', count(*) FILTER (WHERE coalesce(source, '') !~ '\S' OR coalesce(licence, '') !~ '\S') FROM framework;

-- the matrix: every service x control, nothing missing
SELECT count(*) AS matrix_rows,
       (SELECT count(*) FROM service) * (SELECT count(*) FROM control) AS services_x_controls,
       count(*) FILTER (WHERE responsibility IS NULL) AS without_answer
FROM matrix;
SELECT service_namespace, control_id, responsibility, class, customer_part, explanation
FROM matrix WHERE service_namespace IN ('ec2', 's3') AND control_id IN ('si-2', 'sc-28') ORDER BY 1, 2;
