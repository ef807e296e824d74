-- upgrade/0.6.0--0.7.0/before.sql: what the code and data of 0.7.0 need
-- before they are replaced in place: new tables and columns.

-- issue 9: a run keeps its controls' label and titles (as
-- install/tables/audit.sql); the runs made before 0.7.0 take them from the
-- catalog as it is now, the nearest to what they saw
ALTER TABLE srm.audit_default ADD COLUMN label text, ADD COLUMN title text, ADD COLUMN family_title text;
UPDATE srm.audit_default d
SET label = c.label, title = c.title, family_title = c.family_title
FROM srm.control c
WHERE c.framework_id = d.framework_id AND c.control_id = d.control_id;
COMMENT ON COLUMN srm.audit_default.label IS 'the control''s label (srm.control.label) when the run was made';
COMMENT ON COLUMN srm.audit_default.title IS 'the control''s title (srm.control.title) when the run was made';
COMMENT ON COLUMN srm.audit_default.family_title IS 'the title of the control''s family (srm.control.family_title) when the run was made';

-- issue 9: the assets a run could not place, found by index
CREATE INDEX audit_asset_unknown ON srm.audit_asset (run_id) WHERE NOT known;

-- issue 9: no column statistics for documents no query compares whole (as
-- install/tables/inventory.sql and audit.sql)
ALTER TABLE srm.asset ALTER COLUMN tags SET STATISTICS 0, ALTER COLUMN configuration SET STATISTICS 0,
    ALTER COLUMN supplementary_configuration SET STATISTICS 0;
ALTER TABLE srm.audit_asset ALTER COLUMN tags SET STATISTICS 0;
