/*
 * config_item.c: one AWS Config item read in one pass over its top-level
 * keys for the set-based merge (srm_internal.config_items_merge): the
 * types of its keys checked, its fields extracted and normalised, and the
 * reason it is rejected, if a rule that needs only the item itself rejects
 * it.  The rules that need other rows (the resource type's service, the
 * newest capture, the capture already loaded) stay in SQL.
 *
 * Every message is the one the merge wrote when it read the item with
 * SQL expressions; the whitespace, lower-case and ARN patterns of those
 * expressions are decided here for plain ASCII and left to the server's
 * own functions (with the database's collation) for anything else.
 */
#include "postgres.h"

#include "catalog/pg_collation.h"
#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"

#include "capture_time.h"

PG_FUNCTION_INFO_V1(srm_config_item_read);

/* the top-level keys the merge reads */
typedef enum ItemKey
{
	K_TYPE,
	K_ID,
	K_NAME,
	K_ARN,
	K_ARN2,
	K_ACCOUNT,
	K_ACCOUNT2,
	K_REGION,
	K_REGION2,
	K_TIME,
	K_STATUS,
	K_TAGS,
	K_CONFIGURATION,
	K_SUPPLEMENTARY,
	K_COUNT
} ItemKey;

static const char *const key_names[K_COUNT] = {
	"resourceType", "resourceId", "resourceName", "ARN", "arn",
	"awsAccountId", "accountId", "awsRegion", "region",
	"configurationItemCaptureTime", "configurationItemStatus", "tags",
	"configuration", "supplementaryConfiguration"
};

/* the columns of the result, in the order of the SQL function's OUT list */
typedef enum ItemColumn
{
	C_REASON,
	C_RESOURCE_TYPE,
	C_RESOURCE_ID,
	C_RESOURCE_NAME,
	C_ARN,
	C_ACCOUNT_ID,
	C_REGION,
	C_TIME_TEXT,
	C_CAPTURED_AT,
	C_ARN_OK,
	C_ITEM_STATUS,
	C_TAGS,
	C_CONFIGURATION,
	C_SUPPLEMENTARY,
	C_COUNT
} ItemColumn;

/* the known partitions of an ARN */
static const char *const partitions[] = {
	"aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e",
	"aws-iso-f", "aws-eusc"
};

/* a piece of text, not necessarily terminated; p is NULL for SQL null */
typedef struct Str
{
	const char *p;
	int			len;
} Str;

/* jsonb_typeof's name of a value read with the iterator's skipNested */
static const char *
value_type_name(const JsonbValue *v)
{
	switch (v->type)
	{
		case jbvNull:
			return "null";
		case jbvString:
			return "string";
		case jbvNumeric:
			return "number";
		case jbvBool:
			return "boolean";
		case jbvBinary:
			return JsonContainerIsObject(v->val.binary.data) ? "object" : "array";
		default:
			return "unknown";
	}
}

/* value #>> '{}' for a scalar: the string's text, null for JSON null */
static Str
value_text(const JsonbValue *v)
{
	Str			s = {NULL, 0};

	if (v->type == jbvString)
	{
		s.p = v->val.string.val;
		s.len = v->val.string.len;
	}
	else if (v->type == jbvNumeric)
	{
		s.p = DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(v->val.numeric)));
		s.len = strlen(s.p);
	}
	else if (v->type == jbvBool)
	{
		s.p = v->val.boolean ? "true" : "false";
		s.len = strlen(s.p);
	}
	return s;
}

static bool
is_ascii_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static text *
str_text(Str s)
{
	return cstring_to_text_with_len(s.p, s.len);
}

/* s ~ pattern, by the server's regular expressions in the default collation */
static bool
server_regex(Str s, const char *pattern)
{
	return DatumGetBool(DirectFunctionCall2Coll(textregexeq, DEFAULT_COLLATION_OID,
												PointerGetDatum(str_text(s)),
												PointerGetDatum(cstring_to_text(pattern))));
}

