/*
 * loader.c: SQL-callable helpers of the AWS Config loader.
 */
#include "postgres.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"

#include "capture_time.h"

PG_FUNCTION_INFO_V1(srm_capture_time);
PG_FUNCTION_INFO_V1(srm_load_memory);

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

/*
 * srm_internal.load_memory() -> boolean: for the rest of the session, the
 * backend keeps the memory of one batch's merge for the next.  A merge
 * sorts, hashes and materializes its batch in blocks of some hundred kB
 * to some MB; glibc's malloc maps the larger ones afresh and hands freed
 * memory at the top of the heap back to the kernel, so that every batch
 * faults its blocks in again (a tenth of a load's backend CPU, measured
 * with and without).  With blocks up to 32 MB from the heap and up to 64
 * MB of free heap kept, they are reused: glibc's
 * glibc.malloc.mmap_threshold and trim_threshold, set for this process
 * alone.  srm-load calls it on each of its connections.  True when set;
 * false where the C library is not glibc, or where an allocator that
 * replaces glibc's (AddressSanitizer's) refuses them: nothing changes
 * there.
 */
Datum
srm_load_memory(PG_FUNCTION_ARGS)
{
#ifdef __GLIBC__
	bool		mmap_set = mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024) == 1;
	bool		trim_set = mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024) == 1;

	PG_RETURN_BOOL(mmap_set && trim_set);
#else
	PG_RETURN_BOOL(false);
#endif
}
