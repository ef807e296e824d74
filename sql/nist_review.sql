-- The NIST SP 800-53 mapping beside AWS's published stance (issue 8,
-- item 5; doc/nist-review.md): the statements of AWS's documents that the
-- mapping follows, asked of EC2, Lambda and S3, each with its source, and
-- the distribution the review page shows.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/setup.sql
SET search_path = srm, public;

-- the review page's table: MODERATE, per service, with the customer-specific
-- answers whose customer part is only configured (AWS would say partial)
SELECT m.service_namespace,
       count(*) FILTER (WHERE m.class = 'inherited') AS inherited,
       count(*) FILTER (WHERE m.class = 'shared') AS shared,
       count(*) FILTER (WHERE m.class = 'customer-specific') AS customer_specific,
       count(*) FILTER (WHERE m.class = 'customer-specific' AND m.customer_part = 'customer (configured)') AS configured_only
FROM srm.matrix m
WHERE m.framework_id = 'nist-800-53-r5' AND 'MODERATE' = ANY (m.baselines)
  AND m.service_namespace IN ('ec2', 'lambda', 's3')
GROUP BY 1 ORDER BY 1;

-- AWS Prescriptive Guidance, Preparation guide for CMMC Level 2 on AWS, AWS
-- cloud considerations: all physical protection requirements inheritable.
-- srm: every PE control of MODERATE is inherited on the three services but
-- the policy control and alternate work sites, which are organizational
SELECT s, c.label, classify(s, c.control_id)
FROM unnest(ARRAY['ec2', 'lambda', 's3']) s, control c
WHERE c.framework_id = 'nist-800-53-r5' AND c.family_id = 'pe' AND 'MODERATE' = ANY (c.baselines)
  AND classify(s, c.control_id) <> 'inherited'
ORDER BY 1, c.sort_id;
-- same source: 8 of 9 media protection requirements inheritable; srm: all
-- of MP but the policy control, media sanitization included
SELECT s, c.label, classify(s, c.control_id)
FROM unnest(ARRAY['ec2', 'lambda', 's3']) s, control c
WHERE c.framework_id = 'nist-800-53-r5' AND c.family_id = 'mp' AND 'MODERATE' = ANY (c.baselines)
  AND classify(s, c.control_id) <> 'inherited'
ORDER BY 1, c.sort_id;
-- same source: 5 of 6 maintenance requirements inheritable; srm: the
-- equipment's maintenance is AWS's on EC2 too; remote maintenance sessions
-- (MA-4) and maintenance personnel (MA-5, organizational) stay shared
SELECT c.label, classify('ec2', c.control_id) AS ec2, classify('lambda', c.control_id) AS lambda,
       classify('s3', c.control_id) AS s3
FROM control c
WHERE c.framework_id = 'nist-800-53-r5' AND c.family_id = 'ma' AND 'MODERATE' = ANY (c.baselines)
ORDER BY c.sort_id;
-- same source: boundary protection partial, split tunneling (3.13.7) and
-- password rules (3.5.7-3.5.9) customer-only; unsuccessful logons (3.1.8)
-- customer-only, as srm says on EC2
SELECT c AS control, responsibility_of('ec2', c) AS ec2, classify('ec2', c), classify('lambda', c) AS lambda,
       classify('s3', c) AS s3
FROM unnest(ARRAY['SC-7', 'SC-7(5)', 'SC-7(7)', 'IA-5(1)', 'AC-7']) c;

-- AWS Well-Architected Reliability Pillar, Shared Responsibility Model for
-- Resiliency: AWS runs isolated zones; deploying across them, and backing
-- up, versioning and replicating data, is the customer's part
SELECT c AS control, responsibility_of('ec2', c) AS ec2, responsibility_of('s3', c) AS s3
FROM unnest(ARRAY['CP-7', 'CP-9', 'CP-10']) c;

-- Amazon EC2 User Guide, encryption in transit: AWS encrypts traffic
-- between its facilities; the workload's traffic is the customer's
SELECT responsibility_of('ec2', 'SC-8') AS ec2_sc_8, classify('ec2', 'SC-8(1)') AS ec2_sc_8_1;

-- AWS IAM User Guide, Access management: AWS authenticates and authorizes
-- every request; the customer manages identities and writes the policies
SELECT c AS control, responsibility_of('ec2', c) AS ec2, classify('lambda', c) AS lambda, classify('s3', c) AS s3
FROM unnest(ARRAY['AC-3', 'IA-2', 'IA-2(1)', 'IA-5', 'AC-2']) c;

-- the AWS Shared Responsibility Model page's own classes are unchanged:
-- zone security and network security stay the customer's alone
SELECT c, classify('ec2', c) FROM unnest(ARRAY['zone-security', 'network-security', 'service-and-communications-protection']) c;
