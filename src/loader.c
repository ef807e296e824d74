/*
 * loader.c: SQL-callable helpers of the AWS Config loader.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"

#include "capture_time.h"

PG_FUNCTION_INFO_V1(srm_capture_time);

/*
 * srm_internal.capture_time(text) -> timestamptz: an AWS Config capture
 * time (ISO 8601, zone-less read as UTC, or epoch seconds); null when the
 * text is none of these or out of range, so that a set-based load can
 * reject the item instead of failing.
 */
Datum
srm_capture_time(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int64_t		usec;

	if (!srm_parse_capture_time(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &usec))
		PG_RETURN_NULL();
	/* Unix epoch to PostgreSQL's (2000-01-01) */
	PG_RETURN_TIMESTAMPTZ((TimestampTz) (usec - (int64_t) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * USECS_PER_DAY));
}