/* coalesce(s, '') ~ '\S': a character that is not white space */
static bool
has_nonspace(Str s)
{
	bool		plain = true;

	for (int i = 0; i < s.len; i++)
	{
		unsigned char c = (unsigned char) s.p[i];

		if (c > 0x20 && c < 0x7f)
			return true;
		if (!is_ascii_space((char) c))
			plain = false;
	}
	/* only the six ASCII blanks: white space in every locale */
	if (plain)
		return false;
	return server_regex(s, "\\S");
}

/* btrim(s): without the spaces (only ' ') at either end */
static Str
trim_spaces(Str s)
{
	if (s.p == NULL)
		return s;
	while (s.len > 0 && s.p[0] == ' ')
	{
		s.p++;
		s.len--;
	}
	while (s.len > 0 && s.p[s.len - 1] == ' ')
		s.len--;
	return s;
}

/* lower(s) in the default collation; s itself when it has nothing to lower */
static Str
lower_text(Str s)
{
	bool		plain = true;
	text	   *t;

	if (s.p == NULL)
		return s;
	for (int i = 0; i < s.len && plain; i++)
	{
		unsigned char c = (unsigned char) s.p[i];

		if (c >= 0x80 || (c >= 'A' && c <= 'Z'))
			plain = false;
	}
	if (plain)
		return s;
	t = DatumGetTextPP(DirectFunctionCall1Coll(lower, DEFAULT_COLLATION_OID,
											   PointerGetDatum(str_text(s))));
	s.p = VARDATA_ANY(t);
	s.len = VARSIZE_ANY_EXHDR(t);
	return s;
}

static bool
str_eq(Str a, Str b)
{
	return a.len == b.len && memcmp(a.p, b.p, a.len) == 0;
}

/* the byte length of left(s, n): its first n characters */
static int
left_len(Str s, int n)
{
	return pg_mbcharcliplen(s.p, s.len, n);
}

