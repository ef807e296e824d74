-- upgrade/0.7.0--0.8.0/before.sql: what the code and data of 0.8.0 need
-- before they are replaced in place: new tables and columns.

-- issue 9: a run's groups are read in parallel whatever their size (as
-- install/tables/audit.sql)
ALTER TABLE srm.audit_group SET (parallel_workers = 4);
