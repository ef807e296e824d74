-- Renames, in the catalog, every control of run :rename_run (label, title
-- and family title), as a later catalog might, so that a test can check
-- that the run's outputs keep the titles the run kept.  Included inside a
-- transaction that the test rolls back; the derivation is not refreshed.
SELECT set_config('srm.loading_model', 'on', true) AS no_derivation_refresh;
UPDATE control SET title = title || ' (renamed after the run)', label = label || '*',
                   family_title = family_title || ' (renamed after the run)'
WHERE (framework_id, control_id) IN (SELECT DISTINCT framework_id, control_id FROM audit_default WHERE run_id = :rename_run);