static bool
is_arn_word(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

/*
 * s ~ '^arn:[^:\s]+:[a-z0-9-]+:[a-z0-9-]*:[^:\s]*:\S', decided here for
 * printable ASCII (every field is delimited by the next ':', so one pass
 * decides it) and by the server's regular expression otherwise.
 */
static bool
arn_shape_ok(Str s)
{
	int			i = 4;
	int			start;

	for (int k = 0; k < s.len; k++)
	{
		unsigned char c = (unsigned char) s.p[k];

		if (c < 0x20 || c >= 0x7f)
			return server_regex(s, "^arn:[^:\\s]+:[a-z0-9-]+:[a-z0-9-]*:[^:\\s]*:\\S");
	}
	if (s.len < 4 || memcmp(s.p, "arn:", 4) != 0)
		return false;
	/* partition: one or more of neither ':' nor blank */
	start = i;
	while (i < s.len && s.p[i] != ':' && s.p[i] != ' ')
		i++;
	if (i == start || i >= s.len || s.p[i] != ':')
		return false;
	i++;
	/* service: one or more of [a-z0-9-] */
	start = i;
	while (i < s.len && is_arn_word((unsigned char) s.p[i]))
		i++;
	if (i == start || i >= s.len || s.p[i] != ':')
		return false;
	i++;
	/* region: any of [a-z0-9-] */
	while (i < s.len && is_arn_word((unsigned char) s.p[i]))
		i++;
	if (i >= s.len || s.p[i] != ':')
		return false;
	i++;
	/* account: any of neither ':' nor blank */
	while (i < s.len && s.p[i] != ':' && s.p[i] != ' ')
		i++;
	if (i >= s.len || s.p[i] != ':')
		return false;
	i++;
	/* the resource: starts with a character that is not blank */
	return i < s.len && s.p[i] != ' ';
}

/* split_part(s, ':', 2) of an ARN of the right shape */
static Str
arn_partition(Str arn)
{
	Str			part = {arn.p + 4, 0};

	while (4 + part.len < arn.len && arn.p[4 + part.len] != ':')
		part.len++;
	return part;
}

static bool
known_partition(Str part)
{
	for (int i = 0; i < lengthof(partitions); i++)
	{
		if (part.len == (int) strlen(partitions[i]) && memcmp(part.p, partitions[i], part.len) == 0)
			return true;
	}
	return false;
}

/*
 * A tags array is a list of {"key": ..., "value": ...} pairs: every element
 * an object whose "key" (failing that, "Key") is a string.
 */
static bool
tags_pairs_ok(JsonbContainer *tags)
{
	JsonbIterator *it = JsonbIteratorInit(tags);
	JsonbValue	e;
	JsonbIteratorToken tok;

	while ((tok = JsonbIteratorNext(&it, &e, true)) != WJB_DONE)
	{
		JsonbValue	key;

		if (tok != WJB_ELEM)
			continue;
		if (e.type != jbvBinary || !JsonContainerIsObject(e.val.binary.data))
			return false;
		if (getKeyJsonValueFromContainer(e.val.binary.data, "key", 3, &key) == NULL &&
			getKeyJsonValueFromContainer(e.val.binary.data, "Key", 3, &key) == NULL)
			return false;
		if (key.type != jbvString)
			return false;
	}
	return true;
}

/* the reason of a key of the wrong type, or NULL */
static char *
type_reason(const JsonbValue *vals, const bool *present)
{
	/* the keys that must be strings (or null), in the order they are checked */
	static const struct
	{
		ItemKey		key;
		const char *label;
	}			strings[] = {
		{K_TYPE, "resourceType"}, {K_ID, "resourceId"}, {K_NAME, "resourceName"},
		{K_ARN, "ARN"}, {K_ARN2, "arn"}, {K_ACCOUNT, "awsAccountId"},
		{K_ACCOUNT2, "accountId"}, {K_REGION, "awsRegion"}, {K_REGION2, "region"}
	};

	for (int i = 0; i < lengthof(strings); i++)
	{
		const JsonbValue *v = &vals[strings[i].key];

		if (present[strings[i].key] && v->type != jbvString && v->type != jbvNull)
			return psprintf("%s is a %s, not a string", strings[i].label, value_type_name(v));
	}
	if (present[K_TIME] && vals[K_TIME].type != jbvString && vals[K_TIME].type != jbvNumeric &&
		vals[K_TIME].type != jbvNull)
		return psprintf("configurationItemCaptureTime is a %s, not a string or a number",
						value_type_name(&vals[K_TIME]));
	if (present[K_STATUS] && vals[K_STATUS].type != jbvString && vals[K_STATUS].type != jbvNull)
		return psprintf("configurationItemStatus is a %s, not a string", value_type_name(&vals[K_STATUS]));
	if (present[K_TAGS] && vals[K_TAGS].type != jbvBinary && vals[K_TAGS].type != jbvNull)
		return psprintf("tags is a %s, not an object", value_type_name(&vals[K_TAGS]));
	if (present[K_TAGS] && vals[K_TAGS].type == jbvBinary &&
		JsonContainerIsArray(vals[K_TAGS].val.binary.data) &&
		!tags_pairs_ok(vals[K_TAGS].val.binary.data))
		return pstrdup("tags is an array, but not of {\"key\": ..., \"value\": ...} pairs");
	if (present[K_SUPPLEMENTARY] && vals[K_SUPPLEMENTARY].type != jbvNull &&
		!(vals[K_SUPPLEMENTARY].type == jbvBinary && JsonContainerIsObject(vals[K_SUPPLEMENTARY].val.binary.data)))
		return psprintf("supplementaryConfiguration is a %s, not an object",
						value_type_name(&vals[K_SUPPLEMENTARY]));
	return NULL;
}

static bool
twelve_digits(Str s)
{
	if (s.len != 12)
		return false;
	for (int i = 0; i < 12; i++)
	{
		if (s.p[i] < '0' || s.p[i] > '9')
			return false;
	}
	return true;
}

static Str
coalesce_str(Str a, Str b)
{
	return a.p != NULL ? a : b;
}

/* the result's row type, looked up once per call site */
static TupleDesc
result_desc(FunctionCallInfo fcinfo)
{
	TupleDesc	desc = (TupleDesc) fcinfo->flinfo->fn_extra;

	if (desc == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		TupleDesc	found;

		if (get_call_result_type(fcinfo, NULL, &found) != TYPEFUNC_COMPOSITE)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("srm_internal.config_item_read must be called where a row is expected")));
		if (found->natts != C_COUNT)
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("srm_internal.config_item_read returns %d columns, not %d", found->natts, C_COUNT),
					 errhint("The extension's SQL and its library are of different versions: ALTER EXTENSION srm UPDATE.")));
		desc = BlessTupleDesc(CreateTupleDescCopy(found));
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = desc;
	}
	return desc;
}

