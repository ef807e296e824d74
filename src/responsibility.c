/*
 * responsibility.c
 *    fmgr wrappers of the srm.responsibility type: text and binary I/O, set
 *    operators, containment, and the AWS class.
 *
 * Parsing and printing live in responsibility_io.c; this file only turns
 * their results into Datums and errors.  Operators do integer work on the
 * byte they are given: no allocation, no catalog access.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_enum.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/sortsupport.h"
#include "utils/syscache.h"

#include "responsibility.h"

PG_FUNCTION_INFO_V1(responsibility_in);
PG_FUNCTION_INFO_V1(responsibility_out);
PG_FUNCTION_INFO_V1(responsibility_recv);
PG_FUNCTION_INFO_V1(responsibility_send);
PG_FUNCTION_INFO_V1(responsibility_union);
PG_FUNCTION_INFO_V1(responsibility_intersect);
PG_FUNCTION_INFO_V1(responsibility_minus);
PG_FUNCTION_INFO_V1(responsibility_contains);
PG_FUNCTION_INFO_V1(responsibility_contained);
PG_FUNCTION_INFO_V1(responsibility_overlaps);
PG_FUNCTION_INFO_V1(responsibility_sortsupport);
PG_FUNCTION_INFO_V1(responsibility_larger);
PG_FUNCTION_INFO_V1(responsibility_smaller);
PG_FUNCTION_INFO_V1(responsibility_aws_class);

/* binary format: a version byte, then the mask */
#define RESPONSIBILITY_BINARY_VERSION 1

/* how much of a bad input or token an error message quotes */
#define QUOTE_INPUT_MAX 100
#define QUOTE_TOKEN_MAX 40

char *
responsibility_mask_to_cstring(uint8_t mask)
{
	char	   *buf = palloc(SRM_TEXT_MAX);

	srm_format(mask, buf);
	return buf;
}

const char *
responsibility_mask_name(uint8_t mask)
{
	return psprintf("'%s'", responsibility_mask_to_cstring(mask));
}

/* at most max bytes of s, cut at a character boundary, "..." if cut */
static char *
quote_clipped(const char *s, size_t len, size_t max)
{
	int			keep;

	if (len <= max)
		return pnstrdup(s, len);
	keep = pg_mbcliplen(s, (int) len, (int) max);
	return psprintf("%s...", pnstrdup(s, keep));
}

/* 1-based character position of a byte offset, for messages */
static int
char_position(const char *s, size_t offset)
{
	return pg_mbstrlen_with_len(s, (int) offset) + 1;
}

static char *
parse_error_detail(const char *str, const srm_parse_error *err)
{
	const char *tok = quote_clipped(str + err->start, err->length, QUOTE_TOKEN_MAX);
	int			at = char_position(str, err->start);

	switch (err->code)
	{
		case SRM_PARSE_EMPTY:
			return psprintf("The value is empty; write \"not applicable\" when no party takes part.");
		case SRM_PARSE_UNKNOWN_WORD:
			return psprintf("\"%s\" at character %d is not a party, a qualifier or an alias.", tok, at);
		case SRM_PARSE_QUALIFIER_ALONE:
			return psprintf("\"%s\" at character %d is a qualifier; write it in parentheses after its party, as in \"provider (system)\" or \"customer (configured)\".", tok, at);
		case SRM_PARSE_NOT_A_QUALIFIER:
			return psprintf("\"%s\" at character %d is not a qualifier; provider takes corporate and system, customer takes configured and provided.", tok, at);
		case SRM_PARSE_WRONG_QUALIFIER:
			return psprintf("Qualifier \"%s\" at character %d belongs to another party; provider takes corporate and system, customer takes configured and provided.", tok, at);
		case SRM_PARSE_QUALIFIED_ALIAS:
			return psprintf("\"%s\" at character %d takes no qualifiers; only provider and customer do.", tok, at);
		case SRM_PARSE_DUPLICATE_PARTY:
			return psprintf("\"%s\" at character %d names a party that is already named.", tok, at);
		case SRM_PARSE_DUPLICATE_QUALIFIER:
			return psprintf("Qualifier \"%s\" at character %d is already named for this party.", tok, at);
		case SRM_PARSE_NOT_APPLICABLE_WITH_PARTY:
			return psprintf("\"%s\" at character %d contradicts the rest: \"not applicable\" means that no party takes part, so it stands alone.", tok, at);
		case SRM_PARSE_STRAY_SEPARATOR:
			return psprintf("Separator \"%s\" at character %d has no part on one side.", tok, at);
		case SRM_PARSE_MISSING_SEPARATOR:
			return psprintf("\"%s\" at character %d follows the previous part without a separator \",\" or \"+\".", tok, at);
		case SRM_PARSE_EMPTY_QUALIFIERS:
			return psprintf("Parentheses closing at character %d hold no qualifier.", at);
		case SRM_PARSE_UNCLOSED_PARENTHESIS:
			return psprintf("Parenthesis \"(\" at character %d is not closed.", at);
		case SRM_PARSE_STRAY_PARENTHESIS:
			return psprintf("Parenthesis \"%s\" at character %d is out of place.", tok, at);
		case SRM_PARSE_OK:
			break;
	}
	return psprintf("Unexpected \"%s\" at character %d.", tok, at);
}

