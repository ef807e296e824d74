#!/usr/bin/env bash
# A nightly audit scheduled with pg_cron runs and records an audit run.
# Starts its own throw-away cluster with pg_cron preloaded (background
# workers, so no password is needed), schedules srm.run_audit every minute
# and waits up to 150 s for pg_cron to run it.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
if [ -z "${SRM_CRON_INNER:-}" ]; then
	export SRM_CRON_INNER=1
	exec setsid -w pg_virtualenv -t -o shared_preload_libraries=pg_cron -o cron.database_name=postgres \
		-o cron.use_background_workers=on -o max_worker_processes=16 bash "$top/test/cron/run.sh" </dev/null
fi
q() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }
small=$(cat "$top/test/fixtures/snapshot_small.json")
q -v snap="$small" <<'SQL'
CREATE EXTENSION pg_cron;
CREATE EXTENSION srm;
SELECT srm.load_config_snapshot(:'snap'::jsonb);
-- the README's job, every minute instead of nightly
SELECT cron.schedule('srm-nightly-audit', '* * * * *',
    $$SELECT srm.run_audit('aws-srm', note => 'scheduled by pg_cron', keep_runs => 30)$$);
SQL
for i in $(seq 1 150); do
	runs=$(q -c "SELECT count(*) FROM srm.audit_run WHERE note = 'scheduled by pg_cron'")
	[ "$runs" -ge 1 ] && break
	sleep 1
done
details=$(q -c "SELECT status || ': ' || coalesce(return_message, '') FROM cron.job_run_details ORDER BY runid DESC LIMIT 1")
summary=$(q -c "SELECT run_id || ' ' || assets || ' assets, ' || asset_controls || ' asset x control pairs, ' || gaps || ' gaps' FROM srm.bi_run WHERE note = 'scheduled by pg_cron' ORDER BY run_id LIMIT 1")
q -c "SELECT cron.unschedule('srm-nightly-audit')" >/dev/null
if [ "${runs:-0}" -ge 1 ] && [[ "$details" == succeeded* ]]; then
	echo "cron: pg_cron ran the audit after ${i}s ($details): run $summary"
else
	echo "cron: FAILED: no scheduled audit after ${i}s; last job run: ${details:-none}"
	exit 1
fi
