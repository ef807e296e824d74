/*
 * responsibility.h
 *    Datum conventions of the srm.responsibility type.
 *
 * A responsibility Datum is one byte: the value's ordinal in sort order
 * (see responsibility_io.h).  Comparison, equality and hashing are those of
 * an unsigned byte, so the SQL script binds them to the built-in "char"
 * functions; everything else goes through these helpers.
 */
#ifndef SRM_RESPONSIBILITY_H
#define SRM_RESPONSIBILITY_H

#include "postgres.h"
#include "fmgr.h"

#include "responsibility_io.h"

#define DatumGetResponsibilityOrd(d)	DatumGetUInt8(d)
#define ResponsibilityOrdGetDatum(o)	UInt8GetDatum(o)

#define PG_GETARG_RESPONSIBILITY_MASK(n) \
	(srm_mask_of_ord[DatumGetResponsibilityOrd(PG_GETARG_DATUM(n))])
#define PG_RETURN_RESPONSIBILITY_MASK(m) \
	return ResponsibilityOrdGetDatum(srm_ord_of_mask[(m)])

/* the canonical text of a mask, palloc'd */
extern char *responsibility_mask_to_cstring(uint8_t mask);

/* a mask's SQL literal for messages: the canonical text, quoted */
extern const char *responsibility_mask_name(uint8_t mask);

/*
 * ereport() when the server can report soft errors (PostgreSQL 16+), so
 * that pg_input_is_valid() and friends work; a plain ERROR before.
 */
#if PG_VERSION_NUM >= 160000
#define srm_ereturn(context, dummy, ...) ereturn(context, dummy, __VA_ARGS__)
#else
#define srm_ereturn(context, dummy, ...) \
	do { (void) (context); ereport(ERROR, __VA_ARGS__); return dummy; } while (0)
#endif

#endif							/* SRM_RESPONSIBILITY_H */
