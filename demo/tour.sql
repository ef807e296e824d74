-- A tour of srm's responsibility type: a few questions a compliance team asks.
\pset footer off
CREATE EXTENSION IF NOT EXISTS srm;
SET search_path = srm, public;

\echo
\echo '1. AWS calls patch management "shared". Who takes part, and which class is it?'
SELECT 'shared'::responsibility AS parties, aws_class('shared') AS class;

\echo
\echo '2. An EC2 instance stacks layers. Who takes part in a control that spans them all?'
SELECT responsibility_agg(r) AS whole_stack, aws_class(responsibility_agg(r)) AS class
FROM (VALUES ('guest OS patching', 'customer (provided)'::responsibility),
             ('security groups', 'customer (configured)'),
             ('hypervisor', 'provider (system)'),
             ('data centre', 'provider (corporate)')) AS stack(layer, r);

\echo
\echo '3. Once AWS has done its part, what is left to us?'
SELECT r AS control, r - 'provider' AS our_part
FROM unnest('{inherited, shared, "provider (system), customer (configured)", customer-specific}'::responsibility[]) r;

\echo
\echo '4. Sort controls by customer burden (not applicable < inherited < shared < customer-specific)'
SELECT control, r AS responsibility, aws_class(r) AS class
FROM (VALUES ('PE-3 physical access', 'inherited'::responsibility),
             ('SC-7 boundary protection', 'customer (configured)'),
             ('SI-2 flaw remediation', 'shared'),
             ('AT-2 awareness training', 'provider (corporate), customer'),
             ('PE-18 location of components', 'n/a')) AS c(control, r)
ORDER BY r DESC, control;

\echo
\echo '5. The words each framework uses for the same value'
SELECT r AS responsibility, csa_ownership(r) AS csa_ccm_v4,
       fedramp_origination(r) AS fedramp_in_our_ssp,
       fedramp_origination(r, 'provider') AS fedramp_in_aws_ssp,
       oscal_export(r) AS oscal_export
FROM unnest('{inherited, shared, "provider (corporate), customer (configured)", customer-specific}'::responsibility[]) r;

\echo
\echo '6. A typo is an error that says what is wrong, never a silent default'
\set ON_ERROR_STOP off
SELECT 'provider, custmer'::responsibility;
\set ON_ERROR_STOP on