Datum
responsibility_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	size_t		len = strlen(str);
	uint8_t		mask;
	srm_parse_error err;

	if (!srm_parse(str, len, &mask, &err))
		srm_ereturn(fcinfo->context, (Datum) 0,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type responsibility: \"%s\"",
							quote_clipped(str, len, QUOTE_INPUT_MAX)),
					 errdetail_internal("%s", parse_error_detail(str, &err)),
					 errhint("%s", srm_valid_words)));

	return ResponsibilityOrdGetDatum(srm_ord_of_mask[mask]);
}

Datum
responsibility_out(PG_FUNCTION_ARGS)
{
	uint8		ord = DatumGetResponsibilityOrd(PG_GETARG_DATUM(0));

	if (!srm_ord_is_valid(ord))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid stored value %u for type responsibility", ord)));
	PG_RETURN_CSTRING(responsibility_mask_to_cstring(srm_mask_of_ord[ord]));
}

Datum
responsibility_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			remaining = buf->len - buf->cursor;
	int			version;
	int			mask;

	if (remaining != 2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary data for type responsibility: %d bytes, expected 2",
						remaining)));
	version = pq_getmsgbyte(buf);
	mask = pq_getmsgbyte(buf);
	if (version != RESPONSIBILITY_BINARY_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary data for type responsibility: format version %d, expected %d",
						version, RESPONSIBILITY_BINARY_VERSION)));
	if (!srm_mask_is_valid((unsigned) mask))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary data for type responsibility: bit pattern 0x%02x",
						mask),
				 errdetail("Bits 0x01, 0x08 and 0x40 are provider, customer and partner; "
						   "0x02 and 0x04 qualify provider and 0x10 and 0x20 customer, "
						   "and a qualifier needs its party's bit; 0x80 is never set.")));
	return ResponsibilityOrdGetDatum(srm_ord_of_mask[mask]);
}