static void
set_text(Datum *values, bool *nulls, ItemColumn c, Str s)
{
	if (s.p == NULL)
		return;
	values[c] = PointerGetDatum(str_text(s));
	nulls[c] = false;
}

static void
set_jsonb(Datum *values, bool *nulls, ItemColumn c, JsonbValue *v, bool present)
{
	if (!present)
		return;
	values[c] = JsonbPGetDatum(JsonbValueToJsonb(v));
	nulls[c] = false;
}

/*
 * The rules of one item that need nothing but the item, in the merge's
 * order: its fields in values/nulls and the reason it is rejected (NULL
 * when none).  A rejected item's other columns are null.
 */
static char *
read_item(Jsonb *jb, Datum *values, bool *nulls)
{
	JsonbValue	vals[K_COUNT];
	bool		present[K_COUNT] = {false};
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	int			current = -1;
	char	   *reason;
	Str			type, id, account, account2, region, region2, arn, arn2, time_text;
	int64_t		usec;

	if (!JB_ROOT_IS_OBJECT(jb))
	{
		const char *name = "array";

		if (JB_ROOT_IS_SCALAR(jb))
		{
			JsonbValue	scalar;

			if (!JsonbExtractScalar(&jb->root, &scalar))
				elog(ERROR, "a scalar jsonb without its scalar");
			name = value_type_name(&scalar);
		}
		return psprintf("the item is a %s, not an object", name);
	}

	/* one pass over the top-level keys */
	it = JsonbIteratorInit(&jb->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (tok == WJB_KEY)
		{
			current = -1;
			for (int k = 0; k < K_COUNT; k++)
			{
				if (v.val.string.len == (int) strlen(key_names[k]) &&
					memcmp(v.val.string.val, key_names[k], v.val.string.len) == 0)
				{
					current = k;
					break;
				}
			}
		}
		else if (tok == WJB_VALUE && current >= 0)
		{
			vals[current] = v;
			present[current] = true;
		}
	}

	reason = type_reason(vals, present);
	if (reason != NULL)
		return reason;

#define TEXT_OF(k) (present[k] ? value_text(&vals[k]) : (Str) {NULL, 0})
	type = TEXT_OF(K_TYPE);
	id = TEXT_OF(K_ID);
	account = TEXT_OF(K_ACCOUNT);
	account2 = TEXT_OF(K_ACCOUNT2);
	region = TEXT_OF(K_REGION);
	region2 = TEXT_OF(K_REGION2);
	arn = TEXT_OF(K_ARN);
	arn2 = TEXT_OF(K_ARN2);
	time_text = TEXT_OF(K_TIME);

	if (!has_nonspace(type))
		return pstrdup("no resourceType");
	if (!has_nonspace(id))
		return pstrdup("no resourceId");
	if (account.p == NULL && account2.p == NULL)
		return pstrdup("no awsAccountId (or accountId)");
	if (account.p != NULL && account2.p != NULL && !str_eq(account, account2))
		return pstrdup("awsAccountId and accountId differ");
	account = coalesce_str(account, account2);
	if (!twelve_digits(account))
		return psprintf("account id \"%.*s\" is not 12 digits", left_len(account, 100), account.p);
	if (!has_nonspace(coalesce_str(region, region2)))
		return pstrdup("no awsRegion (or region)");
	if (region.p != NULL && region2.p != NULL &&
		!str_eq(lower_text(trim_spaces(region)), lower_text(trim_spaces(region2))))
		return pstrdup("awsRegion and region differ");
	if (arn.p != NULL && arn2.p != NULL && !str_eq(trim_spaces(arn), trim_spaces(arn2)))
		return pstrdup("ARN and arn differ");

	/* the fields as the merge stores them */
	type = trim_spaces(type);
	region = lower_text(trim_spaces(coalesce_str(region, region2)));
	arn = trim_spaces(coalesce_str(arn, arn2));
	if (arn.p != NULL && arn.len == 0)
		arn.p = NULL;

	if (type.len > 256)
		return psprintf("resourceType of %d bytes is longer than 256", type.len);
	if (id.len > 1024)
		return psprintf("resourceId of %d bytes is longer than 1024", id.len);
	if (arn.p != NULL && arn.len > 2048)
		return psprintf("ARN of %d bytes is longer than 2048", arn.len);
	if (region.len > 64)
		return psprintf("region of %d bytes is longer than 64", region.len);
	if (time_text.p != NULL)
	{
		if (!srm_parse_capture_time(time_text.p, time_text.len, &usec))
			return psprintf("configurationItemCaptureTime \"%.*s\" is not an ISO 8601 time or epoch seconds",
							left_len(time_text, 100), time_text.p);
		/* Unix epoch to PostgreSQL's (2000-01-01) */
		values[C_CAPTURED_AT] = TimestampTzGetDatum((TimestampTz) (usec - (int64_t) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * USECS_PER_DAY));
		nulls[C_CAPTURED_AT] = false;
	}
	if (arn.p != NULL)
	{
		Str			part;

		if (!arn_shape_ok(arn))
			return psprintf("ARN \"%.*s\" is not arn:partition:service:region:account:resource",
							left_len(arn, 100), arn.p);
		part = arn_partition(arn);
		if (!known_partition(part))
			return psprintf("ARN \"%.*s\" names an unknown partition \"%.*s\"",
							left_len(arn, 100), arn.p, left_len(part, 40), part.p);
		values[C_ARN_OK] = BoolGetDatum(true);
		nulls[C_ARN_OK] = false;
	}

	set_text(values, nulls, C_RESOURCE_TYPE, type);
	set_text(values, nulls, C_RESOURCE_ID, id);
	set_text(values, nulls, C_RESOURCE_NAME, TEXT_OF(K_NAME));
	set_text(values, nulls, C_ARN, arn);
	set_text(values, nulls, C_ACCOUNT_ID, account);
	set_text(values, nulls, C_REGION, region);
	set_text(values, nulls, C_TIME_TEXT, time_text);
	set_text(values, nulls, C_ITEM_STATUS, TEXT_OF(K_STATUS));
	set_jsonb(values, nulls, C_TAGS, &vals[K_TAGS], present[K_TAGS]);
	set_jsonb(values, nulls, C_CONFIGURATION, &vals[K_CONFIGURATION], present[K_CONFIGURATION]);
	set_jsonb(values, nulls, C_SUPPLEMENTARY, &vals[K_SUPPLEMENTARY], present[K_SUPPLEMENTARY]);
#undef TEXT_OF
	return NULL;
}

/*
 * srm_internal.config_item_read(jsonb) -> record: an AWS Config item's
 * fields as the merge stores them (resource type and ARN trimmed, region
 * in lower case, account from awsAccountId or accountId, the capture time
 * read), or the reason it is rejected with every other column null.
 */
Datum
srm_config_item_read(PG_FUNCTION_ARGS)
{
	Jsonb	   *jb = PG_GETARG_JSONB_P(0);
	TupleDesc	desc = result_desc(fcinfo);
	Datum		values[C_COUNT];
	bool		nulls[C_COUNT];
	char	   *reason;

	for (int c = 0; c < C_COUNT; c++)
	{
		values[c] = (Datum) 0;
		nulls[c] = true;
	}
	reason = read_item(jb, values, nulls);
	if (reason != NULL)
	{
		for (int c = 0; c < C_COUNT; c++)
			nulls[c] = true;
		values[C_REASON] = CStringGetTextDatum(reason);
		nulls[C_REASON] = false;
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}
