/*
 * capture_time.h: AWS Config capture times (ISO 8601 or epoch seconds)
 * read without PostgreSQL, so that the parser can be tested and fuzzed on
 * its own.
 */
#ifndef SRM_CAPTURE_TIME_H
#define SRM_CAPTURE_TIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Reads s[0..len) as a capture time and stores it as microseconds since
 * 1970-01-01 00:00:00 UTC.  Accepted: YYYY-MM-DD[T ]hh:mm[:ss[.f...]]
 * followed by Z, +hh, +hhmm, +hh:mm (or -) or nothing (UTC), and epoch
 * seconds (1696147201, 1696147201.5, 1.6961472015E9).  Years 1 to 9999,
 * every field in its range (no 2025-02-30, no 24:00).  False for anything
 * else, with *usec untouched.
 */
extern bool srm_parse_capture_time(const char *s, size_t len, int64_t *usec);

#endif
