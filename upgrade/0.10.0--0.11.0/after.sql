-- upgrade/0.10.0--0.11.0/after.sql: what 0.11.0 no longer has, dropped once
-- 0.11.0's functions and views are in place.  Never CASCADE.

-- issue 9: the gaps of every earlier run, as srm.run_audit writes them
SELECT srm_internal.audit_gaps(ARRAY(SELECT r.run_id FROM srm.audit_run r ORDER BY r.run_id));
-- and statistics for the groups' new column: without them the planner
-- takes every group to name a part of its own and sorts the whole list
-- into a merge join, where the memoized index scan is twice as fast
ANALYZE srm.audit_group;
