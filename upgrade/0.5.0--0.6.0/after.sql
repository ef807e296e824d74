-- upgrade/0.5.0--0.6.0/after.sql: what 0.6.0 no longer has, dropped once
-- 0.6.0's functions and views are in place.  Never CASCADE.

-- review (load_findings set-based): srm_internal.findings_read reads a
-- whole document; the per-finding reader is gone
DROP FUNCTION srm_internal.finding_read(jsonb, text);
