-- upgrade/0.3.0--0.4.0/after.sql: what 0.4.0 no longer has, dropped once
-- 0.4.0's functions and views are in place.  Never CASCADE.

-- issue 9 (perf9): srm_internal.derived_responsibility reads the stored
-- derivation itself; its only caller's helper goes
DROP FUNCTION srm_internal.derived_responsibilities(text, text[], text, text[]);

-- issue 10 (srm-load, item-level rejections): the loader's stages are one
-- function now, srm_internal.config_items_merge
DROP FUNCTION srm_internal.config_items_stage(jsonb);
DROP FUNCTION srm_internal.config_items_upsert(bigint);