Datum
responsibility_send(PG_FUNCTION_ARGS)
{
	uint8_t		mask = PG_GETARG_RESPONSIBILITY_MASK(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, RESPONSIBILITY_BINARY_VERSION);
	pq_sendbyte(&buf, mask);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ------------------------------------------------------------- operators */

Datum
responsibility_union(PG_FUNCTION_ARGS)
{
	PG_RETURN_RESPONSIBILITY_MASK(PG_GETARG_RESPONSIBILITY_MASK(0) |
								  PG_GETARG_RESPONSIBILITY_MASK(1));
}

Datum
responsibility_intersect(PG_FUNCTION_ARGS)
{
	PG_RETURN_RESPONSIBILITY_MASK(PG_GETARG_RESPONSIBILITY_MASK(0) &
								  PG_GETARG_RESPONSIBILITY_MASK(1));
}

Datum
responsibility_minus(PG_FUNCTION_ARGS)
{
	PG_RETURN_RESPONSIBILITY_MASK(srm_mask_minus(PG_GETARG_RESPONSIBILITY_MASK(0),
												 PG_GETARG_RESPONSIBILITY_MASK(1)));
}

Datum
responsibility_contains(PG_FUNCTION_ARGS)
{
	uint8_t		a = PG_GETARG_RESPONSIBILITY_MASK(0);
	uint8_t		b = PG_GETARG_RESPONSIBILITY_MASK(1);

	PG_RETURN_BOOL((a & b) == b);
}

Datum
responsibility_contained(PG_FUNCTION_ARGS)
{
	uint8_t		a = PG_GETARG_RESPONSIBILITY_MASK(0);
	uint8_t		b = PG_GETARG_RESPONSIBILITY_MASK(1);

	PG_RETURN_BOOL((a & b) == a);
}

Datum
responsibility_overlaps(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL((PG_GETARG_RESPONSIBILITY_MASK(0) &
					PG_GETARG_RESPONSIBILITY_MASK(1)) != 0);
}

/*
 * Sort support: the Datum is the rank, zero-extended, so the server's own
 * unsigned Datum comparator (with its specialized sort routines) applies.
 */
Datum
responsibility_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = ssup_datum_unsigned_cmp;
	PG_RETURN_VOID();
}

/* for max() and min(): the stored byte is the rank */
Datum
responsibility_larger(PG_FUNCTION_ARGS)
{
	uint8		a = DatumGetResponsibilityOrd(PG_GETARG_DATUM(0));
	uint8		b = DatumGetResponsibilityOrd(PG_GETARG_DATUM(1));

	return ResponsibilityOrdGetDatum(a > b ? a : b);
}

Datum
responsibility_smaller(PG_FUNCTION_ARGS)
{
	uint8		a = DatumGetResponsibilityOrd(PG_GETARG_DATUM(0));
	uint8		b = DatumGetResponsibilityOrd(PG_GETARG_DATUM(1));

	return ResponsibilityOrdGetDatum(a < b ? a : b);
}

/* ----------------------------------------------------------------- class */

static const char *const class_labels[] = {
	"not-applicable", "inherited", "shared", "customer-specific"
};

typedef struct class_oids
{
	Oid			label[lengthof(class_labels)];
} class_oids;

/*
 * The OIDs of srm.control_class's labels, looked up once per call site and
 * kept in fn_extra.
 */
static const class_oids *
get_class_oids(FunctionCallInfo fcinfo)
{
	class_oids *oids = (class_oids *) fcinfo->flinfo->fn_extra;

	if (oids == NULL)
	{
		Oid			enumtype = get_func_rettype(fcinfo->flinfo->fn_oid);
		int			i;

		oids = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(class_oids));
		for (i = 0; i < (int) lengthof(class_labels); i++)
		{
			HeapTuple	tup = SearchSysCache2(ENUMTYPOIDNAME,
											  ObjectIdGetDatum(enumtype),
											  CStringGetDatum(class_labels[i]));

			if (!HeapTupleIsValid(tup))
				ereport(ERROR,
						(errcode(ERRCODE_UNDEFINED_OBJECT),
						 errmsg("enum %s has no label \"%s\"",
								format_type_be(enumtype), class_labels[i]),
						 errhint("Reinstall the srm extension.")));
			oids->label[i] = ((Form_pg_enum) GETSTRUCT(tup))->oid;
			ReleaseSysCache(tup);
		}
		fcinfo->flinfo->fn_extra = oids;
	}
	return oids;
}

Datum
responsibility_aws_class(PG_FUNCTION_ARGS)
{
	uint8		ord = DatumGetResponsibilityOrd(PG_GETARG_DATUM(0));

	PG_RETURN_OID(get_class_oids(fcinfo)->label[srm_class_of_ord(ord)]);
}
