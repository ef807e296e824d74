#!/usr/bin/env bash
# An audit sees one consistent inventory while other sessions write, and a
# report reads its run only (issue 9, "Bad input"):
#   test/audit/concurrent.sh OUTDIR
# Against the server in PGHOST/PGPORT/PGUSER (the test runner starts a
# throw-away one), on the sample inventory (test/lib/sample_db.sh):
#   1. writes begun while an audit runs (a load of a new asset and of a
#      changed one, an account-scoped override, a control status) wait
#      for it, seen waiting on a lock, and its run holds none of them;
#      they land once it ends;
#   2. an audit begun while a load and an override are uncommitted waits
#      for them, seen waiting on a lock, and its run holds all of them;
#   3. reports of a run made while another session commits overrides,
#      statuses and loads, transaction after transaction, are the report
#      made before, byte for byte.
# Prints "audit_concurrent: PASS" and exits 0, or a FAIL line and exits 1.
set -euo pipefail

# shell helpers, a scratch database with srm and the sample inventory
# shellcheck source=../lib/sample_db.sh
. "$(dirname "$0")/../lib/sample_db.sh"
SAMPLE_MULTICLOUD=0 sample_db_setup audit_concurrent 'report_html(bigint)' "$@"

fw=nist-800-53-r5
acct=$(q -c "SELECT account_id FROM srm.asset WHERE provider = 'aws' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
IFS=' ' read -r changed region <<<"$(q -F' ' -c "SELECT resource_id, region FROM srm.asset
    WHERE account_id = '$acct' AND resource_type = 'AWS::S3::Bucket' ORDER BY asset_id LIMIT 1")"
[ -n "$acct" ] && [ -n "$changed" ] && [ -n "$region" ] || fail "the sample has no S3 bucket to change"

# a snapshot of one new bucket and one changed bucket of account acct
# on one line (NAME: the new bucket's name; the changed one gets a tag
# "written" = NAME)
snapshot() {
    printf '{"configurationItems": [%s, %s]}' \
        "{\"resourceType\": \"AWS::S3::Bucket\", \"resourceId\": \"$1\", \"awsAccountId\": \"$acct\", \"awsRegion\": \"us-east-1\", \"ARN\": \"arn:aws:s3:::$1\", \"configurationItemCaptureTime\": \"2031-01-01T00:00:00Z\", \"configurationItemStatus\": \"OK\", \"tags\": {}, \"configuration\": {}}" \
        "{\"resourceType\": \"AWS::S3::Bucket\", \"resourceId\": \"$changed\", \"awsAccountId\": \"$acct\", \"awsRegion\": \"$region\", \"ARN\": \"arn:aws:s3:::$changed\", \"configurationItemCaptureTime\": \"2031-01-01T00:00:00Z\", \"configurationItemStatus\": \"OK\", \"tags\": {\"written\": \"$1\"}, \"configuration\": {}}"
}
# the statements of a writer: the load, an account-scoped override, a status
writes() {
    printf '%s\n' "\\set snap '$(snapshot "$1")'" \
        "SELECT srm.load_config_snapshot(:'snap'::jsonb, 'concurrent $1');" \
        "INSERT INTO srm.override (account_id, framework_id, control_id, responsibility, reason)
         VALUES ('$acct', '$fw', 'SC-28', 'customer', 'concurrent $1');" \
        "INSERT INTO srm.control_status (framework_id, control_id, account_id, status, evidence)
         VALUES ('$fw', 'AC-2', '$acct', 'implemented', 'concurrent $1');"
}
# waits (up to 5 s) until another session's query has TEXT
started() {
    local i
    for ((i = 0; i < 100; i++)); do
        [ -n "$(q -c "SELECT 1 FROM pg_stat_activity WHERE query LIKE '%$1%' AND pid <> pg_backend_pid()")" ] && return 0
        sleep 0.05
    done
}
# waits until a session whose query has TEXT waits on a lock; prints its
# wait event, or fails after 20 s
lock_wait_of() {
    local i w
    for ((i = 0; i < 200; i++)); do
        w=$(q -c "SELECT wait_event_type || ':' || wait_event FROM pg_stat_activity
                  WHERE datname = current_database() AND pid <> pg_backend_pid()
                    AND wait_event_type = 'Lock' AND query LIKE '%$1%' LIMIT 1")
        [ -n "$w" ] && { echo "$w"; return 0; }
        sleep 0.1
    done
    return 1
}
# what run RID holds of the writes named NAME: assets, the new bucket, the
# changed bucket's tag, the override, the status
held() {
    q -F' ' -c "SELECT (SELECT count(*) FROM srm.audit_asset WHERE run_id = $1),
                       (SELECT count(*) FROM srm.audit_asset WHERE run_id = $1 AND resource_id = '$2'),
                       (SELECT count(*) FROM srm.audit_asset WHERE run_id = $1 AND resource_id = '$changed' AND tags ->> 'written' = '$2'),
                       (SELECT count(*) FROM srm.audit_override WHERE run_id = $1 AND reason = 'concurrent $2'),
                       (SELECT count(*) FROM srm.audit_status WHERE run_id = $1 AND evidence = 'concurrent $2')"
}

# --- 1. writes begun during an audit wait for it, and are not in its run ------
before=$(q -c "SELECT count(*) FROM srm.asset")
# the audit's transaction stays open 3 s after the audit, while the writer
# starts: a write during the audit itself meets the same lock
q -c "SET client_min_messages = warning" -c "BEGIN" \
  -c "SELECT srm.run_audit('$fw', 'MODERATE', note => 'audit during writes')" -c "SELECT pg_sleep(3)" -c "COMMIT" \
  >"$out/audit-1.txt" 2>&1 &
audit_pid=$!
started "audit during writes"
writes during-audit | q -c "SET client_min_messages = warning" -f - >"$out/writer-1.txt" 2>&1 &
writer_pid=$!
wait1=$(lock_wait_of "concurrent during-audit") || fail "the writer did not wait for the audit"
wait $audit_pid || { cat "$out/audit-1.txt" >&2; fail "the audit beside the writer failed"; }
wait $writer_pid || { cat "$out/writer-1.txt" >&2; fail "the writer beside the audit failed"; }
run1=$(q -c "SELECT run_id FROM srm.audit_run WHERE note = 'audit during writes'")
got=$(held "$run1" during-audit)
[ "$got" = "$before 0 0 0 0" ] || fail "run $run1 holds writes made while it ran: assets, new, changed, override, status = $got (expected $before 0 0 0 0)"
after=$(q -c "SELECT count(*) FROM srm.asset")
landed=$(q -F' ' -c "SELECT (SELECT count(*) FROM srm.override WHERE reason = 'concurrent during-audit'),
                            (SELECT count(*) FROM srm.control_status WHERE evidence = 'concurrent during-audit'),
                            (SELECT count(*) FROM srm.asset WHERE resource_id = '$changed' AND tags ->> 'written' = 'during-audit')")
[ "$after" = $((before + 1)) ] && [ "$landed" = "1 1 1" ] \
    || fail "the writes did not land after the audit: assets $before -> $after, override, status, changed = $landed"
ok "writes begun during an audit waited ($wait1); its run $run1 has the $before assets before them and none of the writes, which landed after it"

# --- 2. an audit begun during uncommitted writes waits for them, and has them -
before=$(q -c "SELECT count(*) FROM srm.asset")
{ echo "BEGIN;"; writes before-audit; echo "SELECT pg_sleep(3);"; echo "COMMIT;"; } |
    q -c "SET client_min_messages = warning" -f - >"$out/writer-2.txt" 2>&1 &
writer_pid=$!
started "pg_sleep(3)"
q -c "SET client_min_messages = warning" -c "SELECT srm.run_audit('$fw', 'MODERATE', note => 'audit after writes')" \
  >"$out/audit-2.txt" 2>&1 &
audit_pid=$!
wait2=$(lock_wait_of "audit after writes") || fail "the audit did not wait for the uncommitted writes"
wait $writer_pid || { cat "$out/writer-2.txt" >&2; fail "the writer before the audit failed"; }
wait $audit_pid || { cat "$out/audit-2.txt" >&2; fail "the audit after the writer failed"; }
run2=$(q -c "SELECT run_id FROM srm.audit_run WHERE note = 'audit after writes'")
got=$(held "$run2" before-audit)
[ "$got" = "$((before + 1)) 1 1 1 1" ] \
    || fail "run $run2 lacks writes committed before it read: assets, new, changed, override, status = $got (expected $((before + 1)) 1 1 1 1)"
ok "an audit begun during uncommitted writes waited ($wait2); its run $run2 has all of them ($((before + 1)) assets)"

# --- 3. a run's report while others commit changes -----------------------------
report0=$(q -c "SELECT md5(srm.report_html($run2))")
ssp0=$(q -c "SELECT md5(srm.oscal_ssp($run2)::text)")
gaps0=$(q -c "SELECT md5(string_agg(b::text, E'\n' ORDER BY b::text)) FROM srm.bi_customer_gaps b WHERE run_id = $run2")
# 60 transactions, each a load, an override and a status, then half of the
# overrides and statuses changed or deleted again
for ((k = 0; k < 60; k++)); do
    writes "churn-$k"
    echo "UPDATE srm.override SET responsibility = 'provider' WHERE reason = 'concurrent churn-$((k / 2))';"
    echo "DELETE FROM srm.control_status WHERE evidence = 'concurrent churn-$((k / 2))';"
done | q -c "SET client_min_messages = warning" -f - >"$out/writer-3.txt" 2>&1 &
writer_pid=$!
reports=0 differ=0
while kill -0 $writer_pid 2>/dev/null || [ $reports -lt 3 ]; do
    r=$(q -c "SELECT md5(srm.report_html($run2)) || ' ' || md5(srm.oscal_ssp($run2)::text) || ' '
                     || (SELECT md5(string_agg(b::text, E'\n' ORDER BY b::text)) FROM srm.bi_customer_gaps b WHERE run_id = $run2)")
    reports=$((reports + 1))
    [ "$r" = "$report0 $ssp0 $gaps0" ] || differ=$((differ + 1))
done
wait $writer_pid || { cat "$out/writer-3.txt" >&2; fail "the writer beside the reports failed"; }
churned=$(q -c "SELECT count(*) FROM srm.override WHERE reason LIKE 'concurrent churn-%'")
[ "$churned" = 60 ] || fail "the writer beside the reports committed $churned overrides, not 60"
[ $differ = 0 ] || fail "$differ of $reports reports of run $run2 (HTML, SSP or the gaps list) changed while others committed"
final=$(q -c "SELECT md5(srm.report_html($run2)) || ' ' || md5(srm.oscal_ssp($run2)::text)")
[ "$final" = "$report0 $ssp0" ] || fail "the report of run $run2 changed after 60 commits of loads, overrides and statuses"
ok "$reports reports, SSPs and gap lists of run $run2 made while another session committed 60 loads, overrides and statuses are the one made before"

echo "$name: PASS"
